//! Agreements as other actions require them.
use crate::handlers::rows;
use coop_protocol::registrator::{errors::*, *};
use coop_runtime::chain;
use eosio::Name;

/// Aborts with `ERR_AGREEMENT_MISSING` and the kind unless `username` signed every
/// current agreement of the cooperative at its current version.
pub fn check_all_signed(coopname: Name, username: Name) {
    let signed = rows::<Agreements>(coopname).get(username.as_u64()).unwrap_or_default();
    for kind in rows::<AgreementKinds>(coopname).range(0, MAX_AGREEMENT_KINDS) {
        if signed.version_of(kind.kind) != Some(kind.version) {
            let mut message = alloc::string::String::from(ERR_AGREEMENT_MISSING);
            coop_runtime::name::push_name(&mut message, kind.kind);
            chain::fail(&message);
        }
    }
}
