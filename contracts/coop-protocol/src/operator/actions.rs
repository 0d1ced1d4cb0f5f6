//! The data of each action: the public API, shared by the contract, tests and clients.
use super::super::registrator::CoopParams;
use alloc::{string::String, vec::Vec};
use coop_runtime::{AbiType, Document, Peers, PublicKey};
use eosio::{Asset, Name, NumBytes, Read, Write};

/// What the operator spends to bring a cooperative to life, in the core token.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct ConnectResources {
    /// RAM bought for the cooperative's account (its permissions, links and the cards of
    /// the members it creates).
    pub coop_ram: Asset,
    /// NET staked for the cooperative (the operator keeps the stake).
    pub coop_net: Asset,
    /// CPU staked for the cooperative.
    pub coop_cpu: Asset,
    /// RAM bought for each founder's account.
    pub member_ram: Asset,
    /// NET staked for each founder.
    pub member_net: Asset,
    /// CPU staked for each founder.
    pub member_cpu: Asset,
    /// Core tokens given to the cooperative so it can pay for its members' accounts
    /// (zero gives nothing).
    pub coop_funds: Asset,
}

/// `init(peers, resources)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Init {
    pub peers: Peers,
    pub resources: ConnectResources,
}

/// `addprovider(provider, title)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Addprovider {
    pub provider: Name,
    pub title: String,
}

/// `rmprovider(provider)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Rmprovider {
    pub provider: Name,
}

/// A founder of a cooperative: the account to create and its key.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Founder {
    pub username: Name,
    pub public_key: PublicKey,
}

/// `request(provider, coopname, coop_key, params, chairman, members, statement)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Request {
    pub provider: Name,
    /// The cooperative's account to create (1–12 characters, no dots).
    pub coopname: Name,
    /// The key that will control the cooperative's account.
    pub coop_key: PublicKey,
    pub params: CoopParams,
    pub chairman: Founder,
    pub members: Vec<Founder>,
    /// The connection statement, signed by the chairman's key.
    pub statement: Document,
}

/// `connect(request_id)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Connect {
    pub request_id: u64,
}

/// `setupcoop(request_id)`: the second step of `connect`, sent by the contract to itself
/// once the accounts exist.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Setupcoop {
    pub request_id: u64,
}

/// `reject(request_id, reason)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Reject {
    pub request_id: u64,
    pub reason: String,
}

/// `setstatus(coopname, status)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Setstatus {
    pub coopname: Name,
    /// `active` or `blocked`.
    pub status: Name,
}
