//! `coop-indexer --url URL --db FILE [--from-block N] [--follow]`: rebuilds the
//! cooperatives' registries from a node's trace API into SQLite (see the crate's docs and
//! the README's "scripts/indexer"). Progress lines and the closing speed go to stderr;
//! `--report COOP` prints that cooperative's registries to stdout afterwards.
use clap::Parser;
use coop_indexer::{db, report, Options};
use coop_runtime::Peers;
use eosio::Name;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Rebuilds the cooperatives' registries from the chain's history into SQLite.
#[derive(Parser, Debug)]
#[command(name = "indexer")]
struct Cli {
    /// The node's HTTP API; it must run eosio::trace_api_plugin.
    #[arg(long, default_value = "http://127.0.0.1:8888")]
    url: String,
    /// The SQLite file (created and migrated when needed).
    #[arg(long)]
    db: PathBuf,
    /// The first block of a new database (an existing one resumes after its last block).
    #[arg(long, value_name = "N")]
    from_block: Option<u32>,
    /// Keep up with the last irreversible block until stopped.
    #[arg(long)]
    follow: bool,
    /// Stop after this block (waiting for it to become irreversible).
    #[arg(long, value_name = "N")]
    to_block: Option<u32>,
    /// Print this cooperative's registries at the end.
    #[arg(long, value_name = "COOP", value_parser = account)]
    report: Option<Name>,
    /// The operator contract's account.
    #[arg(long, default_value = "operator", value_parser = account)]
    operator: Name,
    /// The registrator contract's account.
    #[arg(long, default_value = "registrator", value_parser = account)]
    registrator: Name,
    /// The soviet contract's account.
    #[arg(long, default_value = "soviet", value_parser = account)]
    soviet: Name,
    /// The wallet contract's account.
    #[arg(long, default_value = "wallet", value_parser = account)]
    wallet: Name,
}

/// An account name from the command line.
fn account(text: &str) -> Result<Name, String> {
    match coop_indexer::text::parse_name(text)? {
        name if name.as_u64() == 0 => Err("an account name is required".into()),
        name => Ok(name),
    }
}

/// How often the progress line is printed.
const PROGRESS_EVERY: Duration = Duration::from_secs(1);

fn main() -> ExitCode {
    let cli = Cli::parse();
    let options = Options {
        url: cli.url.clone(),
        db: cli.db.clone(),
        from_block: cli.from_block,
        follow: cli.follow,
        to_block: cli.to_block,
        contracts: Peers {
            operator: cli.operator,
            registrator: cli.registrator,
            soviet: cli.soviet,
            wallet: cli.wallet,
        },
    };
    eprintln!("==> indexing {} into {}", options.url, options.db.display());
    let mut last_line = Instant::now();
    let mut progress = |p: &coop_indexer::Progress| {
        if last_line.elapsed() >= PROGRESS_EVERY {
            eprintln!("    {p}");
            last_line = Instant::now();
        }
    };
    match coop_indexer::run(&options, &mut progress) {
        Ok(summary) => eprintln!("==> {summary}"),
        Err(e) => {
            eprintln!("indexer: {e}");
            return ExitCode::FAILURE;
        }
    }
    if let Some(coop) = cli.report {
        let printed = db::open_read_only(&options.db).and_then(|conn| report::cooperative(&conn, coop));
        match printed {
            Ok(text) => print!("{text}"),
            Err(e) => {
                eprintln!("indexer: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
