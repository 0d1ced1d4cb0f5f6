//! A cooperative's deposits and withdrawals as a provider reads them: `wallet::deposits` and
//! `wallet::withdrawals` in read-only transactions, through our client
//! ([`TestChain::deposits_of`], [`TestChain::withdrawals_of`], and the `*_all` variants that
//! follow `next_id`) or through cleos ([`cleos_deposits`], [`cleos_withdrawals`]); and a
//! member's wallet or the cooperative's ledger in one `cleos get table` call
//! ([`cleos_table_row`]).
use crate::cleos::{Cleos, CleosError};
use crate::client::ChainError;
use crate::fixture::TestChain;
use coop_protocol::wallet::{DepositPage, DepositRow, DepositsQuery, Withdrawal, WithdrawalPage, WithdrawalsQuery};
use eosio::Name;
use serde_json::{json, Value};

impl TestChain {
    /// One page of `coopname`'s deposits (`wallet::deposits`, read-only): those of
    /// `username` (empty name: everyone's) in `state` (empty name: all), from id `from_id`,
    /// at most `limit`.
    pub fn deposits_of(
        &self,
        coopname: Name,
        username: Name,
        state: Name,
        from_id: u64,
        limit: u32,
    ) -> Result<DepositPage, ChainError> {
        let query = DepositsQuery { coopname, username, state, from_id, limit };
        self.read_only(self.peers.wallet, &query)?.try_return_value()
    }

    /// One page of `coopname`'s withdrawals (`wallet::withdrawals`, read-only), as
    /// [`Self::deposits_of`].
    pub fn withdrawals_of(
        &self,
        coopname: Name,
        username: Name,
        state: Name,
        from_id: u64,
        limit: u32,
    ) -> Result<WithdrawalPage, ChainError> {
        let query = WithdrawalsQuery { coopname, username, state, from_id, limit };
        self.read_only(self.peers.wallet, &query)?.try_return_value()
    }

    /// Every deposit for a query, page after page (`limit` a page) following `next_id`.
    /// Returns the deposits and the number of calls it took.
    pub fn deposits_all(
        &self,
        coopname: Name,
        username: Name,
        state: Name,
        limit: u32,
    ) -> Result<(Vec<DepositRow>, usize), ChainError> {
        all_pages("deposits", |from_id| {
            let page = self.deposits_of(coopname, username, state, from_id, limit)?;
            Ok((page.items, page.next_id))
        })
    }

    /// Every withdrawal for a query, as [`Self::deposits_all`].
    pub fn withdrawals_all(
        &self,
        coopname: Name,
        username: Name,
        state: Name,
        limit: u32,
    ) -> Result<(Vec<Withdrawal>, usize), ChainError> {
        all_pages("withdrawals", |from_id| {
            let page = self.withdrawals_of(coopname, username, state, from_id, limit)?;
            Ok((page.items, page.next_id))
        })
    }
}

/// Calls `page` from id 0, then from each `next_id` until it is 0; returns every item and
/// the number of calls. An error when `next_id` does not advance.
fn all_pages<R>(
    what: &str,
    mut page: impl FnMut(u64) -> Result<(Vec<R>, u64), ChainError>,
) -> Result<(Vec<R>, usize), ChainError> {
    let (mut items, mut calls, mut from_id) = (Vec::new(), 0, 0);
    loop {
        let (found, next_id) = page(from_id)?;
        calls += 1;
        items.extend(found);
        if next_id == 0 {
            return Ok((items, calls));
        }
        if next_id <= from_id {
            return Err(ChainError::Decode(format!("{what}: next_id {next_id} does not advance")));
        }
        from_id = next_id;
    }
}

/// One page of deposits through cleos, as any operator would ask for it:
/// `cleos push action <wallet> deposits '[coopname, username, state, from_id, limit]' --read -j`.
/// Returns the page as cleos shows it (the trace's `return_value_data`, decoded with the
/// wallet's ABI), e.g. `{"items": [{"id": 1, "status": "pending", …}], "next_id": 0}`.
pub fn cleos_deposits(
    cleos: &Cleos,
    wallet: Name,
    coopname: Name,
    username: &str,
    state: &str,
    from_id: u64,
    limit: u32,
) -> Result<Value, CleosError> {
    cleos_query(cleos, wallet, "deposits", json!([coopname.to_string(), username, state, from_id, limit]))
}

/// One page of withdrawals through cleos, as [`cleos_deposits`]:
/// `cleos push action <wallet> withdrawals '[coopname, username, state, from_id, limit]' --read -j`.
pub fn cleos_withdrawals(
    cleos: &Cleos,
    wallet: Name,
    coopname: Name,
    username: &str,
    state: &str,
    from_id: u64,
    limit: u32,
) -> Result<Value, CleosError> {
    cleos_query(cleos, wallet, "withdrawals", json!([coopname.to_string(), username, state, from_id, limit]))
}

/// The return value of a read-only `action` of `contract` through cleos.
fn cleos_query(cleos: &Cleos, contract: Name, action: &str, data: Value) -> Result<Value, CleosError> {
    let out = cleos.read_only_action(&contract.to_string(), action, &data)?;
    let json = out.json()?;
    let value = &json["processed"]["action_traces"][0]["return_value_data"];
    if value.is_null() {
        return Err(CleosError::BadOutput(format!("no return_value_data in {json}")));
    }
    Ok(value.clone())
}

/// One row of a table by its primary key, in one call:
/// `cleos get table <code> <scope> <table> -L <key> -U <key>` (a name key as the name;
/// `-L`/`-U` bound the primary key, so at most one row comes back). Returns cleos's whole
/// answer, `{"rows": [{…}], "more": false, "next_key": ""}`, rows decoded with the ABI;
/// e.g. a member's wallet: `cleos get table wallet <coop> wallets -L <user> -U <user>`,
/// a cooperative's ledger: `cleos get table wallet wallet ledgers -L <coop> -U <coop>`.
pub fn cleos_table_row(cleos: &Cleos, code: Name, scope: Name, table: &str, key: Name) -> Result<Value, CleosError> {
    let (code, scope, key) = (code.to_string(), scope.to_string(), key.to_string());
    cleos.run(&["get", "table", &code, &scope, table, "-L", &key, "-U", &key])?.json().cloned()
}
