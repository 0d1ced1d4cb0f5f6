//! The operator's tables (scope = the contract): `config`, `counters`, `providers`,
//! `requests`, `coopnames`.
use super::super::registrator::CoopParams;
use super::actions::{ConnectResources, Founder};
use alloc::{string::String, vec::Vec};
use coop_runtime::{n, AbiType, PublicKey};
use eosio::{Checksum256, Name, NumBytes, Read, TimePointSec, Write};

/// Request status: waiting for the operator.
pub const REQUEST_PENDING: Name = n("pending");
/// Request status: the cooperative was connected.
pub const REQUEST_CONNECTED: Name = n("connected");

/// The operator's settings (primary key 0).
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
#[abi(name = "operator_config")]
pub struct OperatorConfig {
    pub resources: ConnectResources,
}

coop_runtime::table!(
    /// The settings table. RAM: paid by the operator at `init`; one row.
    OperatorSettings, "config", OperatorConfig, |_row| 0
);

/// The last request id given out (ids start at 1 and are never reused).
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
#[abi(name = "request_counter")]
pub struct RequestCounter {
    pub last_id: u64,
}

coop_runtime::table!(
    /// The request counter (primary key 0). RAM: paid by the operator at its first `init`;
    /// one row.
    RequestCounters, "counters", RequestCounter, |_row| 0
);

/// A registered provider.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Provider {
    pub provider: Name,
    pub title: String,
    pub added_at: TimePointSec,
}

coop_runtime::table!(
    /// Providers by account. RAM: paid by the operator (`addprovider`); freed by
    /// `rmprovider`; as many as the operator registers.
    Providers, "providers", Provider, |row| row.provider.as_u64()
);

/// A connection request.
///
/// RAM: paid by the provider (who signed `request`); freed when the operator rejects it;
/// kept once connected, as the cooperative's connection record; one per cooperative name
/// at a time (`coopnames`), otherwise bounded by the provider's own RAM.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct ConnectionRequest {
    pub id: u64,
    pub provider: Name,
    pub coopname: Name,
    pub coop_key: PublicKey,
    pub params: CoopParams,
    pub chairman: Founder,
    pub members: Vec<Founder>,
    /// SHA-256 of the chairman's signed statement (the document is in `request`).
    pub statement_hash: Checksum256,
    /// `pending` or `connected`.
    pub status: Name,
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
    /// Claimed cooperative names: one live request per name. RAM: paid by the provider;
    /// freed when the request is rejected; one per requested name.
    Coopnames, "coopnames", CoopnameClaim, |row| row.coopname.as_u64()
);

/// A cooperative a provider connected (scope = the provider, key = the cooperative).
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Connection {
    pub coopname: Name,
}

coop_runtime::table!(
    /// The cooperatives each provider connected: `act` forwards a provider's actions only
    /// for these. RAM: paid by the operator at `connect` (one row per cooperative, part of
    /// the fixed set connecting costs); freed by `rmprovider` (10 a call); one per connected
    /// cooperative, created only by the operator.
    Connections, "connections", Connection, |row| row.coopname.as_u64()
);
