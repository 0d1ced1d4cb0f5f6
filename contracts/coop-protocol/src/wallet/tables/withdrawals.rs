//! `withdrawals` (scope = cooperative): members' requests to get share contributions back.
use coop_runtime::{n, AbiType, Document};
use eosio::{Asset, Name, NumBytes, Read, TimePointSec, Write};

/// The kind of council decision a withdrawal asks for (`soviet::propose`).
pub const DECISION_WITHDRAW: Name = n("withdraw");

/// Withdrawal status: the amount is blocked, the council decides.
pub const WITHDRAWAL_PENDING: Name = n("pending");
/// Withdrawal status: the council allowed it; the cooperative pays it out.
pub const WITHDRAWAL_AUTHORIZED: Name = n("authorized");
/// Withdrawal status: paid out. Final.
pub const WITHDRAWAL_PAID: Name = n("paid");
/// Withdrawal status: the council declined it (or its decision expired); unblocked. Final.
pub const WITHDRAWAL_DECLINED: Name = n("declined");
/// Withdrawal status: authorised but the payment failed; unblocked. Final.
pub const WITHDRAWAL_FAILED: Name = n("failed");

/// A withdrawal. Its size never changes after creation (the member pays for the row).
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Withdrawal {
    /// Issued by the contract from the cooperative's counter.
    pub id: u64,
    pub username: Name,
    pub quantity: Asset,
    /// `pending`, `authorized`, `paid`, `declined` or `failed`.
    pub status: Name,
    /// The member's signed statement.
    pub statement: Document,
    /// The council's decision (0 until it decides).
    pub decision_id: u64,
    pub created_at: TimePointSec,
    pub updated_at: TimePointSec,
}

coop_runtime::table!(
    /// Withdrawals by id, scope = cooperative.
    Withdrawals, "withdrawals", Withdrawal, |row| row.id
);
