//! `addprovider`, `rmprovider`, and providers kept apart from each other.
use antelope_test_harness::cooperative::{newaccount_of, Person};
use antelope_test_harness::fixture::TestChain;
use coop_protocol::operator::{errors::*, *};
use coop_runtime::action::level;
use coop_runtime::system::ACTIVE;
use eosio::Name;

#[test]
fn addprovider_and_rmprovider_are_the_operators_and_check_their_input() {
    // (`rmprovider` returns whether connection records are left: none here.)
    let chain = TestChain::shared();
    let operator = chain.peers.operator;
    let provider = chain.new_provider();
    assert!(chain.row::<Providers>(operator, operator, provider.as_u64()).is_some());

    let again = Addprovider { provider, title: "again".into() };
    assert_eq!(chain.fails(operator, &[operator], &again), ERR_PROVIDER_EXISTS);
    let ghost = Addprovider { provider: chain.unique_name("ghost"), title: String::new() };
    assert_eq!(chain.fails(operator, &[operator], &ghost), ERR_PROVIDER_ACCOUNT_MISSING);
    chain.denied(provider, &Rmprovider { provider });

    let more: bool = chain.ok(operator, &[operator], &Rmprovider { provider }).return_value();
    assert!(!more);
    assert!(chain.row::<Providers>(operator, operator, provider.as_u64()).is_none());
    assert_eq!(chain.fails(operator, &[operator], &Rmprovider { provider }), ERR_PROVIDER_NOT_FOUND);
}

#[test]
fn a_removed_provider_cannot_request() {
    let chain = TestChain::shared();
    let provider = chain.new_provider();
    chain.ok(chain.peers.operator, &[chain.peers.operator], &Rmprovider { provider });
    let (request, ..) = chain.coop_request(provider, 1);
    assert_eq!(chain.fails(chain.peers.operator, &[provider], &request), ERR_PROVIDER_NOT_FOUND);
}

#[test]
fn two_providers_each_act_only_for_their_own_cooperative() {
    let chain = TestChain::shared();
    let first = chain.new_provider();
    let second = chain.new_provider();
    let coop_a = chain.new_cooperative_with(first, 1);
    let coop_b = chain.new_cooperative_with(second, 1);

    // Each provider's key is the development key here, so give the second provider a key
    // of its own to show that the first one's permission does not take it.
    let second_key = chain.new_key();
    let rekey = coop_runtime::system::UpdateAuth {
        account: second,
        permission: coop_runtime::system::ACTIVE,
        parent: coop_runtime::system::OWNER,
        auth: coop_runtime::system::Authority::key(second_key.public_key()),
    };
    chain.ok(coop_runtime::system::SYSTEM, &[second], &rekey);

    let person = Person::new(chain, "cross");
    let newaccount = |coopname: Name| newaccount_of(coopname, &person);
    // The second provider asks the operator to act for the first cooperative: refused.
    let act = |coopname: Name| {
        let actions = vec![ProviderAction::new(chain.peers.registrator, &newaccount(coopname))];
        let data = Act { provider: second, coopname, actions };
        chain.push_signed(chain.peers.operator, &[level(second, ACTIVE)], &data, std::slice::from_ref(&second_key))
    };
    let error = act(coop_a.name).unwrap_err();
    assert_eq!(error.assertion_message(), Some(ERR_NOT_PROVIDERS_COOP), "{error}");
    assert!(!chain.client.account_exists(person.name));
    // ... and for its own cooperative: accepted.
    act(coop_b.name).unwrap();
    assert!(chain.client.account_exists(person.name));

    // Neither provider can connect or reject a request: that is the operator's.
    let (request, ..) = chain.coop_request(first, 1);
    let request_id: u64 = chain.ok(chain.peers.operator, &[first], &request).return_value();
    for provider in [first, second] {
        chain.denied(provider, &Connect { request_id });
        let reject = Reject { request_id, reason: "no".into() };
        chain.denied(provider, &reject);
    }
}

#[test]
fn init_and_long_texts_are_checked() {
    use antelope_test_harness::defaults::default_connect_resources;
    let chain = TestChain::shared();
    let operator = chain.peers.operator;
    let mut resources = default_connect_resources();
    resources.member_ram.amount = 0;
    assert_eq!(chain.fails(operator, &[operator], &Init { peers: chain.peers, resources }), ERR_BAD_RESOURCES);
    let mut resources = default_connect_resources();
    resources.coop_funds.amount = -1;
    assert_eq!(chain.fails(operator, &[operator], &Init { peers: chain.peers, resources }), ERR_BAD_RESOURCES);

    let provider = chain.unique_name("prov");
    chain.create_account(provider, antelope_test_harness::boot::dev_public_key(), None);
    let long = Addprovider { provider, title: "x".repeat(257) };
    assert_eq!(chain.fails(operator, &[operator], &long), ERR_TEXT_TOO_LONG);
    let (request, ..) = chain.coop_request(chain.provider(), 1);
    let request_id: u64 = chain.ok(operator, &[request.provider], &request).return_value();
    let reject = Reject { request_id, reason: "x".repeat(257) };
    assert_eq!(chain.fails(operator, &[operator], &reject), ERR_TEXT_TOO_LONG);
}
