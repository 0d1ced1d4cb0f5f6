//! The operator's tables (scope = the contract): `config`, `providers`, `requests`,
//! `coopnames`.
use super::super::registrator::CoopParams;
use super::actions::{ConnectResources, Founder};
use alloc::{string::String, vec::Vec};
use coop_runtime::{n, AbiType, Document, PublicKey};
use eosio::{Name, NumBytes, Read, TimePointSec, Write};

/// Request status: waiting for the operator.
pub const REQUEST_PENDING: Name = n("pending");
/// Request status: the cooperative was connected.
pub const REQUEST_CONNECTED: Name = n("connected");
/// Request status: refused by the operator.
pub const REQUEST_REJECTED: Name = n("rejected");

/// The operator's settings (primary key 0).
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
#[abi(name = "operator_config")]
pub struct OperatorConfig {
    pub resources: ConnectResources,
}

coop_runtime::table!(
    /// The settings table.
    OperatorSettings, "config", OperatorConfig, |_row| 0
);

/// A registered provider.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Provider {
    pub provider: Name,
    pub title: String,
    pub added_at: TimePointSec,
}

coop_runtime::table!(
    /// Providers by account.
    Providers, "providers", Provider, |row| row.provider.as_u64()
);

/// A connection request.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct ConnectionRequest {
    pub id: u64,
    pub provider: Name,
    pub coopname: Name,
    pub coop_key: PublicKey,
    pub params: CoopParams,
    pub chairman: Founder,
    pub members: Vec<Founder>,
    pub statement: Document,
    /// `pending`, `connected` or `rejected`.
    pub status: Name,
    /// Why it was rejected (empty otherwise).
    pub reason: String,
    pub created_at: TimePointSec,
}

coop_runtime::table!(
    /// Requests by id (from 1).
    Requests, "requests", ConnectionRequest, |row| row.id
);

/// Which request holds a cooperative name (pending or connected).
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct CoopnameClaim {
    pub coopname: Name,
    pub request_id: u64,
}

coop_runtime::table!(
    /// Claimed cooperative names: one live request per name.
    Coopnames, "coopnames", CoopnameClaim, |row| row.coopname.as_u64()
);
