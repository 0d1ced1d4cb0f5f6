//! The wallet contract: member wallets, the cooperative ledger, deposits and withdrawals.
//!
//! Tables (scope = the contract): `peers`.
mod actions;
pub mod errors;

pub use actions::*;

coop_runtime::contract_interface! {
    /// The wallet's actions.
    pub trait Wallet {
        /// Sets the peer contracts. Signed by the wallet account; may be repeated.
        init(Init);
    }
    tables { coop_runtime::peers::PeersTable }
}
