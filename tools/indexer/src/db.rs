//! The SQLite file: opening (WAL journal, schema migrated), the cursor, and writing one
//! block as one transaction.
use crate::node::{BlockTrace, ChainInfo};
use crate::{apply, schema, text, Error};
use coop_runtime::Peers;
use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;

/// The last block written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cursor {
    pub chain_id: String,
    pub block_num: u32,
    pub block_id: String,
    pub block_time: String,
}

/// Opens (creating it when missing) and migrates the database. The WAL journal lets readers
/// (the tests, a provider's queries) read while the indexer writes; a committed block
/// survives the process being killed.
pub fn open(path: &Path) -> Result<Connection, Error> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::Database(format!("create {}: {e}", dir.display())))?;
    }
    let mut conn = Connection::open(path)?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    schema::migrate(&mut conn)?;
    Ok(conn)
}

/// Opens an existing database to read it (never creates nor migrates).
pub fn open_read_only(path: &Path) -> Result<Connection, Error> {
    let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    Ok(conn)
}

/// The last block written, if any.
pub fn cursor(conn: &Connection) -> Result<Option<Cursor>, Error> {
    Ok(conn
        .query_row("SELECT chain_id, block_num, block_id, block_time FROM cursor WHERE id = 1", [], |row| {
            Ok(Cursor { chain_id: row.get(0)?, block_num: row.get(1)?, block_id: row.get(2)?, block_time: row.get(3)? })
        })
        .optional()?)
}

fn roles(peers: &Peers) -> [(&'static str, String); 4] {
    [
        ("operator", text::name(peers.operator)),
        ("registrator", text::name(peers.registrator)),
        ("soviet", text::name(peers.soviet)),
        ("wallet", text::name(peers.wallet)),
    ]
}

/// Records the contract accounts in a new database; refuses a database built for others.
pub fn check_contracts(conn: &Connection, peers: &Peers) -> Result<(), Error> {
    for (role, account) in roles(peers) {
        let stored: Option<String> =
            conn.query_row("SELECT account FROM contracts WHERE role = ?1", [role], |row| row.get(0)).optional()?;
        match stored {
            None => {
                conn.execute("INSERT INTO contracts (role, account) VALUES (?1, ?2)", params![role, account])?;
            }
            Some(stored) if stored == account => {}
            Some(stored) => {
                return Err(Error::Database(format!(
                    "the database indexes the {role} contract on {stored}, not on {account}"
                )))
            }
        }
    }
    Ok(())
}

/// Writes one irreversible block — its actions of our contracts and the cursor — in one
/// transaction; returns how many actions it wrote.
pub fn write_block(conn: &mut Connection, chain_id: &str, peers: &Peers, block: &BlockTrace) -> Result<u64, Error> {
    let now = text::parse_time(&block.timestamp).map_err(Error::Node)?;
    let tx = conn.transaction()?;
    let actions = apply::apply_block(&tx, peers, block, now)?;
    let block_time = text::time(now);
    tx.execute(
        "INSERT INTO cursor (id, chain_id, block_num, block_id, block_time) VALUES (1, ?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET chain_id = ?1, block_num = ?2, block_id = ?3, block_time = ?4",
        params![chain_id, block.number, block.id, block_time],
    )?;
    tx.commit()?;
    Ok(actions)
}

/// Checks that the database's last block is the node's block of that number: the same chain
/// (chains booted from one genesis file share their chain id, so the block id decides).
/// `info` is what the node's `get_info` just said.
pub fn check_same_chain(node: &crate::node::Node, info: &ChainInfo, cursor: &Cursor) -> Result<(), Error> {
    if cursor.chain_id != info.chain_id {
        return Err(Error::Database(format!(
            "it holds chain {}, the node at {} runs chain {}",
            cursor.chain_id,
            node.url(),
            info.chain_id
        )));
    }
    if cursor.block_num > info.head {
        return Err(Error::Database(format!(
            "its last block {} is past the head {} of the node at {}: another chain's history",
            cursor.block_num,
            info.head,
            node.url()
        )));
    }
    let id = node.block_id(cursor.block_num)?;
    if id != cursor.block_id {
        return Err(Error::Database(format!(
            "its block {} is {}, the node's is {id}: another chain's history",
            cursor.block_num, cursor.block_id
        )));
    }
    Ok(())
}

/// Deletes the database at `options.db` when it holds another chain than the node's (a
/// localnet that was reset since): for callers that may simply start over, like the demo.
/// Returns whether it did.
pub fn forget_other_chain(options: &crate::Options) -> Result<bool, Error> {
    if !options.db.exists() {
        return Ok(false);
    }
    let node = crate::node::Node::new(&options.url);
    let Some(cursor) = cursor(&open(&options.db)?)? else { return Ok(false) };
    match check_same_chain(&node, &node.info()?, &cursor) {
        Ok(()) => return Ok(false),
        Err(Error::Database(_)) => {}
        Err(e) => return Err(e),
    }
    for suffix in ["", "-wal", "-shm"] {
        let mut path = options.db.clone().into_os_string();
        path.push(suffix);
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::Database(format!("remove {}: {e}", path.to_string_lossy()))),
        }
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use coop_runtime::n;

    #[test]
    fn a_database_refuses_other_contract_accounts() {
        let mut conn = Connection::open_in_memory().unwrap();
        schema::migrate(&mut conn).unwrap();
        let ours =
            Peers { operator: n("operator"), registrator: n("registrator"), soviet: n("soviet"), wallet: n("wallet") };
        check_contracts(&conn, &ours).unwrap();
        check_contracts(&conn, &ours).unwrap();
        let others = Peers { wallet: n("otherwallet"), ..ours };
        match check_contracts(&conn, &others) {
            Err(Error::Database(m)) => {
                assert_eq!(m, "the database indexes the wallet contract on wallet, not on otherwallet")
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
    }
}
