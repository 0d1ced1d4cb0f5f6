//! The wallet's postings, pure: each takes the cooperative's ledger (and the member's
//! wallet) and returns the new ones, or the message to abort with. The contract only
//! loads rows, calls one of these, and saves what it returns, so the invariants of
//! spec 3.4 are proved here, on the host, by unit and property tests:
//!
//! - `share_fund = Σ(available + blocked + minimum)` over the cooperative's wallets;
//! - `entrance_fund = Σ initial`;
//! - no balance is ever negative, every balance is in the ledger's symbol;
//! - every posted amount is valid, in the ledger's symbol and positive (zero is allowed
//!   only for a member's entrance fee and minimum booked without a registration deposit);
//! - arithmetic is checked: overflow is an error, never a wrap;
//! - money is conserved: `share_fund + entrance_fund + reg_received + refunds_due +
//!   paid_out + refunded` ([`total_received`]) only grows by what the cooperative
//!   received and never changes otherwise.
//!
//! | posting | wallet | ledger |
//! |---|---|---|
//! | [`credit_share`] (share deposit confirmed) | available + q | share_fund + q |
//! | [`receive_registration`] (registration deposit confirmed) | | reg_received + q |
//! | [`book_member`] from a registration deposit | initial + i, minimum + m | entrance_fund + i, share_fund + m, reg_received − (i + m) |
//! | [`book_member`] without one (founder, imported) | initial + i, minimum + m | entrance_fund + i, share_fund + m |
//! | [`refund_registration`] (declined) | | reg_received − q, refunds_due + q |
//! | [`pay_refund`] | | refunds_due − q, refunded + q |
//! | [`block`] (withdrawal requested) | available − q, blocked + q | |
//! | [`unblock`] (declined or failed) | blocked − q, available + q | |
//! | [`pay_out`] (withdrawal paid) | blocked − q | share_fund − q, paid_out + q |
use super::errors::*;
use super::{Ledger, MemberWallet};
use coop_runtime::asset_math::{self, add, sub};
use eosio::{Asset, Name, Symbol, TimePointSec};

/// What a posting returns: the new value or the message to abort with.
pub type Posting<T> = Result<T, &'static str>;

/// Zero in `symbol`.
pub fn zero(symbol: Symbol) -> Asset {
    Asset { amount: 0, symbol }
}

/// The ledger's symbol (the cooperative's unit of account).
pub fn symbol(ledger: &Ledger) -> Symbol {
    ledger.share_fund.symbol
}

/// Checks that `amount` is a valid asset of `symbol` and positive.
pub fn check_positive(amount: &Asset, symbol: Symbol) -> Posting<()> {
    check_non_negative(amount, symbol)?;
    if amount.amount == 0 {
        return Err(ERR_NOT_POSITIVE);
    }
    Ok(())
}

/// Checks that `amount` is a valid asset of `symbol` and not negative.
pub fn check_non_negative(amount: &Asset, symbol: Symbol) -> Posting<()> {
    if !asset_math::is_valid(amount) {
        return Err(ERR_AMOUNT_INVALID);
    }
    if amount.symbol != symbol {
        return Err(ERR_WRONG_SYMBOL);
    }
    if amount.amount < 0 {
        return Err(ERR_NEGATIVE_AMOUNT);
    }
    Ok(())
}

/// A new ledger: every account zero in `symbol`.
pub fn open(coopname: Name, symbol: Symbol, opened_at: TimePointSec) -> Ledger {
    Ledger {
        coopname,
        share_fund: zero(symbol),
        entrance_fund: zero(symbol),
        reg_received: zero(symbol),
        refunds_due: zero(symbol),
        paid_out: zero(symbol),
        refunded: zero(symbol),
        opened_at,
    }
}

/// A new member wallet: every balance zero in `symbol`.
pub fn new_wallet(username: Name, symbol: Symbol, opened_at: TimePointSec) -> MemberWallet {
    MemberWallet {
        username,
        available: zero(symbol),
        blocked: zero(symbol),
        minimum: zero(symbol),
        initial: zero(symbol),
        opened_at,
    }
}

/// A confirmed `share` deposit: `available` and the share fund grow by `quantity`.
pub fn credit_share(ledger: &Ledger, wallet: &MemberWallet, quantity: Asset) -> Posting<(Ledger, MemberWallet)> {
    check_positive(&quantity, symbol(ledger))?;
    let mut ledger = ledger.clone();
    let mut wallet = wallet.clone();
    wallet.available = add(wallet.available, quantity)?;
    ledger.share_fund = add(ledger.share_fund, quantity)?;
    Ok((ledger, wallet))
}

/// A confirmed `registration` deposit: the money waits in `reg_received` until the
/// council decides.
pub fn receive_registration(ledger: &Ledger, quantity: Asset) -> Posting<Ledger> {
    check_positive(&quantity, symbol(ledger))?;
    let mut ledger = ledger.clone();
    ledger.reg_received = add(ledger.reg_received, quantity)?;
    Ok(ledger)
}

/// Books a member's entrance fee (`initial`) and minimum share contribution (`minimum`).
///
/// With `from_registration`, the money comes out of `reg_received` (a confirmed
/// registration deposit of exactly `initial + minimum`), and both amounts must be
/// positive. Without it (founders, imported members) the money is new to the ledger
/// and either amount may be zero.
pub fn book_member(
    ledger: &Ledger,
    wallet: &MemberWallet,
    initial: Asset,
    minimum: Asset,
    from_registration: bool,
) -> Posting<(Ledger, MemberWallet)> {
    let symbol = symbol(ledger);
    if from_registration {
        check_positive(&initial, symbol)?;
        check_positive(&minimum, symbol)?;
    } else {
        check_non_negative(&initial, symbol)?;
        check_non_negative(&minimum, symbol)?;
    }
    let mut ledger = ledger.clone();
    let mut wallet = wallet.clone();
    if from_registration {
        ledger.reg_received = sub(ledger.reg_received, add(initial, minimum)?)?;
    }
    wallet.initial = add(wallet.initial, initial)?;
    wallet.minimum = add(wallet.minimum, minimum)?;
    ledger.entrance_fund = add(ledger.entrance_fund, initial)?;
    ledger.share_fund = add(ledger.share_fund, minimum)?;
    Ok((ledger, wallet))
}

/// A declined application: its confirmed registration payment becomes a refund due.
pub fn refund_registration(ledger: &Ledger, quantity: Asset) -> Posting<Ledger> {
    check_positive(&quantity, symbol(ledger))?;
    let mut ledger = ledger.clone();
    ledger.reg_received = sub(ledger.reg_received, quantity)?;
    ledger.refunds_due = add(ledger.refunds_due, quantity)?;
    Ok(ledger)
}

/// A refund paid back to the person.
pub fn pay_refund(ledger: &Ledger, quantity: Asset) -> Posting<Ledger> {
    check_positive(&quantity, symbol(ledger))?;
    let mut ledger = ledger.clone();
    ledger.refunds_due = sub(ledger.refunds_due, quantity)?;
    ledger.refunded = add(ledger.refunded, quantity)?;
    Ok(ledger)
}

/// A withdrawal requested: `quantity` moves from `available` to `blocked`.
pub fn block(ledger: &Ledger, wallet: &MemberWallet, quantity: Asset) -> Posting<MemberWallet> {
    check_positive(&quantity, symbol(ledger))?;
    let mut wallet = wallet.clone();
    wallet.available = sub(wallet.available, quantity).map_err(insufficient_available)?;
    wallet.blocked = add(wallet.blocked, quantity)?;
    Ok(wallet)
}

/// A member left: their whole share (`available` and `minimum`) moves to `blocked`, to be
/// paid out; returns the wallet and the amount now due (zero when there is nothing).
/// The share fund is unchanged (the money is still the cooperative's until paid out).
pub fn leave(ledger: &Ledger, wallet: &MemberWallet) -> Posting<(MemberWallet, Asset)> {
    check_non_negative(&wallet.available, symbol(ledger))?;
    check_non_negative(&wallet.minimum, symbol(ledger))?;
    let due = add(wallet.available, wallet.minimum)?;
    let mut wallet = wallet.clone();
    wallet.blocked = add(wallet.blocked, due)?;
    wallet.available.amount = 0;
    wallet.minimum.amount = 0;
    Ok((wallet, due))
}

/// A withdrawal declined or failed: `quantity` moves back from `blocked` to `available`.
pub fn unblock(ledger: &Ledger, wallet: &MemberWallet, quantity: Asset) -> Posting<MemberWallet> {
    check_positive(&quantity, symbol(ledger))?;
    let mut wallet = wallet.clone();
    wallet.blocked = sub(wallet.blocked, quantity).map_err(insufficient_blocked)?;
    wallet.available = add(wallet.available, quantity)?;
    Ok(wallet)
}

/// A withdrawal paid out: `quantity` leaves `blocked` and the share fund.
pub fn pay_out(ledger: &Ledger, wallet: &MemberWallet, quantity: Asset) -> Posting<(Ledger, MemberWallet)> {
    check_positive(&quantity, symbol(ledger))?;
    let mut ledger = ledger.clone();
    let mut wallet = wallet.clone();
    wallet.blocked = sub(wallet.blocked, quantity).map_err(insufficient_blocked)?;
    ledger.share_fund = sub(ledger.share_fund, quantity)?;
    ledger.paid_out = add(ledger.paid_out, quantity)?;
    Ok((ledger, wallet))
}

/// Everything the cooperative has received: `share_fund + entrance_fund + reg_received +
/// refunds_due + paid_out + refunded`. Postings other than the ones receiving money
/// ([`credit_share`], [`receive_registration`], [`book_member`] without a deposit) leave
/// it unchanged.
pub fn total_received(ledger: &Ledger) -> Posting<Asset> {
    [ledger.entrance_fund, ledger.reg_received, ledger.refunds_due, ledger.paid_out, ledger.refunded]
        .into_iter()
        .try_fold(ledger.share_fund, add)
}

/// Checks the invariants of a ledger and all its member wallets: every balance valid,
/// non-negative and in the ledger's symbol; the share fund equals
/// `Σ(available + blocked + minimum)`; the entrance-fee fund equals `Σ initial`.
pub fn check_invariants<'a>(ledger: &Ledger, wallets: impl IntoIterator<Item = &'a MemberWallet>) -> Posting<()> {
    let symbol = symbol(ledger);
    for amount in [
        &ledger.share_fund,
        &ledger.entrance_fund,
        &ledger.reg_received,
        &ledger.refunds_due,
        &ledger.paid_out,
        &ledger.refunded,
    ] {
        check_non_negative(amount, symbol)?;
    }
    let mut shares = zero(symbol);
    let mut initials = zero(symbol);
    for wallet in wallets {
        for amount in [&wallet.available, &wallet.blocked, &wallet.minimum, &wallet.initial] {
            check_non_negative(amount, symbol)?;
        }
        shares = add(shares, wallet.available)?;
        shares = add(shares, wallet.blocked)?;
        shares = add(shares, wallet.minimum)?;
        initials = add(initials, wallet.initial)?;
    }
    if shares != ledger.share_fund {
        return Err(ERR_SHARE_FUND_MISMATCH);
    }
    if initials != ledger.entrance_fund {
        return Err(ERR_ENTRANCE_FUND_MISMATCH);
    }
    Ok(())
}

fn insufficient_available(error: &'static str) -> &'static str {
    if error == ERR_NEGATIVE_BALANCE {
        ERR_INSUFFICIENT_AVAILABLE
    } else {
        error
    }
}

fn insufficient_blocked(error: &'static str) -> &'static str {
    if error == ERR_NEGATIVE_BALANCE {
        ERR_INSUFFICIENT_BLOCKED
    } else {
        error
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use coop_runtime::asset_math::MAX_AMOUNT;
    use coop_runtime::{n, sym};

    const RUB: Symbol = sym(4, "RUB");

    fn rub(amount: i64) -> Asset {
        Asset { amount, symbol: RUB }
    }

    fn fresh() -> (Ledger, MemberWallet) {
        (open(n("coop"), RUB, TimePointSec::from(0)), new_wallet(n("alice"), RUB, TimePointSec::from(0)))
    }

    fn assert_ok(ledger: &Ledger, wallet: &MemberWallet) {
        assert_eq!(check_invariants(ledger, [wallet]), Ok(()));
    }

    #[test]
    fn a_new_ledger_and_wallet_are_zero_and_consistent() {
        let (ledger, wallet) = fresh();
        assert_eq!(ledger.share_fund, rub(0));
        assert_eq!(ledger.refunded, rub(0));
        assert_eq!(wallet.available, rub(0));
        assert_ok(&ledger, &wallet);
        assert_eq!(total_received(&ledger), Ok(rub(0)));
    }

    #[test]
    fn share_deposit_credits_available_and_the_share_fund() {
        let (ledger, wallet) = fresh();
        let (ledger, wallet) = credit_share(&ledger, &wallet, rub(500)).unwrap();
        assert_eq!(wallet.available, rub(500));
        assert_eq!(ledger.share_fund, rub(500));
        assert_ok(&ledger, &wallet);
    }

    #[test]
    fn registration_waits_then_books_the_member() {
        let (ledger, wallet) = fresh();
        let ledger = receive_registration(&ledger, rub(300)).unwrap();
        assert_eq!(ledger.reg_received, rub(300));
        let (ledger, wallet) = book_member(&ledger, &wallet, rub(100), rub(200), true).unwrap();
        assert_eq!(ledger.reg_received, rub(0));
        assert_eq!(ledger.entrance_fund, rub(100));
        assert_eq!(ledger.share_fund, rub(200));
        assert_eq!((wallet.initial, wallet.minimum), (rub(100), rub(200)));
        assert_eq!(total_received(&ledger), Ok(rub(300)));
        assert_ok(&ledger, &wallet);
    }

    #[test]
    fn booking_more_than_was_received_is_refused() {
        let (ledger, wallet) = fresh();
        let ledger = receive_registration(&ledger, rub(300)).unwrap();
        assert_eq!(book_member(&ledger, &wallet, rub(200), rub(200), true), Err(ERR_NEGATIVE_BALANCE));
    }

    #[test]
    fn zero_amounts_only_without_a_registration_deposit() {
        let (ledger, wallet) = fresh();
        let (ledger, wallet) = book_member(&ledger, &wallet, rub(0), rub(0), false).unwrap();
        assert_ok(&ledger, &wallet);
        let ledger = receive_registration(&ledger, rub(100)).unwrap();
        assert_eq!(book_member(&ledger, &wallet, rub(0), rub(100), true), Err(ERR_NOT_POSITIVE));
        assert_eq!(book_member(&ledger, &wallet, rub(-1), rub(0), false), Err(ERR_NEGATIVE_AMOUNT));
    }

    #[test]
    fn refund_moves_registration_money_to_refunds_due_then_out() {
        let (ledger, _) = fresh();
        let ledger = receive_registration(&ledger, rub(300)).unwrap();
        let ledger = refund_registration(&ledger, rub(300)).unwrap();
        assert_eq!((ledger.reg_received, ledger.refunds_due), (rub(0), rub(300)));
        assert_eq!(refund_registration(&ledger, rub(1)), Err(ERR_NEGATIVE_BALANCE));
        let ledger = pay_refund(&ledger, rub(300)).unwrap();
        assert_eq!((ledger.refunds_due, ledger.refunded), (rub(0), rub(300)));
        assert_eq!(pay_refund(&ledger, rub(1)), Err(ERR_NEGATIVE_BALANCE));
        assert_eq!(total_received(&ledger), Ok(rub(300)));
    }

    #[test]
    fn withdrawal_blocks_then_pays_out() {
        let (ledger, wallet) = fresh();
        let (ledger, wallet) = credit_share(&ledger, &wallet, rub(500)).unwrap();
        let wallet = block(&ledger, &wallet, rub(200)).unwrap();
        assert_eq!((wallet.available, wallet.blocked), (rub(300), rub(200)));
        assert_ok(&ledger, &wallet);
        let (ledger, wallet) = pay_out(&ledger, &wallet, rub(200)).unwrap();
        assert_eq!(wallet.blocked, rub(0));
        assert_eq!((ledger.share_fund, ledger.paid_out), (rub(300), rub(200)));
        assert_ok(&ledger, &wallet);
        assert_eq!(total_received(&ledger), Ok(rub(500)));
    }

    #[test]
    fn declined_withdrawal_unblocks() {
        let (ledger, wallet) = fresh();
        let (ledger, wallet) = credit_share(&ledger, &wallet, rub(500)).unwrap();
        let wallet = block(&ledger, &wallet, rub(500)).unwrap();
        let wallet = unblock(&ledger, &wallet, rub(500)).unwrap();
        assert_eq!((wallet.available, wallet.blocked), (rub(500), rub(0)));
        assert_ok(&ledger, &wallet);
    }

    #[test]
    fn leaving_makes_the_whole_share_due_and_keeps_the_entrance_fee() {
        let (ledger, wallet) = fresh();
        let (ledger, wallet) = book_member(&ledger, &wallet, rub(100), rub(300), false).unwrap();
        let (ledger, wallet) = credit_share(&ledger, &wallet, rub(50)).unwrap();
        let (wallet, due) = leave(&ledger, &wallet).unwrap();
        assert_eq!(due, rub(350));
        assert_eq!(
            (wallet.available, wallet.minimum, wallet.blocked, wallet.initial),
            (rub(0), rub(0), rub(350), rub(100))
        );
        assert_ok(&ledger, &wallet);
        let (ledger, wallet) = pay_out(&ledger, &wallet, due).unwrap();
        assert_eq!((ledger.share_fund, ledger.entrance_fund, ledger.paid_out), (rub(0), rub(100), rub(350)));
        assert_ok(&ledger, &wallet);
        let (_, nothing) = leave(&ledger, &wallet).unwrap();
        assert_eq!(nothing, rub(0));
    }

    #[test]
    fn balances_never_go_negative() {
        let (ledger, wallet) = fresh();
        let (ledger, wallet) = credit_share(&ledger, &wallet, rub(100)).unwrap();
        assert_eq!(block(&ledger, &wallet, rub(101)), Err(ERR_INSUFFICIENT_AVAILABLE));
        assert_eq!(unblock(&ledger, &wallet, rub(1)), Err(ERR_INSUFFICIENT_BLOCKED));
        assert_eq!(pay_out(&ledger, &wallet, rub(1)), Err(ERR_INSUFFICIENT_BLOCKED));
    }

    #[test]
    fn the_minimum_cannot_be_withdrawn() {
        let (ledger, wallet) = fresh();
        let (ledger, wallet) = book_member(&ledger, &wallet, rub(10), rub(90), false).unwrap();
        assert_eq!(block(&ledger, &wallet, rub(1)), Err(ERR_INSUFFICIENT_AVAILABLE));
    }

    #[test]
    fn amounts_must_be_positive_valid_and_in_the_symbol() {
        let (ledger, wallet) = fresh();
        let usd = Asset { amount: 1, symbol: sym(4, "USD") };
        let rub2 = Asset { amount: 1, symbol: sym(2, "RUB") };
        assert_eq!(credit_share(&ledger, &wallet, rub(0)), Err(ERR_NOT_POSITIVE));
        assert_eq!(credit_share(&ledger, &wallet, rub(-5)), Err(ERR_NEGATIVE_AMOUNT));
        assert_eq!(credit_share(&ledger, &wallet, usd), Err(ERR_WRONG_SYMBOL));
        assert_eq!(credit_share(&ledger, &wallet, rub2), Err(ERR_WRONG_SYMBOL));
        assert_eq!(credit_share(&ledger, &wallet, rub(MAX_AMOUNT + 1)), Err(ERR_AMOUNT_INVALID));
        assert_eq!(receive_registration(&ledger, rub(0)), Err(ERR_NOT_POSITIVE));
        assert_eq!(refund_registration(&ledger, usd), Err(ERR_WRONG_SYMBOL));
        assert_eq!(pay_refund(&ledger, rub(0)), Err(ERR_NOT_POSITIVE));
        assert_eq!(block(&ledger, &wallet, rub(0)), Err(ERR_NOT_POSITIVE));
        assert_eq!(unblock(&ledger, &wallet, usd), Err(ERR_WRONG_SYMBOL));
        assert_eq!(pay_out(&ledger, &wallet, rub(0)), Err(ERR_NOT_POSITIVE));
    }

    #[test]
    fn overflow_is_an_error() {
        let (ledger, wallet) = fresh();
        let (ledger, wallet) = credit_share(&ledger, &wallet, rub(MAX_AMOUNT)).unwrap();
        assert_eq!(credit_share(&ledger, &wallet, rub(1)), Err(ERR_OVERFLOW));
        assert_eq!(book_member(&ledger, &wallet, rub(0), rub(1), false), Err(ERR_OVERFLOW));
    }

    #[test]
    fn invariants_detect_a_broken_ledger() {
        let (ledger, wallet) = fresh();
        let (mut ledger, wallet) = credit_share(&ledger, &wallet, rub(5)).unwrap();
        ledger.share_fund = rub(4);
        assert_eq!(check_invariants(&ledger, [&wallet]), Err(ERR_SHARE_FUND_MISMATCH));
        ledger.share_fund = rub(5);
        ledger.entrance_fund = rub(1);
        assert_eq!(check_invariants(&ledger, [&wallet]), Err(ERR_ENTRANCE_FUND_MISMATCH));
        let (ledger, mut wallet) = fresh();
        wallet.available = rub(-1);
        assert_eq!(check_invariants(&ledger, [&wallet]), Err(ERR_NEGATIVE_AMOUNT));
    }
}
