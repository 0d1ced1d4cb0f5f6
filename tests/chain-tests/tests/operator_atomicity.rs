//! A step inside `connect` fails: nothing is left behind. In its own test binary (its own
//! chain), because it empties the operator's core-token balance.
use antelope_test_harness::fixture::TestChain;
use coop_protocol::operator::{Connect, Requests, REQUEST_PENDING};
use coop_protocol::registrator::{Cards, Coops, Participants};
use coop_protocol::soviet::Boards;
use coop_protocol::wallet::Ledgers;
use coop_runtime::system::{TokenTransfer, SYSTEM, TOKEN};

#[test]
fn a_failing_step_inside_connect_leaves_nothing_behind() {
    let chain = TestChain::shared();
    let p = chain.peers;
    let (request, _, chairman, members) = chain.coop_request(chain.provider(), 2);
    let request_id: u64 = chain.ok(p.operator, &[request.provider], &request).return_value();

    // The operator keeps just too little to give the cooperative its starting funds, the
    // step that comes after accounts, permissions, registry, council and ledger.
    let balance = |account| chain.client.get_currency_balance("eosio.token", account, "AXON").unwrap();
    let mut all = coop_runtime::asset_text::parse_asset(&balance(p.operator)[0]).unwrap();
    all.amount -= 50_000; // keeps 5.0000 AXON: enough for resources, not for 10.0000 of funds
    chain.ok(TOKEN, &[p.operator], &TokenTransfer { from: p.operator, to: SYSTEM, quantity: all, memo: String::new() });
    let before = balance(p.operator);
    let ram_before = chain.client.get_account(p.operator).unwrap()["ram_usage"].clone();

    let error = chain.push(p.operator, &[p.operator], &Connect { request_id }).unwrap_err();
    assert!(error.message().contains("overdrawn balance"), "{error}");

    assert!(!chain.client.account_exists(request.coopname));
    for person in std::iter::once(&chairman).chain(members.iter()) {
        assert!(!chain.client.account_exists(person.name));
        assert!(chain.row::<Cards>(p.registrator, p.registrator, person.name.as_u64()).is_none());
    }
    assert!(chain.row::<Coops>(p.registrator, p.registrator, request.coopname.as_u64()).is_none());
    assert!(chain.rows::<Participants>(p.registrator, request.coopname).is_empty());
    assert!(chain.row::<Boards>(p.soviet, p.soviet, request.coopname.as_u64()).is_none());
    assert!(chain.row::<Ledgers>(p.wallet, p.wallet, request.coopname.as_u64()).is_none());
    assert_eq!(chain.row::<Requests>(p.operator, p.operator, request_id).unwrap().status, REQUEST_PENDING);
    assert_eq!(balance(p.operator), before);
    assert_eq!(chain.client.get_account(p.operator).unwrap()["ram_usage"], ram_before);
}
