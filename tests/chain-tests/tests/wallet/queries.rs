//! Deposits and withdrawals, queryable: `wallet::deposits` and `wallet::withdrawals` in
//! read-only transactions (no signature, nothing written), through our client and through
//! cleos, by member, by state, by page; and a member's wallet and the cooperative's ledger
//! in one `cleos get table` call each.
use super::common::*;
use antelope_test_harness::cleos::{Cleos, CleosError, Wallet as Keosd};
use antelope_test_harness::cooperative::{rub, Person, TestCoop};
use antelope_test_harness::fixture::{expect_assertion, TestChain};
use antelope_test_harness::transaction::format_time;
use antelope_test_harness::wallet_queries::{cleos_deposits, cleos_table_row, cleos_withdrawals};
use coop_protocol::registrator::TYPE_INDIVIDUAL;
use coop_protocol::wallet::errors::*;
use coop_protocol::wallet::{
    Allowwithdr, Cancel, Declwithdr, DepositPage, Deposits, DepositsQuery, Ledgers, Payout, Refundreg, Withdraw,
    WithdrawalPage, Withdrawals, WithdrawalsQuery, DEPOSIT_CONFIRMED, DEPOSIT_PENDING, DEPOSIT_REFUND,
    KIND_REGISTRATION, KIND_SHARE, MAX_QUERY_LIMIT, QUERY_SCAN_LIMIT, WITHDRAWAL_AUTHORIZED, WITHDRAWAL_PENDING,
};
use coop_runtime::action::level;
use coop_runtime::asset_text::asset_to_string;
use coop_runtime::system::{BuyRamBytes, ACTIVE, SYSTEM};
use coop_runtime::{n, ActionData};
use eosio::{Asset, Name};
use serde_json::{json, Value};

/// The empty name: every state, or everyone.
const ALL: Name = Name::new(0);

fn chain() -> &'static TestChain {
    TestChain::shared()
}

fn wallet() -> Name {
    chain().peers.wallet
}

/// One page of deposits through our client.
#[track_caller]
fn deposits(coop: &TestCoop, username: Name, state: Name, from_id: u64, limit: u32) -> DepositPage {
    chain().deposits_of(coop.name, username, state, from_id, limit).unwrap_or_else(|e| panic!("deposits: {e}"))
}

/// One page of withdrawals through our client.
#[track_caller]
fn withdrawals(coop: &TestCoop, username: Name, state: Name, from_id: u64, limit: u32) -> WithdrawalPage {
    chain().withdrawals_of(coop.name, username, state, from_id, limit).unwrap_or_else(|e| panic!("withdrawals: {e}"))
}

/// The ids of every deposit of `username` in `state`, all pages.
#[track_caller]
fn deposit_ids(coop: &TestCoop, username: Name, state: Name) -> Vec<u64> {
    let (items, _) = chain().deposits_all(coop.name, username, state, MAX_QUERY_LIMIT).unwrap();
    items.iter().map(|d| d.id).collect()
}

/// The ids of every withdrawal of `username` in `state`, all pages.
#[track_caller]
fn withdrawal_ids(coop: &TestCoop, username: Name, state: Name) -> Vec<u64> {
    let (items, _) = chain().withdrawals_all(coop.name, username, state, MAX_QUERY_LIMIT).unwrap();
    items.iter().map(|w| w.id).collect()
}

fn ids_of_deposits(page: &DepositPage) -> Vec<u64> {
    page.items.iter().map(|d| d.id).collect()
}

fn ids_of_withdrawals(page: &WithdrawalPage) -> Vec<u64> {
    page.items.iter().map(|w| w.id).collect()
}

/// `username`'s request to get `amount` back.
fn withdraw(coop: &TestCoop, person: &Person, amount: &str) -> Withdraw {
    let data =
        Withdraw { coopname: coop.name, username: person.name, quantity: rub(amount), statement: Default::default() };
    person.signs(&TestChain::shared().peers, "I ask to return part of my share contribution", data)
}

/// A member with 500 RUB available who asked for `amount` back; returns the member and
/// the withdrawal id.
fn requested(coop: &TestCoop, amount: &str) -> (Person, u64) {
    let person = member_with(chain(), coop, "500.0000");
    let id = chain().ok(wallet(), &[person.name], &withdraw(coop, &person, amount)).return_value();
    (person, id)
}

/// The soviet allows withdrawal `id` (signed here as the soviet signs it inline).
fn allow(coop: &TestCoop, withdraw_id: u64) {
    let data = Allowwithdr { coopname: coop.name, withdraw_id, decision_id: 7 };
    chain().ok(wallet(), &[chain().peers.soviet], &data);
}

/// Cleos bound to the test node, with an empty wallet (read-only calls sign nothing).
fn cleos(keosd: &Keosd) -> Cleos {
    Cleos::new(chain().url(), keosd)
}

/// A JSON number that may come as a string.
fn number(v: &Value) -> u64 {
    v.as_u64().or_else(|| v.as_str().and_then(|s| s.parse().ok())).unwrap_or_else(|| panic!("not a number: {v}"))
}

/// A name as nodeos shows it in JSON.
fn name(n: Name) -> String {
    if n.as_u64() == 0 {
        String::new()
    } else {
        n.to_string()
    }
}

/// A deposit page as nodeos shows it in JSON.
fn deposit_page_json(page: &DepositPage) -> Value {
    let items: Vec<Value> = page
        .items
        .iter()
        .map(|d| {
            json!({
                "id": d.id,
                "username": name(d.username),
                "kind": name(d.kind),
                "quantity": asset_to_string(&d.quantity),
                "status": name(d.status),
                "memo": d.memo,
                "created_at": format_time(d.created_at.as_secs()),
                "updated_at": format_time(d.updated_at.as_secs()),
            })
        })
        .collect();
    json!({ "items": items, "next_id": page.next_id })
}

/// A withdrawal page as nodeos shows it in JSON.
fn withdrawal_page_json(page: &WithdrawalPage) -> Value {
    let items: Vec<Value> = page
        .items
        .iter()
        .map(|w| {
            json!({
                "id": w.id,
                "username": name(w.username),
                "quantity": asset_to_string(&w.quantity),
                "status": name(w.status),
                "statement_hash": hex::encode(w.statement_hash.to_bytes()),
                "decision_id": w.decision_id,
                "created_at": format_time(w.created_at.as_secs()),
                "updated_at": format_time(w.updated_at.as_secs()),
            })
        })
        .collect();
    json!({ "items": items, "next_id": page.next_id })
}

/// `count` share deposits of `person` announced by the cooperative (which pays their RAM),
/// in transactions of 40; returns their ids.
fn deposit_many(coop: &TestCoop, person: &Person, count: u64) -> Vec<u64> {
    let chain = chain();
    let levels = [level(coop.name, ACTIVE)];
    let mut ids = Vec::new();
    for start in (0..count).step_by(40) {
        let actions = (start..count.min(start + 40))
            .map(|i| {
                let data = deposit(coop, person, KIND_SHARE, Asset { amount: 10_000 + i as i64, ..rub("1.0000") });
                data.to_action(wallet(), &levels)
            })
            .collect();
        let outcome = chain.client.push_actions(actions).unwrap_or_else(|e| panic!("deposit: {e}"));
        let me = wallet().to_string();
        ids.extend(
            outcome
                .action_traces
                .iter()
                .filter(|t| t.receiver == me && t.name == "deposit")
                .map(|t| t.decode_return_value::<u64>().unwrap()),
        );
    }
    ids
}

/// Every deposit state in one cooperative: `a` has two pending share deposits (a third was
/// confirmed, a fourth cancelled: both erased), `b` one pending; applicants: `paid`
/// confirmed, `waiting` pending, `refused` refund.
struct Deposited {
    coop: TestCoop,
    a: Person,
    b: Person,
    paid: Person,
    waiting: Person,
    refused: Person,
    a_pending: Vec<u64>,
    b_pending: u64,
    paid_id: u64,
    waiting_id: u64,
    refused_id: u64,
    erased: Vec<u64>,
}

impl Deposited {
    fn new() -> Deposited {
        let chain = chain();
        let coop = chain.new_cooperative();
        let (a, b) = (member(chain, &coop), member(chain, &coop));
        let a_first = deposit_ok(chain, &coop, &a, KIND_SHARE, rub("10.0000"));
        let confirmed = deposit_ok(chain, &coop, &a, KIND_SHARE, rub("20.0000"));
        confirm(chain, &coop, confirmed);
        let b_pending = deposit_ok(chain, &coop, &b, KIND_SHARE, rub("30.0000"));
        let cancelled = deposit_ok(chain, &coop, &a, KIND_SHARE, rub("40.0000"));
        let reason = "the payment never came".into();
        chain.ok(wallet(), &[coop.name], &Cancel { coopname: coop.name, deposit_id: cancelled, reason });
        let (paid, paid_id) = paid_applicant(chain, &coop, TYPE_INDIVIDUAL);
        let a_second = deposit_ok(chain, &coop, &a, KIND_SHARE, rub("50.0000"));
        let waiting = applicant(chain, &coop, TYPE_INDIVIDUAL);
        let waiting_id = deposit_ok(chain, &coop, &waiting, KIND_REGISTRATION, registration_fee(TYPE_INDIVIDUAL));
        let (refused, refused_id) = paid_applicant(chain, &coop, TYPE_INDIVIDUAL);
        let refund = Refundreg { coopname: coop.name, username: refused.name, deposit_id: refused_id };
        chain.ok(wallet(), &[chain.peers.registrator], &refund);
        Deposited {
            coop,
            a,
            b,
            paid,
            waiting,
            refused,
            a_pending: vec![a_first, a_second],
            b_pending,
            paid_id,
            waiting_id,
            refused_id,
            erased: vec![confirmed, cancelled],
        }
    }
}

#[test]
fn deposits_by_member_and_by_state() {
    let d = Deposited::new();
    let coop = &d.coop;
    let [a1, a2] = [d.a_pending[0], d.a_pending[1]];

    // Everything still in progress, in id order; finished deposits are not listed.
    let mut live = vec![a1, a2, d.b_pending, d.paid_id, d.waiting_id, d.refused_id];
    live.sort();
    assert_eq!(deposit_ids(coop, ALL, ALL), live);
    assert!(d.erased.iter().all(|id| !live.contains(id)));
    // The items are the rows as stored.
    let page = deposits(coop, ALL, ALL, 0, MAX_QUERY_LIMIT);
    assert_eq!(page.items, chain().rows::<Deposits>(wallet(), coop.name));
    assert_eq!(page.next_id, 0);

    // By state.
    let mut pending = vec![a1, a2, d.b_pending, d.waiting_id];
    pending.sort();
    assert_eq!(deposit_ids(coop, ALL, DEPOSIT_PENDING), pending);
    assert_eq!(deposit_ids(coop, ALL, DEPOSIT_CONFIRMED), vec![d.paid_id]);
    assert_eq!(deposit_ids(coop, ALL, DEPOSIT_REFUND), vec![d.refused_id]);

    // By member, and by member and state.
    assert_eq!(deposit_ids(coop, d.a.name, ALL), vec![a1, a2]);
    assert_eq!(deposit_ids(coop, d.a.name, DEPOSIT_PENDING), vec![a1, a2]);
    assert!(deposit_ids(coop, d.a.name, DEPOSIT_CONFIRMED).is_empty());
    assert_eq!(deposit_ids(coop, d.b.name, ALL), vec![d.b_pending]);
    assert_eq!(deposit_ids(coop, d.paid.name, ALL), vec![d.paid_id]);
    assert_eq!(deposit_ids(coop, d.paid.name, DEPOSIT_CONFIRMED), vec![d.paid_id]);
    assert!(deposit_ids(coop, d.paid.name, DEPOSIT_PENDING).is_empty());
    assert_eq!(deposit_ids(coop, d.waiting.name, DEPOSIT_PENDING), vec![d.waiting_id]);
    assert_eq!(deposit_ids(coop, d.refused.name, DEPOSIT_REFUND), vec![d.refused_id]);
    assert!(deposit_ids(coop, coop.chairman.name, ALL).is_empty());

    let refund = &deposits(coop, d.refused.name, ALL, 0, 10).items[0];
    assert_eq!(
        (refund.username, refund.kind, refund.quantity, refund.status),
        (d.refused.name, KIND_REGISTRATION, registration_fee(TYPE_INDIVIDUAL), DEPOSIT_REFUND)
    );
    // Another cooperative's deposits are its own.
    let other = chain().new_cooperative();
    assert_eq!(deposits(&other, ALL, ALL, 0, 10), DepositPage::default());
}

#[test]
fn withdrawals_by_member_and_by_state() {
    let chain = chain();
    let coop = chain.new_cooperative();
    let (waiting, pending_id) = requested(&coop, "100.0000");
    let (allowed, authorized_id) = requested(&coop, "200.0000");
    allow(&coop, authorized_id);
    let (paid, paid_id) = requested(&coop, "50.0000");
    allow(&coop, paid_id);
    chain.ok(wallet(), &[coop.name], &Payout { coopname: coop.name, withdraw_id: paid_id, memo: "paid".into() });
    let (declined, declined_id) = requested(&coop, "60.0000");
    let decl = Declwithdr { coopname: coop.name, withdraw_id: declined_id, decision_id: 7 };
    chain.ok(wallet(), &[chain.peers.soviet], &decl);
    let (late, late_id) = requested(&coop, "70.0000");

    // Open ones only, in id order: paid and declined withdrawals are erased.
    assert_eq!(withdrawal_ids(&coop, ALL, ALL), vec![pending_id, authorized_id, late_id]);
    let page = withdrawals(&coop, ALL, ALL, 0, MAX_QUERY_LIMIT);
    assert_eq!(page.items, chain.rows::<Withdrawals>(wallet(), coop.name));
    assert_eq!(withdrawal_ids(&coop, ALL, WITHDRAWAL_PENDING), vec![pending_id, late_id]);
    assert_eq!(withdrawal_ids(&coop, ALL, WITHDRAWAL_AUTHORIZED), vec![authorized_id]);

    assert_eq!(withdrawal_ids(&coop, waiting.name, ALL), vec![pending_id]);
    assert!(withdrawal_ids(&coop, waiting.name, WITHDRAWAL_AUTHORIZED).is_empty());
    assert_eq!(withdrawal_ids(&coop, allowed.name, WITHDRAWAL_AUTHORIZED), vec![authorized_id]);
    assert_eq!(withdrawal_ids(&coop, late.name, WITHDRAWAL_PENDING), vec![late_id]);
    assert!(withdrawal_ids(&coop, paid.name, ALL).is_empty());
    assert!(withdrawal_ids(&coop, declined.name, ALL).is_empty());

    let item = &withdrawals(&coop, allowed.name, ALL, 0, 1).items[0];
    assert_eq!(item, &withdrawal_row(chain, &coop, authorized_id));
    assert_eq!((item.quantity, item.status, item.decision_id), (rub("200.0000"), WITHDRAWAL_AUTHORIZED, 7));
}

#[test]
fn pages_follow_next_id_through_our_client_and_cleos() {
    let chain = chain();
    let coop = chain.new_cooperative();
    let (a, b) = (member(chain, &coop), member(chain, &coop));
    // a: 1 2 3, b: 4, a: 5 6 7, b: 8 9 10; a's 6 is confirmed (erased).
    let mut ids = Vec::new();
    for (person, count) in [(&a, 3), (&b, 1), (&a, 3), (&b, 3)] {
        for _ in 0..count {
            ids.push(deposit_ok(chain, &coop, person, KIND_SHARE, rub("5.0000")));
        }
    }
    assert_eq!(ids, (1..=10).collect::<Vec<_>>());
    confirm(chain, &coop, 6);

    let first = deposits(&coop, ALL, ALL, 0, 4);
    assert_eq!((ids_of_deposits(&first), first.next_id), (vec![1, 2, 3, 4], 5));
    let second = deposits(&coop, ALL, ALL, first.next_id, 4);
    assert_eq!((ids_of_deposits(&second), second.next_id), (vec![5, 7, 8, 9], 10));
    let third = deposits(&coop, ALL, ALL, second.next_id, 4);
    assert_eq!((ids_of_deposits(&third), third.next_id), (vec![10], 0));
    // Exactly full: the rows ended, so there is no next page.
    let whole = deposits(&coop, ALL, ALL, 0, 9);
    assert_eq!((whole.items.len(), whole.next_id), (9, 0));
    // From an id that is gone: the next one on.
    assert_eq!(ids_of_deposits(&deposits(&coop, ALL, ALL, 6, 2)), vec![7, 8]);
    // By member, across pages of two.
    let a1 = deposits(&coop, a.name, ALL, 0, 2);
    assert_eq!((ids_of_deposits(&a1), a1.next_id), (vec![1, 2], 3));
    let a2 = deposits(&coop, a.name, ALL, a1.next_id, 2);
    assert_eq!((ids_of_deposits(&a2), a2.next_id), (vec![3, 5], 7));
    let a3 = deposits(&coop, a.name, ALL, a2.next_id, 2);
    assert_eq!((ids_of_deposits(&a3), a3.next_id), (vec![7], 0));
    let (of_b, calls) = chain.deposits_all(coop.name, b.name, DEPOSIT_PENDING, 1).unwrap();
    assert_eq!((of_b.iter().map(|d| d.id).collect::<Vec<_>>(), calls), (vec![4, 8, 9, 10], 4));
    let (of_a, calls) = chain.deposits_all(coop.name, a.name, ALL, 2).unwrap();
    assert_eq!((of_a.iter().map(|d| d.id).collect::<Vec<_>>(), calls), (vec![1, 2, 3, 5, 7], 3));

    // Withdrawals of four members, pages of three.
    let people: Vec<(Person, u64)> = (0..4).map(|_| requested(&coop, "10.0000")).collect();
    let w: Vec<u64> = people.iter().map(|(_, id)| *id).collect();
    allow(&coop, w[2]);
    let first_w = withdrawals(&coop, ALL, ALL, 0, 3);
    assert_eq!((ids_of_withdrawals(&first_w), first_w.next_id), (w[..3].to_vec(), w[3]));
    let second_w = withdrawals(&coop, ALL, ALL, first_w.next_id, 3);
    assert_eq!((ids_of_withdrawals(&second_w), second_w.next_id), (w[3..].to_vec(), 0));
    let (pending, calls) = chain.withdrawals_all(coop.name, ALL, WITHDRAWAL_PENDING, 2).unwrap();
    assert_eq!((pending.iter().map(|w| w.id).collect::<Vec<_>>(), calls), (vec![w[0], w[1], w[3]], 2));

    // The same pages through cleos, as JSON decoded with the wallet's ABI.
    let keosd = Keosd::start().unwrap();
    let cleos = cleos(&keosd);
    let json_deposits = |username: &str, state: &str, from_id: u64, limit: u32| {
        cleos_deposits(&cleos, wallet(), coop.name, username, state, from_id, limit)
            .unwrap_or_else(|e| panic!("cleos: {e}"))
    };
    let mut from_id = 0;
    for expected in [&first, &second, &third] {
        let got = json_deposits("", "", from_id, 4);
        assert_eq!(got, deposit_page_json(expected), "cleos deposits from {from_id}");
        from_id = number(&got["next_id"]);
    }
    assert_eq!(from_id, 0);
    let of_a = json_deposits(&a.name.to_string(), "pending", 0, 2);
    assert_eq!(of_a, deposit_page_json(&a1));
    assert_eq!(of_a["items"][0]["username"], a.name.to_string());
    assert_eq!(
        (of_a["items"][0]["status"].clone(), of_a["items"][0]["kind"].clone()),
        (json!("pending"), json!("share"))
    );
    assert_eq!(of_a["items"][0]["quantity"], "5.0000 RUB");
    eprintln!("cleos deposits page: {}", serde_json::to_string_pretty(&of_a).unwrap());

    let json_withdrawals = |state: &str, from_id: u64, limit: u32| {
        cleos_withdrawals(&cleos, wallet(), coop.name, "", state, from_id, limit)
            .unwrap_or_else(|e| panic!("cleos: {e}"))
    };
    assert_eq!(json_withdrawals("", 0, 3), withdrawal_page_json(&first_w));
    assert_eq!(json_withdrawals("", first_w.next_id, 3), withdrawal_page_json(&second_w));
    let authorized = json_withdrawals("authorized", 0, 10);
    assert_eq!(authorized["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(number(&authorized["items"][0]["id"]), w[2]);
    assert_eq!(authorized["items"][0]["status"], "authorized");
    let (allowed, _) = &people[2];
    let of_member = cleos_withdrawals(&cleos, wallet(), coop.name, &allowed.name.to_string(), "", 0, 10).unwrap();
    assert_eq!(of_member, authorized);
    eprintln!("cleos withdrawals page: {}", serde_json::to_string_pretty(&authorized).unwrap());
}

#[test]
fn one_call_reads_a_bounded_number_of_rows() {
    let chain = chain();
    let coop = chain.new_cooperative();
    let person = member(chain, &coop);
    let total = QUERY_SCAN_LIMIT as u64 + 20;
    chain.ok(SYSTEM, &[SYSTEM], &BuyRamBytes { payer: SYSTEM, receiver: coop.name, bytes: 400 * total as u32 });
    let all = deposit_many(&coop, &person, total);
    assert_eq!(all.len() as u64, total);

    // Nothing is awaiting a refund: the first call reads the scan limit and says where to
    // go on.
    let query =
        DepositsQuery { coopname: coop.name, username: ALL, state: DEPOSIT_REFUND, from_id: 0, limit: MAX_QUERY_LIMIT };
    let outcome = chain.read_only(wallet(), &query).unwrap();
    let first: DepositPage = outcome.return_value();
    assert_eq!((first.items.len(), first.next_id), (0, all[QUERY_SCAN_LIMIT]));
    let elapsed = outcome.raw["processed"]["action_traces"][0]["elapsed"].as_u64().unwrap_or(0);
    eprintln!("deposits: {QUERY_SCAN_LIMIT} rows read in {elapsed} µs");
    let rest = deposits(&coop, ALL, DEPOSIT_REFUND, first.next_id, MAX_QUERY_LIMIT);
    assert_eq!((rest.items.len(), rest.next_id), (0, 0));
    // Someone with no deposits: the same bounded walk.
    let stranger = deposits(&coop, coop.chairman.name, ALL, 0, 1);
    assert_eq!((stranger.items.len(), stranger.next_id), (0, all[QUERY_SCAN_LIMIT]));

    // A full page of the largest size (return values of read-only transactions are not
    // limited to the chain's `max_action_return_value_size`), and the rest in pages.
    let full = deposits(&coop, person.name, DEPOSIT_PENDING, 0, MAX_QUERY_LIMIT);
    assert_eq!((ids_of_deposits(&full), full.next_id), (all[..100].to_vec(), all[100]));
    assert_eq!(full.items[99].quantity, Asset { amount: 10_099, ..rub("1.0000") });
    let (every, calls) = chain.deposits_all(coop.name, person.name, ALL, MAX_QUERY_LIMIT).unwrap();
    assert_eq!((every.iter().map(|d| d.id).collect::<Vec<_>>(), calls), (all.clone(), 3));
}

/// The message a read-only query of the wallet fails with.
#[track_caller]
fn query_fails<A: ActionData>(query: &A) -> String {
    expect_assertion(chain().read_only(wallet(), query), wallet(), A::NAME)
}

#[test]
fn bad_queries_are_refused_with_their_messages() {
    let chain = chain();
    let coop = chain.new_cooperative();
    let d = |state: Name, limit: u32| DepositsQuery { coopname: coop.name, username: ALL, state, from_id: 0, limit };
    let w = |state: Name, limit: u32| WithdrawalsQuery { coopname: coop.name, username: ALL, state, from_id: 0, limit };
    assert_eq!(query_fails(&d(ALL, 0)), ERR_LIMIT_ZERO);
    assert_eq!(query_fails(&d(ALL, MAX_QUERY_LIMIT + 1)), ERR_LIMIT_TOO_LARGE);
    assert_eq!(query_fails(&d(ALL, u32::MAX)), ERR_LIMIT_TOO_LARGE);
    assert_eq!(query_fails(&d(WITHDRAWAL_AUTHORIZED, 10)), ERR_BAD_DEPOSIT_STATE);
    assert_eq!(query_fails(&d(n("open"), 10)), ERR_BAD_DEPOSIT_STATE);
    assert_eq!(query_fails(&w(ALL, 0)), ERR_LIMIT_ZERO);
    assert_eq!(query_fails(&w(ALL, MAX_QUERY_LIMIT + 1)), ERR_LIMIT_TOO_LARGE);
    assert_eq!(query_fails(&w(DEPOSIT_CONFIRMED, 10)), ERR_BAD_WITHDRAWAL_STATE);
    assert_eq!(query_fails(&w(DEPOSIT_REFUND, 10)), ERR_BAD_WITHDRAWAL_STATE);
    let nocoop = chain.unique_name("nocoop");
    assert_eq!(query_fails(&DepositsQuery { coopname: nocoop, ..d(ALL, 10) }), ERR_LEDGER_NOT_FOUND);
    assert_eq!(query_fails(&WithdrawalsQuery { coopname: nocoop, ..w(ALL, 10) }), ERR_LEDGER_NOT_FOUND);
    // The bounds themselves are fine.
    assert_eq!(deposits(&coop, ALL, ALL, 0, 1), DepositPage::default());
    assert_eq!(deposits(&coop, ALL, ALL, 0, MAX_QUERY_LIMIT), DepositPage::default());
    assert_eq!(withdrawals(&coop, ALL, WITHDRAWAL_PENDING, 0, MAX_QUERY_LIMIT), WithdrawalPage::default());

    // cleos reports the same messages.
    let keosd = Keosd::start().unwrap();
    let cleos = cleos(&keosd);
    let message = |result: Result<Value, CleosError>| match result {
        Ok(page) => panic!("the query succeeded: {page}"),
        Err(e) => e.assertion().unwrap_or_else(|| panic!("no assertion: {e}")).to_string(),
    };
    let cleos_d = |state: &str, limit: u32| message(cleos_deposits(&cleos, wallet(), coop.name, "", state, 0, limit));
    let cleos_w =
        |state: &str, limit: u32| message(cleos_withdrawals(&cleos, wallet(), coop.name, "", state, 0, limit));
    assert_eq!(cleos_d("", 0), ERR_LIMIT_ZERO);
    assert_eq!(cleos_d("", 101), ERR_LIMIT_TOO_LARGE);
    assert_eq!(cleos_d("authorized", 10), ERR_BAD_DEPOSIT_STATE);
    assert_eq!(cleos_w("", 0), ERR_LIMIT_ZERO);
    assert_eq!(cleos_w("refund", 10), ERR_BAD_WITHDRAWAL_STATE);
    let stranger = cleos_withdrawals(&cleos, wallet(), nocoop, "", "", 0, 10);
    assert_eq!(message(stranger), ERR_LEDGER_NOT_FOUND);
}

#[test]
fn the_queries_need_no_signature_and_write_nothing() {
    let chain = chain();
    let d = Deposited::new();
    let coop = &d.coop;
    let (asker, withdrawal_id) = requested(coop, "25.0000");
    let people = [coop.name, d.a.name, d.b.name, d.paid.name, d.waiting.name, d.refused.name, asker.name];
    let ram = || people.map(|p| ram_usage(chain, p));
    // The contract accounts but the operator, which pays for the cooperatives that tests
    // running alongside create.
    let contracts = || [chain.peers.registrator, chain.peers.soviet, wallet()].map(|p| ram_usage(chain, p));
    let tables = || {
        let scoped = |table: &str| chain.client.rows_raw(wallet(), coop.name, table).unwrap();
        let own = |table: &str| {
            let key = Some(coop.name.as_u64());
            chain.client.get_table_rows_raw(wallet(), wallet(), table, key, 1).unwrap().rows
        };
        (
            [scoped("deposits"), scoped("regdeposits"), scoped("withdrawals"), scoped("wallets")],
            [own("ledgers"), own("counters")],
        )
    };
    let (ram_before, contracts_before, tables_before) = (ram(), contracts(), tables());
    assert_eq!(tables_before.0[0].len(), 6);

    let mut calls = 0;
    for username in [ALL, d.a.name, asker.name] {
        for state in [ALL, DEPOSIT_PENDING, DEPOSIT_CONFIRMED, DEPOSIT_REFUND] {
            let query = DepositsQuery { coopname: coop.name, username, state, from_id: 0, limit: 2 };
            // No authorization on the action, no signature on the transaction.
            let action = query.to_action(wallet(), &[]);
            assert!(action.authorization.is_empty());
            let outcome = chain.client.read_only(vec![action]).unwrap();
            assert!(outcome.ram_deltas.is_empty(), "{:?}", outcome.ram_deltas);
            assert_eq!(outcome.cpu_usage_us, 0, "nobody is billed");
            let _: DepositPage = outcome.return_value();
            calls += 1;
        }
        for state in [ALL, WITHDRAWAL_PENDING, WITHDRAWAL_AUTHORIZED] {
            let query = WithdrawalsQuery { coopname: coop.name, username, state, from_id: 0, limit: 2 };
            let outcome = chain.client.read_only(vec![query.to_action(wallet(), &[])]).unwrap();
            assert!(outcome.ram_deltas.is_empty(), "{:?}", outcome.ram_deltas);
            assert_eq!(outcome.cpu_usage_us, 0, "nobody is billed");
            let _: WithdrawalPage = outcome.return_value();
            calls += 1;
        }
    }
    assert_eq!(calls, 21);
    assert_eq!(withdrawal_ids(coop, asker.name, ALL), vec![withdrawal_id]);
    // Through cleos too.
    let keosd = Keosd::start().unwrap();
    let cleos = cleos(&keosd);
    cleos_deposits(&cleos, wallet(), coop.name, "", "", 0, 10).unwrap();
    cleos_withdrawals(&cleos, wallet(), coop.name, "", "", 0, 10).unwrap();

    assert_eq!(ram(), ram_before, "nobody's RAM changed");
    assert_eq!(contracts(), contracts_before, "the contracts' RAM did not change");
    assert_eq!(tables(), tables_before, "the tables are byte-identical");
}

#[test]
fn a_wallet_and_the_ledger_are_one_get_table_call_each() {
    let chain = chain();
    let coop = chain.new_cooperative();
    let person = member_with(chain, &coop, "500.0000");
    let other = member(chain, &coop);
    requested(&coop, "50.0000");
    let keosd = Keosd::start().unwrap();
    let cleos = cleos(&keosd);

    // `cleos get table wallet <coop> wallets -L <user> -U <user>`: that member's row only.
    let answer = cleos_table_row(&cleos, wallet(), coop.name, "wallets", person.name).unwrap();
    eprintln!("cleos get table wallets: {}", serde_json::to_string_pretty(&answer).unwrap());
    let rows = answer["rows"].as_array().unwrap_or_else(|| panic!("no rows: {answer}"));
    assert_eq!((rows.len(), answer["more"].clone()), (1, json!(false)));
    let stored = wallet_of(chain, &coop, &person);
    let wallet_json = json!({
        "username": person.name.to_string(),
        "available": asset_to_string(&stored.available),
        "blocked": asset_to_string(&stored.blocked),
        "minimum": asset_to_string(&stored.minimum),
        "initial": asset_to_string(&stored.initial),
        "opened_at": format_time(stored.opened_at.as_secs()),
    });
    assert_eq!(rows[0], wallet_json);
    assert_eq!(rows[0]["available"], "500.0000 RUB");
    let theirs = cleos_table_row(&cleos, wallet(), coop.name, "wallets", other.name).unwrap();
    assert_eq!(theirs["rows"].as_array().map(Vec::len), Some(1));
    assert_eq!(theirs["rows"][0]["username"], other.name.to_string());
    // Somebody without a wallet: no row (not the next one's).
    let stranger = cleos_table_row(&cleos, wallet(), coop.name, "wallets", chain.unique_name("nobody")).unwrap();
    assert_eq!(stranger["rows"], json!([]));

    // `cleos get table wallet wallet ledgers -L <coop> -U <coop>`: the cooperative's ledger.
    let answer = cleos_table_row(&cleos, wallet(), wallet(), "ledgers", coop.name).unwrap();
    eprintln!("cleos get table ledgers: {}", serde_json::to_string_pretty(&answer).unwrap());
    let rows = answer["rows"].as_array().unwrap_or_else(|| panic!("no rows: {answer}"));
    assert_eq!((rows.len(), answer["more"].clone()), (1, json!(false)));
    let ledger = chain.row::<Ledgers>(wallet(), wallet(), coop.name.as_u64()).unwrap();
    let asset = |a: &Asset| asset_to_string(a);
    let ledger_json = json!({
        "coopname": coop.name.to_string(),
        "share_fund": asset(&ledger.share_fund),
        "entrance_fund": asset(&ledger.entrance_fund),
        "reg_received": asset(&ledger.reg_received),
        "refunds_due": asset(&ledger.refunds_due),
        "paid_out": asset(&ledger.paid_out),
        "refunded": asset(&ledger.refunded),
        "opened_at": format_time(ledger.opened_at.as_secs()),
    });
    assert_eq!(rows[0], ledger_json);
    assert_books(chain, &coop);
}
