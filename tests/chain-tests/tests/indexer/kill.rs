//! The command killed mid-way: `coop-indexer` is spawned, killed with SIGKILL once its
//! cursor passes a mark, and started again on the same database until it finishes.
use antelope_test_harness::tools::workspace_root;
use coop_indexer::db;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The `coop-indexer` binary, built for this test (the library is built already: only the
/// command is compiled and linked).
pub fn binary() -> PathBuf {
    let status = Command::new(env!("CARGO"))
        .args(["build", "-q", "-p", "coop-indexer", "--bin", "coop-indexer"])
        .current_dir(workspace_root())
        .status()
        .expect("run cargo build");
    assert!(status.success(), "cargo build -p coop-indexer failed");
    workspace_root().join("target/debug/coop-indexer")
}

fn spawn(binary: &Path, url: &str, db: &Path, to_block: u32) -> Child {
    Command::new(binary)
        .args(["--url", url, "--db"])
        .arg(db)
        .args(["--to-block", &to_block.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn coop-indexer")
}

/// The database's last block, 0 before the first (the file may not exist yet).
fn written(db: &Path) -> u32 {
    if !db.exists() {
        return 0;
    }
    db::open_read_only(db).ok().and_then(|conn| db::cursor(&conn).ok().flatten()).map_or(0, |c| c.block_num)
}

/// Runs the command to `to_block`, killing it once past each of `marks`; returns the
/// blocks at which it was killed.
pub fn run_with_kills(binary: &Path, url: &str, db: &Path, to_block: u32, marks: &[u32]) -> Vec<u32> {
    let mut killed_at = Vec::new();
    for &mark in marks {
        let mut child = spawn(binary, url, db, to_block);
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(status) = child.try_wait().expect("wait") {
                panic!("coop-indexer ended ({status}) before block {mark}, at block {}", written(db));
            }
            let block = written(db);
            if block >= mark {
                child.kill().expect("SIGKILL");
                child.wait().expect("reap");
                killed_at.push(written(db));
                break;
            }
            assert!(Instant::now() < deadline, "coop-indexer did not reach block {mark} in time");
            std::thread::sleep(Duration::from_millis(2));
        }
    }
    let status = spawn(binary, url, db, to_block).wait().expect("wait");
    assert!(status.success(), "coop-indexer, started again, ended with {status}");
    killed_at
}
