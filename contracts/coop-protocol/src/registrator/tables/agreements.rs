//! `agreetypes` and `agreements` (scope = cooperative): the agreements every applicant
//! signs (the digital-wallet programme, the simple electronic signature regulation, the
//! privacy policy, the user agreement, or whatever kinds the cooperative keeps).
#[cfg(test)]
use alloc::vec;
use alloc::{string::String, vec::Vec};
use coop_runtime::{n, AbiType};
use eosio::{Checksum256, Name, NumBytes, Read, TimePointSec, Write};

/// The kinds every connected cooperative starts with, at version 1.
pub const DEFAULT_AGREEMENTS: [(Name, &str); 4] = [
    (n("wallet"), "Digital wallet programme"),
    (n("signature"), "Simple electronic signature regulation"),
    (n("privacy"), "Privacy policy"),
    (n("user"), "User agreement"),
];

/// The most agreement kinds a cooperative may keep.
pub const MAX_AGREEMENT_KINDS: usize = 8;

/// A kind of agreement and its current template version.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct AgreementKind {
    pub kind: Name,
    /// The current version; signatures of older versions are outdated.
    pub version: u32,
    pub title: String,
    pub updated_at: TimePointSec,
}

coop_runtime::table!(
    /// Agreement kinds by name, scope = cooperative. RAM: paid by the cooperative (it
    /// signs `setagreement`; the four defaults at connection); freed by `rmagreement`; at
    /// most `MAX_AGREEMENT_KINDS` per cooperative.
    AgreementKinds, "agreetypes", AgreementKind, |row| row.kind.as_u64()
);

/// The last version of a kind the cooperative removed (`rmagreement`), so that the kind
/// can only come back at a higher version: agreement versions only grow.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct RetiredKind {
    pub kind: Name,
    pub version: u32,
}

coop_runtime::table!(
    /// Removed agreement kinds by name, scope = cooperative. RAM: paid by the cooperative
    /// (it signs `rmagreement`); freed when the kind is set again; one per kind the
    /// cooperative removed.
    RetiredKinds, "retiredkinds", RetiredKind, |row| row.kind.as_u64()
);

/// One agreement a person signed: its kind, the version, and the SHA-256 of the signed
/// document (the document itself, with its key and signature, is in the `agree` action).
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct SignedAgreement {
    pub kind: Name,
    pub version: u32,
    pub hash: Checksum256,
}

/// Everything one person signed in one cooperative: for each kind, the latest version.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Agreement {
    pub username: Name,
    /// At most [`MAX_AGREEMENT_KINDS`] entries, one per kind the cooperative still keeps.
    pub signed: Vec<SignedAgreement>,
}

impl Agreement {
    /// The version of `kind` this person signed, if any.
    pub fn version_of(&self, kind: Name) -> Option<u32> {
        self.signed.iter().find(|s| s.kind == kind).map(|s| s.version)
    }

    /// Records the signature of `kind` at `version`, replacing an older one of that kind
    /// and dropping entries of kinds for which `is_current` is false (removed kinds).
    pub fn sign(&mut self, kind: Name, version: u32, hash: Checksum256, is_current: impl Fn(Name) -> bool) {
        self.signed.retain(|s| s.kind != kind && is_current(s.kind));
        self.signed.push(SignedAgreement { kind, version, hash });
    }
}

coop_runtime::table!(
    /// Signed agreements by username, scope = cooperative: one row per person.
    /// RAM: paid by whoever signed the latest `agree` (the person, or the cooperative that
    /// created their account); kept while the person may need it (joining checks it); one
    /// row per person and cooperative, with at most `MAX_AGREEMENT_KINDS` entries.
    Agreements, "agreements", Agreement, |row| row.username.as_u64()
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signing_keeps_one_entry_per_current_kind() {
        let (a, b, gone) = (n("wallet"), n("privacy"), n("old"));
        let mut row = Agreement { username: n("alice"), signed: vec![] };
        row.sign(gone, 1, Checksum256::default(), |_| true);
        row.sign(a, 1, Checksum256::default(), |_| true);
        row.sign(b, 1, Checksum256::default(), |k| k != gone);
        row.sign(a, 2, Checksum256::from([1u8; 32]), |k| k != gone);
        assert_eq!(row.version_of(a), Some(2));
        assert_eq!(row.version_of(b), Some(1));
        assert_eq!(row.version_of(gone), None);
        assert_eq!(row.signed.len(), 2);
    }
}
