//! The database against the chain: every live row of our tables equals its counterpart
//! read back from SQLite; every decision, deposit and withdrawal ever numbered is there,
//! finished ones with how they ended; every document submitted is there (found by walking
//! the traces here, independently of the indexer); the ledger entries add up to every
//! fund and wallet.
use antelope_test_harness::fixture::TestChain;
use coop_indexer::node::{Fetched, Node};
use coop_indexer::registries;
use coop_protocol::operator::Request;
use coop_protocol::registrator::{
    Agree, Applications, Branches, Cards, Coops, Joincoop, Leavecoop, Participants, Selectbranch,
};
use coop_protocol::soviet::{Authorize, Boards, Decisions, Freedecision};
use coop_protocol::wallet::{Deposits, Ledger, Ledgers, MemberWallet, RegDeposits, Wallets, Withdraw, Withdrawals};
use coop_runtime::{ActionData, Document};
use eosio::Name;
use rusqlite::Connection;
use std::collections::BTreeMap;

/// What was compared, for the test's output.
#[derive(Debug, Default)]
pub struct Compared {
    pub cooperatives: usize,
    pub live_rows: usize,
    pub finished_decisions: usize,
    pub finished_deposits: usize,
    pub finished_withdrawals: usize,
    pub documents: usize,
    pub ledger_entries: usize,
}

/// Asserts that SQLite's live rows are the chain's rows, table by table.
fn same<T: PartialEq + std::fmt::Debug>(what: &str, coop: Name, chain: Vec<T>, db: rusqlite::Result<Vec<T>>) -> usize {
    let db = db.unwrap_or_else(|e| panic!("reading {what} of {coop} from SQLite: {e}"));
    assert_eq!(db, chain, "{what} of {coop}: SQLite (left) differs from the chain (right)");
    chain.len()
}

/// Every registry against the chain's tables.
pub fn live_rows(chain: &TestChain, conn: &Connection) -> Compared {
    let p = chain.peers;
    let mut compared = Compared::default();
    let coops = chain.rows::<Coops>(p.registrator, p.registrator);
    let none = Name::new(0);
    compared.live_rows += same("coops", none, coops.clone(), registries::cooperatives(conn));
    compared.live_rows +=
        same("cards", none, chain.rows::<Cards>(p.registrator, p.registrator), registries::cards(conn));
    compared.live_rows += same("boards", none, chain.rows::<Boards>(p.soviet, p.soviet), registries::boards(conn));
    let ledgers = chain.rows::<Ledgers>(p.wallet, p.wallet);
    compared.live_rows += same("ledgers", none, ledgers.clone(), registries::ledgers(conn));
    for coop in coops.iter().map(|c| c.username) {
        compared.cooperatives += 1;
        let c = &mut compared.live_rows;
        *c += same(
            "participants",
            coop,
            chain.rows::<Participants>(p.registrator, coop),
            registries::participants(conn, coop),
        );
        *c += same("branches", coop, chain.rows::<Branches>(p.registrator, coop), registries::branches(conn, coop));
        *c += same(
            "applications",
            coop,
            chain.rows::<Applications>(p.registrator, coop),
            registries::applications(conn, coop),
        );
        *c += same("decisions", coop, chain.rows::<Decisions>(p.soviet, coop), registries::decisions(conn, coop));
        *c += same("wallets", coop, chain.rows::<Wallets>(p.wallet, coop), registries::wallets(conn, coop));
        *c += same("deposits", coop, chain.rows::<Deposits>(p.wallet, coop), registries::deposits(conn, coop));
        *c += same("regdeposits", coop, chain.rows::<RegDeposits>(p.wallet, coop), registries::regdeposits(conn, coop));
        *c += same("withdrawals", coop, chain.rows::<Withdrawals>(p.wallet, coop), registries::withdrawals(conn, coop));
    }
    compared
}

/// The ids of `table` in SQLite for `coop`, with their status.
fn statuses(conn: &Connection, table: &str, coop: Name) -> BTreeMap<u64, String> {
    let sql = format!("SELECT id, status FROM {table} WHERE coopname = ?1");
    let mut statement = conn.prepare(&sql).expect("prepare");
    let rows = statement
        .query_map([coop.to_string()], |row| Ok((row.get::<_, i64>(0)? as u64, row.get::<_, String>(1)?)))
        .expect("query");
    rows.collect::<Result<_, _>>().expect("rows")
}

/// Every id the contracts' counters gave out is in SQLite; those no longer on the chain
/// ended, with one of `ended` as their status. Returns how many ended.
fn every_id(what: &str, coop: Name, last_id: u64, db: &BTreeMap<u64, String>, live: &[u64], ended: &[&str]) -> usize {
    let ids: Vec<u64> = db.keys().copied().collect();
    assert_eq!(ids, (1..=last_id).collect::<Vec<_>>(), "the {what} of {coop} in SQLite");
    let mut finished = 0;
    for (id, status) in db {
        if !live.contains(id) {
            assert!(
                ended.contains(&status.as_str()),
                "{what} {id} of {coop} is gone from the chain but {status:?} in SQLite"
            );
            finished += 1;
        }
    }
    finished
}

/// Finished decisions, deposits and withdrawals: all there, each with its end.
pub fn finished_rows(chain: &TestChain, conn: &Connection, compared: &mut Compared) {
    let p = chain.peers;
    for coop in chain.rows::<Coops>(p.registrator, p.registrator).iter().map(|c| c.username) {
        let decisions =
            chain.row::<coop_protocol::soviet::Counters>(p.soviet, p.soviet, coop.as_u64()).expect("counter");
        let live: Vec<u64> = chain.rows::<Decisions>(p.soviet, coop).iter().map(|d| d.id).collect();
        let db = statuses(conn, "decisions", coop);
        compared.finished_decisions +=
            every_id("decisions", coop, decisions.last_id, &db, &live, &["executed", "declined", "expired"]);
        let counters =
            chain.row::<coop_protocol::wallet::Counters>(p.wallet, p.wallet, coop.as_u64()).expect("counter");
        let live: Vec<u64> = chain.rows::<Deposits>(p.wallet, coop).iter().map(|d| d.id).collect();
        let db = statuses(conn, "deposits", coop);
        compared.finished_deposits += every_id(
            "deposits",
            coop,
            counters.deposits,
            &db,
            &live,
            &["credited", "cancelled", "accepted", "refunded"],
        );
        let live: Vec<u64> = chain.rows::<Withdrawals>(p.wallet, coop).iter().map(|w| w.id).collect();
        let db = statuses(conn, "withdrawals", coop);
        compared.finished_withdrawals +=
            every_id("withdrawals", coop, counters.withdrawals, &db, &live, &["paid", "declined", "failed"]);
    }
}

/// The sum of the ledger entries of `holder`'s `account` in `coop`, and the last balance.
fn entries(conn: &Connection, coop: Name, holder: &str, account: &str) -> (i64, Option<i64>, usize) {
    conn.query_row(
        "SELECT COALESCE(SUM(amount), 0), COUNT(*),
             (SELECT balance FROM ledger_entries WHERE coopname = ?1 AND holder = ?2 AND account = ?3
              ORDER BY id DESC LIMIT 1)
         FROM ledger_entries WHERE coopname = ?1 AND holder = ?2 AND account = ?3",
        rusqlite::params![coop.to_string(), holder, account],
        |row| Ok((row.get(0)?, row.get(2)?, row.get::<_, i64>(1)? as usize)),
    )
    .expect("ledger entries")
}

/// Each fund and wallet balance is the sum of its entries, and the last entry's balance.
pub fn ledger_entries(chain: &TestChain, conn: &Connection, compared: &mut Compared) {
    let p = chain.peers;
    for ledger in chain.rows::<Ledgers>(p.wallet, p.wallet) {
        let coop = ledger.coopname;
        let Ledger { share_fund, entrance_fund, reg_received, refunds_due, paid_out, refunded, .. } = ledger;
        let funds = [
            ("share_fund", share_fund),
            ("entrance_fund", entrance_fund),
            ("reg_received", reg_received),
            ("refunds_due", refunds_due),
            ("paid_out", paid_out),
            ("refunded", refunded),
        ];
        let mut check = |holder: &str, account: &str, amount: i64| {
            let (sum, last, count) = entries(conn, coop, holder, account);
            assert_eq!(sum, amount, "{coop} {holder:?} {account}: the entries add up to {sum}, the chain has {amount}");
            assert_eq!(last.unwrap_or(0), amount, "{coop} {holder:?} {account}: the last balance");
            compared.ledger_entries += count;
        };
        for (account, amount) in funds {
            check("", account, amount.amount);
        }
        for wallet in chain.rows::<Wallets>(p.wallet, coop) {
            let MemberWallet { username, available, blocked, minimum, initial, .. } = wallet;
            let holder = username.to_string();
            for (account, amount) in
                [("available", available), ("blocked", blocked), ("minimum", minimum), ("initial", initial)]
            {
                check(&holder, account, amount.amount);
            }
        }
    }
}

/// A document as found in the traces: transaction, action, hash, signer.
type Found = (String, String, String, String);

/// The action, document hash and signer of a document-carrying action's data.
fn found<A: ActionData>(
    data: &[u8],
    name: &str,
    signer: impl Fn(&A) -> Name,
    document: impl Fn(&A) -> &Document,
) -> (String, String, String) {
    let action = A::unpack(data).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    (name.to_string(), hex::encode(document(&action).hash.to_bytes()), signer(&action).to_string())
}

/// Walks the traces of blocks 1 to `last` and finds every document our contracts accepted;
/// they must be the documents in SQLite. Also the number of our actions must match.
pub fn documents(chain: &TestChain, conn: &Connection, last: u32, compared: &mut Compared) {
    let p = chain.peers;
    let node = Node::new(&chain.url());
    let mut in_traces: Vec<Found> = Vec::new();
    let mut actions = 0u64;
    for number in 1..=last {
        let Fetched::Block(block) = node.block(number).expect("get_block") else { continue };
        for trx in block.transactions.iter().filter(|t| t.status == "executed") {
            for a in trx.actions.iter().filter(|a| a.receiver == a.account) {
                if ![p.operator, p.registrator, p.soviet, p.wallet].contains(&a.account) {
                    continue;
                }
                actions += 1;
                let d = &a.data;
                let doc = match (a.account, a.action.to_string().as_str()) {
                    (c, "request") if c == p.operator => {
                        found::<Request>(d, "operator::request", |r| r.chairman.username, |r| &r.statement)
                    }
                    (c, "joincoop") if c == p.registrator => {
                        found::<Joincoop>(d, "registrator::joincoop", |r| r.username, |r| &r.statement)
                    }
                    (c, "agree") if c == p.registrator => {
                        found::<Agree>(d, "registrator::agree", |r| r.username, |r| &r.document)
                    }
                    (c, "selectbranch") if c == p.registrator => {
                        found::<Selectbranch>(d, "registrator::selectbranch", |r| r.username, |r| &r.statement)
                    }
                    (c, "leavecoop") if c == p.registrator => {
                        found::<Leavecoop>(d, "registrator::leavecoop", |r| r.username, |r| &r.statement)
                    }
                    (c, "freedecision") if c == p.soviet => {
                        found::<Freedecision>(d, "soviet::freedecision", |r| r.proposer, |r| &r.statement)
                    }
                    (c, "authorize") if c == p.soviet => {
                        found::<Authorize>(d, "soviet::authorize", |r| r.chairman, |r| &r.document)
                    }
                    (c, "withdraw") if c == p.wallet => {
                        found::<Withdraw>(d, "wallet::withdraw", |r| r.username, |r| &r.statement)
                    }
                    _ => continue,
                };
                in_traces.push((trx.id.clone(), doc.0, doc.1, doc.2));
            }
        }
    }
    let mut statement = conn.prepare("SELECT trx_id, action, hash, signer FROM documents").expect("prepare");
    let mut in_db: Vec<Found> = statement
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    in_traces.sort();
    in_db.sort();
    assert_eq!(in_db, in_traces, "the documents in SQLite (left) and in the traces (right)");
    compared.documents = in_db.len();
    let stored: i64 = conn.query_row("SELECT COUNT(*) FROM actions", [], |r| r.get(0)).expect("count");
    assert_eq!(stored as u64, actions, "the actions of our contracts in SQLite and in the traces");
}

/// Every table's rows, in insertion order: two databases built from the same blocks must be
/// identical.
pub fn dump(conn: &Connection) -> BTreeMap<String, Vec<Vec<rusqlite::types::Value>>> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("tables");
    let mut dump = BTreeMap::new();
    for table in tables {
        let mut statement = conn.prepare(&format!("SELECT * FROM {table} ORDER BY rowid")).expect("prepare");
        let columns = statement.column_count();
        let rows: Vec<Vec<rusqlite::types::Value>> = statement
            .query_map([], |row| (0..columns).map(|i| row.get(i)).collect())
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows");
        dump.insert(table, rows);
    }
    dump
}
