//! `scripts/bench`: the benchmark, on a node of its own.
//!
//! - CPU per action: every main action of our contracts and the C++ references
//!   (`eosio.token::transfer`, `eosio.msig::approve`) and the floor (the empty action of a
//!   trivial contract), round-robin, median and p90 of billed CPU and elapsed time, as
//!   ratios ([`cpu`], [`actions`], [`reference`]);
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
use antelope_test_harness::tools::workspace_root;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage: bench [--quick] [--rounds N] [--scales A,B,…] [--scale-samples N] \
[--registrations N] [--clients N] [--out DIR] [ROUNDS]";

/// What to run.
#[derive(Clone, Debug)]
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
    fn parse(args: &[String]) -> Result<Options, String> {
        let quick = args.iter().any(|a| a == "--quick");
        let mut o = if quick {
            Options {
                quick,
                rounds: 10,
                scales: vec![10, 100],
                scale_samples: 5,
                registrations: 50,
                clients: 3,
                out: workspace_root().join("target/bench/quick"),
            }
        } else {
            Options {
                quick,
                rounds: 300,
                scales: vec![10, 1_000, 10_000],
                scale_samples: 50,
                registrations: 1_000,
                clients: 3,
                out: workspace_root().join("target/bench"),
            }
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
            let number =
                |text: &str| text.parse::<usize>().ok().filter(|n| *n > 0).ok_or(format!("not a count: {text}"));
            match arg.as_str() {
                "--quick" => {}
                "--rounds" => o.rounds = number(value(arg)?)?,
                "--scales" => o.scales = value(arg)?.split(',').map(number).collect::<Result<_, _>>()?,
                "--scale-samples" => o.scale_samples = number(value(arg)?)?,
                "--registrations" => o.registrations = number(value(arg)?)?,
                "--clients" => o.clients = number(value(arg)?)?,
                "--out" => o.out = PathBuf::from(value(arg)?),
                "-h" | "--help" => return Err(String::new()),
                other if other.parse::<usize>().is_ok() => o.rounds = number(other)?,
                other => return Err(format!("unknown argument {other}")),
            }
        }
        Ok(o)
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let options = match Options::parse(&args) {
        Ok(options) => options,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("{message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
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
