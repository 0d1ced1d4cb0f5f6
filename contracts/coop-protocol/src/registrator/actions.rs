//! The data of each action: the public API, shared by the contract, tests and clients.
use alloc::string::String;
use coop_runtime::{AbiType, Peers, PublicKey};
use eosio::{Asset, Name, NumBytes, Read, Symbol, Write};

/// What creating one account costs its cooperative, in the core token.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct AccountResources {
    /// Spent on RAM for the new account (`eosio::buyram`).
    pub ram: Asset,
    /// Staked for NET (`eosio::delegatebw`, the cooperative keeps the stake).
    pub net: Asset,
    /// Staked for CPU.
    pub cpu: Asset,
}

/// `init(peers, resources)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Init {
    pub peers: Peers,
    pub resources: AccountResources,
}

/// A cooperative's fees: entrance fee (`initial`) and minimum share contribution
/// (`minimum`) for individuals and entrepreneurs, and the same for organisations.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct CoopParams {
    /// The cooperative's unit of account, e.g. `4,RUB`.
    pub symbol: Symbol,
    pub initial: Asset,
    pub minimum: Asset,
    pub org_initial: Asset,
    pub org_minimum: Asset,
    /// Short public announcement.
    pub announce: String,
    /// Public description.
    pub description: String,
}

/// `regcoop(coopname, params)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Regcoop {
    pub coopname: Name,
    pub params: CoopParams,
}

/// `newaccount(coopname, username, type, public_key, referer, meta)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Newaccount {
    pub coopname: Name,
    pub username: Name,
    /// `individual`, `entrepreneur` or `organization`.
    pub r#type: Name,
    pub public_key: PublicKey,
    /// Who invited the person (an account with a card), or empty.
    pub referer: Name,
    /// Public metadata (JSON), at most 1024 bytes.
    pub meta: String,
}

/// Event `evcoopreg(coopname)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct EvCoopReg {
    pub coopname: Name,
}

/// Event `evaccount(coopname, username, type)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct EvAccount {
    pub coopname: Name,
    pub username: Name,
    pub r#type: Name,
}
