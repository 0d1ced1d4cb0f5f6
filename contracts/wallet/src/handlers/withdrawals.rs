//! Withdrawals: `withdraw`, `allowwithdr`, `declwithdr`, `failwithdr`, `payout`.
use super::{
    active_coop, check_memo, check_participant, coop_rows, ledger_of, next_id, own_rows, peers, posted, save_ledger,
};
use coop_protocol::consent::Consented;
use coop_protocol::permissions::paid_by_coop;
use coop_protocol::registrator::readers;
use coop_protocol::soviet::Propose;
use coop_protocol::wallet::{errors::*, ledger, *};
use coop_runtime::chain;
use eosio::Name;

/// See [`Wallet::withdraw`].
pub fn withdraw(data: Withdraw) -> u64 {
    chain::require_auth(data.username);
    let peers = peers();
    let ledger = ledger_of(data.coopname);
    active_coop(&peers, data.coopname);
    check_participant(&peers, data.coopname, data.username);
    let wallets = coop_rows::<Wallets>(data.coopname);
    let wallet = wallets.get_or_fail(data.username.as_u64(), ERR_WALLET_NOT_FOUND);
    // Every open withdrawal holds its amount in `blocked`, and amounts are positive.
    chain::check(wallet.blocked.amount == 0, ERR_WITHDRAWAL_OPEN);
    posted(ledger::check_positive(&data.quantity, ledger::symbol(&ledger)));
    chain::check(data.statement.meta.len() <= MAX_STATEMENT_META, ERR_META_TOO_LONG);
    let wallet = posted(ledger::block(&ledger, &wallet, data.quantity));
    let consent = data.consent(chain::current_receiver(), chain::sha256);
    chain::verify_document(&data.statement, &consent);
    let counters = own_rows::<Counters>();
    let mut counter = counters.get_or_fail(data.coopname.as_u64(), ERR_LEDGER_NOT_FOUND);
    counter.withdrawals = next_id(counter.withdrawals);

    let id = counter.withdrawals;
    let now = chain::now();
    counters.update(&counter, ERR_LEDGER_NOT_FOUND);
    wallets.update(&wallet, ERR_WALLET_NOT_FOUND);
    let withdrawal = Withdrawal {
        id,
        username: data.username,
        quantity: data.quantity,
        status: WITHDRAWAL_PENDING,
        statement_hash: data.statement.hash,
        decision_id: 0,
        created_at: now,
        updated_at: now,
    };
    coop_rows::<Withdrawals>(data.coopname).save(data.username, &withdrawal);
    let me = chain::current_receiver();
    chain::send(
        peers.soviet,
        &paid_by_coop(me, data.coopname),
        &Propose {
            coopname: data.coopname,
            kind: DECISION_WITHDRAW,
            username: data.username,
            ref_id: id,
            statement_hash: withdrawal.statement_hash,
        },
    );
    id
}

/// See [`Wallet::allowwithdr`].
pub fn allowwithdr(data: Allowwithdr) {
    let peers = peers();
    chain::require_auth(peers.soviet);
    active_coop(&peers, data.coopname);
    let mut withdrawal = withdrawal_in(data.coopname, data.withdraw_id, WITHDRAWAL_PENDING);

    withdrawal.status = WITHDRAWAL_AUTHORIZED;
    withdrawal.decision_id = data.decision_id;
    withdrawal.updated_at = chain::now();
    coop_rows::<Withdrawals>(data.coopname).update(&withdrawal, ERR_WITHDRAWAL_NOT_FOUND);
}

/// See [`Wallet::declwithdr`].
pub fn declwithdr(data: Declwithdr) {
    chain::require_auth(peers().soviet);
    let withdrawal = withdrawal_in(data.coopname, data.withdraw_id, WITHDRAWAL_PENDING);
    unblock(data.coopname, withdrawal);
}

/// See [`Wallet::leftcoop`].
pub fn leftcoop(data: Leftcoop) -> u64 {
    let peers = peers();
    chain::require_auth(peers.registrator);
    chain::require_auth(data.coopname);
    active_coop(&peers, data.coopname);
    let ledger = ledger_of(data.coopname);
    let wallets = coop_rows::<Wallets>(data.coopname);
    let Some(wallet) = wallets.get(data.username.as_u64()) else { return 0 };
    let (wallet, due) = posted(ledger::leave(&ledger, &wallet));
    if due.amount == 0 {
        return 0;
    }
    let counters = own_rows::<Counters>();
    let mut counter = counters.get_or_fail(data.coopname.as_u64(), ERR_LEDGER_NOT_FOUND);
    counter.withdrawals = next_id(counter.withdrawals);

    let now = chain::now();
    counters.update(&counter, ERR_LEDGER_NOT_FOUND);
    wallets.update(&wallet, ERR_WALLET_NOT_FOUND);
    let withdrawal = Withdrawal {
        id: counter.withdrawals,
        username: data.username,
        quantity: due,
        status: WITHDRAWAL_AUTHORIZED,
        statement_hash: Default::default(),
        decision_id: data.decision_id,
        created_at: now,
        updated_at: now,
    };
    coop_rows::<Withdrawals>(data.coopname).save(data.coopname, &withdrawal);
    withdrawal.id
}

/// See [`Wallet::failwithdr`].
pub fn failwithdr(data: Failwithdr) {
    chain::require_auth(data.coopname);
    check_memo(&data.reason);
    let withdrawal = withdrawal_in(data.coopname, data.withdraw_id, WITHDRAWAL_AUTHORIZED);
    // Failing puts the amount back into the wallet, from where only a participant can ask
    // for it again: the payout of someone who has left (their whole share) must be paid.
    let participant = readers::participant(peers().registrator, data.coopname, withdrawal.username);
    chain::check(participant.is_some(), ERR_LEAVER_PAYOUT_CANNOT_FAIL);
    unblock(data.coopname, withdrawal);
}

/// See [`Wallet::payout`].
pub fn payout(data: Payout) {
    chain::require_auth(data.coopname);
    let ledger = ledger_of(data.coopname);
    check_memo(&data.memo);
    let withdrawal = withdrawal_in(data.coopname, data.withdraw_id, WITHDRAWAL_AUTHORIZED);
    let wallets = coop_rows::<Wallets>(data.coopname);
    let wallet = wallets.get_or_fail(withdrawal.username.as_u64(), ERR_WALLET_NOT_FOUND);
    let (ledger, wallet) = posted(ledger::pay_out(&ledger, &wallet, withdrawal.quantity));

    wallets.update(&wallet, ERR_WALLET_NOT_FOUND);
    save_ledger(&ledger);
    coop_rows::<Withdrawals>(data.coopname).erase(withdrawal.id);
}

/// Gives a declined or failed withdrawal back to `available` and erases it.
fn unblock(coopname: Name, withdrawal: Withdrawal) {
    let ledger = ledger_of(coopname);
    let wallets = coop_rows::<Wallets>(coopname);
    let wallet = wallets.get_or_fail(withdrawal.username.as_u64(), ERR_WALLET_NOT_FOUND);
    let wallet = posted(ledger::unblock(&ledger, &wallet, withdrawal.quantity));

    wallets.update(&wallet, ERR_WALLET_NOT_FOUND);
    coop_rows::<Withdrawals>(coopname).erase(withdrawal.id);
}

/// The withdrawal, which must exist and have `status`.
fn withdrawal_in(coopname: Name, withdraw_id: u64, status: Name) -> Withdrawal {
    let withdrawal = coop_rows::<Withdrawals>(coopname).get_or_fail(withdraw_id, ERR_WITHDRAWAL_NOT_FOUND);
    let message = if status == WITHDRAWAL_PENDING { ERR_WITHDRAWAL_NOT_PENDING } else { ERR_WITHDRAWAL_NOT_AUTHORIZED };
    chain::check(withdrawal.status == status, message);
    withdrawal
}
