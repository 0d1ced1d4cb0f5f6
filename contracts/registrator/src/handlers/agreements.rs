//! Agreements: `setagreement`, `rmagreement`, `agree`, and the check `joincoop` makes.
use super::model::cooperatives::active_coop;
use super::{consent_of, own_rows, rows, signer_for, verify_statement};
use coop_protocol::registrator::{errors::*, *};
use coop_runtime::chain;

/// Longest agreement title, in bytes.
pub const MAX_TITLE: usize = 256;

/// See [`Registrator::setagreement`].
pub fn setagreement(data: Setagreement) {
    chain::require_auth(data.coopname);
    active_coop(data.coopname);
    chain::check(data.kind.as_u64() != 0, ERR_BAD_AGREEMENT_KIND);
    let kinds = rows::<AgreementKinds>(data.coopname);
    let retired = rows::<RetiredKinds>(data.coopname);
    let was_retired = retired.get(data.kind.as_u64());
    match kinds.get(data.kind.as_u64()) {
        Some(current) => chain::check(data.version > current.version, ERR_VERSION_NOT_GREATER),
        None => {
            // A removed kind comes back only above the version it had.
            let floor = was_retired.as_ref().map_or(0, |r| r.version);
            chain::check(data.version > floor, ERR_VERSION_NOT_GREATER);
            chain::check(kinds.range(0, MAX_AGREEMENT_KINDS).len() < MAX_AGREEMENT_KINDS, ERR_TOO_MANY_AGREEMENTS);
        }
    }
    chain::check(data.title.len() <= MAX_TITLE, ERR_TEXT_TOO_LONG);

    if was_retired.is_some() {
        retired.erase(data.kind.as_u64());
    }
    kinds.save(
        data.coopname,
        &AgreementKind { kind: data.kind, version: data.version, title: data.title, updated_at: chain::now() },
    );
}

/// See [`Registrator::rmagreement`].
pub fn rmagreement(data: Rmagreement) {
    chain::require_auth(data.coopname);
    active_coop(data.coopname);
    let kinds = rows::<AgreementKinds>(data.coopname);
    let kind = kinds.get_or_fail(data.kind.as_u64(), ERR_UNKNOWN_AGREEMENT);
    kinds.erase(data.kind.as_u64());
    rows::<RetiredKinds>(data.coopname).save(data.coopname, &RetiredKind { kind: data.kind, version: kind.version });
}

/// See [`Registrator::agree`].
pub fn agree(data: Agree) {
    let payer = signer_for(data.coopname, data.username);
    active_coop(data.coopname);
    chain::check(own_rows::<Cards>().contains(data.username.as_u64()), ERR_CARD_NOT_FOUND);
    let kinds = rows::<AgreementKinds>(data.coopname);
    let kind = kinds.get_or_fail(data.kind.as_u64(), ERR_UNKNOWN_AGREEMENT);
    chain::check(data.version == kind.version, ERR_WRONG_VERSION);
    let agreements = rows::<Agreements>(data.coopname);
    let mut row = agreements
        .get(data.username.as_u64())
        .unwrap_or_else(|| Agreement { username: data.username, signed: alloc::vec::Vec::new() });
    chain::check(row.version_of(data.kind).is_none_or(|v| v < data.version), ERR_ALREADY_SIGNED);
    verify_statement(&data.document, consent_of(&data));

    row.sign(data.kind, data.version, data.document.hash, |kind| kinds.contains(kind.as_u64()));
    agreements.save(payer, &row);
}
