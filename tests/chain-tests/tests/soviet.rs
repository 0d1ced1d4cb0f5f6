//! The soviet contract on a real node: councils, the decision cycle, votes.
//!
//! Each test builds its own cooperative (registered with the registrator by the operator,
//! its founders accepted individual participants), so tests run in parallel on the one
//! node of this binary. The council's own rules are host-tested in `coop-protocol`
//! (`soviet::tally`, `soviet::Board`, `soviet::Decision`) and in `contracts/soviet/tests`.
#[path = "soviet/agenda.rs"]
mod agenda;
#[path = "soviet/authorize.rs"]
mod authorize;
#[path = "soviet/boards.rs"]
mod boards;
#[path = "soviet/outcome.rs"]
mod outcome;
#[path = "soviet/queries.rs"]
mod queries;
#[path = "soviet/votes.rs"]
mod votes;

use antelope_test_harness::client::{ChainError, PushOutcome};
use antelope_test_harness::cooperative::{sha256, test_params, Person};
use antelope_test_harness::fixture::TestChain;
use coop_protocol::consent::{Consent, Consented};
use coop_protocol::permissions::CONTRACTS_PERMISSION;
use coop_protocol::registrator::{Acceptjoin, Regcoop};
use coop_protocol::soviet::*;
use coop_protocol::wallet::Addmember;
use coop_runtime::action::level;
use coop_runtime::system::{Authority, LinkAuth, UpdateAuth, ACTIVE, EOSIO_CODE, SYSTEM};
use coop_runtime::{ActionData, Document};
use eosio::{Checksum256, Name};
use std::sync::atomic::{AtomicU64, Ordering};

/// The chain of this test binary.
pub fn chain() -> &'static TestChain {
    TestChain::shared()
}

/// The soviet contract's account.
pub fn soviet() -> Name {
    chain().peers.soviet
}

/// A cooperative registered with the registrator (no council yet) and its founders, all
/// accepted individual participants. The cooperative's key is in the keyring.
pub struct Registered {
    pub coop: Name,
    pub founders: Vec<Person>,
}

/// Creates accounts for a new cooperative and `founders` people, and registers it
/// (`registrator::regcoop`, signed by the operator).
pub fn registered(founders: usize) -> Registered {
    let chain = chain();
    let coop = chain.unique_name("coop");
    chain.create_account(coop, chain.new_key().public_key(), None);
    let founders: Vec<Person> = (0..founders).map(|_| account(chain, "fndr")).collect();
    chain.ok(
        chain.peers.registrator,
        &[chain.peers.operator],
        &Regcoop { coopname: coop, params: test_params(), founders: founders.iter().map(|f| f.name).collect() },
    );
    Registered { coop, founders }
}

/// A person with an account whose active key is theirs (in the keyring).
pub fn account(chain: &TestChain, prefix: &str) -> Person {
    let person = Person::new(chain, prefix);
    chain.create_account(person.name, person.key.public_key(), None);
    person
}

/// A cooperative with a council (created by the operator with `createboard`).
pub struct Council {
    pub coop: Name,
    pub chairman: Person,
    /// The other voting members.
    pub members: Vec<Person>,
    /// Accepted participants who are not on the council.
    pub others: Vec<Person>,
}

impl Council {
    /// A council of a chairman and `members` voting members, and `others` participants
    /// who are not on it.
    pub fn new(members: usize, others: usize) -> Council {
        let chain = chain();
        let Registered { coop, mut founders } = registered(1 + members + others);
        let others = founders.split_off(1 + members);
        let members = founders.split_off(1);
        let chairman = founders.remove(0);
        chain.ok(
            soviet(),
            &[chain.peers.operator],
            &Createboard { coopname: coop, chairman: chairman.name, members: members.iter().map(|m| m.name).collect() },
        );
        Council { coop, chairman, members, others }
    }

    /// The chairman and the members.
    pub fn voters(&self) -> Vec<&Person> {
        std::iter::once(&self.chairman).chain(&self.members).collect()
    }

    /// A `free` decision proposed by the chairman; returns its id.
    pub fn free_decision(&self) -> u64 {
        self.free_decision_by(&self.chairman).return_value()
    }

    /// `proposer` (a participant) puts a `free` question to the council; the decision id
    /// is the outcome's return value.
    pub fn free_decision_by(&self, proposer: &Person) -> PushOutcome {
        let question = Freedecision {
            coopname: self.coop,
            proposer: proposer.name,
            statement: Document::default(),
            actions: vec![],
        };
        chain().ok(soviet(), &[proposer.name], &signed(proposer, "question", question))
    }

    /// `member` votes for decision `id`.
    pub fn vote_for(&self, member: &Person, id: u64) -> PushOutcome {
        chain().ok(soviet(), &[member.name], &Votefor { coopname: self.coop, member: member.name, decision_id: id })
    }

    /// `member` votes against decision `id`.
    pub fn vote_against(&self, member: &Person, id: u64) -> PushOutcome {
        chain().ok(soviet(), &[member.name], &Voteagainst { coopname: self.coop, member: member.name, decision_id: id })
    }

    /// The smallest majority of the council votes for decision `id`.
    pub fn approve(&self, id: u64) {
        let voters = self.voters();
        for member in &voters[..voters.len() / 2 + 1] {
            self.vote_for(member, id);
        }
    }

    /// The chairman's `authorize` of decision `id` (which carries no actions) with a fresh
    /// document signed for it.
    pub fn authorization(&self, id: u64) -> Authorize {
        self.authorization_signed_by(&self.chairman, id)
    }

    /// The chairman's `authorize` of decision `id`, its document signed by `signer`'s key
    /// for that authorisation.
    pub fn authorization_signed_by(&self, signer: &Person, id: u64) -> Authorize {
        let data = Authorize {
            coopname: self.coop,
            chairman: self.chairman.name,
            decision_id: id,
            document: Document::default(),
        };
        let consent = data.consent(soviet(), &[], sha256);
        Authorize { document: document(signer, "decision", &consent), ..data }
    }

    /// A decision approved by the council and authorized by the chairman.
    pub fn authorized_decision(&self) -> u64 {
        let id = self.free_decision();
        self.approve(id);
        chain().ok(soviet(), &[self.chairman.name], &self.authorization(id));
        id
    }

    /// Decision `id` of this cooperative.
    pub fn decision(&self, id: u64) -> Decision {
        self.find_decision(id).expect("the decision exists")
    }

    /// Decision `id` of this cooperative, if it is still on the agenda (`exec` and `close`
    /// erase it).
    pub fn find_decision(&self, id: u64) -> Option<Decision> {
        chain().row::<Decisions>(soviet(), self.coop, id)
    }

    /// How many free decisions `proposer` has open here (`None` when they have none: the
    /// `proposers` row is erased with their last open one).
    pub fn open_free_decisions(&self, proposer: Name) -> Option<u32> {
        chain().row::<Proposers>(soviet(), self.coop, proposer.as_u64()).map(|row| row.open_free)
    }

    /// The council's row.
    pub fn board(&self) -> Board {
        chain().row::<Boards>(soviet(), soviet(), self.coop.as_u64()).expect("the council exists")
    }

    /// Sets the lifetime of new decisions (signed by the cooperative).
    pub fn set_ttl(&self, seconds: u32) {
        chain().ok(soviet(), &[self.coop], &Setttl { coopname: self.coop, seconds });
    }

    /// A `free` decision that has expired (the lifetime is set to 1 second first).
    pub fn expired_decision(&self) -> u64 {
        self.set_ttl(1);
        let id = self.free_decision();
        wait_seconds(2);
        id
    }
}

/// `text` made unique, so that equal actions in one block stay distinct transactions.
pub fn unique(text: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    format!("{text} #{}", COUNTER.fetch_add(1, Ordering::Relaxed))
}

/// A document (unique `text`) signed by `person`'s key for `consent`.
pub fn document(person: &Person, text: &str, consent: &Consent) -> Document {
    person.sign_for(&unique(text), consent)
}

/// `action` with its document (unique `text`) signed by `person`'s key for the action.
pub fn signed<A: Consented>(person: &Person, text: &str, action: A) -> A {
    person.signs(&chain().peers, &unique(text), action)
}

/// The hash of a statement another contract keeps (its `propose` carries only the hash).
pub fn statement_hash(text: &str) -> Checksum256 {
    Checksum256::from(sha256(unique(text).as_bytes()))
}

/// Asserts that a push was refused for a missing signature.
#[track_caller]
pub fn assert_missing_auth(result: Result<PushOutcome, ChainError>) {
    match result {
        Ok(_) => panic!("the action succeeded without its signer's authority"),
        Err(e) => assert_eq!(e.name(), Some("missing_auth_exception"), "{e}"),
    }
}

/// Waits until the head block is at least `seconds` later; also makes the next push of an
/// action already pushed a different transaction.
pub fn wait_seconds(seconds: u32) {
    let client = &chain().client;
    let start = client.get_info().unwrap().head_block_secs().unwrap();
    while client.get_info().unwrap().head_block_secs().unwrap() < start + seconds {
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

/// The tally a vote (`votefor`, `voteagainst`, `cancelvote`) returned.
pub fn tally_of(outcome: &PushOutcome) -> VoteResult {
    outcome.return_value()
}

/// The RAM `account` uses, as `get_account` reports it.
#[track_caller]
pub fn ram_usage(account: Name) -> i64 {
    let info = chain().client.get_account(account).unwrap_or_else(|e| panic!("get_account {account}: {e}"));
    info["ram_usage"].as_i64().unwrap_or_else(|| panic!("{account}: no ram_usage in {info}"))
}

/// Gives cooperative `coop` the `contracts` permission that `operator::connect` creates:
/// satisfied by the code of our three contracts and linked to the internal actions they
/// send in its name (`soviet::propose`, `registrator::acceptjoin`, `wallet::addmember`).
/// The cooperatives of this binary are only registered, not connected, so a test that
/// needs `coop@contracts` (the soviet's `exec` of a `joincoop` decision) sets it up here.
pub fn allow_contracts(coop: Name) {
    let chain = chain();
    let peers = chain.peers;
    let auth = Authority::accounts(&[
        level(peers.registrator, EOSIO_CODE),
        level(peers.soviet, EOSIO_CODE),
        level(peers.wallet, EOSIO_CODE),
    ]);
    chain.ok(SYSTEM, &[coop], &UpdateAuth { account: coop, permission: CONTRACTS_PERMISSION, parent: ACTIVE, auth });
    for (code, type_) in
        [(peers.soviet, Propose::NAME), (peers.registrator, Acceptjoin::NAME), (peers.wallet, Addmember::NAME)]
    {
        chain.ok(SYSTEM, &[coop], &LinkAuth { account: coop, code, type_, requirement: CONTRACTS_PERMISSION });
    }
}
