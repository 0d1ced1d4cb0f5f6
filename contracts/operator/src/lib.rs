//! The operator contract: providers and cooperative connection requests.
//!
//! The public API (actions, tables, messages) is `coop_protocol::operator`; this crate holds the
//! behaviour.
#![cfg_attr(target_arch = "wasm32", no_std)]

#[cfg(target_arch = "wasm32")]
extern crate alloc;

#[cfg(target_arch = "wasm32")]
mod handlers;

/// The contract's entry point.
#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub extern "C" fn apply(receiver: u64, code: u64, action: u64) {
    coop_protocol::operator::dispatch::<handlers::Contract>(receiver, code, action);
}
