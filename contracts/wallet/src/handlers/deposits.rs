//! Deposits: `deposit`, `confirm`, `cancel`.
use super::{
    active_coop, check_memo, check_participant, coop_rows, ledger_of, next_id, own_rows, peers, posted, save_ledger,
};
use coop_protocol::registrator::{Applications, Cards, Cooperative, Paidjoin, APPLICATION_OPEN, TYPE_ORGANIZATION};
use coop_protocol::wallet::{errors::*, ledger, *};
use coop_runtime::{action::level, asset_math, chain, system::ACTIVE, Peers};
use eosio::{Asset, Name};

/// See [`Wallet::deposit`].
pub fn deposit(data: Deposit) -> u64 {
    let by_coop = chain::has_auth(data.coopname);
    chain::check(by_coop || chain::has_auth(data.username), ERR_DEPOSIT_AUTH);
    let peers = peers();
    let ledger = ledger_of(data.coopname);
    let coop = active_coop(&peers, data.coopname);
    chain::check(data.kind == KIND_REGISTRATION || data.kind == KIND_SHARE, ERR_BAD_KIND);
    posted(ledger::check_positive(&data.quantity, ledger::symbol(&ledger)));
    check_memo(&data.memo);
    let in_progress = coop_rows::<RegDeposits>(data.coopname);
    let mut fees = (data.quantity, data.quantity);
    if data.kind == KIND_REGISTRATION {
        check_open_application(&peers, data.coopname, data.username);
        chain::check(!in_progress.contains(data.username.as_u64()), ERR_REGISTRATION_IN_PROGRESS);
        fees = registration_fees(&peers, &coop, data.username);
        chain::check(Ok(data.quantity) == asset_math::add(fees.0, fees.1), ERR_WRONG_REGISTRATION_AMOUNT);
    } else {
        check_participant(&peers, data.coopname, data.username);
    }
    let counters = own_rows::<Counters>();
    let mut counter = counters.get_or_fail(data.coopname.as_u64(), ERR_LEDGER_NOT_FOUND);
    counter.deposits = next_id(counter.deposits);

    let id = counter.deposits;
    let payer = if by_coop { data.coopname } else { data.username };
    let now = chain::now();
    counters.update(&counter, ERR_LEDGER_NOT_FOUND);
    coop_rows::<Deposits>(data.coopname).save(
        payer,
        &DepositRow {
            id,
            username: data.username,
            kind: data.kind,
            quantity: data.quantity,
            status: DEPOSIT_PENDING,
            memo: data.memo.clone(),
            created_at: now,
            updated_at: now,
        },
    );
    if data.kind == KIND_REGISTRATION {
        in_progress
            .save(payer, &RegDeposit { username: data.username, deposit_id: id, initial: fees.0, minimum: fees.1 });
    }
    id
}

/// See [`Wallet::confirm`].
pub fn confirm(data: Confirm) {
    chain::require_auth(data.coopname);
    let peers = peers();
    active_coop(&peers, data.coopname);
    let ledger = ledger_of(data.coopname);
    check_memo(&data.memo);
    let deposits = coop_rows::<Deposits>(data.coopname);
    let mut deposit = pending_deposit(data.coopname, data.deposit_id);
    if deposit.kind == KIND_SHARE {
        // Checked again: the person may have left since they announced the payment.
        check_participant(&peers, data.coopname, deposit.username);
    }
    let wallets = coop_rows::<Wallets>(data.coopname);

    deposit.status = DEPOSIT_CONFIRMED;
    deposit.updated_at = chain::now();
    if deposit.kind == KIND_SHARE {
        // Founders may have no wallet yet: the first confirmed share deposit opens it,
        // paid by the cooperative.
        let existing = wallets.get(deposit.username.as_u64());
        let wallet = existing
            .clone()
            .unwrap_or_else(|| ledger::new_wallet(deposit.username, ledger::symbol(&ledger), chain::now()));
        let (ledger, wallet) = posted(ledger::credit_share(&ledger, &wallet, deposit.quantity));
        deposits.erase(deposit.id);
        match existing {
            Some(_) => wallets.update(&wallet, ERR_WALLET_NOT_FOUND),
            None => wallets.save(data.coopname, &wallet),
        }
        save_ledger(&ledger);
    } else {
        check_open_application(&peers, data.coopname, deposit.username);
        let ledger = posted(ledger::receive_registration(&ledger, deposit.quantity));
        deposits.update(&deposit, ERR_DEPOSIT_NOT_FOUND);
        save_ledger(&ledger);
        let me = chain::current_receiver();
        chain::send(
            peers.registrator,
            &[level(me, ACTIVE)],
            &Paidjoin { coopname: data.coopname, username: deposit.username, deposit_id: deposit.id },
        );
    }
}

/// See [`Wallet::cancel`].
pub fn cancel(data: Cancel) {
    chain::require_auth(data.coopname);
    check_memo(&data.reason);
    let deposit = pending_deposit(data.coopname, data.deposit_id);

    coop_rows::<Deposits>(data.coopname).erase(deposit.id);
    if deposit.kind == KIND_REGISTRATION {
        coop_rows::<RegDeposits>(data.coopname).erase(deposit.username.as_u64());
    }
}

/// The deposit, which must exist and be pending.
fn pending_deposit(coopname: Name, deposit_id: u64) -> DepositRow {
    let deposit = coop_rows::<Deposits>(coopname).get_or_fail(deposit_id, ERR_DEPOSIT_NOT_FOUND);
    chain::check(deposit.status == DEPOSIT_PENDING, ERR_DEPOSIT_NOT_PENDING);
    deposit
}

/// Aborts with `ERR_NO_OPEN_APPLICATION` unless `username` has an open application.
fn check_open_application(peers: &Peers, coopname: Name, username: Name) {
    let application = chain::Rows::<Applications>::new(peers.registrator, coopname).get(username.as_u64());
    chain::check(matches!(application, Some(a) if a.status == APPLICATION_OPEN), ERR_NO_OPEN_APPLICATION);
}

/// What `username` pays to join: the entrance fee and the minimum share contribution of
/// the cooperative for their card's type (the organisations' fees for an organisation).
fn registration_fees(peers: &Peers, coop: &Cooperative, username: Name) -> (Asset, Asset) {
    let card = chain::Rows::<Cards>::new(peers.registrator, peers.registrator)
        .get_or_fail(username.as_u64(), ERR_CARD_NOT_FOUND);
    let (initial, minimum) = if card.r#type == TYPE_ORGANIZATION {
        (coop.org_initial, coop.org_minimum)
    } else {
        (coop.initial, coop.minimum)
    };
    (initial, minimum)
}
