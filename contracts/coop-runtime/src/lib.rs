//! What every cooperative contract needs, on the chain and on the host.
//!
//! Compiled for two targets:
//! - `wasm32v1-none` (the contract): allocator, panic handler, the `apply` entry point,
//!   intrinsics, tables and inline actions (modules behind `cfg(target_arch = "wasm32")`);
//! - the host (tests, ABI generation, tools): the same wire types, action structs and row
//!   types, so that nothing about an action or a row is declared twice.
#![no_std]

extern crate alloc;

pub mod action;
pub mod asset_math;
pub mod asset_text;
pub mod crypto;
pub mod document;
pub mod interface;
pub mod name;
pub mod packing;
pub mod paging;
pub mod peers;
pub mod system;
pub mod table;

#[cfg(target_arch = "wasm32")]
pub mod chain;
#[cfg(target_arch = "wasm32")]
mod wasm_support;

pub use action::ActionData;
pub use coop_abi::{AbiBuilder, AbiType};
pub use crypto::{KeyType, PublicKey, Signature};
pub use document::Document;
pub use name::{n, sym};
pub use peers::Peers;

/// Re-exports used by the macros of this crate.
#[doc(hidden)]
pub mod __private {
    pub use coop_abi;
    pub use eosio;
}
