//! The chain's side: an [`Op`] as a signed action, the tables as packed rows, and the
//! checks of what the chain holds against the invariants and the model.
use super::model::*;
use antelope_test_harness::client::{ChainError, PushOutcome};
use antelope_test_harness::cooperative::{sha256, sign_document_for};
use antelope_test_harness::fixture::{decode, TestChain};
use coop_protocol::consent::{Consent, Consented};
use coop_protocol::registrator::{
    Agree, Application as ApplicationRow, Cancelapp, Joincoop, Leavecoop, Newaccount, Participant, APPLICATION_OPEN,
    APPLICATION_PAID, PARTICIPANT_ACCEPTED, PARTICIPANT_LEAVING,
};
use coop_protocol::soviet::{
    Authorize, Board, Cancelvote, Close, Decision as DecisionRow, DecisionCounter, Exec, VoteResult, Voteagainst,
    Votefor, STATUS_AUTHORIZED, STATUS_OPEN,
};
use coop_protocol::wallet::{
    ledger, Cancel, Confirm, CounterRow, Deposit as DepositData, DepositRow, Failwithdr, Ledger, MemberWallet, Payout,
    Payrefund, RegDeposit as RegDepositRow, Withdraw, Withdrawal as WithdrawalRow, KIND_REGISTRATION,
};
use coop_runtime::action::level;
use coop_runtime::system::ACTIVE;
use coop_runtime::{ActionData, Peers};
use eosio::{Action, Name, Read};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

/// The packed action `op` stands for, with its signer's `active`.
pub fn action(chain: &TestChain, m: &Model, op: &Op) -> Action<Vec<u8>> {
    let (registrator, soviet, wallet) = (chain.peers.registrator, chain.peers.soviet, chain.peers.wallet);
    let peers = &chain.peers;
    let coopname = m.coopname;
    let name = |p: usize| m.people[p].name;
    let signed = |contract: Name, signer: Name, data: &dyn Packs| data.packed(contract, signer);
    match *op {
        Op::NewAccount { person, signer } => {
            let p = &m.people[person];
            let data = Newaccount {
                coopname,
                username: p.name,
                r#type: p.kind,
                public_key: p.key.public_key(),
                referer: Name::new(0),
                meta: "{}".into(),
            };
            signed(registrator, m.signer_name(signer), &data)
        }
        Op::Agree { person, kind, signer } => {
            let (kind, version) = m.agreement_kinds[kind];
            let p = &m.people[person];
            let data = Agree { coopname, username: p.name, kind, version, document: Default::default() };
            let data = p.signs(peers, &format!("{} signs the {kind} agreement, version {version}", p.name), data);
            signed(registrator, m.signer_name(signer), &data)
        }
        Op::Joincoop { person, signer } => {
            let p = &m.people[person];
            let data = Joincoop { coopname, braname: Name::new(0), username: p.name, statement: Default::default() };
            let data = p.signs(peers, &format!("{} applies to join {coopname}", p.name), data);
            signed(registrator, m.signer_name(signer), &data)
        }
        Op::Cancelapp { person, signer } => {
            signed(registrator, m.signer_name(signer), &Cancelapp { coopname, username: name(person) })
        }
        Op::Deposit { person, kind, quantity, signer } => {
            let data = DepositData { coopname, username: name(person), kind, quantity, memo: "bank transfer".into() };
            signed(wallet, m.signer_name(signer), &data)
        }
        Op::Confirm { deposit, signer } => signed(
            wallet,
            m.signer_name(signer),
            &Confirm { coopname, deposit_id: deposit, memo: "money received".into() },
        ),
        Op::Cancel { deposit, signer } => signed(
            wallet,
            m.signer_name(signer),
            &Cancel { coopname, deposit_id: deposit, reason: "no money arrived".into() },
        ),
        Op::Payrefund { deposit, signer } => signed(
            wallet,
            m.signer_name(signer),
            &Payrefund { coopname, deposit_id: deposit, memo: "refund sent".into() },
        ),
        Op::Vote { voter, decision, vote } => {
            let member = name(voter);
            match vote {
                Vote::For => signed(soviet, member, &Votefor { coopname, member, decision_id: decision }),
                Vote::Against => signed(soviet, member, &Voteagainst { coopname, member, decision_id: decision }),
                Vote::Cancel => signed(soviet, member, &Cancelvote { coopname, member, decision_id: decision }),
            }
        }
        Op::Authorize { chairman, decision } => {
            let p = &m.people[chairman];
            let text = format!("Decision {decision} of the council of {coopname}");
            let data = Authorize { coopname, chairman: p.name, decision_id: decision, document: Default::default() };
            let consent = data.consent(soviet, &[], sha256);
            signed(soviet, p.name, &Authorize { document: p.sign_for(&text, &consent), ..data })
        }
        Op::Exec { executer, decision } => {
            signed(soviet, name(executer), &Exec { executer: name(executer), coopname, decision_id: decision })
        }
        Op::Close { executer, decision } => {
            signed(soviet, name(executer), &Close { executer: name(executer), coopname, decision_id: decision })
        }
        Op::Withdraw { person, quantity, signer, statement_by } => {
            let text = format!("{} asks to return {} of the share contribution", name(person), show(&quantity));
            let data = Withdraw { coopname, username: name(person), quantity, statement: Default::default() };
            let data = m.people[statement_by].signs(peers, &text, data);
            signed(wallet, m.signer_name(signer), &data)
        }
        Op::Payout { withdrawal, signer } => {
            signed(wallet, m.signer_name(signer), &Payout { coopname, withdraw_id: withdrawal, memo: "paid".into() })
        }
        Op::Failwithdr { withdrawal, signer } => signed(
            wallet,
            m.signer_name(signer),
            &Failwithdr { coopname, withdraw_id: withdrawal, reason: "the bank returned it".into() },
        ),
        Op::Leave { person, signer, statement_by } => {
            let data = Leavecoop { coopname, username: name(person), statement: Default::default() };
            let data = m.people[statement_by].signs(peers, &format!("{} leaves {coopname}", name(person)), data);
            signed(registrator, m.signer_name(signer), &data)
        }
    }
}

/// Action data packed into an action (object-safe `ActionData::to_action`).
trait Packs {
    fn packed(&self, contract: Name, signer: Name) -> Action<Vec<u8>>;
}

impl<A: ActionData> Packs for A {
    fn packed(&self, contract: Name, signer: Name) -> Action<Vec<u8>> {
        self.to_action(contract, &[level(signer, ACTIVE)])
    }
}

impl Person {
    /// A document with this text signed by this person's key for `consent`.
    pub fn sign_for(&self, text: &str, consent: &Consent) -> coop_runtime::Document {
        sign_document_for(&self.key, text, consent)
    }

    /// `action` with its document (this text) signed by this person's key for the action,
    /// whoever it is about (a statement by someone else is refused for its key).
    pub fn signs<A: Consented>(&self, peers: &Peers, text: &str, mut action: A) -> A {
        let consent = action.consent(A::contract(peers), sha256);
        *action.document_mut() = self.sign_for(text, &consent);
        action
    }
}

/// Whether the chain's answer is the expected one.
pub fn compare_outcome(expected: &Outcome, got: &Result<PushOutcome, ChainError>) -> Result<(), String> {
    match (expected, got) {
        (Ok(returns), Ok(outcome)) => match returns {
            Returns::Nothing => Ok(()),
            Returns::Id(id) => match outcome.try_return_value::<u64>() {
                Ok(got) if got == *id => Ok(()),
                other => Err(format!("expected the id {id}, the action returned {other:?}")),
            },
            Returns::Vote(tally) => match outcome.try_return_value::<VoteResult>() {
                Ok(got) if got == *tally => Ok(()),
                other => Err(format!("expected the tally {tally:?}, the action returned {other:?}")),
            },
            Returns::Reason(reason) => match outcome.try_return_value::<Name>() {
                Ok(got) if got == *reason => Ok(()),
                other => Err(format!("expected the reason {reason}, the action returned {other:?}")),
            },
        },
        (Err(Refusal::Assert(message)), Err(error)) => match error.assertion_message() {
            Some(got) if got == message => Ok(()),
            _ => Err(format!("expected the refusal \"{message}\", got: {error}")),
        },
        (Err(Refusal::MissingAuth), Err(error)) => match error.name() {
            Some("missing_auth_exception") => Ok(()),
            _ => Err(format!("expected missing_auth_exception, got: {error}")),
        },
        (Ok(_), Err(error)) => Err(format!("expected success, the chain refused: {error}")),
        (Err(refusal), Ok(_)) => Err(format!("expected the refusal {refusal:?}, the chain accepted it")),
    }
}

/// Which tables a snapshot reads.
#[derive(Clone, Debug)]
pub struct Tables {
    /// (contract, table) of every table of our contracts: read in the cooperative's scope.
    pub coop_scope: Vec<(Name, Name)>,
    /// (contract, table) of the contracts' own-scope tables that hold rows keyed by the
    /// cooperative or by one of its people (ledger, counters, council, registry, cards).
    pub own_scope: Vec<(Name, Name)>,
}

/// The tables of `contract` from its ABI.
fn abi_tables(chain: &TestChain, contract: Name) -> Vec<Name> {
    let abi = chain.client.get_abi(contract).unwrap_or_else(|e| panic!("get_abi {contract}: {e}"));
    abi.get("tables")
        .and_then(Value::as_array)
        .map(|tables| {
            tables
                .iter()
                .filter_map(|t| t.get("name").and_then(Value::as_str))
                .map(|name| name.parse().expect("a table name"))
                .collect()
        })
        .unwrap_or_default()
}

impl Tables {
    /// Every table of our four contracts in the cooperative's scope, and the own-scope
    /// tables where the cooperative or its people have rows now.
    pub fn discover(chain: &TestChain, keys: &BTreeSet<u64>) -> Tables {
        let p = chain.peers;
        let mut coop_scope = Vec::new();
        let mut own_scope = Vec::new();
        for contract in [p.operator, p.registrator, p.soviet, p.wallet] {
            for table in abi_tables(chain, contract) {
                coop_scope.push((contract, table));
                let rows = rows_raw(chain, contract, contract, table);
                if rows.iter().any(|row| keyed_by(row, keys)) {
                    own_scope.push((contract, table));
                }
            }
        }
        Tables { coop_scope, own_scope }
    }
}

/// Whether a row's primary key (its first field, a name or an id) is one of `keys`.
fn keyed_by(row: &[u8], keys: &BTreeSet<u64>) -> bool {
    row.len() >= 8 && keys.contains(&u64::from_le_bytes(row[..8].try_into().expect("8 bytes")))
}

fn rows_raw(chain: &TestChain, contract: Name, scope: Name, table: Name) -> Vec<Vec<u8>> {
    chain.client.rows_raw(contract, scope, table).unwrap_or_else(|e| panic!("reading {contract}/{scope}/{table}: {e}"))
}

/// The tables that exist in `scope` for `contract` (`get_table_by_scope`), or `None` when
/// the node's answer is cut short.
///
/// The node stops listing when the time of the request is up (`http-max-response-time-ms`;
/// a node stalled on a loaded machine) and then sets `more`, possibly after the first
/// table alone. The listing cannot be resumed inside a scope (`more` is the scope), so a
/// cut-short answer says nothing about the tables it left out: the caller must then read
/// every table. Taken as the whole list, it made a snapshot miss tables that exist, and
/// the run fail at random on a "mismatch" with the model.
fn tables_in_scope(chain: &TestChain, contract: Name, scope: Name) -> Option<BTreeSet<String>> {
    let body = json!({
        "code": contract.to_string(),
        "table": "",
        "lower_bound": scope.to_string(),
        "upper_bound": scope.to_string(),
        "limit": 100,
    });
    let answer = chain
        .client
        .call("/v1/chain/get_table_by_scope", &body)
        .unwrap_or_else(|e| panic!("get_table_by_scope {contract}/{scope}: {e}"));
    if answer.get("more").and_then(Value::as_str).is_some_and(|more| !more.is_empty()) {
        return None;
    }
    let rows = answer
        .get("rows")
        .and_then(Value::as_array)
        .unwrap_or_else(|| panic!("get_table_by_scope {contract}/{scope}: no rows in {answer}"));
    Some(
        rows.iter()
            .filter(|r| r.get("scope").and_then(Value::as_str) == Some(&scope.to_string()))
            .filter_map(|r| r.get("table").and_then(Value::as_str).map(str::to_string))
            .collect(),
    )
}

/// The packed rows of our contracts' tables that concern the cooperative: every table in
/// its scope, and its (and its people's) rows in the contracts' own scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// `contract.table@scope` → packed rows in primary-key order.
    pub tables: BTreeMap<String, Vec<Vec<u8>>>,
}

impl Snapshot {
    pub fn take(chain: &TestChain, m: &Model, tables: &Tables) -> Snapshot {
        let mut snapshot = BTreeMap::new();
        let scope = m.coopname;
        let mut present = BTreeMap::new();
        for (contract, table) in &tables.coop_scope {
            let existing = present.entry(*contract).or_insert_with(|| tables_in_scope(chain, *contract, scope));
            // Unknown (the listing was cut short): read it; an absent table reads empty.
            let rows = if existing.as_ref().is_none_or(|tables| tables.contains(&table.to_string())) {
                rows_raw(chain, *contract, scope, *table)
            } else {
                Vec::new()
            };
            snapshot.insert(format!("{contract}.{table}@{scope}"), rows);
        }
        let keys: BTreeSet<u64> =
            std::iter::once(scope.as_u64()).chain(m.people.iter().map(|p| p.name.as_u64())).collect();
        for (contract, table) in &tables.own_scope {
            let rows: Vec<Vec<u8>> =
                rows_raw(chain, *contract, *contract, *table).into_iter().filter(|row| keyed_by(row, &keys)).collect();
            snapshot.insert(format!("{contract}.{table}@{contract}"), rows);
        }
        Snapshot { tables: snapshot }
    }

    /// The tables whose rows differ from `other`'s.
    pub fn differences(&self, other: &Snapshot) -> Vec<String> {
        let keys: BTreeSet<&String> = self.tables.keys().chain(other.tables.keys()).collect();
        keys.into_iter().filter(|k| self.tables.get(*k) != other.tables.get(*k)).cloned().collect()
    }

    fn rows<T: Read>(&self, contract: Name, table: &str, scope: Name) -> Vec<T> {
        self.tables
            .get(&format!("{contract}.{table}@{scope}"))
            .unwrap_or_else(|| panic!("the snapshot has no {contract}.{table}@{scope}"))
            .iter()
            .map(|bytes| decode(bytes))
            .collect()
    }
}

/// Every check after a step: the ledger's invariants on what the chain holds, then the
/// chain against the model.
pub fn check(chain: &TestChain, m: &Model, s: &Snapshot) -> Result<(), String> {
    let (registrator, soviet, wallet) = (chain.peers.registrator, chain.peers.soviet, chain.peers.wallet);
    let coop = m.coopname;
    let ledgers: Vec<Ledger> = s.rows(wallet, "ledgers", wallet);
    let [ledger_row] = ledgers.as_slice() else { return Err(format!("expected one ledger row, found {ledgers:?}")) };
    let wallets: Vec<MemberWallet> = s.rows(wallet, "wallets", coop);
    let deposits: Vec<DepositRow> = s.rows(wallet, "deposits", coop);
    let regdeposits: Vec<RegDepositRow> = s.rows(wallet, "regdeposits", coop);
    let withdrawals: Vec<WithdrawalRow> = s.rows(wallet, "withdrawals", coop);

    // The invariants, from the chain's rows alone.
    ledger::check_invariants(ledger_row, &wallets)
        .map_err(|e| format!("invariants: {e}: {}; {}", ledger_text(ledger_row), wallets_text(&wallets)))?;
    let sum =
        |f: &dyn Fn(&DepositRow) -> bool| -> i64 { deposits.iter().filter(|d| f(d)).map(|d| d.quantity.amount).sum() };
    let waiting = sum(&|d| d.kind == KIND_REGISTRATION && d.status == DEPOSIT_CONFIRMED);
    if ledger_row.reg_received.amount != waiting {
        return Err(format!(
            "reg_received {} ≠ Σ confirmed registration deposits {}",
            show(&ledger_row.reg_received),
            show(&rub(waiting))
        ));
    }
    let due = sum(&|d| d.status == DEPOSIT_REFUND);
    if ledger_row.refunds_due.amount != due {
        return Err(format!("refunds_due {} ≠ Σ refund deposits {}", show(&ledger_row.refunds_due), show(&rub(due))));
    }
    if deposits.iter().any(|d| d.status == DEPOSIT_REFUND && d.kind != KIND_REGISTRATION) {
        return Err(format!("a share deposit in refund: {deposits:?}"));
    }
    for w in &wallets {
        let open: i64 = withdrawals.iter().filter(|x| x.username == w.username).map(|x| x.quantity.amount).sum();
        if w.blocked.amount != open {
            return Err(format!(
                "{}: blocked {} ≠ Σ open withdrawals {}",
                w.username,
                show(&w.blocked),
                show(&rub(open))
            ));
        }
    }
    for r in &regdeposits {
        match deposits.iter().find(|d| d.id == r.deposit_id) {
            Some(d) if d.username == r.username && d.kind == KIND_REGISTRATION && d.status != DEPOSIT_REFUND => {
                if d.quantity.amount != r.initial.amount + r.minimum.amount {
                    return Err(format!("regdeposit {r:?} does not add up to its deposit {d:?}"));
                }
            }
            other => return Err(format!("regdeposit {r:?} without its deposit in progress: {other:?}")),
        }
    }
    let total = ledger::total_received(ledger_row).map_err(|e| format!("total received: {e}"))?;
    if i128::from(total.amount) != m.received {
        return Err(format!("money is not conserved: the ledger holds {}, received {}", show(&total), m.received));
    }

    // The ledger and every row against the model.
    let b = &m.books;
    let expected = [b.share_fund, b.entrance_fund, b.reg_received, b.refunds_due, b.paid_out, b.refunded];
    let got = [
        ledger_row.share_fund,
        ledger_row.entrance_fund,
        ledger_row.reg_received,
        ledger_row.refunds_due,
        ledger_row.paid_out,
        ledger_row.refunded,
    ];
    if got.iter().map(|a| a.amount).collect::<Vec<_>>() != expected {
        let model = Ledger {
            share_fund: rub(b.share_fund),
            entrance_fund: rub(b.entrance_fund),
            reg_received: rub(b.reg_received),
            refunds_due: rub(b.refunds_due),
            paid_out: rub(b.paid_out),
            refunded: rub(b.refunded),
            ..ledger_row.clone()
        };
        return Err(format!("ledger {}; the model expects {}", ledger_text(ledger_row), ledger_text(&model)));
    }
    let name_of = |p: usize| m.people[p].name;
    let by_name: BTreeMap<Name, usize> = m.people.iter().enumerate().map(|(i, p)| (p.name, i)).collect();
    let label = |n: Name| by_name.get(&n).map_or_else(|| n.to_string(), |&i| m.people[i].label.clone());

    let model_wallets: BTreeMap<Name, Wallet> = m.people.iter().filter_map(|p| p.wallet.map(|w| (p.name, w))).collect();
    let chain_wallets: BTreeMap<Name, Wallet> = wallets
        .iter()
        .map(|w| {
            let wallet = Wallet {
                available: w.available.amount,
                blocked: w.blocked.amount,
                minimum: w.minimum.amount,
                initial: w.initial.amount,
            };
            (w.username, wallet)
        })
        .collect();
    if chain_wallets != model_wallets {
        let show_all = |ws: &BTreeMap<Name, Wallet>| {
            ws.iter().map(|(n, w)| format!("{}: {w:?}", label(*n))).collect::<Vec<_>>().join("; ")
        };
        return Err(format!("wallets: chain {}; model {}", show_all(&chain_wallets), show_all(&model_wallets)));
    }

    let chain_deposits: BTreeMap<u64, (Name, Name, i64, Name)> =
        deposits.iter().map(|d| (d.id, (d.username, d.kind, d.quantity.amount, d.status))).collect();
    let model_deposits: BTreeMap<u64, (Name, Name, i64, Name)> =
        m.deposits.iter().map(|(id, d)| (*id, (name_of(d.person), d.kind, d.quantity, d.status))).collect();
    if chain_deposits != model_deposits
        || deposits.iter().any(|d| d.quantity.symbol != antelope_test_harness::cooperative::RUB)
    {
        return Err(format!("deposits: chain {chain_deposits:?}; model {model_deposits:?}"));
    }

    let chain_reg: BTreeMap<Name, (u64, i64, i64)> =
        regdeposits.iter().map(|r| (r.username, (r.deposit_id, r.initial.amount, r.minimum.amount))).collect();
    let model_reg: BTreeMap<Name, (u64, i64, i64)> =
        m.people.iter().filter_map(|p| p.regdeposit.map(|r| (p.name, (r.deposit_id, r.initial, r.minimum)))).collect();
    if chain_reg != model_reg {
        return Err(format!("regdeposits: chain {chain_reg:?}; model {model_reg:?}"));
    }

    let chain_withdrawals: BTreeMap<u64, (Name, i64, Name, u64)> =
        withdrawals.iter().map(|w| (w.id, (w.username, w.quantity.amount, w.status, w.decision_id))).collect();
    let model_withdrawals: BTreeMap<u64, (Name, i64, Name, u64)> =
        m.withdrawals.iter().map(|(id, w)| (*id, (name_of(w.person), w.quantity, w.status, w.decision_id))).collect();
    if chain_withdrawals != model_withdrawals {
        return Err(format!("withdrawals: chain {chain_withdrawals:?}; model {model_withdrawals:?}"));
    }

    // The council's agenda, the applications and the participants.
    type DecisionView = (Name, Name, u64, Name, BTreeSet<Name>, BTreeSet<Name>);
    let decisions: Vec<DecisionRow> = s.rows(soviet, "decisions", coop);
    let chain_decisions: BTreeMap<u64, DecisionView> = decisions
        .iter()
        .map(|d| {
            let (votes_for, votes_against) = d.vote_lists();
            (
                d.id,
                (
                    d.kind,
                    d.username,
                    d.ref_id,
                    d.status,
                    votes_for.into_iter().collect(),
                    votes_against.into_iter().collect(),
                ),
            )
        })
        .collect();
    let model_decisions: BTreeMap<u64, DecisionView> = m
        .decisions
        .iter()
        .map(|(id, d)| {
            let status = if d.authorized { STATUS_AUTHORIZED } else { STATUS_OPEN };
            let names = |v: &[usize]| v.iter().map(|p| name_of(*p)).collect();
            (*id, (d.kind, name_of(d.person), d.ref_id, status, names(&d.votes_for), names(&d.votes_against)))
        })
        .collect();
    if chain_decisions != model_decisions {
        return Err(format!("decisions: chain {chain_decisions:?}; model {model_decisions:?}"));
    }

    let applications: Vec<ApplicationRow> = s.rows(registrator, "applications", coop);
    let chain_applications: BTreeMap<Name, (Name, u64)> =
        applications.iter().map(|a| (a.username, (a.status, a.deposit_id))).collect();
    let model_applications: BTreeMap<Name, (Name, u64)> = m
        .people
        .iter()
        .filter_map(|p| {
            p.application.map(|a| (p.name, (if a.paid { APPLICATION_PAID } else { APPLICATION_OPEN }, a.deposit_id)))
        })
        .collect();
    if chain_applications != model_applications {
        return Err(format!("applications: chain {chain_applications:?}; model {model_applications:?}"));
    }

    let participants: Vec<Participant> = s.rows(registrator, "participants", coop);
    let chain_participants: BTreeMap<Name, Name> = participants.iter().map(|p| (p.username, p.status)).collect();
    let model_participants: BTreeMap<Name, Name> = m
        .people
        .iter()
        .filter(|p| p.participant)
        .map(|p| (p.name, if p.leaving { PARTICIPANT_LEAVING } else { PARTICIPANT_ACCEPTED }))
        .collect();
    if chain_participants != model_participants {
        return Err(format!("participants: chain {chain_participants:?}; model {model_participants:?}"));
    }

    let boards: Vec<Board> = s.rows(soviet, "boards", soviet);
    let chain_council: Vec<BTreeSet<Name>> = boards.iter().map(|b| b.voting_members().into_iter().collect()).collect();
    let model_council: BTreeSet<Name> = m.council().into_iter().map(name_of).collect();
    if chain_council != vec![model_council.clone()] {
        return Err(format!("council: chain {chain_council:?}; model {model_council:?}"));
    }

    let counters: Vec<CounterRow> = s.rows(wallet, "counters", wallet);
    let expected = (m.last_deposit, m.last_withdrawal);
    if counters.iter().map(|c| (c.deposits, c.withdrawals)).collect::<Vec<_>>() != vec![expected] {
        return Err(format!("wallet counters {counters:?}, the model expects {expected:?}"));
    }
    let decision_counters: Vec<DecisionCounter> = s.rows(soviet, "counters", soviet);
    if decision_counters.iter().map(|c| c.last_id).collect::<Vec<_>>() != vec![m.last_decision] {
        return Err(format!("decision counters {decision_counters:?}, the model expects {}", m.last_decision));
    }
    Ok(())
}

/// The ledger's funds in words.
fn ledger_text(l: &Ledger) -> String {
    format!(
        "share_fund {}, entrance_fund {}, reg_received {}, refunds_due {}, paid_out {}, refunded {}",
        show(&l.share_fund),
        show(&l.entrance_fund),
        show(&l.reg_received),
        show(&l.refunds_due),
        show(&l.paid_out),
        show(&l.refunded)
    )
}

/// The wallets in words.
fn wallets_text(wallets: &[MemberWallet]) -> String {
    wallets
        .iter()
        .map(|w| {
            format!(
                "{}: available {}, blocked {}, minimum {}, initial {}",
                w.username,
                show(&w.available),
                show(&w.blocked),
                show(&w.minimum),
                show(&w.initial)
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}
