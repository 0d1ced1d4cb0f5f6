//! The cooperatives registry: `regcoop`.
use super::setup::peers;
use coop_protocol::registrator::{errors::*, *};
use coop_runtime::{asset_math, chain};

/// Longest `announce`/`description`, in bytes.
pub const MAX_COOP_TEXT: usize = 2048;

/// See [`coop_protocol::registrator::Registrator::regcoop`].
pub fn regcoop(data: Regcoop) {
    let peers = peers();
    chain::require_auth(peers.operator);

    let me = chain::current_receiver();
    let coops = chain::Rows::<Coops>::new(me, me);
    chain::check(chain::is_account(data.coopname), ERR_COOP_ACCOUNT_MISSING);
    chain::check(!coops.contains(data.coopname.as_u64()), ERR_COOP_EXISTS);
    let p = &data.params;
    chain::check(p.symbol.is_valid(), ERR_BAD_SYMBOL);
    chain::check(
        [p.initial, p.minimum, p.org_initial, p.org_minimum]
            .iter()
            .all(|fee| asset_math::is_positive_of(fee, p.symbol)),
        ERR_BAD_FEES,
    );
    chain::check(
        p.announce.len() <= MAX_COOP_TEXT && p.description.len() <= MAX_COOP_TEXT,
        ERR_TEXT_TOO_LONG,
    );

    coops.save(
        peers.operator,
        &Cooperative {
            username: data.coopname,
            status: COOP_ACTIVE,
            symbol: p.symbol,
            initial: p.initial,
            minimum: p.minimum,
            org_initial: p.org_initial,
            org_minimum: p.org_minimum,
            announce: data.params.announce,
            description: data.params.description,
            is_branched: false,
            branch_count: 0,
            created_at: chain::now(),
        },
    );
    chain::emit(&EvCoopReg {
        coopname: data.coopname,
    });
}

/// The cooperative, which must exist and be active.
pub fn active_coop(coopname: eosio::Name) -> Cooperative {
    let me = chain::current_receiver();
    let coop = chain::Rows::<Coops>::new(me, me).get_or_fail(coopname.as_u64(), ERR_COOP_NOT_FOUND);
    chain::check(coop.status == COOP_ACTIVE, ERR_COOP_NOT_ACTIVE);
    coop
}
