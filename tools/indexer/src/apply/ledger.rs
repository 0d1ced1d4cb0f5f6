//! Funds and wallets: the rows as the wallet's postings (`coop_protocol::wallet::ledger`,
//! the very functions the contract runs) leave them, and one `ledger_entries` row for every
//! amount a posting changed, with the balance after it.
use super::Ctx;
use crate::{text, Error};
use coop_protocol::wallet::{Ledger, MemberWallet};
use eosio::{Asset, Name};
use rusqlite::params;

/// What a posting is about.
#[derive(Clone, Copy, Debug, Default)]
pub struct Refs {
    pub deposit_id: Option<u64>,
    pub withdrawal_id: Option<u64>,
    pub decision_id: Option<u64>,
}

fn funds(l: &Ledger) -> [(&'static str, Asset); 6] {
    [
        ("share_fund", l.share_fund),
        ("entrance_fund", l.entrance_fund),
        ("reg_received", l.reg_received),
        ("refunds_due", l.refunds_due),
        ("paid_out", l.paid_out),
        ("refunded", l.refunded),
    ]
}

fn balances(w: &MemberWallet) -> [(&'static str, Asset); 4] {
    [("available", w.available), ("blocked", w.blocked), ("minimum", w.minimum), ("initial", w.initial)]
}

/// One entry per amount that changed from `before` to `after` (`holder`: empty for the
/// cooperative's funds, the member for a wallet).
fn entries(
    ctx: &Ctx,
    coopname: Name,
    holder: Name,
    refs: Refs,
    changes: impl Iterator<Item = (&'static str, i64, Asset)>,
) -> Result<(), Error> {
    for (account, before, after) in changes {
        if before == after.amount {
            continue;
        }
        ctx.tx.execute(
            "INSERT INTO ledger_entries (coopname, holder, account, amount, balance, symbol, action, deposit_id,
                 withdrawal_id, decision_id, block_num, block_time, trx_id, global_sequence)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            params![
                text::name(coopname),
                text::name(holder),
                account,
                after.amount - before,
                after.amount,
                text::symbol(after.symbol),
                ctx.action_name(),
                refs.deposit_id.map(|id| id as i64),
                refs.withdrawal_id.map(|id| id as i64),
                refs.decision_id.map(|id| id as i64),
                ctx.block_num,
                ctx.now_text(),
                ctx.trx_id,
                ctx.trace.global_sequence as i64
            ],
        )?;
    }
    Ok(())
}

/// A new ledger (`openledger`): every fund zero.
pub fn open(ctx: &Ctx, ledger: &Ledger) -> Result<(), Error> {
    ctx.tx.execute(
        "INSERT INTO ledgers (coopname, symbol, share_fund, entrance_fund, reg_received, refunds_due, paid_out,
             refunded, opened_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            text::name(ledger.coopname),
            text::symbol(ledger.share_fund.symbol),
            text::asset(&ledger.share_fund),
            text::asset(&ledger.entrance_fund),
            text::asset(&ledger.reg_received),
            text::asset(&ledger.refunds_due),
            text::asset(&ledger.paid_out),
            text::asset(&ledger.refunded),
            text::time(ledger.opened_at.as_secs())
        ],
    )?;
    Ok(())
}

/// Saves a posted ledger and its entries.
pub fn save(ctx: &Ctx, refs: Refs, before: &Ledger, after: &Ledger) -> Result<(), Error> {
    ctx.tx.execute(
        "UPDATE ledgers SET share_fund = ?2, entrance_fund = ?3, reg_received = ?4, refunds_due = ?5, paid_out = ?6,
             refunded = ?7
         WHERE coopname = ?1",
        params![
            text::name(after.coopname),
            text::asset(&after.share_fund),
            text::asset(&after.entrance_fund),
            text::asset(&after.reg_received),
            text::asset(&after.refunds_due),
            text::asset(&after.paid_out),
            text::asset(&after.refunded)
        ],
    )?;
    let changes = funds(before).into_iter().zip(funds(after)).map(|((account, b), (_, a))| (account, b.amount, a));
    entries(ctx, after.coopname, Name::new(0), refs, changes)
}

/// Saves a posted wallet (opened when `before` is `None`) and its entries.
pub fn save_wallet(
    ctx: &Ctx,
    coopname: Name,
    refs: Refs,
    before: Option<&MemberWallet>,
    after: &MemberWallet,
) -> Result<(), Error> {
    ctx.tx.execute(
        "INSERT INTO wallets (coopname, username, available, blocked, minimum, initial, opened_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (coopname, username) DO UPDATE SET available = ?3, blocked = ?4, minimum = ?5, initial = ?6",
        params![
            text::name(coopname),
            text::name(after.username),
            text::asset(&after.available),
            text::asset(&after.blocked),
            text::asset(&after.minimum),
            text::asset(&after.initial),
            text::time(after.opened_at.as_secs())
        ],
    )?;
    let before = before.map_or([0; 4], |w| balances(w).map(|(_, a)| a.amount));
    let changes = before.into_iter().zip(balances(after)).map(|(b, (account, a))| (account, b, a));
    entries(ctx, coopname, after.username, refs, changes)
}
