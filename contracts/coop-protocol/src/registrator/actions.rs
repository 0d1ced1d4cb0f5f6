//! The data of each action: the public API, shared by the contract, tests and clients.
use alloc::string::String;
use alloc::vec::Vec;
use coop_runtime::{AbiType, Document, Peers, PublicKey};
use eosio::{Asset, Name, NumBytes, Read, Symbol, TimePointSec, Write};

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

/// `regcoop(coopname, params, founders)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Regcoop {
    pub coopname: Name,
    pub params: CoopParams,
    /// Existing accounts that become the cooperative's first accepted individual
    /// participants (the chairman first).
    pub founders: Vec<Name>,
}

/// `setstatus(coopname, status)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Setstatus {
    pub coopname: Name,
    /// `active` or `blocked`.
    pub status: Name,
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

/// `joincoop(coopname, braname, username, statement)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Joincoop {
    pub coopname: Name,
    /// A branch of the cooperative; required when it is branched, else may be empty.
    pub braname: Name,
    pub username: Name,
    /// The application statement, signed by `username`'s key.
    pub statement: Document,
}

/// `createbranch(coopname, braname, trustee, title)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Createbranch {
    pub coopname: Name,
    pub braname: Name,
    pub trustee: Name,
    pub title: String,
}

/// `deletebranch(coopname, braname)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Deletebranch {
    pub coopname: Name,
    pub braname: Name,
}

/// `selectbranch(coopname, username, braname, statement)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Selectbranch {
    pub coopname: Name,
    pub username: Name,
    pub braname: Name,
    /// The member's signed statement choosing the branch.
    pub statement: Document,
}

/// `paidjoin(coopname, username, deposit_id)`: sent by the wallet contract when a
/// registration payment is confirmed.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Paidjoin {
    pub coopname: Name,
    pub username: Name,
    pub deposit_id: u64,
}

/// `acceptjoin(coopname, username, decision_id)`: sent by the soviet contract when the
/// council's `joincoop` decision is executed.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Acceptjoin {
    pub coopname: Name,
    pub username: Name,
    pub decision_id: u64,
}

/// `declinejoin(coopname, username, decision_id)`: sent by the soviet contract when the
/// council's `joincoop` decision is declined or expired.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Declinejoin {
    pub coopname: Name,
    pub username: Name,
    pub decision_id: u64,
}

/// `leavecoop(coopname, username, statement)`: a member asks to leave the cooperative.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Leavecoop {
    pub coopname: Name,
    pub username: Name,
    /// The signed statement (заявление о выходе), signed by the member's key.
    pub statement: Document,
}

/// `acceptleave(coopname, username, decision_id)`: sent by the soviet contract when the
/// council's `leave` decision is executed.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Acceptleave {
    pub coopname: Name,
    pub username: Name,
    pub decision_id: u64,
}

/// `declineleave(coopname, username, decision_id)`: sent by the soviet contract when the
/// council's `leave` decision is declined or expired.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Declineleave {
    pub coopname: Name,
    pub username: Name,
    pub decision_id: u64,
}

/// `setfees(coopname, initial, minimum, org_initial, org_minimum)`: the cooperative's new
/// entrance fees and minimum share contributions (individuals and entrepreneurs;
/// organisations), all positive and in the cooperative's symbol.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Setfees {
    pub coopname: Name,
    pub initial: Asset,
    pub minimum: Asset,
    pub org_initial: Asset,
    pub org_minimum: Asset,
}

/// `cancelapp(coopname, username)`: an application that nobody has paid for is withdrawn.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Cancelapp {
    pub coopname: Name,
    pub username: Name,
}

/// `adduser(coopname, username, type, public_key, braname, joined_at, initial, minimum, meta)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Adduser {
    pub coopname: Name,
    pub username: Name,
    pub r#type: Name,
    pub public_key: PublicKey,
    pub braname: Name,
    /// When the person joined on paper (not in the future).
    pub joined_at: TimePointSec,
    /// The entrance fee they paid.
    pub initial: Asset,
    /// The minimum share contribution they paid.
    pub minimum: Asset,
    pub meta: String,
}

/// `changekey(coopname, username, public_key)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Changekey {
    pub coopname: Name,
    pub username: Name,
    pub public_key: PublicKey,
}

/// `setagreement(coopname, kind, version, title)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Setagreement {
    pub coopname: Name,
    pub kind: Name,
    /// Greater than the current version (at least 1 for a new kind).
    pub version: u32,
    pub title: String,
}

/// `rmagreement(coopname, kind)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Rmagreement {
    pub coopname: Name,
    pub kind: Name,
}

/// `agree(coopname, username, kind, version, document)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Agree {
    pub coopname: Name,
    pub username: Name,
    pub kind: Name,
    /// Must be the kind's current version.
    pub version: u32,
    /// The agreement, signed by `username`'s key.
    pub document: Document,
}
