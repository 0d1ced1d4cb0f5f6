//! The local network: one or more real nodeos on this machine, booted like a public chain and
//! running our contracts. The `localnet` command (`src/bin/localnet.rs`, run by
//! `scripts/localnet`) parses its flags and calls [`up`], [`down`], [`status`] or [`reset`]; the
//! chain tests call the same functions.
//!
//! - Node `i` keeps its data in `<data dir>/node-<i>/` and its pid in `node-<i>/nodeos.pid`; it
//!   listens for HTTP on `http_port + i` and for P2P on `p2p_port + i`.
//! - Node 0 produces every block as `eosio`; every other node only follows, with all
//!   lower-numbered nodes as its P2P peers.
//! - Nodes are started detached ([`Node::spawn_detached`]): they outlive the command. [`down`]
//!   stops only the processes named in the pid files ([`node::stop_pid`]).
//! - The options of the last [`up`] are kept in `<data dir>/localnet.json`, so that [`down`],
//!   [`status`] and [`reset`] know the nodes without being told again.
//! - Everything is idempotent: [`up`] leaves running nodes alone and re-runs the (idempotent) boot
//!   and deployment against node 0, so a changed contract is redeployed.

use std::fmt;
use std::fs;
use std::io;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::time::Duration;

use coop_runtime::Peers;
use eosio::Name;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::boot::{boot_chain, BootError, SYSTEM_ACCOUNTS};
use crate::defaults::default_peers;
use crate::deploy::{contract_accounts, create_and_deploy};
use crate::node::{self, Node, NodeConfig, NodeError};
use crate::tools;
use antelope_client::client::{ChainError, ChainInfo, Client};
use antelope_client::keys::{DEV_PRIVATE_KEY, DEV_PUBLIC_KEY};

/// HTTP port of node 0 unless told otherwise; node `i` listens on this plus `i`.
pub const DEFAULT_HTTP_PORT: u16 = 8888;
/// P2P port of node 0 unless told otherwise; node `i` listens on this plus `i`.
pub const DEFAULT_P2P_PORT: u16 = 9876;
/// The most nodes one localnet runs.
pub const MAX_NODES: usize = 16;
/// Environment variable naming the data folder instead of `<workspace>/.localnet`.
pub const DIR_ENV: &str = "LOCALNET_DIR";
/// The file in the data folder that records the options of the last `up`.
pub const STATE_FILE: &str = "localnet.json";
/// The name of each node's pid file inside its folder.
pub const PID_FILE: &str = "nodeos.pid";

// ---------------------------------------------------------------------------------------------
// Options

/// What a localnet runs: how many nodes, on which ports, with its data where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalnetOptions {
    /// Number of nodes (node 0 produces).
    pub nodes: usize,
    /// HTTP port of node 0; node `i` uses `http_port + i`.
    pub http_port: u16,
    /// P2P port of node 0; node `i` uses `p2p_port + i`.
    pub p2p_port: u16,
    /// The data folder (absolute): `node-<i>/` folders and `localnet.json`.
    pub data_dir: PathBuf,
}

/// The part of [`LocalnetOptions`] kept in `localnet.json` (the folder is where the file is).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct SavedOptions {
    nodes: usize,
    http_port: u16,
    p2p_port: u16,
}

impl Default for LocalnetOptions {
    /// One node on the default ports, data in [`default_data_dir`].
    fn default() -> Self {
        Self::in_dir(default_data_dir())
    }
}

impl LocalnetOptions {
    /// One node on the default ports with its data in `data_dir` (made absolute).
    pub fn in_dir(data_dir: impl Into<PathBuf>) -> Self {
        Self { nodes: 1, http_port: DEFAULT_HTTP_PORT, p2p_port: DEFAULT_P2P_PORT, data_dir: absolute(data_dir.into()) }
    }

    /// Checks the node count and that the HTTP and P2P port ranges fit and do not overlap.
    pub fn validate(&self) -> Result<(), LocalnetError> {
        if !(1..=MAX_NODES).contains(&self.nodes) {
            return Err(LocalnetError::Options(format!(
                "--nodes must be between 1 and {MAX_NODES}, not {}",
                self.nodes
            )));
        }
        let range = |first: u16, flag: &str| {
            let last = usize::from(first) + self.nodes - 1;
            if first == 0 || last > usize::from(u16::MAX) {
                Err(LocalnetError::Options(format!(
                    "{flag} {first} with {} nodes needs ports {first}..={last}, outside 1..=65535",
                    self.nodes
                )))
            } else {
                Ok(usize::from(first)..=last)
            }
        };
        let http = range(self.http_port, "--http-port")?;
        let p2p = range(self.p2p_port, "--p2p-port")?;
        if http.start() <= p2p.end() && p2p.start() <= http.end() {
            return Err(LocalnetError::Options(format!("HTTP ports {http:?} and P2P ports {p2p:?} overlap")));
        }
        Ok(())
    }

    /// The folder of node `index`.
    pub fn node_dir(&self, index: usize) -> PathBuf {
        node_dir(&self.data_dir, index)
    }

    /// The pid file of node `index`.
    pub fn pid_file(&self, index: usize) -> PathBuf {
        self.node_dir(index).join(PID_FILE)
    }

    /// `http://127.0.0.1:<http_port + index>`.
    pub fn http_url(&self, index: usize) -> String {
        self.node_config(index).http_url()
    }

    /// How node `index` runs: node 0 produces, every node peers with all lower-numbered ones.
    pub fn node_config(&self, index: usize) -> NodeConfig {
        let mut config =
            NodeConfig::new(self.node_dir(index), port_of(self.http_port, index), port_of(self.p2p_port, index));
        config.producer = index == 0;
        config.peers = (0..index).map(|peer| format!("127.0.0.1:{}", port_of(self.p2p_port, peer))).collect();
        config
    }

    /// The options recorded by the last `up` in `data_dir`, if any.
    pub fn load(data_dir: &Path) -> Result<Option<Self>, LocalnetError> {
        let data_dir = absolute(data_dir.to_path_buf());
        let path = data_dir.join(STATE_FILE);
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(LocalnetError::Io(path, e)),
        };
        let saved: SavedOptions = serde_json::from_str(&text)
            .map_err(|e| LocalnetError::State(path.clone(), format!("{e} (delete it, or run `localnet reset`)")))?;
        Ok(Some(Self { nodes: saved.nodes, http_port: saved.http_port, p2p_port: saved.p2p_port, data_dir }))
    }

    /// The options for `up` in `data_dir`: each value given, else the one the last `up` there
    /// recorded, else the default; validated.
    pub fn resolve(
        data_dir: &Path,
        nodes: Option<usize>,
        http_port: Option<u16>,
        p2p_port: Option<u16>,
    ) -> Result<Self, LocalnetError> {
        let base = Self::load(data_dir)?.unwrap_or_else(|| Self::in_dir(data_dir));
        let options = Self {
            nodes: nodes.unwrap_or(base.nodes),
            http_port: http_port.unwrap_or(base.http_port),
            p2p_port: p2p_port.unwrap_or(base.p2p_port),
            data_dir: base.data_dir,
        };
        options.validate()?;
        Ok(options)
    }

    /// Records these options in `<data dir>/localnet.json` (as `up` does).
    pub fn save(&self) -> Result<(), LocalnetError> {
        let saved = SavedOptions { nodes: self.nodes, http_port: self.http_port, p2p_port: self.p2p_port };
        let path = self.data_dir.join(STATE_FILE);
        let text = serde_json::to_string_pretty(&saved).expect("options serialize") + "\n";
        fs::write(&path, text).map_err(|e| LocalnetError::Io(path, e))
    }

    /// Same nodes on the same ports (the data folder aside).
    fn same_layout(&self, other: &Self) -> bool {
        (self.nodes, self.http_port, self.p2p_port) == (other.nodes, other.http_port, other.p2p_port)
    }

    fn describe(&self) -> String {
        format!(
            "{} node{} on HTTP {}+ / P2P {}+",
            self.nodes,
            if self.nodes == 1 { "" } else { "s" },
            self.http_port,
            self.p2p_port
        )
    }
}

/// `$LOCALNET_DIR` if set, else `<workspace>/.localnet` (git-ignored).
pub fn default_data_dir() -> PathBuf {
    match std::env::var_os(DIR_ENV) {
        Some(dir) if !dir.is_empty() => absolute(PathBuf::from(dir)),
        _ => tools::workspace_root().join(".localnet"),
    }
}

/// Two base ports `(http, p2p)` for a localnet of `count` nodes beside others: `http..http+count`
/// and `p2p..p2p+count` were all free on 127.0.0.1 a moment ago and do not overlap. Bases come
/// from the ports the system hands out ([`node::free_ports`]).
pub fn free_port_ranges(count: usize) -> io::Result<(u16, u16)> {
    let mut held = Vec::new();
    let mut bases = [0u16; 2];
    for base in &mut bases {
        *base = free_range(count, &mut held)?;
    }
    Ok((bases[0], bases[1]))
}

/// Finds a free range and keeps its listeners in `held` (so the next range avoids it).
fn free_range(count: usize, held: &mut Vec<TcpListener>) -> io::Result<u16> {
    for _ in 0..100 {
        let [base] = node::free_ports::<1>()?;
        if usize::from(base) + count > usize::from(u16::MAX) {
            continue;
        }
        let listeners: io::Result<Vec<TcpListener>> =
            (0..count).map(|i| TcpListener::bind(("127.0.0.1", port_of(base, i)))).collect();
        if let Ok(listeners) = listeners {
            held.extend(listeners);
            return Ok(base);
        }
    }
    Err(io::Error::other(format!("found no {count} consecutive free ports")))
}

fn port_of(base: u16, index: usize) -> u16 {
    u16::try_from(usize::from(base) + index).expect("validated port range")
}

fn node_dir(data_dir: &Path, index: usize) -> PathBuf {
    data_dir.join(format!("node-{index}"))
}

fn absolute(path: PathBuf) -> PathBuf {
    std::path::absolute(&path).unwrap_or(path)
}

// ---------------------------------------------------------------------------------------------
// Errors

/// What went wrong running the localnet.
#[derive(Debug)]
pub enum LocalnetError {
    /// The options are invalid, or conflict with the running localnet.
    Options(String),
    /// A node could not be started, queried or stopped.
    Node {
        /// Which node.
        index: usize,
        /// What happened.
        error: NodeError,
    },
    /// Booting the chain or deploying the contracts failed.
    Boot(BootError),
    /// A request to a node failed.
    Chain {
        /// What was being done.
        step: String,
        /// The chain's error.
        error: Box<ChainError>,
    },
    /// A file could not be read or written.
    Io(PathBuf, io::Error),
    /// `localnet.json` is unreadable.
    State(PathBuf, String),
}

impl fmt::Display for LocalnetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Options(text) => f.write_str(text),
            Self::Node { index, error } if error.is_port_conflict() => write!(
                f,
                "node {index}: a port it needs is taken by another program \
                 (choose others with --http-port/--p2p-port): {error}"
            ),
            Self::Node { index, error } => write!(f, "node {index}: {error}"),
            Self::Boot(error) => write!(f, "{error}"),
            Self::Chain { step, error } => write!(f, "{step}: {error}"),
            Self::Io(path, error) => write!(f, "{}: {error}", path.display()),
            Self::State(path, text) => write!(f, "{}: {text}", path.display()),
        }
    }
}

impl LocalnetError {
    /// A node could not start because another program holds one of its ports.
    pub fn is_port_conflict(&self) -> bool {
        matches!(self, Self::Node { error, .. } if error.is_port_conflict())
    }
}

impl std::error::Error for LocalnetError {}

impl From<BootError> for LocalnetError {
    fn from(error: BootError) -> Self {
        Self::Boot(error)
    }
}

fn chain_step(step: impl Into<String>) -> impl FnOnce(ChainError) -> LocalnetError {
    let step = step.into();
    move |error| LocalnetError::Chain { step, error: Box::new(error) }
}

// ---------------------------------------------------------------------------------------------
// up

/// One node after [`up`].
#[derive(Clone, Debug)]
pub struct NodeSummary {
    /// 0 for the producer.
    pub index: usize,
    /// Its HTTP API.
    pub url: String,
    /// Its process id.
    pub pid: u32,
    /// Whether this `up` started it (false: it was already running).
    pub started: bool,
    /// Its head block once every node had the deployment.
    pub head_block_num: u32,
}

/// What [`up`] brought up.
#[derive(Clone, Debug)]
pub struct LocalnetSummary {
    /// The options it ran with.
    pub options: LocalnetOptions,
    /// The chain id (the same on every node).
    pub chain_id: String,
    /// Every node, node 0 first.
    pub nodes: Vec<NodeSummary>,
    /// The block every node had reached, with the same id, after the deployment.
    pub synced_block: u32,
    /// The contract accounts.
    pub peers: Peers,
}

impl LocalnetSummary {
    /// `(contract, account)` for each of our contracts.
    pub fn contracts(&self) -> [(&'static str, Name); 4] {
        contract_accounts(&self.peers)
    }

    /// The accounts the development key controls: `eosio`, the system accounts and the
    /// contract accounts.
    pub fn dev_key_accounts(&self) -> Vec<String> {
        let mut accounts = vec!["eosio".to_string()];
        accounts.extend(SYSTEM_ACCOUNTS.iter().map(|a| a.to_string()));
        accounts.extend(self.contracts().iter().map(|(_, a)| a.to_string()));
        accounts
    }
}

impl fmt::Display for LocalnetSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "localnet is up: {}, data in {}", self.options.describe(), self.options.data_dir.display())?;
        for node in &self.nodes {
            writeln!(
                f,
                "  node {}  {}  pid {:<8} head {:<8} {}{}",
                node.index,
                node.url,
                node.pid,
                node.head_block_num,
                if node.index == 0 { "produces as eosio" } else { "follows" },
                if node.started { "" } else { " (was running)" },
            )?;
        }
        writeln!(f, "chain id     {}", self.chain_id)?;
        let contracts: Vec<String> =
            self.contracts().iter().map(|(contract, account)| format!("{contract} on {account}")).collect();
        writeln!(f, "contracts    {}", contracts.join(", "))?;
        writeln!(f, "dev key      {DEV_PRIVATE_KEY} (public {DEV_PUBLIC_KEY})")?;
        writeln!(
            f,
            "             controls {} — ON THIS LOCALNET ONLY: it is public, never use it on \
             another network",
            self.dev_key_accounts().join(", ")
        )?;
        write!(f, "redeploy     scripts/deploy --url {} --key {DEV_PRIVATE_KEY}", self.options.http_url(0))
    }
}

/// Starts every node that is not running (detached), boots the chain and deploys the contracts
/// through node 0 (both idempotent), and waits until every node has the block of the last
/// deployment transaction with the same id. One `progress` line per step.
///
/// Fails with [`LocalnetError::Options`] when the localnet in the folder runs with other ports,
/// or with more nodes than asked for: `down` (or `reset`) first.
pub fn up(options: &LocalnetOptions, progress: &mut dyn FnMut(&str)) -> Result<LocalnetSummary, LocalnetError> {
    options.validate()?;
    check_compatible(options)?;
    fs::create_dir_all(&options.data_dir).map_err(|e| LocalnetError::Io(options.data_dir.clone(), e))?;
    // Recorded before any start, so that `down` finds a partly started localnet too.
    options.save()?;

    let mut nodes = Vec::with_capacity(options.nodes);
    for index in 0..options.nodes {
        let config = options.node_config(index);
        let pid_file = options.pid_file(index);
        let (pid, started) = match node::is_running(&pid_file) {
            Some(pid) => {
                progress(&format!("node {index} is already running (pid {pid}) at {}", config.http_url()));
                (pid, false)
            }
            None => {
                progress(&format!(
                    "starting node {index} at {} ({})",
                    config.http_url(),
                    if index == 0 { "produces as eosio" } else { "follows" }
                ));
                let pid =
                    Node::spawn_detached(&config, &pid_file).map_err(|error| LocalnetError::Node { index, error })?;
                (pid, true)
            }
        };
        nodes.push((index, config.http_url(), pid, started));
    }

    let producer = Client::new(options.http_url(0));
    let peers = default_peers();
    with_retries(progress, Duration::from_secs(1), |progress| {
        progress("booting the chain through node 0");
        boot_chain(&producer, progress)?;
        progress("creating the contract accounts and deploying the contracts");
        create_and_deploy(&producer, &peers, progress)
    })?;

    // The last deployment transaction is in the block after the head (or an earlier one).
    let target = producer.get_info().map_err(chain_step("node 0: get_info"))?.head_block_num + 1;
    progress(&format!("waiting until every node has block {target} (the deployment)"));
    let (chain_id, heads) = wait_until_synced(options, target)?;

    Ok(LocalnetSummary {
        options: options.clone(),
        chain_id,
        nodes: nodes
            .into_iter()
            .zip(heads)
            .map(|((index, url, pid, started), head)| NodeSummary { index, url, pid, started, head_block_num: head })
            .collect(),
        synced_block: target,
        peers,
    })
}

/// How often [`up`] and the test fixture run the boot and deployment when the node was too slow
/// for a transaction.
pub const BOOT_ATTEMPTS: usize = 3;

/// Chain errors of a node too busy to finish a transaction in time (`tx_cpu_usage_exceeded`,
/// `deadline_exception`, `leeway_deadline_exception`): validating a contract's code at `setcode`
/// can exceed the 150 ms limit of a loaded machine, and succeeds when tried again.
const TOO_SLOW: &[i64] = &[3_080_004, 3_080_006, 3_081_001];

/// Runs the (idempotent) `step` again after `pause`, up to [`BOOT_ATTEMPTS`] times in all, while
/// it fails only because the node was too slow.
pub fn with_retries(
    progress: &mut dyn FnMut(&str),
    pause: Duration,
    mut step: impl FnMut(&mut dyn FnMut(&str)) -> Result<(), BootError>,
) -> Result<(), BootError> {
    let mut attempt = 1;
    loop {
        match step(progress) {
            Err(BootError::Chain { step: what, error })
                if attempt < BOOT_ATTEMPTS && error.code().is_some_and(|c| TOO_SLOW.contains(&c)) =>
            {
                progress(&format!(
                    "{what}: the node was too slow ({}); trying again",
                    error.name().unwrap_or_default()
                ));
                attempt += 1;
                std::thread::sleep(pause);
            }
            other => return other,
        }
    }
}

/// Refuses options that would leave running nodes of the last `up` behind or on other ports.
fn check_compatible(options: &LocalnetOptions) -> Result<(), LocalnetError> {
    let Some(saved) = LocalnetOptions::load(&options.data_dir)? else {
        return Ok(());
    };
    if saved.same_layout(options) {
        return Ok(());
    }
    let ports_changed = (saved.http_port, saved.p2p_port) != (options.http_port, options.p2p_port);
    let running: Vec<usize> = running_indices(&options.data_dir, saved.nodes)
        .into_iter()
        .filter(|&i| ports_changed || i >= options.nodes)
        .collect();
    if running.is_empty() {
        return Ok(());
    }
    Err(LocalnetError::Options(format!(
        "the localnet in {} runs {} (nodes {running:?} are running); to run {} instead, \
         `localnet down` first (or `localnet reset` with the new options)",
        options.data_dir.display(),
        saved.describe(),
        options.describe()
    )))
}

/// Waits until every node's head is at least `target` and all agree on that block's id;
/// returns the chain id and each node's head.
fn wait_until_synced(options: &LocalnetOptions, target: u32) -> Result<(String, Vec<u32>), LocalnetError> {
    let clients: Vec<Client> = (0..options.nodes).map(|i| Client::new(options.http_url(i))).collect();
    let mut chain_id: Option<String> = None;
    let mut block_id: Option<String> = None;
    for (index, client) in clients.iter().enumerate() {
        let info =
            client.wait_for_block(target).map_err(chain_step(format!("node {index}: waiting for block {target}")))?;
        let id = client
            .call("/v1/chain/get_block", &json!({ "block_num_or_id": target }))
            .map_err(chain_step(format!("node {index}: get_block {target}")))?["id"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let first_chain = chain_id.get_or_insert_with(|| info.chain_id.clone());
        let first_block = block_id.get_or_insert_with(|| id.clone());
        if info.chain_id != *first_chain || id != *first_block {
            return Err(LocalnetError::Options(format!(
                "node {index} disagrees with node 0: chain {} block {target} {id}, \
                 node 0 has chain {first_chain} block {first_block}; \
                 `localnet reset` starts afresh",
                info.chain_id
            )));
        }
    }
    let heads = clients
        .iter()
        .enumerate()
        .map(|(index, client)| {
            client.get_info().map(|info| info.head_block_num).map_err(chain_step(format!("node {index}: get_info")))
        })
        .collect::<Result<_, _>>()?;
    Ok((chain_id.unwrap_or_default(), heads))
}

// ---------------------------------------------------------------------------------------------
// down and reset

/// Stops every node of the localnet in `data_dir` that is running according to its pid file
/// (followers first, then the producer); touches no other process. Returns `(index, pid)` of
/// each node stopped.
pub fn down(data_dir: &Path, progress: &mut dyn FnMut(&str)) -> Result<Vec<(usize, u32)>, LocalnetError> {
    let data_dir = absolute(data_dir.to_path_buf());
    let saved = LocalnetOptions::load(&data_dir)?.map_or(0, |o| o.nodes);
    let mut stopped = Vec::new();
    for index in known_indices(&data_dir, saved).into_iter().rev() {
        let pid_file = node_dir(&data_dir, index).join(PID_FILE);
        if let Some(pid) = node::stop_pid(&pid_file).map_err(|error| LocalnetError::Node { index, error })? {
            progress(&format!("stopped node {index} (pid {pid})"));
            stopped.push((index, pid));
        }
    }
    // The localnet's wallet, which `scripts/cleos` starts on first use.
    let wallet_pid = data_dir.join("keosd").join("keosd.pid");
    if let Ok(Some(pid)) = node::stop_program_pid(&wallet_pid, "keosd") {
        progress(&format!("stopped the localnet's wallet (keosd, pid {pid})"));
    }
    if stopped.is_empty() {
        progress("localnet is down (no node was running)");
    } else {
        progress("localnet is down");
    }
    Ok(stopped)
}

/// [`down`], delete the localnet's data (the `node-<i>` folders and `localnet.json`, nothing
/// else in the folder), then [`up`] with `options`.
pub fn reset(options: &LocalnetOptions, progress: &mut dyn FnMut(&str)) -> Result<LocalnetSummary, LocalnetError> {
    options.validate()?;
    down(&options.data_dir, progress)?;
    delete_data(&options.data_dir, progress)?;
    up(options, progress)
}

fn delete_data(data_dir: &Path, progress: &mut dyn FnMut(&str)) -> Result<(), LocalnetError> {
    let saved = LocalnetOptions::load(data_dir).ok().flatten().map_or(0, |o| o.nodes);
    progress(&format!("deleting the chain data in {}", data_dir.display()));
    for index in known_indices(data_dir, saved) {
        let dir = node_dir(data_dir, index);
        match fs::remove_dir_all(&dir) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(LocalnetError::Io(dir, e)),
            _ => {}
        }
    }
    let state = data_dir.join(STATE_FILE);
    match fs::remove_file(&state) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(LocalnetError::Io(state, e)),
        _ => Ok(()),
    }
}

/// Indices `0..saved` plus every `node-<i>` folder present, ascending.
fn known_indices(data_dir: &Path, saved: usize) -> Vec<usize> {
    let mut indices: Vec<usize> = (0..saved).collect();
    if let Ok(entries) = fs::read_dir(data_dir) {
        indices.extend(
            entries.flatten().filter_map(|e| e.file_name().to_str()?.strip_prefix("node-")?.parse::<usize>().ok()),
        );
    }
    indices.sort_unstable();
    indices.dedup();
    indices
}

fn running_indices(data_dir: &Path, saved: usize) -> Vec<usize> {
    known_indices(data_dir, saved)
        .into_iter()
        .filter(|&i| node::is_running(&node_dir(data_dir, i).join(PID_FILE)).is_some())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// status

/// One node as [`status`] sees it.
#[derive(Clone, Debug)]
pub struct NodeStatus {
    /// 0 for the producer.
    pub index: usize,
    /// Its HTTP API.
    pub url: String,
    /// Its process id, when running.
    pub pid: Option<u32>,
    /// What it answers to `get_info`, or why it did not.
    pub info: Result<ChainInfo, String>,
}

/// The localnet in one folder, as [`status`] sees it.
#[derive(Clone, Debug)]
pub struct LocalnetStatus {
    /// The data folder.
    pub data_dir: PathBuf,
    /// The options of the last `up`, if there was one.
    pub options: Option<LocalnetOptions>,
    /// Each node of the last `up`.
    pub nodes: Vec<NodeStatus>,
}

impl LocalnetStatus {
    /// Whether any node is running.
    pub fn is_up(&self) -> bool {
        self.nodes.iter().any(|n| n.pid.is_some())
    }
}

impl fmt::Display for LocalnetStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some(options) = &self.options else {
            return write!(
                f,
                "localnet is down (no localnet in {}; start one with `localnet up`)",
                self.data_dir.display()
            );
        };
        writeln!(f, "localnet in {}: {}", self.data_dir.display(), options.describe())?;
        for node in &self.nodes {
            match (node.pid, &node.info) {
                (Some(pid), Ok(info)) => writeln!(
                    f,
                    "  node {}  running  {}  pid {pid:<8} head {:<8} irreversible {:<8} chain {}",
                    node.index, node.url, info.head_block_num, info.last_irreversible_block_num, info.chain_id
                )?,
                (Some(pid), Err(e)) => {
                    writeln!(f, "  node {}  running  {}  pid {pid:<8} not answering: {e}", node.index, node.url)?
                }
                (None, _) => writeln!(f, "  node {}  stopped  {}", node.index, node.url)?,
            }
        }
        if self.is_up() {
            write!(f, "localnet is up")
        } else {
            write!(f, "localnet is down (start it with `localnet up`)")
        }
    }
}

/// Each node of the localnet in `data_dir`: running or not, and what it answers.
pub fn status(data_dir: &Path) -> Result<LocalnetStatus, LocalnetError> {
    let data_dir = absolute(data_dir.to_path_buf());
    let options = LocalnetOptions::load(&data_dir)?;
    let nodes = options
        .iter()
        .flat_map(|o| (0..o.nodes).map(move |i| (o, i)))
        .map(|(o, index)| {
            let url = o.http_url(index);
            let pid = node::is_running(&o.pid_file(index));
            let info = match pid {
                Some(_) => Client::new(&url).get_info().map_err(|e| e.to_string()),
                None => Err("not running".to_string()),
            };
            NodeStatus { index, url, pid, info }
        })
        .collect();
    Ok(LocalnetStatus { data_dir, options, nodes })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_port_ranges_and_node_count() {
        let mut o = LocalnetOptions::in_dir("/tmp/localnet-test");
        assert!(o.validate().is_ok());
        o.nodes = 0;
        assert!(o.validate().is_err());
        o.nodes = MAX_NODES + 1;
        assert!(o.validate().is_err());
        o.nodes = 3;
        o.http_port = 65534;
        assert!(o.validate().unwrap_err().to_string().contains("65535"));
        o.http_port = 9000;
        o.p2p_port = 9002;
        assert!(o.validate().unwrap_err().to_string().contains("overlap"));
        o.p2p_port = 9003;
        assert!(o.validate().is_ok());
    }

    #[test]
    fn node_zero_produces_and_each_node_peers_with_the_lower_ones() {
        let mut o = LocalnetOptions::in_dir("/tmp/ln");
        o.nodes = 3;
        let configs: Vec<NodeConfig> = (0..3).map(|i| o.node_config(i)).collect();
        assert!(configs[0].producer && !configs[1].producer && !configs[2].producer);
        assert_eq!(configs[2].http_port, DEFAULT_HTTP_PORT + 2);
        assert_eq!(configs[2].p2p_port, DEFAULT_P2P_PORT + 2);
        assert!(configs[0].peers.is_empty());
        assert_eq!(configs[2].peers, vec!["127.0.0.1:9876".to_string(), "127.0.0.1:9877".to_string()]);
        assert_eq!(o.pid_file(1), PathBuf::from("/tmp/ln/node-1/nodeos.pid"));
    }

    #[test]
    fn recorded_options_fill_in_what_is_not_given() {
        let dir = tempfile::tempdir().unwrap();
        let data_dir = dir.path().to_path_buf();
        let resolve = |nodes, http| LocalnetOptions::resolve(&data_dir, nodes, http, None);
        assert_eq!(resolve(None, None).unwrap(), LocalnetOptions::in_dir(&data_dir));
        let saved = LocalnetOptions { nodes: 2, http_port: 18000, p2p_port: 19000, data_dir: data_dir.clone() };
        saved.save().unwrap();
        assert_eq!(LocalnetOptions::load(&data_dir).unwrap(), Some(saved.clone()));
        assert_eq!(resolve(None, None).unwrap(), saved);
        let more = resolve(Some(3), None).unwrap();
        assert_eq!((more.nodes, more.http_port, more.p2p_port), (3, 18000, 19000));
        assert!(resolve(Some(0), None).is_err());
    }

    #[test]
    fn status_and_down_of_an_empty_folder_say_down() {
        let dir = tempfile::tempdir().unwrap();
        let status = status(dir.path()).unwrap();
        assert!(!status.is_up());
        assert!(status.to_string().contains("localnet is down"));
        let mut lines = Vec::new();
        assert!(down(dir.path(), &mut |l| lines.push(l.to_string())).unwrap().is_empty());
        assert_eq!(lines, ["localnet is down (no node was running)"]);
    }

    fn chain_error(code: i64) -> BootError {
        BootError::Chain {
            step: "deploy operator".into(),
            error: ChainError::Node(antelope_client::client::NodeError {
                http_status: 500,
                code,
                name: "tx_cpu_usage_exceeded".into(),
                what: String::new(),
                details: Vec::new(),
                raw: serde_json::Value::Null,
            })
            .into(),
        }
    }

    #[test]
    fn a_node_too_slow_for_a_transaction_gets_another_try() {
        let mut lines = Vec::new();
        let mut calls = 0;
        let result = with_retries(&mut |l| lines.push(l.to_string()), Duration::ZERO, |_| {
            calls += 1;
            if calls < BOOT_ATTEMPTS {
                Err(chain_error(3_080_004))
            } else {
                Ok(())
            }
        });
        assert!(result.is_ok());
        assert_eq!(lines.len(), BOOT_ATTEMPTS - 1);
        assert!(lines[0].starts_with("deploy operator: the node was too slow"));
        // It gives up after the last attempt, and never retries other errors.
        let mut calls = 0;
        let result = with_retries(&mut |_| {}, Duration::ZERO, |_| {
            calls += 1;
            Err(chain_error(3_080_004))
        });
        assert!(result.is_err() && calls == BOOT_ATTEMPTS);
        let mut calls = 0;
        let result = with_retries(&mut |_| {}, Duration::ZERO, |_| {
            calls += 1;
            Err(chain_error(3_050_003))
        });
        assert!(result.is_err() && calls == 1);
    }

    #[test]
    fn free_port_ranges_do_not_overlap() {
        let (http, p2p) = free_port_ranges(3).unwrap();
        let mut o = LocalnetOptions::in_dir("/tmp/ln");
        (o.nodes, o.http_port, o.p2p_port) = (3, http, p2p);
        o.validate().unwrap();
    }
}
