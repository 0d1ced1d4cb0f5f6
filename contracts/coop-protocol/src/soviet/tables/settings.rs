//! `settings` and `counters` (scope = the contract, one row per cooperative).
use coop_runtime::AbiType;
use eosio::{Name, NumBytes, Read, Write};

/// How long a decision stays open when the cooperative has not chosen: 30 days.
pub const DEFAULT_DECISION_TTL: u32 = 30 * 24 * 60 * 60;
/// The shortest decision lifetime `setttl` accepts, in seconds.
pub const MIN_DECISION_TTL: u32 = 1;
/// The longest decision lifetime `setttl` accepts: 365 days.
pub const MAX_DECISION_TTL: u32 = 365 * 24 * 60 * 60;

/// A cooperative's settings for its council (written by `setttl`).
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct CoopSettings {
    pub coopname: Name,
    /// Seconds from a decision's creation to its expiry.
    pub decision_ttl: u32,
}

coop_runtime::table!(
    /// Settings by cooperative; no row means the defaults. RAM: paid by the cooperative
    /// (it signs `setttl`); kept while the cooperative exists; one row per cooperative.
    Settings, "settings", CoopSettings, |row| row.coopname.as_u64()
);

/// The last decision id given out in a cooperative (ids start at 1, never reused).
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct DecisionCounter {
    pub coopname: Name,
    pub last_id: u64,
}

coop_runtime::table!(
    /// Decision counters by cooperative. RAM: paid by the operator when the council is
    /// created at connection, then only updated in place; kept while the cooperative
    /// exists; one row per cooperative.
    Counters, "counters", DecisionCounter, |row| row.coopname.as_u64()
);
