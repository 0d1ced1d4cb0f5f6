//! The registrator: account cards, the cooperatives registry, account creation.
//!
//! Tables (scope = the contract): `peers`, `config`, `cards`, `coops`.
//! Every action is documented on the [`Registrator`] trait; its messages are in [`errors`].
mod actions;
pub mod errors;
mod tables;

pub use actions::*;
pub use tables::*;

coop_runtime::contract_interface! {
    /// The registrator's actions.
    pub trait Registrator {
        /// Sets the peer contracts and what a new account costs its cooperative.
        /// Signed by the registrator account. May be repeated to change the settings.
        /// Errors: `ERR_BAD_RESOURCES`.
        init(Init);
        /// Registers a cooperative (status active, not branched). Signed by the operator
        /// (`peers.operator`); the operator pays the row's RAM.
        /// Errors: `ERR_NOT_INITIALIZED`, `ERR_COOP_ACCOUNT_MISSING`, `ERR_COOP_EXISTS`,
        /// `ERR_BAD_SYMBOL`, `ERR_BAD_FEES`, `ERR_TEXT_TOO_LONG`.
        regcoop(Regcoop);
        /// Creates a person's blockchain account and their card, paid by the cooperative:
        /// `active` = `public_key`, `owner` = the registrator's code (so `changekey` can
        /// restore access), RAM/NET/CPU bought and staked by the cooperative (amounts from
        /// `init`). Signed by `coopname` (any of its permissions linked to this action).
        /// Errors: `ERR_COOP_NOT_FOUND`, `ERR_COOP_NOT_ACTIVE`, `ERR_BAD_USERNAME`,
        /// `ERR_ACCOUNT_EXISTS`, `ERR_CARD_EXISTS`, `ERR_BAD_TYPE`, `ERR_REFERER_NOT_FOUND`,
        /// `ERR_TEXT_TOO_LONG`, `ERR_COOP_CANNOT_PAY`.
        newaccount(Newaccount);
        /// Event: a cooperative was registered. Emitted by the contract only.
        evcoopreg(EvCoopReg);
        /// Event: an account and its card were created. Emitted by the contract only.
        evaccount(EvAccount);
    }
    tables { coop_runtime::peers::PeersTable, Config, Cards, Coops }
}
