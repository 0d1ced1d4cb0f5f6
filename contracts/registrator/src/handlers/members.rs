//! Participants: the shared write, and `adduser` (import of an existing member).
use super::model::{
    branches::check_branch_choice,
    members::{add_participant, book_fees, check_new_member, create_member, NewMember},
};
use super::rows;
use coop_protocol::registrator::{errors::*, *};
use coop_runtime::{asset_math, chain};
use eosio::Name;

/// See [`Registrator::adduser`].
pub fn adduser(data: Adduser) {
    chain::require_auth(data.coopname);
    chain::check(!rows::<Participants>(data.coopname).contains(data.username.as_u64()), ERR_ALREADY_PARTICIPANT);
    let member = NewMember {
        coopname: data.coopname,
        username: data.username,
        kind: data.r#type,
        public_key: data.public_key,
        referer: Name::new(0),
        meta: data.meta,
        status: CARD_ACTIVE,
    };
    let coop = check_new_member(&member);
    chain::check(u32::from(data.joined_at) <= u32::from(chain::now()), ERR_JOINED_IN_FUTURE);
    chain::check(
        asset_math::is_positive_of(&data.initial, coop.symbol)
            && asset_math::is_positive_of(&data.minimum, coop.symbol),
        ERR_BAD_FEES,
    );
    check_branch_choice(&coop, data.braname);

    create_member(member);
    add_participant(data.coopname, data.username, data.r#type, data.braname, data.joined_at, data.coopname);
    book_fees(data.coopname, data.username, 0, data.initial, data.minimum);
}
