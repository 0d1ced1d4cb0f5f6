//! Connection requests: `request`, `reject`.
use super::{own_rows, providers::check_provider, MAX_TEXT};
use coop_protocol::consent::Consented;
use coop_protocol::operator::{errors::*, *};
use coop_protocol::registrator::rules::check_params;
use coop_runtime::system::{self, NameBids};
use coop_runtime::{chain, name::is_plain_twelve};

/// See [`Operator::request`].
pub fn request(data: Request) -> u64 {
    chain::require_auth(data.provider);
    check_provider(data.provider);
    chain::check(is_coopname(data.coopname), ERR_BAD_COOPNAME);
    chain::check(!chain::is_account(data.coopname), ERR_COOP_ACCOUNT_EXISTS);
    check_no_auction(data.coopname);
    let claims = own_rows::<Coopnames>();
    chain::check(!claims.contains(data.coopname.as_u64()), ERR_COOP_REQUESTED);
    if let Err(message) = check_params(&data.params) {
        chain::fail(message);
    }
    chain::check(data.members.len() <= MAX_MEMBERS, ERR_TOO_MANY_MEMBERS);
    for (i, member) in data.members.iter().enumerate() {
        chain::check(member.username != data.chairman.username, ERR_CHAIRMAN_IN_MEMBERS);
        chain::check(data.members[..i].iter().all(|m| m.username != member.username), ERR_DUPLICATE_MEMBER);
    }
    for founder in core::iter::once(&data.chairman).chain(data.members.iter()) {
        chain::check(is_plain_twelve(founder.username), ERR_BAD_USERNAME);
        chain::check(founder.username != data.coopname, ERR_COOPNAME_IS_FOUNDER);
        chain::check(!chain::is_account(founder.username), ERR_FOUNDER_EXISTS);
    }
    // The chairman's account does not exist yet: the statement must be signed for exactly
    // this request, by the key the request gives them (`verify_document`'s checks and
    // messages, the account's permission being that key).
    chain::check(data.statement.meta.len() <= coop_protocol::soviet::MAX_DOCUMENT_META, ERR_META_TOO_LONG);
    let consent = data.consent(chain::current_receiver(), chain::sha256);
    chain::check(chain::signed_for(&data.statement, &consent), ERR_BAD_SIGNATURE);
    chain::check(data.statement.public_key == data.chairman.public_key, ERR_KEY_NOT_SIGNERS);

    let counters = own_rows::<RequestCounters>();
    let mut counter = counters.get_or_fail(0, ERR_NOT_INITIALIZED);
    counter.last_id += 1;
    let id = counter.last_id;
    counters.update(&counter, ERR_NOT_INITIALIZED);
    claims.save(data.provider, &CoopnameClaim { coopname: data.coopname, request_id: id });
    own_rows::<Requests>().save(
        data.provider,
        &ConnectionRequest {
            id,
            provider: data.provider,
            coopname: data.coopname,
            coop_key: data.coop_key,
            params: data.params,
            chairman: data.chairman,
            members: data.members,
            statement_hash: data.statement.hash,
            status: REQUEST_PENDING,
            created_at: chain::now(),
        },
    );
    id
}

/// Creating the account as `eosio` skips the system contract's name auction, so a name
/// someone is bidding on is refused.
pub fn check_no_auction(coopname: eosio::Name) {
    let bids = chain::Rows::<NameBids>::new(system::SYSTEM, system::SYSTEM);
    chain::check(!bids.contains(coopname.as_u64()), ERR_NAME_IN_AUCTION);
}

/// The pending request `id`.
pub fn pending_request(id: u64) -> ConnectionRequest {
    let request = own_rows::<Requests>().get_or_fail(id, ERR_REQUEST_NOT_FOUND);
    chain::check(request.status == REQUEST_PENDING, ERR_REQUEST_NOT_PENDING);
    request
}

/// See [`Operator::reject`].
pub fn reject(data: Reject) {
    let me = chain::current_receiver();
    chain::require_auth(me);
    let request = pending_request(data.request_id);
    chain::check(data.reason.len() <= MAX_TEXT, ERR_TEXT_TOO_LONG);

    // The request's life ends here: its RAM goes back to the provider; the reason stays in
    // this action's data.
    own_rows::<Coopnames>().erase(request.coopname.as_u64());
    own_rows::<Requests>().erase(request.id);
}
