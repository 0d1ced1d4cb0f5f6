//! `internal`, `asvictim`, `arm`: inline actions to our contracts.
use crate::protocol::*;
use coop_runtime::chain;

/// See [`Hostile::internal`].
pub fn internal(data: Internal) {
    chain::send_raw(&data.action.to_action());
}

/// See [`Hostile::asvictim`].
pub fn asvictim(data: Asvictim) {
    chain::require_auth(data.victim);
    chain::send_raw(&data.action.to_action());
}

/// See [`Hostile::arm`].
pub fn arm(data: Arm) {
    let me = chain::current_receiver();
    chain::require_auth(me);
    chain::Rows::<Plans>::new(me, me).save(me, &Plan { action: data.action, as_payer: data.as_payer });
}
