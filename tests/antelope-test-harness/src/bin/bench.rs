//! Cost per action on a real node: billed CPU, NET and RAM of each step of the platform's
//! main flows, next to a C++ `eosio.token::transfer` measured in the same run. CPU times
//! are noisy, so each action runs several times and the median is printed, with its ratio
//! to the transfer's median. `scripts/bench [ROUNDS]`.
use antelope_test_harness::boot::core;
use antelope_test_harness::client::PushOutcome;
use antelope_test_harness::cooperative::TestCoop;
use antelope_test_harness::fixture::TestChain;
use coop_protocol::operator::Connect;
use coop_protocol::registrator::Joincoop;
use coop_runtime::system::{TokenTransfer, SYSTEM, TOKEN};
use eosio::Name;
use std::collections::BTreeMap;
use std::process::ExitCode;

#[derive(Default)]
struct Samples {
    cpu: Vec<u64>,
    net: Vec<u64>,
    ram: Vec<i64>,
}

fn record(table: &mut BTreeMap<&'static str, Samples>, name: &'static str, outcome: &PushOutcome) {
    let samples = table.entry(name).or_default();
    samples.cpu.push(outcome.cpu_usage_us);
    samples.net.push(outcome.net_usage_words * 8);
    samples.ram.push(outcome.ram_deltas.iter().map(|(_, delta)| *delta).sum());
}

fn median<T: Ord + Copy + Default>(values: &[T]) -> T {
    let mut sorted = values.to_vec();
    sorted.sort();
    sorted.get(sorted.len() / 2).copied().unwrap_or_default()
}

fn main() -> ExitCode {
    let rounds: usize = match std::env::args().nth(1).map(|a| a.parse()) {
        None => 7,
        Some(Ok(n)) if n > 0 => n,
        _ => {
            eprintln!("usage: bench [ROUNDS]   (ROUNDS > 0, default 7)");
            return ExitCode::from(2);
        }
    };
    eprintln!("==> starting a node, booting it and deploying the contracts");
    let chain = match TestChain::start() {
        Ok(chain) => chain,
        Err(e) => {
            eprintln!("cannot start the chain: {e}");
            return ExitCode::FAILURE;
        }
    };
    let p = chain.peers;
    let provider = chain.new_provider();
    let mut table: BTreeMap<&'static str, Samples> = BTreeMap::new();
    for round in 0..rounds {
        eprintln!("==> round {} of {rounds}", round + 1);
        let transfer =
            TokenTransfer { from: SYSTEM, to: p.operator, quantity: core("0.0001"), memo: format!("bench {round}") };
        record(&mut table, "eosio.token::transfer (C++)", &chain.ok(TOKEN, &[SYSTEM], &transfer));

        let (request, coop_key, chairman, members) = chain.coop_request(provider, 2);
        let outcome = chain.ok(p.operator, &[provider], &request);
        let request_id: u64 = outcome.return_value();
        record(&mut table, "operator::request", &outcome);
        record(&mut table, "operator::connect", &chain.ok(p.operator, &[p.operator], &Connect { request_id }));
        let coop = TestCoop { name: request.coopname, key: coop_key, provider, chairman, members, request_id };

        let (person, outcome) = chain.new_member_account(&coop, "bench", "individual");
        record(&mut table, "registrator::newaccount", &outcome);
        let agreed = chain.sign_agreements(&coop, &person);
        record(&mut table, "registrator::agree", &agreed[0]);
        let joincoop = Joincoop {
            coopname: coop.name,
            braname: Name::new(0),
            username: person.name,
            statement: person.sign("I apply"),
        };
        record(&mut table, "registrator::joincoop", &chain.ok(p.registrator, &[person.name], &joincoop));
        let fee = chain.registration_fee(&coop, coop_protocol::registrator::TYPE_INDIVIDUAL);
        let (deposit_id, outcome) = chain.pay_registration(&coop, &person, fee);
        record(&mut table, "wallet::deposit", &outcome);
        record(&mut table, "wallet::confirm (+ propose)", &chain.confirm_deposit(&coop, deposit_id));
        let decision = chain.decision_about(&coop, "joincoop", person.name).expect("decision");
        for voter in coop.council() {
            record(&mut table, "soviet::votefor", &chain.vote_for(&coop, voter, decision.id));
        }
        record(&mut table, "soviet::authorize", &chain.authorize(&coop, decision.id));
        record(&mut table, "soviet::exec (+ accept, book)", &chain.exec(&coop, person.name, decision.id));
    }

    let baseline = table.get("eosio.token::transfer (C++)").map(|s| median(&s.cpu)).unwrap_or(1).max(1);
    println!("\nCost per action, median of {rounds} rounds (billed CPU includes the transaction's fixed costs)\n");
    println!("{:<32} {:>9} {:>10} {:>9} {:>9}", "action", "CPU µs", "× transfer", "NET B", "RAM B");
    for (name, samples) in &table {
        let cpu = median(&samples.cpu);
        println!(
            "{:<32} {:>9} {:>10.2} {:>9} {:>9}",
            name,
            cpu,
            cpu as f64 / baseline as f64,
            median(&samples.net),
            median(&samples.ram)
        );
    }
    ExitCode::SUCCESS
}
