//! `regcoop` and `setstatus` (the operator's side of the registry).
use antelope_test_harness::cooperative::{test_params, Person};
use antelope_test_harness::fixture::TestChain;
use coop_protocol::registrator::{errors::*, *};
use coop_runtime::n;

fn regcoop(chain: &TestChain, founders: &[&Person]) -> Regcoop {
    let coopname = chain.unique_name("rcoop");
    chain.create_account(coopname, chain.new_key().public_key(), None);
    for founder in founders {
        if !chain.client.account_exists(founder.name) {
            chain.create_account(founder.name, founder.key.public_key(), None);
        }
    }
    Regcoop { coopname, params: test_params(), founders: founders.iter().map(|f| f.name).collect() }
}

#[test]
fn regcoop_registers_an_active_unbranched_cooperative_with_its_founders() {
    let chain = TestChain::shared();
    let founder = Person::new(chain, "found");
    let data = regcoop(chain, &[&founder]);
    chain.ok(chain.peers.registrator, &[chain.peers.operator], &data);

    let coop = chain.row::<Coops>(chain.peers.registrator, chain.peers.registrator, data.coopname.as_u64()).unwrap();
    assert_eq!(coop.status, COOP_ACTIVE);
    assert!(!coop.is_branched);
    assert_eq!(coop.initial, test_params().initial);
    let participant = chain.row::<Participants>(chain.peers.registrator, data.coopname, founder.name.as_u64()).unwrap();
    assert!(participant.is_accepted_individual());
    let card = chain.row::<Cards>(chain.peers.registrator, chain.peers.registrator, founder.name.as_u64()).unwrap();
    assert_eq!(card.status, CARD_ACTIVE);
}

#[test]
fn regcoop_is_for_the_operator_only() {
    let chain = TestChain::shared();
    let founder = Person::new(chain, "found");
    let data = regcoop(chain, &[&founder]);
    chain.denied(data.coopname, &data);
}

#[test]
fn regcoop_rejects_bad_input() {
    let chain = TestChain::shared();
    let founder = Person::new(chain, "found");
    let operator = chain.peers.operator;

    let mut missing = regcoop(chain, &[&founder]);
    missing.coopname = chain.unique_name("ghost");
    assert_eq!(chain.fails(chain.peers.registrator, &[operator], &missing), ERR_COOP_ACCOUNT_MISSING);

    let mut bad_fees = regcoop(chain, &[&founder]);
    bad_fees.params.minimum.amount = 0;
    assert_eq!(chain.fails(chain.peers.registrator, &[operator], &bad_fees), ERR_BAD_FEES);

    let mut no_founders = regcoop(chain, &[]);
    no_founders.founders.clear();
    assert_eq!(chain.fails(chain.peers.registrator, &[operator], &no_founders), ERR_NO_FOUNDERS);

    let twice = regcoop(chain, &[&founder, &founder]);
    assert_eq!(chain.fails(chain.peers.registrator, &[operator], &twice), ERR_DUPLICATE_MEMBER);

    let registered = regcoop(chain, &[&founder]);
    chain.ok(chain.peers.registrator, &[operator], &registered);
    let mut again = registered.clone();
    again.params.announce = "again".into();
    assert_eq!(chain.fails(chain.peers.registrator, &[operator], &again), ERR_COOP_EXISTS);
}

#[test]
fn setstatus_blocks_and_reactivates_and_rejects_unknown_values() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let operator = chain.peers.operator;
    let set = |status: &str| coop_protocol::operator::Setstatus { coopname: coop.name, status: n(status) };
    chain.ok(operator, &[operator], &set("blocked"));
    let row = chain.row::<Coops>(chain.peers.registrator, chain.peers.registrator, coop.name.as_u64()).unwrap();
    assert_eq!(row.status, COOP_BLOCKED);
    chain.ok(operator, &[operator], &set("active"));
    let row = chain.row::<Coops>(chain.peers.registrator, chain.peers.registrator, coop.name.as_u64()).unwrap();
    assert_eq!(row.status, COOP_ACTIVE);

    assert_eq!(chain.fails(operator, &[operator], &set("paused")), ERR_BAD_STATUS);
    let unknown = coop_protocol::operator::Setstatus { coopname: chain.unique_name("nocoop"), status: COOP_BLOCKED };
    assert_eq!(chain.fails(operator, &[operator], &unknown), ERR_COOP_NOT_FOUND);
    chain.denied(coop.name, &set("blocked"));
}
