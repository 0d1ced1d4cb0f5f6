//! `init`, the settings, and `setstatus`.
use super::own_rows;
use coop_protocol::operator::{errors::*, *};
use coop_runtime::{action::level, asset_math, chain, system::ACTIVE};

/// See [`Operator::init`].
pub fn init(data: Init) {
    let me = chain::current_receiver();
    chain::require_auth(me);
    let r = &data.resources;
    let symbol = r.coop_ram.symbol;
    let positive = [r.coop_ram, r.coop_net, r.coop_cpu, r.member_ram, r.member_net, r.member_cpu];
    chain::check(
        positive.iter().all(|a| asset_math::is_positive_of(a, symbol))
            && asset_math::is_valid(&r.coop_funds)
            && r.coop_funds.symbol == symbol
            && r.coop_funds.amount >= 0,
        ERR_BAD_RESOURCES,
    );
    coop_runtime::peers::save(data.peers);
    own_rows::<OperatorSettings>().save(me, &OperatorConfig { resources: data.resources });
    let counters = own_rows::<RequestCounters>();
    if !counters.contains(0) {
        counters.save(me, &RequestCounter { last_id: 0 });
    }
}

/// The settings, or abort when `init` has not run.
pub fn resources() -> ConnectResources {
    own_rows::<OperatorSettings>().get_or_fail(0, ERR_NOT_INITIALIZED).resources
}

/// The peer contracts, or abort when `init` has not run.
pub fn peers() -> coop_runtime::Peers {
    coop_runtime::peers::load(ERR_NOT_INITIALIZED)
}

/// See [`Operator::setstatus`]: the registrator checks the status and the cooperative.
pub fn setstatus(data: Setstatus) {
    let me = chain::current_receiver();
    chain::require_auth(me);
    chain::send(
        peers().registrator,
        &[level(me, ACTIVE)],
        &coop_protocol::registrator::Setstatus { coopname: data.coopname, status: data.status },
    );
}
