//! The registries rebuilt from the chain's history (`coop-indexer`, `scripts/indexer`).
//!
//! On this binary's node: the demo scenario (`scripts/demo`'s own code), a seeded random
//! sequence of the ledger's flows (`ledger_chain`'s generator: registrations, deposits,
//! withdrawals, exits, refunds, and actions the chain refuses, which must leave no trace),
//! and a seeded mix of the other flows (`indexer/mix.rs`: branches, imports, free decisions
//! executed, declined or left open, declined registrations, expired decisions closed).
//! Then the chain is indexed from block 1 into SQLite and compared with the chain: every
//! live row of our tables, every finished decision, deposit and withdrawal, every document
//! (found in the traces independently), the ledger entries against every fund and wallet.
//! Finally the `coop-indexer` command indexes the same blocks into another file while it
//! is killed (SIGKILL) twice mid-way and restarted: both databases must be identical.
//!
//! `INDEXER_SEED` (decimal or `0x` hex; default [`DEFAULT_SEED`]) seeds both random parts;
//! `INDEXER_STEPS` (default [`DEFAULT_STEPS`]) is the length of the ledger sequence, and a
//! tenth of it the number of rounds of the mix.
#[allow(dead_code)]
#[path = "ledger_chain"]
mod ledger_chain {
    pub mod chain;
    pub mod generate;
    pub mod model;
    pub mod rng;
    pub mod run;
}
mod indexer {
    pub mod compare;
    pub mod kill;
    pub mod mix;
}

use antelope_test_harness::defaults::default_peers;
use antelope_test_harness::fixture::TestChain;
use coop_indexer::{db, Options};
use coop_scenarios::demo;
use indexer::{compare, kill, mix};
use std::time::Duration;

/// The default seed of the random parts.
const DEFAULT_SEED: u64 = 13;
/// Actions of the ledger's random sequence by default.
const DEFAULT_STEPS: u64 = 200;

fn env_number(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(text) if !text.trim().is_empty() => {
            let text = text.trim().replace('_', "");
            let parsed = match text.strip_prefix("0x") {
                Some(hex) => u64::from_str_radix(hex, 16),
                None => text.parse(),
            };
            parsed.unwrap_or_else(|e| panic!("{name}: {text:?} is not a number: {e}"))
        }
        _ => default,
    }
}

/// The node's last irreversible block once it holds every transaction pushed so far (they
/// are in the block after the head block of now at the latest).
fn irreversible_head(chain: &TestChain) -> u32 {
    let node = coop_indexer::node::Node::new(&chain.url());
    let head = node.info().expect("get_info").head;
    loop {
        let info = node.info().expect("get_info");
        if info.last_irreversible > head {
            return info.last_irreversible;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn the_registries_rebuilt_from_the_history_equal_the_chain() {
    let chain = TestChain::shared();
    let seed = env_number("INDEXER_SEED", DEFAULT_SEED);
    let steps = env_number("INDEXER_STEPS", DEFAULT_STEPS) as usize;

    let demo_coop = demo::run(chain);
    match ledger_chain::run::run(chain, seed, steps, Duration::ZERO) {
        Ok(report) => println!("\n{report}"),
        Err(failure) => panic!("the ledger's random sequence failed:\n{failure}"),
    }
    let counts = mix::run(chain, seed, steps / 10);
    println!("mix of seed {seed}:");
    for (what, count) in &counts {
        println!("  {count:>4}  {what}");
    }

    let last = irreversible_head(chain);
    let dir = tempfile::tempdir().expect("temporary folder");
    let options = Options {
        url: chain.url(),
        db: dir.path().join("registries.sqlite"),
        from_block: Some(1),
        follow: false,
        to_block: Some(last),
        contracts: default_peers(),
    };
    let summary = coop_indexer::run(&options, &mut |_| {}).unwrap_or_else(|e| panic!("indexing: {e}"));
    println!("\n{summary}");
    assert_eq!(summary.blocks, Some((1, last)));

    let conn = db::open_read_only(&options.db).expect("open the database");
    let mut compared = compare::live_rows(chain, &conn);
    compare::finished_rows(chain, &conn, &mut compared);
    compare::ledger_entries(chain, &conn, &mut compared);
    compare::documents(chain, &conn, last, &mut compared);
    println!("compared with the chain: {compared:?}");
    assert!(compared.finished_decisions > 0 && compared.finished_deposits > 0 && compared.finished_withdrawals > 0);
    println!("\n{}", coop_indexer::report::cooperative(&conn, demo_coop).expect("report"));

    let binary = kill::binary();
    let killed = dir.path().join("killed.sqlite");
    let marks = [last / 3, last * 2 / 3];
    let killed_at = kill::run_with_kills(&binary, &chain.url(), &killed, last, &marks);
    println!("coop-indexer killed at blocks {killed_at:?} of {last}, then finished");
    assert!(killed_at.iter().all(|b| *b < last), "killed mid-way: {killed_at:?}");
    let again = db::open_read_only(&killed).expect("open the killed run's database");
    assert!(compare::dump(&again) == compare::dump(&conn), "the killed and restarted run wrote another database");
}
