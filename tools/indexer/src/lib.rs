//! The cooperatives' registries rebuilt from the chain's history.
//!
//! Finished decisions, deposits and withdrawals are erased from the contracts' tables; the
//! history — every action of our contracts, top-level or inline, with its data and return
//! value — is the only record of them. This crate reads that history from a node's trace
//! API (`trace_api_plugin`), decodes each action with the contracts' own types
//! (`coop-protocol`, the types the ABIs are generated from), replays what each handler
//! writes, and keeps the result in SQLite: the registries a provider keeps for a
//! cooperative (participants, decisions and votes, documents, deposits, withdrawals and
//! every movement of every fund and wallet).
//!
//! * Only irreversible blocks are written: no fork can undo them, so nothing is rolled back.
//! * Each block is one SQLite transaction that also moves the cursor: a run that is stopped
//!   or killed resumes after the last block it wrote, losing nothing and writing nothing twice.
//! * The state the handlers replay is checked against the chain where the history says it:
//!   every vote's returned tally must equal the one rebuilt.
pub mod apply;
pub mod db;
pub mod node;
pub mod registries;
pub mod report;
pub mod schema;
pub mod text;

use coop_runtime::Peers;
use std::fmt;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Why indexing stopped.
#[derive(Debug)]
pub enum Error {
    /// The node could not be asked, or answered something unexpected.
    Node(String),
    /// SQLite failed, or the database belongs to another chain or contracts.
    Database(String),
    /// An action could not be decoded with our types.
    Decode(String),
    /// The history contradicts what was rebuilt from it (a bug, or a gap in the history).
    Inconsistent(String),
    /// The node has no traces of this block: it ran without `trace_api_plugin` when it
    /// applied it.
    MissingTraces { url: String, block: u32 },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Node(m) => write!(f, "node: {m}"),
            Error::Database(m) => write!(f, "database: {m}"),
            Error::Decode(m) => write!(f, "decoding: {m}"),
            Error::Inconsistent(m) => write!(f, "inconsistent history: {m}"),
            Error::MissingTraces { url, block } => write!(
                f,
                "the node at {url} has no traces of block {block}: it ran without trace_api_plugin then \
                 (index a node that traced the whole chain, e.g. a localnet after `scripts/localnet reset`)"
            ),
        }
    }
}

impl std::error::Error for Error {}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Error::Database(e.to_string())
    }
}

/// What to index and where.
#[derive(Clone, Debug)]
pub struct Options {
    /// The node's HTTP API (`http://127.0.0.1:8888`).
    pub url: String,
    /// The SQLite file, created when missing.
    pub db: PathBuf,
    /// The first block of a new database (default 1); an existing one resumes after its
    /// last block.
    pub from_block: Option<u32>,
    /// Keep following the last irreversible block instead of stopping there.
    pub follow: bool,
    /// Stop after this block (waiting until it is irreversible), even with `follow`.
    pub to_block: Option<u32>,
    /// Where our contracts are.
    pub contracts: Peers,
}

/// Where a run is, for the progress line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Progress {
    /// The last block written.
    pub block: u32,
    /// The node's last irreversible block and head.
    pub last_irreversible: u32,
    pub head: u32,
    /// Blocks and actions of our contracts written per second since the run started.
    pub blocks_per_sec: f64,
    pub actions_per_sec: f64,
}

impl fmt::Display for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "block {} of {} irreversible ({} behind head {}), {:.0} blocks/s, {:.0} actions/s",
            self.block,
            self.last_irreversible,
            self.head.saturating_sub(self.block),
            self.head,
            self.blocks_per_sec,
            self.actions_per_sec
        )
    }
}

/// What a run did.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// The blocks written, first to last (`None`: none).
    pub blocks: Option<(u32, u32)>,
    /// Actions of our contracts written.
    pub actions: u64,
    pub elapsed: Duration,
}

impl Summary {
    /// Number of blocks written.
    pub fn block_count(&self) -> u64 {
        self.blocks.map_or(0, |(first, last)| u64::from(last - first) + 1)
    }

    pub fn blocks_per_sec(&self) -> f64 {
        self.block_count() as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    pub fn actions_per_sec(&self) -> f64 {
        self.actions as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.blocks {
            None => write!(f, "nothing new to index"),
            Some((first, last)) => write!(
                f,
                "indexed blocks {first}..={last} ({} blocks, {} actions of our contracts) in {:.2} s: {:.0} blocks/s, {:.0} actions/s",
                self.block_count(),
                self.actions,
                self.elapsed.as_secs_f64(),
                self.blocks_per_sec(),
                self.actions_per_sec()
            ),
        }
    }
}

/// How often `--follow` asks the node for new irreversible blocks.
const FOLLOW_POLL: Duration = Duration::from_millis(250);

/// Indexes from the database's cursor (or `from_block`) to the last irreversible block,
/// then stops, or with `follow` keeps up with it, until `to_block` if given. `progress` is
/// called after each block.
pub fn run(options: &Options, progress: &mut dyn FnMut(&Progress)) -> Result<Summary, Error> {
    let node = node::Node::new(&options.url);
    let mut info = node.info()?;
    let mut conn = db::open(&options.db)?;
    db::check_contracts(&conn, &options.contracts)?;
    let cursor = db::cursor(&conn)?;
    if let Some(cursor) = &cursor {
        db::check_same_chain(&node, &info, cursor).map_err(|e| match e {
            Error::Database(m) => Error::Database(format!("{}: {m}", options.db.display())),
            other => other,
        })?;
    }
    let mut next = cursor.as_ref().map_or(options.from_block.unwrap_or(1).max(1), |c| c.block_num + 1);
    let mut previous_id = cursor.map(|c| c.block_id);
    let started = Instant::now();
    let mut summary = Summary { blocks: None, actions: 0, elapsed: Duration::ZERO };
    let last = options.to_block.unwrap_or(u32::MAX);
    loop {
        while next <= info.last_irreversible.min(last) {
            let block = match node.block(next)? {
                node::Fetched::Block(block) => block,
                node::Fetched::Missing if next == 1 => node::BlockTrace {
                    number: 1,
                    id: node.block_id(1)?,
                    previous_id: String::new(),
                    timestamp: "1970-01-01T00:00:00.000Z".into(),
                    transactions: Vec::new(),
                },
                node::Fetched::Missing => {
                    return Err(Error::MissingTraces { url: options.url.clone(), block: next });
                }
            };
            if let Some(previous) = &previous_id {
                if &block.previous_id != previous {
                    return Err(Error::Inconsistent(format!(
                        "block {next} follows {}, not the block {previous} written before",
                        block.previous_id
                    )));
                }
            }
            summary.actions += db::write_block(&mut conn, &info.chain_id, &options.contracts, &block)?;
            summary.blocks = Some((summary.blocks.map_or(next, |(first, _)| first), next));
            previous_id = Some(block.id);
            next += 1;
            let elapsed = started.elapsed().as_secs_f64().max(1e-9);
            progress(&Progress {
                block: next - 1,
                last_irreversible: info.last_irreversible,
                head: info.head,
                blocks_per_sec: summary.block_count() as f64 / elapsed,
                actions_per_sec: summary.actions as f64 / elapsed,
            });
        }
        let latest = node.info()?;
        if latest.chain_id != info.chain_id {
            return Err(Error::Node(format!("the node at {} now runs another chain", options.url)));
        }
        let caught_up = latest.last_irreversible < next;
        info = latest;
        if next > last || (caught_up && !options.follow && options.to_block.is_none()) {
            break;
        }
        if caught_up {
            std::thread::sleep(FOLLOW_POLL);
        }
    }
    summary.elapsed = started.elapsed();
    Ok(summary)
}
