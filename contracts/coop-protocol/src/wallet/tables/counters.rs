//! `counters` (scope = the contract): the last ids issued in each cooperative.
use coop_runtime::AbiType;
use eosio::{Name, NumBytes, Read, Write};

/// The last deposit and withdrawal ids of a cooperative (ids start at 1 and are never
/// reused or chosen by the caller).
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct CounterRow {
    pub coopname: Name,
    pub deposits: u64,
    pub withdrawals: u64,
}

coop_runtime::table!(
    /// Counters by cooperative, scope = the contract. RAM: paid by the operator at
    /// connection (`openledger`); updated in place; one per cooperative.
    Counters, "counters", CounterRow, |row| row.coopname.as_u64()
);
