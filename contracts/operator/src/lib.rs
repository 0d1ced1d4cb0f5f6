//! The operator contract: providers and cooperative connection requests.
//!
//! Tables (scope = the contract): `peers`.
#![no_std]

extern crate alloc;

pub mod actions;
pub mod errors;

#[cfg(target_arch = "wasm32")]
mod handlers;

pub use actions::*;

coop_runtime::contract_interface! {
    /// The operator's actions.
    pub trait Operator {
        /// Sets the peer contracts. Signed by the operator account; may be repeated.
        init(Init);
    }
    tables { coop_runtime::peers::PeersTable }
}

/// The contract's entry point.
#[cfg(all(target_arch = "wasm32", feature = "contract"))]
#[no_mangle]
pub extern "C" fn apply(receiver: u64, code: u64, action: u64) {
    dispatch::<handlers::Contract>(receiver, code, action);
}
