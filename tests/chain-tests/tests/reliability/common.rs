//! What the reliability tests share: the node, one test at a time, a snapshot of every row of
//! our contracts, what a push came to, a seeded generator and the environment variables.
use antelope_test_harness::client::{ChainError, PushOutcome};
use antelope_test_harness::fixture::TestChain;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Mutex, MutexGuard};

/// The node shared by this binary's tests.
pub fn chain() -> &'static TestChain {
    TestChain::shared()
}

/// Every test of this binary holds this while it touches the chain: the tests compare
/// snapshots of *all* our tables, so nothing else may write in between.
pub fn serial() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// An environment variable as a number (decimal or `0x` hex), or `default`.
#[track_caller]
pub fn env_u64(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(text) if !text.trim().is_empty() => {
            let text = text.trim();
            let parsed = match text.strip_prefix("0x") {
                Some(hex) => u64::from_str_radix(hex, 16),
                None => text.parse(),
            };
            parsed.unwrap_or_else(|_| panic!("{name}={text:?} is not a number"))
        }
        _ => default,
    }
}

/// Every row of every table of our four contracts, in every scope, with its payer: equal
/// snapshots mean that nothing of ours was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// `(contract, table, scope)` → the rows as `(payer, packed bytes in hex)`.
    pub tables: BTreeMap<(String, String, String), Vec<(String, String)>>,
}

impl Snapshot {
    /// How `later` differs from this snapshot, table by table (empty when equal).
    pub fn differences(&self, later: &Snapshot) -> Vec<String> {
        let keys: BTreeSet<_> = self.tables.keys().chain(later.tables.keys()).collect();
        keys.into_iter()
            .filter(|key| self.tables.get(*key) != later.tables.get(*key))
            .map(|(contract, table, scope)| {
                let rows = |s: &Snapshot| s.tables.get(&(contract.clone(), table.clone(), scope.clone())).map(Vec::len);
                format!("{contract}/{table}/{scope}: {:?} rows before, {:?} after", rows(self), rows(later))
            })
            .collect()
    }
}

/// A snapshot of our tables: every scope of every table (`get_table_by_scope`), every row
/// of each, packed (`get_table_rows` with `json: false`) and with its payer.
pub fn snapshot(chain: &TestChain) -> Snapshot {
    let p = chain.peers;
    let mut tables = BTreeMap::new();
    for contract in [p.operator, p.registrator, p.soviet, p.wallet] {
        for (table, scope) in scopes(chain, &contract.to_string()) {
            let rows = table_rows(chain, &contract.to_string(), &table, &scope);
            tables.insert((contract.to_string(), table, scope), rows);
        }
    }
    Snapshot { tables }
}

/// Asserts that nothing of ours changed since `before`.
#[track_caller]
pub fn assert_unchanged(chain: &TestChain, before: &Snapshot, what: &str) {
    let differences = before.differences(&snapshot(chain));
    assert!(differences.is_empty(), "{what} changed our tables:\n  {}", differences.join("\n  "));
}

/// Every `(table, scope)` of `code` that holds rows.
fn scopes(chain: &TestChain, code: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut lower = String::new();
    loop {
        let body = json!({ "code": code, "table": "", "lower_bound": lower, "upper_bound": "", "limit": 1000 });
        let answer = call(chain, "/v1/chain/get_table_by_scope", &body);
        for row in answer["rows"].as_array().unwrap_or_else(|| panic!("get_table_by_scope {code}: {answer}")) {
            found.push((text(row, "table"), text(row, "scope")));
        }
        match answer["more"].as_str() {
            Some(next) if !next.is_empty() && next != lower => lower = next.to_string(),
            _ => return found,
        }
    }
}

/// Every row of `code`'s `table` in `scope`: `(payer, hex)`.
fn table_rows(chain: &TestChain, code: &str, table: &str, scope: &str) -> Vec<(String, String)> {
    let mut rows = Vec::new();
    let mut lower = String::new();
    loop {
        let body = json!({
            "code": code, "scope": scope, "table": table, "json": false, "show_payer": true,
            "lower_bound": lower, "upper_bound": "", "limit": 1000,
        });
        let answer = call(chain, "/v1/chain/get_table_rows", &body);
        for row in answer["rows"].as_array().unwrap_or_else(|| panic!("get_table_rows {code}/{table}: {answer}")) {
            rows.push((text(row, "payer"), text(row, "data")));
        }
        match (answer["more"].as_bool(), answer["next_key"].as_str()) {
            (Some(true), Some(next)) if !next.is_empty() && next != lower => lower = next.to_string(),
            _ => return rows,
        }
    }
}

#[track_caller]
fn call(chain: &TestChain, path: &str, body: &Value) -> Value {
    chain.client.call(path, body).unwrap_or_else(|e| panic!("{path} {body}: {e}"))
}

fn text(value: &Value, key: &str) -> String {
    value[key].as_str().unwrap_or_else(|| panic!("no {key} in {value}")).to_string()
}

/// What a push came to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The transaction went through.
    Accepted,
    /// A contract's assertion, with its exact message.
    Assert(String),
    /// Any other refusal by the chain: its exception name and first message.
    Chain { name: String, message: String },
}

impl Outcome {
    /// What `result` came to; a failure to talk to the node is a panic, not an outcome.
    #[track_caller]
    pub fn of(result: Result<PushOutcome, ChainError>) -> Outcome {
        match result {
            Ok(_) => Outcome::Accepted,
            Err(error) => match (error.assertion_message(), error.node()) {
                (Some(message), _) => Outcome::Assert(message.to_string()),
                (None, Some(node)) => Outcome::Chain { name: node.name.clone(), message: error.message().to_string() },
                (None, None) => panic!("the node did not answer: {error}"),
            },
        }
    }

    /// Whether this is the chain's refusal for a missing or wrong authorization.
    pub fn is_authority_error(&self) -> bool {
        matches!(self, Outcome::Chain { name, .. } if AUTHORITY_ERRORS.contains(&name.as_str()))
    }
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Outcome::Accepted => write!(f, "accepted"),
            Outcome::Assert(message) => write!(f, "assertion {message:?}"),
            Outcome::Chain { name, message } => write!(f, "{name}: {message}"),
        }
    }
}

/// The chain's exceptions for an authorization that is missing or not satisfied.
pub const AUTHORITY_ERRORS: [&str; 3] =
    ["missing_auth_exception", "unsatisfied_authorization", "irrelevant_auth_exception"];

/// SplitMix64: a small seeded generator, the same sequence on every machine.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (`bound` > 0).
    pub fn below(&mut self, bound: usize) -> usize {
        (self.next_u64() % bound as u64) as usize
    }

    pub fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next_u64() as u8).collect()
    }
}
