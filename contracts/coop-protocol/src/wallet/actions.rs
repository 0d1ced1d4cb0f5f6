//! The data of each action: the public API, shared by the contract, tests and clients.
use alloc::string::String;
use coop_runtime::{AbiType, Document, Peers};
use eosio::{Asset, Name, NumBytes, Read, Symbol, Write};

/// The longest `memo` or `reason` an action accepts, in bytes.
pub const MAX_MEMO: usize = 256;
/// The longest `meta` of a withdrawal statement, in bytes.
pub const MAX_STATEMENT_META: usize = 1024;

/// `init(peers)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Init {
    pub peers: Peers,
}

/// `openledger(coopname, symbol)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Openledger {
    pub coopname: Name,
    /// The cooperative's unit of account; must be the one it is registered with.
    pub symbol: Symbol,
}

/// `deposit(coopname, username, kind, quantity, memo) -> deposit_id`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Deposit {
    pub coopname: Name,
    pub username: Name,
    /// `registration` or `share` ([`KIND_REGISTRATION`](super::KIND_REGISTRATION),
    /// [`KIND_SHARE`](super::KIND_SHARE)).
    pub kind: Name,
    pub quantity: Asset,
    /// Payment details for the cooperative's staff, at most [`MAX_MEMO`] bytes.
    pub memo: String,
}

/// `confirm(coopname, deposit_id, memo)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Confirm {
    pub coopname: Name,
    pub deposit_id: u64,
    /// E.g. the bank reference; at most [`MAX_MEMO`] bytes; kept only in the action history.
    pub memo: String,
}

/// `cancel(coopname, deposit_id, reason)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Cancel {
    pub coopname: Name,
    pub deposit_id: u64,
    /// At most [`MAX_MEMO`] bytes; kept only in the action history.
    pub reason: String,
}

/// `addmember(coopname, username, deposit_id, initial, minimum)`: sent by the registrator
/// when a participant is accepted (`deposit_id` = their registration deposit) or when a
/// founder or an imported member is added (`deposit_id` = 0).
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Addmember {
    pub coopname: Name,
    pub username: Name,
    /// The confirmed registration deposit, or 0 for a founder or an imported member.
    pub deposit_id: u64,
    /// The entrance fee, booked to the entrance-fee fund.
    pub initial: Asset,
    /// The minimum share contribution, booked to the share fund.
    pub minimum: Asset,
}

/// `refundreg(coopname, username, deposit_id)`: sent by the registrator when the council
/// declines an application or its decision expires.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Refundreg {
    pub coopname: Name,
    pub username: Name,
    pub deposit_id: u64,
}

/// `payrefund(coopname, deposit_id, memo)`: the cooperative has paid a refund back.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Payrefund {
    pub coopname: Name,
    pub deposit_id: u64,
    /// E.g. the bank reference; at most [`MAX_MEMO`] bytes; kept only in the action history.
    pub memo: String,
}

/// `withdraw(coopname, username, quantity, statement) -> withdraw_id`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Withdraw {
    pub coopname: Name,
    pub username: Name,
    pub quantity: Asset,
    /// The member's signed statement asking to return the contribution.
    pub statement: Document,
}

/// `allowwithdr(coopname, withdraw_id, decision_id)`: sent by the soviet when the
/// council's `withdraw` decision is executed.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Allowwithdr {
    pub coopname: Name,
    pub withdraw_id: u64,
    pub decision_id: u64,
}

/// `declwithdr(coopname, withdraw_id, decision_id)`: sent by the soviet when the
/// council's `withdraw` decision is declined or expires.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Declwithdr {
    pub coopname: Name,
    pub withdraw_id: u64,
    pub decision_id: u64,
}

/// `leftcoop(coopname, username, decision_id)`: sent by the registrator when a member's
/// `leave` decision is executed.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Leftcoop {
    pub coopname: Name,
    pub username: Name,
    pub decision_id: u64,
}

/// `failwithdr(coopname, withdraw_id, reason)`: an authorised withdrawal could not be paid.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Failwithdr {
    pub coopname: Name,
    pub withdraw_id: u64,
    /// At most [`MAX_MEMO`] bytes; kept only in the action history.
    pub reason: String,
}

/// `payout(coopname, withdraw_id, memo)`: an authorised withdrawal has been paid.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Payout {
    pub coopname: Name,
    pub withdraw_id: u64,
    /// E.g. the bank reference; at most [`MAX_MEMO`] bytes; kept only in the action history.
    pub memo: String,
}
