//! The operator contract: providers and cooperative connection requests.
//!
//! Tables (scope = the contract): `peers`.
mod actions;
pub mod errors;

pub use actions::*;

coop_runtime::contract_interface! {
    /// The operator's actions.
    pub trait Operator {
        /// Sets the peer contracts. Signed by the operator account; may be repeated.
        init(Init);
    }
    tables { coop_runtime::peers::PeersTable }
}
