//! The operator: providers and cooperative connection requests.
//!
//! Tables (scope = the contract): `peers`, `config`, `providers`, `requests`, `coopnames`;
//! (scope = a provider): `connections`.
//! Every action is documented on the [`Operator`] trait; its messages are in [`errors`].
mod actions;
pub mod errors;
mod tables;

pub use actions::*;
pub use tables::*;

/// The most council members (besides the chairman) a connection request may list.
pub const MAX_MEMBERS: usize = 24;

/// The cooperative's permission through which its provider acts for it.
pub const PROVIDER_PERMISSION: eosio::Name = coop_runtime::n("provider");

/// The cooperative's permission satisfied by the operator's code alone and parent of its
/// `provider` permission, so that `rmprovider` can take a removed provider's power away
/// (`eosio::updateauth` of `coop@provider` needs the permission itself or an ancestor).
/// Linked to nothing.
pub const OPERATOR_PERMISSION: eosio::Name = coop_runtime::n("operator");

/// The most cooperatives one `rmprovider` call revokes; the rest in the next calls.
pub const MAX_REVOCATIONS: usize = 5;

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
        /// Signed by the operator account; may be repeated. Errors: `ERR_BAD_RESOURCES`.
        init(Init);
        /// Registers a provider. Signed by the operator.
        /// Errors: `ERR_PROVIDER_ACCOUNT_MISSING`, `ERR_PROVIDER_EXISTS`,
        /// `ERR_PROVIDER_BEING_REMOVED`, `ERR_TEXT_TOO_LONG`.
        addprovider(Addprovider);
        /// Removes a provider and takes its power away on chain: its pending requests can no
        /// longer be connected, it can request no more, and the `provider` permission of
        /// every cooperative it connected is handed back to that cooperative
        /// (`coop@provider` := `coop@active`, through `coop@operator`), at most
        /// [`MAX_REVOCATIONS`] cooperatives per call. Returns how many of its cooperatives are
        /// left to revoke: while it is above 0, push `rmprovider` again for the same
        /// provider. Signed by the operator. Errors: `ERR_PROVIDER_NOT_FOUND` (neither
        /// registered nor any cooperative left to revoke).
        rmprovider(Rmprovider) -> u32;
        /// A provider asks to connect a cooperative; returns the request id. Signed by the
        /// provider, who pays the request's RAM (the table keeps the statement's hash). The
        /// statement must be signed by the chairman's key for this cooperative name, this
        /// provider and this request's key, parameters and founders (`consent`).
        /// Errors: `ERR_NOT_INITIALIZED`, `ERR_PROVIDER_NOT_FOUND`, `ERR_BAD_COOPNAME`, `ERR_COOP_ACCOUNT_EXISTS`,
        /// `ERR_NAME_IN_AUCTION`, `ERR_COOP_REQUESTED`, `ERR_COOPNAME_IS_FOUNDER`, the registrator's `ERR_BAD_SYMBOL`/`ERR_BAD_FEES`/
        /// `ERR_TEXT_TOO_LONG`, `ERR_BAD_FOUNDER_NAME`, `ERR_FOUNDER_EXISTS`,
        /// `ERR_CHAIRMAN_IN_MEMBERS`, `ERR_DUPLICATE_MEMBER`, `ERR_TOO_MANY_MEMBERS`,
        /// `ERR_BAD_STATEMENT`.
        request(Request) -> u64;
        /// Connects the requested cooperative in one transaction: its account and the
        /// founders' accounts (resources paid by the operator), the registry entry with the
        /// founders as participants, the council, the ledger, the contracts' and the
        /// provider's permissions, the four default agreements (`wallet`, `signature`,
        /// `privacy`, `user`, version 1), and the cooperative's starting funds. Signed by the
        /// operator. Errors: `ERR_REQUEST_NOT_FOUND`, `ERR_REQUEST_NOT_PENDING`,
        /// `ERR_PROVIDER_NOT_FOUND`, `ERR_COOP_ACCOUNT_EXISTS`, `ERR_NAME_IN_AUCTION`,
        /// `ERR_FOUNDER_EXISTS`.
        connect(Connect);
        /// The second half of `connect`, which the contract sends to itself once the
        /// accounts exist (an inline action may only be authorised by an existing account):
        /// permissions, registry, council, ledger, funds, and the hand-over of the
        /// cooperative's account to its key. Errors: `ERR_INTERNAL_STEP`.
        setupcoop(Setupcoop);
        /// The third step of `connect`, which `setupcoop` sends to the contract itself once
        /// the cooperative's `operator` permission exists: the `provider` permission under it
        /// (the provider's `active`), its links, and the provider's connection record.
        /// Errors: `ERR_INTERNAL_STEP`.
        setupprov(Setupprov);
        /// Refuses a pending request: erases it (the provider gets its RAM back; the reason
        /// stays in this action's data) and frees its cooperative name. Signed by the operator.
        /// Errors: `ERR_REQUEST_NOT_FOUND`, `ERR_REQUEST_NOT_PENDING`, `ERR_TEXT_TOO_LONG`.
        reject(Reject);
        /// Blocks or re-activates a cooperative (mirrored in the registrator's registry).
        /// Signed by the operator. Errors: the registrator's `ERR_BAD_STATUS`,
        /// `ERR_COOP_NOT_FOUND`.
        setstatus(Setstatus);
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
