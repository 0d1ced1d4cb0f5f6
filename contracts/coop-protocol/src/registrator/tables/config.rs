//! `config`: what an account costs, written by `init` (the peers live in `peers`).
use super::super::actions::AccountResources;
use coop_runtime::AbiType;
use eosio::{NumBytes, Read, Write};

/// The registrator's settings (primary key 0).
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
#[abi(name = "config_row")]
pub struct ConfigRow {
    pub resources: AccountResources,
}

coop_runtime::table!(
    /// The settings table. RAM: paid by the registrator at `init`; one row.
    Config, "config", ConfigRow, |_row| 0
);
