//! `check-wasm FILE…`: checks contract WASM files the way nodeos will (MVP only, data segments in
//! the first 64 KiB, an exported `apply`). Prints `name  size  OK` per file, or the error; exits 1
//! if any file fails.

use std::path::Path;
use std::process::ExitCode;

use antelope_test_harness::wasm_check::check_contract_wasm;

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: check-wasm FILE.wasm…");
        return ExitCode::from(2);
    }
    let mut failed = false;
    for file in &files {
        let name = Path::new(file).file_name().map_or(file.clone(), |n| n.to_string_lossy().into_owned());
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
