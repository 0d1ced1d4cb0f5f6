//! The database's tables, created and migrated by the tool. The version is SQLite's
//! `PRAGMA user_version`; each migration is applied once, in order, in one transaction
//! with the version bump, so a database is always at a version the tool knows. New
//! versions only add: tables, columns (with defaults), indexes.
use crate::Error;
use rusqlite::Connection;

/// The migrations; `MIGRATIONS[i]` takes the database from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[V1];

/// The version this tool writes.
pub const VERSION: u32 = MIGRATIONS.len() as u32;

/// Version 1. Names, assets, hashes and keys are text as the chain's API shows them; times
/// are UTC `YYYY-MM-DDTHH:MM:SS`; `block_num`/`trx_id` say where a row was written.
const V1: &str = "
CREATE TABLE cursor (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    chain_id TEXT NOT NULL,
    block_num INTEGER NOT NULL,
    block_id TEXT NOT NULL,
    block_time TEXT NOT NULL
);
CREATE TABLE contracts (
    role TEXT PRIMARY KEY,
    account TEXT NOT NULL
);
CREATE TABLE actions (
    global_sequence INTEGER PRIMARY KEY,
    block_num INTEGER NOT NULL,
    block_time TEXT NOT NULL,
    trx_id TEXT NOT NULL,
    contract TEXT NOT NULL,
    action TEXT NOT NULL,
    data BLOB NOT NULL,
    return_value BLOB NOT NULL
);
CREATE INDEX actions_by_block ON actions (block_num);
CREATE TABLE providers (
    provider TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    added_at TEXT NOT NULL,
    removed_at TEXT
);
CREATE TABLE requests (
    id INTEGER PRIMARY KEY,
    provider TEXT NOT NULL,
    coopname TEXT NOT NULL,
    coop_key TEXT NOT NULL,
    chairman TEXT NOT NULL,
    members TEXT NOT NULL,
    founder_keys TEXT NOT NULL,
    statement_hash TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    created_at TEXT NOT NULL,
    block_num INTEGER NOT NULL,
    trx_id TEXT NOT NULL
);
CREATE TABLE cooperatives (
    username TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    symbol TEXT NOT NULL,
    initial TEXT NOT NULL,
    minimum TEXT NOT NULL,
    org_initial TEXT NOT NULL,
    org_minimum TEXT NOT NULL,
    announce TEXT NOT NULL,
    description TEXT NOT NULL,
    is_branched INTEGER NOT NULL,
    branch_count INTEGER NOT NULL,
    decision_ttl INTEGER,
    provider TEXT,
    request_id INTEGER,
    created_at TEXT NOT NULL,
    block_num INTEGER NOT NULL,
    trx_id TEXT NOT NULL
);
CREATE TABLE branches (
    id INTEGER PRIMARY KEY,
    coopname TEXT NOT NULL,
    braname TEXT NOT NULL,
    trustee TEXT NOT NULL,
    title TEXT NOT NULL,
    members INTEGER NOT NULL,
    applications INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    deleted_at TEXT,
    block_num INTEGER NOT NULL,
    trx_id TEXT NOT NULL
);
CREATE UNIQUE INDEX live_branches ON branches (coopname, braname) WHERE deleted_at IS NULL;
CREATE TABLE cards (
    username TEXT PRIMARY KEY,
    coopname TEXT NOT NULL,
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    referer TEXT NOT NULL,
    meta TEXT NOT NULL,
    public_key TEXT NOT NULL,
    created_at TEXT NOT NULL,
    block_num INTEGER NOT NULL,
    trx_id TEXT NOT NULL
);
CREATE TABLE participants (
    id INTEGER PRIMARY KEY,
    coopname TEXT NOT NULL,
    username TEXT NOT NULL,
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    braname TEXT NOT NULL,
    joined_at TEXT NOT NULL,
    joined_by TEXT NOT NULL,
    join_decision_id INTEGER,
    leave_decision_id INTEGER,
    left_at TEXT,
    block_num INTEGER NOT NULL,
    trx_id TEXT NOT NULL
);
CREATE UNIQUE INDEX live_participants ON participants (coopname, username) WHERE status <> 'left';
CREATE TABLE applications (
    id INTEGER PRIMARY KEY,
    coopname TEXT NOT NULL,
    username TEXT NOT NULL,
    braname TEXT NOT NULL,
    statement_hash TEXT NOT NULL,
    status TEXT NOT NULL,
    deposit_id INTEGER NOT NULL,
    decision_id INTEGER,
    created_at TEXT NOT NULL,
    ended_at TEXT,
    block_num INTEGER NOT NULL,
    trx_id TEXT NOT NULL
);
CREATE UNIQUE INDEX open_applications ON applications (coopname, username) WHERE status IN ('open', 'paid');
CREATE TABLE boards (
    coopname TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE board_members (
    coopname TEXT NOT NULL,
    seq INTEGER NOT NULL,
    username TEXT NOT NULL,
    position TEXT NOT NULL,
    is_voting INTEGER NOT NULL,
    PRIMARY KEY (coopname, seq)
);
CREATE TABLE decisions (
    coopname TEXT NOT NULL,
    id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    username TEXT NOT NULL,
    ref_id INTEGER NOT NULL,
    proposer TEXT NOT NULL,
    statement_hash TEXT NOT NULL,
    status TEXT NOT NULL,
    votes_for TEXT NOT NULL,
    votes_against TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    authorized_by TEXT,
    authorization_hash TEXT,
    authorized_at TEXT,
    actions BLOB NOT NULL,
    ended_at TEXT,
    ended_by TEXT,
    ended_block INTEGER,
    ended_trx TEXT,
    block_num INTEGER NOT NULL,
    trx_id TEXT NOT NULL,
    PRIMARY KEY (coopname, id)
);
CREATE TABLE votes (
    id INTEGER PRIMARY KEY,
    coopname TEXT NOT NULL,
    decision_id INTEGER NOT NULL,
    member TEXT NOT NULL,
    vote TEXT NOT NULL,
    voted_at TEXT NOT NULL,
    votes_for INTEGER NOT NULL,
    votes_against INTEGER NOT NULL,
    voting_members INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    block_num INTEGER NOT NULL,
    trx_id TEXT NOT NULL
);
CREATE INDEX votes_by_decision ON votes (coopname, decision_id);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    coopname TEXT NOT NULL,
    signer TEXT NOT NULL,
    hash TEXT NOT NULL,
    public_key TEXT NOT NULL,
    signature TEXT NOT NULL,
    meta TEXT NOT NULL,
    action TEXT NOT NULL,
    decision_id INTEGER,
    agreement_kind TEXT,
    agreement_version INTEGER,
    request_id INTEGER,
    withdrawal_id INTEGER,
    block_num INTEGER NOT NULL,
    block_time TEXT NOT NULL,
    trx_id TEXT NOT NULL,
    global_sequence INTEGER NOT NULL
);
CREATE INDEX documents_by_coop ON documents (coopname, signer);
CREATE TABLE ledgers (
    coopname TEXT PRIMARY KEY,
    symbol TEXT NOT NULL,
    share_fund TEXT NOT NULL,
    entrance_fund TEXT NOT NULL,
    reg_received TEXT NOT NULL,
    refunds_due TEXT NOT NULL,
    paid_out TEXT NOT NULL,
    refunded TEXT NOT NULL,
    opened_at TEXT NOT NULL
);
CREATE TABLE wallets (
    coopname TEXT NOT NULL,
    username TEXT NOT NULL,
    available TEXT NOT NULL,
    blocked TEXT NOT NULL,
    minimum TEXT NOT NULL,
    initial TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    PRIMARY KEY (coopname, username)
);
CREATE TABLE deposits (
    coopname TEXT NOT NULL,
    id INTEGER NOT NULL,
    username TEXT NOT NULL,
    kind TEXT NOT NULL,
    quantity TEXT NOT NULL,
    status TEXT NOT NULL,
    memo TEXT NOT NULL,
    initial TEXT,
    minimum TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    ended_at TEXT,
    end_memo TEXT,
    block_num INTEGER NOT NULL,
    trx_id TEXT NOT NULL,
    PRIMARY KEY (coopname, id)
);
CREATE TABLE withdrawals (
    coopname TEXT NOT NULL,
    id INTEGER NOT NULL,
    username TEXT NOT NULL,
    quantity TEXT NOT NULL,
    status TEXT NOT NULL,
    statement_hash TEXT NOT NULL,
    decision_id INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    ended_at TEXT,
    end_memo TEXT,
    block_num INTEGER NOT NULL,
    trx_id TEXT NOT NULL,
    PRIMARY KEY (coopname, id)
);
CREATE TABLE ledger_entries (
    id INTEGER PRIMARY KEY,
    coopname TEXT NOT NULL,
    holder TEXT NOT NULL,
    account TEXT NOT NULL,
    amount INTEGER NOT NULL,
    balance INTEGER NOT NULL,
    symbol TEXT NOT NULL,
    action TEXT NOT NULL,
    deposit_id INTEGER,
    withdrawal_id INTEGER,
    decision_id INTEGER,
    block_num INTEGER NOT NULL,
    block_time TEXT NOT NULL,
    trx_id TEXT NOT NULL,
    global_sequence INTEGER NOT NULL
);
CREATE INDEX ledger_entries_by_account ON ledger_entries (coopname, holder, account);
";

/// Brings the database to [`VERSION`]; refuses one written by a newer tool.
pub fn migrate(conn: &mut Connection) -> Result<(), Error> {
    let current: u32 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if current > VERSION {
        return Err(Error::Database(format!(
            "the database is at schema version {current}, newer than this indexer's {VERSION}"
        )));
    }
    for (version, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version as u32 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
