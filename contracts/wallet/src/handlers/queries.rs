//! Deposits and withdrawals, read-only: `deposits`, `withdrawals`.
use super::{coop_rows, own_rows};
use coop_protocol::wallet::{errors::ERR_LEDGER_NOT_FOUND, *};
use coop_runtime::chain;
use eosio::{Name, Table};

/// See [`Wallet::deposits`]. Checks the query and that the cooperative has a ledger, then
/// reads its deposits from `from_id` upwards one by one until the page is full, the rows
/// end or `QUERY_SCAN_LIMIT` of them were read (one more is read to learn `next_id`).
/// Checks no authority (a read-only transaction carries none) and writes nothing.
pub fn deposits(data: DepositsQuery) -> DepositPage {
    if let Err(message) = data.check() {
        chain::fail(message);
    }
    data.page(rows_from::<Deposits>(data.coopname, data.from_id))
}

/// See [`Wallet::withdrawals`]; reads as [`deposits`] does.
pub fn withdrawals(data: WithdrawalsQuery) -> WithdrawalPage {
    if let Err(message) = data.check() {
        chain::fail(message);
    }
    data.page(rows_from::<Withdrawals>(data.coopname, data.from_id))
}

/// The rows of table `T` of `coopname` from `from_id` upwards, read lazily; aborts with
/// `ERR_LEDGER_NOT_FOUND` unless `coopname` has a ledger here (so that a mistyped
/// cooperative is an error, not an empty page).
fn rows_from<T: Table>(coopname: Name, from_id: u64) -> chain::RowsFrom<T> {
    chain::check(own_rows::<Ledgers>().contains(coopname.as_u64()), ERR_LEDGER_NOT_FOUND);
    coop_rows::<T>(coopname).iter_from(from_id)
}
