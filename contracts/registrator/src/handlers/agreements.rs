//! Agreements: `setagreement`, `rmagreement`, `agree`, and the check `joincoop` makes.
use super::{cooperatives::active_coop, own_rows, rows, signer_for, verify_statement};
use coop_protocol::registrator::{errors::*, *};
use coop_runtime::{chain, index::pair};
use eosio::Name;

/// Longest agreement title, in bytes.
pub const MAX_TITLE: usize = 256;

/// See [`Registrator::setagreement`].
pub fn setagreement(data: Setagreement) {
    chain::require_auth(data.coopname);
    chain::check(own_rows::<Coops>().contains(data.coopname.as_u64()), ERR_COOP_NOT_FOUND);
    chain::check(data.kind.as_u64() != 0, ERR_BAD_AGREEMENT_KIND);
    let kinds = rows::<AgreementKinds>(data.coopname);
    match kinds.get(data.kind.as_u64()) {
        Some(current) => chain::check(data.version > current.version, ERR_VERSION_NOT_GREATER),
        None => {
            chain::check(data.version > 0, ERR_VERSION_NOT_GREATER);
            chain::check(kinds.range(0, MAX_AGREEMENT_KINDS).len() < MAX_AGREEMENT_KINDS, ERR_TOO_MANY_AGREEMENTS);
        }
    }
    chain::check(data.title.len() <= MAX_TITLE, ERR_TEXT_TOO_LONG);

    kinds.save(
        data.coopname,
        &AgreementKind { kind: data.kind, version: data.version, title: data.title, updated_at: chain::now() },
    );
    chain::emit(&EvAgreeKind { coopname: data.coopname, kind: data.kind, version: data.version });
}

/// See [`Registrator::rmagreement`].
pub fn rmagreement(data: Rmagreement) {
    chain::require_auth(data.coopname);
    chain::check(own_rows::<Coops>().contains(data.coopname.as_u64()), ERR_COOP_NOT_FOUND);
    let kinds = rows::<AgreementKinds>(data.coopname);
    chain::check(kinds.contains(data.kind.as_u64()), ERR_UNKNOWN_AGREEMENT);
    kinds.erase(data.kind.as_u64());
    chain::emit(&EvAgreeKind { coopname: data.coopname, kind: data.kind, version: 0 });
}

/// See [`Registrator::agree`].
pub fn agree(data: Agree) {
    let payer = signer_for(data.coopname, data.username);
    active_coop(data.coopname);
    chain::check(own_rows::<Cards>().contains(data.username.as_u64()), ERR_CARD_NOT_FOUND);
    let kind = rows::<AgreementKinds>(data.coopname).get_or_fail(data.kind.as_u64(), ERR_UNKNOWN_AGREEMENT);
    chain::check(data.version == kind.version, ERR_WRONG_VERSION);
    let agreements = rows::<Agreements>(data.coopname);
    let previous = agreements.find_by(BY_USER_KIND, pair(data.username.as_u64(), data.kind.as_u64()));
    chain::check(previous.as_ref().is_none_or(|p| p.version < data.version), ERR_ALREADY_SIGNED);
    verify_statement(&data.document, data.username);

    let id = previous.map(|p| p.id).unwrap_or_else(|| agreements.next_key());
    agreements.save_indexed(
        payer,
        &Agreement {
            id,
            username: data.username,
            kind: data.kind,
            version: data.version,
            document: data.document.clone(),
            signed_at: chain::now(),
        },
    );
    chain::emit(&EvAgreed {
        coopname: data.coopname,
        username: data.username,
        kind: data.kind,
        version: data.version,
        document: data.document,
    });
}

/// Aborts with `ERR_AGREEMENT_MISSING` and the kind unless `username` signed every
/// current agreement of the cooperative at its current version.
pub fn check_all_signed(coopname: Name, username: Name) {
    let agreements = rows::<Agreements>(coopname);
    for kind in rows::<AgreementKinds>(coopname).range(0, MAX_AGREEMENT_KINDS) {
        let signed = agreements.find_by(BY_USER_KIND, pair(username.as_u64(), kind.kind.as_u64()));
        if signed.is_none_or(|s| s.version != kind.version) {
            let mut message = alloc::string::String::from(ERR_AGREEMENT_MISSING);
            message.push_str(&alloc::string::ToString::to_string(&kind.kind));
            chain::fail(&message);
        }
    }
}
