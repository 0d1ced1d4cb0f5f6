//! `localnet up|down|status|reset [options]`: the local network of real nodeos with our
//! contracts deployed. This file reads the command line; the work is done by
//! `antelope_test_harness::localnet`. `localnet/README.md` explains more.
//!
//! Progress lines go to stderr (`==> …`); the summary of `up`/`reset` and the output of `status`
//! go to stdout. Exit status: 0 on success (also `status` of a stopped localnet), 1 when a step
//! fails, 2 for a bad command line.

use std::path::PathBuf;
use std::process::ExitCode;

use antelope_test_harness::localnet::{self, LocalnetOptions, MAX_NODES};

fn usage() -> String {
    let (http, p2p) = (localnet::DEFAULT_HTTP_PORT, localnet::DEFAULT_P2P_PORT);
    format!(
        "\
usage: localnet <command> [options]

commands:
  up      start the nodes that are not running, boot the chain and deploy the contracts
  down    stop the nodes this localnet started
  status  show each node: running or not, URL, head and irreversible block, chain id
  reset   down, delete the localnet's data, then up again with the same options

options of up and reset (default: the options of the last up, else the value shown):
  --nodes N         number of nodes, 1 to {MAX_NODES}; node 0 produces, the others follow (default 1)
  --http-port P     HTTP port of node 0; node i listens on P+i (default {http})
  --p2p-port Q      P2P port of node 0; node i listens on Q+i (default {p2p})
options of every command:
  --data-dir DIR    the localnet's data (default ${}, else <workspace>/.localnet)
  -h, --help        print this text
",
        localnet::DIR_ENV
    )
}

/// A `localnet` sub-command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verb {
    Up,
    Down,
    Status,
    Reset,
}

/// A command line: the sub-command and the flags given (`None`: not given).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Invocation {
    verb: Verb,
    nodes: Option<usize>,
    http_port: Option<u16>,
    p2p_port: Option<u16>,
    data_dir: Option<PathBuf>,
}

impl Invocation {
    /// `--data-dir`, else `$LOCALNET_DIR`, else `<workspace>/.localnet`.
    fn data_dir(&self) -> PathBuf {
        self.data_dir.clone().unwrap_or_else(localnet::default_data_dir)
    }

    /// The options of `up`/`reset`: flags given, else those the last `up` recorded, else defaults.
    fn options(&self) -> Result<LocalnetOptions, localnet::LocalnetError> {
        LocalnetOptions::resolve(&self.data_dir(), self.nodes, self.http_port, self.p2p_port)
    }
}

fn main() -> ExitCode {
    let call = match parse(std::env::args().skip(1)) {
        Ok(Some(call)) => call,
        Ok(None) => {
            print!("{}", usage());
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("localnet: {e}\n\n{}", usage());
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

/// Parses the arguments after the program name; `Ok(None)` means `--help`. The error says what
/// is wrong (printed with the usage).
fn parse<I, S>(args: I) -> Result<Option<Invocation>, String>
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    let mut args = args.into_iter().map(Into::into);
    let mut verb = None;
    let mut call = Invocation { verb: Verb::Status, nodes: None, http_port: None, p2p_port: None, data_dir: None };
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" || arg == "help" {
            return Ok(None);
        }
        if let Some(flag) = arg.strip_prefix("--") {
            let (flag, inline) = match flag.split_once('=') {
                Some((flag, value)) => (flag, Some(value.to_string())),
                None => (flag, None),
            };
            // Read only for known flags, so that an unknown one is reported as such.
            let mut value = || inline.clone().or_else(|| args.next()).ok_or_else(|| format!("--{flag} needs a value"));
            match flag {
                "nodes" => call.nodes = Some(number(flag, &value()?)?),
                "http-port" => call.http_port = Some(number(flag, &value()?)?),
                "p2p-port" => call.p2p_port = Some(number(flag, &value()?)?),
                "data-dir" => call.data_dir = Some(PathBuf::from(value()?)),
                _ => return Err(format!("unknown option --{flag}")),
            }
            continue;
        }
        if verb.is_some() {
            return Err(format!("unexpected argument {arg:?}"));
        }
        verb = Some(match arg.as_str() {
            "up" => Verb::Up,
            "down" => Verb::Down,
            "status" => Verb::Status,
            "reset" => Verb::Reset,
            _ => return Err(format!("unknown command {arg:?}")),
        });
    }
    call.verb = verb.ok_or("no command given")?;
    let layout_flags = call.nodes.is_some() || call.http_port.is_some() || call.p2p_port.is_some();
    if layout_flags && matches!(call.verb, Verb::Down | Verb::Status) {
        return Err("--nodes, --http-port and --p2p-port apply to `up` and `reset` only".into());
    }
    Ok(Some(call))
}

fn number<T: std::str::FromStr>(flag: &str, text: &str) -> Result<T, String> {
    text.parse().map_err(|_| format!("--{flag}: {text:?} is not a valid number"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Invocation {
        match parse(args.iter().copied()) {
            Ok(Some(call)) => call,
            other => panic!("{args:?}: {other:?}"),
        }
    }

    #[test]
    fn parses_commands_and_flags() {
        let call = run(&["up", "--nodes", "3", "--http-port=18888", "--data-dir", "/tmp/x"]);
        assert_eq!(call.verb, Verb::Up);
        assert_eq!(call.nodes, Some(3));
        assert_eq!(call.http_port, Some(18888));
        assert_eq!(call.p2p_port, None);
        assert_eq!(call.data_dir(), PathBuf::from("/tmp/x"));
        assert_eq!(run(&["down"]).verb, Verb::Down);
        assert_eq!(run(&["status", "--data-dir=/d"]).verb, Verb::Status);
        assert_eq!(run(&["reset", "--p2p-port", "1000"]).p2p_port, Some(1000));
        assert_eq!(parse(["up", "--help"]), Ok(None));
    }

    #[test]
    fn rejects_bad_command_lines() {
        for (args, wanted) in [
            (&[][..], "no command"),
            (&["start"][..], "unknown command"),
            (&["up", "--nodes"][..], "needs a value"),
            (&["up", "--nodes", "many"][..], "not a valid number"),
            (&["up", "--http-port", "70000"][..], "not a valid number"),
            (&["up", "--verbose"][..], "unknown option --verbose"),
            (&["up", "down"][..], "unexpected argument"),
            (&["status", "--nodes", "2"][..], "apply to `up` and `reset` only"),
        ] {
            let err = parse(args.iter().copied()).unwrap_err();
            assert!(err.contains(wanted), "{args:?}: {err}");
        }
    }

    #[test]
    fn invalid_options_are_refused_before_anything_starts() {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path().display().to_string();
        let err = run(&["up", "--nodes", "0", "--data-dir", &dir]).options().unwrap_err();
        assert!(err.to_string().contains("--nodes must be between 1"), "{err}");
    }
}
