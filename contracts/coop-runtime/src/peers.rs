//! The accounts of the four contracts, set by each contract's `init`.
use crate::AbiType;
use eosio::{Name, NumBytes, Read, Write};

/// Where the platform's contracts live. Every contract stores one copy, written by its
/// `init`, and checks inline callers against it; no contract account is hard-coded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Read, Write, NumBytes, AbiType)]
pub struct Peers {
    /// The operator of the platform (an account, usually holding the `operator` contract).
    pub operator: Name,
    /// The registrator contract.
    pub registrator: Name,
    /// The soviet (council) contract.
    pub soviet: Name,
    /// The wallet contract.
    pub wallet: Name,
}

crate::table!(
    /// Each contract's copy of [`Peers`] (primary key 0), written by its `init`. RAM: paid by
    /// the contract account, which signs `init`; rewritten in place; one row.
    PeersTable, "peers", Peers, |_row| 0
);

/// Writes this contract's [`Peers`]: the body of every contract's `init`, which the
/// contract account itself must sign. It pays the row's RAM.
#[cfg(target_arch = "wasm32")]
pub fn save(peers: Peers) {
    let me = crate::chain::current_receiver();
    crate::chain::require_auth(me);
    crate::chain::Rows::<PeersTable>::new(me, me).save(me, &peers);
}

/// This contract's [`Peers`], or abort with `not_initialized`.
#[cfg(target_arch = "wasm32")]
pub fn load(not_initialized: &str) -> Peers {
    let me = crate::chain::current_receiver();
    crate::chain::Rows::<PeersTable>::new(me, me).get_or_fail(0, not_initialized)
}
