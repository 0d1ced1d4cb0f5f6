//! The data of each action: the public API, shared by the contract, tests and clients.
use super::tables::BoardMember;
use alloc::vec::Vec;
use coop_runtime::{AbiType, Document, Peers};
use eosio::{Name, NumBytes, Read, Write};

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
    /// The person's signed statement, verified by the calling contract.
    pub statement: Document,
}

/// `freedecision(coopname, proposer, statement)`: a participant's question to the council.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Freedecision {
    pub coopname: Name,
    pub proposer: Name,
    /// The question, signed by the proposer's key.
    pub statement: Document,
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

/// Event `evboard(coopname, members)`: a council was created or replaced.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct EvBoard {
    pub coopname: Name,
    pub members: Vec<BoardMember>,
}

/// Event `evttl(coopname, seconds)`: the lifetime of new decisions changed.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct EvTtl {
    pub coopname: Name,
    pub seconds: u32,
}

/// Event `evdecision(coopname, decision_id, kind, username, ref_id, status, reason,
/// document)`: a decision was created (`open`, with the statement), authorized (with the
/// chairman's document), executed (with that document) or closed (`reason` `expired` or
/// `declined`, with the statement).
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct EvDecision {
    pub coopname: Name,
    pub decision_id: u64,
    pub kind: Name,
    pub username: Name,
    pub ref_id: u64,
    /// The decision's new status.
    pub status: Name,
    /// For `closed`: `expired` or `declined`; otherwise empty.
    pub reason: Name,
    pub document: Document,
}

/// Event `evvote(coopname, decision_id, member, vote, votes_for, votes_against,
/// voting_members, outcome)`: a vote was cast, changed or cancelled; the counts and the
/// outcome (`pending`, `approved`, `declined`) are those of the current council.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct EvVote {
    pub coopname: Name,
    pub decision_id: u64,
    pub member: Name,
    /// `for`, `against`, or `none` (cancelled).
    pub vote: Name,
    pub votes_for: u32,
    pub votes_against: u32,
    pub voting_members: u32,
    pub outcome: Name,
}
