//! The registrator's registry as other contracts read it, from the chain (in the style of
//! `eosio.token`'s static `get_balance`): one copy of each read, each caller aborting with
//! its own message.
use super::{Cooperative, Coops, Participant, Participants, COOP_ACTIVE};
use coop_runtime::chain;
use eosio::Name;

/// `coopname`'s registry row at the registrator `registrator`, if it is registered.
pub fn cooperative(registrator: Name, coopname: Name) -> Option<Cooperative> {
    chain::Rows::<Coops>::new(registrator, registrator).get(coopname.as_u64())
}

/// `coopname`'s registry row, which must exist (`not_found`) and be active (`not_active`).
pub fn active_cooperative(registrator: Name, coopname: Name, not_found: &str, not_active: &str) -> Cooperative {
    let Some(coop) = cooperative(registrator, coopname) else { chain::fail(not_found) };
    chain::check(coop.status == COOP_ACTIVE, not_active);
    coop
}

/// `username`'s participant row in `coopname`, if any.
pub fn participant(registrator: Name, coopname: Name, username: Name) -> Option<Participant> {
    chain::Rows::<Participants>::new(registrator, coopname).get(username.as_u64())
}
