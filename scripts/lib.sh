# Shared by the scripts: installs what the project needs, idempotently.
# Sourced, not run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

say() { printf '==> %s\n' "$*" >&2; }

# The Rust target that produces WebAssembly 1.0 (MVP), which nodeos accepts.
ensure_wasm_target() {
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32v1-none; then
    say "installing the Rust target wasm32v1-none"
    rustup target add wasm32v1-none >&2
  fi
}

# Installs the Debian package $1 ("installing $2 (Debian package $1)") when apt is available
# (as root, or through password-less sudo); `apt-get update` only when the plain install
# fails. Returns 1 when it could not.
apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -qq -y)
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      apt=(sudo -n "${apt[@]}")
    else
      return 1
    fi
  fi
  say "installing $2 (Debian package $1)"
  "${apt[@]}" install "$1" >&2 || { "${apt[@]}" update >&2 && "${apt[@]}" install "$1" >&2; }
}

# wasm-opt (Debian's `binaryen`), the optimiser the build runs last, installed when missing.
# Returns 1 when it is still not there: the build then goes on without it.
ensure_wasm_opt() {
  command -v wasm-opt >/dev/null 2>&1 && return 0
  apt_install binaryen wasm-opt || return 1
  command -v wasm-opt >/dev/null 2>&1
}

# Builds the command-line tools once: coop-tools' abigen, check-wasm, localnet and deploy, and
# coop-scenarios' demo and bench (all into target/debug/, run by `tool`).
build_tools() {
  say "building the tools"
  cargo build -q -p coop-tools -p coop-scenarios --bins
}

tool() {
  local name="$1"; shift
  "$ROOT/target/debug/$name" "$@"
}
