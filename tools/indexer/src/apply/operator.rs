//! The operator's actions: providers and connection requests (`setupcoop`'s registry,
//! council and ledger come as inline actions of the other contracts).
use super::{Belongs, Ctx};
use crate::{text, Error};
use coop_protocol::operator::{Addprovider, Reject, Request, Rmprovider, Setupcoop};
use rusqlite::params;

pub fn apply(ctx: &Ctx, action: &str) -> Result<(), Error> {
    match action {
        "addprovider" => {
            let data: Addprovider = ctx.data()?;
            ctx.tx.execute(
                "INSERT INTO providers (provider, title, added_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (provider) DO UPDATE SET title = ?2, added_at = ?3, removed_at = NULL",
                params![text::name(data.provider), data.title, ctx.now_text()],
            )?;
        }
        "rmprovider" => {
            let data: Rmprovider = ctx.data()?;
            ctx.tx.execute(
                "UPDATE providers SET removed_at = ?2 WHERE provider = ?1 AND removed_at IS NULL",
                params![text::name(data.provider), ctx.now_text()],
            )?;
        }
        "request" => {
            let data: Request = ctx.data()?;
            let id: u64 = ctx.returned::<Request>()?;
            let members: Vec<String> = data.members.iter().map(|m| text::name(m.username)).collect();
            let founder_keys: Vec<String> = std::iter::once(&data.chairman)
                .chain(&data.members)
                .map(|f| format!("{}={}", text::name(f.username), text::public_key(&f.public_key)))
                .collect();
            ctx.tx.execute(
                "INSERT INTO requests (id, provider, coopname, coop_key, chairman, members, founder_keys, statement_hash,
                     status, created_at, block_num, trx_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'pending', ?9, ?10, ?11)",
                params![
                    id as i64,
                    text::name(data.provider),
                    text::name(data.coopname),
                    text::public_key(&data.coop_key),
                    text::name(data.chairman.username),
                    members.join(" "),
                    founder_keys.join(" "),
                    text::checksum(&data.statement.hash),
                    ctx.now_text(),
                    ctx.block_num,
                    ctx.trx_id,
                ],
            )?;
            let belongs = Belongs { request_id: Some(id), ..Belongs::default() };
            ctx.document(data.coopname, data.chairman.username, &data.statement, belongs)?;
        }
        "setupcoop" => {
            let data: Setupcoop = ctx.data()?;
            ctx.tx.execute("UPDATE requests SET status = 'connected' WHERE id = ?1", [data.request_id as i64])?;
        }
        "reject" => {
            let data: Reject = ctx.data()?;
            ctx.tx.execute(
                "UPDATE requests SET status = 'rejected', reason = ?2 WHERE id = ?1",
                params![data.request_id as i64, data.reason],
            )?;
        }
        // `init`, `connect` (its work is `setupcoop`'s), `setstatus` (mirrored by the
        // registrator's inline `setstatus`): nothing of the registries.
        _ => {}
    }
    Ok(())
}
