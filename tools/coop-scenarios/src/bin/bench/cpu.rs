//! CPU per action: every main action and the references, round-robin — each round runs
//! one of each, so the machine's drift hits all of them alike. The registrations of the
//! rounds also give the RAM per participant, decision and branch.
use crate::actions::Measurements;
use crate::coops::{coop_request, free_question, funds, BenchCoop};
use crate::progress::Progress;
use crate::push::{dev, person, push};
use crate::ram::{RamTally, Roles};
use crate::reference::References;
use crate::registration::{authorize, exec, proposed_decision, register, vote_for, Votes};
use antelope_client::client::PushOutcome;
use antelope_test_harness::cooperative::{rub, Person};
use antelope_test_harness::fixture::{unique_name, TestChain};
use coop_protocol::operator::Connect;
use coop_protocol::registrator::{Createbranch, Deletebranch};
use coop_protocol::soviet::{Close, Setttl};
use coop_protocol::wallet::{Confirm, Deposit, Payout, Withdraw, KIND_SHARE};
use coop_runtime::system::{BuyRamBytes, SYSTEM};
use eosio::Name;
use std::collections::VecDeque;
use std::time::{Duration, Instant};

/// Free decisions of the governance cooperative expire after this many seconds.
const FREE_DECISION_TTL: u32 = 1;
/// A free decision is closed this long after it was proposed: expired by then.
const CLOSE_AFTER: Duration = Duration::from_millis(2500);
/// Free decisions proposed before the rounds, so that each round closes an expired one.
const FREE_DECISIONS_AHEAD: usize = 12;
/// Participants of the governance cooperative who propose, in turn: more than
/// `FREE_DECISIONS_AHEAD / 2`, so each proposer's decisions are closed before its next turn.
const PROPOSERS: usize = 8;
/// RAM the operator is given for the cooperatives the rounds connect.
const OPERATOR_EXTRA_RAM: u32 = 8 * 1024 * 1024;
/// RAM the provider is given for its connection requests (kept as connection records).
const PROVIDER_EXTRA_RAM: u32 = 2 * 1024 * 1024;

/// What the rounds act on.
struct World<'a> {
    refs: &'a References,
    provider: Name,
    /// Registrations, branches and the share member's deposits and withdrawals.
    main: BenchCoop,
    /// An imported member who deposits and withdraws each round.
    saver: Person,
    /// Free decisions (1-second lifetime) and their closing.
    governance: BenchCoop,
    proposers: Vec<(Person, usize)>,
    /// Free decisions proposed so far (whose turn it is).
    proposals: usize,
    /// Open free decisions of the governance cooperative: id, proposer index, when.
    ahead: VecDeque<(u64, usize, Instant)>,
}

/// Runs `rounds` rounds. Returns the samples and the RAM tally.
pub fn run(chain: &TestChain, refs: &References, provider: Name, rounds: usize) -> (Measurements, RamTally) {
    let mut world = World::set_up(chain, refs, provider, rounds);
    let mut measured = Measurements::default();
    let mut ram = RamTally::default();
    let mut progress = Progress::new("CPU rounds", rounds);
    for round in 0..rounds {
        world.round(chain, round, &mut measured, &mut ram);
        progress.step();
    }
    progress.finish();
    (measured, ram)
}

impl<'a> World<'a> {
    fn set_up(chain: &TestChain, refs: &'a References, provider: Name, rounds: usize) -> World<'a> {
        let p = chain.peers;
        let bytes = OPERATOR_EXTRA_RAM;
        push(chain, SYSTEM, &[&dev(SYSTEM)], &BuyRamBytes { payer: SYSTEM, receiver: p.operator, bytes });
        let bytes = PROVIDER_EXTRA_RAM;
        push(chain, SYSTEM, &[&dev(SYSTEM)], &BuyRamBytes { payer: SYSTEM, receiver: provider, bytes });

        // Each round registers a member and briefly holds a decision, a deposit and a branch.
        let ram = 256 * 1024 + u32::try_from(rounds).unwrap_or(u32::MAX).saturating_mul(2048);
        let mut main = BenchCoop::connect(chain, provider, &funds(rounds + 2, ram), ram);
        let saver = main.import(chain, 1, &mut |_| {}).remove(0);
        // Scopes that stay: a branch, an open decision, a first registration; so what a
        // round measures is what every further branch, decision and participant costs.
        push(chain, p.registrator, &[&main.signer], &branch(&main));
        let standing = &main.coop.members[1];
        push(chain, p.soviet, &[standing], &free_question(&p, main.name(), standing));
        let first = person("first");
        register(chain, &main, &first, Votes::Majority, &mut |_, _| {});

        let mut governance = BenchCoop::connect(chain, provider, "50.0000", 256 * 1024);
        let coopname = governance.name();
        push(chain, p.soviet, &[&governance.signer], &Setttl { coopname, seconds: FREE_DECISION_TTL });
        let proposers = governance.import(chain, PROPOSERS, &mut |_| {}).into_iter().map(|p| (p, 0)).collect();
        let mut world =
            World { refs, provider, main, saver, governance, proposers, proposals: 0, ahead: VecDeque::new() };
        for _ in 0..FREE_DECISIONS_AHEAD {
            world.propose(chain);
        }
        world
    }

    /// One of each.
    fn round(&mut self, chain: &TestChain, round: usize, m: &mut Measurements, ram: &mut RamTally) {
        let p = chain.peers;
        m.record("eosio.token::transfer", &self.refs.transfer(chain, round));
        m.record("eosio.msig::approve", &self.refs.approve(chain));
        m.record("eosio.msig::unapprove", &self.refs.unapprove(chain));
        m.record("eosio.token::open", &self.refs.open(chain));
        m.record("floor::noop", &self.refs.floor(chain, round));

        let (request, _) = coop_request(&p, self.provider);
        let outcome = push(chain, p.operator, &[&dev(self.provider)], &request);
        let request_id: u64 = outcome.return_value();
        m.record("operator::request", &outcome);
        m.record("operator::connect", &push(chain, p.operator, &[&dev(p.operator)], &Connect { request_id }));

        // A registration, every kind of vote.
        let person = person("bench");
        let roles = self.roles(&person);
        register(chain, &self.main, &person, Votes::EveryKind, &mut |name, outcome| {
            ram.participant.add(chain, &outcome, &roles);
            if name == "wallet::confirm" {
                ram.decision.add(chain, &outcome, &roles);
            }
            m.record(name, &outcome);
        });
        ram.participant.item_done();
        ram.decision.item_done();

        self.share_cycle(chain, round, m);

        // A free decision, and the close of one that expired.
        let (outcome, first) = self.propose(chain);
        let proposer = self.proposers[self.ahead.back().map_or(0, |a| a.1)].0.name.to_string();
        let mut roles = self.governance_roles();
        roles.push((proposer, "proposer"));
        let tally = if first { &mut ram.first_free_decision } else { &mut ram.further_free_decision };
        tally.add(chain, &outcome, &roles);
        tally.item_done();
        m.record("soviet::freedecision", &outcome);
        let (decision_id, proposer, at) = self.ahead.pop_front().expect("decisions proposed ahead");
        std::thread::sleep(CLOSE_AFTER.saturating_sub(at.elapsed()));
        let executer = &self.governance.coop.chairman;
        let close = Close { executer: executer.name, coopname: self.governance.name(), decision_id };
        m.record("soviet::close (expired)", &push(chain, p.soviet, &[executer], &close));
        self.proposers[proposer].1 -= 1;

        // A branch, created and deleted (the standing one keeps the cooperative unbranched).
        let created = branch(&self.main);
        let braname = created.braname;
        let outcome = push(chain, p.registrator, &[&self.main.signer], &created);
        ram.branch.add(chain, &outcome, &self.roles(&person));
        ram.branch.item_done();
        m.record("registrator::createbranch", &outcome);
        let delete = Deletebranch { coopname: self.main.name(), braname };
        m.record("registrator::deletebranch", &push(chain, p.registrator, &[&self.main.signer], &delete));
    }

    /// The saver's share contribution, its withdrawal through the council, the payout.
    fn share_cycle(&self, chain: &TestChain, round: usize, m: &mut Measurements) {
        let p = chain.peers;
        let (coop, saver) = (&self.main.coop, &self.saver);
        let quantity = rub("10.0000");
        let deposit =
            Deposit { coopname: coop.name, username: saver.name, kind: KIND_SHARE, quantity, memo: String::new() };
        let outcome = push(chain, p.wallet, &[saver], &deposit);
        let deposit_id: u64 = outcome.return_value();
        m.record("wallet::deposit (share)", &outcome);
        let confirm = Confirm { coopname: coop.name, deposit_id, memo: String::new() };
        m.record("wallet::confirm (share)", &push(chain, p.wallet, &[&self.main.signer], &confirm));
        let withdraw = Withdraw { coopname: coop.name, username: saver.name, quantity, statement: Default::default() };
        let withdraw = saver.signs(&p, &format!("I ask to withdraw 10.0000 RUB (round {round})"), withdraw);
        let outcome = push(chain, p.wallet, &[saver], &withdraw);
        let withdraw_id: u64 = outcome.return_value();
        let decision_id = proposed_decision(chain, &outcome);
        m.record("wallet::withdraw", &outcome);
        for voter in coop.council().into_iter().take(2) {
            vote_for(chain, coop, voter, decision_id);
        }
        authorize(chain, coop, decision_id);
        m.record("soviet::exec (withdraw)", &exec(chain, coop, saver, decision_id));
        let payout = Payout { coopname: coop.name, withdraw_id, memo: String::new() };
        m.record("wallet::payout", &push(chain, p.wallet, &[&self.main.signer], &payout));
    }

    /// A free decision in the governance cooperative; returns the outcome and whether it
    /// was its proposer's only open one. Proposers take turns two decisions at a time, and
    /// both are closed before their next turn, so first and further decisions alternate.
    fn propose(&mut self, chain: &TestChain) -> (PushOutcome, bool) {
        let index = self.proposals / 2 % self.proposers.len();
        self.proposals += 1;
        let (person, open) = &mut self.proposers[index];
        assert!(*open < crate::coops::FREE_DECISIONS_PER_PROPOSER, "{} has too many open decisions", person.name);
        let question = free_question(&chain.peers, self.governance.name(), person);
        let outcome = push(chain, chain.peers.soviet, &[person], &question);
        let first = *open == 0;
        *open += 1;
        self.ahead.push_back((outcome.return_value(), index, Instant::now()));
        (outcome, first)
    }

    /// Payer roles in the main cooperative, `person` being the one registering.
    fn roles(&self, person: &Person) -> Roles {
        let mut roles: Roles = vec![(self.main.name().to_string(), "cooperative"), (person.name.to_string(), "person")];
        roles.extend(self.main.coop.council().iter().map(|m| (m.name.to_string(), "council member")));
        roles
    }

    fn governance_roles(&self) -> Roles {
        vec![(self.governance.name().to_string(), "cooperative")]
    }
}

/// A new branch of `coop` led by its chairman.
fn branch(coop: &BenchCoop) -> Createbranch {
    Createbranch {
        coopname: coop.name(),
        braname: unique_name("branch"),
        trustee: coop.coop.chairman.name,
        title: "Branch".into(),
    }
}
