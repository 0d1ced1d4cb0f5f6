//! The benchmark's cooperatives: connected through the real flow, given the tokens, RAM and
//! stake a long run needs, and grown fast by importing members (`registrator::adduser`)
//! and opening free decisions in batches.
use crate::push::{dev, person, push, push_actions};
use antelope_client::keys::PrivateKey;
use antelope_test_harness::cooperative::{import_of, test_params, Person, TestCoop};
use antelope_test_harness::fixture::{unique_name, TestChain};
use coop_protocol::operator::{Connect, Request};
use coop_protocol::registrator::{AgreementKind, AgreementKinds, TYPE_INDIVIDUAL};
use coop_protocol::soviet::Freedecision;
use coop_runtime::action::level;
use coop_runtime::system::{BuyRamBytes, DelegateBw, TokenTransfer, ACTIVE, SYSTEM, TOKEN};
use coop_runtime::{ActionData, Document, Peers};
use coop_tools::boot::{action, core};
use eosio::{Asset, Name};

/// How many `adduser` actions go in one transaction (as `tests/ram_economy` does).
pub const IMPORTS_PER_TRANSACTION: usize = 10;
/// How many proposers' free decisions go in one transaction.
const PROPOSERS_PER_TRANSACTION: usize = 10;
/// Open free decisions one participant may have (`MAX_OPEN_FREE_DECISIONS`).
pub const FREE_DECISIONS_PER_PROPOSER: usize = coop_protocol::soviet::MAX_OPEN_FREE_DECISIONS as usize;
/// CPU and NET each account that signs thousands of transactions gets staked (by
/// `eosio`), so that no run is cut short by its account's CPU limit.
pub const HEAVY_STAKE: &str = "1000.0000";

/// A connected cooperative and what its registrations need to know.
pub struct BenchCoop {
    pub coop: TestCoop,
    /// The cooperative's account with its key, as a signer.
    pub signer: Person,
    /// The agreements every applicant signs.
    pub kinds: Vec<AgreementKind>,
    /// The registration payment of an individual.
    pub fee: Asset,
    /// Its participants (founders, imported members, accepted applicants), as far as the
    /// benchmark counts them.
    pub members: usize,
    /// Its open decisions, as far as the benchmark counts them.
    pub open_decisions: usize,
    /// Imported members who can still propose free decisions, with how many they have open.
    proposers: Vec<(Person, usize)>,
}

impl BenchCoop {
    /// Connects a new cooperative of `provider` (a chairman and two council members), gives
    /// it `tokens` core tokens and `ram_bytes` more RAM, and stakes [`HEAVY_STAKE`] to it and
    /// its council.
    pub fn connect(chain: &TestChain, provider: Name, tokens: &str, ram_bytes: u32) -> BenchCoop {
        let (request, coop) = coop_request(&chain.peers, provider);
        let request_id: u64 = push(chain, chain.peers.operator, &[&dev(provider)], &request).return_value();
        push(chain, chain.peers.operator, &[&dev(chain.peers.operator)], &Connect { request_id });
        let coop = TestCoop { request_id, ..coop };
        let signer = Person { name: coop.name, key: coop.key.clone() };
        let transfer = TokenTransfer { from: SYSTEM, to: coop.name, quantity: core(tokens), memo: "bench".into() };
        push(chain, TOKEN, &[&dev(SYSTEM)], &transfer);
        if ram_bytes > 0 {
            let buy = BuyRamBytes { payer: coop.name, receiver: coop.name, bytes: ram_bytes };
            push(chain, SYSTEM, &[&signer], &buy);
        }
        let mut signers = vec![coop.name];
        signers.extend(coop.council().iter().map(|p| p.name));
        stake(chain, &signers, HEAVY_STAKE);
        let kinds = chain.rows::<AgreementKinds>(chain.peers.registrator, coop.name);
        let fee = chain.registration_fee(&coop, TYPE_INDIVIDUAL);
        let members = coop.council().len();
        BenchCoop { coop, signer, kinds, fee, members, open_decisions: 0, proposers: Vec::new() }
    }

    /// The cooperative's account.
    pub fn name(&self) -> Name {
        self.coop.name
    }

    /// Imports `count` new members (`adduser`, [`IMPORTS_PER_TRANSACTION`] a transaction,
    /// signed by the cooperative); calls `step` after each transaction with how many were
    /// imported so far.
    pub fn import(&mut self, chain: &TestChain, count: usize, step: &mut dyn FnMut(usize)) -> Vec<Person> {
        let mut imported = Vec::with_capacity(count);
        while imported.len() < count {
            let batch: Vec<Person> =
                (0..IMPORTS_PER_TRANSACTION.min(count - imported.len())).map(|_| person("member")).collect();
            let actions = batch
                .iter()
                .map(|person| {
                    import_of(&self.coop, person).to_action(chain.peers.registrator, &[level(self.name(), ACTIVE)])
                })
                .collect();
            push_actions(chain, actions, &[&self.signer])
                .unwrap_or_else(|e| panic!("importing members into {}: {e}", self.name()));
            self.members += batch.len();
            self.proposers.extend(batch.iter().map(|p| (p.clone(), 0)));
            imported.extend(batch);
            step(imported.len());
        }
        imported
    }

    /// Opens `count` free decisions (no actions), proposed by imported members, each up to
    /// its limit of open free decisions; [`PROPOSERS_PER_TRANSACTION`] proposers a
    /// transaction. Calls `step` with how many were opened so far. Panics when the imported
    /// members cannot propose that many.
    pub fn open_free_decisions(&mut self, chain: &TestChain, count: usize, step: &mut dyn FnMut(usize)) {
        let mut opened = 0;
        while opened < count {
            let mut actions = Vec::new();
            let mut signers: Vec<&Person> = Vec::new();
            for (person, open) in self.proposers.iter_mut().filter(|(_, open)| *open < FREE_DECISIONS_PER_PROPOSER) {
                let person: &Person = person;
                if signers.len() == PROPOSERS_PER_TRANSACTION || opened + actions.len() == count {
                    break;
                }
                signers.push(person);
                let question = free_question(&chain.peers, self.coop.name, person);
                while *open < FREE_DECISIONS_PER_PROPOSER && opened + actions.len() < count {
                    actions.push(question.to_action(chain.peers.soviet, &[level(person.name, ACTIVE)]));
                    *open += 1;
                }
            }
            assert!(!actions.is_empty(), "{}: too few imported members to open {count} free decisions", self.name());
            let batch = actions.len();
            push_actions(chain, actions, &signers)
                .unwrap_or_else(|e| panic!("opening free decisions in {}: {e}", self.name()));
            opened += batch;
            self.open_decisions += batch;
            step(opened);
        }
    }
}

/// Core tokens one member's account costs its cooperative (RAM, NET and CPU, the
/// registrator's defaults on the benchmark's node).
const TOKENS_PER_MEMBER: f64 = 0.3;
/// Core tokens per byte of RAM, with room to spare (about 1.5e-5 on a fresh chain).
const TOKENS_PER_RAM_BYTE: f64 = 3e-5;

/// What a cooperative needs for `members` new members' accounts and `ram_bytes` of RAM,
/// with 100 to spare, as an amount of the core token (`"123.4000"`).
pub fn funds(members: usize, ram_bytes: u32) -> String {
    format!("{:.4}", members as f64 * TOKENS_PER_MEMBER + f64::from(ram_bytes) * TOKENS_PER_RAM_BYTE + 100.0)
}

/// Stakes `amount` of CPU and of NET from `eosio` to each of `accounts` (eosio keeps the
/// tokens), one transaction.
pub fn stake(chain: &TestChain, accounts: &[Name], amount: &str) {
    let actions = accounts
        .iter()
        .map(|receiver| {
            let data = DelegateBw {
                from: SYSTEM,
                receiver: *receiver,
                stake_net_quantity: core(amount),
                stake_cpu_quantity: core(amount),
                transfer: false,
            };
            action(SYSTEM, SYSTEM, &data)
        })
        .collect();
    push_actions(chain, actions, &[&dev(SYSTEM)]).unwrap_or_else(|e| panic!("staking to {accounts:?}: {e}"));
}

/// A connection request by `provider` for a new cooperative with a chairman and two
/// council members, and the cooperative it will be (request id still 0).
pub fn coop_request(peers: &Peers, provider: Name) -> (Request, TestCoop) {
    let key = PrivateKey::generate();
    let chairman = person("chair");
    let members = vec![person("board"), person("board")];
    let request = Request {
        provider,
        coopname: unique_name("coop"),
        coop_key: key.public_key(),
        params: test_params(),
        chairman: chairman.founder(),
        members: members.iter().map(Person::founder).collect(),
        statement: Document::default(),
    };
    let request = chairman.signs(peers, "Application to connect the cooperative", request);
    let coop = TestCoop { name: request.coopname, key, provider, chairman, members, request_id: 0 };
    (request, coop)
}

/// A free decision without actions by `proposer`.
pub fn free_question(peers: &Peers, coopname: Name, proposer: &Person) -> Freedecision {
    let question = Freedecision { coopname, proposer: proposer.name, statement: Document::default(), actions: vec![] };
    proposer.signs(peers, &format!("A question from {} to the council", proposer.name), question)
}
