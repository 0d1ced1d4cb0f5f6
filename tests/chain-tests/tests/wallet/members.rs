//! `addmember`, `refundreg`, `payrefund` (signed here as the registrator would sign them
//! inline; the council's path to them is in `council.rs`).
use super::common::*;
use antelope_test_harness::boot::dev_public_key;
use antelope_test_harness::cooperative::{rub, Person, TestCoop};
use antelope_test_harness::fixture::TestChain;
use coop_protocol::registrator::{TYPE_INDIVIDUAL, TYPE_ORGANIZATION};
use coop_protocol::wallet::{errors::*, *};
use coop_runtime::action::level;
use coop_runtime::sym;
use coop_runtime::system::ACTIVE;
use eosio::{Asset, Name};

fn addmember(coop: &TestCoop, person: &Person, deposit_id: u64, initial: Asset, minimum: Asset) -> Addmember {
    Addmember { coopname: coop.name, username: person.name, deposit_id, initial, minimum }
}

/// `addmember` is sent by the registrator with the cooperative's `contracts` permission:
/// both must sign.
fn by_registrator_and_coop(chain: &TestChain, coop: &TestCoop) -> [Name; 2] {
    [chain.peers.registrator, coop.name]
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

    assert!(chain.row::<RegDeposits>(chain.peers.wallet, coop.name, person.name.as_u64()).is_some());
    let outcome = chain.ok(
        chain.peers.wallet,
        &by_registrator_and_coop(chain, &coop),
        &addmember(&coop, &person, id, initial, minimum),
    );
    let wallet = wallet_of(chain, &coop, &person);
    assert_eq!((wallet.initial, wallet.minimum), (initial, minimum));
    assert_eq!((wallet.available, wallet.blocked), (zero(), zero()));
    assert!(!deposit_exists(chain, &coop, id), "the accepted registration deposit is erased");
    assert!(chain.row::<RegDeposits>(chain.peers.wallet, coop.name, person.name.as_u64()).is_none());
    let ledger = assert_books(chain, &coop);
    assert_eq!(ledger.reg_received, zero());
    assert_eq!(ledger.entrance_fund, initial);
    assert_eq!(ledger.share_fund, minimum);
    assert!(outcome.ram_delta(coop.name) > 0, "the cooperative pays the wallet");
    assert_eq!(outcome.ram_delta(chain.peers.registrator), 0);
    assert!(outcome.ram_delta(person.name) < 0, "the applicant who paid for the deposit gets the RAM back");
}

#[test]
fn addmember_cannot_book_the_same_deposit_twice() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let (person, id) = paid_applicant(chain, &coop, TYPE_INDIVIDUAL);
    let (initial, minimum) = fees(TYPE_INDIVIDUAL);
    let data = addmember(&coop, &person, id, initial, minimum);
    let signers = by_registrator_and_coop(chain, &coop);
    chain.ok(chain.peers.wallet, &signers, &data);
    // The booked deposit is erased: there is nothing left to book.
    assert_eq!(chain.fails(chain.peers.wallet, &signers, &data), ERR_DEPOSIT_NOT_FOUND);
    assert_eq!(wallet_of(chain, &coop, &person).minimum, minimum);
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
    // A share deposit (still pending: a confirmed one is erased).
    let share_member = member(chain, &coop);
    let share_id = deposit_ok(chain, &coop, &share_member, KIND_SHARE, rub("5.0000"));
    assert_eq!(deposit_row(chain, &coop, share_id).kind, KIND_SHARE);
    let signers = by_registrator_and_coop(chain, &coop);
    let fails = |data: &Addmember| chain.fails(chain.peers.wallet, &signers, data);

    assert_eq!(fails(&addmember(&coop, &waiting, pending_id, initial, minimum)), ERR_DEPOSIT_NOT_CONFIRMED);
    assert_eq!(fails(&addmember(&coop, &waiting, paid_id, initial, minimum)), ERR_DEPOSIT_OF_OTHER);
    assert_eq!(fails(&addmember(&coop, &share_member, share_id, initial, minimum)), ERR_NOT_REGISTRATION);
    assert_eq!(fails(&addmember(&coop, &paid, 999, initial, minimum)), ERR_DEPOSIT_NOT_FOUND);
    assert_eq!(fails(&addmember(&coop, &paid, paid_id, rub("100.0000"), rub("299.9999"))), ERR_BOOKING_MISMATCH);
    assert_eq!(fails(&addmember(&coop, &paid, paid_id, zero(), rub("400.0000"))), ERR_BAD_FEES);
    assert_eq!(fails(&addmember(&coop, &paid, paid_id, rub("-100.0000"), rub("500.0000"))), ERR_NEGATIVE_AMOUNT);
    let usd = Asset { amount: 1_000_000, symbol: sym(4, "USD") };
    assert_eq!(fails(&addmember(&coop, &paid, paid_id, usd, minimum)), ERR_WRONG_SYMBOL);
    // An account without a ledger, signing for itself as the cooperative would.
    let mut elsewhere = addmember(&coop, &paid, paid_id, initial, minimum);
    elsewhere.coopname = chain.unique_name("nocoop");
    chain.create_account(elsewhere.coopname, dev_public_key(), None);
    let message = chain.fails(chain.peers.wallet, &[chain.peers.registrator, elsewhere.coopname], &elsewhere);
    assert_eq!(message, ERR_LEDGER_NOT_FOUND);

    assert_eq!(deposit_row(chain, &coop, paid_id).status, DEPOSIT_CONFIRMED);
    assert_eq!(assert_books(chain, &coop).reg_received, registration_fee(TYPE_INDIVIDUAL));
}

#[test]
fn addmember_without_a_deposit_books_founders_even_with_zero_fees() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let founder = &coop.members[0];
    chain.ok(chain.peers.wallet, &by_registrator_and_coop(chain, &coop), &addmember(&coop, founder, 0, zero(), zero()));
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
    // The registrator alone cannot make the cooperative pay for a wallet.
    let by_registrator = [level(chain.peers.registrator, ACTIVE)];
    let error = chain
        .push_as(chain.peers.wallet, &by_registrator, &addmember(&coop, &person, id, initial, minimum))
        .unwrap_err();
    assert_eq!(error.name(), Some("missing_auth_exception"));
    assert!(chain.row::<Wallets>(chain.peers.wallet, coop.name, person.name.as_u64()).is_none());
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
    assert!(chain.row::<RegDeposits>(chain.peers.wallet, coop.name, person.name.as_u64()).is_none());
    assert!(outcome.ram_delta(person.name) < 0, "the in-progress marker's RAM goes back to the applicant");
    let ledger = assert_books(chain, &coop);
    assert_eq!((ledger.reg_received, ledger.refunds_due), (zero(), fee));
    assert_eq!(
        chain.fails(chain.peers.wallet, &[chain.peers.registrator], &refundreg(&coop, &person, id)),
        ERR_DEPOSIT_NOT_CONFIRMED
    );

    let paid = chain.ok(chain.peers.wallet, &[coop.name], &payrefund(&coop, id));
    assert!(!deposit_exists(chain, &coop, id), "the refunded deposit is erased");
    assert!(paid.ram_delta(person.name) < 0, "the applicant who paid for the deposit gets the RAM back");
    assert_eq!(paid.ram_delta(coop.name), 0);
    let ledger = assert_books(chain, &coop);
    assert_eq!((ledger.refunds_due, ledger.refunded), (zero(), fee));
    assert_eq!(chain.fails(chain.peers.wallet, &[coop.name], &payrefund(&coop, id)), ERR_DEPOSIT_NOT_FOUND);
    assert_eq!(assert_books(chain, &coop).refunded, fee, "refunded once");
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
    chain.denied(person.name, &payrefund(&coop, id));
    let mut long = payrefund(&coop, id);
    long.memo = "m".repeat(MAX_MEMO + 1);
    assert_eq!(chain.fails(chain.peers.wallet, &[coop.name], &long), ERR_TEXT_TOO_LONG);
    assert_eq!(assert_books(chain, &coop).refunds_due, registration_fee(TYPE_INDIVIDUAL));
}
