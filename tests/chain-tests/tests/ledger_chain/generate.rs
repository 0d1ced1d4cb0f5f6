//! Choosing the next action from the model's state: usually one that moves a flow on
//! (registrations, deposits, votes, withdrawals, payouts, refunds, exits), sometimes one
//! meant to be refused (wrong amounts and symbols, unknown or finished ids, wrong signers,
//! double confirmations, a second open withdrawal, the chairman leaving…). The model, not
//! the generator, says what the chain must answer, so a "bad" choice that happens to be
//! valid is simply pushed as valid.
use super::model::*;
use super::rng::Rng;
use coop_protocol::soviet::{KIND_JOINCOOP, KIND_LEAVE};
use coop_protocol::wallet::{KIND_REGISTRATION, KIND_SHARE};
use coop_runtime::asset_math::MAX_AMOUNT;
use coop_runtime::{n, sym};
use eosio::Asset;

/// How often (in percent) the next action is chosen among the ones meant to be refused.
pub const INVALID_PERCENT: u64 = 28;

/// Most pending deposits a person may have before the generator stops announcing new ones
/// (each is a row the signer pays for; people's accounts have a little RAM).
const MAX_PENDING: usize = 3;

/// The next action for `model`.
pub fn next_op(model: &Model, rng: &mut Rng) -> Op {
    if rng.percent(INVALID_PERCENT) {
        if let Some(op) = invalid(model, rng) {
            return op;
        }
    }
    let candidates = valid(model, rng);
    let weights: Vec<u32> = candidates.iter().map(|(w, _)| *w).collect();
    match rng.weighted(&weights) {
        Some(i) => candidates[i].1.clone(),
        // Founders can always announce a share deposit, so this is a fallback only.
        None => invalid(model, rng).expect("some action is always possible"),
    }
}

/// A person signs for themselves (mostly) or the cooperative signs for them.
fn self_or_coop(rng: &mut Rng, person: usize) -> Signer {
    if rng.percent(70) {
        Signer::Person(person)
    } else {
        Signer::Coop
    }
}

/// A share amount: mostly a few roubles to a few hundred, sometimes round.
fn share_amount(rng: &mut Rng) -> i64 {
    match rng.below(4) {
        0 => rng.range(1, 9_999),
        1 => rng.range(1, 100) * 10_000,
        _ => rng.range(10_000, 5_000_000),
    }
}

/// A withdrawal amount up to `available` (> 0): sometimes all of it.
fn withdrawal_amount(rng: &mut Rng, available: i64) -> i64 {
    if rng.percent(20) {
        available
    } else {
        rng.range(1, available)
    }
}

/// An amount the wallet must refuse (not a valid positive amount in roubles).
fn bad_amount(rng: &mut Rng) -> Asset {
    match rng.below(6) {
        0 => rub(0),
        1 => rub(-rng.range(1, 1_000_000)),
        2 => Asset { amount: rng.range(1, 1_000_000), symbol: sym(4, "USD") },
        3 => Asset { amount: rng.range(1, 1_000_000), symbol: sym(2, "RUB") },
        4 => rub(MAX_AMOUNT.saturating_add(rng.range(1, 1_000))),
        _ => rub(-MAX_AMOUNT - rng.range(1, 1_000)),
    }
}

/// The actions that move the flows on, with their weights.
fn valid(m: &Model, rng: &mut Rng) -> Vec<(u32, Op)> {
    let mut c: Vec<(u32, Op)> = Vec::new();
    for (person, p) in m.people.iter().enumerate() {
        // The way in.
        if !p.card {
            c.push((3, Op::NewAccount { person, signer: Signer::Coop }));
        } else if !p.participant && p.application.is_none() {
            match p.agreed.iter().position(|signed| !signed) {
                Some(kind) => c.push((4, Op::Agree { person, kind, signer: self_or_coop(rng, person) })),
                None => c.push((4, Op::Joincoop { person, signer: self_or_coop(rng, person) })),
            }
        }
        if let Some(Application { paid: false, .. }) = p.application {
            if p.regdeposit.is_none() {
                let (initial, minimum) = m.fees_of(person);
                let signer = self_or_coop(rng, person);
                c.push((5, Op::Deposit { person, kind: KIND_REGISTRATION, quantity: rub(initial + minimum), signer }));
                c.push((1, Op::Cancelapp { person, signer: self_or_coop(rng, person) }));
            }
        }
        // Share deposits and withdrawals of participants (not while they are leaving).
        if p.participant && !p.leaving && m.pending_of(person) < MAX_PENDING {
            let quantity = rub(share_amount(rng));
            c.push((4, Op::Deposit { person, kind: KIND_SHARE, quantity, signer: self_or_coop(rng, person) }));
        }
        if let Some(wallet) = p.wallet {
            if p.participant && !p.leaving && wallet.blocked == 0 && wallet.available > 0 {
                let quantity = rub(withdrawal_amount(rng, wallet.available));
                let signer = Signer::Person(person);
                c.push((4, Op::Withdraw { person, quantity, signer, statement_by: person }));
            }
        }
    }
    for (&deposit, d) in &m.deposits {
        if d.status == DEPOSIT_PENDING {
            c.push((5, Op::Confirm { deposit, signer: Signer::Coop }));
            c.push((1, Op::Cancel { deposit, signer: Signer::Coop }));
        } else if d.status == DEPOSIT_REFUND {
            c.push((3, Op::Payrefund { deposit, signer: Signer::Coop }));
        }
    }
    // Someone leaves now and then (not the chairman, not with an open withdrawal).
    let may_leave: Vec<usize> = (0..m.people.len())
        .filter(|&p| {
            let p = &m.people[p];
            p.participant && !p.leaving && !p.chairman && p.wallet.is_none_or(|w| w.blocked == 0)
        })
        .collect();
    if !may_leave.is_empty() {
        let person = *rng.pick(&may_leave);
        c.push((2, Op::Leave { person, signer: Signer::Person(person), statement_by: person }));
    }
    let council = m.council();
    let chairman = m.chairman();
    for (&decision, d) in &m.decisions {
        if !d.authorized && m.tally(d).declined() {
            // Declined by a change of the council (someone left it): anyone may close it.
            let executer = if m.people[d.person].card && rng.percent(50) { d.person } else { *rng.pick(&council) };
            c.push((6, Op::Close { executer, decision }));
            continue;
        }
        if d.authorized {
            let executer = if rng.percent(50) { *rng.pick(&council) } else { d.person };
            let executer = if m.people[executer].card { executer } else { chairman };
            c.push((6, Op::Exec { executer, decision }));
            continue;
        }
        // One vote per decision among the candidates: mostly for, sometimes against.
        let voter = *rng.pick(&council);
        let against_percent = match d.kind {
            KIND_JOINCOOP => 22,
            KIND_LEAVE => 25,
            _ => 30,
        };
        let vote = if rng.percent(6) {
            Vote::Cancel
        } else if rng.percent(against_percent) {
            Vote::Against
        } else {
            Vote::For
        };
        let already = match vote {
            Vote::For => d.votes_for.contains(&voter),
            Vote::Against => d.votes_against.contains(&voter),
            Vote::Cancel => !d.votes_for.contains(&voter) && !d.votes_against.contains(&voter),
        };
        if !already {
            c.push((6, Op::Vote { voter, decision, vote }));
        }
        if m.tally(d).approved() {
            c.push((6, Op::Authorize { chairman, decision }));
        }
    }
    for (&withdrawal, w) in &m.withdrawals {
        if w.status == WITHDRAWAL_AUTHORIZED {
            c.push((5, Op::Payout { withdrawal, signer: Signer::Coop }));
            c.push((2, Op::Failwithdr { withdrawal, signer: Signer::Coop }));
        }
    }
    c
}

/// Someone who has an account (and so can sign).
fn anyone_with_account(m: &Model, rng: &mut Rng) -> usize {
    let with: Vec<usize> = (0..m.people.len()).filter(|&p| m.people[p].card).collect();
    *rng.pick(&with)
}

/// Someone with an account other than `person`, signing in their stead.
fn someone_else(m: &Model, rng: &mut Rng, person: usize) -> usize {
    let others: Vec<usize> = (0..m.people.len()).filter(|&p| p != person && m.people[p].card).collect();
    *rng.pick(&others)
}

/// Another person signing for `person`: a wrong signer.
fn wrong_signer(m: &Model, rng: &mut Rng, person: usize) -> Signer {
    Signer::Person(someone_else(m, rng, person))
}

/// A deposit id: a known one (any status), one that is gone, or one never given out.
fn some_deposit(m: &Model, rng: &mut Rng) -> u64 {
    match rng.below(3) {
        0 if !m.deposits.is_empty() => *rng.pick(&m.deposits.keys().copied().collect::<Vec<_>>()),
        1 if m.last_deposit > 0 => rng.range(1, m.last_deposit as i64) as u64,
        _ => m.last_deposit + 1 + rng.below(50),
    }
}

/// A withdrawal id, likewise.
fn some_withdrawal(m: &Model, rng: &mut Rng) -> u64 {
    match rng.below(3) {
        0 if !m.withdrawals.is_empty() => *rng.pick(&m.withdrawals.keys().copied().collect::<Vec<_>>()),
        1 if m.last_withdrawal > 0 => rng.range(1, m.last_withdrawal as i64) as u64,
        _ => m.last_withdrawal + 1 + rng.below(50),
    }
}

/// A decision id, likewise (0 is never given out).
fn some_decision(m: &Model, rng: &mut Rng) -> u64 {
    match rng.below(3) {
        0 if !m.decisions.is_empty() => *rng.pick(&m.decisions.keys().copied().collect::<Vec<_>>()),
        1 if m.last_decision > 0 => rng.range(1, m.last_decision as i64) as u64,
        _ => m.last_decision + rng.below(50),
    }
}

/// A coop-signed action's signer: sometimes a member, who may not sign it.
fn coop_action_signer(m: &Model, rng: &mut Rng) -> Signer {
    if rng.percent(30) {
        Signer::Person(anyone_with_account(m, rng))
    } else {
        Signer::Coop
    }
}

/// One of the people with an account for whom `wanted` holds, or anyone with an account.
fn prefer(m: &Model, rng: &mut Rng, wanted: impl Fn(&Person) -> bool) -> usize {
    let matching: Vec<usize> = (0..m.people.len()).filter(|&p| m.people[p].card && wanted(&m.people[p])).collect();
    if matching.is_empty() {
        anyone_with_account(m, rng)
    } else {
        *rng.pick(&matching)
    }
}

/// One of the ids for which `wanted` holds, or any id (known, gone or never given).
fn prefer_id<T>(
    rng: &mut Rng,
    rows: &std::collections::BTreeMap<u64, T>,
    wanted: impl Fn(&T) -> bool,
    any: impl FnOnce(&mut Rng) -> u64,
) -> u64 {
    let matching: Vec<u64> = rows.iter().filter(|(_, row)| wanted(row)).map(|(id, _)| *id).collect();
    if matching.is_empty() || rng.percent(40) {
        any(rng)
    } else {
        *rng.pick(&matching)
    }
}

/// An action meant to be refused (the model decides; some turn out valid).
fn invalid(m: &Model, rng: &mut Rng) -> Option<Op> {
    let person = anyone_with_account(m, rng);
    let council = m.council();
    let op = match rng.below(26) {
        // Share deposits of a bad amount or kind, by someone not a participant, or signed
        // by a third party.
        0 | 1 => Op::Deposit { person, kind: KIND_SHARE, quantity: bad_amount(rng), signer: self_or_coop(rng, person) },
        2 => {
            let newcomer = (0..m.people.len()).find(|&p| !m.people[p].participant).unwrap_or(person);
            let signer = if m.people[newcomer].card { self_or_coop(rng, newcomer) } else { Signer::Coop };
            Op::Deposit { person: newcomer, kind: KIND_SHARE, quantity: rub(share_amount(rng)), signer }
        }
        3 => Op::Deposit {
            person,
            kind: KIND_SHARE,
            quantity: rub(share_amount(rng)),
            signer: wrong_signer(m, rng, person),
        },
        4 => {
            let kind = if rng.percent(50) { n("gift") } else { n("registratio") };
            Op::Deposit { person, kind, quantity: rub(share_amount(rng)), signer: self_or_coop(rng, person) }
        }
        // Registration payments: a wrong amount, none open, one already in progress.
        5 | 6 => {
            let person = prefer(m, rng, |p| matches!(p.application, Some(Application { paid: false, .. })));
            let (initial, minimum) = m.fees_of(person);
            let fee = initial + minimum;
            let amount = match rng.below(3) {
                0 => fee + rng.range(1, 10_000),
                1 => fee - rng.range(1, fee - 1),
                _ => {
                    let (i, mm) =
                        if m.fees_of(person) == m.fees.individual { m.fees.organization } else { m.fees.individual };
                    i + mm
                }
            };
            Op::Deposit { person, kind: KIND_REGISTRATION, quantity: rub(amount), signer: self_or_coop(rng, person) }
        }
        7 => {
            let person = prefer(m, rng, |p| p.regdeposit.is_some() || p.application.is_none());
            let (initial, minimum) = m.fees_of(person);
            let quantity = rub(initial + minimum);
            Op::Deposit { person, kind: KIND_REGISTRATION, quantity, signer: self_or_coop(rng, person) }
        }
        // Confirmations and cancellations: unknown, finished, confirmed twice, by a member.
        8 => {
            let deposit = prefer_id(rng, &m.deposits, |d| d.status != DEPOSIT_PENDING, |rng| some_deposit(m, rng));
            Op::Confirm { deposit, signer: coop_action_signer(m, rng) }
        }
        9 => {
            let deposit = prefer_id(rng, &m.deposits, |d| d.status != DEPOSIT_PENDING, |rng| some_deposit(m, rng));
            Op::Cancel { deposit, signer: coop_action_signer(m, rng) }
        }
        10 => {
            let deposit = prefer_id(rng, &m.deposits, |d| d.status != DEPOSIT_REFUND, |rng| some_deposit(m, rng));
            Op::Payrefund { deposit, signer: coop_action_signer(m, rng) }
        }
        // Withdrawals: too much, a bad amount, a second open one, not a participant, no
        // wallet, signed by the cooperative, a statement signed by someone else.
        11..=13 => {
            // One flaw at a time, the rest valid, so that each check is reached.
            let eligible = |p: &Person| p.participant && p.wallet.is_some_and(|w| w.blocked == 0 && w.available > 0);
            let flaw = rng.below(6);
            let person = match flaw {
                4 => prefer(m, rng, |p| p.wallet.is_some_and(|w| w.blocked > 0)),
                5 => prefer(m, rng, |p| !p.participant || p.wallet.is_none()),
                _ => prefer(m, rng, eligible),
            };
            let available = m.people[person].wallet.map_or(0, |w| w.available);
            let quantity = match flaw {
                0 => rub(available + rng.range(1, 1_000_000)),
                1 => bad_amount(rng),
                _ => rub(withdrawal_amount(rng, available.max(1))),
            };
            let (signer, statement_by) = match flaw {
                2 => (Signer::Coop, person),
                3 => (Signer::Person(person), someone_else(m, rng, person)),
                _ => (Signer::Person(person), person),
            };
            Op::Withdraw { person, quantity, signer, statement_by }
        }
        14 => {
            let withdrawal =
                prefer_id(rng, &m.withdrawals, |w| w.status == WITHDRAWAL_PENDING, |rng| some_withdrawal(m, rng));
            Op::Payout { withdrawal, signer: coop_action_signer(m, rng) }
        }
        15 => {
            let withdrawal =
                prefer_id(rng, &m.withdrawals, |w| w.status == WITHDRAWAL_PENDING, |rng| some_withdrawal(m, rng));
            Op::Failwithdr { withdrawal, signer: coop_action_signer(m, rng) }
        }
        // The council: the same vote twice, a vote without a seat, finished or unknown
        // decisions, authorizing without approval or by a member, executing unauthorized.
        16 => {
            // The same vote again, on a decision still open.
            let voted: Vec<(u64, usize, Vote)> = m
                .decisions
                .iter()
                .flat_map(|(id, d)| {
                    d.votes_for
                        .iter()
                        .map(move |v| (*id, *v, Vote::For))
                        .chain(d.votes_against.iter().map(move |v| (*id, *v, Vote::Against)))
                })
                .collect();
            match voted.is_empty() {
                false => {
                    let (decision, voter, vote) = *rng.pick(&voted);
                    Op::Vote { voter, decision, vote }
                }
                true => Op::Vote { voter: *rng.pick(&council), decision: some_decision(m, rng), vote: Vote::Cancel },
            }
        }
        17 | 18 => {
            let voter = if rng.percent(60) { *rng.pick(&council) } else { prefer(m, rng, |p| !p.voting) };
            let vote = *rng.pick(&[Vote::For, Vote::Against, Vote::Cancel]);
            Op::Vote { voter, decision: some_decision(m, rng), vote }
        }
        19 => {
            let chairman = if rng.percent(50) { m.chairman() } else { *rng.pick(&council) };
            Op::Authorize { chairman, decision: some_decision(m, rng) }
        }
        20 => {
            let decision = some_decision(m, rng);
            if rng.percent(50) {
                Op::Exec { executer: person, decision }
            } else {
                Op::Close { executer: person, decision }
            }
        }
        // The way in, out of order: an account twice, an agreement twice, joining twice,
        // joining without the agreements, cancelling a paid application.
        21 => match rng.below(3) {
            0 => Op::NewAccount {
                person: rng.index(m.people.len()),
                signer: if rng.percent(80) { Signer::Coop } else { Signer::Person(person) },
            },
            1 => Op::Agree { person, kind: rng.index(m.agreement_kinds.len()), signer: self_or_coop(rng, person) },
            _ => {
                let person = prefer(m, rng, |p| p.application.is_some());
                let signer = if rng.percent(80) { self_or_coop(rng, person) } else { wrong_signer(m, rng, person) };
                Op::Cancelapp { person, signer }
            }
        },
        // Leaving: the chairman, twice, not a participant, with an open withdrawal, signed by
        // the cooperative, a statement signed by someone else.
        22 | 23 => {
            let person = match rng.below(4) {
                0 => m.chairman(),
                1 => prefer(m, rng, |p| p.leaving || !p.participant),
                2 => prefer(m, rng, |p| p.wallet.is_some_and(|w| w.blocked > 0)),
                _ => person,
            };
            let (signer, statement_by) = match rng.below(3) {
                0 => (Signer::Coop, person),
                1 => (Signer::Person(person), someone_else(m, rng, person)),
                _ => (Signer::Person(person), person),
            };
            Op::Leave { person, signer, statement_by }
        }
        _ => {
            let person = if rng.percent(50) { prefer(m, rng, |p| p.application.is_some()) } else { person };
            let signer = if rng.percent(20) { wrong_signer(m, rng, person) } else { self_or_coop(rng, person) };
            Op::Joincoop { person, signer }
        }
    };
    Some(op)
}
