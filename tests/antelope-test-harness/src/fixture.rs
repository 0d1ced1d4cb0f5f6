//! The test fixture: one booted chain per test binary with our contracts deployed, and
//! the verbs tests speak in (`ok`, `fails`, `rows`, fresh names and keys). The chain is
//! deployed with the production defaults of [`coop_tools::defaults`].
use antelope_client::client::{ChainError, Client, PushOutcome};
use antelope_client::keys::PrivateKey;
use coop_runtime::action::level;
use coop_runtime::system::{ACTIVE, SYSTEM};
use coop_runtime::{ActionData, Peers, PublicKey};
use coop_tools::boot::{boot_chain, core, create_account, AccountPlan, BootError};
use coop_tools::defaults::default_peers;
use coop_tools::deploy::create_and_deploy;
use coop_tools::localnet::with_retries;
use coop_tools::node::TempNode;
use eosio::{Action, Asset, Name, PermissionLevel, Read, Table};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};

/// A chain with the contracts deployed: a node of its own (tests) or an existing one
/// (the demo on the localnet).
pub struct TestChain {
    /// The node this chain started, if any; stopped when the chain is dropped (and when
    /// the process ends).
    pub node: Option<TempNode>,
    /// A client of the node whose keyring holds the development key.
    pub client: Client,
    /// Where the contracts are.
    pub peers: Peers,
}

/// How many times [`TestChain::push_actions`] pushes while the node is too busy.
pub const BUSY_ATTEMPTS: usize = 5;

/// Chain errors of a node too busy to finish a transaction in time, which then applied
/// nothing: `tx_cpu_usage_exceeded`, `deadline_exception`, `leeway_deadline_exception`.
pub const TOO_BUSY: [i64; 3] = [3_080_004, 3_080_006, 3_081_001];

impl TestChain {
    /// The chain of this test binary, started on first use.
    pub fn shared() -> &'static TestChain {
        static CHAIN: OnceLock<TestChain> = OnceLock::new();
        CHAIN.get_or_init(|| TestChain::start().unwrap_or_else(|e| panic!("cannot start the test chain: {e}")))
    }

    /// Starts a fresh node, boots it and deploys the contracts.
    pub fn start() -> Result<TestChain, BootError> {
        let node = TempNode::start().map_err(|e| BootError::Other(format!("start nodeos: {e}")))?;
        let client = Client::new(node.http_url());
        let peers = default_peers();
        let mut quiet = |_: &str| {};
        with_retries(&mut quiet, std::time::Duration::from_millis(500), |progress| {
            boot_chain(&client, progress)?;
            create_and_deploy(&client, &peers, progress)
        })?;
        Ok(TestChain { node: Some(node), client, peers })
    }

    /// A running chain at `url` whose contracts are at `peers`; signs with the development
    /// key (localnet only) and the keys it makes.
    pub fn attach(url: &str, peers: Peers) -> Result<TestChain, ChainError> {
        let client = Client::new(url);
        client.add_key(PrivateKey::dev());
        client.get_info()?;
        Ok(TestChain { node: None, client, peers })
    }

    /// The node's HTTP address.
    pub fn url(&self) -> String {
        self.client.url().to_string()
    }

    /// A fresh 12-character account name starting with `prefix` (letters only, at most 6).
    pub fn unique_name(&self, prefix: &str) -> Name {
        unique_name(prefix)
    }

    /// A new key pair, known to the client's keyring from now on.
    pub fn new_key(&self) -> PrivateKey {
        let key = PrivateKey::generate();
        self.client.add_key(key.clone());
        key
    }

    /// Pushes `data` to `contract`, signed by each of `signers` with `active`.
    pub fn push<A: ActionData>(&self, contract: Name, signers: &[Name], data: &A) -> Result<PushOutcome, ChainError> {
        let levels: Vec<PermissionLevel> = signers.iter().map(|s| level(*s, ACTIVE)).collect();
        self.push_as(contract, &levels, data)
    }

    /// Pushes `data` to `contract`, authorised by exactly these permission levels (retried
    /// as [`Self::push_actions`]).
    pub fn push_as<A: ActionData>(
        &self,
        contract: Name,
        levels: &[PermissionLevel],
        data: &A,
    ) -> Result<PushOutcome, ChainError> {
        self.push_actions(vec![data.to_action(contract, levels)])
    }

    /// Pushes `actions` in one transaction, signed by the client's keyring. A node too busy
    /// to run the transaction within the chain's limits ([`TOO_BUSY`]: a loaded machine under
    /// the real 150 ms limit) applied nothing; the push is tried again, up to
    /// [`BUSY_ATTEMPTS`] times, so that such a test fails only for what it checks. (An action
    /// really that slow still fails.)
    pub fn push_actions(&self, actions: Vec<Action<Vec<u8>>>) -> Result<PushOutcome, ChainError> {
        let mut attempt = 1;
        loop {
            match self.client.push_actions(actions.clone()) {
                Err(e) if attempt < BUSY_ATTEMPTS && e.code().is_some_and(|code| TOO_BUSY.contains(&code)) => {
                    attempt += 1;
                    std::thread::sleep(std::time::Duration::from_millis(200));
                }
                result => return result,
            }
        }
    }

    /// Pushes `data` to `contract`, authorised by exactly these permission levels and signed
    /// with `keys` alone (not the development key): an account with a key of its own.
    pub fn push_signed<A: ActionData>(
        &self,
        contract: Name,
        levels: &[PermissionLevel],
        data: &A,
        keys: &[PrivateKey],
    ) -> Result<PushOutcome, ChainError> {
        self.client.push_actions_with_keys(vec![data.to_action(contract, levels)], keys)
    }

    /// The packed rows of the given tables (contract, table name) in `scope`: equal
    /// snapshots mean nothing was written to them.
    #[track_caller]
    pub fn packed_tables(&self, scope: Name, tables: &[(Name, &str)]) -> Vec<Vec<Vec<u8>>> {
        tables
            .iter()
            .map(|(contract, table)| {
                self.client
                    .rows_raw(*contract, scope, table)
                    .unwrap_or_else(|e| panic!("reading {contract}/{scope}/{table}: {e}"))
            })
            .collect()
    }

    /// Pushes an action that must succeed; returns the outcome (decode the action's
    /// return value with `outcome.return_value::<A::Return>()`).
    #[track_caller]
    pub fn ok<A: ActionData>(&self, contract: Name, signers: &[Name], data: &A) -> PushOutcome {
        self.push(contract, signers, data).unwrap_or_else(|e| panic!("{}::{} failed: {e}", contract, A::NAME))
    }

    /// Pushes an action that must fail with an assertion; returns its exact message, which
    /// must be one the action lists (`A::ERRORS`: its own, those of the actions it sends
    /// inline, or a decoding error).
    #[track_caller]
    pub fn fails<A: ActionData>(&self, contract: Name, signers: &[Name], data: &A) -> String {
        let message = expect_assertion(self.push(contract, signers, data), contract, A::NAME);
        if let Some(errors) = A::ERRORS {
            assert!(
                errors.lists(&message),
                "{contract}::{} failed with {message:?}, which neither it nor the actions it sends list \
                 (its `errors [...]` in `contract_interface!`): {:?}",
                A::NAME,
                errors.closure(),
            );
        }
        message
    }

    /// Every row of table `T` of `contract` in `scope`.
    #[track_caller]
    pub fn rows<T: Table>(&self, contract: Name, scope: Name) -> Vec<T::Row> {
        self.client
            .rows::<T::Row>(contract, scope, Name::new(T::NAME.as_u64()))
            .unwrap_or_else(|e| panic!("reading {contract}/{scope}/{}: {e}", Name::new(T::NAME.as_u64())))
    }

    /// The row of table `T` with primary key `key`.
    #[track_caller]
    pub fn row<T: Table>(&self, contract: Name, scope: Name, key: u64) -> Option<T::Row> {
        self.client
            .row::<T::Row>(contract, scope, Name::new(T::NAME.as_u64()), key)
            .unwrap_or_else(|e| panic!("reading {contract}/{scope}/{}: {e}", Name::new(T::NAME.as_u64())))
    }

    /// Creates an account controlled by `key`, paid by `eosio`, with `funds` core tokens.
    #[track_caller]
    pub fn create_account(&self, name: Name, key: PublicKey, funds: Option<Asset>) {
        let plan = AccountPlan { name, key, ram_bytes: 64 * 1024, net: core("10.0000"), cpu: core("10.0000"), funds };
        create_account(&self.client, SYSTEM, &plan).unwrap_or_else(|e| panic!("create account {name}: {e}"));
    }
}

/// The exact assertion message of a push that must have failed with one.
#[track_caller]
pub fn expect_assertion<T>(result: Result<T, ChainError>, contract: Name, action: Name) -> String {
    match result {
        Ok(_) => panic!("{contract}::{action} succeeded but should have failed"),
        Err(e) => match e.assertion_message() {
            Some(message) => message.to_string(),
            None => panic!("{contract}::{action} failed without an assertion message: {e}"),
        },
    }
}

/// Decodes a packed value (an action's return value, a row).
pub fn decode<T: Read>(bytes: &[u8]) -> T {
    T::unpack(bytes).unwrap_or_else(|e| panic!("cannot decode {} bytes: {e}", bytes.len()))
}

const NAME_CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyz12345";

/// A 12-character name: `prefix` then characters unique to this process and moment.
pub fn unique_name(prefix: &str) -> Name {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    assert!(prefix.len() <= 6 && prefix.bytes().all(|b| b.is_ascii_lowercase()), "prefix: up to 6 letters a-z");
    let millis = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as u64).unwrap_or(0);
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut value = (millis << 12) ^ count ^ (u64::from(std::process::id()) << 44);
    let mut text = String::from(prefix);
    while text.len() < 12 {
        text.push(NAME_CHARS[(value % 31) as usize] as char);
        value /= 31;
    }
    text.parse().expect("generated names are valid")
}

#[cfg(test)]
mod tests {
    use super::*;
    use coop_runtime::name::is_plain_twelve;

    #[test]
    fn unique_names_are_plain_and_distinct() {
        let names: Vec<Name> = (0..1000).map(|_| unique_name("member")).collect();
        assert!(names.iter().all(|n| is_plain_twelve(*n)));
        let mut sorted = names.clone();
        sorted.sort_by_key(|n| n.as_u64());
        sorted.dedup();
        assert_eq!(sorted.len(), names.len());
    }
}
