//! `ledgers` (scope = the contract): each cooperative's ledger.
use coop_runtime::AbiType;
use eosio::{Asset, Name, NumBytes, Read, TimePointSec, Write};

/// A cooperative's ledger: where its members' money is, all in the cooperative's symbol.
/// Postings are in [`ledger`](crate::wallet::ledger); they keep
/// `share_fund = Σ(available + blocked + minimum)` and `entrance_fund = Σ initial` over
/// the cooperative's member wallets.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Ledger {
    pub coopname: Name,
    /// The share fund (паевой фонд): every member's share contributions.
    pub share_fund: Asset,
    /// The entrance-fee fund: every member's entrance fee.
    pub entrance_fund: Asset,
    /// Registration payments confirmed but not yet accepted or refunded.
    pub reg_received: Asset,
    /// Registration payments to give back (application declined), not yet paid back.
    pub refunds_due: Asset,
    /// Total of the withdrawals paid out to members.
    pub paid_out: Asset,
    /// Total of the registration payments given back.
    pub refunded: Asset,
    pub opened_at: TimePointSec,
}

coop_runtime::table!(
    /// Ledgers by cooperative, scope = the contract. RAM: paid by the operator at
    /// connection (`openledger`); updated in place, never resized; one per cooperative.
    Ledgers, "ledgers", Ledger, |row| row.coopname.as_u64()
);
