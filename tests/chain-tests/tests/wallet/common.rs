//! What the wallet tests share: people in a cooperative at each stage (card, applicant,
//! member), deposits, reading the books and checking their invariants.
use antelope_test_harness::cooperative::{rub, Person, TestCoop};
use antelope_test_harness::fixture::TestChain;
use coop_protocol::registrator::{Adduser, Joincoop, Newaccount, TYPE_INDIVIDUAL, TYPE_ORGANIZATION};
use coop_protocol::wallet::{ledger, *};
use eosio::{Asset, Name, TimePointSec};

/// The entrance fee and minimum share of the test cooperatives (see `test_params`).
pub fn fees(kind: Name) -> (Asset, Asset) {
    if kind == TYPE_ORGANIZATION {
        (rub("1000.0000"), rub("3000.0000"))
    } else {
        (rub("100.0000"), rub("300.0000"))
    }
}

/// What a person of `kind` pays to join a test cooperative.
pub fn registration_fee(kind: Name) -> Asset {
    let (initial, minimum) = fees(kind);
    Asset { amount: initial.amount + minimum.amount, symbol: initial.symbol }
}

/// A person with an account and a card of `kind`, created by `coop`.
pub fn person(chain: &TestChain, coop: &TestCoop, prefix: &str, kind: Name) -> Person {
    let person = Person::new(chain, prefix);
    chain.ok(
        chain.peers.registrator,
        &[coop.name],
        &Newaccount {
            coopname: coop.name,
            username: person.name,
            r#type: kind,
            public_key: person.key.public_key(),
            referer: Name::new(0),
            meta: "{}".into(),
        },
    );
    person
}

/// A person of `kind` who signed the cooperative's agreements and has an open
/// application to `coop`.
pub fn applicant(chain: &TestChain, coop: &TestCoop, kind: Name) -> Person {
    let person = person(chain, coop, "appl", kind);
    chain.sign_agreements(coop, &person);
    chain.ok(
        chain.peers.registrator,
        &[person.name],
        &person.signs(
            &chain.peers,
            "I apply to join the cooperative",
            Joincoop {
                coopname: coop.name,
                braname: Name::new(0),
                username: person.name,
                statement: Default::default(),
            },
        ),
    );
    person
}

/// An accepted participant imported by the cooperative (`registrator::adduser`), whose
/// wallet holds the individuals' entrance fee and minimum share.
pub fn member(chain: &TestChain, coop: &TestCoop) -> Person {
    let person = Person::new(chain, "member");
    let (initial, minimum) = fees(TYPE_INDIVIDUAL);
    chain.ok(
        chain.peers.registrator,
        &[coop.name],
        &Adduser {
            coopname: coop.name,
            username: person.name,
            r#type: TYPE_INDIVIDUAL,
            public_key: person.key.public_key(),
            braname: Name::new(0),
            joined_at: TimePointSec::from(1_600_000_000),
            initial,
            minimum,
            meta: "{}".into(),
        },
    );
    person
}

/// A deposit of `kind` by `person` in `coop`.
pub fn deposit(coop: &TestCoop, person: &Person, kind: Name, quantity: Asset) -> Deposit {
    Deposit { coopname: coop.name, username: person.name, kind, quantity, memo: "bank transfer, order 17".into() }
}

/// Announces a deposit signed by the person; returns its id.
pub fn deposit_ok(chain: &TestChain, coop: &TestCoop, person: &Person, kind: Name, quantity: Asset) -> u64 {
    chain.ok(chain.peers.wallet, &[person.name], &deposit(coop, person, kind, quantity)).return_value()
}

/// `confirm(coop, id)` signed by the cooperative.
pub fn confirm(chain: &TestChain, coop: &TestCoop, deposit_id: u64) {
    chain.ok(
        chain.peers.wallet,
        &[coop.name],
        &Confirm { coopname: coop.name, deposit_id, memo: "payment received".into() },
    );
}

/// A member with `amount` of free share contributions (a confirmed share deposit).
pub fn member_with(chain: &TestChain, coop: &TestCoop, amount: &str) -> Person {
    let person = member(chain, coop);
    let id = deposit_ok(chain, coop, &person, KIND_SHARE, rub(amount));
    confirm(chain, coop, id);
    person
}

/// An applicant whose registration payment is confirmed (on the council's agenda);
/// returns the person and the deposit id.
pub fn paid_applicant(chain: &TestChain, coop: &TestCoop, kind: Name) -> (Person, u64) {
    let person = applicant(chain, coop, kind);
    let id = deposit_ok(chain, coop, &person, KIND_REGISTRATION, registration_fee(kind));
    confirm(chain, coop, id);
    (person, id)
}

/// The cooperative's ledger.
pub fn ledger_of(chain: &TestChain, coopname: Name) -> Ledger {
    chain
        .row::<Ledgers>(chain.peers.wallet, chain.peers.wallet, coopname.as_u64())
        .expect("the cooperative has a ledger")
}

/// A member's wallet.
pub fn wallet_of(chain: &TestChain, coop: &TestCoop, person: &Person) -> MemberWallet {
    chain.row::<Wallets>(chain.peers.wallet, coop.name, person.name.as_u64()).expect("the member has a wallet")
}

/// A deposit.
pub fn deposit_row(chain: &TestChain, coop: &TestCoop, id: u64) -> DepositRow {
    chain.row::<Deposits>(chain.peers.wallet, coop.name, id).expect("the deposit exists")
}

/// Whether deposit `id` is still in the table (finished deposits are erased).
pub fn deposit_exists(chain: &TestChain, coop: &TestCoop, id: u64) -> bool {
    chain.row::<Deposits>(chain.peers.wallet, coop.name, id).is_some()
}

/// A withdrawal.
pub fn withdrawal_row(chain: &TestChain, coop: &TestCoop, id: u64) -> Withdrawal {
    chain.row::<Withdrawals>(chain.peers.wallet, coop.name, id).expect("the withdrawal exists")
}

/// Whether withdrawal `id` is still in the table (finished withdrawals are erased).
pub fn withdrawal_exists(chain: &TestChain, coop: &TestCoop, id: u64) -> bool {
    chain.row::<Withdrawals>(chain.peers.wallet, coop.name, id).is_some()
}

/// The RAM `account` uses, as `get_account` reports it.
#[track_caller]
pub fn ram_usage(chain: &TestChain, account: Name) -> i64 {
    let info = chain.client.get_account(account).unwrap_or_else(|e| panic!("get_account {account}: {e}"));
    info["ram_usage"].as_i64().unwrap_or_else(|| panic!("{account}: no ram_usage in {info}"))
}

/// Reads the cooperative's ledger and every member wallet, checks the invariants
/// (share fund = Σ(available + blocked + minimum), entrance-fee fund = Σ initial, nothing
/// negative, one symbol) and returns the ledger.
#[track_caller]
pub fn assert_books(chain: &TestChain, coop: &TestCoop) -> Ledger {
    let ledger = ledger_of(chain, coop.name);
    let wallets = chain.rows::<Wallets>(chain.peers.wallet, coop.name);
    assert_eq!(ledger::check_invariants(&ledger, &wallets), Ok(()), "books of {}: {ledger:?} {wallets:?}", coop.name);
    ledger
}

/// Zero roubles.
pub fn zero() -> Asset {
    rub("0.0000")
}
