//! Every row has a payer who signed for it, and a payer without the RAM gets the chain's
//! RAM error with nothing half-written: the cooperative (its agenda), an applicant (their
//! application), a member (their withdrawal), a proposer (their free decision).
use super::common::add_share;
use antelope_test_harness::client::ChainError;
use antelope_test_harness::cooperative::rub;
use antelope_test_harness::fixture::TestChain;
use coop_protocol::registrator::{Joincoop, TYPE_INDIVIDUAL};
use coop_protocol::soviet::Freedecision;
use coop_protocol::wallet::{Confirm, Withdraw};
use eosio::Name;

/// Asserts that `result` is the chain's refusal for lack of `payer`'s RAM.
#[track_caller]
fn assert_out_of_ram<T>(result: Result<T, ChainError>, payer: Name) {
    let Err(error) = result else { panic!("the action succeeded though {payer} has no free RAM") };
    assert_eq!(error.name(), Some("ram_usage_exceeded"), "{error}");
    assert!(error.message().contains(&format!("account {payer} has insufficient ram")), "{error}");
}

#[test]
fn a_cooperative_without_ram_cannot_put_an_application_on_its_agenda() {
    let _serial = super::common::one_at_a_time();
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let (person, _) = chain.new_member_account(&coop, "noram", "individual");
    chain.apply(&coop, &person, Name::new(0));
    let (deposit_id, _) = chain.pay_registration(&coop, &person, chain.registration_fee(&coop, TYPE_INDIVIDUAL));
    let (r, s, w) = (chain.peers.registrator, chain.peers.soviet, chain.peers.wallet);
    let tables = [(w, "deposits"), (r, "applications"), (s, "decisions"), (w, "regdeposits")];
    let before = (chain.packed_tables(coop.name, &tables), chain.packed_tables(w, &[(w, "ledgers")]));

    chain.leave_free_ram(coop.name, 0);
    let confirm = Confirm { coopname: coop.name, deposit_id, memo: "money received".into() };
    assert_out_of_ram(chain.push(w, &[coop.name], &confirm), coop.name);

    assert_eq!((chain.packed_tables(coop.name, &tables), chain.packed_tables(w, &[(w, "ledgers")])), before);
}

#[test]
fn an_applicant_without_ram_cannot_apply() {
    let _serial = super::common::one_at_a_time();
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let (person, _) = chain.new_member_account(&coop, "noram", "individual");
    chain.sign_agreements(&coop, &person);
    let tables = [(chain.peers.registrator, "applications")];
    let before = chain.packed_tables(coop.name, &tables);

    chain.leave_free_ram(person.name, 0);
    let data =
        Joincoop { coopname: coop.name, braname: Name::new(0), username: person.name, statement: Default::default() };
    let data = person.signs(&chain.peers, "I apply, with no RAM left", data);
    assert_out_of_ram(chain.push(chain.peers.registrator, &[person.name], &data), person.name);

    assert_eq!(chain.packed_tables(coop.name, &tables), before);
}

#[test]
fn a_member_without_ram_cannot_withdraw() {
    let _serial = super::common::one_at_a_time();
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let member = &coop.members[0];
    add_share(chain, &coop, member, "5.0000");
    let (s, w) = (chain.peers.soviet, chain.peers.wallet);
    let tables = [(w, "withdrawals"), (w, "wallets"), (s, "decisions")];
    let before = chain.packed_tables(coop.name, &tables);

    chain.leave_free_ram(member.name, 0);
    let data =
        Withdraw { coopname: coop.name, username: member.name, quantity: rub("1.0000"), statement: Default::default() };
    let data = member.signs(&chain.peers, "Withdrawal, with no RAM left", data);
    assert_out_of_ram(chain.push(w, &[member.name], &data), member.name);

    assert_eq!(chain.packed_tables(coop.name, &tables), before);
}

#[test]
fn a_proposer_without_ram_cannot_put_a_free_question() {
    let _serial = super::common::one_at_a_time();
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let proposer = &coop.members[1];
    let tables = [(chain.peers.soviet, "decisions"), (chain.peers.soviet, "proposers")];
    let before = chain.packed_tables(coop.name, &tables);

    chain.leave_free_ram(proposer.name, 0);
    let data =
        Freedecision { coopname: coop.name, proposer: proposer.name, statement: Default::default(), actions: vec![] };
    let data = proposer.signs(&chain.peers, "A question, with no RAM left", data);
    assert_out_of_ram(chain.push(chain.peers.soviet, &[proposer.name], &data), proposer.name);

    assert_eq!(chain.packed_tables(coop.name, &tables), before);
}
