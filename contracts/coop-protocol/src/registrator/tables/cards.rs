//! `cards`: one card per account created through a cooperative.
use alloc::string::String;
use coop_runtime::{n, AbiType};
use eosio::{Name, NumBytes, Read, TimePointSec, Write};

/// Card status: created, not yet an accepted participant.
pub const CARD_PENDING: Name = n("pending");
/// Card status: an accepted participant.
pub const CARD_ACTIVE: Name = n("active");

/// The kinds of account holder.
pub const TYPE_INDIVIDUAL: Name = n("individual");
pub const TYPE_ENTREPRENEUR: Name = n("entrepreneur");
pub const TYPE_ORGANIZATION: Name = n("organization");

/// Whether `kind` is one of the three account types.
pub fn is_account_type(kind: Name) -> bool {
    kind == TYPE_INDIVIDUAL || kind == TYPE_ENTREPRENEUR || kind == TYPE_ORGANIZATION
}

/// An account card.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Card {
    pub username: Name,
    /// The cooperative that created the account.
    pub coopname: Name,
    pub r#type: Name,
    /// `pending` or `active`.
    pub status: Name,
    pub referer: Name,
    pub meta: String,
    pub created_at: TimePointSec,
}

coop_runtime::table!(
    /// Cards by username, scope = the contract. RAM: paid by the cooperative that created
    /// the account (it signs `newaccount`/`adduser`; the operator pays for founders' cards
    /// at connection); kept as long as the account's membership record; one per account
    /// the cooperative creates (and pays for).
    Cards, "cards", Card, |row| row.username.as_u64()
);
