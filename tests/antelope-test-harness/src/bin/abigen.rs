//! Writes `abi/<contract>.abi` from the contracts' Rust types, or with `--check` fails
//! when a committed ABI is stale.
use antelope_test_harness::abi_files::{abi_json, abi_path, contract_abis, stale_abis};
use std::process::ExitCode;

fn main() -> ExitCode {
    if std::env::args().any(|arg| arg == "--check") {
        let stale = stale_abis();
        if stale.is_empty() {
            println!("abi/ is up to date");
            return ExitCode::SUCCESS;
        }
        eprintln!("abi/ is stale for: {} (run scripts/abigen and commit abi/)", stale.join(", "));
        return ExitCode::FAILURE;
    }
    for (name, abi) in contract_abis() {
        let path = abi_path(name);
        if let Err(err) = std::fs::write(&path, abi_json(&abi)) {
            eprintln!("cannot write {}: {err}", path.display());
            return ExitCode::FAILURE;
        }
        println!("wrote {}", path.display());
    }
    ExitCode::SUCCESS
}
