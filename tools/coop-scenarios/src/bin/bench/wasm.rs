//! WASM bytes per contract and in total, as `scripts/build` left them, next to the C++
//! system contracts shipped with the node.
use coop_tools::tools;
use serde::Serialize;
use std::collections::BTreeMap;

/// Our contracts.
pub const CONTRACTS: [&str; 4] = ["operator", "registrator", "soviet", "wallet"];
/// The C++ contracts shown alongside.
const CPP: [&str; 3] = ["eosio.token", "eosio.msig", "eosio.system"];
/// The target for the four together.
pub const TARGET_TOTAL: u64 = 150_000;

/// The WASM part of the report.
#[derive(Clone, Debug, Serialize)]
pub struct WasmReport {
    /// Bytes of each of our contracts, and `total`.
    pub ours: BTreeMap<String, u64>,
    /// Bytes of the shipped C++ contracts (for comparison; not in the total).
    pub cpp: BTreeMap<String, u64>,
    pub target_total: u64,
}

impl WasmReport {
    /// The four together.
    pub fn total(&self) -> u64 {
        self.ours.get("total").copied().unwrap_or(0)
    }
}

/// Reads the sizes; an error names a missing file (run `scripts/build`).
pub fn sizes() -> Result<WasmReport, String> {
    let mut ours = BTreeMap::new();
    for contract in CONTRACTS {
        let path = tools::contract_wasm(contract);
        let bytes = std::fs::metadata(&path).map_err(|e| format!("{}: {e} (run scripts/build)", path.display()))?.len();
        ours.insert(contract.to_string(), bytes);
    }
    let total = ours.values().sum();
    ours.insert("total".to_string(), total);
    let cpp = CPP
        .iter()
        .filter_map(|name| {
            let (wasm, _) = tools::system_contract(name).ok()?;
            Some((name.to_string(), std::fs::metadata(wasm).ok()?.len()))
        })
        .collect();
    Ok(WasmReport { ours, cpp, target_total: TARGET_TOTAL })
}
