//! `openledger`: the cooperative's ledger, opened by the operator during the connection.
use super::common::{assert_books, ledger_of, zero};
use antelope_test_harness::boot::dev_public_key;
use antelope_test_harness::cooperative::{test_params, RUB};
use antelope_test_harness::fixture::TestChain;
use coop_protocol::registrator::Regcoop;
use coop_protocol::wallet::{errors::*, ledger, *};
use coop_runtime::sym;
use eosio::{Name, Symbol};

/// A cooperative registered in the registrator (as the operator does during `connect`)
/// but whose ledger is not open yet.
fn registered_cooperative(chain: &TestChain) -> Name {
    let coopname = chain.unique_name("coop");
    let founder = chain.unique_name("found");
    chain.create_account(coopname, dev_public_key(), None);
    chain.create_account(founder, dev_public_key(), None);
    chain.ok(
        chain.peers.registrator,
        &[chain.peers.operator],
        &Regcoop { coopname, params: test_params(), founders: vec![founder] },
    );
    coopname
}

fn open(coopname: Name, symbol: Symbol) -> Openledger {
    Openledger { coopname, symbol }
}

#[test]
fn connecting_a_cooperative_opens_its_ledger_with_every_fund_zero() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let ledger = assert_books(chain, &coop);
    assert_eq!(ledger.coopname, coop.name);
    for fund in [
        ledger.share_fund,
        ledger.entrance_fund,
        ledger.reg_received,
        ledger.refunds_due,
        ledger.paid_out,
        ledger.refunded,
    ] {
        assert_eq!(fund, zero());
    }
    let counters = chain.row::<Counters>(chain.peers.wallet, chain.peers.wallet, coop.name.as_u64()).unwrap();
    assert_eq!((counters.deposits, counters.withdrawals), (0, 0));
}

#[test]
fn openledger_opens_a_registered_cooperatives_ledger_paid_by_the_operator() {
    let chain = TestChain::shared();
    let coopname = registered_cooperative(chain);
    assert!(chain.row::<Ledgers>(chain.peers.wallet, chain.peers.wallet, coopname.as_u64()).is_none());
    let outcome = chain.ok(chain.peers.wallet, &[chain.peers.operator], &open(coopname, RUB));
    let ledger = ledger_of(chain, coopname);
    assert_eq!(ledger.coopname, coopname);
    assert_eq!(ledger::symbol(&ledger), RUB);
    assert_eq!(ledger.share_fund, zero());
    let counters = chain.row::<Counters>(chain.peers.wallet, chain.peers.wallet, coopname.as_u64()).unwrap();
    assert_eq!((counters.deposits, counters.withdrawals), (0, 0));
    assert!(outcome.ram_delta(chain.peers.operator) > 0, "the operator pays");
    assert_eq!(outcome.ram_delta(chain.peers.wallet), 0);
    assert_eq!(outcome.ram_delta(coopname), 0);
}

#[test]
fn openledger_rejects_a_second_opening() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let message = chain.fails(chain.peers.wallet, &[chain.peers.operator], &open(coop.name, RUB));
    assert_eq!(message, ERR_LEDGER_EXISTS);
}

#[test]
fn openledger_rejects_a_symbol_other_than_the_cooperatives() {
    let chain = TestChain::shared();
    let coopname = registered_cooperative(chain);
    for symbol in [sym(4, "USD"), sym(2, "RUB")] {
        let message = chain.fails(chain.peers.wallet, &[chain.peers.operator], &open(coopname, symbol));
        assert_eq!(message, ERR_NOT_COOP_SYMBOL);
    }
    // A code with a byte that is not A-Z, and an empty code.
    for invalid in [Symbol::new(0x0400 | 4), Symbol::new(4)] {
        let message = chain.fails(chain.peers.wallet, &[chain.peers.operator], &open(coopname, invalid));
        assert_eq!(message, ERR_BAD_SYMBOL);
    }
    assert!(chain.row::<Ledgers>(chain.peers.wallet, chain.peers.wallet, coopname.as_u64()).is_none());
}

#[test]
fn openledger_rejects_an_unregistered_cooperative() {
    let chain = TestChain::shared();
    let stranger = chain.unique_name("nocoop");
    chain.create_account(stranger, dev_public_key(), None);
    let message = chain.fails(chain.peers.wallet, &[chain.peers.operator], &open(stranger, RUB));
    assert_eq!(message, ERR_COOP_NOT_FOUND);
}

#[test]
fn openledger_needs_the_operators_signature() {
    let chain = TestChain::shared();
    let coopname = registered_cooperative(chain);
    chain.denied(coopname, &open(coopname, RUB));
}
