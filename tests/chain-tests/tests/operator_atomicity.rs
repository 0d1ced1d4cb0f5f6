//! A step inside `connect` fails: nothing is left behind. In its own test binary (its own
//! chain), because it changes what connecting costs the operator.
use antelope_test_harness::defaults::default_connect_resources;
use antelope_test_harness::fixture::TestChain;
use coop_protocol::operator::{Connect, Connections, Init, Requests, REQUEST_PENDING};
use coop_protocol::registrator::{Cards, Coops, Participants};
use coop_protocol::soviet::Boards;
use coop_protocol::wallet::Ledgers;

#[test]
fn a_failing_step_inside_connect_leaves_nothing_behind() {
    let chain = TestChain::shared();
    let p = chain.peers;
    let (request, _, chairman, members) = chain.coop_request(chain.provider(), 2);
    let request_id: u64 = chain.ok(p.operator, &[request.provider], &request).return_value();

    // The operator buys the cooperative too little RAM for its account, permissions and
    // links: every step of `connect` runs — accounts, permissions, registry, council,
    // ledger, funds, agreements — and the chain refuses the whole transaction at its end.
    let mut starved = default_connect_resources();
    starved.coop_ram.amount /= 100;
    chain.ok(p.operator, &[p.operator], &Init { peers: p, resources: starved });
    let balance = |account| chain.client.get_currency_balance("eosio.token", account, "AXON").unwrap();
    let before = balance(p.operator);
    let ram_before = chain.client.get_account(p.operator).unwrap()["ram_usage"].clone();

    let error = chain.push(p.operator, &[p.operator], &Connect { request_id }).unwrap_err();
    assert_eq!(error.name(), Some("ram_usage_exceeded"), "{error}");
    assert!(error.message().contains(&request.coopname.to_string()), "the cooperative's RAM: {error}");

    assert!(!chain.client.account_exists(request.coopname));
    for person in std::iter::once(&chairman).chain(members.iter()) {
        assert!(!chain.client.account_exists(person.name));
        assert!(chain.row::<Cards>(p.registrator, p.registrator, person.name.as_u64()).is_none());
    }
    assert!(chain.row::<Coops>(p.registrator, p.registrator, request.coopname.as_u64()).is_none());
    assert!(chain.rows::<Participants>(p.registrator, request.coopname).is_empty());
    assert!(chain.row::<Boards>(p.soviet, p.soviet, request.coopname.as_u64()).is_none());
    assert!(chain.row::<Ledgers>(p.wallet, p.wallet, request.coopname.as_u64()).is_none());
    assert!(chain.rows::<Connections>(p.operator, request.provider).is_empty());
    assert_eq!(chain.row::<Requests>(p.operator, p.operator, request_id).unwrap().status, REQUEST_PENDING);
    assert_eq!(balance(p.operator), before);
    assert_eq!(chain.client.get_account(p.operator).unwrap()["ram_usage"], ram_before);

    // With the resources back, the same request connects.
    chain.ok(p.operator, &[p.operator], &Init { peers: p, resources: default_connect_resources() });
    chain.ok(p.operator, &[p.operator], &Connect { request_id });
    assert!(chain.client.account_exists(request.coopname));
}
