//! The soviet contract: councils (boards), decisions and votes.
//!
//! Tables (scope = the contract): `peers`.
mod actions;
pub mod errors;

pub use actions::*;

coop_runtime::contract_interface! {
    /// The soviet's actions.
    pub trait Soviet {
        /// Sets the peer contracts. Signed by the soviet account; may be repeated.
        init(Init);
    }
    tables { coop_runtime::peers::PeersTable }
}
