//! Opening a cooperative's ledger: `openledger`.
use super::{own_rows, peers, registered_coop};
use coop_protocol::wallet::{errors::*, ledger, *};
use coop_runtime::chain;

/// See [`Wallet::openledger`].
pub fn openledger(data: Openledger) {
    let peers = peers();
    chain::require_auth(peers.operator);
    chain::check(coop_runtime::asset_math::is_valid_symbol(data.symbol), ERR_BAD_SYMBOL);
    let coop = registered_coop(&peers, data.coopname);
    chain::check(coop.symbol == data.symbol, ERR_NOT_COOP_SYMBOL);
    let ledgers = own_rows::<Ledgers>();
    chain::check(!ledgers.contains(data.coopname.as_u64()), ERR_LEDGER_EXISTS);

    ledgers.save(peers.operator, &ledger::open(data.coopname, data.symbol, chain::now()));
    own_rows::<Counters>().save(peers.operator, &CounterRow { coopname: data.coopname, deposits: 0, withdrawals: 0 });
}
