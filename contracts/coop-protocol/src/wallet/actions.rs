//! The data of each action: the public API, shared by the contract, tests and clients.
use coop_runtime::{AbiType, Peers};
use eosio::{NumBytes, Read, Write};

/// `init(peers)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Init {
    pub peers: Peers,
}
