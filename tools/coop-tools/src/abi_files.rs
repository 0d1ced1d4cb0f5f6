//! The committed ABI files, `abi/<contract>.abi`, generated from the contracts' types.
use crate::tools::workspace_root;
use coop_abi::Abi;
use std::path::PathBuf;

/// Every contract of the platform with its generated ABI, in deployment order.
pub fn contract_abis() -> Vec<(&'static str, Abi)> {
    vec![
        ("registrator", coop_protocol::registrator::abi()),
        ("soviet", coop_protocol::soviet::abi()),
        ("wallet", coop_protocol::wallet::abi()),
        ("operator", coop_protocol::operator::abi()),
    ]
}

/// The ABI as it is committed: pretty JSON with a final newline.
pub fn abi_json(abi: &Abi) -> String {
    let mut text = serde_json::to_string_pretty(abi).expect("an ABI always serialises");
    text.push('\n');
    text
}

/// `abi/<contract>.abi`.
pub fn abi_path(contract: &str) -> PathBuf {
    workspace_root().join("abi").join(format!("{contract}.abi"))
}

/// The contracts whose committed ABI differs from the generated one.
pub fn stale_abis() -> Vec<&'static str> {
    contract_abis()
        .into_iter()
        .filter(|(name, abi)| std::fs::read_to_string(abi_path(name)).ok() != Some(abi_json(abi)))
        .map(|(name, _)| name)
        .collect()
}
