//! `deposit`, `confirm`, `cancel`.
use super::common::*;
use antelope_test_harness::cooperative::{rub, Person};
use antelope_test_harness::fixture::TestChain;
use coop_protocol::registrator::{
    Applications, Setstatus, APPLICATION_PAID, COOP_BLOCKED, TYPE_ENTREPRENEUR, TYPE_INDIVIDUAL, TYPE_ORGANIZATION,
};
use coop_protocol::soviet::{Decisions, KIND_JOINCOOP};
use coop_protocol::wallet::{errors::*, *};
use coop_runtime::action::level;
use coop_runtime::sym;
use coop_runtime::system::ACTIVE;
use eosio::Asset;

fn cancel(coop: &antelope_test_harness::cooperative::TestCoop, deposit_id: u64) -> Cancel {
    Cancel { coopname: coop.name, deposit_id, reason: "the payment never came".into() }
}

#[test]
fn share_deposit_is_pending_with_an_id_from_the_cooperatives_counter() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = member(chain, &coop);

    let outcome = chain.ok(chain.peers.wallet, &[person.name], &deposit(&coop, &person, KIND_SHARE, rub("50.0000")));
    let first: u64 = outcome.return_value();
    let second = deposit_ok(chain, &coop, &person, KIND_SHARE, rub("1.0000"));
    assert_eq!((first, second), (1, 2));

    let row = deposit_row(chain, &coop, first);
    assert_eq!(row.username, person.name);
    assert_eq!(row.kind, KIND_SHARE);
    assert_eq!(row.quantity, rub("50.0000"));
    assert_eq!(row.status, DEPOSIT_PENDING);
    assert_eq!(row.memo, "bank transfer, order 17");
    assert!(outcome.ram_delta(person.name) > 0, "the member who signed pays");
    assert_eq!(outcome.ram_delta(coop.name), 0);
    // The action itself is the record: it sends nothing else.
    assert_eq!(outcome.action_traces.len(), 1, "{:?}", outcome.action_traces);
    // Nothing is booked before the money arrives.
    assert_eq!(wallet_of(chain, &coop, &person).available, zero());
    assert_eq!(assert_books(chain, &coop).share_fund, rub("300.0000"));
}

#[test]
fn deposit_signed_by_the_cooperative_is_paid_by_the_cooperative() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = member(chain, &coop);
    let outcome = chain.ok(chain.peers.wallet, &[coop.name], &deposit(&coop, &person, KIND_SHARE, rub("5.0000")));
    assert_eq!(outcome.return_value::<u64>(), 1);
    assert!(outcome.ram_delta(coop.name) > 0);
    assert_eq!(outcome.ram_delta(person.name), 0);

    // Confirmed, the deposit is erased and its RAM goes back to the cooperative.
    let confirmed = chain.ok(
        chain.peers.wallet,
        &[coop.name],
        &Confirm { coopname: coop.name, deposit_id: 1, memo: "payment received".into() },
    );
    assert!(!deposit_exists(chain, &coop, 1));
    assert_eq!(confirmed.ram_delta(coop.name), -outcome.ram_delta(coop.name));
    assert_eq!(confirmed.ram_delta(person.name), 0);
    assert_eq!(wallet_of(chain, &coop, &person).available, rub("5.0000"));
    assert_books(chain, &coop);
}

#[test]
fn deposit_needs_the_member_or_the_cooperative() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = member(chain, &coop);
    let stranger = member(chain, &coop);
    let message =
        chain.fails(chain.peers.wallet, &[stranger.name], &deposit(&coop, &person, KIND_SHARE, rub("5.0000")));
    assert_eq!(message, ERR_DEPOSIT_AUTH);
    assert!(chain.rows::<Deposits>(chain.peers.wallet, coop.name).is_empty());
}

#[test]
fn deposit_checks_kind_amount_symbol_and_memo() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = member(chain, &coop);
    let push = |data: &Deposit| chain.fails(chain.peers.wallet, &[person.name], data);

    let mut bad_kind = deposit(&coop, &person, KIND_SHARE, rub("5.0000"));
    bad_kind.kind = coop_runtime::n("gift");
    assert_eq!(push(&bad_kind), ERR_BAD_KIND);
    for (quantity, message) in [
        (rub("0.0000"), ERR_NOT_POSITIVE),
        (rub("-5.0000"), ERR_NEGATIVE_AMOUNT),
        (Asset { amount: 50, symbol: sym(2, "RUB") }, ERR_WRONG_SYMBOL),
        (Asset { amount: 50_000, symbol: sym(4, "USD") }, ERR_WRONG_SYMBOL),
        (Asset { amount: 1 << 62, symbol: sym(4, "RUB") }, ERR_AMOUNT_INVALID),
    ] {
        assert_eq!(push(&deposit(&coop, &person, KIND_SHARE, quantity)), message, "{quantity:?}");
    }
    let mut long_memo = deposit(&coop, &person, KIND_SHARE, rub("5.0000"));
    long_memo.memo = "m".repeat(MAX_MEMO + 1);
    assert_eq!(push(&long_memo), ERR_TEXT_TOO_LONG);
    long_memo.memo = "m".repeat(MAX_MEMO);
    chain.ok(chain.peers.wallet, &[person.name], &long_memo);
}

#[test]
fn share_deposit_needs_an_accepted_participant() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = applicant(chain, &coop, TYPE_INDIVIDUAL);
    let message = chain.fails(chain.peers.wallet, &[person.name], &deposit(&coop, &person, KIND_SHARE, rub("5.0000")));
    assert_eq!(message, ERR_NOT_PARTICIPANT);
}

#[test]
fn deposit_needs_an_open_ledger_and_an_active_cooperative() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = member(chain, &coop);
    let mut elsewhere = deposit(&coop, &person, KIND_SHARE, rub("5.0000"));
    elsewhere.coopname = chain.unique_name("nocoop");
    assert_eq!(chain.fails(chain.peers.wallet, &[person.name], &elsewhere), ERR_LEDGER_NOT_FOUND);

    chain.ok(
        chain.peers.registrator,
        &[chain.peers.operator],
        &Setstatus { coopname: coop.name, status: COOP_BLOCKED },
    );
    let message = chain.fails(chain.peers.wallet, &[person.name], &deposit(&coop, &person, KIND_SHARE, rub("5.0000")));
    assert_eq!(message, ERR_COOP_NOT_ACTIVE);
}

#[test]
fn confirmed_share_deposit_credits_available_and_the_share_fund() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = member(chain, &coop);
    let id = deposit_ok(chain, &coop, &person, KIND_SHARE, rub("250.5000"));

    let outcome = chain.ok(
        chain.peers.wallet,
        &[coop.name],
        &Confirm { coopname: coop.name, deposit_id: id, memo: "bank ref 42".into() },
    );
    assert!(!deposit_exists(chain, &coop, id), "a confirmed share deposit is erased");
    assert!(outcome.ram_delta(person.name) < 0, "the member who paid for the deposit gets the RAM back");
    assert_eq!(outcome.ram_delta(coop.name), 0, "the member's wallet exists: nothing new to pay");
    let wallet = wallet_of(chain, &coop, &person);
    assert_eq!(wallet.available, rub("250.5000"));
    assert_eq!(wallet.minimum, rub("300.0000"));
    assert_eq!(assert_books(chain, &coop).share_fund, rub("550.5000"));
}

#[test]
fn a_founders_first_share_deposit_opens_their_wallet() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let founder = &coop.chairman;
    assert!(chain.row::<Wallets>(chain.peers.wallet, coop.name, founder.name.as_u64()).is_none());
    let id = deposit_ok(chain, &coop, founder, KIND_SHARE, rub("10.0000"));
    let outcome = chain.ok(
        chain.peers.wallet,
        &[coop.name],
        &Confirm { coopname: coop.name, deposit_id: id, memo: "payment received".into() },
    );
    assert!(outcome.ram_delta(coop.name) > 0, "the cooperative pays the new wallet");
    assert!(outcome.ram_delta(founder.name) < 0, "the founder gets the deposit's RAM back");
    assert!(!deposit_exists(chain, &coop, id));
    assert_eq!(wallet_of(chain, &coop, founder).available, rub("10.0000"));
    assert_books(chain, &coop);
}

#[test]
fn confirm_rejects_a_deposit_twice_a_cancelled_one_and_an_unknown_one() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = member(chain, &coop);
    let confirmed = deposit_ok(chain, &coop, &person, KIND_SHARE, rub("10.0000"));
    confirm(chain, &coop, confirmed);
    let cancelled = deposit_ok(chain, &coop, &person, KIND_SHARE, rub("10.0000"));
    chain.ok(chain.peers.wallet, &[coop.name], &cancel(&coop, cancelled));
    // A confirmed registration deposit stays (it waits for the council) and is no longer pending.
    let (_, waiting) = paid_applicant(chain, &coop, TYPE_INDIVIDUAL);
    let again = |deposit_id| Confirm { coopname: coop.name, deposit_id, memo: String::new() };
    // Confirmed share deposits and cancelled deposits are erased.
    assert_eq!(chain.fails(chain.peers.wallet, &[coop.name], &again(confirmed)), ERR_DEPOSIT_NOT_FOUND);
    assert_eq!(chain.fails(chain.peers.wallet, &[coop.name], &again(cancelled)), ERR_DEPOSIT_NOT_FOUND);
    assert_eq!(chain.fails(chain.peers.wallet, &[coop.name], &again(waiting)), ERR_DEPOSIT_NOT_PENDING);
    assert_eq!(chain.fails(chain.peers.wallet, &[coop.name], &again(99)), ERR_DEPOSIT_NOT_FOUND);
    let mut long = again(waiting);
    long.memo = "m".repeat(MAX_MEMO + 1);
    assert_eq!(chain.fails(chain.peers.wallet, &[coop.name], &long), ERR_TEXT_TOO_LONG);
    assert_eq!(wallet_of(chain, &coop, &person).available, rub("10.0000"));
    let ledger = assert_books(chain, &coop);
    assert_eq!(ledger.reg_received, registration_fee(TYPE_INDIVIDUAL), "the registration was received once");
}

#[test]
fn confirm_and_cancel_need_the_cooperative() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = member(chain, &coop);
    let id = deposit_ok(chain, &coop, &person, KIND_SHARE, rub("10.0000"));
    let by_member = [level(person.name, ACTIVE)];
    let confirm = Confirm { coopname: coop.name, deposit_id: id, memo: String::new() };
    let error = chain.push_as(chain.peers.wallet, &by_member, &confirm).unwrap_err();
    assert_eq!(error.name(), Some("missing_auth_exception"));
    let error = chain.push_as(chain.peers.wallet, &by_member, &cancel(&coop, id)).unwrap_err();
    assert_eq!(error.name(), Some("missing_auth_exception"));
    assert_eq!(deposit_row(chain, &coop, id).status, DEPOSIT_PENDING);
}

#[test]
fn cancel_ends_a_pending_deposit_only() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = member(chain, &coop);
    let id = deposit_ok(chain, &coop, &person, KIND_SHARE, rub("10.0000"));
    let mut long = cancel(&coop, id);
    long.reason = "r".repeat(MAX_MEMO + 1);
    assert_eq!(chain.fails(chain.peers.wallet, &[coop.name], &long), ERR_TEXT_TOO_LONG);

    let outcome = chain.ok(chain.peers.wallet, &[coop.name], &cancel(&coop, id));
    assert!(!deposit_exists(chain, &coop, id), "a cancelled deposit is erased");
    assert!(outcome.ram_delta(person.name) < 0, "the member who paid for the deposit gets the RAM back");
    assert_eq!(outcome.ram_delta(coop.name), 0);
    assert_eq!(chain.fails(chain.peers.wallet, &[coop.name], &cancel(&coop, id)), ERR_DEPOSIT_NOT_FOUND);
    assert_eq!(chain.fails(chain.peers.wallet, &[coop.name], &cancel(&coop, 77)), ERR_DEPOSIT_NOT_FOUND);
    assert_eq!(wallet_of(chain, &coop, &person).available, zero(), "nothing was booked");

    // A confirmed share deposit is gone; a confirmed registration deposit is not pending.
    let confirmed = deposit_ok(chain, &coop, &person, KIND_SHARE, rub("10.0000"));
    confirm(chain, &coop, confirmed);
    assert_eq!(chain.fails(chain.peers.wallet, &[coop.name], &cancel(&coop, confirmed)), ERR_DEPOSIT_NOT_FOUND);
    let (_, waiting) = paid_applicant(chain, &coop, TYPE_INDIVIDUAL);
    assert_eq!(chain.fails(chain.peers.wallet, &[coop.name], &cancel(&coop, waiting)), ERR_DEPOSIT_NOT_PENDING);
    assert_eq!(deposit_row(chain, &coop, waiting).status, DEPOSIT_CONFIRMED);
    assert_eq!(wallet_of(chain, &coop, &person).available, rub("10.0000"));
    assert_books(chain, &coop);
}

#[test]
fn registration_deposit_needs_an_open_application() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = person(chain, &coop, "noappl", TYPE_INDIVIDUAL);
    let message = chain.fails(
        chain.peers.wallet,
        &[person.name],
        &deposit(&coop, &person, KIND_REGISTRATION, registration_fee(TYPE_INDIVIDUAL)),
    );
    assert_eq!(message, ERR_NO_OPEN_APPLICATION);
    let member = member(chain, &coop);
    let message = chain.fails(
        chain.peers.wallet,
        &[member.name],
        &deposit(&coop, &member, KIND_REGISTRATION, registration_fee(TYPE_INDIVIDUAL)),
    );
    assert_eq!(message, ERR_NO_OPEN_APPLICATION);
}

#[test]
fn registration_deposit_must_match_the_fees_of_the_cards_type() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let individual = applicant(chain, &coop, TYPE_INDIVIDUAL);
    let organization = applicant(chain, &coop, TYPE_ORGANIZATION);
    let entrepreneur = applicant(chain, &coop, TYPE_ENTREPRENEUR);
    let wrong = |person: &Person, quantity| {
        chain.fails(chain.peers.wallet, &[person.name], &deposit(&coop, person, KIND_REGISTRATION, quantity))
    };
    // Paying the other type's sum is refused whichever way round (no guessing from the amount).
    assert_eq!(wrong(&individual, registration_fee(TYPE_ORGANIZATION)), ERR_WRONG_REGISTRATION_AMOUNT);
    assert_eq!(wrong(&organization, registration_fee(TYPE_INDIVIDUAL)), ERR_WRONG_REGISTRATION_AMOUNT);
    assert_eq!(wrong(&individual, rub("399.9999")), ERR_WRONG_REGISTRATION_AMOUNT);

    deposit_ok(chain, &coop, &individual, KIND_REGISTRATION, rub("400.0000"));
    deposit_ok(chain, &coop, &organization, KIND_REGISTRATION, rub("4000.0000"));
    deposit_ok(chain, &coop, &entrepreneur, KIND_REGISTRATION, rub("400.0000"));
}

#[test]
fn only_one_registration_deposit_at_a_time_and_a_new_one_after_cancelling() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = applicant(chain, &coop, TYPE_INDIVIDUAL);
    let fee = registration_fee(TYPE_INDIVIDUAL);
    let first = deposit_ok(chain, &coop, &person, KIND_REGISTRATION, fee);
    let message = chain.fails(chain.peers.wallet, &[coop.name], &deposit(&coop, &person, KIND_REGISTRATION, fee));
    assert_eq!(message, ERR_REGISTRATION_IN_PROGRESS);
    let in_progress = chain.row::<RegDeposits>(chain.peers.wallet, coop.name, person.name.as_u64());
    assert_eq!(in_progress.map(|r| r.deposit_id), Some(first));

    let cancelled = chain.ok(chain.peers.wallet, &[coop.name], &cancel(&coop, first));
    assert!(!deposit_exists(chain, &coop, first));
    assert!(chain.row::<RegDeposits>(chain.peers.wallet, coop.name, person.name.as_u64()).is_none());
    assert!(cancelled.ram_delta(person.name) < 0, "the applicant who paid for both rows gets the RAM back");
    assert_eq!(assert_books(chain, &coop).reg_received, zero());
    let second = deposit_ok(chain, &coop, &person, KIND_REGISTRATION, fee);
    assert_eq!(second, first + 1);
}

#[test]
fn confirmed_registration_waits_for_the_council() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = applicant(chain, &coop, TYPE_INDIVIDUAL);
    let fee = registration_fee(TYPE_INDIVIDUAL);
    let id = deposit_ok(chain, &coop, &person, KIND_REGISTRATION, fee);
    confirm(chain, &coop, id);

    assert_eq!(deposit_row(chain, &coop, id).status, DEPOSIT_CONFIRMED);
    let ledger = assert_books(chain, &coop);
    assert_eq!(ledger.reg_received, fee);
    assert_eq!(ledger.share_fund, zero(), "nothing is booked before acceptance");
    assert!(chain.row::<Wallets>(chain.peers.wallet, coop.name, person.name.as_u64()).is_none());
    let application = chain.row::<Applications>(chain.peers.registrator, coop.name, person.name.as_u64()).unwrap();
    assert_eq!((application.status, application.deposit_id), (APPLICATION_PAID, id));
    let decisions = chain.rows::<Decisions>(chain.peers.soviet, coop.name);
    assert!(
        decisions.iter().any(|d| d.kind == KIND_JOINCOOP && d.username == person.name && d.ref_id == id),
        "the application is on the council's agenda"
    );
    // A second payment cannot be announced while this one waits.
    let message = chain.fails(chain.peers.wallet, &[person.name], &deposit(&coop, &person, KIND_REGISTRATION, fee));
    assert_eq!(message, ERR_NO_OPEN_APPLICATION);
}
