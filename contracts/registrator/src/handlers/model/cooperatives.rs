//! The cooperatives registry as other actions read it.
use crate::handlers::own_rows;
use coop_protocol::registrator::{errors::*, *};
use coop_runtime::chain;
use eosio::Name;

/// The cooperative, which must exist and be active.
pub fn active_coop(coopname: Name) -> Cooperative {
    let coop = own_rows::<Coops>().get_or_fail(coopname.as_u64(), ERR_COOP_NOT_FOUND);
    chain::check(coop.status == COOP_ACTIVE, ERR_COOP_NOT_ACTIVE);
    coop
}
