//! `addmember`, `refundreg`, `payrefund` (signed here as the registrator would sign them
//! inline; the council's path to them is in `council.rs`).
use super::common::*;
use antelope_test_harness::cooperative::{rub, Person, TestCoop};
use antelope_test_harness::fixture::TestChain;
use coop_protocol::registrator::{TYPE_INDIVIDUAL, TYPE_ORGANIZATION};
use coop_protocol::wallet::{errors::*, *};
use coop_runtime::action::level;
use coop_runtime::sym;
use coop_runtime::system::ACTIVE;
use eosio::Asset;

fn addmember(coop: &TestCoop, person: &Person, deposit_id: u64, initial: Asset, minimum: Asset) -> Addmember {
    Addmember { coopname: coop.name, username: person.name, deposit_id, initial, minimum }
}

fn refundreg(coop: &TestCoop, person: &Person, deposit_id: u64) -> Refundreg {
    Refundreg { coopname: coop.name, username: person.name, deposit_id }
}

fn payrefund(coop: &TestCoop, deposit_id: u64) -> Payrefund {
    Payrefund { coopname: coop.name, deposit_id, memo: "returned to the applicant's account".into() }
}

#[test]
fn addmember_books_a_confirmed_registration_deposit() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let (person, id) = paid_applicant(chain, &coop, TYPE_ORGANIZATION);
    let (initial, minimum) = fees(TYPE_ORGANIZATION);

    let outcome =
        chain.ok(chain.peers.wallet, &[chain.peers.registrator], &addmember(&coop, &person, id, initial, minimum));
    let wallet = wallet_of(chain, &coop, &person);
    assert_eq!((wallet.initial, wallet.minimum), (initial, minimum));
    assert_eq!((wallet.available, wallet.blocked), (zero(), zero()));
    assert_eq!(deposit_row(chain, &coop, id).status, DEPOSIT_ACCEPTED);
    assert!(chain.row::<RegDeposits>(chain.peers.wallet, coop.name, person.name.as_u64()).is_none());
    let ledger = assert_books(chain, &coop);
    assert_eq!(ledger.reg_received, zero());
    assert_eq!(ledger.entrance_fund, initial);
    assert_eq!(ledger.share_fund, minimum);
    assert!(outcome.ram_delta(chain.peers.registrator) > 0, "the registrator pays the wallet");
    let event: EvMember = outcome.events(chain.peers.wallet, "evmember")[0].decode_data().unwrap();
    assert_eq!((event.username, event.deposit_id), (person.name, id));
    assert_eq!(outcome.events(chain.peers.wallet, "evdeposit").len(), 1);
}

#[test]
fn addmember_cannot_book_the_same_deposit_twice() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let (person, id) = paid_applicant(chain, &coop, TYPE_INDIVIDUAL);
    let (initial, minimum) = fees(TYPE_INDIVIDUAL);
    let data = addmember(&coop, &person, id, initial, minimum);
    chain.ok(chain.peers.wallet, &[chain.peers.registrator], &data);
    assert_eq!(chain.fails(chain.peers.wallet, &[chain.peers.registrator], &data), ERR_DEPOSIT_NOT_CONFIRMED);
    assert_eq!(assert_books(chain, &coop).share_fund, minimum);
}

#[test]
fn addmember_needs_a_confirmed_registration_deposit_of_that_person() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let (initial, minimum) = fees(TYPE_INDIVIDUAL);
    let (paid, paid_id) = paid_applicant(chain, &coop, TYPE_INDIVIDUAL);
    let waiting = applicant(chain, &coop, TYPE_INDIVIDUAL);
    let pending_id = deposit_ok(chain, &coop, &waiting, KIND_REGISTRATION, registration_fee(TYPE_INDIVIDUAL));
    let share_member = member_with(chain, &coop, "5.0000");
    let share_id = 1 + pending_id;
    assert_eq!(deposit_row(chain, &coop, share_id).kind, KIND_SHARE);
    let fails = |data: &Addmember| chain.fails(chain.peers.wallet, &[chain.peers.registrator], data);

    assert_eq!(fails(&addmember(&coop, &waiting, pending_id, initial, minimum)), ERR_DEPOSIT_NOT_CONFIRMED);
    assert_eq!(fails(&addmember(&coop, &waiting, paid_id, initial, minimum)), ERR_DEPOSIT_OF_OTHER);
    assert_eq!(fails(&addmember(&coop, &share_member, share_id, initial, minimum)), ERR_NOT_REGISTRATION);
    assert_eq!(fails(&addmember(&coop, &paid, 999, initial, minimum)), ERR_DEPOSIT_NOT_FOUND);
    assert_eq!(fails(&addmember(&coop, &paid, paid_id, rub("100.0000"), rub("299.9999"))), ERR_BOOKING_MISMATCH);
    assert_eq!(fails(&addmember(&coop, &paid, paid_id, zero(), rub("400.0000"))), ERR_FEES_NOT_POSITIVE);
    assert_eq!(fails(&addmember(&coop, &paid, paid_id, rub("-100.0000"), rub("500.0000"))), ERR_NEGATIVE_AMOUNT);
    let usd = Asset { amount: 1_000_000, symbol: sym(4, "USD") };
    assert_eq!(fails(&addmember(&coop, &paid, paid_id, usd, minimum)), ERR_WRONG_SYMBOL);
    let mut elsewhere = addmember(&coop, &paid, paid_id, initial, minimum);
    elsewhere.coopname = chain.unique_name("nocoop");
    assert_eq!(fails(&elsewhere), ERR_LEDGER_NOT_FOUND);

    assert_eq!(deposit_row(chain, &coop, paid_id).status, DEPOSIT_CONFIRMED);
    assert_eq!(assert_books(chain, &coop).reg_received, registration_fee(TYPE_INDIVIDUAL));
}

#[test]
fn addmember_without_a_deposit_books_founders_even_with_zero_fees() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let founder = &coop.members[0];
    chain.ok(chain.peers.wallet, &[chain.peers.registrator], &addmember(&coop, founder, 0, zero(), zero()));
    let wallet = wallet_of(chain, &coop, founder);
    assert_eq!((wallet.initial, wallet.minimum), (zero(), zero()));

    // An imported member's fees are new money in the ledger.
    let imported = member(chain, &coop);
    let wallet = wallet_of(chain, &coop, &imported);
    assert_eq!((wallet.initial, wallet.minimum), fees(TYPE_INDIVIDUAL));
    let ledger = assert_books(chain, &coop);
    assert_eq!(ledger.entrance_fund, rub("100.0000"));
    assert_eq!(ledger.share_fund, rub("300.0000"));
}

#[test]
fn addmember_and_refundreg_need_the_registrator() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let (person, id) = paid_applicant(chain, &coop, TYPE_INDIVIDUAL);
    let (initial, minimum) = fees(TYPE_INDIVIDUAL);
    let by_coop = [level(coop.name, ACTIVE)];
    let error =
        chain.push_as(chain.peers.wallet, &by_coop, &addmember(&coop, &person, id, initial, minimum)).unwrap_err();
    assert_eq!(error.name(), Some("missing_auth_exception"));
    let error = chain.push_as(chain.peers.wallet, &by_coop, &refundreg(&coop, &person, id)).unwrap_err();
    assert_eq!(error.name(), Some("missing_auth_exception"));
    assert_eq!(deposit_row(chain, &coop, id).status, DEPOSIT_CONFIRMED);
}

#[test]
fn refundreg_then_payrefund_give_a_declined_payment_back() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let (person, id) = paid_applicant(chain, &coop, TYPE_INDIVIDUAL);
    let fee = registration_fee(TYPE_INDIVIDUAL);

    let outcome = chain.ok(chain.peers.wallet, &[chain.peers.registrator], &refundreg(&coop, &person, id));
    assert_eq!(deposit_row(chain, &coop, id).status, DEPOSIT_REFUND);
    let ledger = assert_books(chain, &coop);
    assert_eq!((ledger.reg_received, ledger.refunds_due), (zero(), fee));
    let event: EvDeposit = outcome.events(chain.peers.wallet, "evdeposit")[0].decode_data().unwrap();
    assert_eq!(event.status, DEPOSIT_REFUND);
    assert_eq!(
        chain.fails(chain.peers.wallet, &[chain.peers.registrator], &refundreg(&coop, &person, id)),
        ERR_DEPOSIT_NOT_CONFIRMED
    );

    chain.ok(chain.peers.wallet, &[coop.name], &payrefund(&coop, id));
    assert_eq!(deposit_row(chain, &coop, id).status, DEPOSIT_REFUNDED);
    let ledger = assert_books(chain, &coop);
    assert_eq!((ledger.refunds_due, ledger.refunded), (zero(), fee));
    assert_eq!(chain.fails(chain.peers.wallet, &[coop.name], &payrefund(&coop, id)), ERR_DEPOSIT_NOT_REFUND);
}

#[test]
fn refundreg_needs_a_confirmed_registration_deposit_of_that_person() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let (paid, paid_id) = paid_applicant(chain, &coop, TYPE_INDIVIDUAL);
    let waiting = applicant(chain, &coop, TYPE_INDIVIDUAL);
    let pending_id = deposit_ok(chain, &coop, &waiting, KIND_REGISTRATION, registration_fee(TYPE_INDIVIDUAL));
    let fails = |data: &Refundreg| chain.fails(chain.peers.wallet, &[chain.peers.registrator], data);
    assert_eq!(fails(&refundreg(&coop, &waiting, pending_id)), ERR_DEPOSIT_NOT_CONFIRMED);
    assert_eq!(fails(&refundreg(&coop, &waiting, paid_id)), ERR_DEPOSIT_OF_OTHER);
    assert_eq!(fails(&refundreg(&coop, &paid, 999)), ERR_DEPOSIT_NOT_FOUND);
    assert_books(chain, &coop);
}

#[test]
fn payrefund_needs_the_cooperative_and_a_refund() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let (person, id) = paid_applicant(chain, &coop, TYPE_INDIVIDUAL);
    assert_eq!(chain.fails(chain.peers.wallet, &[coop.name], &payrefund(&coop, id)), ERR_DEPOSIT_NOT_REFUND);
    chain.ok(chain.peers.wallet, &[chain.peers.registrator], &refundreg(&coop, &person, id));
    let error = chain.push_as(chain.peers.wallet, &[level(person.name, ACTIVE)], &payrefund(&coop, id)).unwrap_err();
    assert_eq!(error.name(), Some("missing_auth_exception"));
    let mut long = payrefund(&coop, id);
    long.memo = "m".repeat(MAX_MEMO + 1);
    assert_eq!(chain.fails(chain.peers.wallet, &[coop.name], &long), ERR_MEMO_TOO_LONG);
    assert_eq!(assert_books(chain, &coop).refunds_due, registration_fee(TYPE_INDIVIDUAL));
}
