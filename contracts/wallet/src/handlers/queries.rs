//! Deposits and withdrawals, read-only: `deposits`, `withdrawals`.
use coop_protocol::wallet::{errors::ERR_LEDGER_NOT_FOUND, *};
use coop_runtime::chain;
use eosio::{Name, Table};
use eosio_cdt::{TableCursor, TableIndex};

/// See [`Wallet::deposits`]. Checks the query and that the cooperative has a ledger, then
/// reads its deposits from `from_id` upwards one by one until the page is full, the rows
/// end or `QUERY_SCAN_LIMIT` of them were read (one more is read to learn `next_id`).
/// Checks no authority (a read-only transaction carries none) and writes nothing.
pub fn deposits(data: DepositsQuery) -> DepositPage {
    if let Err(message) = data.check() {
        chain::fail(message);
    }
    check_ledger(data.coopname);
    let table = Deposits::table(chain::current_receiver(), data.coopname);
    let rows = table.lower_bound(data.from_id).into_iter().flatten().filter_map(|cursor| cursor.get().ok());
    data.page(rows)
}

/// See [`Wallet::withdrawals`]; reads as [`deposits`] does.
pub fn withdrawals(data: WithdrawalsQuery) -> WithdrawalPage {
    if let Err(message) = data.check() {
        chain::fail(message);
    }
    check_ledger(data.coopname);
    let table = Withdrawals::table(chain::current_receiver(), data.coopname);
    let rows = table.lower_bound(data.from_id).into_iter().flatten().filter_map(|cursor| cursor.get().ok());
    data.page(rows)
}

/// Aborts with `ERR_LEDGER_NOT_FOUND` unless `coopname` has a ledger here (so that a
/// mistyped cooperative is an error, not an empty page).
fn check_ledger(coopname: Name) {
    let me = chain::current_receiver();
    chain::check(chain::Rows::<Ledgers>::new(me, me).contains(coopname.as_u64()), ERR_LEDGER_NOT_FOUND);
}
