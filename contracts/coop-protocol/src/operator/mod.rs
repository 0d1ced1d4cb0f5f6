//! The operator: providers and cooperative connection requests.
//!
//! Tables (scope = the contract): `peers`, `config`, `providers`, `requests`, `coopnames`;
//! (scope = a provider): `connections`.
//! Every action is documented on the [`Operator`] trait; its messages are in [`errors`].
mod actions;
pub mod errors;
pub mod provider;
mod tables;

use crate::{registrator, soviet, wallet};
use errors::*;

pub use actions::*;
pub use provider::{Act, ProviderAction, MAX_ACT_ACTIONS, PROVIDER_ACTIONS, PROVIDER_PERMISSION};
pub use tables::*;

/// The most council members (besides the chairman) a connection request may list.
pub const MAX_MEMBERS: usize = 24;

/// The most connection records one `rmprovider` call erases; the rest in the next calls.
pub const MAX_ERASED_CONNECTIONS: usize = 10;

/// The permission of `eosio` that lets the operator's code create cooperative accounts
/// with any (dot-less) name, linked to `eosio::newaccount` only.
pub const CONNECT_PERMISSION: eosio::Name = coop_runtime::n("connect");

/// Whether `name` may name a cooperative: 1 to 12 characters, no dots.
pub const fn is_coopname(name: eosio::Name) -> bool {
    let value = name.as_u64();
    if value == 0 || value & 0x0f != 0 {
        return false;
    }
    // After the last character only dots (zero groups) may follow; none before it.
    let mut seen_end = false;
    let mut i = 0;
    while i < 12 {
        let group = (value >> (64 - 5 * (i + 1))) & 0x1f;
        if group == 0 {
            seen_end = true;
        } else if seen_end {
            return false;
        }
        i += 1;
    }
    true
}

coop_runtime::contract_interface! {
    /// The operator's actions.
    pub trait Operator {
        /// Sets the peer contracts and what connecting a cooperative costs the operator.
        /// Signed by the operator account; may be repeated.
        init(Init) errors [ERR_BAD_RESOURCES];
        /// Registers a provider. Signed by the operator.
        addprovider(Addprovider)
            errors [ERR_PROVIDER_ACCOUNT_MISSING, ERR_PROVIDER_EXISTS, ERR_PROVIDER_BEING_REMOVED, ERR_TEXT_TOO_LONG];
        /// Removes a provider and, with it, all its power at once: its registration is
        /// erased, so `act` refuses it for every cooperative it connected, its pending
        /// requests can no longer be connected and it can request no more. Its connection
        /// records are erased too, at most [`MAX_ERASED_CONNECTIONS`] per call; returns
        /// whether some are left — push `rmprovider` again while it returns `true` (the
        /// provider cannot be added again before). Signed by the operator.
        /// `ERR_PROVIDER_NOT_FOUND`: neither registered nor any connection record left.
        rmprovider(Rmprovider) -> bool errors [ERR_PROVIDER_NOT_FOUND];
        /// A provider's actions for a cooperative it connected, forwarded by the operator's
        /// code with the cooperative's `provider` permission (see [`provider`]): 1 to
        /// [`MAX_ACT_ACTIONS`] actions among [`PROVIDER_ACTIONS`], each acting on `coopname`.
        /// Signed by the provider; each forwarded action checks the rest (and its RAM is paid
        /// as when the cooperative pushes it).
        act(Act)
            errors [
                ERR_NOT_INITIALIZED, ERR_PROVIDER_NOT_FOUND, ERR_NOT_PROVIDERS_COOP, ERR_ACT_ACTIONS_COUNT,
                ERR_ACTION_NOT_ALLOWED, ERR_ACTION_DATA, ERR_ACTION_OTHER_COOP,
            ]
            calls [
                registrator::Newaccount, registrator::Joincoop, registrator::Cancelapp, registrator::Selectbranch,
                registrator::Adduser, registrator::Agree, wallet::Deposit, wallet::Confirm, wallet::Cancel,
                wallet::Payout, wallet::Failwithdr, wallet::Payrefund,
            ];
        /// A provider asks to connect a cooperative; returns the request id. Signed by the
        /// provider, who pays the request's RAM (the table keeps the statement's hash). The
        /// statement must be signed by the chairman's key — the one this request gives them
        /// (`ERR_KEY_NOT_SIGNERS` otherwise) — for this cooperative name, this provider and
        /// this request's key, parameters and founders (`consent`).
        request(Request) -> u64
            errors [
                ERR_PROVIDER_NOT_FOUND, ERR_BAD_COOPNAME, ERR_COOP_ACCOUNT_EXISTS, ERR_NAME_IN_AUCTION,
                ERR_COOP_REQUESTED, ERR_BAD_SYMBOL, ERR_BAD_FEES, ERR_TEXT_TOO_LONG, ERR_TOO_MANY_MEMBERS,
                ERR_CHAIRMAN_IN_MEMBERS, ERR_DUPLICATE_MEMBER, ERR_BAD_USERNAME, ERR_COOPNAME_IS_FOUNDER,
                ERR_FOUNDER_EXISTS, ERR_META_TOO_LONG, ERR_BAD_SIGNATURE, ERR_KEY_NOT_SIGNERS, ERR_NOT_INITIALIZED,
            ];
        /// Connects the requested cooperative in one transaction: its account and the
        /// founders' accounts (resources paid by the operator), the registry entry with the
        /// founders as participants, the council, the ledger, the contracts' and the
        /// provider's permissions, the four default agreements (`wallet`, `signature`,
        /// `privacy`, `user`, version 1), and the cooperative's starting funds. Signed by the
        /// operator.
        connect(Connect)
            errors [
                ERR_NOT_INITIALIZED, ERR_REQUEST_NOT_FOUND, ERR_REQUEST_NOT_PENDING, ERR_PROVIDER_NOT_FOUND,
                ERR_COOP_ACCOUNT_EXISTS, ERR_NAME_IN_AUCTION, ERR_FOUNDER_EXISTS, ERR_OPERATOR_CANNOT_PAY,
            ]
            calls [Setupcoop];
        /// The second half of `connect`, which the contract sends to itself once the
        /// accounts exist (an inline action may only be authorised by an existing account):
        /// permissions, registry, council, ledger, funds, and the hand-over of the
        /// cooperative's account to its key.
        setupcoop(Setupcoop)
            errors [ERR_INTERNAL_STEP, ERR_NOT_INITIALIZED, ERR_REQUEST_NOT_FOUND, ERR_REQUEST_NOT_PENDING]
            calls [registrator::Regcoop, soviet::Createboard, wallet::Openledger, registrator::Setagreement];
        /// Refuses a pending request: erases it (the provider gets its RAM back; the reason
        /// stays in this action's data) and frees its cooperative name. Signed by the operator.
        reject(Reject) errors [ERR_REQUEST_NOT_FOUND, ERR_REQUEST_NOT_PENDING, ERR_TEXT_TOO_LONG];
        /// Blocks or re-activates a cooperative (mirrored in the registrator's registry, which
        /// checks the status and the cooperative). Signed by the operator.
        setstatus(Setstatus) errors [ERR_NOT_INITIALIZED] calls [registrator::Setstatus];
    }
    tables { coop_runtime::peers::PeersTable, OperatorSettings, RequestCounters, Providers, Requests, Coopnames, Connections }
}

#[cfg(test)]
mod tests {
    use super::*;
    use coop_runtime::n;

    #[test]
    fn coopnames_have_no_dots_and_at_least_one_character() {
        assert!(is_coopname(n("voskhod")));
        assert!(is_coopname(n("a")));
        assert!(is_coopname(n("abcdefghijkl")));
        assert!(!is_coopname(n("")));
        assert!(!is_coopname(n("vos.khod")));
        assert!(!is_coopname(n("eosio.token")));
        assert!(!is_coopname(n("abcdefghijkla")));
    }
}
