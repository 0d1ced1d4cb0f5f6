//! `request` and `reject`: every rejection with its exact message.
use antelope_test_harness::cooperative::Person;
use antelope_test_harness::fixture::TestChain;
use coop_protocol::operator::{errors::*, *};
use coop_runtime::n;

fn rejected(chain: &TestChain, request: &Request) -> String {
    chain.fails(chain.peers.operator, &[request.provider], request)
}

#[test]
fn request_stores_a_pending_request_and_returns_its_id() {
    let chain = TestChain::shared();
    let provider = chain.provider();
    let (request, ..) = chain.coop_request(provider, 2);
    let outcome = chain.ok(chain.peers.operator, &[provider], &request);
    let id: u64 = outcome.return_value();
    let row = chain.row::<Requests>(chain.peers.operator, chain.peers.operator, id).unwrap();
    assert_eq!(row.status, REQUEST_PENDING);
    assert_eq!(row.coopname, request.coopname);
    assert_eq!(row.members.len(), 2);
    assert_eq!((row.provider, row.statement_hash), (provider, request.statement.hash), "the statement's hash");
    assert!(outcome.ram_delta(provider) > 0, "the provider pays: {:?}", outcome.ram_deltas);
    assert_eq!(outcome.ram_delta(chain.peers.operator), 0, "the operator pays nothing");
    let claim = chain.row::<Coopnames>(chain.peers.operator, chain.peers.operator, request.coopname.as_u64()).unwrap();
    assert_eq!(claim.request_id, id);
    assert_eq!(outcome.action_traces.len(), 1, "no event or inline action");
    assert_eq!(rejected(chain, &request), ERR_COOP_REQUESTED);
}

#[test]
fn request_rejects_bad_names() {
    let chain = TestChain::shared();
    let (mut request, ..) = chain.coop_request(chain.provider(), 1);
    request.coopname = n("bad.name");
    assert_eq!(rejected(chain, &request), ERR_BAD_COOPNAME);
    request.coopname = chain.peers.wallet;
    assert_eq!(rejected(chain, &request), ERR_COOP_ACCOUNT_EXISTS);

    let (mut request, ..) = chain.coop_request(chain.provider(), 1);
    request.chairman.username = n("short");
    assert_eq!(rejected(chain, &request), ERR_BAD_USERNAME);
    let (mut request, ..) = chain.coop_request(chain.provider(), 1);
    request.chairman.username = eosio::Name::new(0);
    assert_eq!(rejected(chain, &request), ERR_BAD_USERNAME);
    let existing = Person::new(chain, "exists");
    chain.create_account(existing.name, existing.key.public_key(), None);
    let (mut request, ..) = chain.coop_request(chain.provider(), 1);
    request.members[0] = existing.founder();
    assert_eq!(rejected(chain, &request), ERR_FOUNDER_EXISTS);
}

#[test]
fn request_rejects_bad_councils() {
    let chain = TestChain::shared();
    let (mut request, ..) = chain.coop_request(chain.provider(), 2);
    request.members[1] = request.chairman.clone();
    assert_eq!(rejected(chain, &request), ERR_CHAIRMAN_IN_MEMBERS);
    let (mut request, ..) = chain.coop_request(chain.provider(), 2);
    request.members[1] = request.members[0].clone();
    assert_eq!(rejected(chain, &request), ERR_DUPLICATE_MEMBER);
    let (request, ..) = chain.coop_request(chain.provider(), MAX_MEMBERS + 1);
    assert_eq!(rejected(chain, &request), ERR_TOO_MANY_MEMBERS);
}

#[test]
fn request_rejects_bad_fees() {
    let chain = TestChain::shared();
    let (mut request, ..) = chain.coop_request(chain.provider(), 1);
    request.params.org_minimum.amount = 0;
    assert_eq!(rejected(chain, &request), ERR_BAD_FEES);
    let (mut request, ..) = chain.coop_request(chain.provider(), 1);
    request.params.initial = antelope_test_harness::boot::core("1.0000");
    assert_eq!(rejected(chain, &request), ERR_BAD_FEES);
    let (mut request, ..) = chain.coop_request(chain.provider(), 1);
    request.params.symbol = eosio::Symbol::new(4);
    assert_eq!(rejected(chain, &request), ERR_BAD_SYMBOL);
}

#[test]
fn request_needs_the_chairmans_statement_and_the_providers_signature() {
    let chain = TestChain::shared();
    let (request, _, _, members) = chain.coop_request(chain.provider(), 1);
    let request = members[0].signs(&chain.peers, "Application to connect the cooperative", request);
    assert_eq!(rejected(chain, &request), ERR_KEY_NOT_SIGNERS);
    let (mut request, ..) = chain.coop_request(chain.provider(), 1);
    request.statement.hash = eosio::Checksum256::from([7u8; 32]);
    assert_eq!(rejected(chain, &request), ERR_BAD_SIGNATURE);

    let (request, ..) = chain.coop_request(chain.provider(), 1);
    chain.denied(chain.peers.operator, &request);
}

#[test]
fn reject_refuses_a_pending_request_once_and_frees_the_name() {
    let chain = TestChain::shared();
    let operator = chain.peers.operator;
    let (request, _, chairman, _) = chain.coop_request(chain.provider(), 1);
    let request_id: u64 = chain.ok(operator, &[request.provider], &request).return_value();
    let reject = Reject { request_id, reason: "incomplete documents".into() };
    let outcome = chain.ok(operator, &[operator], &reject);
    assert!(chain.row::<Requests>(operator, operator, request_id).is_none(), "a rejected request is erased");
    assert!(chain.row::<Coopnames>(operator, operator, request.coopname.as_u64()).is_none());
    assert!(outcome.ram_delta(request.provider) < 0, "the provider gets its RAM back: {:?}", outcome.ram_deltas);
    assert_eq!(outcome.ram_delta(operator), 0, "the operator pays nothing");
    assert_eq!(outcome.first_action().unwrap().decode_data::<Reject>().unwrap().reason, "incomplete documents");

    let again = Reject { request_id, reason: "twice".into() };
    assert_eq!(chain.fails(operator, &[operator], &again), ERR_REQUEST_NOT_FOUND);
    assert_eq!(chain.fails(operator, &[operator], &Connect { request_id }), ERR_REQUEST_NOT_FOUND);
    assert_eq!(chain.fails(operator, &[operator], &Connect { request_id: 999_999 }), ERR_REQUEST_NOT_FOUND);
    // The name is free again; the chairman signs the corrected request (the statement
    // covers the parameters).
    let mut retry = request.clone();
    retry.params.announce = "second try".into();
    let retry = chairman.signs(&chain.peers, "Application to connect the cooperative, corrected", retry);
    let retried: u64 = chain.ok(operator, &[request.provider], &retry).return_value();
    assert!(retried > request_id, "request ids are never reused");
}

#[test]
fn request_refuses_a_name_in_auction_and_a_coopname_among_the_founders() {
    use coop_runtime::system::{BidName, SYSTEM};
    let chain = TestChain::shared();
    let (mut request, ..) = chain.coop_request(chain.provider(), 1);
    let auctioned = n("auctioned");
    let bid = BidName { bidder: SYSTEM, newname: auctioned, bid: antelope_test_harness::boot::core("1.0000") };
    chain.ok(SYSTEM, &[SYSTEM], &bid);
    request.coopname = auctioned;
    assert_eq!(rejected(chain, &request), ERR_NAME_IN_AUCTION);

    let (mut request, ..) = chain.coop_request(chain.provider(), 1);
    request.coopname = request.members[0].username;
    assert_eq!(rejected(chain, &request), ERR_COOPNAME_IS_FOUNDER);
}

#[test]
fn a_request_statement_with_a_long_meta_is_refused() {
    let chain = TestChain::shared();
    let (mut request, ..) = chain.coop_request(chain.provider(), 1);
    request.statement.meta = "x".repeat(coop_protocol::soviet::MAX_DOCUMENT_META + 1);
    assert_eq!(chain.fails(chain.peers.operator, &[request.provider], &request), ERR_META_TOO_LONG);
    assert!(chain.row::<Coopnames>(chain.peers.operator, chain.peers.operator, request.coopname.as_u64()).is_none());
}
