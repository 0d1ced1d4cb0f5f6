//! `withdraw`, `allowwithdr`, `declwithdr`, `failwithdr`, `payout` (the soviet's actions
//! are signed here as the soviet would sign them inline; the council's path is in
//! `council.rs`).
use super::common::*;
use super::council::decision;
use antelope_test_harness::cooperative::{rub, Person, TestCoop};
use antelope_test_harness::fixture::TestChain;
use coop_protocol::registrator::{Setstatus, COOP_BLOCKED, TYPE_INDIVIDUAL};
use coop_protocol::soviet::{Propose, KIND_WITHDRAW, STATUS_OPEN};
use coop_protocol::wallet::{errors::*, *};
use coop_runtime::action::level;
use coop_runtime::sym;
use coop_runtime::system::ACTIVE;
use eosio::Asset;

fn withdraw(coop: &TestCoop, person: &Person, quantity: Asset) -> Withdraw {
    let data = Withdraw { coopname: coop.name, username: person.name, quantity, statement: Default::default() };
    person.signs(&TestChain::shared().peers, "I ask to return part of my share contribution", data)
}

/// A member with 500 RUB available who asked for `amount` back; returns the member and
/// the withdrawal id.
fn requested(chain: &TestChain, coop: &TestCoop, amount: &str) -> (Person, u64) {
    let person = member_with(chain, coop, "500.0000");
    let id = chain.ok(chain.peers.wallet, &[person.name], &withdraw(coop, &person, rub(amount))).return_value();
    (person, id)
}

fn allow(coop: &TestCoop, withdraw_id: u64) -> Allowwithdr {
    Allowwithdr { coopname: coop.name, withdraw_id, decision_id: 7 }
}

fn decl(coop: &TestCoop, withdraw_id: u64) -> Declwithdr {
    Declwithdr { coopname: coop.name, withdraw_id, decision_id: 7 }
}

fn payout(coop: &TestCoop, withdraw_id: u64) -> Payout {
    Payout { coopname: coop.name, withdraw_id, memo: "paid".into() }
}

fn fail(coop: &TestCoop, withdraw_id: u64) -> Failwithdr {
    Failwithdr { coopname: coop.name, withdraw_id, reason: "the bank returned the transfer".into() }
}

#[test]
fn withdraw_blocks_the_amount_and_asks_the_council() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = member_with(chain, &coop, "500.0000");
    let data = withdraw(&coop, &person, rub("120.0000"));
    let outcome = chain.ok(chain.peers.wallet, &[person.name], &data);
    let id: u64 = outcome.return_value();
    assert_eq!(id, 1);

    let wallet = wallet_of(chain, &coop, &person);
    assert_eq!((wallet.available, wallet.blocked), (rub("380.0000"), rub("120.0000")));
    let row = withdrawal_row(chain, &coop, id);
    assert_eq!(row.status, WITHDRAWAL_PENDING);
    assert_eq!(row.quantity, rub("120.0000"));
    assert_eq!(row.statement_hash, data.statement.hash);
    assert_eq!(row.decision_id, 0);
    assert!(outcome.ram_delta(person.name) > 0, "the member pays the withdrawal row");
    assert!(outcome.ram_delta(coop.name) > 0, "the cooperative pays the question on its agenda");
    assert_eq!(outcome.ram_delta(chain.peers.wallet), 0);
    assert_eq!(outcome.ram_delta(chain.peers.soviet), 0);
    let proposals: Vec<Propose> = outcome
        .inline_actions(chain.peers.soviet, "propose")
        .iter()
        .map(|action| action.decode_data().unwrap())
        .collect();
    assert_eq!(
        proposals,
        vec![Propose {
            coopname: coop.name,
            kind: KIND_WITHDRAW,
            username: person.name,
            ref_id: id,
            statement_hash: data.statement.hash,
        }]
    );
    let question = decision(chain, &coop, KIND_WITHDRAW, id);
    assert_eq!((question.username, question.status), (person.name, STATUS_OPEN));
    assert_eq!(question.statement_hash, data.statement.hash);
    assert_books(chain, &coop);
}

#[test]
fn one_open_withdrawal_per_member() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = member_with(chain, &coop, "500.0000");
    let first: u64 =
        chain.ok(chain.peers.wallet, &[person.name], &withdraw(&coop, &person, rub("100.0000"))).return_value();
    let books = assert_books(chain, &coop);
    let decisions = chain.rows::<coop_protocol::soviet::Decisions>(chain.peers.soviet, coop.name);
    let another = || chain.fails(chain.peers.wallet, &[person.name], &withdraw(&coop, &person, rub("1.0000")));
    let unchanged = |available: &str, blocked: &str| {
        let wallet = wallet_of(chain, &coop, &person);
        assert_eq!((wallet.available, wallet.blocked), (rub(available), rub(blocked)));
        assert_eq!(assert_books(chain, &coop), books);
        assert_eq!(chain.rows::<coop_protocol::soviet::Decisions>(chain.peers.soviet, coop.name), decisions);
        assert_eq!(chain.rows::<Withdrawals>(chain.peers.wallet, coop.name).len(), 1);
    };

    // Pending: refused, nothing changes.
    assert_eq!(another(), ERR_WITHDRAWAL_OPEN);
    unchanged("400.0000", "100.0000");
    // Authorized, not paid yet: still open.
    chain.ok(chain.peers.wallet, &[chain.peers.soviet], &allow(&coop, first));
    assert_eq!(another(), ERR_WITHDRAWAL_OPEN);
    let wallet = wallet_of(chain, &coop, &person);
    assert_eq!((wallet.available, wallet.blocked), (rub("400.0000"), rub("100.0000")));
    let counters = chain.row::<Counters>(chain.peers.wallet, chain.peers.wallet, coop.name.as_u64()).unwrap();
    assert_eq!(counters.withdrawals, first, "a refused withdrawal takes no id");

    // Paid: a new one is accepted.
    chain.ok(chain.peers.wallet, &[coop.name], &payout(&coop, first));
    let second: u64 =
        chain.ok(chain.peers.wallet, &[person.name], &withdraw(&coop, &person, rub("50.0000"))).return_value();
    assert_eq!(second, first + 1);
    assert_eq!(another(), ERR_WITHDRAWAL_OPEN);
    // Declined: a new one is accepted.
    chain.ok(chain.peers.wallet, &[chain.peers.soviet], &decl(&coop, second));
    let third: u64 =
        chain.ok(chain.peers.wallet, &[person.name], &withdraw(&coop, &person, rub("60.0000"))).return_value();
    assert_eq!(third, second + 1);
    // Failed: a new one is accepted.
    chain.ok(chain.peers.wallet, &[chain.peers.soviet], &allow(&coop, third));
    chain.ok(chain.peers.wallet, &[coop.name], &fail(&coop, third));
    let fourth: u64 =
        chain.ok(chain.peers.wallet, &[person.name], &withdraw(&coop, &person, rub("400.0000"))).return_value();
    assert_eq!(fourth, third + 1);

    let wallet = wallet_of(chain, &coop, &person);
    assert_eq!((wallet.available, wallet.blocked), (zero(), rub("400.0000")));
    let open: Vec<u64> = chain.rows::<Withdrawals>(chain.peers.wallet, coop.name).iter().map(|w| w.id).collect();
    assert_eq!(open, vec![fourth]);
    assert_eq!(assert_books(chain, &coop).paid_out, rub("100.0000"));
}

#[test]
fn withdraw_cannot_take_more_than_is_available() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = member_with(chain, &coop, "500.0000");
    // 500 available; the 300 minimum is not withdrawable.
    let message = chain.fails(chain.peers.wallet, &[person.name], &withdraw(&coop, &person, rub("500.0001")));
    assert_eq!(message, ERR_INSUFFICIENT_AVAILABLE);
    let wallet = wallet_of(chain, &coop, &person);
    assert_eq!((wallet.available, wallet.blocked, wallet.minimum), (rub("500.0000"), zero(), rub("300.0000")));
    assert!(chain.rows::<Withdrawals>(chain.peers.wallet, coop.name).is_empty());
    // All of it is.
    chain.ok(chain.peers.wallet, &[person.name], &withdraw(&coop, &person, rub("500.0000")));
    let wallet = wallet_of(chain, &coop, &person);
    assert_eq!((wallet.available, wallet.blocked), (zero(), rub("500.0000")));
    assert_books(chain, &coop);
}

#[test]
fn withdraw_checks_the_amount() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = member_with(chain, &coop, "500.0000");
    for (quantity, message) in [
        (rub("0.0000"), ERR_NOT_POSITIVE),
        (rub("-1.0000"), ERR_NEGATIVE_AMOUNT),
        (Asset { amount: 100, symbol: sym(2, "RUB") }, ERR_WRONG_SYMBOL),
        (Asset { amount: 1 << 62, symbol: sym(4, "RUB") }, ERR_AMOUNT_INVALID),
    ] {
        let data = withdraw(&coop, &person, quantity);
        assert_eq!(chain.fails(chain.peers.wallet, &[person.name], &data), message, "{quantity:?}");
    }
    assert!(chain.rows::<Withdrawals>(chain.peers.wallet, coop.name).is_empty());
}

#[test]
fn withdraw_needs_the_members_own_signed_statement() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = member_with(chain, &coop, "500.0000");
    let stranger = Person::new(chain, "strngr");

    let foreign = stranger.signs(
        &chain.peers,
        "I ask to return part of my share contribution",
        withdraw(&coop, &person, rub("1.0000")),
    );
    assert_eq!(chain.fails(chain.peers.wallet, &[person.name], &foreign), ERR_KEY_NOT_SIGNERS);
    let mut mismatched = withdraw(&coop, &person, rub("1.0000"));
    mismatched.statement.public_key = stranger.key.public_key();
    assert_eq!(chain.fails(chain.peers.wallet, &[person.name], &mismatched), ERR_BAD_SIGNATURE);
    let mut long = withdraw(&coop, &person, rub("1.0000"));
    long.statement.meta = "m".repeat(MAX_STATEMENT_META + 1);
    assert_eq!(chain.fails(chain.peers.wallet, &[person.name], &long), ERR_META_TOO_LONG);

    chain.denied(coop.name, &withdraw(&coop, &person, rub("1.0000")));
    assert_eq!(wallet_of(chain, &coop, &person).blocked, zero());
}

#[test]
fn withdraw_needs_an_accepted_participant_with_a_wallet() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let applicant = applicant(chain, &coop, TYPE_INDIVIDUAL);
    let message = chain.fails(chain.peers.wallet, &[applicant.name], &withdraw(&coop, &applicant, rub("1.0000")));
    assert_eq!(message, ERR_NOT_PARTICIPANT);
    // Founders have a wallet only once something is booked for them (the connection
    // books nothing; see `a_founders_first_share_deposit_opens_their_wallet`).
    let founder = &coop.members[1];
    if chain.row::<Wallets>(chain.peers.wallet, coop.name, founder.name.as_u64()).is_none() {
        let message = chain.fails(chain.peers.wallet, &[founder.name], &withdraw(&coop, founder, rub("1.0000")));
        assert_eq!(message, ERR_WALLET_NOT_FOUND);
    }
}

#[test]
fn withdraw_needs_an_active_cooperative() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = member_with(chain, &coop, "500.0000");
    chain.ok(
        chain.peers.registrator,
        &[chain.peers.operator],
        &Setstatus { coopname: coop.name, status: COOP_BLOCKED },
    );
    let message = chain.fails(chain.peers.wallet, &[person.name], &withdraw(&coop, &person, rub("1.0000")));
    assert_eq!(message, ERR_COOP_NOT_ACTIVE);
    assert_eq!(wallet_of(chain, &coop, &person).blocked, zero());
}

#[test]
fn allowed_withdrawal_is_paid_out_once() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let (person, id) = requested(chain, &coop, "200.0000");
    assert_eq!(
        chain.fails(chain.peers.wallet, &[coop.name], &payout(&coop, id)),
        ERR_WITHDRAWAL_NOT_AUTHORIZED,
        "no payout without the council"
    );
    chain.ok(chain.peers.wallet, &[chain.peers.soviet], &allow(&coop, id));
    let row = withdrawal_row(chain, &coop, id);
    assert_eq!((row.status, row.decision_id), (WITHDRAWAL_AUTHORIZED, 7));
    assert_eq!(chain.fails(chain.peers.wallet, &[chain.peers.soviet], &allow(&coop, id)), ERR_WITHDRAWAL_NOT_PENDING);

    let outcome = chain.ok(chain.peers.wallet, &[coop.name], &payout(&coop, id));
    assert!(!withdrawal_exists(chain, &coop, id), "the paid withdrawal is erased");
    assert!(outcome.ram_delta(person.name) < 0, "the member who paid for the withdrawal gets the RAM back");
    assert_eq!(outcome.ram_delta(coop.name), 0);
    let wallet = wallet_of(chain, &coop, &person);
    assert_eq!((wallet.available, wallet.blocked), (rub("300.0000"), zero()));
    let ledger = assert_books(chain, &coop);
    assert_eq!((ledger.share_fund, ledger.paid_out), (rub("600.0000"), rub("200.0000")));

    assert_eq!(chain.fails(chain.peers.wallet, &[coop.name], &payout(&coop, id)), ERR_WITHDRAWAL_NOT_FOUND);
    assert_eq!(chain.fails(chain.peers.wallet, &[coop.name], &payout(&coop, 99)), ERR_WITHDRAWAL_NOT_FOUND);
    assert_eq!(assert_books(chain, &coop).paid_out, rub("200.0000"));
}

#[test]
fn declined_withdrawal_gives_the_amount_back() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let (person, id) = requested(chain, &coop, "200.0000");
    // Only a pending withdrawal can be declined.
    chain.ok(chain.peers.wallet, &[chain.peers.soviet], &allow(&coop, id));
    assert_eq!(chain.fails(chain.peers.wallet, &[chain.peers.soviet], &decl(&coop, id)), ERR_WITHDRAWAL_NOT_PENDING);
    chain.ok(chain.peers.wallet, &[coop.name], &fail(&coop, id));
    let id: u64 =
        chain.ok(chain.peers.wallet, &[person.name], &withdraw(&coop, &person, rub("200.0000"))).return_value();

    let outcome = chain.ok(chain.peers.wallet, &[chain.peers.soviet], &decl(&coop, id));
    assert!(!withdrawal_exists(chain, &coop, id), "the declined withdrawal is erased");
    assert!(outcome.ram_delta(person.name) < 0, "the member who paid for the withdrawal gets the RAM back");
    let wallet = wallet_of(chain, &coop, &person);
    assert_eq!((wallet.available, wallet.blocked), (rub("500.0000"), zero()));
    assert_eq!(chain.fails(chain.peers.wallet, &[chain.peers.soviet], &decl(&coop, id)), ERR_WITHDRAWAL_NOT_FOUND);
    assert_eq!(chain.fails(chain.peers.wallet, &[chain.peers.soviet], &allow(&coop, id)), ERR_WITHDRAWAL_NOT_FOUND);
    assert_eq!(chain.fails(chain.peers.wallet, &[coop.name], &payout(&coop, id)), ERR_WITHDRAWAL_NOT_FOUND);
    assert_eq!(assert_books(chain, &coop).paid_out, zero());
}

#[test]
fn failed_payout_gives_the_amount_back() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let (person, id) = requested(chain, &coop, "200.0000");
    assert_eq!(chain.fails(chain.peers.wallet, &[coop.name], &fail(&coop, id)), ERR_WITHDRAWAL_NOT_AUTHORIZED);
    chain.ok(chain.peers.wallet, &[chain.peers.soviet], &allow(&coop, id));
    let mut long = fail(&coop, id);
    long.reason = "r".repeat(MAX_MEMO + 1);
    assert_eq!(chain.fails(chain.peers.wallet, &[coop.name], &long), ERR_TEXT_TOO_LONG);

    let outcome = chain.ok(chain.peers.wallet, &[coop.name], &fail(&coop, id));
    assert!(!withdrawal_exists(chain, &coop, id), "the failed withdrawal is erased");
    assert!(outcome.ram_delta(person.name) < 0, "the member who paid for the withdrawal gets the RAM back");
    assert_eq!(outcome.ram_delta(coop.name), 0);
    let wallet = wallet_of(chain, &coop, &person);
    assert_eq!((wallet.available, wallet.blocked), (rub("500.0000"), zero()));
    assert_eq!(chain.fails(chain.peers.wallet, &[coop.name], &payout(&coop, id)), ERR_WITHDRAWAL_NOT_FOUND);
    assert_eq!(chain.fails(chain.peers.wallet, &[coop.name], &fail(&coop, id)), ERR_WITHDRAWAL_NOT_FOUND);
    assert_eq!(assert_books(chain, &coop).paid_out, zero());
}

#[test]
fn the_councils_and_the_cooperatives_steps_need_their_signatures() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let (person, id) = requested(chain, &coop, "200.0000");
    let by_coop = [level(coop.name, ACTIVE)];
    let by_member = [level(person.name, ACTIVE)];
    let missing =
        |error: antelope_test_harness::client::ChainError| assert_eq!(error.name(), Some("missing_auth_exception"));
    missing(chain.push_as(chain.peers.wallet, &by_coop, &allow(&coop, id)).unwrap_err());
    missing(chain.push_as(chain.peers.wallet, &by_coop, &decl(&coop, id)).unwrap_err());
    chain.ok(chain.peers.wallet, &[chain.peers.soviet], &allow(&coop, id));
    missing(chain.push_as(chain.peers.wallet, &by_member, &payout(&coop, id)).unwrap_err());
    missing(chain.push_as(chain.peers.wallet, &by_member, &fail(&coop, id)).unwrap_err());
    assert_eq!(withdrawal_row(chain, &coop, id).status, WITHDRAWAL_AUTHORIZED);
    assert_eq!(wallet_of(chain, &coop, &person).blocked, rub("200.0000"));
}

#[test]
fn payout_and_failwithdr_check_the_memo() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let (_, id) = requested(chain, &coop, "200.0000");
    chain.ok(chain.peers.wallet, &[chain.peers.soviet], &allow(&coop, id));
    let mut long = payout(&coop, id);
    long.memo = "m".repeat(MAX_MEMO + 1);
    assert_eq!(chain.fails(chain.peers.wallet, &[coop.name], &long), ERR_TEXT_TOO_LONG);
    assert_eq!(withdrawal_row(chain, &coop, id).status, WITHDRAWAL_AUTHORIZED);
}
