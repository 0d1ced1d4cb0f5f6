//! The wallet contract: member wallets, the cooperative ledger, deposits and withdrawals.
//!
//! The public API (actions, tables, messages) is `coop_protocol::wallet`; this crate holds the
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
    coop_protocol::wallet::dispatch::<handlers::Contract>(receiver, code, action);
}
