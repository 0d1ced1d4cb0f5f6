//! `localnet up|down|status|reset [options]`: the local network of real nodeos with our
//! contracts deployed. Run with `--help` for the options; `localnet/README.md` explains more.
//!
//! Progress lines go to stderr (`==> …`); the summary of `up`/`reset` and the output of `status`
//! go to stdout.

use std::process::ExitCode;

use antelope_test_harness::localnet::{self, Command, Verb, USAGE};

fn main() -> ExitCode {
    let call = match Command::parse(std::env::args().skip(1)) {
        Ok(Command::Help) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Ok(Command::Run(call)) => call,
        Err(e) => {
            eprintln!("localnet: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut progress = |line: &str| eprintln!("==> {line}");
    let result = match call.verb {
        Verb::Up => call
            .options()
            .and_then(|options| localnet::up(&options, &mut progress))
            .map(|summary| println!("{summary}")),
        Verb::Reset => call
            .options()
            .and_then(|options| localnet::reset(&options, &mut progress))
            .map(|summary| println!("{summary}")),
        Verb::Down => localnet::down(&call.data_dir(), &mut progress).map(drop),
        Verb::Status => localnet::status(&call.data_dir()).map(|status| println!("{status}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("localnet: {e}");
            ExitCode::FAILURE
        }
    }
}
