//! The production defaults: the contract accounts and what accounts cost, as the `deploy` and
//! `localnet` commands use them when not told otherwise, and as the test fixture deploys.
//! Every one of them can be overridden (`scripts/deploy --operator … --account-ram …`).
use crate::boot::core;
use coop_protocol::operator::ConnectResources;
use coop_protocol::registrator::AccountResources;
use coop_runtime::{n, Peers};

/// The contract accounts on the localnet and in tests (the crate names), and the default
/// of `scripts/deploy`.
pub fn default_peers() -> Peers {
    Peers { operator: n("operator"), registrator: n("registrator"), soviet: n("soviet"), wallet: n("wallet") }
}

/// What a member's account costs its cooperative (`registrator::init`) on the localnet, in
/// tests and by default of `scripts/deploy`.
pub fn default_account_resources() -> AccountResources {
    AccountResources { ram: core("0.1000"), net: core("0.1000"), cpu: core("0.1000") }
}

/// What connecting a cooperative costs the operator (`operator::init`) on the localnet, in
/// tests and by default of `scripts/deploy`.
pub fn default_connect_resources() -> ConnectResources {
    ConnectResources {
        coop_ram: core("1.0000"),
        coop_net: core("1.0000"),
        coop_cpu: core("1.0000"),
        member_ram: core("0.1000"),
        member_net: core("0.1000"),
        member_cpu: core("0.1000"),
        coop_funds: core("10.0000"),
    }
}

/// RAM for each contract account that [`crate::deploy::create_and_deploy`] creates: room
/// for its code (about ten times the WASM size) and its own rows.
pub const CONTRACT_RAM_BYTES: u32 = 2 * 1024 * 1024;
