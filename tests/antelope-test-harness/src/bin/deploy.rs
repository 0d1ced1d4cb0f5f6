//! `deploy --url URL --key WIF… [options]`: deploys the contracts (built by `scripts/build`) to any
//! Antelope network whose contract accounts already exist: code and ABI, each account's
//! `eosio.code` permission, and every `init`. Idempotent. Run with `--help` for the options.
//!
//! Progress lines go to stderr (`==> …`), the final line to stdout.

use std::process::ExitCode;

use antelope_test_harness::client::{ChainError, Client};
use antelope_test_harness::deploy::{contract_accounts, deploy_contracts, DeployPlan};
use antelope_test_harness::fixture::{default_account_resources, default_connect_resources, default_peers};
use antelope_test_harness::keys::{PrivateKey, DEV_PRIVATE_KEY};
use coop_protocol::operator::ConnectResources;
use coop_protocol::registrator::AccountResources;
use coop_runtime::asset_text::{asset_to_string, parse_asset};
use coop_runtime::Peers;
use eosio::{Asset, Name};

/// The usage text, with the defaults the code uses.
fn usage() -> String {
    let peers = default_peers();
    let (r, c) = (default_account_resources(), default_connect_resources());
    let a = asset_to_string;
    format!(
        "\
usage: deploy --url URL --key PRIVATE_KEY [--key PRIVATE_KEY]... [options]

Deploys the contracts built by scripts/build (target/wasm32v1-none/contract/*.wasm, abi/*.abi)
to an Antelope network: code and ABI, each account's eosio.code permission, every init.
Safe to run again. The contract accounts must exist, with RAM for the code.

  --url URL                the node's HTTP API (env DEPLOY_URL)
  --key KEY                a private key (WIF 5… or PVT_K1_…) that controls a contract
                           account's active permission; repeat for several
                           (env DEPLOY_KEYS, comma-separated)
  --operator A             the operator account             (default {})
  --registrator A          the registrator contract account (default {})
  --soviet A               the soviet contract account      (default {})
  --wallet A               the wallet contract account      (default {})
What a member's account costs its cooperative (registrator init):
  --account-ram Q          RAM                                    (default {})
  --account-net Q          NET stake                              (default {})
  --account-cpu Q          CPU stake                              (default {})
What connecting a cooperative costs the operator (operator init):
  --connect-coop-ram Q     RAM for the cooperative's account      (default {})
  --connect-coop-net Q     NET staked for the cooperative         (default {})
  --connect-coop-cpu Q     CPU staked for the cooperative         (default {})
  --connect-member-ram Q   RAM for each founder's account         (default {})
  --connect-member-net Q   NET staked for each founder            (default {})
  --connect-member-cpu Q   CPU staked for each founder            (default {})
  --connect-coop-funds Q   core tokens given to the cooperative   (default {})
  --grant-connect          also give the operator's code eosio@connect (linked to
                           eosio::newaccount); needs eosio's key, so on a public network
                           the chain's owner does this step instead
  -h, --help               print this text
Q is an asset in the network's core symbol and precision, quoted: --account-ram '{}'.

On the localnet (scripts/localnet up), whose accounts the public development key controls:
  scripts/deploy --url http://127.0.0.1:8888 --key {DEV_PRIVATE_KEY}
Never use that key on any other network.
",
        peers.operator,
        peers.registrator,
        peers.soviet,
        peers.wallet,
        a(&r.ram),
        a(&r.net),
        a(&r.cpu),
        a(&c.coop_ram),
        a(&c.coop_net),
        a(&c.coop_cpu),
        a(&c.member_ram),
        a(&c.member_net),
        a(&c.member_cpu),
        a(&c.coop_funds),
        a(&r.ram),
    )
}

/// The chain's code for "no such account" from `get_account`.
const ACCOUNT_QUERY_EXCEPTION: i64 = 3_060_002;

/// A parsed command line.
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
    let args = match parse(std::env::args().skip(1), &|name| std::env::var(name).ok()) {
        Ok(Some(args)) => args,
        Ok(None) => {
            print!("{}", usage());
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("deploy: {e}\n\n{}", usage());
            return ExitCode::from(2);
        }
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

/// Parses the arguments after the program name; `env` reads the environment fallbacks.
/// `Ok(None)` means `--help`.
fn parse<I: IntoIterator<Item = String>>(
    args: I,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Option<Args>, String> {
    let mut args = args.into_iter();
    let mut url = None;
    let mut key_texts: Vec<String> = Vec::new();
    let mut peers = default_peers();
    let mut resources = default_account_resources();
    let mut connect = default_connect_resources();
    let mut grant_connect = false;
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            return Ok(None);
        }
        if arg == "--grant-connect" {
            grant_connect = true;
            continue;
        }
        let Some(flag) = arg.strip_prefix("--") else {
            return Err(format!("unexpected argument {arg:?}"));
        };
        let (flag, inline) = match flag.split_once('=') {
            Some((flag, value)) => (flag, Some(value.to_string())),
            None => (flag, None),
        };
        // Read only for known flags, so that an unknown one is reported as such.
        let mut value = || inline.clone().or_else(|| args.next()).ok_or_else(|| format!("--{flag} needs a value"));
        match flag {
            "url" => url = Some(value()?),
            "key" => key_texts.push(value()?),
            "operator" => peers.operator = account(flag, &value()?)?,
            "registrator" => peers.registrator = account(flag, &value()?)?,
            "soviet" => peers.soviet = account(flag, &value()?)?,
            "wallet" => peers.wallet = account(flag, &value()?)?,
            "account-ram" => resources.ram = asset(flag, &value()?)?,
            "account-net" => resources.net = asset(flag, &value()?)?,
            "account-cpu" => resources.cpu = asset(flag, &value()?)?,
            "connect-coop-ram" => connect.coop_ram = asset(flag, &value()?)?,
            "connect-coop-net" => connect.coop_net = asset(flag, &value()?)?,
            "connect-coop-cpu" => connect.coop_cpu = asset(flag, &value()?)?,
            "connect-member-ram" => connect.member_ram = asset(flag, &value()?)?,
            "connect-member-net" => connect.member_net = asset(flag, &value()?)?,
            "connect-member-cpu" => connect.member_cpu = asset(flag, &value()?)?,
            "connect-coop-funds" => connect.coop_funds = asset(flag, &value()?)?,
            _ => return Err(format!("unknown option --{flag}")),
        }
    }
    let url = url
        .or_else(|| env("DEPLOY_URL"))
        .filter(|u| !u.trim().is_empty())
        .ok_or("no node given: pass --url URL (or set DEPLOY_URL)")?;
    if key_texts.is_empty() {
        key_texts = env("DEPLOY_KEYS")
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(String::from)
            .collect();
    }
    if key_texts.is_empty() {
        return Err("no keys given: pass --key PRIVATE_KEY for the contract accounts (or set DEPLOY_KEYS)".into());
    }
    let keys = key_texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            // Never echo the text: it is a secret.
            text.parse::<PrivateKey>()
                .map_err(|_| format!("key {} of {} is not a private key (WIF 5… or PVT_K1_…)", i + 1, key_texts.len()))
        })
        .collect::<Result<_, _>>()?;
    Ok(Some(Args { url, keys, peers, resources, connect, grant_connect }))
}

/// An account name that reads back the same (1–12 of `a-z`, `1-5`, `.`; a 13th of `a-j`).
fn account(flag: &str, text: &str) -> Result<Name, String> {
    text.parse::<Name>()
        .ok()
        .filter(|name| !text.is_empty() && name.to_string() == text)
        .ok_or_else(|| format!("--{flag}: {text:?} is not an account name"))
}

/// An asset such as `0.1000 AXON` (through `parse_asset`: `eosio`'s own parser reverses codes).
fn asset(flag: &str, text: &str) -> Result<Asset, String> {
    let value =
        parse_asset(text).map_err(|e| format!("--{flag}: {text:?} is not an asset like \"0.1000 AXON\" ({e})"))?;
    if value.amount < 0 {
        return Err(format!("--{flag}: {text:?} is negative"));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use coop_runtime::n;

    fn no_env(_: &str) -> Option<String> {
        None
    }

    fn parse_with(args: &[&str], env: &dyn Fn(&str) -> Option<String>) -> Result<Args, String> {
        parse(args.iter().map(|a| a.to_string()), env).map(|a| a.expect("not --help"))
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
            (vec!["--url"], "--url needs a value"),
            (vec!["--url", "x", "--key", k, "--soviet", "Soviet"], "not an account"),
            (vec!["--url", "x", "--key", k, "--wallet", "waytoolongname"], "not an account"),
            (vec!["--url", "x", "--key", k, "--account-cpu", "1 axon"], "not an asset"),
            (vec!["--url", "x", "--key", k, "--account-cpu", "-1.0000 AXON"], "negative"),
            (vec!["--url", "x", "--key", k, "--verbose"], "unknown option"),
            (vec!["deploy"], "unexpected argument"),
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
        assert!(parse(["--help".to_string()], &no_env).unwrap().is_none());
    }
}
