//! The registrator's actions: the registry of cooperatives, cards, branches, participants
//! and applications, and the documents of `joincoop`, `agree`, `selectbranch`, `leavecoop`.
use super::{Belongs, Ctx};
use crate::{registries, text, Error};
use coop_protocol::registrator::*;
use eosio::Name;
use rusqlite::{params, OptionalExtension};

pub fn apply(ctx: &Ctx, action: &str) -> Result<(), Error> {
    match action {
        "regcoop" => regcoop(ctx, ctx.data()?),
        "setstatus" => {
            let data: Setstatus = ctx.data()?;
            ctx.tx.execute(
                "UPDATE cooperatives SET status = ?2 WHERE username = ?1",
                params![text::name(data.coopname), text::name(data.status)],
            )?;
            Ok(())
        }
        "newaccount" => {
            let data: Newaccount = ctx.data()?;
            let key = text::public_key(&data.public_key);
            insert_card(ctx, data.coopname, data.username, data.r#type, CARD_PENDING, data.referer, &data.meta, &key)
        }
        "joincoop" => joincoop(ctx, ctx.data()?),
        "cancelapp" => {
            let data: Cancelapp = ctx.data()?;
            end_application(ctx, data.coopname, data.username, "cancelled", None).map(|_| ())
        }
        "paidjoin" => {
            let data: Paidjoin = ctx.data()?;
            let changed = ctx.tx.execute(
                "UPDATE applications SET status = 'paid', deposit_id = ?3
                 WHERE coopname = ?1 AND username = ?2 AND status = 'open'",
                params![text::name(data.coopname), text::name(data.username), data.deposit_id as i64],
            )?;
            expect_one(ctx, changed, "an open application")
        }
        "acceptjoin" => acceptjoin(ctx, ctx.data()?),
        "declinejoin" => {
            let data: Declinejoin = ctx.data()?;
            end_application(ctx, data.coopname, data.username, "declined", Some(data.decision_id)).map(|_| ())
        }
        "createbranch" => {
            let data: Createbranch = ctx.data()?;
            ctx.tx.execute(
                "INSERT INTO branches (coopname, braname, trustee, title, members, applications, created_at,
                     block_num, trx_id)
                 VALUES (?1, ?2, ?3, ?4, 0, 0, ?5, ?6, ?7)",
                params![
                    text::name(data.coopname),
                    text::name(data.braname),
                    text::name(data.trustee),
                    data.title,
                    ctx.now_text(),
                    ctx.block_num,
                    ctx.trx_id
                ],
            )?;
            count_branches(ctx, data.coopname, 1)
        }
        "deletebranch" => {
            let data: Deletebranch = ctx.data()?;
            let changed = ctx.tx.execute(
                "UPDATE branches SET deleted_at = ?3 WHERE coopname = ?1 AND braname = ?2 AND deleted_at IS NULL",
                params![text::name(data.coopname), text::name(data.braname), ctx.now_text()],
            )?;
            expect_one(ctx, changed, "the branch")?;
            count_branches(ctx, data.coopname, -1)
        }
        "selectbranch" => selectbranch(ctx, ctx.data()?),
        "leavecoop" => {
            let data: Leavecoop = ctx.data()?;
            set_participant_status(ctx, data.coopname, data.username, PARTICIPANT_LEAVING)?;
            ctx.document(data.coopname, data.username, &data.statement, Belongs::default())
        }
        "acceptleave" => acceptleave(ctx, ctx.data()?),
        "declineleave" => {
            let data: Declineleave = ctx.data()?;
            set_participant_status(ctx, data.coopname, data.username, PARTICIPANT_ACCEPTED)
        }
        "setfees" => {
            let data: Setfees = ctx.data()?;
            ctx.tx.execute(
                "UPDATE cooperatives SET initial = ?2, minimum = ?3, org_initial = ?4, org_minimum = ?5
                 WHERE username = ?1",
                params![
                    text::name(data.coopname),
                    text::asset(&data.initial),
                    text::asset(&data.minimum),
                    text::asset(&data.org_initial),
                    text::asset(&data.org_minimum)
                ],
            )?;
            Ok(())
        }
        "adduser" => adduser(ctx, ctx.data()?),
        "changekey" => {
            let data: Changekey = ctx.data()?;
            ctx.tx.execute(
                "UPDATE cards SET public_key = ?2 WHERE username = ?1",
                params![text::name(data.username), text::public_key(&data.public_key)],
            )?;
            Ok(())
        }
        "agree" => {
            let data: Agree = ctx.data()?;
            let belongs = Belongs { agreement: Some((data.kind, data.version)), ..Belongs::default() };
            ctx.document(data.coopname, data.username, &data.document, belongs)
        }
        // `init`, `setagreement`, `rmagreement`: the agreement templates are not a registry
        // here; the signed agreements are in `documents`.
        _ => Ok(()),
    }
}

/// Fails unless exactly one row changed: the history and the database disagree otherwise.
fn expect_one(ctx: &Ctx, changed: usize, what: &str) -> Result<(), Error> {
    if changed == 1 {
        Ok(())
    } else {
        Err(ctx.inconsistent(format!("{what} is not in the database")))
    }
}

fn regcoop(ctx: &Ctx, data: Regcoop) -> Result<(), Error> {
    let coop = text::name(data.coopname);
    let request: Option<(i64, String, String)> = ctx
        .tx
        .query_row(
            "SELECT id, provider, founder_keys FROM requests WHERE coopname = ?1 AND status = 'connected'
             ORDER BY id DESC LIMIT 1",
            [&coop],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .optional()?;
    let p = &data.params;
    ctx.tx.execute(
        "INSERT INTO cooperatives (username, status, symbol, initial, minimum, org_initial, org_minimum, announce,
             description, is_branched, branch_count, provider, request_id, created_at, block_num, trx_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, 0, ?10, ?11, ?12, ?13, ?14)",
        params![
            coop,
            text::name(COOP_ACTIVE),
            text::symbol(p.symbol),
            text::asset(&p.initial),
            text::asset(&p.minimum),
            text::asset(&p.org_initial),
            text::asset(&p.org_minimum),
            p.announce,
            p.description,
            request.as_ref().map(|r| r.1.clone()),
            request.as_ref().map(|r| r.0),
            ctx.now_text(),
            ctx.block_num,
            ctx.trx_id
        ],
    )?;
    let keys = request.map(|r| r.2).unwrap_or_default();
    for founder in &data.founders {
        let prefix = format!("{}=", text::name(*founder));
        let key = keys.split_whitespace().find_map(|pair| pair.strip_prefix(&prefix)).unwrap_or_default();
        insert_card(ctx, data.coopname, *founder, TYPE_INDIVIDUAL, CARD_ACTIVE, Name::new(0), "", key)?;
        let joined = Joined { at: ctx.now_text(), by: "founder", decision_id: None };
        add_participant(ctx, data.coopname, *founder, TYPE_INDIVIDUAL, Name::new(0), joined)?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn insert_card(
    ctx: &Ctx,
    coopname: Name,
    username: Name,
    kind: Name,
    status: Name,
    referer: Name,
    meta: &str,
    public_key: &str,
) -> Result<(), Error> {
    ctx.tx.execute(
        "INSERT INTO cards (username, coopname, type, status, referer, meta, public_key, created_at, block_num,
             trx_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            text::name(username),
            text::name(coopname),
            text::name(kind),
            text::name(status),
            text::name(referer),
            meta,
            public_key,
            ctx.now_text(),
            ctx.block_num,
            ctx.trx_id
        ],
    )?;
    Ok(())
}

/// How someone became a participant.
struct Joined {
    at: String,
    /// `founder`, `decision` or `import`.
    by: &'static str,
    decision_id: Option<u64>,
}

/// An accepted participant, counted in their branch.
fn add_participant(
    ctx: &Ctx,
    coopname: Name,
    username: Name,
    kind: Name,
    braname: Name,
    joined: Joined,
) -> Result<(), Error> {
    ctx.tx.execute(
        "INSERT INTO participants (coopname, username, type, status, braname, joined_at, joined_by,
             join_decision_id, block_num, trx_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            text::name(coopname),
            text::name(username),
            text::name(kind),
            text::name(PARTICIPANT_ACCEPTED),
            text::name(braname),
            joined.at,
            joined.by,
            joined.decision_id.map(|id| id as i64),
            ctx.block_num,
            ctx.trx_id
        ],
    )?;
    count_in_branch(ctx, coopname, braname, 1, 0)
}

/// Adds to a branch's member and application counts (as the contract: never below 0).
fn count_in_branch(ctx: &Ctx, coopname: Name, braname: Name, members: i64, applications: i64) -> Result<(), Error> {
    if braname.as_u64() == 0 {
        return Ok(());
    }
    let changed = ctx.tx.execute(
        "UPDATE branches SET members = MAX(0, members + ?3), applications = MAX(0, applications + ?4)
         WHERE coopname = ?1 AND braname = ?2 AND deleted_at IS NULL",
        params![text::name(coopname), text::name(braname), members, applications],
    )?;
    expect_one(ctx, changed, "the branch")
}

/// Adds to the cooperative's branch count; three or more make it branched.
fn count_branches(ctx: &Ctx, coopname: Name, delta: i64) -> Result<(), Error> {
    ctx.tx.execute(
        "UPDATE cooperatives SET branch_count = MAX(0, branch_count + ?2),
             is_branched = MAX(0, branch_count + ?2) >= ?3
         WHERE username = ?1",
        params![text::name(coopname), delta, BRANCHED_FROM],
    )?;
    Ok(())
}

fn joincoop(ctx: &Ctx, data: Joincoop) -> Result<(), Error> {
    ctx.tx.execute(
        "INSERT INTO applications (coopname, username, braname, statement_hash, status, deposit_id, created_at,
             block_num, trx_id)
         VALUES (?1, ?2, ?3, ?4, 'open', 0, ?5, ?6, ?7)",
        params![
            text::name(data.coopname),
            text::name(data.username),
            text::name(data.braname),
            text::checksum(&data.statement.hash),
            ctx.now_text(),
            ctx.block_num,
            ctx.trx_id
        ],
    )?;
    count_in_branch(ctx, data.coopname, data.braname, 0, 1)?;
    ctx.document(data.coopname, data.username, &data.statement, Belongs::default())
}

/// Ends the live application of `username`: `cancelled`, `accepted` or `declined`.
fn end_application(
    ctx: &Ctx,
    coopname: Name,
    username: Name,
    status: &str,
    decision_id: Option<u64>,
) -> Result<Application, Error> {
    let application = registries::application(ctx.tx, coopname, username)?
        .ok_or_else(|| ctx.inconsistent(format!("{username} has no application")))?;
    ctx.tx.execute(
        "UPDATE applications SET status = ?3, decision_id = COALESCE(?4, decision_id), ended_at = ?5
         WHERE coopname = ?1 AND username = ?2 AND status IN ('open', 'paid')",
        params![text::name(coopname), text::name(username), status, decision_id.map(|id| id as i64), ctx.now_text()],
    )?;
    count_in_branch(ctx, coopname, application.braname, 0, -1)?;
    Ok(application)
}

fn acceptjoin(ctx: &Ctx, data: Acceptjoin) -> Result<(), Error> {
    let application = end_application(ctx, data.coopname, data.username, "accepted", Some(data.decision_id))?;
    let card = registries::card(ctx.tx, data.username)?
        .ok_or_else(|| ctx.inconsistent(format!("{} has no card", data.username)))?;
    ctx.tx.execute(
        "UPDATE cards SET status = ?2 WHERE username = ?1",
        params![text::name(data.username), text::name(CARD_ACTIVE)],
    )?;
    let joined = Joined { at: ctx.now_text(), by: "decision", decision_id: Some(data.decision_id) };
    add_participant(ctx, data.coopname, data.username, card.r#type, application.braname, joined)
}

fn selectbranch(ctx: &Ctx, data: Selectbranch) -> Result<(), Error> {
    let member = registries::participant(ctx.tx, data.coopname, data.username)?
        .ok_or_else(|| ctx.inconsistent(format!("{} is not a participant", data.username)))?;
    count_in_branch(ctx, data.coopname, member.braname, -1, 0)?;
    count_in_branch(ctx, data.coopname, data.braname, 1, 0)?;
    ctx.tx.execute(
        "UPDATE participants SET braname = ?3 WHERE coopname = ?1 AND username = ?2 AND status <> 'left'",
        params![text::name(data.coopname), text::name(data.username), text::name(data.braname)],
    )?;
    ctx.document(data.coopname, data.username, &data.statement, Belongs::default())
}

fn set_participant_status(ctx: &Ctx, coopname: Name, username: Name, status: Name) -> Result<(), Error> {
    let changed = ctx.tx.execute(
        "UPDATE participants SET status = ?3 WHERE coopname = ?1 AND username = ?2 AND status <> 'left'",
        params![text::name(coopname), text::name(username), text::name(status)],
    )?;
    expect_one(ctx, changed, "the participant")
}

fn acceptleave(ctx: &Ctx, data: Acceptleave) -> Result<(), Error> {
    let member = registries::participant(ctx.tx, data.coopname, data.username)?
        .ok_or_else(|| ctx.inconsistent(format!("{} is not a participant", data.username)))?;
    ctx.tx.execute(
        "UPDATE participants SET status = 'left', left_at = ?3, leave_decision_id = ?4
         WHERE coopname = ?1 AND username = ?2 AND status <> 'left'",
        params![text::name(data.coopname), text::name(data.username), ctx.now_text(), data.decision_id as i64],
    )?;
    count_in_branch(ctx, data.coopname, member.braname, -1, 0)?;
    ctx.tx.execute(
        "UPDATE cards SET status = ?2 WHERE username = ?1",
        params![text::name(data.username), text::name(CARD_PENDING)],
    )?;
    Ok(())
}

fn adduser(ctx: &Ctx, data: Adduser) -> Result<(), Error> {
    let key = text::public_key(&data.public_key);
    insert_card(ctx, data.coopname, data.username, data.r#type, CARD_ACTIVE, Name::new(0), &data.meta, &key)?;
    let joined = Joined { at: text::time(data.joined_at.as_secs()), by: "import", decision_id: None };
    add_participant(ctx, data.coopname, data.username, data.r#type, data.braname, joined)
}
