//! `withdrawals` (scope = cooperative): members' requests to get share contributions back.
use coop_runtime::{n, AbiType};
use eosio::{Asset, Checksum256, Name, NumBytes, Read, TimePointSec, Write};

/// The kind of council decision a withdrawal asks for (`soviet::propose`).
pub const DECISION_WITHDRAW: Name = n("withdraw");

/// Withdrawal status: the amount is blocked, the council decides.
pub const WITHDRAWAL_PENDING: Name = n("pending");
/// Withdrawal status: the council allowed it; the cooperative pays it out.
pub const WITHDRAWAL_AUTHORIZED: Name = n("authorized");

/// An open withdrawal.
///
/// RAM: paid by the member (who signed `withdraw`), or by the cooperative for the share of
/// someone who left (`leftcoop`, through its `contracts` permission); freed when it is paid
/// out, declined (or its decision expires and is closed) or fails — a leaver's cannot fail,
/// only `payout` frees it; at most one open per member (a member with an open withdrawal
/// has `blocked` > 0 and cannot start another; a leaver gets one). Its size never changes
/// after creation.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Withdrawal {
    /// Issued by the contract from the cooperative's counter.
    pub id: u64,
    pub username: Name,
    pub quantity: Asset,
    /// `pending` or `authorized`.
    pub status: Name,
    /// SHA-256 of the member's signed statement (the document is in `withdraw`).
    pub statement_hash: Checksum256,
    /// The council's decision (0 until it decides).
    pub decision_id: u64,
    pub created_at: TimePointSec,
    pub updated_at: TimePointSec,
}

coop_runtime::table!(
    /// Withdrawals by id, scope = cooperative.
    Withdrawals, "withdrawals", Withdrawal, |row| row.id
);
