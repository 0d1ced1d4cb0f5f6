//! A client for any Antelope (Leap 4) chain, knowing nothing of our contracts: what tests,
//! tools and the indexer share to talk to a node.
//!
//! - [`keys`]: K1 keys and signatures in the chain's text formats.
//! - [`transaction`]: transactions — binary packing, TAPOS, the signing digest, the signed body.
//! - [`abi_bin`]: the binary ABI that `eosio::setabi` takes, and reading `.abi` JSON files.
//! - [`client`]: the chain API of one node — push signed transactions, read tables and
//!   accounts, read-only calls, wait for blocks.
//!
//! Depends on `coop-runtime` only for the wire-correct key and signature types and on
//! `coop-abi` for the ABI document, never on `coop-protocol`.
pub mod abi_bin;
pub mod client;
pub mod keys;
pub mod transaction;
