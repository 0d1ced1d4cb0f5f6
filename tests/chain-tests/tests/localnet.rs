//! The localnet's nodes form one chain: a transaction sent to any node reaches every node, they
//! share one chain id and keep producing; `up` is idempotent and `down` stops what `up` started.
//!
//! Each test runs its own localnet in a temporary folder on free ports, through the same library
//! functions the `localnet` command uses.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use antelope_test_harness::boot::{core, create_account, dev_public_key, AccountPlan};
use antelope_test_harness::client::Client;
use antelope_test_harness::fixture::unique_name;
use antelope_test_harness::keys::PrivateKey;
use antelope_test_harness::localnet::{self, LocalnetOptions, LocalnetSummary};
use coop_runtime::system::SYSTEM;

/// A localnet in a temporary folder: brought down and deleted on drop, so that no node outlives
/// the test even when it fails.
struct TempLocalnet {
    options: LocalnetOptions,
}

impl TempLocalnet {
    /// Options for `nodes` nodes on free ports in a fresh temporary folder (nothing started yet).
    fn new(nodes: usize) -> TempLocalnet {
        let (http_port, p2p_port) = localnet::free_port_ranges(nodes).expect("free ports");
        let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
        let data_dir = std::env::temp_dir().join(format!("localnet-test-{}-{http_port}-{nanos}", std::process::id()));
        TempLocalnet { options: LocalnetOptions { nodes, http_port, p2p_port, data_dir } }
    }

    /// A localnet of `nodes` nodes, up. Free ports can be taken by another process before a node
    /// binds them (outgoing connections use the same range): then it tries again on new ports.
    fn start(nodes: usize) -> (TempLocalnet, LocalnetSummary) {
        for _ in 0..PORT_ATTEMPTS {
            let net = TempLocalnet::new(nodes);
            match localnet::up(&net.options, &mut log) {
                Ok(summary) => return (net, summary),
                Err(e) if e.is_port_conflict() => eprintln!("localnet: {e}; new ports"),
                Err(e) => panic!("localnet up: {e}"),
            }
        }
        panic!("localnet up: ports taken {PORT_ATTEMPTS} times");
    }

    /// `up` again, on the same ports and folder.
    fn up(&self) -> LocalnetSummary {
        localnet::up(&self.options, &mut log).unwrap_or_else(|e| panic!("localnet up: {e}"))
    }

    fn client(&self, index: usize) -> Client {
        Client::new(self.options.http_url(index))
    }

    fn dir(&self) -> &Path {
        &self.options.data_dir
    }
}

impl Drop for TempLocalnet {
    fn drop(&mut self) {
        if let Err(e) = localnet::down(self.dir(), &mut |_| {}) {
            eprintln!("localnet down: {e}");
        }
        let _ = std::fs::remove_dir_all(self.dir());
    }
}

/// How often [`TempLocalnet::start`] picks new ports when one was taken.
const PORT_ATTEMPTS: usize = 5;

fn log(line: &str) {
    eprintln!("localnet: {line}");
}

/// Polls `check` every 100 ms for up to `timeout`.
fn eventually(timeout: Duration, mut check: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + timeout;
    loop {
        if check() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn process_exists(pid: u32) -> bool {
    PathBuf::from(format!("/proc/{pid}")).exists()
}

#[test]
fn three_nodes_form_one_chain_and_down_stops_them() {
    let (net, summary) = TempLocalnet::start(3);
    assert_eq!(summary.nodes.len(), 3);
    assert!(summary.nodes.iter().all(|n| n.started));
    assert!(summary.nodes.iter().all(|n| n.head_block_num >= summary.synced_block));

    // A new account, created by `eosio` through the third node (a follower).
    let third = net.client(2);
    third.add_key(PrivateKey::dev());
    let name = unique_name("lnet");
    let plan = AccountPlan {
        name,
        key: dev_public_key(),
        ram_bytes: 8 * 1024,
        net: core("1.0000"),
        cpu: core("1.0000"),
        funds: None,
    };
    assert!(create_account(&third, SYSTEM, &plan).expect("newaccount through node 2"));
    for index in [0, 1] {
        let client = net.client(index);
        assert!(
            eventually(Duration::from_secs(10), || client.account_exists(name)),
            "account {name} never appeared on node {index}"
        );
    }

    // One chain id, and every head keeps advancing.
    let infos: Vec<_> = (0..3).map(|i| net.client(i).get_info().unwrap()).collect();
    assert!(infos.iter().all(|i| i.chain_id == summary.chain_id));
    for (index, info) in infos.iter().enumerate() {
        let later = net.client(index).wait_for_block(info.head_block_num + 2);
        assert!(later.is_ok(), "node {index} stopped advancing: {later:?}");
    }

    let pids: Vec<u32> = summary.nodes.iter().map(|n| n.pid).collect();
    let stopped = localnet::down(net.dir(), &mut |_| {}).unwrap();
    let mut stopped_pids: Vec<u32> = stopped.iter().map(|(_, pid)| *pid).collect();
    stopped_pids.sort_unstable();
    let mut expected = pids.clone();
    expected.sort_unstable();
    assert_eq!(stopped_pids, expected);
    for pid in pids {
        assert!(eventually(Duration::from_secs(5), || !process_exists(pid)), "nodeos {pid} still running after down");
    }
    let status = localnet::status(net.dir()).unwrap();
    assert!(!status.is_up());
    assert!(status.to_string().contains("localnet is down"), "{status}");
}

#[test]
fn up_again_while_running_starts_nothing_new() {
    let (net, first) = TempLocalnet::start(2);
    let second = net.up();
    let pids = |s: &LocalnetSummary| s.nodes.iter().map(|n| n.pid).collect::<Vec<_>>();
    assert_eq!(pids(&first), pids(&second));
    assert!(second.nodes.iter().all(|n| !n.started));
    assert_eq!(first.chain_id, second.chain_id);
    assert!(second.synced_block > first.synced_block);
    let status = localnet::status(net.dir()).unwrap();
    assert!(status.is_up());
    let running: Vec<Option<u32>> = status.nodes.iter().map(|n| n.pid).collect();
    assert_eq!(running, pids(&first).into_iter().map(Some).collect::<Vec<_>>());
}

/// `scripts/cleos ARGS…` run against the localnet in `dir`: its standard output.
fn scripts_cleos(dir: &Path, args: &[&str]) -> String {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/cleos");
    let output = std::process::Command::new(script)
        .args(args)
        .env("LOCALNET_DIR", dir)
        .output()
        .unwrap_or_else(|e| panic!("scripts/cleos: {e}"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "scripts/cleos {args:?} failed: {stderr}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn scripts_cleos_reads_and_pushes_with_the_localnets_url_and_wallet_and_down_stops_its_wallet() {
    let (net, _) = TempLocalnet::start(1);
    let table = scripts_cleos(net.dir(), &["get", "table", "eosio.token", "operator", "accounts"]);
    let balance = |table: &str| -> String {
        let rows: serde_json::Value = serde_json::from_str(table).unwrap_or_else(|e| panic!("{e}: {table}"));
        rows["rows"][0]["balance"].as_str().unwrap().to_string()
    };
    let before = balance(&table);
    // Signed by the localnet's wallet, which holds the development key.
    scripts_cleos(
        net.dir(),
        &[
            "push",
            "action",
            "eosio.token",
            "transfer",
            r#"["operator", "eosio", "1.0000 AXON", "test"]"#,
            "-p",
            "operator",
        ],
    );
    let client = net.client(0);
    assert!(eventually(Duration::from_secs(10), || {
        client.get_currency_balance("eosio.token", coop_runtime::n("operator"), "AXON").ok()
            != Some(vec![before.clone()])
    }));
    let wallet_pid: u32 = std::fs::read_to_string(net.dir().join("keosd/keosd.pid")).unwrap().trim().parse().unwrap();
    assert!(process_exists(wallet_pid));
    localnet::down(net.dir(), &mut log).unwrap();
    assert!(eventually(Duration::from_secs(10), || !process_exists(wallet_pid)), "keosd stopped by down");
}
