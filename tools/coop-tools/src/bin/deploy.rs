//! `deploy --url URL --key WIF… [options]`: deploys the contracts (built by `scripts/build`) to any
//! Antelope network whose contract accounts already exist: code and ABI, each account's
//! `eosio.code` permission, and every `init`. Idempotent. Run with `--help` for the options.
//!
//! The command line is read with `clap`; `--url` and `--key` fall back on the environment
//! (`DEPLOY_URL`, `DEPLOY_KEYS`), every other option on [`coop_tools::defaults`].
//! Progress lines go to stderr (`==> …`), the final line to stdout. Exit status: 0 on success,
//! 1 when a step fails, 2 for a bad command line.

use std::fmt;
use std::process::ExitCode;
use std::str::FromStr;

use antelope_client::client::{ChainError, Client};
use antelope_client::keys::{PrivateKey, DEV_PRIVATE_KEY};
use clap::error::ErrorKind;
use clap::{Args as ClapArgs, CommandFactory, Parser};
use coop_protocol::operator::ConnectResources;
use coop_protocol::registrator::AccountResources;
use coop_runtime::asset_text::{asset_to_string, parse_asset};
use coop_runtime::Peers;
use coop_tools::defaults::{default_account_resources, default_connect_resources, default_peers};
use coop_tools::deploy::{contract_accounts, deploy_contracts, DeployPlan};
use eosio::{Asset, Name};

/// The environment variable `--url` falls back on.
const URL_ENV: &str = "DEPLOY_URL";
/// The environment variable `--key` falls back on (comma-separated keys).
const KEYS_ENV: &str = "DEPLOY_KEYS";

/// Deploys the contracts built by scripts/build (target/wasm32v1-none/contract/*.wasm, abi/*.abi)
/// to an Antelope network: code and ABI, each account's eosio.code permission, every init.
/// Safe to run again. The contract accounts must exist, with RAM for the code.
#[derive(Parser, Debug)]
#[command(name = "deploy", after_help = after_help())]
struct Cli {
    /// The node's HTTP API (env DEPLOY_URL).
    #[arg(long, value_name = "URL")]
    url: Option<String>,
    /// A private key (WIF 5… or PVT_K1_…) that controls a contract account's active
    /// permission; repeat for several (env DEPLOY_KEYS, comma-separated).
    #[arg(long = "key", value_name = "KEY")]
    keys: Vec<String>,
    /// Also give the operator's code eosio@connect (linked to eosio::newaccount); needs eosio's
    /// key, so on a public network the chain's owner does this step instead.
    #[arg(long)]
    grant_connect: bool,

    #[command(flatten, next_help_heading = "Contract accounts")]
    accounts: Accounts,
    #[command(flatten, next_help_heading = "What a member's account costs its cooperative (registrator init)")]
    account_costs: AccountCosts,
    #[command(flatten, next_help_heading = "What connecting a cooperative costs the operator (operator init)")]
    connect_costs: ConnectCosts,
}

/// `--operator`, `--registrator`, `--soviet`, `--wallet`.
#[derive(ClapArgs, Debug)]
struct Accounts {
    /// The operator account.
    #[arg(long, value_name = "A", value_parser = account, default_value_t = default_peers().operator)]
    operator: Name,
    /// The registrator contract account.
    #[arg(long, value_name = "A", value_parser = account, default_value_t = default_peers().registrator)]
    registrator: Name,
    /// The soviet contract account.
    #[arg(long, value_name = "A", value_parser = account, default_value_t = default_peers().soviet)]
    soviet: Name,
    /// The wallet contract account.
    #[arg(long, value_name = "A", value_parser = account, default_value_t = default_peers().wallet)]
    wallet: Name,
}

/// `--account-*`: `registrator::init`'s resources. (Quantities take values that start with
/// `-`, so that a negative one is refused as such.)
#[derive(ClapArgs, Debug)]
struct AccountCosts {
    /// RAM.
    #[arg(long = "account-ram", value_name = "Q", allow_hyphen_values = true,
          default_value_t = default_account_resources().ram.into())]
    ram: Quantity,
    /// NET stake.
    #[arg(long = "account-net", value_name = "Q", allow_hyphen_values = true,
          default_value_t = default_account_resources().net.into())]
    net: Quantity,
    /// CPU stake.
    #[arg(long = "account-cpu", value_name = "Q", allow_hyphen_values = true,
          default_value_t = default_account_resources().cpu.into())]
    cpu: Quantity,
}

/// `--connect-*`: `operator::init`'s resources.
#[derive(ClapArgs, Debug)]
struct ConnectCosts {
    /// RAM for the cooperative's account.
    #[arg(long = "connect-coop-ram", value_name = "Q", allow_hyphen_values = true,
          default_value_t = default_connect_resources().coop_ram.into())]
    coop_ram: Quantity,
    /// NET staked for the cooperative.
    #[arg(long = "connect-coop-net", value_name = "Q", allow_hyphen_values = true,
          default_value_t = default_connect_resources().coop_net.into())]
    coop_net: Quantity,
    /// CPU staked for the cooperative.
    #[arg(long = "connect-coop-cpu", value_name = "Q", allow_hyphen_values = true,
          default_value_t = default_connect_resources().coop_cpu.into())]
    coop_cpu: Quantity,
    /// RAM for each founder's account.
    #[arg(long = "connect-member-ram", value_name = "Q", allow_hyphen_values = true,
          default_value_t = default_connect_resources().member_ram.into())]
    member_ram: Quantity,
    /// NET staked for each founder.
    #[arg(long = "connect-member-net", value_name = "Q", allow_hyphen_values = true,
          default_value_t = default_connect_resources().member_net.into())]
    member_net: Quantity,
    /// CPU staked for each founder.
    #[arg(long = "connect-member-cpu", value_name = "Q", allow_hyphen_values = true,
          default_value_t = default_connect_resources().member_cpu.into())]
    member_cpu: Quantity,
    /// Core tokens given to the cooperative.
    #[arg(long = "connect-coop-funds", value_name = "Q", allow_hyphen_values = true,
          default_value_t = default_connect_resources().coop_funds.into())]
    coop_funds: Quantity,
}

/// The end of `--help`: the quantities' format and the localnet's example.
fn after_help() -> String {
    format!(
        "\
Q is an asset in the network's core symbol and precision, quoted: --account-ram '{}'.

On the localnet (scripts/localnet up), whose accounts the public development key controls:
  scripts/deploy --url http://127.0.0.1:8888 --key {DEV_PRIVATE_KEY}
Never use that key on any other network.",
        asset_to_string(&default_account_resources().ram)
    )
}

/// The chain's code for "no such account" from `get_account`.
const ACCOUNT_QUERY_EXCEPTION: i64 = 3_060_002;

/// A command line with the environment's fallbacks applied and the keys read.
#[derive(Debug)]
struct Args {
    url: String,
    keys: Vec<PrivateKey>,
    peers: Peers,
    resources: AccountResources,
    connect: ConnectResources,
    grant_connect: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let args = match cli.resolve(&|name| std::env::var(name).ok()) {
        Ok(args) => args,
        Err(e) => Cli::command().error(ErrorKind::MissingRequiredArgument, e).exit(),
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("deploy: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    let mut progress = |line: &str| eprintln!("==> {line}");
    let client = Client::new(&args.url);
    for key in &args.keys {
        client.add_key(key.clone());
    }
    let info = client.get_info().map_err(|e| format!("cannot reach the node: {e}"))?;
    progress(&format!("connected to {} (chain {}, head block {})", args.url, info.chain_id, info.head_block_num));
    let contracts = contract_accounts(&args.peers);
    let mut missing = Vec::new();
    for (contract, account) in contracts {
        match client.get_account(account) {
            Ok(_) => {}
            Err(ChainError::Node(e)) if e.code == ACCOUNT_QUERY_EXCEPTION => {
                missing.push(format!("`{account}` (for the {contract} contract)"));
            }
            Err(e) => return Err(format!("looking up account {account}: {e}")),
        }
    }
    if !missing.is_empty() {
        return Err(format!(
            "missing account{} on {}: {}. Create {} first (with RAM for the code, about ten \
             times the WASM size), or name other accounts with --operator/--registrator/\
             --soviet/--wallet.",
            if missing.len() == 1 { "" } else { "s" },
            args.url,
            missing.join(", "),
            if missing.len() == 1 { "it" } else { "them" },
        ));
    }
    let placement: Vec<String> =
        contracts.iter().map(|(contract, account)| format!("{contract} on {account}")).collect();
    let (r, c) = (&args.resources, &args.connect);
    let show = asset_to_string;
    progress(&format!("deploying {}", placement.join(", ")));
    progress(&format!(
        "a member's account costs its cooperative RAM {}, NET {}, CPU {}",
        show(&r.ram),
        show(&r.net),
        show(&r.cpu)
    ));
    progress(&format!(
        "connecting a cooperative costs the operator RAM {}, NET {}, CPU {} for the \
         cooperative, RAM {}, NET {}, CPU {} per founder, and {} of funds",
        show(&c.coop_ram),
        show(&c.coop_net),
        show(&c.coop_cpu),
        show(&c.member_ram),
        show(&c.member_net),
        show(&c.member_cpu),
        show(&c.coop_funds)
    ));
    deploy_contracts(
        &client,
        &DeployPlan {
            peers: args.peers,
            account_resources: args.resources.clone(),
            connect_resources: args.connect.clone(),
            grant_connect: args.grant_connect,
        },
        &mut progress,
    )
    .map_err(|e| e.to_string())?;
    println!("deployed the contracts to {}", args.url);
    Ok(())
}

impl Cli {
    /// The plan: `--url`, else `DEPLOY_URL`; the `--key`s, else those of `DEPLOY_KEYS`; `env`
    /// reads the environment. The error says what is missing or wrong, never echoing a key.
    fn resolve(self, env: &dyn Fn(&str) -> Option<String>) -> Result<Args, String> {
        let url = self
            .url
            .or_else(|| env(URL_ENV))
            .filter(|u| !u.trim().is_empty())
            .ok_or(format!("no node given: pass --url URL (or set {URL_ENV})"))?;
        let mut key_texts = self.keys;
        if key_texts.is_empty() {
            key_texts = env(KEYS_ENV)
                .unwrap_or_default()
                .split(',')
                .map(str::trim)
                .filter(|k| !k.is_empty())
                .map(String::from)
                .collect();
        }
        if key_texts.is_empty() {
            return Err(format!("no keys given: pass --key PRIVATE_KEY for the contract accounts (or set {KEYS_ENV})"));
        }
        let keys = key_texts
            .iter()
            .enumerate()
            .map(|(i, text)| {
                // Never echo the text: it is a secret.
                text.parse::<PrivateKey>().map_err(|_| {
                    format!("key {} of {} is not a private key (WIF 5… or PVT_K1_…)", i + 1, key_texts.len())
                })
            })
            .collect::<Result<_, _>>()?;
        let (a, r, c) = (self.accounts, self.account_costs, self.connect_costs);
        Ok(Args {
            url,
            keys,
            peers: Peers { operator: a.operator, registrator: a.registrator, soviet: a.soviet, wallet: a.wallet },
            resources: AccountResources { ram: r.ram.0, net: r.net.0, cpu: r.cpu.0 },
            connect: ConnectResources {
                coop_ram: c.coop_ram.0,
                coop_net: c.coop_net.0,
                coop_cpu: c.coop_cpu.0,
                member_ram: c.member_ram.0,
                member_net: c.member_net.0,
                member_cpu: c.member_cpu.0,
                coop_funds: c.coop_funds.0,
            },
            grant_connect: self.grant_connect,
        })
    }
}

/// An account name that reads back the same (1–12 of `a-z`, `1-5`, `.`; a 13th of `a-j`).
fn account(text: &str) -> Result<Name, String> {
    text.parse::<Name>()
        .ok()
        .filter(|name| !text.is_empty() && name.to_string() == text)
        .ok_or_else(|| format!("{text:?} is not an account name"))
}

/// A non-negative asset on the command line, such as `0.1000 AXON`; read and shown through
/// `coop_runtime::asset_text` (`eosio`'s own text conversions reverse symbol codes).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Quantity(Asset);

impl FromStr for Quantity {
    type Err = String;

    fn from_str(text: &str) -> Result<Quantity, String> {
        let value = parse_asset(text).map_err(|e| format!("{text:?} is not an asset like \"0.1000 AXON\" ({e})"))?;
        if value.amount < 0 {
            return Err(format!("{text:?} is negative"));
        }
        Ok(Quantity(value))
    }
}

impl From<Asset> for Quantity {
    fn from(asset: Asset) -> Quantity {
        Quantity(asset)
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&asset_to_string(&self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use coop_runtime::n;

    fn no_env(_: &str) -> Option<String> {
        None
    }

    fn parse_with(args: &[&str], env: &dyn Fn(&str) -> Option<String>) -> Result<Args, String> {
        Cli::try_parse_from(std::iter::once("deploy").chain(args.iter().copied()))
            .map_err(|e| e.to_string())
            .and_then(|cli| cli.resolve(env))
    }

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn flags_set_the_plan() {
        let args = parse_with(
            &[
                "--url",
                "http://node:8888",
                "--key",
                DEV_PRIVATE_KEY,
                "--operator=voskhod",
                "--soviet",
                "council",
                "--account-ram",
                "1.5000 RUB",
            ],
            &no_env,
        )
        .unwrap();
        assert_eq!(args.url, "http://node:8888");
        assert_eq!(args.keys, vec![PrivateKey::dev()]);
        assert_eq!(args.peers.operator, n("voskhod"));
        assert_eq!(args.peers.soviet, n("council"));
        assert_eq!(args.peers.registrator, n("registrator"));
        assert_eq!(asset_to_string(&args.resources.ram), "1.5000 RUB");
        assert_eq!(args.resources.net, default_account_resources().net);
        assert_eq!(args.connect, default_connect_resources());
        assert!(!args.grant_connect);
        let args = parse_with(
            &[
                "--url",
                "x",
                "--key",
                DEV_PRIVATE_KEY,
                "--grant-connect",
                "--connect-coop-funds",
                "0.0000 AXON",
                "--connect-member-cpu=0.2000 AXON",
            ],
            &no_env,
        )
        .unwrap();
        assert!(args.grant_connect);
        assert_eq!(asset_to_string(&args.connect.coop_funds), "0.0000 AXON");
        assert_eq!(asset_to_string(&args.connect.member_cpu), "0.2000 AXON");
        assert_eq!(args.connect.coop_ram, default_connect_resources().coop_ram);
    }

    #[test]
    fn the_defaults_are_the_production_defaults() {
        let args = parse_with(&["--url", "x", "--key", DEV_PRIVATE_KEY], &no_env).unwrap();
        assert_eq!(args.peers, default_peers());
        assert_eq!(args.resources, default_account_resources());
        assert_eq!(args.connect, default_connect_resources());
        let help = Cli::command().render_help().to_string();
        assert!(help.contains("[default: \"0.1000 AXON\"]"), "{help}");
        assert!(help.contains("[default: registrator]"), "{help}");
    }

    #[test]
    fn the_environment_fills_in_url_and_keys() {
        let other = PrivateKey::generate();
        let keys = format!("{DEV_PRIVATE_KEY}, {}", other.to_wif());
        let env = |name: &str| match name {
            "DEPLOY_URL" => Some("http://env:8888".to_string()),
            "DEPLOY_KEYS" => Some(keys.clone()),
            _ => None,
        };
        let args = parse_with(&[], &env).unwrap();
        assert_eq!(args.url, "http://env:8888");
        assert_eq!(args.keys, vec![PrivateKey::dev(), other]);
        // Flags win over the environment.
        let args = parse_with(&["--url", "http://flag", "--key", DEV_PRIVATE_KEY], &env).unwrap();
        assert_eq!(args.url, "http://flag");
        assert_eq!(args.keys.len(), 1);
    }

    #[test]
    fn bad_command_lines_are_explained() {
        let k = DEV_PRIVATE_KEY;
        for (args, wanted) in [
            (vec![], "--url"),
            (vec!["--url", "http://x"], "no keys"),
            (vec!["--url", "http://x", "--key", "5Kbad"], "key 1 of 1"),
            (vec!["--url"], "a value is required for '--url <URL>'"),
            (vec!["--url", "x", "--key", k, "--soviet", "Soviet"], "not an account"),
            (vec!["--url", "x", "--key", k, "--wallet", "waytoolongname"], "not an account"),
            (vec!["--url", "x", "--key", k, "--account-cpu", "1 axon"], "not an asset"),
            (vec!["--url", "x", "--key", k, "--account-cpu", "-1.0000 AXON"], "negative"),
            (vec!["--url", "x", "--key", k, "--verbose"], "unexpected argument '--verbose'"),
            (vec!["deploy"], "unexpected argument 'deploy'"),
        ] {
            let err = parse_with(&args, &no_env).unwrap_err();
            assert!(err.contains(wanted), "{args:?}: {err}");
        }
        // A bad key is never echoed.
        let err = parse_with(&["--url", "x", "--key", "5Ksecretbutwrong"], &no_env).unwrap_err();
        assert!(!err.contains("secret"), "{err}");
    }

    #[test]
    fn help_is_not_an_error() {
        let err = Cli::try_parse_from(["deploy", "--help"]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::DisplayHelp);
        assert_eq!(err.exit_code(), 0);
    }
}
