//! `localnet up|down|status|reset [options]`: the local network of real nodeos with our
//! contracts deployed. This file reads the command line (`clap`); the work is done by
//! `coop_tools::localnet`. `localnet/README.md` explains more.
//!
//! Progress lines go to stderr (`==> …`); the summary of `up`/`reset` and the output of `status`
//! go to stdout. Exit status: 0 on success (also `status` of a stopped localnet), 1 when a step
//! fails, 2 for a bad command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use coop_tools::localnet::{self, LocalnetOptions, MAX_NODES};

/// The local network: real nodeos on this machine, booted like a public chain, with the
/// contracts deployed.
#[derive(Parser, Debug)]
#[command(
    name = "localnet",
    after_help = "Options of up and reset default to the options of the last up, else to \
the value shown. See localnet/README.md."
)]
struct Cli {
    #[command(subcommand)]
    command: Verb,
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        help = format!("The localnet's data (default ${}, else <workspace>/.localnet)", localnet::DIR_ENV)
    )]
    data_dir: Option<PathBuf>,
}

/// A `localnet` sub-command.
#[derive(Subcommand, Clone, Debug, PartialEq, Eq)]
enum Verb {
    /// Start the nodes that are not running, boot the chain and deploy the contracts.
    Up(Layout),
    /// Stop the nodes this localnet started.
    Down,
    /// Show each node: running or not, URL, head and irreversible block, chain id.
    Status,
    /// Down, delete the localnet's data, then up again with the same options.
    Reset(Layout),
}

/// The options of `up` and `reset` (`None`: not given).
#[derive(Args, Clone, Debug, Default, PartialEq, Eq)]
struct Layout {
    #[arg(
        long,
        value_name = "N",
        help = format!("Number of nodes, 1 to {MAX_NODES}; node 0 produces, the others follow (default 1)")
    )]
    nodes: Option<usize>,
    #[arg(
        long,
        value_name = "P",
        help = format!("HTTP port of node 0; node i listens on P+i (default {})", localnet::DEFAULT_HTTP_PORT)
    )]
    http_port: Option<u16>,
    #[arg(
        long,
        value_name = "Q",
        help = format!("P2P port of node 0; node i listens on Q+i (default {})", localnet::DEFAULT_P2P_PORT)
    )]
    p2p_port: Option<u16>,
}

impl Cli {
    /// `--data-dir`, else `$LOCALNET_DIR`, else `<workspace>/.localnet`.
    fn data_dir(&self) -> PathBuf {
        self.data_dir.clone().unwrap_or_else(localnet::default_data_dir)
    }

    /// The options of `up`/`reset`: flags given, else those the last `up` recorded, else defaults.
    fn options(&self, layout: &Layout) -> Result<LocalnetOptions, localnet::LocalnetError> {
        LocalnetOptions::resolve(&self.data_dir(), layout.nodes, layout.http_port, layout.p2p_port)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut progress = |line: &str| eprintln!("==> {line}");
    let result = match &cli.command {
        Verb::Up(layout) => cli
            .options(layout)
            .and_then(|options| localnet::up(&options, &mut progress))
            .map(|summary| println!("{summary}")),
        Verb::Reset(layout) => cli
            .options(layout)
            .and_then(|options| localnet::reset(&options, &mut progress))
            .map(|summary| println!("{summary}")),
        Verb::Down => localnet::down(&cli.data_dir(), &mut progress).map(drop),
        Verb::Status => localnet::status(&cli.data_dir()).map(|status| println!("{status}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("localnet: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::error::ErrorKind;
    use clap::CommandFactory;

    fn run(args: &[&str]) -> Cli {
        Cli::try_parse_from(std::iter::once("localnet").chain(args.iter().copied()))
            .unwrap_or_else(|e| panic!("{args:?}: {e}"))
    }

    fn error(args: &[&str]) -> clap::Error {
        Cli::try_parse_from(std::iter::once("localnet").chain(args.iter().copied())).unwrap_err()
    }

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn parses_commands_and_flags() {
        let call = run(&["up", "--nodes", "3", "--http-port=18888", "--data-dir", "/tmp/x"]);
        assert_eq!(call.command, Verb::Up(Layout { nodes: Some(3), http_port: Some(18888), p2p_port: None }));
        assert_eq!(call.data_dir(), PathBuf::from("/tmp/x"));
        assert_eq!(run(&["down"]).command, Verb::Down);
        assert_eq!(run(&["status", "--data-dir=/d"]).data_dir(), PathBuf::from("/d"));
        assert_eq!(run(&["--data-dir", "/d", "status"]).data_dir(), PathBuf::from("/d"));
        assert_eq!(
            run(&["reset", "--p2p-port", "1000"]).command,
            Verb::Reset(Layout { p2p_port: Some(1000), ..Layout::default() })
        );
        assert_eq!(error(&["up", "--help"]).kind(), ErrorKind::DisplayHelp);
        assert_eq!(error(&["help"]).kind(), ErrorKind::DisplayHelp);
    }

    #[test]
    fn rejects_bad_command_lines() {
        // No command at all: the help, as an error (exit code 2).
        let err = error(&[]);
        assert_eq!(err.kind(), ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand);
        assert_ne!(err.exit_code(), 0);
        for (args, wanted) in [
            (&["start"][..], "unrecognized subcommand"),
            (&["up", "--nodes"][..], "a value is required"),
            (&["up", "--nodes", "many"][..], "invalid value"),
            (&["up", "--http-port", "70000"][..], "invalid value"),
            (&["up", "--verbose"][..], "unexpected argument '--verbose'"),
            (&["up", "down"][..], "unexpected argument 'down'"),
            (&["status", "--nodes", "2"][..], "unexpected argument '--nodes'"),
        ] {
            let err = error(args);
            assert_ne!(err.exit_code(), 0, "{args:?}");
            assert!(err.to_string().contains(wanted), "{args:?}: {err}");
        }
    }

    #[test]
    fn invalid_options_are_refused_before_anything_starts() {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path().display().to_string();
        let call = run(&["up", "--nodes", "0", "--data-dir", &dir]);
        let Verb::Up(layout) = &call.command else { panic!("up") };
        let err = call.options(layout).unwrap_err();
        assert!(err.to_string().contains("--nodes must be between 1"), "{err}");
    }
}
