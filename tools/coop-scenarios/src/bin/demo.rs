//! `demo [--url URL]`: the main job's scenario ([`coop_scenarios::demo`]) on the running
//! localnet, then the chain's history indexed into SQLite and the cooperative's registries
//! printed from it. `scripts/demo` starts the localnet first.
use antelope_test_harness::fixture::TestChain;
use clap::Parser;
use coop_scenarios::demo;
use coop_tools::defaults::default_peers;
use eosio::Name;
use std::process::ExitCode;

/// The cooperative platform's scenario on a running chain with the contracts at their default
/// accounts (scripts/demo: the localnet), printing every step with its transaction id; then the
/// chain's history indexed into target/demo/registries.sqlite and the registries read from it.
#[derive(Parser, Debug)]
#[command(name = "demo")]
struct Cli {
    /// The node's HTTP API.
    #[arg(long, value_name = "URL", default_value = "http://127.0.0.1:8888")]
    url: String,
}

fn main() -> ExitCode {
    let url = Cli::parse().url;
    let chain = match TestChain::attach(&url, default_peers()) {
        Ok(chain) => chain,
        Err(e) => {
            eprintln!("cannot reach the localnet at {url}: {e}\nstart it with: scripts/localnet up");
            return ExitCode::FAILURE;
        }
    };
    // The scenario panics with the chain's message on an unexpected failure.
    // The demo's first block: where its own history starts.
    let start = chain.client.get_info().map_or(1, |info| info.head_block_num + 1);
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| demo::run(&chain))) {
        Ok(coop) => {
            // The demo's last transactions are in the head block of now or the next one.
            let end = chain.client.get_info().map_or(start, |info| info.head_block_num + 1);
            registries(&url, coop, start, end)
        }
        Err(_) => {
            eprintln!("the demo stopped: see the message above");
            ExitCode::FAILURE
        }
    }
}

/// The end of the demo: the chain's history indexed into SQLite (`target/demo/registries.sqlite`,
/// started afresh when it holds another chain), and the cooperative's registries read from it.
/// A localnet whose node once ran without `trace_api_plugin` lacks the traces of its early
/// blocks: then the history from the demo's first block `start` on is indexed instead. Indexes
/// up to the demo's last block `end`, once it is irreversible.
fn registries(url: &str, coop: Name, start: u32, end: u32) -> ExitCode {
    let dir = coop_tools::tools::workspace_root().join("target/demo");
    let db = dir.join("registries.sqlite");
    let mut options = coop_indexer::Options {
        url: url.to_string(),
        db: db.clone(),
        from_block: None,
        follow: false,
        to_block: Some(end),
        contracts: default_peers(),
    };
    println!("\nThe registries, rebuilt from the chain's history into {}:", options.db.display());
    if let Err(e) = coop_indexer::db::forget_other_chain(&options) {
        eprintln!("indexer: {e}");
        return ExitCode::FAILURE;
    }
    let summary = match coop_indexer::run(&options, &mut |_| {}) {
        Ok(summary) => summary,
        Err(e @ coop_indexer::Error::MissingTraces { .. }) => {
            println!("{e}\nso the demo's own history is indexed, from its first block {start}:");
            options.db = dir.join(format!("registries-from-{start}.sqlite"));
            options.from_block = Some(start);
            match coop_indexer::run(&options, &mut |_| {}) {
                Ok(summary) => summary,
                Err(e) => {
                    eprintln!("indexer: {e}");
                    return ExitCode::FAILURE;
                }
            }
        }
        Err(e) => {
            eprintln!("indexer: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("{summary}\n");
    match coop_indexer::db::open_read_only(&options.db).and_then(|conn| coop_indexer::report::cooperative(&conn, coop))
    {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("indexer: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_line() {
        Cli::command().debug_assert();
        assert_eq!(Cli::try_parse_from(["demo"]).unwrap().url, "http://127.0.0.1:8888");
        assert_eq!(Cli::try_parse_from(["demo", "--url", "http://node:1"]).unwrap().url, "http://node:1");
        assert!(Cli::try_parse_from(["demo", "--url"]).is_err());
        assert!(Cli::try_parse_from(["demo", "extra"]).is_err());
    }
}
