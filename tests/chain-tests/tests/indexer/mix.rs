//! The flows the ledger's random sequences do not go through, mixed from a seed on a
//! fresh cooperative: branches created, chosen, changed and deleted, imported members,
//! free decisions carrying governance actions (new fees, a branch, a larger council, a
//! decision lifetime) that are executed, declined by votes, or left open with a cancelled
//! vote, a registration the council declines (its payment refunded), an application
//! withdrawn, and decisions that expire and are closed.
use crate::ledger_chain::rng::Rng;
use antelope_test_harness::cooperative::{council_action, import_of, rub, Person, TestCoop};
use antelope_test_harness::fixture::TestChain;
use coop_protocol::registrator::{Cancelapp, Createbranch, Deletebranch, Selectbranch, Setfees};
use coop_protocol::soviet::{
    BoardMember, Cancelvote, Close, CouncilAction, Freedecision, Setttl, Updateboard, VoteResult, Voteagainst,
    POSITION_CHAIRMAN, POSITION_MEMBER,
};
use coop_protocol::wallet::Payrefund;
use coop_runtime::ActionData;
use eosio::Name;
use std::collections::BTreeMap;

/// What the mix did, by kind of step.
pub type Counts = BTreeMap<String, usize>;

struct Mix<'a> {
    chain: &'a TestChain,
    coop: TestCoop,
    council: Vec<Person>,
    members: Vec<(Person, Name)>,
    branches: Vec<Name>,
    rng: Rng,
    counts: Counts,
}

/// The kinds of step: each is taken once, then `rounds` more at random.
const KINDS: u64 = 8;

/// Runs every kind of step once, then `rounds` seeded ones, on a new cooperative; returns
/// what it did.
pub fn run(chain: &TestChain, seed: u64, rounds: usize) -> Counts {
    let coop = chain.new_cooperative();
    let council: Vec<Person> = coop.council().into_iter().cloned().collect();
    let mut mix = Mix {
        chain,
        coop,
        council,
        members: Vec::new(),
        branches: Vec::new(),
        rng: Rng::new(seed),
        counts: Counts::new(),
    };
    for _ in 0..3 {
        mix.create_branch();
    }
    for _ in 0..2 {
        let branch = *mix.rng.pick(&mix.branches);
        let person = chain.admit(&mix.coop, "mix", branch);
        mix.members.push((person, branch));
        mix.count("registration with a branch");
    }
    mix.import();
    for round in 0..KINDS + rounds as u64 {
        match if round < KINDS { round } else { mix.rng.below(KINDS) } {
            0 => mix.select_branch(),
            1 => mix.import(),
            2 => mix.declined_registration(),
            3 => mix.withdrawn_application(),
            4 => mix.decision_declined(),
            5 => mix.decision_left_open(),
            6 => mix.create_and_delete_branch(),
            _ => mix.decision_executed(),
        }
    }
    mix.expired_decisions();
    mix.counts
}

impl Mix<'_> {
    fn count(&mut self, what: &str) {
        *self.counts.entry(what.to_string()).or_default() += 1;
    }

    fn create_branch(&mut self) -> Name {
        let braname = self.chain.unique_name("branch");
        let data = Createbranch {
            coopname: self.coop.name,
            braname,
            trustee: self.coop.chairman.name,
            title: format!("Branch {}", self.branches.len() + 1),
        };
        self.chain.ok(self.chain.peers.registrator, &[self.coop.name], &data);
        self.branches.push(braname);
        self.count("branch created");
        braname
    }

    fn create_and_delete_branch(&mut self) {
        let braname = self.create_branch();
        let data = Deletebranch { coopname: self.coop.name, braname };
        self.chain.ok(self.chain.peers.registrator, &[self.coop.name], &data);
        self.branches.retain(|b| *b != braname);
        self.count("branch deleted");
    }

    fn select_branch(&mut self) {
        let p = self.chain.peers;
        let i = self.rng.index(self.members.len());
        let (person, current) = self.members[i].clone();
        let others: Vec<Name> = self.branches.iter().copied().filter(|b| *b != current).collect();
        let braname = *self.rng.pick(&others);
        let data =
            Selectbranch { coopname: self.coop.name, username: person.name, braname, statement: Default::default() };
        let data = person.signs(&p, &format!("{} moves to branch {braname}", person.name), data);
        self.chain.ok(p.registrator, &[person.name], &data);
        self.members[i].1 = braname;
        self.count("branch changed");
    }

    fn import(&mut self) {
        let person = Person::new(self.chain, "import");
        let braname = *self.rng.pick(&self.branches);
        let data = coop_protocol::registrator::Adduser { braname, ..import_of(&self.coop, &person) };
        self.chain.ok(self.chain.peers.registrator, &[self.coop.name], &data);
        self.members.push((person, braname));
        self.count("member imported");
    }

    fn declined_registration(&mut self) {
        let (chain, coop) = (self.chain, &self.coop.clone());
        let (person, _) = chain.new_member_account(coop, "decl", "individual");
        chain.apply(coop, &person, *self.rng.pick(&self.branches));
        let fee = chain.registration_fee(coop, coop_protocol::registrator::TYPE_INDIVIDUAL);
        let (deposit_id, _) = chain.pay_registration(coop, &person, fee);
        // Confirmed and refunded by the provider's software (`operator::act` forwards them):
        // the history has them as inline actions of the operator.
        let confirm = coop_protocol::wallet::Confirm { coopname: coop.name, deposit_id, memo: "paid".into() };
        chain.provider_act(coop, chain.peers.wallet, &confirm).expect("the provider confirms");
        let decision = chain.decision_about(coop, "joincoop", person.name).expect("on the agenda");
        self.vote_down(decision.id);
        let data = Payrefund { coopname: coop.name, deposit_id, memo: "refunded by bank transfer".into() };
        chain.provider_act(coop, chain.peers.wallet, &data).expect("the provider refunds");
        self.count("registration declined and refunded");
    }

    fn withdrawn_application(&mut self) {
        let (chain, coop) = (self.chain, &self.coop);
        let (person, _) = chain.new_member_account(coop, "gone", "individual");
        chain.apply(coop, &person, *self.rng.pick(&self.branches));
        let data = Cancelapp { coopname: coop.name, username: person.name };
        chain.ok(chain.peers.registrator, &[person.name], &data);
        self.count("application withdrawn");
    }

    /// Votes against until the decision is declined (sealed by the vote that makes approval
    /// impossible).
    fn vote_down(&mut self, decision_id: u64) {
        for voter in self.council.clone() {
            let data = Voteagainst { coopname: self.coop.name, member: voter.name, decision_id };
            let tally: VoteResult = self.chain.ok(self.chain.peers.soviet, &[voter.name], &data).return_value();
            if tally.outcome == coop_runtime::n("declined") {
                return;
            }
        }
        panic!("decision {decision_id} was not declined by the whole council");
    }

    /// A governance action for a free decision, chosen from the seed.
    fn governance_action(&mut self) -> (&'static str, CouncilAction) {
        let p = self.chain.peers;
        let coopname = self.coop.name;
        match self.rng.below(3) {
            0 => {
                let initial = rub(&format!("{}.0000", self.rng.range(50, 200)));
                let minimum = rub(&format!("{}.0000", self.rng.range(100, 500)));
                let org = (rub("1000.0000"), rub("3000.0000"));
                let fees = Setfees { coopname, initial, minimum, org_initial: org.0, org_minimum: org.1 };
                ("new fees", council_action(p.registrator, &fees))
            }
            1 => {
                let braname = self.chain.unique_name("branch");
                let data =
                    Createbranch { coopname, braname, trustee: self.coop.chairman.name, title: "By decision".into() };
                self.branches.push(braname);
                ("a branch", council_action(p.registrator, &data))
            }
            _ => {
                let seconds = self.rng.range(3600, 90 * 86_400) as u32;
                ("a decision lifetime", council_action(p.soviet, &Setttl { coopname, seconds }))
            }
        }
    }

    /// A free decision by a random participant of the council carrying `actions`; its id.
    fn propose(&mut self, actions: Vec<CouncilAction>) -> (u64, Person) {
        let p = self.chain.peers;
        let proposer = self.council[self.rng.index(self.council.len())].clone();
        let data =
            Freedecision { coopname: self.coop.name, proposer: proposer.name, statement: Default::default(), actions };
        let data = proposer.signs(&p, &format!("A proposal of {}", proposer.name), data);
        (self.chain.ok(p.soviet, &[proposer.name], &data).return_value(), proposer)
    }

    fn approve(&mut self, id: u64) {
        for voter in self.council.clone() {
            let tally: VoteResult = self.chain.vote_for(&self.coop, &voter, id).return_value();
            if tally.outcome == coop_runtime::n("approved") {
                break;
            }
        }
        self.chain.authorize(&self.coop, id);
        self.chain.exec(&self.coop, self.coop.chairman.name, id);
    }

    fn decision_executed(&mut self) {
        // Now and then the council grows by a member (a larger council changes every tally).
        if self.council.len() == 3 || (self.council.len() < 5 && self.rng.percent(30)) {
            let newcomer =
                self.members.iter().map(|(p, _)| p.clone()).find(|p| !self.council.iter().any(|c| c.name == p.name));
            if let Some(newcomer) = newcomer {
                let mut council = self.council.clone();
                council.push(newcomer);
                let members: Vec<BoardMember> = council
                    .iter()
                    .map(|c| {
                        let position =
                            if c.name == self.coop.chairman.name { POSITION_CHAIRMAN } else { POSITION_MEMBER };
                        BoardMember::voting(c.name, position)
                    })
                    .collect();
                let update = Updateboard { coopname: self.coop.name, members };
                let (id, _) = self.propose(vec![council_action(self.chain.peers.soviet, &update)]);
                self.approve(id);
                self.council = council;
                self.count("decision executed: a larger council");
                return;
            }
        }
        let (what, action) = self.governance_action();
        let (id, _) = self.propose(vec![action]);
        self.approve(id);
        self.count(&format!("decision executed: {what}"));
    }

    fn decision_declined(&mut self) {
        let (_, action) = self.governance_action();
        if action.name == <Createbranch as ActionData>::NAME {
            self.branches.pop();
        }
        let (id, _) = self.propose(vec![action]);
        self.vote_down(id);
        self.count("decision declined by votes");
    }

    fn decision_left_open(&mut self) {
        // Each open free decision holds its proposer's RAM (and at most 3 per proposer).
        if self.counts.get("decision left open, a vote cancelled and cast again").is_some_and(|n| *n >= 2) {
            return self.decision_executed();
        }
        let (id, _) = self.propose(Vec::new());
        let voter = self.council[self.rng.index(self.council.len())].clone();
        self.chain.vote_for(&self.coop, &voter, id);
        let data = Cancelvote { coopname: self.coop.name, member: voter.name, decision_id: id };
        self.chain.ok(self.chain.peers.soviet, &[voter.name], &data);
        self.chain.vote_for(&self.coop, &voter, id);
        self.count("decision left open, a vote cancelled and cast again");
    }

    /// The council sets a lifetime of 2 s; a free decision and a member's application then
    /// expire and are closed (the application's payment is refunded).
    fn expired_decisions(&mut self) {
        let (chain, coopname) = (self.chain, self.coop.name);
        let (id, _) = self.propose(vec![council_action(chain.peers.soviet, &Setttl { coopname, seconds: 2 })]);
        self.approve(id);
        let (free, _) = self.propose(Vec::new());
        let (person, _) = chain.new_member_account(&self.coop, "late", "individual");
        chain.apply(&self.coop, &person, *self.rng.pick(&self.branches));
        let fee = chain.registration_fee(&self.coop, coop_protocol::registrator::TYPE_INDIVIDUAL);
        let (deposit_id, _) = chain.pay_registration(&self.coop, &person, fee);
        chain.confirm_deposit(&self.coop, deposit_id);
        let joining = chain.decision_about(&self.coop, "joincoop", person.name).expect("on the agenda").id;
        std::thread::sleep(std::time::Duration::from_secs(3));
        for decision_id in [free, joining] {
            let data = Close { executer: self.coop.chairman.name, coopname, decision_id };
            let reason: Name = chain.ok(chain.peers.soviet, &[self.coop.chairman.name], &data).return_value();
            assert_eq!(reason, coop_runtime::n("expired"));
            self.count("decision expired and closed");
        }
    }
}
