//! `wallets` (scope = cooperative): one wallet per member.
use coop_runtime::AbiType;
use eosio::{Asset, Name, NumBytes, Read, TimePointSec, Write};

/// A member's wallet in one cooperative, all in the cooperative's symbol; never negative.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct MemberWallet {
    pub username: Name,
    /// Free share contributions (may be withdrawn).
    pub available: Asset,
    /// Share contributions awaiting a withdrawal.
    pub blocked: Asset,
    /// The minimum share contribution (stays while the person is a member).
    pub minimum: Asset,
    /// The entrance fee paid (not returned).
    pub initial: Asset,
    pub opened_at: TimePointSec,
}

coop_runtime::table!(
    /// Member wallets by username, scope = cooperative. RAM: paid by the cooperative
    /// (through its `contracts` permission when a member is accepted or imported; as the
    /// signer of `confirm` when a founder's first share deposit opens it); kept while the
    /// person is a member; one per member. Updated in place, never resized.
    Wallets, "wallets", MemberWallet, |row| row.username.as_u64()
);
