//! The cooperative's permissions that let our contracts act in its name.
use coop_runtime::{action::level, n};
use eosio::{Name, PermissionLevel};

/// `coop@contracts`: satisfied by the code of the registrator, the soviet and the wallet,
/// linked to the internal actions that write rows the cooperative pays for because
/// someone belongs to it (`soviet::propose`, `registrator::acceptjoin`,
/// `wallet::addmember`, `wallet::leftcoop`). A contract sends those actions with this level next to its own
/// `active`, so the cooperative — not the contract account — is the RAM payer.
pub const CONTRACTS_PERMISSION: Name = n("contracts");

/// The authorisation of an inline call from contract `sender` that the cooperative pays for:
/// `sender@active` (the receiver checks who sent it) and `coopname@contracts`.
pub fn paid_by_coop(sender: Name, coopname: Name) -> [PermissionLevel; 2] {
    [level(sender, coop_runtime::system::ACTIVE), level(coopname, CONTRACTS_PERMISSION)]
}
