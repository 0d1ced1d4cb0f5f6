//! Settings and size limits: `init`'s resources, founders, texts, agreement kinds, and a
//! payment notice for an application that is no longer waiting for one.
use super::accounts::newaccount_for;
use antelope_test_harness::boot::core;
use antelope_test_harness::cooperative::{test_params, Person};
use antelope_test_harness::defaults::default_account_resources;
use antelope_test_harness::fixture::TestChain;
use coop_protocol::registrator::{errors::*, *};
use coop_runtime::n;
use eosio::Name;

#[test]
fn init_refuses_resources_that_are_not_positive_amounts_of_one_symbol() {
    let chain = TestChain::shared();
    let r = chain.peers.registrator;
    let mut resources = default_account_resources();
    resources.cpu = core("0.0000");
    assert_eq!(chain.fails(r, &[r], &Init { peers: chain.peers, resources }), ERR_BAD_RESOURCES);
    let mut resources = default_account_resources();
    resources.net = antelope_test_harness::cooperative::rub("1.0000");
    assert_eq!(chain.fails(r, &[r], &Init { peers: chain.peers, resources }), ERR_BAD_RESOURCES);
    let current = chain.row::<Config>(r, r, 0).unwrap();
    assert_eq!(current.resources, default_account_resources(), "nothing changed");
}

#[test]
fn regcoop_refuses_missing_and_too_many_founders() {
    let chain = TestChain::shared();
    let operator = chain.peers.operator;
    let coopname = chain.unique_name("rcoop");
    chain.create_account(coopname, chain.new_key().public_key(), None);
    let missing = Regcoop { coopname, params: test_params(), founders: vec![chain.unique_name("ghost")] };
    assert_eq!(chain.fails(chain.peers.registrator, &[operator], &missing), ERR_FOUNDER_MISSING);
    let crowd: Vec<Name> = (0..26).map(|_| chain.unique_name("crowd")).collect();
    let too_many = Regcoop { coopname, params: test_params(), founders: crowd };
    assert_eq!(chain.fails(chain.peers.registrator, &[operator], &too_many), ERR_TOO_MANY_MEMBERS);
}

#[test]
fn newaccount_refuses_a_long_meta() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let mut data = newaccount_for(&coop, &Person::new(chain, "long"), "individual");
    data.meta = "x".repeat(1025);
    assert_eq!(chain.fails(chain.peers.registrator, &[coop.name], &data), ERR_TEXT_TOO_LONG);
}

#[test]
fn agreement_kinds_need_a_name_and_are_limited_in_number() {
    let chain = TestChain::shared();
    let r = chain.peers.registrator;
    let coop = chain.new_cooperative();
    let set = |kind: Name| Setagreement { coopname: coop.name, kind, version: 1, title: "T".into() };
    assert_eq!(chain.fails(r, &[coop.name], &set(Name::new(0))), ERR_BAD_AGREEMENT_KIND);
    for kind in ["extraa", "extrab", "extrac", "extrad"] {
        chain.ok(r, &[coop.name], &set(n(kind)));
    }
    assert_eq!(chain.rows::<AgreementKinds>(r, coop.name).len(), MAX_AGREEMENT_KINDS);
    assert_eq!(chain.fails(r, &[coop.name], &set(n("extrae"))), ERR_TOO_MANY_AGREEMENTS);
}

#[test]
fn paidjoin_refuses_an_application_that_is_already_paid() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let (person, _) = chain.new_member_account(&coop, "appl", "individual");
    chain.apply(&coop, &person, Name::new(0));
    let (deposit_id, _) = chain.pay_registration(&coop, &person, chain.registration_fee(&coop, TYPE_INDIVIDUAL));
    chain.confirm_deposit(&coop, deposit_id);
    let again = Paidjoin { coopname: coop.name, username: person.name, deposit_id };
    assert_eq!(chain.fails(chain.peers.registrator, &[chain.peers.wallet], &again), ERR_APPLICATION_NOT_OPEN);
}
