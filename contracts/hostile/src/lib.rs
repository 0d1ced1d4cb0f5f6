//! A hostile contract, for the reliability tests only: it tries to make our contracts act
//! without their trust. It sends their internal actions inline with its own authority (or
//! declaring authorities it does not have), forwards notifications to them, echoes actions
//! named like theirs to them as notifications, and sends their public actions naming a
//! victim whose signature is in the same transaction. Every attempt must be refused
//! (`tests/chain-tests/tests/reliability/hostile.rs`).
//!
//! `scripts/build` builds and checks it with the others; nothing deploys it but the tests
//! (`scripts/deploy` and the localnet never do). Its API is [`protocol`]; its ABI is
//! generated from it when a test deploys it.
#![cfg_attr(target_arch = "wasm32", no_std)]

extern crate alloc;

pub mod protocol;

#[cfg(target_arch = "wasm32")]
mod handlers;

pub use protocol::abi;

/// The contract's entry point: a notification of a token transfer (forwarded, then the
/// armed plan); its own actions; any other action pushed to it (echoed to our contracts).
#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub extern "C" fn apply(receiver: u64, code: u64, action: u64) {
    use coop_runtime::{system, ActionData};
    if code == system::TOKEN.as_u64() && action == system::TokenTransfer::NAME.as_u64() {
        handlers::notifications::forward();
    } else if receiver == code {
        if protocol::is_own_action(action) {
            protocol::dispatch::<handlers::Contract>(receiver, code, action);
        } else {
            handlers::notifications::echo();
        }
    }
}
