//! The registrator contract: account cards, the cooperatives registry, account creation.
//!
//! The public API (actions, tables, messages) is `coop_protocol::registrator`; this crate
//! holds the behaviour.
#![cfg_attr(target_arch = "wasm32", no_std)]

#[cfg(target_arch = "wasm32")]
extern crate alloc;

#[cfg(target_arch = "wasm32")]
mod handlers;

/// The contract's entry point.
#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub extern "C" fn apply(receiver: u64, code: u64, action: u64) {
    coop_protocol::registrator::dispatch::<handlers::Contract>(receiver, code, action);
}
