//! Members' fees and refunds: `addmember`, `refundreg`, `payrefund`.
use super::{active_coop, check_memo, coop_rows, ledger_of, peers, posted, save_ledger};
use coop_protocol::wallet::{errors::*, ledger, *};
use coop_runtime::{asset_math, chain};
use eosio::Name;

/// See [`Wallet::addmember`].
pub fn addmember(data: Addmember) {
    let peers = peers();
    chain::require_auth(peers.registrator);
    chain::require_auth(data.coopname);
    let ledger = ledger_of(data.coopname);
    active_coop(&peers, data.coopname);
    let symbol = ledger::symbol(&ledger);
    posted(ledger::check_non_negative(&data.initial, symbol));
    posted(ledger::check_non_negative(&data.minimum, symbol));
    let from_registration = data.deposit_id != 0;
    let mut deposit = None;
    if from_registration {
        chain::check(data.initial.amount > 0 && data.minimum.amount > 0, ERR_BAD_FEES);
        let row = confirmed_registration(data.coopname, data.username, data.deposit_id);
        chain::check(asset_math::add(data.initial, data.minimum) == Ok(row.quantity), ERR_BOOKING_MISMATCH);
        deposit = Some(row);
    }
    let wallets = coop_rows::<Wallets>(data.coopname);
    let existing = wallets.get(data.username.as_u64());
    let wallet = existing.clone().unwrap_or_else(|| ledger::new_wallet(data.username, symbol, chain::now()));
    let (ledger, wallet) = posted(ledger::book_member(&ledger, &wallet, data.initial, data.minimum, from_registration));

    match existing {
        Some(_) => wallets.update(&wallet, ERR_WALLET_NOT_FOUND),
        None => wallets.save(data.coopname, &wallet),
    }
    save_ledger(&ledger);
    if let Some(deposit) = deposit {
        coop_rows::<Deposits>(data.coopname).erase(deposit.id);
        coop_rows::<RegDeposits>(data.coopname).erase(data.username.as_u64());
    }
}

/// See [`Wallet::refundreg`].
pub fn refundreg(data: Refundreg) {
    let peers = peers();
    chain::require_auth(peers.registrator);
    let ledger = ledger_of(data.coopname);
    let mut deposit = confirmed_registration(data.coopname, data.username, data.deposit_id);
    let ledger = posted(ledger::refund_registration(&ledger, deposit.quantity));

    deposit.status = DEPOSIT_REFUND;
    deposit.updated_at = chain::now();
    coop_rows::<Deposits>(data.coopname).update(&deposit, ERR_DEPOSIT_NOT_FOUND);
    coop_rows::<RegDeposits>(data.coopname).erase(data.username.as_u64());
    save_ledger(&ledger);
}

/// See [`Wallet::payrefund`].
pub fn payrefund(data: Payrefund) {
    chain::require_auth(data.coopname);
    let ledger = ledger_of(data.coopname);
    check_memo(&data.memo);
    let deposits = coop_rows::<Deposits>(data.coopname);
    let deposit = deposits.get_or_fail(data.deposit_id, ERR_DEPOSIT_NOT_FOUND);
    chain::check(deposit.status == DEPOSIT_REFUND, ERR_DEPOSIT_NOT_REFUND);
    let ledger = posted(ledger::pay_refund(&ledger, deposit.quantity));

    deposits.erase(deposit.id);
    save_ledger(&ledger);
}

/// The registration deposit `deposit_id` of `username`, which must be confirmed.
fn confirmed_registration(coopname: Name, username: Name, deposit_id: u64) -> DepositRow {
    let deposit = coop_rows::<Deposits>(coopname).get_or_fail(deposit_id, ERR_DEPOSIT_NOT_FOUND);
    chain::check(deposit.username == username, ERR_DEPOSIT_OF_OTHER);
    chain::check(deposit.kind == KIND_REGISTRATION, ERR_NOT_REGISTRATION);
    chain::check(deposit.status == DEPOSIT_CONFIRMED, ERR_DEPOSIT_NOT_CONFIRMED);
    deposit
}
