//! Cost per action on a real node: billed CPU, NET and RAM of each step of the platform's
//! main flows, next to a C++ `eosio.token::transfer` measured in the same run. CPU times
//! are noisy, so each action runs several times and the median is printed, with its ratio
//! to the transfer's median. Then the RAM our tables take per accepted participant, per
//! open decision and per branch, with who pays each part, read from the RAM deltas of our
//! contracts' action traces. `scripts/bench [ROUNDS]`.
use antelope_test_harness::boot::core;
use antelope_test_harness::client::PushOutcome;
use antelope_test_harness::cooperative::TestCoop;
use antelope_test_harness::fixture::{unique_name, TestChain};
use coop_protocol::operator::Connect;
use coop_protocol::registrator::{Createbranch, Joincoop, TYPE_INDIVIDUAL};
use coop_protocol::soviet::{Close, Freedecision, Voteagainst};
use coop_runtime::system::{TokenTransfer, SYSTEM, TOKEN};
use eosio::Name;
use std::collections::BTreeMap;
use std::process::ExitCode;

/// The most RAM of our tables one accepted participant may take, all payers together.
const PARTICIPANT_RAM_BUDGET: i64 = 1024;

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

/// RAM of our tables by who pays it (a role, e.g. "cooperative"), summed over outcomes.
#[derive(Default)]
struct RamByPayer {
    roles: BTreeMap<&'static str, i64>,
}

impl RamByPayer {
    /// Adds the deltas of our contracts' actions in `outcome`, naming each account by
    /// `role_of` (accounts it does not know are "other").
    fn add(&mut self, chain: &TestChain, outcome: &PushOutcome, role_of: &dyn Fn(&str) -> &'static str) {
        let p = chain.peers;
        let ours = [p.operator, p.registrator, p.soviet, p.wallet].map(|n| n.to_string());
        for (account, delta) in outcome.ram_deltas_in(&ours) {
            *self.roles.entry(role_of(&account)).or_default() += delta;
        }
    }

    fn total(&self) -> i64 {
        self.roles.values().sum()
    }

    fn describe(&self) -> String {
        let parts: Vec<String> = self.roles.iter().map(|(role, bytes)| format!("{role} {bytes} B")).collect();
        if parts.is_empty() {
            "nothing".into()
        } else {
            parts.join(", ")
        }
    }
}

/// A new branch of `coop` led by its chairman.
fn branch_of(coop: &TestCoop) -> Createbranch {
    Createbranch {
        coopname: coop.name,
        braname: unique_name("branch"),
        trustee: coop.chairman.name,
        title: "Branch".into(),
    }
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
    let (mut participant, mut decision, mut free_decision, mut branch) =
        (RamByPayer::default(), RamByPayer::default(), RamByPayer::default(), RamByPayer::default());
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

        // A first member and a first branch create the cooperative's table scopes (each
        // scope's first row also pays the chain's table entry), so what follows is what
        // every further participant, decision and branch costs.
        chain.admit(&coop, "first", Name::new(0));
        chain.ok(p.registrator, &[coop.name], &branch_of(&coop));
        let standing = &coop.members[1];
        let question = Freedecision {
            coopname: coop.name,
            proposer: standing.name,
            statement: standing.sign("Standing question"),
            actions: vec![],
        };
        chain.ok(p.soviet, &[standing.name], &question);

        let (person, outcome) = chain.new_member_account(&coop, "bench", "individual");
        let council: Vec<String> = coop.council().iter().map(|m| m.name.to_string()).collect();
        let (coop_name, person_name) = (coop.name.to_string(), person.name.to_string());
        let role_of = |account: &str| -> &'static str {
            if account == coop_name {
                "cooperative"
            } else if account == person_name {
                "person"
            } else if council.iter().any(|c| c == account) {
                "council member"
            } else if [p.operator, p.registrator, p.soviet, p.wallet].iter().any(|c| c.to_string() == account) {
                "our contract accounts"
            } else {
                "other"
            }
        };
        let mut step = |name: &'static str, outcome: PushOutcome, table: &mut BTreeMap<&'static str, Samples>| {
            participant.add(&chain, &outcome, &role_of);
            record(table, name, &outcome);
            outcome
        };
        step("registrator::newaccount", outcome, &mut table);
        for (i, agreed) in chain.sign_agreements(&coop, &person).into_iter().enumerate() {
            let name = if i == 0 { "registrator::agree" } else { "registrator::agree (more kinds)" };
            step(name, agreed, &mut table);
        }
        let joincoop = Joincoop {
            coopname: coop.name,
            braname: Name::new(0),
            username: person.name,
            statement: person.sign("I apply"),
        };
        step("registrator::joincoop", chain.ok(p.registrator, &[person.name], &joincoop), &mut table);
        let fee = chain.registration_fee(&coop, TYPE_INDIVIDUAL);
        let (deposit_id, outcome) = chain.pay_registration(&coop, &person, fee);
        step("wallet::deposit", outcome, &mut table);
        let confirmed = chain.confirm_deposit(&coop, deposit_id);
        decision.add(&chain, &confirmed, &role_of);
        step("wallet::confirm (+ propose)", confirmed, &mut table);
        let open = chain.decision_about(&coop, "joincoop", person.name).expect("decision");
        for voter in coop.council() {
            step("soviet::votefor", chain.vote_for(&coop, voter, open.id), &mut table);
        }
        step("soviet::authorize", chain.authorize(&coop, open.id), &mut table);
        step("soviet::exec (+ accept, book)", chain.exec(&coop, person.name, open.id), &mut table);

        let proposer = &coop.members[0];
        let question = Freedecision {
            coopname: coop.name,
            proposer: proposer.name,
            statement: proposer.sign(&format!("Question {round}")),
            actions: vec![],
        };
        let proposed = chain.ok(p.soviet, &[proposer.name], &question);
        let id: u64 = proposed.return_value();
        free_decision.add(&chain, &proposed, &|a| if a == proposer.name.to_string() { "proposer" } else { role_of(a) });
        record(&mut table, "soviet::freedecision", &proposed);
        for voter in coop.council().into_iter().take(2) {
            let against = Voteagainst { coopname: coop.name, member: voter.name, decision_id: id };
            record(&mut table, "soviet::voteagainst", &chain.ok(p.soviet, &[voter.name], &against));
        }
        let close = Close { executer: proposer.name, coopname: coop.name, decision_id: id };
        record(&mut table, "soviet::close (declined)", &chain.ok(p.soviet, &[proposer.name], &close));

        let created = chain.ok(p.registrator, &[coop.name], &branch_of(&coop));
        branch.add(&chain, &created, &role_of);
        record(&mut table, "registrator::createbranch", &created);
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

    let per = |ram: &RamByPayer| RamByPayer { roles: ram.roles.iter().map(|(r, b)| (*r, b / rounds as i64)).collect() };
    let (participant, decision, free_decision, branch) =
        (per(&participant), per(&decision), per(&free_decision), per(&branch));
    println!("\nRAM of our tables (the RAM deltas of our contracts' actions, mean of {rounds} rounds), by payer,");
    println!("in a cooperative that already has members, open decisions and branches (the first row of a");
    println!("table in a scope also pays the chain's 112-byte table entry, freed with the last row)\n");
    println!("per accepted participant (newaccount … exec): {} B: {}", participant.total(), participant.describe());
    println!("per open decision (joincoop/withdraw):        {} B: {}", decision.total(), decision.describe());
    println!("per open free decision:                       {} B: {}", free_decision.total(), free_decision.describe());
    println!("per branch:                                   {} B: {}", branch.total(), branch.describe());
    if participant.total() > PARTICIPANT_RAM_BUDGET {
        println!("\nOVER BUDGET: an accepted participant takes more than {PARTICIPANT_RAM_BUDGET} B");
        return ExitCode::FAILURE;
    }
    println!("\nwithin budget: an accepted participant takes at most {PARTICIPANT_RAM_BUDGET} B of our tables");
    ExitCode::SUCCESS
}
