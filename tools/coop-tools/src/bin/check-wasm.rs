//! `check-wasm FILE…`: checks contract WASM files the way nodeos will (MVP only, data segments in
//! the first 64 KiB, an exported `apply`). Prints `name  size  OK` per file, or the error; exits 1
//! if any file fails, 2 for a bad command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use coop_tools::wasm_check::check_contract_wasm;

/// Checks contract WASM files the way nodeos will: WebAssembly MVP only, data segments in the
/// first 64 KiB, an exported `apply`. Prints `name  size  OK` per file, or the error.
#[derive(Parser, Debug)]
#[command(name = "check-wasm")]
struct Cli {
    /// The WASM files to check.
    #[arg(value_name = "FILE.wasm", required = true)]
    files: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut failed = false;
    for file in &cli.files {
        let name = file.file_name().map_or_else(|| file.display().to_string(), |n| n.to_string_lossy().into_owned());
        let result = std::fs::read(file).map_err(|e| e.to_string()).and_then(|b| check_contract_wasm(&b));
        match result {
            Ok(report) => println!("{name:<24} {:>8}  OK", report.size),
            Err(e) => {
                println!("{name:<24} FAILED: {e}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_line() {
        Cli::command().debug_assert();
        let cli = Cli::try_parse_from(["check-wasm", "a.wasm", "b.wasm"]).unwrap();
        assert_eq!(cli.files, [PathBuf::from("a.wasm"), PathBuf::from("b.wasm")]);
        assert!(Cli::try_parse_from(["check-wasm"]).is_err(), "at least one file");
    }
}
