//! The wallet's action handlers (built for the chain only). Each action: authorise →
//! validate every input → write; the action data and return values are the history. The postings are the pure
//! [`coop_protocol::wallet::ledger`]; the handlers load rows, post, and save.
mod deposits;
mod ledgers;
mod members;
mod queries;
mod withdrawals;

use coop_protocol::registrator::{readers, Cooperative, PARTICIPANT_ACCEPTED, PARTICIPANT_LEAVING};
use coop_protocol::wallet::{errors::*, ledger::Posting, *};
use coop_runtime::{chain, Peers};
use eosio::{Name, Table};

/// The wallet contract.
pub struct Contract;

impl Wallet for Contract {
    fn init(data: Init) {
        coop_runtime::peers::save(data.peers);
    }
    fn openledger(data: Openledger) {
        ledgers::openledger(data);
    }
    fn deposit(data: Deposit) -> u64 {
        deposits::deposit(data)
    }
    fn confirm(data: Confirm) {
        deposits::confirm(data);
    }
    fn cancel(data: Cancel) {
        deposits::cancel(data);
    }
    fn addmember(data: Addmember) {
        members::addmember(data);
    }
    fn refundreg(data: Refundreg) {
        members::refundreg(data);
    }
    fn payrefund(data: Payrefund) {
        members::payrefund(data);
    }
    fn withdraw(data: Withdraw) -> u64 {
        withdrawals::withdraw(data)
    }
    fn allowwithdr(data: Allowwithdr) {
        withdrawals::allowwithdr(data);
    }
    fn declwithdr(data: Declwithdr) {
        withdrawals::declwithdr(data);
    }
    fn leftcoop(data: Leftcoop) -> u64 {
        withdrawals::leftcoop(data)
    }
    fn failwithdr(data: Failwithdr) {
        withdrawals::failwithdr(data);
    }
    fn payout(data: Payout) {
        withdrawals::payout(data);
    }
    fn deposits(data: DepositsQuery) -> DepositPage {
        queries::deposits(data)
    }
    fn withdrawals(data: WithdrawalsQuery) -> WithdrawalPage {
        queries::withdrawals(data)
    }
}

/// The peer contracts, or abort when `init` has not run.
fn peers() -> Peers {
    coop_runtime::peers::load(ERR_NOT_INITIALIZED)
}

/// This contract's table `T` in its own scope.
fn own_rows<T: Table>() -> chain::Rows<T> {
    let me = chain::current_receiver();
    chain::Rows::new(me, me)
}

/// This contract's table `T` in the cooperative's scope.
fn coop_rows<T: Table>(coopname: Name) -> chain::Rows<T> {
    chain::Rows::new(chain::current_receiver(), coopname)
}

/// The cooperative's ledger, or abort with `ERR_LEDGER_NOT_FOUND`.
fn ledger_of(coopname: Name) -> Ledger {
    own_rows::<Ledgers>().get_or_fail(coopname.as_u64(), ERR_LEDGER_NOT_FOUND)
}

/// Replaces the cooperative's ledger (the row keeps its payer and its size).
fn save_ledger(ledger: &Ledger) {
    own_rows::<Ledgers>().update(ledger, ERR_LEDGER_NOT_FOUND);
}

/// The value of a posting, or abort with its message.
fn posted<T>(posting: Posting<T>) -> T {
    match posting {
        Ok(value) => value,
        Err(message) => chain::fail(message),
    }
}

/// Aborts with `ERR_TEXT_TOO_LONG` when `memo` is longer than `MAX_MEMO` bytes.
fn check_memo(memo: &str) {
    chain::check(memo.len() <= MAX_MEMO, ERR_TEXT_TOO_LONG);
}

/// The cooperative as registered in the registrator, or abort with `ERR_COOP_NOT_FOUND`.
fn registered_coop(peers: &Peers, coopname: Name) -> Cooperative {
    readers::cooperative(peers.registrator, coopname).unwrap_or_else(|| chain::fail(ERR_COOP_NOT_FOUND))
}

/// The registered cooperative, which must be active.
fn active_coop(peers: &Peers, coopname: Name) -> Cooperative {
    readers::active_cooperative(peers.registrator, coopname)
}

/// Aborts unless `username` is an accepted participant: `ERR_NOT_PARTICIPANT`, or
/// `ERR_MEMBER_LEAVING` while their `leave` decision is open.
fn check_participant(peers: &Peers, coopname: Name, username: Name) {
    let participant = readers::participant(peers.registrator, coopname, username);
    let status = participant.map(|p| p.status);
    chain::check(status != Some(PARTICIPANT_LEAVING), ERR_MEMBER_LEAVING);
    chain::check(status == Some(PARTICIPANT_ACCEPTED), ERR_NOT_PARTICIPANT);
}

/// The next id of a cooperative's counter (`deposits` or `withdrawals`), not yet saved.
fn next_id(counter: u64) -> u64 {
    match counter.checked_add(1) {
        Some(id) => id,
        None => chain::fail(ERR_OVERFLOW),
    }
}
