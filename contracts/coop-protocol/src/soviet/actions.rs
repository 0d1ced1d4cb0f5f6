//! The data of each action: the public API, shared by the contract, tests and clients.
use super::tables::BoardMember;
use alloc::vec::Vec;
use coop_runtime::{AbiType, Document, Peers};
use eosio::{Checksum256, Name, NumBytes, Read, Write};

/// `init(peers)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Init {
    pub peers: Peers,
}

/// `createboard(coopname, chairman, members)`: the first council.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Createboard {
    pub coopname: Name,
    pub chairman: Name,
    /// The other members (position `member`, all voting); not the chairman.
    pub members: Vec<Name>,
}

/// `updateboard(coopname, members)`: replaces the council.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Updateboard {
    pub coopname: Name,
    /// The whole new council, the chairman included.
    pub members: Vec<BoardMember>,
}

/// `setttl(coopname, seconds)`: how long the cooperative's new decisions stay open.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Setttl {
    pub coopname: Name,
    pub seconds: u32,
}

/// `propose(coopname, kind, username, ref_id, statement)`: a contract puts its question on
/// the council's agenda.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Propose {
    pub coopname: Name,
    /// `joincoop` (from the registrator) or `withdraw` (from the wallet).
    pub kind: Name,
    /// Whom the decision is about.
    pub username: Name,
    /// The object in the calling contract the decision is about (sent back on execution).
    pub ref_id: u64,
    /// SHA-256 of the person's signed statement, which the calling contract verified (the
    /// document itself is in the action the person signed: `joincoop` or `withdraw`).
    pub statement_hash: Checksum256,
}

/// One governance action a free decision carries: `account::name(data)`, run on `exec`
/// with the cooperative's `council` permission. `account` is one of our contracts, `name`
/// one of the allowed actions (see `council::ALLOWED`), `data` its packed data, whose
/// `coopname` is the decision's cooperative.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
#[abi(name = "council_action")]
pub struct CouncilAction {
    pub account: Name,
    pub name: Name,
    pub data: Vec<u8>,
}

/// `freedecision(coopname, proposer, statement, actions)`: a participant's question to the
/// council, with the governance actions (at most `MAX_DECISION_ACTIONS`, possibly none)
/// that run when it is executed.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Freedecision {
    pub coopname: Name,
    pub proposer: Name,
    /// The question, signed by the proposer's key.
    pub statement: Document,
    pub actions: Vec<CouncilAction>,
}

/// `votefor(coopname, member, decision_id)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Votefor {
    pub coopname: Name,
    pub member: Name,
    pub decision_id: u64,
}

/// `voteagainst(coopname, member, decision_id)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Voteagainst {
    pub coopname: Name,
    pub member: Name,
    pub decision_id: u64,
}

/// `cancelvote(coopname, member, decision_id)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Cancelvote {
    pub coopname: Name,
    pub member: Name,
    pub decision_id: u64,
}

/// `authorize(coopname, chairman, decision_id, document)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Authorize {
    pub coopname: Name,
    pub chairman: Name,
    pub decision_id: u64,
    /// The signed decision of the council (протокол решения), signed by the chairman's key.
    pub document: Document,
}

/// `exec(executer, coopname, decision_id)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Exec {
    pub executer: Name,
    pub coopname: Name,
    pub decision_id: u64,
}

/// `close(executer, coopname, decision_id)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Close {
    pub executer: Name,
    pub coopname: Name,
    pub decision_id: u64,
}

/// What `votefor`, `voteagainst` and `cancelvote` return: the tally after the vote,
/// counted against the current council, and where the decision stands (`pending`,
/// `approved`, `declined`).
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
#[abi(name = "vote_result")]
pub struct VoteResult {
    pub votes_for: u32,
    pub votes_against: u32,
    pub voting_members: u32,
    pub outcome: Name,
}
