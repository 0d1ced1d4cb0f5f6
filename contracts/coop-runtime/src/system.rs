//! Actions of the standard system contracts that our contracts and tools send:
//! `eosio` (accounts, permissions, resources, code) and `eosio.token`.
use crate::{AbiType, PublicKey};
use alloc::{string::String, vec::Vec};
use eosio::{Asset, Name, NumBytes, PermissionLevel, Read, Symbol, Write};

/// The system account.
pub const SYSTEM: Name = crate::n("eosio");
/// The core token contract.
pub const TOKEN: Name = crate::n("eosio.token");
/// The `active` permission.
pub const ACTIVE: Name = crate::n("active");
/// The `owner` permission.
pub const OWNER: Name = crate::n("owner");
/// The permission that stands for a contract's own code in authorities.
pub const EOSIO_CODE: Name = crate::n("eosio.code");

/// `key_weight`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct KeyWeight {
    pub key: PublicKey,
    pub weight: u16,
}

/// `permission_level_weight`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes)]
pub struct PermissionLevelWeight {
    pub permission: PermissionLevel,
    pub weight: u16,
}

/// `wait_weight`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes)]
pub struct WaitWeight {
    pub wait_sec: u32,
    pub weight: u16,
}

/// `authority`: who may act as a permission.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes)]
pub struct Authority {
    pub threshold: u32,
    pub keys: Vec<KeyWeight>,
    pub accounts: Vec<PermissionLevelWeight>,
    pub waits: Vec<WaitWeight>,
}

impl Authority {
    /// One key, threshold 1.
    pub fn key(key: PublicKey) -> Self {
        Self { threshold: 1, keys: alloc::vec![KeyWeight { key, weight: 1 }], accounts: Vec::new(), waits: Vec::new() }
    }

    /// Any of these permission levels, threshold 1. Levels are sorted as the chain requires.
    pub fn accounts(levels: &[PermissionLevel]) -> Self {
        let key = |a: &PermissionLevelWeight| (a.permission.actor.as_u64(), a.permission.permission.as_u64());
        // A stable insertion sort by swaps: a handful of levels, and far less contract code
        // than `sort_by_key` (or `insert`, with its moves and checks).
        let mut accounts: Vec<PermissionLevelWeight> = Vec::with_capacity(levels.len());
        for level in levels {
            accounts.push(PermissionLevelWeight { permission: *level, weight: 1 });
            let mut i = accounts.len() - 1;
            while i > 0 {
                let Some([before, this]) = accounts.get_mut(i - 1..=i) else { break };
                if key(before) <= key(this) {
                    break;
                }
                core::mem::swap(before, this);
                i -= 1;
            }
        }
        Self { threshold: 1, keys: Vec::new(), accounts, waits: Vec::new() }
    }

    /// One key plus these permission levels, threshold 1.
    pub fn key_and_accounts(key: PublicKey, levels: &[PermissionLevel]) -> Self {
        let mut authority = Self::accounts(levels);
        authority.keys.push(KeyWeight { key, weight: 1 });
        authority
    }
}

macro_rules! system_actions {
    ($($(#[$meta:meta])* $ty:ident = $name:literal { $($field:ident : $fty:ty),* $(,)? })*) => {
        $(
            $(#[$meta])*
            #[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes)]
            pub struct $ty { $(pub $field: $fty),* }

            impl crate::ActionData for $ty {
                const NAME: Name = crate::n($name);
                type Return = crate::interface::Nothing;
            }
        )*
    };
}

system_actions! {
    /// `eosio::newaccount`.
    NewAccount = "newaccount" { creator: Name, name: Name, owner: Authority, active: Authority }
    /// `eosio::buyram`: buys RAM for `receiver` with `quant` of the core token.
    BuyRam = "buyram" { payer: Name, receiver: Name, quant: Asset }
    /// `eosio::buyrambytes`.
    BuyRamBytes = "buyrambytes" { payer: Name, receiver: Name, bytes: u32 }
    /// `eosio::sellram`: sells `bytes` of `account`'s RAM back to the market.
    SellRam = "sellram" { account: Name, bytes: i64 }
    /// `eosio::delegatebw`: stakes NET and CPU for `receiver`.
    DelegateBw = "delegatebw" { from: Name, receiver: Name, stake_net_quantity: Asset, stake_cpu_quantity: Asset, transfer: bool }
    /// `eosio::updateauth` (Leap 4 form, without the authorising-permission extension).
    UpdateAuth = "updateauth" { account: Name, permission: Name, parent: Name, auth: Authority }
    /// `eosio::linkauth`.
    LinkAuth = "linkauth" { account: Name, code: Name, type_: Name, requirement: Name }
    /// `eosio::unlinkauth`.
    UnlinkAuth = "unlinkauth" { account: Name, code: Name, type_: Name }
    /// `eosio::deleteauth`.
    DeleteAuth = "deleteauth" { account: Name, permission: Name }
    /// `eosio::setcode`.
    SetCode = "setcode" { account: Name, vmtype: u8, vmversion: u8, code: Vec<u8> }
    /// `eosio::setabi`.
    SetAbi = "setabi" { account: Name, abi: Vec<u8> }
    /// `eosio::setpriv`.
    SetPriv = "setpriv" { account: Name, is_priv: u8 }
    /// `eosio::activate` (bios): activates a protocol feature.
    Activate = "activate" { feature_digest: eosio::Checksum256 }
    /// `eosio::init` (system): sets the core symbol.
    SystemInit = "init" { version: eosio::UnsignedInt, core: Symbol }
    /// `eosio::bidname`: bids for a short name in the system contract's auction.
    BidName = "bidname" { bidder: Name, newname: Name, bid: Asset }
    /// `eosio.token::create`.
    TokenCreate = "create" { issuer: Name, maximum_supply: Asset }
    /// `eosio.token::issue`.
    TokenIssue = "issue" { to: Name, quantity: Asset, memo: String }
    /// `eosio.token::transfer`.
    TokenTransfer = "transfer" { from: Name, to: Name, quantity: Asset, memo: String }
}

/// A row of `eosio.token`'s `accounts` table (scope = owner, key = symbol code).
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes)]
pub struct TokenBalance {
    pub balance: Asset,
}

/// `eosio.token`'s `accounts` table.
pub struct TokenAccounts;

impl eosio::Table for TokenAccounts {
    const NAME: eosio::TableName = eosio::TableName::new(crate::name::name_value("accounts"));
    type Row = TokenBalance;
    fn primary_key(row: &TokenBalance) -> u64 {
        row.balance.symbol.code().as_u64()
    }
}

/// A row of `eosio`'s `namebids` table (scope `eosio`): an auction for a short name.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes)]
pub struct NameBid {
    pub newname: Name,
    pub high_bidder: Name,
    pub high_bid: i64,
    pub last_bid_time: eosio::TimePoint,
}

/// `eosio`'s `namebids` table.
pub struct NameBids;

impl eosio::Table for NameBids {
    const NAME: eosio::TableName = eosio::TableName::new(crate::name::name_value("namebids"));
    type Row = NameBid;
    fn primary_key(row: &NameBid) -> u64 {
        row.newname.as_u64()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::n;

    #[test]
    fn accounts_are_sorted_stably_by_actor_then_permission() {
        let level = |actor: &str, permission: &str| crate::action::level(n(actor), n(permission));
        let cases: [&[PermissionLevel]; 5] = [
            &[],
            &[level("soviet", "eosio.code")],
            &[level("wallet", "eosio.code"), level("registrator", "eosio.code"), level("soviet", "eosio.code")],
            &[
                level("b", "active"),
                level("a", "owner"),
                level("a", "active"),
                level("b", "active"),
                level("a", "owner"),
            ],
            &[level("e", "x"), level("d", "x"), level("c", "x"), level("b", "x"), level("a", "x")],
        ];
        for levels in cases {
            let mut expected: Vec<PermissionLevelWeight> =
                levels.iter().map(|l| PermissionLevelWeight { permission: *l, weight: 1 }).collect();
            expected.sort_by_key(|a| (a.permission.actor.as_u64(), a.permission.permission.as_u64()));
            assert_eq!(Authority::accounts(levels).accounts, expected);
        }
    }
}
