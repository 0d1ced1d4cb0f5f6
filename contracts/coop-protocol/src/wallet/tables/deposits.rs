//! `deposits` and `regdeposits` (scope = cooperative): money announced by members and
//! confirmed by the cooperative when it arrives off-chain.
use alloc::string::String;
use coop_runtime::{n, AbiType};
use eosio::{Asset, Name, NumBytes, Read, TimePointSec, Write};

/// Deposit kind: the registration payment (entrance fee + minimum share contribution).
pub const KIND_REGISTRATION: Name = n("registration");
/// Deposit kind: a further share contribution of an accepted participant.
pub const KIND_SHARE: Name = n("share");

/// Deposit status: announced, waiting for the money.
pub const DEPOSIT_PENDING: Name = n("pending");
/// Deposit status: the money arrived. Final for `share`; a `registration` deposit waits
/// for the council here.
pub const DEPOSIT_CONFIRMED: Name = n("confirmed");
/// Deposit status (`registration`): the application was declined, the money is due back.
pub const DEPOSIT_REFUND: Name = n("refund");

/// A deposit in progress.
///
/// RAM: paid by whoever signed `deposit` (the member, or the cooperative); freed when the
/// deposit ends: a `share` deposit when confirmed, any deposit when cancelled, a
/// `registration` deposit when the person is accepted or the refund is paid. How many: a
/// member pays for their own pending deposits (one registration deposit at a time); the
/// row's size never changes after creation, so no later signer pays for it.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct DepositRow {
    /// Issued by the contract from the cooperative's counter.
    pub id: u64,
    pub username: Name,
    /// `registration` or `share`.
    pub kind: Name,
    pub quantity: Asset,
    /// `pending`, `confirmed` (registration) or `refund` (registration).
    pub status: Name,
    pub memo: String,
    pub created_at: TimePointSec,
    pub updated_at: TimePointSec,
}

coop_runtime::table!(
    /// Deposits by id, scope = cooperative.
    Deposits, "deposits", DepositRow, |row| row.id
);

/// The registration deposit a person has in progress (pending or confirmed), so that
/// there is at most one.
///
/// RAM: paid by whoever signed the `deposit`; freed when the deposit is cancelled,
/// accepted or marked for refund; one per person and cooperative.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct RegDeposit {
    pub username: Name,
    pub deposit_id: u64,
    /// The entrance fee in the deposit: the cooperative's fee when it was announced.
    pub initial: Asset,
    /// The minimum share contribution in the deposit, likewise.
    pub minimum: Asset,
}

coop_runtime::table!(
    /// Registration deposits in progress by username, scope = cooperative.
    RegDeposits, "regdeposits", RegDeposit, |row| row.username.as_u64()
);
