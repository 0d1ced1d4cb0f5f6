//! The wallet's actions: ledgers, wallets, deposits and withdrawals (their ids from the
//! return values of `deposit`, `withdraw` and `leftcoop`), every posting through the
//! contract's own ledger functions, and the statements of `withdraw`.
use super::ledger::{self, Refs};
use super::{Belongs, Ctx};
use crate::{registries, text, Error};
use coop_protocol::registrator::TYPE_ORGANIZATION;
use coop_protocol::wallet::ledger as post;
use coop_protocol::wallet::*;
use eosio::{Name, TimePointSec};
use rusqlite::params;

pub fn apply(ctx: &Ctx, action: &str) -> Result<(), Error> {
    match action {
        "openledger" => {
            let data: Openledger = ctx.data()?;
            ledger::open(ctx, &post::open(data.coopname, data.symbol, TimePointSec::from_secs(ctx.now)))
        }
        "deposit" => deposit(ctx, ctx.data()?),
        "confirm" => confirm(ctx, ctx.data()?),
        "cancel" => {
            let data: Cancel = ctx.data()?;
            end_deposit(ctx, data.coopname, data.deposit_id, "cancelled", Some(&data.reason))
        }
        "addmember" => addmember(ctx, ctx.data()?),
        "refundreg" => {
            let data: Refundreg = ctx.data()?;
            let deposit = live_deposit(ctx, data.coopname, data.deposit_id)?;
            let before = ledger_of(ctx, data.coopname)?;
            let after = posted(ctx, post::refund_registration(&before, deposit.quantity))?;
            ledger::save(ctx, Refs { deposit_id: Some(deposit.id), ..Refs::default() }, &before, &after)?;
            set_deposit_status(ctx, data.coopname, deposit.id, DEPOSIT_REFUND)
        }
        "payrefund" => {
            let data: Payrefund = ctx.data()?;
            let deposit = live_deposit(ctx, data.coopname, data.deposit_id)?;
            let before = ledger_of(ctx, data.coopname)?;
            let after = posted(ctx, post::pay_refund(&before, deposit.quantity))?;
            ledger::save(ctx, Refs { deposit_id: Some(deposit.id), ..Refs::default() }, &before, &after)?;
            end_deposit(ctx, data.coopname, deposit.id, "refunded", Some(&data.memo))
        }
        "withdraw" => withdraw(ctx, ctx.data()?),
        "allowwithdr" => {
            let data: Allowwithdr = ctx.data()?;
            let changed = ctx.tx.execute(
                "UPDATE withdrawals SET status = ?3, decision_id = ?4, updated_at = ?5
                 WHERE coopname = ?1 AND id = ?2 AND status = 'pending'",
                params![
                    text::name(data.coopname),
                    data.withdraw_id as i64,
                    text::name(WITHDRAWAL_AUTHORIZED),
                    data.decision_id as i64,
                    ctx.now_text()
                ],
            )?;
            if changed != 1 {
                return Err(ctx.inconsistent(format!("withdrawal {} is not pending", data.withdraw_id)));
            }
            Ok(())
        }
        "declwithdr" => {
            let data: Declwithdr = ctx.data()?;
            unblock(ctx, data.coopname, data.withdraw_id, "declined", None, Some(data.decision_id))
        }
        "failwithdr" => {
            let data: Failwithdr = ctx.data()?;
            unblock(ctx, data.coopname, data.withdraw_id, "failed", Some(&data.reason), None)
        }
        "leftcoop" => leftcoop(ctx, ctx.data()?),
        "payout" => payout(ctx, ctx.data()?),
        // `init`; `deposits` and `withdrawals` are read-only and never in a block.
        _ => Ok(()),
    }
}

/// The value of a posting; the contract made the same one, so it cannot fail here.
fn posted<T>(ctx: &Ctx, posting: post::Posting<T>) -> Result<T, Error> {
    posting.map_err(|e| ctx.inconsistent(format!("the posting replays as {e:?}")))
}

fn ledger_of(ctx: &Ctx, coopname: Name) -> Result<Ledger, Error> {
    registries::ledger(ctx.tx, coopname)?.ok_or_else(|| ctx.inconsistent(format!("{coopname} has no ledger")))
}

fn wallet_of(ctx: &Ctx, coopname: Name, username: Name) -> Result<MemberWallet, Error> {
    registries::wallet(ctx.tx, coopname, username)?.ok_or_else(|| ctx.inconsistent(format!("{username} has no wallet")))
}

fn live_deposit(ctx: &Ctx, coopname: Name, id: u64) -> Result<DepositRow, Error> {
    registries::deposit(ctx.tx, coopname, id)?.ok_or_else(|| ctx.inconsistent(format!("deposit {id} is not live")))
}

fn live_withdrawal(ctx: &Ctx, coopname: Name, id: u64) -> Result<Withdrawal, Error> {
    registries::withdrawal(ctx.tx, coopname, id)?
        .ok_or_else(|| ctx.inconsistent(format!("withdrawal {id} is not live")))
}

fn set_deposit_status(ctx: &Ctx, coopname: Name, id: u64, status: Name) -> Result<(), Error> {
    ctx.tx.execute(
        "UPDATE deposits SET status = ?3, updated_at = ?4 WHERE coopname = ?1 AND id = ?2",
        params![text::name(coopname), id as i64, text::name(status), ctx.now_text()],
    )?;
    Ok(())
}

/// A deposit's end: `credited`, `cancelled`, `accepted` or `refunded`.
fn end_deposit(ctx: &Ctx, coopname: Name, id: u64, status: &str, memo: Option<&str>) -> Result<(), Error> {
    let changed = ctx.tx.execute(
        "UPDATE deposits SET status = ?3, updated_at = ?4, ended_at = ?4, end_memo = ?5
         WHERE coopname = ?1 AND id = ?2 AND status IN ('pending', 'confirmed', 'refund')",
        params![text::name(coopname), id as i64, status, ctx.now_text(), memo],
    )?;
    if changed != 1 {
        return Err(ctx.inconsistent(format!("deposit {id} is not live")));
    }
    Ok(())
}

/// A withdrawal's end: `paid`, `declined` or `failed`.
fn end_withdrawal(ctx: &Ctx, coopname: Name, id: u64, status: &str, memo: Option<&str>) -> Result<(), Error> {
    ctx.tx.execute(
        "UPDATE withdrawals SET status = ?3, updated_at = ?4, ended_at = ?4, end_memo = ?5
         WHERE coopname = ?1 AND id = ?2",
        params![text::name(coopname), id as i64, status, ctx.now_text(), memo],
    )?;
    Ok(())
}

fn deposit(ctx: &Ctx, data: Deposit) -> Result<(), Error> {
    let id: u64 = ctx.returned::<Deposit>()?;
    // A registration payment keeps the fees it was announced under (the wallet's
    // `regdeposits`): the cooperative's fees for the person's type of account.
    let fees = if data.kind == KIND_REGISTRATION {
        let coop = registries::cooperative(ctx.tx, data.coopname)?
            .ok_or_else(|| ctx.inconsistent(format!("{} is not registered", data.coopname)))?;
        let card = registries::card(ctx.tx, data.username)?
            .ok_or_else(|| ctx.inconsistent(format!("{} has no card", data.username)))?;
        let (initial, minimum) = if card.r#type == TYPE_ORGANIZATION {
            (coop.org_initial, coop.org_minimum)
        } else {
            (coop.initial, coop.minimum)
        };
        Some((text::asset(&initial), text::asset(&minimum)))
    } else {
        None
    };
    ctx.tx.execute(
        "INSERT INTO deposits (coopname, id, username, kind, quantity, status, memo, initial, minimum, created_at,
             updated_at, block_num, trx_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11, ?12)",
        params![
            text::name(data.coopname),
            id as i64,
            text::name(data.username),
            text::name(data.kind),
            text::asset(&data.quantity),
            text::name(DEPOSIT_PENDING),
            data.memo,
            fees.as_ref().map(|f| f.0.clone()),
            fees.as_ref().map(|f| f.1.clone()),
            ctx.now_text(),
            ctx.block_num,
            ctx.trx_id
        ],
    )?;
    Ok(())
}

fn confirm(ctx: &Ctx, data: Confirm) -> Result<(), Error> {
    let deposit = live_deposit(ctx, data.coopname, data.deposit_id)?;
    let refs = Refs { deposit_id: Some(deposit.id), ..Refs::default() };
    let before = ledger_of(ctx, data.coopname)?;
    if deposit.kind == KIND_SHARE {
        let existing = registries::wallet(ctx.tx, data.coopname, deposit.username)?;
        let wallet = existing.clone().unwrap_or_else(|| {
            post::new_wallet(deposit.username, post::symbol(&before), TimePointSec::from_secs(ctx.now))
        });
        let (after, wallet_after) = posted(ctx, post::credit_share(&before, &wallet, deposit.quantity))?;
        ledger::save_wallet(ctx, data.coopname, refs, existing.as_ref(), &wallet_after)?;
        ledger::save(ctx, refs, &before, &after)?;
        end_deposit(ctx, data.coopname, deposit.id, "credited", Some(&data.memo))
    } else {
        let after = posted(ctx, post::receive_registration(&before, deposit.quantity))?;
        ledger::save(ctx, refs, &before, &after)?;
        set_deposit_status(ctx, data.coopname, deposit.id, DEPOSIT_CONFIRMED)
    }
}

fn addmember(ctx: &Ctx, data: Addmember) -> Result<(), Error> {
    let from_registration = data.deposit_id != 0;
    let refs = Refs { deposit_id: from_registration.then_some(data.deposit_id), ..Refs::default() };
    let before = ledger_of(ctx, data.coopname)?;
    let existing = registries::wallet(ctx.tx, data.coopname, data.username)?;
    let wallet = existing
        .clone()
        .unwrap_or_else(|| post::new_wallet(data.username, post::symbol(&before), TimePointSec::from_secs(ctx.now)));
    let (after, wallet_after) =
        posted(ctx, post::book_member(&before, &wallet, data.initial, data.minimum, from_registration))?;
    ledger::save_wallet(ctx, data.coopname, refs, existing.as_ref(), &wallet_after)?;
    ledger::save(ctx, refs, &before, &after)?;
    if from_registration {
        end_deposit(ctx, data.coopname, data.deposit_id, "accepted", None)?;
    }
    Ok(())
}

fn withdraw(ctx: &Ctx, data: Withdraw) -> Result<(), Error> {
    let id: u64 = ctx.returned::<Withdraw>()?;
    let ledger = ledger_of(ctx, data.coopname)?;
    let before = wallet_of(ctx, data.coopname, data.username)?;
    let after = posted(ctx, post::block(&ledger, &before, data.quantity))?;
    let refs = Refs { withdrawal_id: Some(id), ..Refs::default() };
    ledger::save_wallet(ctx, data.coopname, refs, Some(&before), &after)?;
    insert_withdrawal(
        ctx,
        data.coopname,
        &Withdrawal {
            id,
            username: data.username,
            quantity: data.quantity,
            status: WITHDRAWAL_PENDING,
            statement_hash: data.statement.hash,
            decision_id: 0,
            created_at: TimePointSec::from_secs(ctx.now),
            updated_at: TimePointSec::from_secs(ctx.now),
        },
    )?;
    let belongs = Belongs { withdrawal_id: Some(id), ..Belongs::default() };
    ctx.document(data.coopname, data.username, &data.statement, belongs)
}

fn insert_withdrawal(ctx: &Ctx, coopname: Name, w: &Withdrawal) -> Result<(), Error> {
    ctx.tx.execute(
        "INSERT INTO withdrawals (coopname, id, username, quantity, status, statement_hash, decision_id, created_at,
             updated_at, block_num, trx_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            text::name(coopname),
            w.id as i64,
            text::name(w.username),
            text::asset(&w.quantity),
            text::name(w.status),
            text::checksum(&w.statement_hash),
            w.decision_id as i64,
            text::time(w.created_at.as_secs()),
            text::time(w.updated_at.as_secs()),
            ctx.block_num,
            ctx.trx_id
        ],
    )?;
    Ok(())
}

/// A declined or failed withdrawal: its amount back to `available`.
fn unblock(
    ctx: &Ctx,
    coopname: Name,
    id: u64,
    status: &str,
    memo: Option<&str>,
    decision_id: Option<u64>,
) -> Result<(), Error> {
    let withdrawal = live_withdrawal(ctx, coopname, id)?;
    let ledger = ledger_of(ctx, coopname)?;
    let before = wallet_of(ctx, coopname, withdrawal.username)?;
    let after = posted(ctx, post::unblock(&ledger, &before, withdrawal.quantity))?;
    let refs = Refs { withdrawal_id: Some(id), decision_id, ..Refs::default() };
    ledger::save_wallet(ctx, coopname, refs, Some(&before), &after)?;
    end_withdrawal(ctx, coopname, id, status, memo)
}

/// A member left: their whole share becomes one authorised withdrawal (none when nothing
/// is due: the action returned 0).
fn leftcoop(ctx: &Ctx, data: Leftcoop) -> Result<(), Error> {
    let id: u64 = ctx.returned::<Leftcoop>()?;
    if id == 0 {
        return Ok(());
    }
    let ledger = ledger_of(ctx, data.coopname)?;
    let before = wallet_of(ctx, data.coopname, data.username)?;
    let (after, due) = posted(ctx, post::leave(&ledger, &before))?;
    let refs = Refs { withdrawal_id: Some(id), decision_id: Some(data.decision_id), ..Refs::default() };
    ledger::save_wallet(ctx, data.coopname, refs, Some(&before), &after)?;
    insert_withdrawal(
        ctx,
        data.coopname,
        &Withdrawal {
            id,
            username: data.username,
            quantity: due,
            status: WITHDRAWAL_AUTHORIZED,
            statement_hash: Default::default(),
            decision_id: data.decision_id,
            created_at: TimePointSec::from_secs(ctx.now),
            updated_at: TimePointSec::from_secs(ctx.now),
        },
    )
}

fn payout(ctx: &Ctx, data: Payout) -> Result<(), Error> {
    let withdrawal = live_withdrawal(ctx, data.coopname, data.withdraw_id)?;
    let before = ledger_of(ctx, data.coopname)?;
    let wallet = wallet_of(ctx, data.coopname, withdrawal.username)?;
    let (after, wallet_after) = posted(ctx, post::pay_out(&before, &wallet, withdrawal.quantity))?;
    let refs = Refs {
        withdrawal_id: Some(withdrawal.id),
        decision_id: (withdrawal.decision_id != 0).then_some(withdrawal.decision_id),
        ..Refs::default()
    };
    ledger::save_wallet(ctx, data.coopname, refs, Some(&wallet), &wallet_after)?;
    ledger::save(ctx, refs, &before, &after)?;
    end_withdrawal(ctx, data.coopname, withdrawal.id, "paid", Some(&data.memo))
}
