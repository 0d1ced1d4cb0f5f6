//! `agreetypes` and `agreements` (scope = cooperative): the agreements every applicant
//! signs (the digital-wallet programme, the simple electronic signature regulation, the
//! privacy policy, the user agreement, or whatever kinds the cooperative keeps).
use alloc::{string::String, vec, vec::Vec};
use coop_runtime::index::{pair, Indexed};
use coop_runtime::{n, AbiType, Document};
use eosio::{Name, NumBytes, Read, TimePointSec, Write};

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
    /// Agreement kinds by name, scope = cooperative.
    AgreementKinds, "agreetypes", AgreementKind, |row| row.kind.as_u64()
);

/// A person's signature of one kind of agreement (the latest version they signed).
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Agreement {
    pub id: u64,
    pub username: Name,
    pub kind: Name,
    pub version: u32,
    /// The signed agreement.
    pub document: Document,
    pub signed_at: TimePointSec,
}

coop_runtime::table!(
    /// Signed agreements by id, scope = cooperative. Secondary indexes (uint128):
    /// 2 = `byuserkind` (username, kind): one row per person and kind;
    /// 3 = `bykindver` (kind, version): who signed which version, so the people who must
    /// sign a raised version again are the range (kind, 0) ..= (kind, current - 1).
    Agreements, "agreements", Agreement, |row| row.id
);

/// Index of [`Agreements`] by (username, kind).
pub const BY_USER_KIND: usize = 0;
/// Index of [`Agreements`] by (kind, version).
pub const BY_KIND_VERSION: usize = 1;

impl Indexed for Agreements {
    fn index_keys(row: &Agreement) -> Vec<u128> {
        vec![pair(row.username.as_u64(), row.kind.as_u64()), pair(row.kind.as_u64(), u64::from(row.version))]
    }
}
