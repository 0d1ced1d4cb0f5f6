//! Test cooperatives: a provider, a connected cooperative with its council, people with
//! keys, and signed documents — built through the real flow (`operator::request` and
//! `operator::connect`).
use crate::fixture::TestChain;
use crate::keys::PrivateKey;
use coop_protocol::consent::{Consent, Consented};
use coop_protocol::operator::{Act, Addprovider, Connect, Founder, ProviderAction, Request};
use coop_protocol::registrator::CoopParams;
use coop_protocol::soviet::{Authorize, CouncilAction};
use coop_runtime::asset_text::parse_asset;
use coop_runtime::{sym, Document, Peers};
use eosio::{Checksum256, Name, Symbol};
use sha2::{Digest, Sha256};
use std::sync::Mutex;

/// The unit of account of test cooperatives.
pub const RUB: Symbol = sym(4, "RUB");

/// `amount` roubles, e.g. `rub("100.0000")`.
pub fn rub(amount: &str) -> eosio::Asset {
    parse_asset(&format!("{amount} RUB")).expect("a valid RUB amount")
}

/// The fees of test cooperatives: 100 + 300 RUB for individuals, 1000 + 3000 RUB for
/// organisations.
pub fn test_params() -> CoopParams {
    CoopParams {
        symbol: RUB,
        initial: rub("100.0000"),
        minimum: rub("300.0000"),
        org_initial: rub("1000.0000"),
        org_minimum: rub("3000.0000"),
        announce: "Test cooperative".into(),
        description: "Made by the test fixture".into(),
    }
}

/// A person: an account name and its active key.
#[derive(Clone, Debug)]
pub struct Person {
    pub name: Name,
    pub key: PrivateKey,
}

impl Person {
    /// A new person with a fresh name and key (no account yet); the key joins the keyring.
    pub fn new(chain: &TestChain, prefix: &str) -> Person {
        Person { name: chain.unique_name(prefix), key: chain.new_key() }
    }

    /// This person's founder entry for a connection request.
    pub fn founder(&self) -> Founder {
        Founder { username: self.name, public_key: self.key.public_key() }
    }

    /// A document with this text, signed by this person's key for `consent` (what the
    /// document is accepted for: see `coop_protocol::consent`).
    pub fn sign_for(&self, text: &str, consent: &Consent) -> Document {
        sign_document_for(&self.key, text, consent)
    }

    /// `action` with its document (this text) signed by this person's key for the action
    /// itself, as the contract among `peers` that accepts it checks it.
    pub fn signs<A: Consented>(&self, peers: &Peers, text: &str, mut action: A) -> A {
        let consent = action.consent(A::contract(peers), sha256);
        *action.document_mut() = self.sign_for(text, &consent);
        action
    }

    /// `soviet::authorize` of decision `decision_id` of `coopname` by this person as its
    /// chairman, with a document (this text) signed for that decision and the `actions`
    /// it carries.
    pub fn authorization(
        &self,
        peers: &Peers,
        coopname: Name,
        decision_id: u64,
        actions: &[CouncilAction],
        text: &str,
    ) -> Authorize {
        let mut data = Authorize { coopname, chairman: self.name, decision_id, document: Document::default() };
        data.document = self.sign_for(text, &data.consent(peers.soviet, actions, sha256));
        data
    }
}

/// SHA-256 of `bytes`.
pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// `registrator::adduser` of `person` as an individual, as `coop` imports a member who
/// joined on paper (the test cooperatives' fees, no branch, joined in 2020).
pub fn import_of(coop: &TestCoop, person: &Person) -> coop_protocol::registrator::Adduser {
    coop_protocol::registrator::Adduser {
        coopname: coop.name,
        username: person.name,
        r#type: coop_protocol::registrator::TYPE_INDIVIDUAL,
        public_key: person.key.public_key(),
        braname: Name::new(0),
        joined_at: eosio::TimePointSec::from(1_600_000_000),
        initial: rub("100.0000"),
        minimum: rub("300.0000"),
        meta: String::new(),
    }
}

/// `registrator::newaccount` of `person` as an individual for `coopname` (no referer, no
/// meta), not pushed.
pub fn newaccount_of(coopname: Name, person: &Person) -> coop_protocol::registrator::Newaccount {
    coop_protocol::registrator::Newaccount {
        coopname,
        username: person.name,
        r#type: coop_protocol::registrator::TYPE_INDIVIDUAL,
        public_key: person.key.public_key(),
        referer: Name::new(0),
        meta: String::new(),
    }
}

/// A governance action for a free decision: `account::T(data)`.
pub fn council_action<T: coop_runtime::ActionData>(account: Name, data: &T) -> CouncilAction {
    CouncilAction { account, name: T::NAME, data: data.pack().expect("action data packs") }
}

/// A document whose hash is SHA-256 of `text`, signed with `key` for `consent`: the
/// signature is over [`Consent::digest`] of the hash and the context.
pub fn sign_document_for(key: &PrivateKey, text: &str, consent: &Consent) -> Document {
    let hash = sha256(text.as_bytes());
    Document {
        hash: Checksum256::from(hash),
        public_key: key.public_key(),
        signature: key.sign_digest(&consent.digest(&hash, sha256)),
        meta: format!("{{\"title\":\"{text}\"}}"),
    }
}

/// A connected cooperative.
#[derive(Clone, Debug)]
pub struct TestCoop {
    pub name: Name,
    /// The key of the cooperative's account (owner and active).
    pub key: PrivateKey,
    /// The provider that requested it (its `provider` permission acts for the cooperative).
    pub provider: Name,
    pub chairman: Person,
    pub members: Vec<Person>,
    pub request_id: u64,
}

impl TestCoop {
    /// The chairman and the members: the whole council, all voting.
    pub fn council(&self) -> Vec<&Person> {
        std::iter::once(&self.chairman).chain(self.members.iter()).collect()
    }
}

impl TestChain {
    /// A provider registered with the operator, created once per test binary.
    /// (One per node and operator account: a chain attached to contracts under other names
    /// gets a provider registered with its own operator.)
    pub fn provider(&self) -> Name {
        static PROVIDERS: Mutex<Vec<(String, Name, Name)>> = Mutex::new(Vec::new());
        let mut providers = PROVIDERS.lock().unwrap_or_else(|e| e.into_inner());
        let (url, operator) = (self.url(), self.peers.operator);
        if let Some((_, _, provider)) = providers.iter().find(|(u, o, _)| *u == url && *o == operator) {
            return *provider;
        }
        let provider = self.new_provider();
        providers.push((url, operator, provider));
        provider
    }

    /// A new provider account (dev key), registered with the operator.
    pub fn new_provider(&self) -> Name {
        let provider = self.unique_name("prov");
        self.create_account(provider, crate::boot::dev_public_key(), None);
        self.ok(self.peers.operator, &[self.peers.operator], &Addprovider { provider, title: "Test provider".into() });
        provider
    }

    /// A connection request for a new cooperative with a chairman and `members` council
    /// members; returns the request to push and the people in it.
    pub fn coop_request(&self, provider: Name, members: usize) -> (Request, PrivateKey, Person, Vec<Person>) {
        let key = self.new_key();
        let chairman = Person::new(self, "chair");
        let members: Vec<Person> = (0..members).map(|_| Person::new(self, "board")).collect();
        let request = Request {
            provider,
            coopname: self.unique_name("coop"),
            coop_key: key.public_key(),
            params: test_params(),
            chairman: chairman.founder(),
            members: members.iter().map(Person::founder).collect(),
            statement: Document::default(),
        };
        let request = chairman.signs(&self.peers, "Application to connect the cooperative", request);
        (request, key, chairman, members)
    }

    /// A cooperative connected through `operator::request` and `operator::connect`, with
    /// a chairman and two council members.
    pub fn new_cooperative(&self) -> TestCoop {
        self.new_cooperative_with(self.provider(), 2)
    }

    /// A cooperative requested by `provider` with `members` council members, connected.
    pub fn new_cooperative_with(&self, provider: Name, members: usize) -> TestCoop {
        let (request, key, chairman, members) = self.coop_request(provider, members);
        let request_id: u64 = self.ok(self.peers.operator, &[provider], &request).return_value();
        self.ok(self.peers.operator, &[self.peers.operator], &Connect { request_id });
        TestCoop { name: request.coopname, key, provider, chairman, members, request_id }
    }

    /// `operator::act` by `coop`'s provider (signed with its `active`): `data`, an action of
    /// `contract`, forwarded with `coop@provider`. The chain's answer.
    pub fn provider_act<A: coop_runtime::ActionData>(
        &self,
        coop: &TestCoop,
        contract: Name,
        data: &A,
    ) -> Result<crate::client::PushOutcome, crate::client::ChainError> {
        let actions = vec![ProviderAction::new(contract, data)];
        self.push(self.peers.operator, &[coop.provider], &Act { provider: coop.provider, coopname: coop.name, actions })
    }
}
