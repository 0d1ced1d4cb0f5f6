//! A localnet of its own for a fault test: in a temporary folder on free ports, through the
//! library functions `scripts/localnet` uses (`up` starts what is not running — a killed node
//! is started again, replaying its blocks when its state is dirty — and `down` stops
//! everything), with a way to kill one node as a crash would (SIGKILL).
use antelope_test_harness::localnet::{self, LocalnetOptions, LocalnetSummary};
use antelope_test_harness::node;
use std::path::Path;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Brought down and deleted on drop, so that no node outlives the test, also when it fails.
pub struct TempLocalnet {
    pub options: LocalnetOptions,
}

/// How often [`TempLocalnet::start`] picks new ports when one was taken.
const PORT_ATTEMPTS: usize = 5;
/// How long [`TempLocalnet::up`] tries again while the nodes do not agree yet.
const RESYNC: Duration = Duration::from_secs(90);

impl TempLocalnet {
    /// A localnet of `nodes` nodes, up. Free ports can be taken by another process before a node
    /// binds them: then it tries again on new ports.
    pub fn start(nodes: usize) -> (TempLocalnet, LocalnetSummary) {
        for _ in 0..PORT_ATTEMPTS {
            let (http_port, p2p_port) = localnet::free_port_ranges(nodes).expect("free ports");
            let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
            let dir = std::env::temp_dir().join(format!("localnet-faults-{}-{http_port}-{nanos}", std::process::id()));
            let net = TempLocalnet { options: LocalnetOptions { nodes, http_port, p2p_port, data_dir: dir } };
            match localnet::up(&net.options, &mut log) {
                Ok(summary) => return (net, summary),
                Err(e) if e.is_port_conflict() => eprintln!("localnet: {e}; new ports"),
                Err(e) => panic!("localnet up: {e}"),
            }
        }
        panic!("localnet up: ports taken {PORT_ATTEMPTS} times");
    }

    /// `up` again, on the same ports and folder: starts every node that is not running and
    /// waits until all have the same block. Tried again for up to [`RESYNC`]: after the
    /// producer restarted, a follower reconnects to it only at its next connection check
    /// (nodeos' `--connection-cleanup-period`, 30 s), and `up` waits 10 s for a block.
    pub fn up(&self) -> LocalnetSummary {
        let deadline = Instant::now() + RESYNC;
        loop {
            match localnet::up(&self.options, &mut log) {
                Ok(summary) => return summary,
                Err(e) if Instant::now() < deadline => eprintln!("localnet up: {e}; once more"),
                Err(e) => panic!("localnet up: {e}"),
            }
            std::thread::sleep(Duration::from_secs(1));
        }
    }

    /// `down`: stops every node (cleanly: SIGTERM).
    pub fn down(&self) {
        localnet::down(&self.options.data_dir, &mut log).unwrap_or_else(|e| panic!("localnet down: {e}"));
    }

    pub fn url(&self, index: usize) -> String {
        self.options.http_url(index)
    }

    /// SIGKILL to node `index` (the pid its pid file names, checked to be that node's nodeos),
    /// then waits until the process is gone (or a zombie: nothing of it runs any more).
    pub fn kill(&self, index: usize) {
        let pid_file = self.options.pid_file(index);
        let pid = node::is_running(&pid_file).unwrap_or_else(|| panic!("node {index} is not running"));
        let status = std::process::Command::new("kill").args(["-KILL", &pid.to_string()]).status().expect("kill");
        assert!(status.success(), "kill -KILL {pid} failed");
        let deadline = Instant::now() + Duration::from_secs(30);
        while process_runs(pid) {
            assert!(Instant::now() < deadline, "nodeos {pid} still runs 30 s after SIGKILL");
            std::thread::sleep(Duration::from_millis(50));
        }
        eprintln!("localnet: node {index} (pid {pid}) killed with SIGKILL");
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

/// Whether `pid` is a process that still runs: not gone, not a zombie (a detached node is
/// this process's child, never reaped: a zombie until the test binary ends).
fn process_runs(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat.rsplit_once(") ").is_some_and(|(_, rest)| !rest.starts_with('Z') && !rest.starts_with('X')),
        Err(_) => false,
    }
}

fn log(line: &str) {
    eprintln!("localnet: {line}");
}
