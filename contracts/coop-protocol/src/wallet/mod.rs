//! The wallet contract: member wallets, the cooperative ledger, deposits and withdrawals.
//!
//! All amounts are in the cooperative's symbol (the one it is registered with in the
//! registrator); money itself moves off-chain and the cooperative confirms it.
//!
//! Tables: `peers`, `ledgers`, `counters` (scope = the contract); `wallets`, `deposits`,
//! `regdeposits`, `withdrawals` (scope = the cooperative). Every posting is in the pure
//! module [`ledger`], which keeps the invariants of spec 3.4. Each table's doc comment
//! says who pays for its rows, when they are freed and how many one party can create;
//! the wallet account pays only for `init`.
//!
//! Deposit lifecycle: `deposit` → `pending` → `confirm`: a `share` deposit is credited and
//! erased; a `registration` deposit becomes `confirmed` and waits for the council, then is
//! erased when the person is accepted (`addmember`), or becomes `refund` (`refundreg`) and
//! is erased when the refund is paid (`payrefund`). `cancel` erases a pending deposit.
//!
//! Withdrawal lifecycle (at most one open per member): `withdraw` → `pending` (council
//! decision `withdraw`) → `allowwithdr` → `authorized` → `payout` (erased, paid); or
//! `declwithdr` (erased, declined); or, when an authorised payment fails, `failwithdr`
//! (erased, failed). Declined and failed withdrawals give the amount back to `available`.
//!
//! History: an erased row's whole life is in the actions that changed it (their data and
//! return values); the statement documents are in `deposit`/`withdraw`.
//!
//! Every action is documented on the [`Wallet`] trait; its messages are in [`errors`].
mod actions;
pub mod errors;
pub mod ledger;
mod queries;
mod tables;

use crate::{registrator, soviet};
use errors::*;

pub use actions::*;
pub use queries::*;
pub use tables::*;

coop_runtime::contract_interface! {
    /// The wallet's actions.
    pub trait Wallet {
        /// Sets the peer contracts. Signed by the wallet account; may be repeated.
        init(Init) errors [];
        /// Opens a cooperative's ledger: every fund zero in `symbol`, and its id counters.
        /// Once per cooperative. Signed by the operator (`peers.operator`, inline during
        /// the connection), who pays the rows' RAM. The cooperative must be registered in
        /// the registrator with this symbol.
        openledger(Openledger)
            errors [ERR_NOT_INITIALIZED, ERR_BAD_SYMBOL, ERR_COOP_NOT_FOUND, ERR_NOT_COOP_SYMBOL, ERR_LEDGER_EXISTS];
        /// Announces a payment and returns its id (from the cooperative's counter).
        /// Signed by `username` or `coopname`; the cooperative pays the RAM when it signed,
        /// otherwise the member. The cooperative must be active. `registration`: the person
        /// has an open application and no other registration deposit in progress, and
        /// `quantity` = `initial + minimum` of the cooperative for their card's type
        /// (`org_initial + org_minimum` for organisations). `share`: the person is an
        /// accepted participant with a wallet. `memo`: at most `MAX_MEMO` bytes.
        deposit(Deposit) -> u64
            errors [
                ERR_DEPOSIT_AUTH, ERR_NOT_INITIALIZED, ERR_LEDGER_NOT_FOUND, ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE,
                ERR_BAD_KIND, ERR_AMOUNT_INVALID, ERR_WRONG_SYMBOL, ERR_NEGATIVE_AMOUNT, ERR_NOT_POSITIVE,
                ERR_TEXT_TOO_LONG, ERR_NO_OPEN_APPLICATION, ERR_REGISTRATION_IN_PROGRESS, ERR_CARD_NOT_FOUND,
                ERR_WRONG_REGISTRATION_AMOUNT, ERR_MEMBER_LEAVING, ERR_NOT_PARTICIPANT, ERR_OVERFLOW,
            ];
        /// The money of a pending deposit has arrived. Signed by `coopname`. `share`: credits
        /// the member's `available` and the share fund (opening the wallet, paid by the
        /// cooperative, if the member has none yet, e.g. a founder); the person must still
        /// be an accepted participant. `registration`: the money waits in `reg_received`, and
        /// the registrator is told (`registrator::paidjoin`), which puts the application on
        /// the council's agenda; the application must still be open. A confirmed `share`
        /// deposit is erased (its RAM goes back to its payer).
        confirm(Confirm)
            errors [
                ERR_NOT_INITIALIZED, ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE, ERR_LEDGER_NOT_FOUND, ERR_TEXT_TOO_LONG,
                ERR_DEPOSIT_NOT_FOUND, ERR_DEPOSIT_NOT_PENDING, ERR_MEMBER_LEAVING, ERR_NOT_PARTICIPANT,
                ERR_NO_OPEN_APPLICATION, ERR_OVERFLOW,
            ]
            calls [registrator::Paidjoin];
        /// Cancels a pending deposit (no money arrived) and erases it. Signed by `coopname`.
        cancel(Cancel) errors [ERR_TEXT_TOO_LONG, ERR_DEPOSIT_NOT_FOUND, ERR_DEPOSIT_NOT_PENDING];
        /// Books a new member: opens their wallet if absent, adds `initial` to their entrance
        /// fee and the entrance-fee fund, `minimum` to their minimum share and the share fund.
        /// Signed by the registrator (inline) and the cooperative's `contracts` permission:
        /// the cooperative pays the wallet row. With `deposit_id` ≠ 0 the money comes from
        /// that confirmed registration deposit of `username`, which is erased;
        /// both amounts must be positive and add up to the deposit. With `deposit_id` = 0
        /// (founders, imported members) the money is new to the ledger and either amount may
        /// be zero (a founder who paid nothing on chain).
        addmember(Addmember)
            errors [
                ERR_NOT_INITIALIZED, ERR_LEDGER_NOT_FOUND, ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE, ERR_AMOUNT_INVALID,
                ERR_WRONG_SYMBOL, ERR_NEGATIVE_AMOUNT, ERR_BAD_FEES, ERR_DEPOSIT_NOT_FOUND, ERR_DEPOSIT_OF_OTHER,
                ERR_NOT_REGISTRATION, ERR_DEPOSIT_NOT_CONFIRMED, ERR_BOOKING_MISMATCH, ERR_OVERFLOW,
            ];
        /// The council declined the application (or its decision expired): the confirmed
        /// registration deposit becomes `refund`, its money moves from `reg_received` to
        /// `refunds_due`. Signed by the registrator (inline).
        refundreg(Refundreg)
            errors [
                ERR_NOT_INITIALIZED, ERR_LEDGER_NOT_FOUND, ERR_DEPOSIT_NOT_FOUND, ERR_DEPOSIT_OF_OTHER,
                ERR_NOT_REGISTRATION, ERR_DEPOSIT_NOT_CONFIRMED, ERR_OVERFLOW,
            ];
        /// The cooperative gave a refund back: the deposit is erased, its money moves from
        /// `refunds_due` to `refunded`. Signed by `coopname`.
        payrefund(Payrefund)
            errors [
                ERR_LEDGER_NOT_FOUND, ERR_TEXT_TOO_LONG, ERR_DEPOSIT_NOT_FOUND, ERR_DEPOSIT_NOT_REFUND, ERR_OVERFLOW,
            ];
        /// Asks to get `quantity` of the available share contributions back: moves it from
        /// `available` to `blocked`, records the withdrawal (the member pays its RAM) and
        /// asks the council (`soviet::propose`, kind `withdraw`, `ref_id` = the id; the
        /// cooperative pays the decision, as part of its agenda). One open withdrawal per
        /// member. Returns the withdrawal id. Signed by `username`, whose `active` key must
        /// have signed the statement for this cooperative and exactly this `quantity`
        /// (`consent`: `number` = the amount, `subject` = the symbol). The cooperative must
        /// be active.
        withdraw(Withdraw) -> u64
            errors [
                ERR_NOT_INITIALIZED, ERR_LEDGER_NOT_FOUND, ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE, ERR_MEMBER_LEAVING,
                ERR_NOT_PARTICIPANT, ERR_WALLET_NOT_FOUND, ERR_WITHDRAWAL_OPEN, ERR_AMOUNT_INVALID, ERR_WRONG_SYMBOL,
                ERR_NEGATIVE_AMOUNT, ERR_NOT_POSITIVE, ERR_META_TOO_LONG, ERR_INSUFFICIENT_AVAILABLE,
                ERR_BAD_SIGNATURE, ERR_KEY_NOT_SIGNERS, ERR_OVERFLOW,
            ]
            calls [soviet::Propose];
        /// The council allowed a pending withdrawal: it becomes `authorized`. Signed by the
        /// soviet (inline, executing the decision).
        allowwithdr(Allowwithdr)
            errors [
                ERR_NOT_INITIALIZED, ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE, ERR_WITHDRAWAL_NOT_FOUND,
                ERR_WITHDRAWAL_NOT_PENDING,
            ];
        /// The council declined a pending withdrawal (or its decision expired): the amount
        /// goes back to `available`, the withdrawal is erased. Signed by the soviet.
        declwithdr(Declwithdr)
            errors [
                ERR_NOT_INITIALIZED, ERR_WITHDRAWAL_NOT_FOUND, ERR_WITHDRAWAL_NOT_PENDING, ERR_LEDGER_NOT_FOUND,
                ERR_WALLET_NOT_FOUND,
            ];
        /// A member has left (their `leave` decision was executed): their whole share —
        /// `available` and `minimum` — moves to `blocked` and becomes one authorised
        /// withdrawal (returned id), which the cooperative pays out with `payout`; the
        /// entrance fee stays in its fund. Nothing to pay (no wallet, or nothing in it):
        /// no withdrawal, returns 0. Signed by the registrator (inline) and the
        /// cooperative's `contracts` permission: the cooperative pays the withdrawal row.
        leftcoop(Leftcoop) -> u64
            errors [ERR_NOT_INITIALIZED, ERR_COOP_NOT_FOUND, ERR_COOP_NOT_ACTIVE, ERR_LEDGER_NOT_FOUND, ERR_OVERFLOW];
        /// An authorised withdrawal could not be paid: the amount goes back to `available`,
        /// the withdrawal is erased. Signed by `coopname`. Refused for the payout of someone
        /// who is no longer a participant (a leaver's share): back in their wallet, nobody
        /// could ask for it again, so it stays authorised until `payout`.
        failwithdr(Failwithdr)
            errors [
                ERR_TEXT_TOO_LONG, ERR_WITHDRAWAL_NOT_FOUND, ERR_WITHDRAWAL_NOT_AUTHORIZED,
                ERR_LEAVER_PAYOUT_CANNOT_FAIL, ERR_LEDGER_NOT_FOUND, ERR_WALLET_NOT_FOUND,
            ];
        /// An authorised withdrawal was paid: it leaves `blocked` and the share fund, the
        /// paid-out total grows, the withdrawal is erased. Signed by `coopname`.
        payout(Payout)
            errors [
                ERR_LEDGER_NOT_FOUND, ERR_TEXT_TOO_LONG, ERR_WITHDRAWAL_NOT_FOUND, ERR_WITHDRAWAL_NOT_AUTHORIZED,
                ERR_WALLET_NOT_FOUND, ERR_OVERFLOW,
            ];
        /// Deposits in progress, read-only: lists `coopname`'s deposits of `username`
        /// (empty = everyone's) in `state` (`pending`, `confirmed`, `refund`; empty = every
        /// state), from deposit id `from_id` upwards, at most `limit` (1 to
        /// `MAX_QUERY_LIMIT`), each the `deposits` row as stored. Finished deposits are
        /// erased and not listed. Reads at most `QUERY_SCAN_LIMIT` deposits per call;
        /// `next_id` is the `from_id` of the next call (0: nothing left). Signed by nobody:
        /// send it as a read-only transaction (`/v1/chain/send_read_only_transaction`,
        /// `cleos push action … --read`), which has no authorizations and writes nothing.
        deposits(DepositsQuery) -> DepositPage
            errors [ERR_LIMIT_ZERO, ERR_LIMIT_TOO_LARGE, ERR_BAD_DEPOSIT_STATE, ERR_LEDGER_NOT_FOUND];
        /// Open withdrawals, read-only: lists `coopname`'s withdrawals of `username`
        /// (empty = everyone's) in `state` (`pending`, `authorized`; empty = both), from
        /// withdrawal id `from_id` upwards, at most `limit` (1 to `MAX_QUERY_LIMIT`), each
        /// the `withdrawals` row as stored. Paid, declined and failed withdrawals are erased
        /// and not listed. Reads at most `QUERY_SCAN_LIMIT` withdrawals per call; `next_id`
        /// as for `deposits`. Signed by nobody (read-only, as `deposits`).
        withdrawals(WithdrawalsQuery) -> WithdrawalPage
            errors [ERR_LIMIT_ZERO, ERR_LIMIT_TOO_LARGE, ERR_BAD_WITHDRAWAL_STATE, ERR_LEDGER_NOT_FOUND];
    }
    tables {
        coop_runtime::peers::PeersTable, Ledgers, Counters, Wallets, Deposits, RegDeposits,
        Withdrawals
    }
}
