//! `scripts/bench`: the benchmark, on a node of its own.
//!
//! - CPU per action: every main action of our contracts and the C++ references
//!   (`eosio.token::transfer`, `eosio.msig::approve`) and the floor (the empty action of a
//!   trivial contract), round-robin, median and p90 of billed CPU and elapsed time, as
//!   ratios ([`cpu`], [`actions`], [`mod@reference`]);
//! - RAM of our tables per participant, decision and branch, by payer ([`ram`]); WASM bytes
//!   ([`wasm`]);
//! - scaling of `joincoop`, `confirm`, `votefor`, `exec` with the cooperative's size
//!   ([`scaling`], drawn by [`plot`]);
//! - throughput of complete registrations ([`throughput`]).
//!
//! Writes `report.md`, `report.json` and `scaling.png` ([`report`]) to `target/bench/`
//! (`target/bench/quick/` for `--quick`, the small run `scripts/test` makes so that the
//! benchmark never rots).
mod actions;
mod coops;
mod cpu;
mod plot;
mod progress;
mod push;
mod ram;
mod reference;
mod registration;
mod report;
mod scaling;
mod stats;
mod throughput;
mod wasm;

use antelope_test_harness::fixture::TestChain;
use clap::Parser;
use coop_tools::tools::workspace_root;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// The benchmark, on a node of its own: CPU per action next to the C++ eosio.token::transfer and
/// eosio.msig::approve (median and p90 of billed CPU and elapsed time), RAM of our tables,
/// WASM bytes, scaling with the cooperative's size, registrations per second. Writes
/// report.md, report.json and scaling.png.
#[derive(Parser, Debug)]
#[command(name = "bench")]
struct Cli {
    /// A small run into target/bench/quick/ (10 rounds, cooperatives of 10 and 100, 5 scaling
    /// samples, 50 registrations), the one scripts/test makes so that the benchmark never rots.
    #[arg(long)]
    quick: bool,
    /// Rounds of every action for CPU per action (default 300; --quick: 10).
    #[arg(long, value_name = "N", value_parser = count)]
    rounds: Option<usize>,
    /// The number of rounds, as --rounds.
    #[arg(value_name = "ROUNDS", value_parser = count, conflicts_with = "rounds")]
    rounds_given: Option<usize>,
    /// Cooperative sizes (members and open decisions) of the scaling phase
    /// (default 10,1000,10000; --quick: 10,100).
    #[arg(long, value_name = "A,B,…", value_parser = count, value_delimiter = ',')]
    scales: Option<Vec<usize>>,
    /// Registrations measured in each cooperative of the scaling phase (default 50; --quick: 5).
    #[arg(long, value_name = "N", value_parser = count)]
    scale_samples: Option<usize>,
    /// Complete registrations of the throughput phase (default 1000; --quick: 50).
    #[arg(long, value_name = "N", value_parser = count)]
    registrations: Option<usize>,
    /// Concurrent clients of the throughput phase (default 3).
    #[arg(long, value_name = "N", value_parser = count)]
    clients: Option<usize>,
    /// Where the report goes (default target/bench; --quick: target/bench/quick).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

/// A count: a whole number above zero.
fn count(text: &str) -> Result<usize, String> {
    text.parse::<usize>().ok().filter(|n| *n > 0).ok_or(format!("not a count: {text}"))
}

/// What to run.
#[derive(Clone, Debug, PartialEq)]
struct Options {
    quick: bool,
    rounds: usize,
    scales: Vec<usize>,
    scale_samples: usize,
    registrations: usize,
    clients: usize,
    out: PathBuf,
}

impl Options {
    /// The command line's choices, the rest from the full or the quick run's defaults.
    fn from_cli(cli: Cli) -> Options {
        let defaults = if cli.quick {
            Options {
                quick: true,
                rounds: 10,
                scales: vec![10, 100],
                scale_samples: 5,
                registrations: 50,
                clients: 3,
                out: workspace_root().join("target/bench/quick"),
            }
        } else {
            Options {
                quick: false,
                rounds: 300,
                scales: vec![10, 1_000, 10_000],
                scale_samples: 50,
                registrations: 1_000,
                clients: 3,
                out: workspace_root().join("target/bench"),
            }
        };
        Options {
            quick: cli.quick,
            rounds: cli.rounds.or(cli.rounds_given).unwrap_or(defaults.rounds),
            scales: cli.scales.unwrap_or(defaults.scales),
            scale_samples: cli.scale_samples.unwrap_or(defaults.scale_samples),
            registrations: cli.registrations.unwrap_or(defaults.registrations),
            clients: cli.clients.unwrap_or(defaults.clients),
            out: cli.out.unwrap_or(defaults.out),
        }
    }
}

fn main() -> ExitCode {
    let options = Options::from_cli(Cli::parse());
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&options, &args) {
        Ok(within_budget) if within_budget => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("bench: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Runs every phase and writes the report; `Ok(false)` when a participant takes more RAM
/// than the budget.
fn run(o: &Options, args: &[String]) -> Result<bool, String> {
    let started = Instant::now();
    let load_at_start = report::load_average();
    let mut phases: Vec<(String, f64)> = Vec::new();
    let mut phase_start = Instant::now();
    let mut phase_done = |name: &str, phases: &mut Vec<(String, f64)>| {
        let secs = phase_start.elapsed().as_secs_f64();
        eprintln!("    {name}: {secs:.1} s");
        phases.push((name.to_string(), (secs * 10.0).round() / 10.0));
        phase_start = Instant::now();
    };
    std::fs::create_dir_all(&o.out).map_err(|e| format!("{}: {e}", o.out.display()))?;
    let wasm = wasm::sizes()?;

    eprintln!("==> starting a node, booting it and deploying the contracts");
    let chain = TestChain::start().map_err(|e| format!("cannot start the chain: {e}"))?;
    let info = chain.client.get_info().map_err(|e| e.to_string())?;
    let refs = reference::References::set_up(&chain);
    let provider = chain.new_provider();
    phase_done("node, boot, deploy, references", &mut phases);

    eprintln!("==> CPU per action: {} rounds, round-robin", o.rounds);
    let (measured, ram) = cpu::run(&chain, &refs, provider, o.rounds);
    let actions = measured.summarize();
    let ram = ram.report();
    phase_done("CPU rounds", &mut phases);

    eprintln!("==> scaling: {:?} members and open decisions, {} registrations each", o.scales, o.scale_samples);
    let scaling = scaling::run(&chain, &refs, provider, &o.scales, o.scale_samples);
    let plot_path = o.out.join("scaling.png");
    let plot_has_text = plot::draw(&scaling.points, &plot_path)?;
    phase_done("scaling", &mut phases);

    eprintln!("==> throughput: {} registrations, {} clients", o.registrations, o.clients);
    let throughput = throughput::run(&chain, provider, o.registrations, o.clients);
    phase_done("throughput", &mut phases);
    drop(chain);

    let targets = report::targets(&actions, &wasm, &scaling);
    let command =
        if args.is_empty() { "scripts/bench".to_string() } else { format!("scripts/bench {}", args.join(" ")) };
    let report = report::Report {
        date: report::now_utc(),
        mode: if o.quick { "quick" } else { "full" }.into(),
        command,
        machine: report::Machine::this(),
        load_average: (load_at_start, report::load_average()),
        node_version: info.server_version_string,
        rounds: o.rounds,
        actions,
        wasm_bytes: wasm.ours.clone(),
        wasm_bytes_cpp: wasm.cpp.clone(),
        ram_per_participant: ram.participant.clone(),
        ram: ram.clone(),
        scaling,
        registrations_per_second: throughput.registrations_per_second,
        throughput,
        targets,
        phases,
        wall_seconds: (started.elapsed().as_secs_f64() * 10.0).round() / 10.0,
    };
    report::write(&report, &o.out, plot_has_text)?;
    println!("{}", report::markdown(&report, plot_has_text));
    eprintln!(
        "==> wrote {}, {} and {} in {:.0} s",
        o.out.join("report.md").display(),
        o.out.join("report.json").display(),
        plot_path.display(),
        report.wall_seconds
    );
    let within = ram.participant.bytes <= ram.participant_budget;
    if !within {
        eprintln!(
            "OVER BUDGET: an accepted participant takes {} B of our tables (at most {} B)",
            ram.participant.bytes, ram.participant_budget
        );
    }
    Ok(within)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn options(args: &[&str]) -> Result<Options, clap::Error> {
        Cli::try_parse_from(std::iter::once("bench").chain(args.iter().copied())).map(Options::from_cli)
    }

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn quick_and_full_runs_have_their_defaults() {
        let full = options(&[]).unwrap();
        assert_eq!((full.rounds, full.scales.as_slice(), full.registrations), (300, &[10, 1_000, 10_000][..], 1_000));
        assert_eq!(full.out, workspace_root().join("target/bench"));
        let quick = options(&["--quick"]).unwrap();
        assert!(quick.quick);
        assert_eq!((quick.rounds, quick.scales.as_slice(), quick.scale_samples), (10, &[10, 100][..], 5));
        assert_eq!(quick.out, workspace_root().join("target/bench/quick"));
    }

    #[test]
    fn flags_override_the_defaults() {
        let o = options(&["--quick", "--rounds", "7", "--scales", "1,2,3", "--clients=2", "--out", "/tmp/b"]).unwrap();
        assert_eq!((o.rounds, o.scales, o.clients, o.out), (7, vec![1, 2, 3], 2, PathBuf::from("/tmp/b")));
        assert_eq!(options(&["42"]).unwrap().rounds, 42);
        assert_eq!(options(&["--scale-samples", "4", "--registrations", "9"]).unwrap().registrations, 9);
        for bad in [&["--rounds", "0"][..], &["--scales", "10,x"], &["--rounds"], &["--fast"], &["5", "--rounds", "6"]]
        {
            assert!(options(bad).is_err(), "{bad:?}");
        }
    }
}
