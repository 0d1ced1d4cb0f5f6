//! Writes `abi/<contract>.abi` from the contracts' Rust types, or with `--check` fails
//! when a committed ABI is stale.
use clap::Parser;
use coop_tools::abi_files::{abi_json, abi_path, contract_abis, stale_abis};
use std::process::ExitCode;

/// The command line.
#[derive(Parser, Debug)]
#[command(name = "abigen", about = "Writes abi/<contract>.abi from the contracts' Rust types (scripts/abigen).")]
struct Cli {
    /// Write nothing; fail when a committed ABI differs from the one the code generates.
    #[arg(long)]
    check: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.check {
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_line() {
        Cli::command().debug_assert();
        assert!(Cli::try_parse_from(["abigen", "--check"]).unwrap().check);
        assert!(!Cli::try_parse_from(["abigen"]).unwrap().check);
        assert!(Cli::try_parse_from(["abigen", "--force"]).is_err());
    }
}
