//! A cooperative's registries as text, read from the database: participants, decisions
//! with every vote, documents, and the funds with their ledger entries.
use crate::{db, text, Error};
use eosio::Name;
use rusqlite::Connection;
use std::fmt::Write;

fn short(text: &str, len: usize) -> &str {
    text.get(..len).unwrap_or(text)
}

fn or_dash(text: String) -> String {
    if text.is_empty() {
        "—".into()
    } else {
        text
    }
}

/// The registries of `coopname`.
pub fn cooperative(conn: &Connection, coopname: Name) -> Result<String, Error> {
    let coop = text::name(coopname);
    let mut out = String::new();
    let block = db::cursor(conn)?.map_or(0, |c| c.block_num);
    let _ = writeln!(out, "Registries of {coop}, rebuilt from the chain's history up to block {block}:");

    let mut people = conn.prepare(
        "SELECT username, type, status, braname, joined_at, joined_by, left_at FROM participants
         WHERE coopname = ?1 ORDER BY id",
    )?;
    let people: Vec<String> = people
        .query_map([&coop], |r| {
            let (username, kind, status): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let (braname, joined_at, joined_by): (String, String, String) = (r.get(3)?, r.get(4)?, r.get(5)?);
            let left = r.get::<_, Option<String>>(6)?.map(|t| format!(", left {t}")).unwrap_or_default();
            Ok(format!(
                "  {username:<12}  {kind:<12} {status:<9} branch {:<12} joined {joined_at} ({joined_by}){left}",
                or_dash(braname)
            ))
        })?
        .collect::<Result<_, _>>()?;
    let _ = writeln!(out, "\nParticipants ({}):", people.len());
    for line in people {
        let _ = writeln!(out, "{line}");
    }

    let mut decisions = conn.prepare(
        "SELECT id, kind, username, proposer, status, created_at, authorized_by, authorized_at, ended_at, ended_by
         FROM decisions WHERE coopname = ?1 ORDER BY id",
    )?;
    // Each decision: its id, its line, and the lines of its authorisation and its end.
    let decisions: Vec<(i64, String, Option<String>, Option<String>)> = decisions
        .query_map([&coop], |r| {
            let id: i64 = r.get(0)?;
            let (kind, username, proposer): (String, String, String) = (r.get(1)?, r.get(2)?, r.get(3)?);
            let (status, created_at): (String, String) = (r.get(4)?, r.get(5)?);
            let line = format!("  #{id} {kind} about {username}, proposed by {proposer} at {created_at}: {status}");
            let authorized = match (r.get::<_, Option<String>>(6)?, r.get::<_, Option<String>>(7)?) {
                (Some(by), Some(at)) => Some(format!("      {at}  authorised by {by}")),
                _ => None,
            };
            let ended = match (r.get::<_, Option<String>>(8)?, r.get::<_, Option<String>>(9)?) {
                (Some(at), Some(by)) => Some(format!("      {at}  {status} (by {by})")),
                _ => None,
            };
            Ok((id, line, authorized, ended))
        })?
        .collect::<Result<_, _>>()?;
    let _ = writeln!(out, "\nDecisions ({}):", decisions.len());
    let mut votes = conn.prepare(
        "SELECT member, vote, voted_at, votes_for, votes_against, voting_members, outcome FROM votes
         WHERE coopname = ?1 AND decision_id = ?2 ORDER BY id",
    )?;
    for (id, line, authorized, ended) in decisions {
        let _ = writeln!(out, "{line}");
        for vote in votes.query_map(rusqlite::params![&coop, id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, u32>(3)?,
                r.get::<_, u32>(4)?,
                r.get::<_, u32>(5)?,
                r.get::<_, String>(6)?,
            ))
        })? {
            let (member, vote, at, votes_for, against, voting, outcome) = vote?;
            let _ = writeln!(
                out,
                "      {at}  {member:<12} {vote:<7} → {votes_for} for, {against} against of {voting}: {outcome}"
            );
        }
        for line in authorized.into_iter().chain(ended) {
            let _ = writeln!(out, "{line}");
        }
    }

    let mut documents = conn.prepare(
        "SELECT id, action, signer, hash, decision_id, agreement_kind, agreement_version, block_num, trx_id
         FROM documents WHERE coopname = ?1 ORDER BY id",
    )?;
    let documents: Vec<String> = documents
        .query_map([&coop], |r| {
            let (id, action, signer, hash): (i64, String, String, String) =
                (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
            let about = match (r.get::<_, Option<i64>>(4)?, r.get::<_, Option<String>>(5)?, r.get::<_, Option<u32>>(6)?)
            {
                (Some(decision), _, _) => format!("decision {decision}"),
                (None, Some(kind), Some(version)) => format!("agreement {kind} v{version}"),
                _ => String::new(),
            };
            let (block, trx): (u32, String) = (r.get(7)?, r.get(8)?);
            Ok(format!(
                "  {id:>3}. {action:<24} {signer:<12} sha256 {}…  {about:<20} block {block} tx {}…",
                short(&hash, 16),
                short(&trx, 12)
            ))
        })?
        .collect::<Result<_, _>>()?;
    let _ = writeln!(out, "\nDocuments ({}):", documents.len());
    for line in documents {
        let _ = writeln!(out, "{line}");
    }

    let mut funds = conn.prepare(
        "SELECT account, COUNT(*), SUM(amount), symbol FROM ledger_entries WHERE coopname = ?1 AND holder = ''
         GROUP BY account, symbol ORDER BY account",
    )?;
    let funds: Vec<(String, u32, i64, String)> =
        funds.query_map([&coop], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect::<Result<_, _>>()?;
    let _ = writeln!(out, "\nFunds (sum of the ledger entries):");
    for (account, count, sum, symbol) in funds {
        let symbol = coop_runtime::asset_text::parse_symbol(&symbol).map_err(|e| Error::Database(e.into()))?;
        let total = text::asset(&eosio::Asset { amount: sum, symbol });
        let _ = writeln!(out, "  {account:<14} {total:>20}  ({count} entries)");
    }
    Ok(out)
}
