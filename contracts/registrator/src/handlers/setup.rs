//! `init` and reading the settings.
use super::own_rows;
use coop_protocol::registrator::{errors::*, *};
use coop_runtime::{asset_math, chain};

/// See [`Registrator::init`].
pub fn init(data: Init) {
    let me = chain::current_receiver();
    chain::require_auth(me);
    let r = &data.resources;
    let symbol = r.ram.symbol;
    chain::check([r.ram, r.net, r.cpu].iter().all(|a| asset_math::is_positive_of(a, symbol)), ERR_BAD_RESOURCES);
    coop_runtime::peers::save(data.peers);
    own_rows::<Config>().save(me, &ConfigRow { resources: data.resources });
}

/// The settings, or abort when `init` has not run.
pub fn config() -> ConfigRow {
    own_rows::<Config>().get_or_fail(0, ERR_NOT_INITIALIZED)
}

/// The peer contracts, or abort when `init` has not run.
pub fn peers() -> coop_runtime::Peers {
    coop_runtime::peers::load(ERR_NOT_INITIALIZED)
}
