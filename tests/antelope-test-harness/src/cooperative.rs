//! Test cooperatives: a provider, a connected cooperative with its council, people with
//! keys, and signed documents — built through the real flow (`operator::request` and
//! `operator::connect`).
use crate::fixture::TestChain;
use crate::keys::PrivateKey;
use coop_protocol::operator::{Addprovider, Connect, Founder, Request};
use coop_protocol::registrator::CoopParams;
use coop_protocol::soviet::council::authorization_digest;
use coop_protocol::soviet::CouncilAction;
use coop_runtime::asset_text::parse_asset;
use coop_runtime::{sym, Document};
use eosio::{Checksum256, Name, Symbol};
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

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

    /// A document with this text, signed by this person's key.
    pub fn sign(&self, text: &str) -> Document {
        sign_document(&self.key, text)
    }
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

/// A governance action for a free decision: `account::T(data)`.
pub fn council_action<T: coop_runtime::ActionData>(account: Name, data: &T) -> CouncilAction {
    CouncilAction { account, name: T::NAME, data: data.pack().expect("action data packs") }
}

impl Person {
    /// A document with this text whose signature covers `actions` too: what the chairman
    /// signs to authorise a decision that carries them (`council::authorization_digest`).
    pub fn sign_with_actions(&self, text: &str, actions: &[CouncilAction]) -> Document {
        let mut document = self.sign(text);
        let digest = authorization_digest(&document.hash.to_bytes(), actions, |bytes| Sha256::digest(bytes).into());
        document.signature = self.key.sign_digest(&digest);
        document
    }
}

/// A document whose hash is SHA-256 of `text`, signed with `key`.
pub fn sign_document(key: &PrivateKey, text: &str) -> Document {
    let hash: [u8; 32] = Sha256::digest(text.as_bytes()).into();
    Document {
        hash: Checksum256::from(hash),
        public_key: key.public_key(),
        signature: key.sign_digest(&hash),
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
    pub fn provider(&self) -> Name {
        static PROVIDER: OnceLock<Name> = OnceLock::new();
        *PROVIDER.get_or_init(|| self.new_provider())
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
            statement: chairman.sign("Application to connect the cooperative"),
        };
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
}
