//! `coops`: the cooperatives registry.
use alloc::string::String;
use coop_runtime::{n, AbiType};
use eosio::{Asset, Name, NumBytes, Read, Symbol, TimePointSec, Write};

/// Cooperative status: working.
pub const COOP_ACTIVE: Name = n("active");
/// Cooperative status: blocked by the operator.
pub const COOP_BLOCKED: Name = n("blocked");

/// A registered cooperative.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Cooperative {
    pub username: Name,
    /// `active` or `blocked`.
    pub status: Name,
    pub symbol: Symbol,
    pub initial: Asset,
    pub minimum: Asset,
    pub org_initial: Asset,
    pub org_minimum: Asset,
    pub announce: String,
    pub description: String,
    /// Always `branch_count >= 3`.
    pub is_branched: bool,
    pub branch_count: u32,
    pub created_at: TimePointSec,
}

coop_runtime::table!(
    /// Cooperatives by account name, scope = the contract. RAM: paid by the operator at
    /// connection; kept while the cooperative exists; one per connected cooperative.
    Coops, "coops", Cooperative, |row| row.username.as_u64()
);
