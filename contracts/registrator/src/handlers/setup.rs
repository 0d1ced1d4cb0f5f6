//! `init` and reading the settings.
use coop_protocol::registrator::{errors::*, *};
use coop_runtime::{asset_math, chain};

/// See [`coop_protocol::registrator::Registrator::init`].
pub fn init(data: Init) {
    coop_runtime::peers::save(data.peers);
    let me = chain::current_receiver();
    let r = &data.resources;
    let symbol = r.ram.symbol;
    chain::check(
        [r.ram, r.net, r.cpu]
            .iter()
            .all(|a| asset_math::is_positive_of(a, symbol)),
        ERR_BAD_RESOURCES,
    );
    chain::Rows::<Config>::new(me, me).save(
        me,
        &ConfigRow {
            resources: data.resources,
        },
    );
}

/// The settings, or abort when `init` has not run.
pub fn config() -> ConfigRow {
    let me = chain::current_receiver();
    chain::Rows::<Config>::new(me, me).get_or_fail(0, ERR_NOT_INITIALIZED)
}

/// The peer contracts, or abort when `init` has not run.
pub fn peers() -> coop_runtime::Peers {
    coop_runtime::peers::load(ERR_NOT_INITIALIZED)
}
