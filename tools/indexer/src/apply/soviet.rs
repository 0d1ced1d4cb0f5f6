//! The soviet's actions: councils, decisions (with their ids from the return values of
//! `propose` and `freedecision`), every vote with the tally it returned, authorisations
//! and how each decision ended.
use super::{Belongs, Ctx};
use crate::registries::{self, names_text};
use crate::{text, Error};
use coop_protocol::soviet::tally::Choice;
use coop_protocol::soviet::*;
use eosio::{Name, Write};
use rusqlite::{params, OptionalExtension};

pub fn apply(ctx: &Ctx, action: &str) -> Result<(), Error> {
    match action {
        "createboard" => {
            let data: Createboard = ctx.data()?;
            let members: Vec<BoardMember> = std::iter::once(BoardMember::voting(data.chairman, POSITION_CHAIRMAN))
                .chain(data.members.iter().map(|m| BoardMember::voting(*m, POSITION_MEMBER)))
                .collect();
            ctx.tx.execute(
                "INSERT INTO boards (coopname, created_at, updated_at) VALUES (?1, ?2, ?2)",
                params![text::name(data.coopname), ctx.now_text()],
            )?;
            set_members(ctx, data.coopname, &members)
        }
        "updateboard" => {
            let data: Updateboard = ctx.data()?;
            set_members(ctx, data.coopname, &data.members)
        }
        "setttl" => {
            let data: Setttl = ctx.data()?;
            ctx.tx.execute(
                "UPDATE cooperatives SET decision_ttl = ?2 WHERE username = ?1",
                params![text::name(data.coopname), data.seconds],
            )?;
            Ok(())
        }
        "propose" => propose(ctx, ctx.data()?),
        "freedecision" => {
            let data: Freedecision = ctx.data()?;
            let id: u64 = ctx.returned::<Freedecision>()?;
            let mut decision = new_decision(ctx, data.coopname, id, KIND_FREE, data.proposer, 0, data.proposer)?;
            decision.statement_hash = data.statement.hash;
            decision.actions = data.actions;
            insert_decision(ctx, data.coopname, &decision)?;
            let belongs = Belongs { decision_id: Some(id), ..Belongs::default() };
            ctx.document(data.coopname, data.proposer, &data.statement, belongs)
        }
        "votefor" => {
            let data: Votefor = ctx.data()?;
            let tally = ctx.returned::<Votefor>()?;
            vote(ctx, data.coopname, data.member, data.decision_id, Some(Choice::For), tally)
        }
        "voteagainst" => {
            let data: Voteagainst = ctx.data()?;
            let tally = ctx.returned::<Voteagainst>()?;
            vote(ctx, data.coopname, data.member, data.decision_id, Some(Choice::Against), tally)
        }
        "cancelvote" => {
            let data: Cancelvote = ctx.data()?;
            let tally = ctx.returned::<Cancelvote>()?;
            vote(ctx, data.coopname, data.member, data.decision_id, None, tally)
        }
        "authorize" => {
            let data: Authorize = ctx.data()?;
            let changed = ctx.tx.execute(
                "UPDATE decisions SET status = ?3, authorized_by = ?4, authorization_hash = ?5, authorized_at = ?6
                 WHERE coopname = ?1 AND id = ?2 AND status = 'open'",
                params![
                    text::name(data.coopname),
                    data.decision_id as i64,
                    text::name(STATUS_AUTHORIZED),
                    text::name(data.chairman),
                    text::checksum(&data.document.hash),
                    ctx.now_text()
                ],
            )?;
            if changed != 1 {
                return Err(ctx.inconsistent(format!("decision {} is not open", data.decision_id)));
            }
            let belongs = Belongs { decision_id: Some(data.decision_id), ..Belongs::default() };
            ctx.document(data.coopname, data.chairman, &data.document, belongs)
        }
        "exec" => {
            let data: Exec = ctx.data()?;
            let decision = end(ctx, data.coopname, data.decision_id, "executed", data.executer)?;
            if decision.kind == KIND_LEAVE {
                leave_council(ctx, data.coopname, decision.username)?;
            }
            Ok(())
        }
        "close" => {
            let data: Close = ctx.data()?;
            let reason: Name = ctx.returned::<Close>()?;
            end(ctx, data.coopname, data.decision_id, &text::name(reason), data.executer).map(|_| ())
        }
        // `init`; `agenda` is read-only and never in a block.
        _ => Ok(()),
    }
}

/// Replaces a council's members (and its `updated_at`).
fn set_members(ctx: &Ctx, coopname: Name, members: &[BoardMember]) -> Result<(), Error> {
    let coop = text::name(coopname);
    ctx.tx.execute("UPDATE boards SET updated_at = ?2 WHERE coopname = ?1", params![coop, ctx.now_text()])?;
    ctx.tx.execute("DELETE FROM board_members WHERE coopname = ?1", [&coop])?;
    for (seq, member) in members.iter().enumerate() {
        ctx.tx.execute(
            "INSERT INTO board_members (coopname, seq, username, position, is_voting) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![coop, seq as i64, text::name(member.username), text::name(member.position), member.is_voting],
        )?;
    }
    Ok(())
}

/// A member who leaves the cooperative leaves its council (`exec` of a `leave` decision).
fn leave_council(ctx: &Ctx, coopname: Name, username: Name) -> Result<(), Error> {
    let board = registries::board(ctx.tx, coopname)?.ok_or_else(|| ctx.inconsistent("no council"))?;
    if board.members.iter().any(|m| m.username == username) {
        let members: Vec<BoardMember> = board.members.into_iter().filter(|m| m.username != username).collect();
        set_members(ctx, coopname, &members)?;
    }
    Ok(())
}

/// A new open decision as the soviet writes it: expiring after the cooperative's
/// decision lifetime.
fn new_decision(
    ctx: &Ctx,
    coopname: Name,
    id: u64,
    kind: Name,
    username: Name,
    ref_id: u64,
    proposer: Name,
) -> Result<Decision, Error> {
    let ttl: Option<u32> = ctx
        .tx
        .query_row("SELECT decision_ttl FROM cooperatives WHERE username = ?1", [text::name(coopname)], |row| {
            row.get(0)
        })
        .optional()?
        .flatten();
    let now = eosio::TimePointSec::from_secs(ctx.now);
    let expires_at = eosio::TimePointSec::from_secs(ctx.now.saturating_add(ttl.unwrap_or(DEFAULT_DECISION_TTL)));
    Ok(Decision::open(id, kind, username, ref_id, proposer, Default::default(), now, expires_at))
}

fn insert_decision(ctx: &Ctx, coopname: Name, d: &Decision) -> Result<(), Error> {
    let (votes_for, votes_against) = d.vote_lists();
    let actions = d.actions.pack().map_err(|e| ctx.inconsistent(format!("cannot pack the actions: {e:?}")))?;
    ctx.tx.execute(
        "INSERT INTO decisions (coopname, id, kind, username, ref_id, proposer, statement_hash, status, votes_for,
             votes_against, created_at, expires_at, actions, block_num, trx_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        params![
            text::name(coopname),
            d.id as i64,
            text::name(d.kind),
            text::name(d.username),
            d.ref_id as i64,
            text::name(d.proposer),
            text::checksum(&d.statement_hash),
            text::name(d.status),
            names_text(&votes_for),
            names_text(&votes_against),
            text::time(d.created_at.as_secs()),
            text::time(d.expires_at.as_secs()),
            actions,
            ctx.block_num,
            ctx.trx_id
        ],
    )?;
    Ok(())
}

/// A contract's question: `joincoop` and `leave` from the registrator, `withdraw` from the
/// wallet (the contract is the decision's proposer). Links the statement document, and a
/// paid application, to the decision.
fn propose(ctx: &Ctx, data: Propose) -> Result<(), Error> {
    let id: u64 = ctx.returned::<Propose>()?;
    let owner = if data.kind == KIND_WITHDRAW { ctx.peers.wallet } else { ctx.peers.registrator };
    let mut decision = new_decision(ctx, data.coopname, id, data.kind, data.username, data.ref_id, owner)?;
    decision.statement_hash = data.statement_hash;
    insert_decision(ctx, data.coopname, &decision)?;
    let (coop, username) = (text::name(data.coopname), text::name(data.username));
    ctx.tx.execute(
        "UPDATE documents SET decision_id = ?4 WHERE id = (
             SELECT id FROM documents
             WHERE coopname = ?1 AND signer = ?2 AND hash = ?3 AND decision_id IS NULL
               AND action IN ('registrator::joincoop', 'registrator::leavecoop', 'wallet::withdraw')
             ORDER BY id DESC LIMIT 1)",
        params![coop, username, text::checksum(&data.statement_hash), id as i64],
    )?;
    if data.kind == KIND_JOINCOOP {
        ctx.tx.execute(
            "UPDATE applications SET decision_id = ?3 WHERE coopname = ?1 AND username = ?2 AND status = 'paid'",
            params![coop, username, id as i64],
        )?;
    } else if data.kind == KIND_LEAVE {
        ctx.tx.execute(
            "UPDATE participants SET leave_decision_id = ?3 WHERE coopname = ?1 AND username = ?2 AND status <> 'left'",
            params![coop, username, id as i64],
        )?;
    }
    Ok(())
}

/// A vote cast (`Some`) or cancelled (`None`), as the soviet counts it against the council
/// of the moment; the tally must be the one the action returned. The vote that makes
/// approval impossible ends the decision (`declined`).
fn vote(
    ctx: &Ctx,
    coopname: Name,
    member: Name,
    id: u64,
    choice: Option<Choice>,
    returned: VoteResult,
) -> Result<(), Error> {
    let board = registries::board(ctx.tx, coopname)?.ok_or_else(|| ctx.inconsistent("no council"))?;
    let mut decision = registries::decision(ctx.tx, coopname, id)?
        .ok_or_else(|| ctx.inconsistent(format!("decision {id} is not open")))?;
    let recorded = match choice {
        Some(choice) => decision.cast(&board, member, choice),
        None => decision.cancel(&board, member),
    };
    recorded.map_err(|e| ctx.inconsistent(format!("the vote of {member} on decision {id} replays as {e:?}")))?;
    let tally = decision.tally(&board);
    let rebuilt = VoteResult {
        votes_for: tally.votes_for,
        votes_against: tally.votes_against,
        voting_members: tally.voting_members,
        outcome: tally.outcome().name(),
    };
    if rebuilt != returned {
        return Err(
            ctx.inconsistent(format!("decision {id}: the chain counted {returned:?}, the history gives {rebuilt:?}"))
        );
    }
    let vote = match choice {
        Some(Choice::For) => "for",
        Some(Choice::Against) => "against",
        None => "cancel",
    };
    ctx.tx.execute(
        "INSERT INTO votes (coopname, decision_id, member, vote, voted_at, votes_for, votes_against, voting_members,
             outcome, block_num, trx_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            text::name(coopname),
            id as i64,
            text::name(member),
            vote,
            ctx.now_text(),
            returned.votes_for,
            returned.votes_against,
            returned.voting_members,
            text::name(returned.outcome),
            ctx.block_num,
            ctx.trx_id
        ],
    )?;
    let (votes_for, votes_against) = decision.vote_lists();
    ctx.tx.execute(
        "UPDATE decisions SET votes_for = ?3, votes_against = ?4 WHERE coopname = ?1 AND id = ?2",
        params![text::name(coopname), id as i64, names_text(&votes_for), names_text(&votes_against)],
    )?;
    if tally.is_declined() {
        end(ctx, coopname, id, "declined", member)?;
    }
    Ok(())
}

/// Ends a live decision: `executed`, `declined` or `expired`, by `by`.
fn end(ctx: &Ctx, coopname: Name, id: u64, status: &str, by: Name) -> Result<Decision, Error> {
    let decision = registries::decision(ctx.tx, coopname, id)?
        .ok_or_else(|| ctx.inconsistent(format!("decision {id} is not live")))?;
    ctx.tx.execute(
        "UPDATE decisions SET status = ?3, ended_at = ?4, ended_by = ?5, ended_block = ?6, ended_trx = ?7
         WHERE coopname = ?1 AND id = ?2",
        params![text::name(coopname), id as i64, status, ctx.now_text(), text::name(by), ctx.block_num, ctx.trx_id],
    )?;
    Ok(decision)
}
