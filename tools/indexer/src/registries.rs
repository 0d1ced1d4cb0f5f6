//! The live rows of the registries, read back from SQLite as the contracts' own row types
//! (`coop-protocol`): what the handlers replay works on, and what a test compares with the
//! chain's tables. "Live" is what the chain still holds: finished decisions, deposits,
//! withdrawals and applications, deleted branches and people who left stay in the database
//! with their end, but are not listed here.
use crate::text;
use coop_protocol::registrator::{Application, Branch, Card, Cooperative, Participant};
use coop_protocol::soviet::{
    Board, BoardMember, CouncilAction, Decision, VoteSlot, MAX_BOARD_MEMBERS, SLOT_AGAINST, SLOT_FOR,
};
use coop_protocol::wallet::{DepositRow, Ledger, MemberWallet, RegDeposit, Withdrawal};
use eosio::{Asset, Checksum256, Name, Read, TimePointSec};
use rusqlite::types::Type;
use rusqlite::{params, Connection, OptionalExtension, Row};

type Result<T> = rusqlite::Result<T>;

fn bad(message: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(0, Type::Text, message.into())
}

fn name_at(row: &Row, i: usize) -> Result<Name> {
    text::parse_name(&row.get::<_, String>(i)?).map_err(bad)
}

fn asset_at(row: &Row, i: usize) -> Result<Asset> {
    text::parse(&row.get::<_, String>(i)?).map_err(bad)
}

/// A time column; NULL is the chain's zero time.
fn time_at(row: &Row, i: usize) -> Result<TimePointSec> {
    match row.get::<_, Option<String>>(i)? {
        Some(t) => text::parse_time(&t).map(TimePointSec::from_secs).map_err(bad),
        None => Ok(TimePointSec::from_secs(0)),
    }
}

/// A hash column; NULL is the zero hash.
fn hash_at(row: &Row, i: usize) -> Result<Checksum256> {
    match row.get::<_, Option<String>>(i)? {
        Some(h) => text::parse_checksum(&h).map_err(bad),
        None => Ok(Checksum256::default()),
    }
}

fn u64_at(row: &Row, i: usize) -> Result<u64> {
    Ok(row.get::<_, i64>(i)? as u64)
}

/// Names separated by spaces.
fn names_at(row: &Row, i: usize) -> Result<Vec<Name>> {
    row.get::<_, String>(i)?.split_whitespace().map(|n| text::parse_name(n).map_err(bad)).collect()
}

/// The text of a list of names as the `decisions.votes_for`/`votes_against` columns keep it.
pub fn names_text(names: &[Name]) -> String {
    names.iter().map(|n| text::name(*n)).collect::<Vec<_>>().join(" ")
}

fn all<T>(conn: &Connection, sql: &str, args: impl rusqlite::Params, map: fn(&Row) -> Result<T>) -> Result<Vec<T>> {
    let mut statement = conn.prepare_cached(sql)?;
    let rows = statement.query_map(args, map)?;
    rows.collect()
}

fn one<T>(conn: &Connection, sql: &str, args: impl rusqlite::Params, map: fn(&Row) -> Result<T>) -> Result<Option<T>> {
    conn.prepare_cached(sql)?.query_row(args, map).optional()
}

/// Sorted as the chain keeps rows: by primary key.
fn by_key<T>(mut rows: Vec<T>, key: impl Fn(&T) -> u64) -> Vec<T> {
    rows.sort_by_key(|r| key(r));
    rows
}

const COOP: &str = "SELECT username, status, symbol, initial, minimum, org_initial, org_minimum, announce, \
                    description, is_branched, branch_count, created_at FROM cooperatives";

fn coop_row(row: &Row) -> Result<Cooperative> {
    Ok(Cooperative {
        username: name_at(row, 0)?,
        status: name_at(row, 1)?,
        symbol: coop_runtime::asset_text::parse_symbol(&row.get::<_, String>(2)?).map_err(|e| bad(e.into()))?,
        initial: asset_at(row, 3)?,
        minimum: asset_at(row, 4)?,
        org_initial: asset_at(row, 5)?,
        org_minimum: asset_at(row, 6)?,
        announce: row.get(7)?,
        description: row.get(8)?,
        is_branched: row.get(9)?,
        branch_count: row.get(10)?,
        created_at: time_at(row, 11)?,
    })
}

/// The registrator's `coops`.
pub fn cooperatives(conn: &Connection) -> Result<Vec<Cooperative>> {
    Ok(by_key(all(conn, COOP, [], coop_row)?, |c| c.username.as_u64()))
}

pub fn cooperative(conn: &Connection, coopname: Name) -> Result<Option<Cooperative>> {
    one(conn, &format!("{COOP} WHERE username = ?1"), [text::name(coopname)], coop_row)
}

const CARD: &str = "SELECT username, coopname, type, status, referer, meta, created_at FROM cards";

fn card_row(row: &Row) -> Result<Card> {
    Ok(Card {
        username: name_at(row, 0)?,
        coopname: name_at(row, 1)?,
        r#type: name_at(row, 2)?,
        status: name_at(row, 3)?,
        referer: name_at(row, 4)?,
        meta: row.get(5)?,
        created_at: time_at(row, 6)?,
    })
}

/// The registrator's `cards` of every cooperative.
pub fn cards(conn: &Connection) -> Result<Vec<Card>> {
    Ok(by_key(all(conn, CARD, [], card_row)?, |c| c.username.as_u64()))
}

pub fn card(conn: &Connection, username: Name) -> Result<Option<Card>> {
    one(conn, &format!("{CARD} WHERE username = ?1"), [text::name(username)], card_row)
}

const PARTICIPANT: &str =
    "SELECT username, type, status, braname, joined_at FROM participants WHERE status <> 'left' AND coopname = ?1";

fn participant_row(row: &Row) -> Result<Participant> {
    Ok(Participant {
        username: name_at(row, 0)?,
        r#type: name_at(row, 1)?,
        status: name_at(row, 2)?,
        braname: name_at(row, 3)?,
        joined_at: time_at(row, 4)?,
    })
}

/// The registrator's `participants` of a cooperative: who is a participant now.
pub fn participants(conn: &Connection, coopname: Name) -> Result<Vec<Participant>> {
    Ok(by_key(all(conn, PARTICIPANT, [text::name(coopname)], participant_row)?, |p| p.username.as_u64()))
}

pub fn participant(conn: &Connection, coopname: Name, username: Name) -> Result<Option<Participant>> {
    one(
        conn,
        &format!("{PARTICIPANT} AND username = ?2"),
        params![text::name(coopname), text::name(username)],
        participant_row,
    )
}

const BRANCH: &str = "SELECT braname, trustee, title, members, created_at, applications FROM branches \
                      WHERE deleted_at IS NULL AND coopname = ?1";

fn branch_row(row: &Row) -> Result<Branch> {
    Ok(Branch {
        braname: name_at(row, 0)?,
        trustee: name_at(row, 1)?,
        title: row.get(2)?,
        members: row.get(3)?,
        created_at: time_at(row, 4)?,
        applications: row.get(5)?,
    })
}

/// The registrator's `branches` of a cooperative.
pub fn branches(conn: &Connection, coopname: Name) -> Result<Vec<Branch>> {
    Ok(by_key(all(conn, BRANCH, [text::name(coopname)], branch_row)?, |b| b.braname.as_u64()))
}

pub fn branch(conn: &Connection, coopname: Name, braname: Name) -> Result<Option<Branch>> {
    one(conn, &format!("{BRANCH} AND braname = ?2"), params![text::name(coopname), text::name(braname)], branch_row)
}

const APPLICATION: &str = "SELECT username, braname, statement_hash, status, deposit_id, created_at FROM applications \
                           WHERE status IN ('open', 'paid') AND coopname = ?1";

fn application_row(row: &Row) -> Result<Application> {
    Ok(Application {
        username: name_at(row, 0)?,
        braname: name_at(row, 1)?,
        statement_hash: hash_at(row, 2)?,
        status: name_at(row, 3)?,
        deposit_id: u64_at(row, 4)?,
        created_at: time_at(row, 5)?,
    })
}

/// The registrator's `applications` of a cooperative: open and paid ones.
pub fn applications(conn: &Connection, coopname: Name) -> Result<Vec<Application>> {
    Ok(by_key(all(conn, APPLICATION, [text::name(coopname)], application_row)?, |a| a.username.as_u64()))
}

pub fn application(conn: &Connection, coopname: Name, username: Name) -> Result<Option<Application>> {
    one(
        conn,
        &format!("{APPLICATION} AND username = ?2"),
        params![text::name(coopname), text::name(username)],
        application_row,
    )
}

fn board_member_row(row: &Row) -> Result<BoardMember> {
    Ok(BoardMember { username: name_at(row, 0)?, position: name_at(row, 1)?, is_voting: row.get(2)? })
}

/// The soviet's `boards` row of a cooperative: its council.
pub fn board(conn: &Connection, coopname: Name) -> Result<Option<Board>> {
    let coop = text::name(coopname);
    let Some((created_at, updated_at)) =
        one(conn, "SELECT created_at, updated_at FROM boards WHERE coopname = ?1", [&coop], |row| {
            Ok((time_at(row, 0)?, time_at(row, 1)?))
        })?
    else {
        return Ok(None);
    };
    let members = all(
        conn,
        "SELECT username, position, is_voting FROM board_members WHERE coopname = ?1 ORDER BY seq",
        [&coop],
        board_member_row,
    )?;
    Ok(Some(Board { coopname, members, created_at, updated_at }))
}

/// Every council.
pub fn boards(conn: &Connection) -> Result<Vec<Board>> {
    let coops = all(conn, "SELECT coopname FROM boards", [], |row| name_at(row, 0))?;
    let mut boards = Vec::new();
    for coop in coops {
        boards.extend(board(conn, coop)?);
    }
    Ok(by_key(boards, |b| b.coopname.as_u64()))
}

const DECISION: &str =
    "SELECT id, kind, username, ref_id, proposer, statement_hash, status, votes_for, votes_against, \
                        created_at, expires_at, authorized_by, authorization_hash, authorized_at, actions \
                        FROM decisions WHERE status IN ('open', 'authorized') AND coopname = ?1";

fn decision_row(row: &Row) -> Result<Decision> {
    let votes_for = names_at(row, 7)?;
    let votes_against = names_at(row, 8)?;
    let mut votes: Vec<VoteSlot> = votes_for
        .iter()
        .map(|m| VoteSlot { member: *m, vote: SLOT_FOR })
        .chain(votes_against.iter().map(|m| VoteSlot { member: *m, vote: SLOT_AGAINST }))
        .collect();
    votes.resize(votes.len().max(MAX_BOARD_MEMBERS), VoteSlot::default());
    let actions: Vec<u8> = row.get(14)?;
    Ok(Decision {
        id: u64_at(row, 0)?,
        kind: name_at(row, 1)?,
        username: name_at(row, 2)?,
        ref_id: u64_at(row, 3)?,
        proposer: name_at(row, 4)?,
        statement_hash: hash_at(row, 5)?,
        status: name_at(row, 6)?,
        votes,
        created_at: time_at(row, 9)?,
        expires_at: time_at(row, 10)?,
        authorized_by: match row.get::<_, Option<String>>(11)? {
            Some(n) => text::parse_name(&n).map_err(bad)?,
            None => Name::new(0),
        },
        authorization_hash: hash_at(row, 12)?,
        authorized_at: time_at(row, 13)?,
        actions: Vec::<CouncilAction>::unpack(&actions).map_err(|e| bad(format!("decision actions: {e:?}")))?,
    })
}

/// The soviet's `decisions` of a cooperative: open and authorised ones.
pub fn decisions(conn: &Connection, coopname: Name) -> Result<Vec<Decision>> {
    Ok(by_key(all(conn, DECISION, [text::name(coopname)], decision_row)?, |d| d.id))
}

pub fn decision(conn: &Connection, coopname: Name, id: u64) -> Result<Option<Decision>> {
    one(conn, &format!("{DECISION} AND id = ?2"), params![text::name(coopname), id as i64], decision_row)
}

const LEDGER: &str = "SELECT coopname, share_fund, entrance_fund, reg_received, refunds_due, paid_out, refunded, \
                      opened_at FROM ledgers";

fn ledger_row(row: &Row) -> Result<Ledger> {
    Ok(Ledger {
        coopname: name_at(row, 0)?,
        share_fund: asset_at(row, 1)?,
        entrance_fund: asset_at(row, 2)?,
        reg_received: asset_at(row, 3)?,
        refunds_due: asset_at(row, 4)?,
        paid_out: asset_at(row, 5)?,
        refunded: asset_at(row, 6)?,
        opened_at: time_at(row, 7)?,
    })
}

/// The wallet's `ledgers`: each cooperative's funds.
pub fn ledgers(conn: &Connection) -> Result<Vec<Ledger>> {
    Ok(by_key(all(conn, LEDGER, [], ledger_row)?, |l| l.coopname.as_u64()))
}

pub fn ledger(conn: &Connection, coopname: Name) -> Result<Option<Ledger>> {
    one(conn, &format!("{LEDGER} WHERE coopname = ?1"), [text::name(coopname)], ledger_row)
}

const WALLET: &str =
    "SELECT username, available, blocked, minimum, initial, opened_at FROM wallets WHERE coopname = ?1";

fn wallet_row(row: &Row) -> Result<MemberWallet> {
    Ok(MemberWallet {
        username: name_at(row, 0)?,
        available: asset_at(row, 1)?,
        blocked: asset_at(row, 2)?,
        minimum: asset_at(row, 3)?,
        initial: asset_at(row, 4)?,
        opened_at: time_at(row, 5)?,
    })
}

/// The wallet's `wallets` of a cooperative.
pub fn wallets(conn: &Connection, coopname: Name) -> Result<Vec<MemberWallet>> {
    Ok(by_key(all(conn, WALLET, [text::name(coopname)], wallet_row)?, |w| w.username.as_u64()))
}

pub fn wallet(conn: &Connection, coopname: Name, username: Name) -> Result<Option<MemberWallet>> {
    one(conn, &format!("{WALLET} AND username = ?2"), params![text::name(coopname), text::name(username)], wallet_row)
}

const DEPOSIT: &str = "SELECT id, username, kind, quantity, status, memo, created_at, updated_at FROM deposits \
                       WHERE status IN ('pending', 'confirmed', 'refund') AND coopname = ?1";

fn deposit_row(row: &Row) -> Result<DepositRow> {
    Ok(DepositRow {
        id: u64_at(row, 0)?,
        username: name_at(row, 1)?,
        kind: name_at(row, 2)?,
        quantity: asset_at(row, 3)?,
        status: name_at(row, 4)?,
        memo: row.get(5)?,
        created_at: time_at(row, 6)?,
        updated_at: time_at(row, 7)?,
    })
}

/// The wallet's `deposits` of a cooperative: pending, confirmed and refund ones.
pub fn deposits(conn: &Connection, coopname: Name) -> Result<Vec<DepositRow>> {
    Ok(by_key(all(conn, DEPOSIT, [text::name(coopname)], deposit_row)?, |d| d.id))
}

pub fn deposit(conn: &Connection, coopname: Name, id: u64) -> Result<Option<DepositRow>> {
    one(conn, &format!("{DEPOSIT} AND id = ?2"), params![text::name(coopname), id as i64], deposit_row)
}

/// The wallet's `regdeposits` of a cooperative: registration payments in progress, with
/// the fees they were announced under.
pub fn regdeposits(conn: &Connection, coopname: Name) -> Result<Vec<RegDeposit>> {
    let rows = all(
        conn,
        "SELECT username, id, initial, minimum FROM deposits \
         WHERE kind = 'registration' AND status IN ('pending', 'confirmed') AND coopname = ?1",
        [text::name(coopname)],
        |row| {
            Ok(RegDeposit {
                username: name_at(row, 0)?,
                deposit_id: u64_at(row, 1)?,
                initial: asset_at(row, 2)?,
                minimum: asset_at(row, 3)?,
            })
        },
    )?;
    Ok(by_key(rows, |r| r.username.as_u64()))
}

const WITHDRAWAL: &str = "SELECT id, username, quantity, status, statement_hash, decision_id, created_at, updated_at \
                          FROM withdrawals WHERE status IN ('pending', 'authorized') AND coopname = ?1";

fn withdrawal_row(row: &Row) -> Result<Withdrawal> {
    Ok(Withdrawal {
        id: u64_at(row, 0)?,
        username: name_at(row, 1)?,
        quantity: asset_at(row, 2)?,
        status: name_at(row, 3)?,
        statement_hash: hash_at(row, 4)?,
        decision_id: u64_at(row, 5)?,
        created_at: time_at(row, 6)?,
        updated_at: time_at(row, 7)?,
    })
}

/// The wallet's `withdrawals` of a cooperative: pending and authorised ones.
pub fn withdrawals(conn: &Connection, coopname: Name) -> Result<Vec<Withdrawal>> {
    Ok(by_key(all(conn, WITHDRAWAL, [text::name(coopname)], withdrawal_row)?, |w| w.id))
}

pub fn withdrawal(conn: &Connection, coopname: Name, id: u64) -> Result<Option<Withdrawal>> {
    one(conn, &format!("{WITHDRAWAL} AND id = ?2"), params![text::name(coopname), id as i64], withdrawal_row)
}
