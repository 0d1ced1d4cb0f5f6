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

# Builds the harness's command-line tools once (abigen, check-wasm, localnet, deploy, demo).
build_tools() {
  say "building the tools"
  cargo build -q -p antelope-test-harness --bins
}

tool() {
  local name="$1"; shift
  "$ROOT/target/debug/$name" "$@"
}
