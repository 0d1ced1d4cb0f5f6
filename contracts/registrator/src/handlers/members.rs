//! Participants: the shared write, and `adduser` (import of an existing member).
use super::{
    accounts::{check_new_member, create_member, NewMember},
    branches::{check_branch_choice, join_branch},
    cooperatives::active_coop,
    rows,
    setup::peers,
};
use coop_protocol::permissions::paid_by_coop;
use coop_protocol::registrator::{errors::*, *};
use coop_protocol::wallet::Addmember;
use coop_runtime::{asset_math, chain};
use eosio::{Name, TimePointSec};

/// Writes an accepted participant (payer `payer`) and counts them in their branch.
pub fn add_participant(
    coopname: Name,
    username: Name,
    kind: Name,
    braname: Name,
    joined_at: TimePointSec,
    payer: Name,
) {
    rows::<Participants>(coopname)
        .save(payer, &Participant { username, r#type: kind, status: PARTICIPANT_ACCEPTED, braname, joined_at });
    if braname.as_u64() != 0 {
        join_branch(coopname, braname, 1);
    }
}

/// Asks the wallet to open the member's wallet and book their fees; the cooperative pays
/// the wallet row (through its `contracts` permission).
pub fn book_fees(coopname: Name, username: Name, deposit_id: u64, initial: eosio::Asset, minimum: eosio::Asset) {
    let peers = peers();
    let me = chain::current_receiver();
    chain::send(
        peers.wallet,
        &paid_by_coop(me, coopname),
        &Addmember { coopname, username, deposit_id, initial, minimum },
    );
}

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
    check_new_member(&member);
    let coop = active_coop(data.coopname);
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
