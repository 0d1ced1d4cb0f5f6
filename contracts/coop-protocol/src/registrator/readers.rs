//! The registrator's registry as other contracts read it, from the chain (in the style of
//! `eosio.token`'s static `get_balance`): one copy of each read, aborting with the messages
//! every contract shares.
use super::{Cooperative, Coops, Participant, Participants, COOP_ACTIVE};
use crate::common_errors::{ERR_COOP_NOT_ACTIVE, ERR_COOP_NOT_FOUND};
use coop_runtime::chain;
use eosio::Name;

/// `coopname`'s registry row at the registrator `registrator`, if it is registered.
pub fn cooperative(registrator: Name, coopname: Name) -> Option<Cooperative> {
    chain::Rows::<Coops>::new(registrator, registrator).get(coopname.as_u64())
}

/// `coopname`'s registry row, which must exist (`ERR_COOP_NOT_FOUND`) and be active
/// (`ERR_COOP_NOT_ACTIVE`).
pub fn active_cooperative(registrator: Name, coopname: Name) -> Cooperative {
    let Some(coop) = cooperative(registrator, coopname) else { chain::fail(ERR_COOP_NOT_FOUND) };
    chain::check(coop.status == COOP_ACTIVE, ERR_COOP_NOT_ACTIVE);
    coop
}

/// `username`'s participant row in `coopname`, if any.
pub fn participant(registrator: Name, coopname: Name, username: Name) -> Option<Participant> {
    chain::Rows::<Participants>::new(registrator, coopname).get(username.as_u64())
}
