//! Throughput: complete registrations (every transaction of the path, see
//! `registration.rs`) per second on one node, sustained over many, driven by a few
//! concurrent clients as a provider's software would (each registration's steps are in
//! order; registrations overlap).
use crate::actions::round1;
use crate::coops::{funds, BenchCoop};
use crate::progress::Progress;
use crate::registration::{register, Votes};
use antelope_test_harness::fixture::TestChain;
use eosio::Name;
use serde::Serialize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Windows the run is cut into to show the rate is sustained.
const WINDOWS: usize = 10;

/// The throughput part of the report.
#[derive(Clone, Debug, Serialize)]
pub struct ThroughputReport {
    pub registrations: usize,
    /// Transactions pushed by those registrations.
    pub transactions: usize,
    /// Concurrent clients.
    pub clients: usize,
    pub seconds: f64,
    pub registrations_per_second: f64,
    pub transactions_per_second: f64,
    /// The slowest and fastest of [`WINDOWS`] consecutive windows of equally many
    /// registrations, in registrations per second.
    pub slowest_window_per_second: f64,
    pub fastest_window_per_second: f64,
}

/// Runs `count` registrations in a new cooperative with `clients` concurrent clients.
pub fn run(chain: &TestChain, provider: Name, count: usize, clients: usize) -> ThroughputReport {
    let ram = u32::try_from(count).unwrap_or(u32::MAX).saturating_mul(1500) + 512 * 1024;
    let coop = BenchCoop::connect(chain, provider, &funds(count, ram), ram);
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let transactions = AtomicUsize::new(0);
    let finished: Mutex<Vec<Instant>> = Mutex::new(Vec::with_capacity(count));
    let mut progress = Progress::new(&format!("registrations with {clients} clients"), count);
    let started = Instant::now();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..clients)
            .map(|_| {
                scope.spawn(|| {
                    while next.fetch_add(1, Ordering::Relaxed) < count {
                        let person = crate::push::person("reg");
                        let mut pushed = 0;
                        register(chain, &coop, &person, Votes::Majority, &mut |_, _| pushed += 1);
                        transactions.fetch_add(pushed, Ordering::Relaxed);
                        finished.lock().unwrap_or_else(|e| e.into_inner()).push(Instant::now());
                        done.fetch_add(1, Ordering::Relaxed);
                    }
                })
            })
            .collect();
        while !workers.iter().all(|w| w.is_finished()) {
            std::thread::sleep(Duration::from_millis(200));
            progress.set(done.load(Ordering::Relaxed));
        }
        for worker in workers {
            if let Err(panic) = worker.join() {
                std::panic::resume_unwind(panic);
            }
        }
    });
    let seconds = started.elapsed().as_secs_f64();
    progress.finish();
    let mut finished = finished.into_inner().unwrap_or_else(|e| e.into_inner());
    finished.sort();
    let (slowest, fastest) = window_rates(started, &finished);
    let transactions = transactions.into_inner();
    ThroughputReport {
        registrations: count,
        transactions,
        clients,
        seconds: round1(seconds),
        registrations_per_second: round1(count as f64 / seconds),
        transactions_per_second: round1(transactions as f64 / seconds),
        slowest_window_per_second: round1(slowest),
        fastest_window_per_second: round1(fastest),
    }
}

/// The lowest and highest rate over [`WINDOWS`] windows of consecutive completions.
fn window_rates(started: Instant, finished: &[Instant]) -> (f64, f64) {
    let size = (finished.len() / WINDOWS).max(1);
    let mut rates = Vec::new();
    let mut from = started;
    for chunk in finished.chunks(size) {
        let to = *chunk.last().expect("chunks are not empty");
        let secs = to.duration_since(from).as_secs_f64();
        if secs > 0.0 {
            rates.push(chunk.len() as f64 / secs);
        }
        from = to;
    }
    let slowest = rates.iter().copied().fold(f64::INFINITY, f64::min);
    let fastest = rates.iter().copied().fold(0.0, f64::max);
    (if slowest.is_finite() { slowest } else { 0.0 }, fastest)
}
