//! The test fixture of the cooperative contracts: a booted chain with the contracts deployed
//! and the verbs tests speak in.
//!
//! - [`fixture`]: [`fixture::TestChain`] — one chain per test binary (or an existing one),
//!   `ok`/`fails`/`rows`, fresh names and keys.
//! - [`cooperative`], [`flow`], [`decisions`]: test cooperatives, people and documents, a
//!   person's way in, a council's free decisions.
//! - [`agenda`], [`wallet_queries`], [`views`], [`ram`]: what a provider reads (read-only
//!   calls, cleos, secondary indexes) and accounts' RAM.
//!
//! This crate builds on two others, and nothing builds on it but the tests and the
//! `coop-scenarios` commands (demo, benchmark):
//! - `antelope-client`, the generic chain client: [`keys`], [`transaction`], [`abi_bin`],
//!   [`client`];
//! - `coop-tools`, the operator's tools and the production defaults: [`node`], [`tools`],
//!   [`boot`], [`deploy`], [`defaults`], [`localnet`], [`cleos`], [`wasm_check`], [`abi_files`].
//!
//! Their modules are re-exported here under their own names, so tests keep writing
//! `antelope_test_harness::keys::PrivateKey`, `antelope_test_harness::deploy::…`,
//! `antelope_test_harness::localnet::…` with one dependency.
pub use antelope_client::{abi_bin, client, keys, transaction};
pub use coop_tools::{abi_files, boot, cleos, defaults, deploy, localnet, node, tools, wasm_check};

pub mod agenda;
pub mod cooperative;
pub mod decisions;
pub mod fixture;
pub mod flow;
pub mod ram;
pub mod verbs;
pub mod views;
pub mod wallet_queries;
