//! One run: a fresh cooperative, a seeded sequence of actions pushed one by one, and
//! after each the chain's tables checked. A failure carries the seed, the step and the
//! sequence up to it, and is then shrunk: shorter subsequences are replayed on fresh
//! cooperatives while they still fail.
use super::chain::{action, check, compare_outcome, Snapshot, Tables};
use super::generate::next_op;
use super::model::*;
use super::rng::Rng;
use antelope_test_harness::fixture::TestChain;
use coop_protocol::registrator::{AgreementKinds, TYPE_ENTREPRENEUR, TYPE_INDIVIDUAL, TYPE_ORGANIZATION};
use coop_protocol::soviet::Counters as DecisionCounters;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::time::{Duration, Instant};

/// The card types of the newcomers: each goes through registration (and may be declined,
/// refunded and apply again).
const NEWCOMERS: [eosio::Name; 3] = [TYPE_INDIVIDUAL, TYPE_ORGANIZATION, TYPE_ENTREPRENEUR];

/// What a run did.
#[derive(Debug, Default)]
pub struct Report {
    pub seed: u64,
    pub steps: usize,
    pub accepted: usize,
    pub refused: usize,
    /// Per action and result (`wallet::deposit ok`, `wallet::deposit refused`).
    pub counts: BTreeMap<String, usize>,
    pub elapsed: Duration,
    /// Every step, as in a failure's report.
    pub log: Vec<String>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "seed {}: {} steps ({} accepted, {} refused) in {:.1} s",
            self.seed,
            self.steps,
            self.accepted,
            self.refused,
            self.elapsed.as_secs_f64()
        )?;
        for (what, count) in &self.counts {
            writeln!(f, "  {count:>4}  {what}")?;
        }
        Ok(())
    }
}

/// A step as it was generated: the action and the ids it gave out (so that a replay of a
/// subsequence can refer to the same deposits, withdrawals and decisions).
#[derive(Clone, Debug)]
pub struct Recorded {
    pub op: Op,
    /// The model expected the chain to refuse it.
    pub refused: bool,
    pub deposit: Option<u64>,
    pub withdrawal: Option<u64>,
    pub decision: Option<u64>,
}

/// A failed run: enough to see what happened and to run it again.
#[derive(Debug)]
pub struct Failure {
    pub seed: u64,
    /// The failing step (1-based; 0 = the state right after the connection).
    pub step: usize,
    pub message: String,
    /// The cooperative, then every step up to and including the failing one: the
    /// shortest prefix of the sequence that fails.
    pub log: Vec<String>,
    /// A shorter sequence that fails too, if shrinking found one.
    pub shrunk: Option<Shrunk>,
}

/// The result of shrinking: a subsequence of the failing prefix that fails on a fresh
/// cooperative too.
#[derive(Debug)]
pub struct Shrunk {
    pub message: String,
    pub log: Vec<String>,
    pub replays: usize,
    pub elapsed: Duration,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "ledger_chain: seed {} failed at step {}: {}", self.seed, self.step, self.message)?;
        writeln!(
            f,
            "the failing prefix ({} steps; rerun with LEDGER_CHAIN_SEED={} LEDGER_CHAIN_STEPS={}):",
            self.step,
            self.seed,
            self.step.max(1)
        )?;
        for line in &self.log {
            writeln!(f, "  {line}")?;
        }
        match &self.shrunk {
            Some(shrunk) => {
                writeln!(
                    f,
                    "shrunk to {} steps ({} replays on fresh cooperatives, {:.0} s), failing with: {}",
                    shrunk.log.len().saturating_sub(1),
                    shrunk.replays,
                    shrunk.elapsed.as_secs_f64(),
                    shrunk.message
                )?;
                for line in &shrunk.log {
                    writeln!(f, "  {line}")?;
                }
            }
            None => writeln!(f, "(not shrunk: no shorter subsequence failed within the time allowed)")?,
        }
        Ok(())
    }
}

/// A fresh cooperative and what the test knows of it.
struct Setup {
    model: Model,
    tables: Tables,
    before: Snapshot,
    header: String,
}

/// Connects a cooperative with three founders (`F0` the chairman, `F1`, `F2`: the
/// council, participants without wallets) and makes the newcomers (`N0`…: nothing yet),
/// reads the tables (which ones: `tables`, or found anew) and checks the state after the
/// connection.
fn setup(chain: &TestChain, tables: Option<&Tables>) -> Result<Setup, String> {
    let coop = chain.new_cooperative();
    let kinds: Vec<(eosio::Name, u32)> = chain
        .rows::<AgreementKinds>(chain.peers.registrator, coop.name)
        .into_iter()
        .map(|k| (k.kind, k.version))
        .collect();
    let registry = chain.coop_row(&coop);
    let fees = Fees {
        individual: (registry.initial.amount, registry.minimum.amount),
        organization: (registry.org_initial.amount, registry.org_minimum.amount),
    };
    let person = |label: String, name, key, kind, founder: bool, chairman: bool| Person {
        label,
        name,
        key,
        kind,
        voting: founder,
        chairman,
        card: founder,
        agreed: vec![false; kinds.len()],
        application: None,
        participant: founder,
        leaving: false,
        wallet: None,
        regdeposit: None,
    };
    let mut people: Vec<Person> = coop
        .council()
        .into_iter()
        .enumerate()
        .map(|(i, p)| person(format!("F{i}"), p.name, p.key.clone(), TYPE_INDIVIDUAL, true, i == 0))
        .collect();
    for (i, kind) in NEWCOMERS.iter().enumerate() {
        let p = antelope_test_harness::cooperative::Person::new(chain, "ledger");
        people.push(person(format!("N{i}"), p.name, p.key, *kind, false, false));
    }
    let last_decision = chain
        .row::<DecisionCounters>(chain.peers.soviet, chain.peers.soviet, coop.name.as_u64())
        .map_or(0, |c| c.last_id);
    let model = Model::new(coop.name, people, kinds, fees, last_decision);
    let keys: BTreeSet<u64> =
        std::iter::once(coop.name.as_u64()).chain(model.people.iter().map(|p| p.name.as_u64())).collect();
    let tables = tables.cloned().unwrap_or_else(|| Tables::discover(chain, &keys));
    let header = format!(
        "cooperative {}: {}",
        coop.name,
        model.people.iter().map(|p| format!("{} = {} ({})", p.label, p.name, p.kind)).collect::<Vec<_>>().join(", ")
    );
    let before = Snapshot::take(chain, &model, &tables);
    check(chain, &model, &before).map_err(|e| format!("after the connection: {e}"))?;
    Ok(Setup { model, tables, before, header })
}

/// Pushes `op`, compares the answer with the model's, checks that a refused action
/// changed nothing and that the tables keep the invariants and agree with the model.
/// Returns the step's log line and, when every check passes, the new model and tables.
fn execute(
    chain: &TestChain,
    model: &Model,
    tables: &Tables,
    before: &Snapshot,
    op: &Op,
    number: usize,
) -> (String, Outcome, Result<(Model, Snapshot), String>) {
    let mut next = model.clone();
    let expected = next.apply(op);
    let line = format!("{number:>4}. {} → {}", model.describe(op), describe_outcome(&expected));
    let got = chain.client.push_actions(vec![action(chain, model, op)]);
    let result = compare_outcome(&expected, &got).and_then(|()| {
        let after = Snapshot::take(chain, &next, tables);
        if expected.is_err() {
            let changed = before.differences(&after);
            if !changed.is_empty() {
                return Err(format!("the refused action changed {}", changed.join(", ")));
            }
        }
        check(chain, &next, &after)?;
        Ok((next, after))
    });
    (line, expected, result)
}

/// The text of a caught panic.
fn panic_text(panic: Box<dyn std::any::Any + Send>) -> String {
    let text = panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "a panic".into());
    format!("panicked: {text}")
}

/// Runs `steps` actions from `seed` on a fresh cooperative of `chain`; a failure is
/// shrunk for at most `shrink_budget`.
pub fn run(chain: &TestChain, seed: u64, steps: usize, shrink_budget: Duration) -> Result<Report, Box<Failure>> {
    let mut log = Vec::new();
    let mut recorded = Vec::new();
    let mut step = 0;
    let mut tables = None;
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        generate_and_check(chain, seed, steps, &mut log, &mut recorded, &mut step, &mut tables)
    }));
    let message = match result {
        Ok(Ok(mut report)) => {
            report.log = log;
            return Ok(report);
        }
        Ok(Err(message)) => message,
        Err(panic) => panic_text(panic),
    };
    let shrunk = if step > 1 && !shrink_budget.is_zero() {
        shrink(chain, &recorded, tables.as_ref(), shrink_budget)
    } else {
        None
    };
    Err(Box::new(Failure { seed, step, message, log, shrunk }))
}

fn generate_and_check(
    chain: &TestChain,
    seed: u64,
    steps: usize,
    log: &mut Vec<String>,
    recorded: &mut Vec<Recorded>,
    step: &mut usize,
    found: &mut Option<Tables>,
) -> Result<Report, String> {
    let started = Instant::now();
    let Setup { mut model, tables, mut before, header } = setup(chain, None)?;
    *found = Some(tables.clone());
    log.push(header);
    log.push(format!("snapshots read: {}", before.tables.keys().cloned().collect::<Vec<_>>().join(", ")));
    let mut rng = Rng::new(seed);
    let mut report = Report { seed, steps, ..Report::default() };
    for number in 1..=steps {
        *step = number;
        let op = next_op(&model, &mut rng);
        let mut next = model.clone();
        let expected = next.apply(&op);
        let created = |before: u64, after: u64| (after > before).then_some(after);
        recorded.push(Recorded {
            op: op.clone(),
            refused: expected.is_err(),
            deposit: created(model.last_deposit, next.last_deposit),
            withdrawal: created(model.last_withdrawal, next.last_withdrawal),
            decision: created(model.last_decision, next.last_decision),
        });
        let (line, _, result) = execute(chain, &model, &tables, &before, &op, number);
        let verb = line.split(". ").nth(1).and_then(|rest| rest.split('(').next()).unwrap_or_default().to_string();
        log.push(line);
        let (after_model, after) = result?;
        let result = if expected.is_ok() { "ok" } else { "refused" };
        *report.counts.entry(format!("{verb} {result}")).or_default() += 1;
        for event in events(&model, &after_model) {
            *report.counts.entry(format!("event: {event}")).or_default() += 1;
        }
        (model, before) = (after_model, after);
        if expected.is_ok() {
            report.accepted += 1;
        } else {
            report.refused += 1;
        }
    }
    report.elapsed = started.elapsed();
    Ok(report)
}

/// What happened to the cooperative in a step, beyond the action itself.
fn events(before: &Model, after: &Model) -> Vec<&'static str> {
    let mut events = Vec::new();
    let count = |m: &Model, f: &dyn Fn(&Person) -> bool| m.people.iter().filter(|p| f(p)).count();
    if count(after, &|p| p.participant) > count(before, &|p| p.participant) {
        events.push("registration accepted (wallet booked)");
    }
    let refunds = |m: &Model| m.deposits.values().filter(|d| d.status == DEPOSIT_REFUND).count();
    if refunds(after) > refunds(before) {
        events.push("registration declined by votes (payment marked for refund)");
    }
    if after.books.refunded > before.books.refunded {
        events.push("refund paid");
    }
    if count(after, &|p| p.wallet.is_some()) > count(before, &|p| p.wallet.is_some())
        && after.books.share_fund > before.books.share_fund
        && after.books.entrance_fund == before.books.entrance_fund
    {
        events.push("founder's wallet opened by a first share deposit");
    }
    let declined_withdrawal =
        before.withdrawals.iter().any(|(id, w)| w.status == WITHDRAWAL_PENDING && !after.withdrawals.contains_key(id));
    if declined_withdrawal {
        events.push("withdrawal declined by votes");
    }
    if after.books.paid_out > before.books.paid_out {
        let exit = before.withdrawals.iter().any(|(id, w)| w.exit && !after.withdrawals.contains_key(id));
        events.push(if exit { "exit withdrawal paid out" } else { "withdrawal paid out" });
    }
    let failed = before
        .withdrawals
        .iter()
        .any(|(id, w)| w.status == WITHDRAWAL_AUTHORIZED && !after.withdrawals.contains_key(id))
        && after.books.paid_out == before.books.paid_out;
    if failed {
        events.push("authorized withdrawal failed (failwithdr)");
    }
    let reapplied = after.people.iter().zip(&before.people).any(|(a, b)| {
        a.application.is_some()
            && b.application.is_none()
            && before.deposits.values().any(|d| d.status == DEPOSIT_REFUND && before.people[d.person].name == a.name)
    });
    if reapplied {
        events.push("applied again with a refund still due");
    }
    let left = after.people.iter().zip(&before.people).any(|(a, b)| b.participant && !a.participant);
    if left {
        events.push("member left (the whole share an authorized withdrawal)");
    }
    let leaving = |m: &Model| m.people.iter().filter(|p| p.leaving).count();
    if leaving(after) < leaving(before) && !left {
        events.push("leave declined");
    }
    if after.council().len() < before.council().len() {
        events.push("a council member left the council");
    }
    let closed = before.decisions.keys().any(|id| !after.decisions.contains_key(id))
        && after.last_decision == before.last_decision
        && before.decisions.iter().any(|(id, d)| !after.decisions.contains_key(id) && before.tally(d).declined());
    if closed {
        events.push("decision declined by a change of the council, closed");
    }
    let rejoined =
        after.people.iter().zip(&before.people).any(|(a, b)| a.participant && !b.participant && b.wallet.is_some());
    if rejoined {
        events.push("a former member joined again");
    }
    events
}

/// The flows the default runs together must go through.
pub const EXPECTED_EVENTS: [&str; 14] = [
    "registration accepted (wallet booked)",
    "registration declined by votes (payment marked for refund)",
    "refund paid",
    "applied again with a refund still due",
    "founder's wallet opened by a first share deposit",
    "withdrawal declined by votes",
    "withdrawal paid out",
    "authorized withdrawal failed (failwithdr)",
    "member left (the whole share an authorized withdrawal)",
    "exit withdrawal paid out",
    "leave declined",
    "a council member left the council",
    "decision declined by a change of the council, closed",
    "a former member joined again",
];

/// How a replay of recorded steps ended.
enum Replay {
    Passed,
    /// Failed at the `at`-th step given (0-based), with this message and log; `inert`
    /// holds the steps before it that changed nothing (refused, or skipped).
    Failed {
        at: usize,
        message: String,
        log: Vec<String>,
        inert: Vec<usize>,
    },
}

/// Ids a replay gives out differ from the original run's once steps are left out: the
/// original ids mapped to the replay's, per kind.
#[derive(Default)]
struct IdMaps {
    deposits: BTreeMap<u64, u64>,
    withdrawals: BTreeMap<u64, u64>,
    decisions: BTreeMap<u64, u64>,
}

/// An id never given out in a replay: what an original id becomes when the step that gave
/// it out was left out (or when it was never given out in the first place).
const UNKNOWN_ID: u64 = 1_000_000_000;

fn mapped(map: &BTreeMap<u64, u64>, id: u64) -> u64 {
    map.get(&id).copied().unwrap_or(UNKNOWN_ID + id)
}

impl IdMaps {
    /// `op` with the replay's ids.
    fn remap(&self, op: &Op) -> Op {
        let mut op = op.clone();
        match &mut op {
            Op::Confirm { deposit, .. } | Op::Cancel { deposit, .. } | Op::Payrefund { deposit, .. } => {
                *deposit = mapped(&self.deposits, *deposit)
            }
            Op::Vote { decision, .. }
            | Op::Authorize { decision, .. }
            | Op::Exec { decision, .. }
            | Op::Close { decision, .. } => *decision = mapped(&self.decisions, *decision),
            Op::Payout { withdrawal, .. } | Op::Failwithdr { withdrawal, .. } => {
                *withdrawal = mapped(&self.withdrawals, *withdrawal)
            }
            Op::NewAccount { .. }
            | Op::Agree { .. }
            | Op::Joincoop { .. }
            | Op::Cancelapp { .. }
            | Op::Deposit { .. }
            | Op::Withdraw { .. }
            | Op::Leave { .. } => {}
        }
        op
    }
}

/// The people who sign `op` (they need an account).
fn signers(op: &Op) -> Vec<usize> {
    let of = |s: Signer| match s {
        Signer::Coop => None,
        Signer::Person(p) => Some(p),
    };
    match *op {
        Op::NewAccount { signer, .. }
        | Op::Agree { signer, .. }
        | Op::Joincoop { signer, .. }
        | Op::Cancelapp { signer, .. }
        | Op::Deposit { signer, .. }
        | Op::Confirm { signer, .. }
        | Op::Cancel { signer, .. }
        | Op::Payrefund { signer, .. }
        | Op::Payout { signer, .. }
        | Op::Failwithdr { signer, .. } => of(signer).into_iter().collect(),
        Op::Withdraw { signer, statement_by, .. } | Op::Leave { signer, statement_by, .. } => {
            of(signer).into_iter().chain([statement_by]).collect()
        }
        Op::Vote { voter: p, .. }
        | Op::Authorize { chairman: p, .. }
        | Op::Exec { executer: p, .. }
        | Op::Close { executer: p, .. } => vec![p],
    }
}

/// Replays `steps` on a fresh cooperative. Steps whose signer has no account in the
/// replay (their `newaccount` was left out) are skipped.
fn replay(chain: &TestChain, steps: &[Recorded], tables: Option<&Tables>) -> Replay {
    let mut log = Vec::new();
    let mut at = 0;
    let mut inert = Vec::new();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| -> Result<(), String> {
        let Setup { mut model, tables, mut before, header } = setup(chain, tables)?;
        log.push(header);
        let mut ids = IdMaps::default();
        for (i, step) in steps.iter().enumerate() {
            at = i;
            if signers(&step.op).iter().any(|&p| !model.people[p].card) {
                inert.push(i);
                continue;
            }
            let op = ids.remap(&step.op);
            let (line, expected, result) = execute(chain, &model, &tables, &before, &op, log.len());
            log.push(line);
            let (next, after) = result?;
            if expected.is_err() {
                inert.push(i);
            }
            let learn = |map: &mut BTreeMap<u64, u64>, original: Option<u64>, old: u64, new: u64| {
                if let (Some(original), true) = (original, new > old) {
                    map.insert(original, new);
                }
            };
            learn(&mut ids.deposits, step.deposit, model.last_deposit, next.last_deposit);
            learn(&mut ids.withdrawals, step.withdrawal, model.last_withdrawal, next.last_withdrawal);
            learn(&mut ids.decisions, step.decision, model.last_decision, next.last_decision);
            (model, before) = (next, after);
        }
        Ok(())
    }));
    inert.retain(|&i| i < at);
    match result {
        Ok(Ok(())) => Replay::Passed,
        Ok(Err(message)) => Replay::Failed { at, message, log, inert },
        Err(panic) => Replay::Failed { at, message: panic_text(panic), log, inert },
    }
}

/// Shrinks the failing prefix: first without every step that was refused (refusals change
/// nothing, so they rarely matter; the failing step stays), then by delta debugging
/// (ddmin): leaves out chunks of steps, halving the chunks when nothing can be left out,
/// and keeps any shorter sequence that still fails (cut after its failing step); after
/// each success, the steps that changed nothing in that replay are left out too if the
/// failure stays. Until single steps cannot be left out or the time is up.
fn shrink(chain: &TestChain, recorded: &[Recorded], tables: Option<&Tables>, budget: Duration) -> Option<Shrunk> {
    let started = Instant::now();
    let mut replays = 0;
    let mut best: Option<(String, Vec<String>)> = None;
    let mut current: Vec<Recorded> = recorded.to_vec();
    let last = recorded.len().saturating_sub(1);
    let mut inert: Vec<usize> = (0..last).filter(|&i| recorded[i].refused).collect();
    let mut chunks = 2usize;
    while current.len() >= 2 && started.elapsed() < budget {
        // Without the steps that changed nothing.
        if !inert.is_empty() {
            let candidate: Vec<Recorded> =
                current.iter().enumerate().filter(|(i, _)| !inert.contains(i)).map(|(_, r)| r.clone()).collect();
            inert.clear();
            replays += 1;
            if let Replay::Failed { at, message, log, inert: next } = replay(chain, &candidate, tables) {
                current = candidate[..=at].to_vec();
                best = Some((message, log));
                inert = next;
                continue;
            }
        }
        // Without one chunk.
        let size = current.len().div_ceil(chunks);
        let mut reduced = false;
        for start in (0..current.len()).step_by(size) {
            if started.elapsed() >= budget {
                break;
            }
            let candidate: Vec<Recorded> =
                current[..start].iter().chain(current[(start + size).min(current.len())..].iter()).cloned().collect();
            if candidate.is_empty() {
                continue;
            }
            replays += 1;
            if let Replay::Failed { at, message, log, inert: next } = replay(chain, &candidate, tables) {
                current = candidate[..=at].to_vec();
                best = Some((message, log));
                inert = next;
                chunks = (chunks - 1).max(2);
                reduced = true;
                break;
            }
        }
        if !reduced {
            if chunks >= current.len() {
                break;
            }
            chunks = (chunks * 2).min(current.len());
        }
    }
    best.map(|(message, log)| Shrunk { message, log, replays, elapsed: started.elapsed() })
}
