//! A blocking HTTP client for one nodeos (Leap 4 chain API): push signed transactions,
//! read tables and accounts, wait for blocks.
use crate::keys::{parse_public_key, public_key_to_legacy, KeyError, PrivateKey};
use crate::transaction::{parse_id, parse_time, SignedTransaction, Transaction};
use coop_runtime::crypto::PublicKey;
use eosio::{Action, Read, TimePointSec};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::fmt::{self, Display};
use std::io::Read as _;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Seconds from the head block's time to a transaction's expiration.
pub const EXPIRATION_SECS: u32 = 60;
/// Expirations are spread over this many further seconds to keep transactions distinct.
pub const EXPIRATION_SPREAD_SECS: u32 = 1800;
/// Time limit of one HTTP request.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Rows asked for per `get_table_rows` page.
const PAGE_LIMIT: u32 = 1000;
/// The prefix nodeos puts before an `eosio_assert` message.
const ASSERT_PREFIX: &str = "assertion failure with message: ";

/// What went wrong talking to the chain.
#[derive(Clone, Debug)]
pub enum ChainError {
    /// nodeos answered with an error (or a transaction whose `processed.except` is set).
    Node(NodeError),
    /// nodeos answered with an HTTP error whose body is not its error JSON.
    Http { status: u16, body: String },
    /// No answer: connection refused, timeout, …
    Network(String),
    /// An answer, a row or a return value could not be read.
    Decode(String),
    /// Waiting for the chain took too long.
    Timeout(String),
    /// A key the chain reported could not be parsed, or is not in the keyring.
    Key(String),
}

/// An error as nodeos reports it.
#[derive(Clone, Debug)]
pub struct NodeError {
    /// The HTTP status (0 when the error came inside a 2xx answer's `processed.except`).
    pub http_status: u16,
    /// The chain's exception code (e.g. 3050003).
    pub code: i64,
    /// The exception name (e.g. `eosio_assert_message_exception`).
    pub name: String,
    /// The exception's short description.
    pub what: String,
    /// The detail messages, in order (e.g. `assertion failure with message: …`).
    pub details: Vec<String>,
    /// The whole error JSON.
    pub raw: Value,
}

impl ChainError {
    /// The node's error, if this is one.
    pub fn node(&self) -> Option<&NodeError> {
        match self {
            Self::Node(e) => Some(e),
            _ => None,
        }
    }

    /// The message of a failed `eosio_assert` / `check`, without nodeos' prefix.
    pub fn assertion_message(&self) -> Option<&str> {
        self.node()?.details.iter().find_map(|d| d.strip_prefix(ASSERT_PREFIX))
    }

    /// The exception name (e.g. `eosio_assert_message_exception`), for node errors.
    pub fn name(&self) -> Option<&str> {
        self.node().map(|e| e.name.as_str())
    }

    /// The exception code (e.g. 3050003), for node errors.
    pub fn code(&self) -> Option<i64> {
        self.node().map(|e| e.code)
    }

    /// The most specific message: a node error's first detail (or its `what`); the text
    /// of any other error.
    pub fn message(&self) -> &str {
        match self {
            Self::Node(e) => e.details.iter().find(|d| !d.is_empty()).map_or(e.what.as_str(), String::as_str),
            Self::Http { body, .. } => body,
            Self::Network(s) | Self::Decode(s) | Self::Timeout(s) | Self::Key(s) => s,
        }
    }
}

impl Display for ChainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Node(e) => {
                write!(f, "nodeos error {} {}: {}", e.code, e.name, e.what)?;
                // Skip empty details and an empty "pending console output: ".
                let shown = e.details.iter().filter(|d| {
                    let rest = d.strip_prefix("pending console output:").unwrap_or(d);
                    !rest.trim().is_empty()
                });
                for detail in shown {
                    write!(f, "; {detail}")?;
                }
                Ok(())
            }
            Self::Http { status, body } => write!(f, "HTTP {status}: {body}"),
            Self::Network(s) => write!(f, "network error: {s}"),
            Self::Decode(s) => write!(f, "cannot decode: {s}"),
            Self::Timeout(s) => write!(f, "timed out: {s}"),
            Self::Key(s) => write!(f, "key error: {s}"),
        }
    }
}

impl std::error::Error for ChainError {}

impl From<KeyError> for ChainError {
    fn from(e: KeyError) -> Self {
        Self::Key(e.to_string())
    }
}

impl NodeError {
    /// Reads nodeos' error body `{"code", "message", "error": {code, name, what, details}}`.
    fn from_http(status: u16, body: &Value) -> Option<Self> {
        let error = body.get("error")?;
        Some(Self {
            http_status: status,
            code: error.get("code").and_then(Value::as_i64).unwrap_or(0),
            name: str_field(error, "name"),
            what: str_field(error, "what"),
            details: error
                .get("details")
                .and_then(Value::as_array)
                .map(|ds| ds.iter().map(|d| str_field(d, "message")).collect())
                .unwrap_or_default(),
            raw: body.clone(),
        })
    }

    /// Reads an exception in a trace (`processed.except`): `{code, name, message, stack}`,
    /// each stack entry's `format` filled in from its `data`.
    fn from_except(except: &Value) -> Self {
        let details = except
            .get("stack")
            .and_then(Value::as_array)
            .map(|stack| stack.iter().map(format_stack_entry).collect())
            .unwrap_or_default();
        Self {
            http_status: 0,
            code: except.get("code").and_then(Value::as_i64).unwrap_or(0),
            name: str_field(except, "name"),
            what: str_field(except, "message"),
            details,
            raw: except.clone(),
        }
    }
}

/// Fills `${key}` placeholders of a log entry's `format` from its `data`.
fn format_stack_entry(entry: &Value) -> String {
    let mut text = str_field(entry, "format");
    if let Some(data) = entry.get("data").and_then(Value::as_object) {
        for (key, value) in data {
            let shown = match value {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            text = text.replace(&format!("${{{key}}}"), &shown);
        }
    }
    text
}

fn str_field(value: &Value, key: &str) -> String {
    value.get(key).and_then(Value::as_str).unwrap_or_default().to_string()
}

/// `/v1/chain/get_info`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ChainInfo {
    pub chain_id: String,
    pub head_block_num: u32,
    pub head_block_id: String,
    pub last_irreversible_block_num: u32,
    pub last_irreversible_block_id: String,
    /// `YYYY-MM-DDTHH:MM:SS.mmm`, UTC.
    pub head_block_time: String,
    #[serde(default)]
    pub server_version_string: String,
}

impl ChainInfo {
    /// The chain id as bytes.
    pub fn chain_id_bytes(&self) -> Result<[u8; 32], ChainError> {
        parse_id("chain id", &self.chain_id).map_err(|e| ChainError::Decode(e.to_string()))
    }

    /// The head block's time in seconds since 1970.
    pub fn head_block_secs(&self) -> Result<u32, ChainError> {
        parse_time(&self.head_block_time).map_err(|e| ChainError::Decode(e.to_string()))
    }
}

/// One action trace of a pushed transaction.
#[derive(Clone, Debug, Default)]
pub struct TraceSummary {
    /// The account whose code ran (differs from `account` for notifications).
    pub receiver: String,
    /// The contract the action belongs to.
    pub account: String,
    /// The action name.
    pub name: String,
    /// 1 for the first top-level action; inline actions and notifications follow.
    pub action_ordinal: u32,
    /// The ordinal of the action that created this one (0 for a top-level action).
    pub creator_action_ordinal: u32,
    /// The action's packed data.
    pub data: Vec<u8>,
    /// The action's data as nodeos showed it (decoded JSON when it knows the ABI).
    pub data_json: Value,
    /// The packed return value (`set_action_return_value`), empty when none.
    pub return_value: Vec<u8>,
    /// What the action printed.
    pub console: String,
    /// RAM bytes each account gained (+) or released (−) in this action alone.
    pub ram_deltas: Vec<(String, i64)>,
    /// How long nodeos took to run this action alone (the trace's `elapsed`, µs; not its
    /// inline actions, which have their own traces).
    pub elapsed_us: u64,
}

impl TraceSummary {
    /// Reads the action's data (all of it) as `T`.
    pub fn decode_data<T: Read>(&self) -> Result<T, ChainError> {
        decode_all(&self.data, || format!("data of {}::{}", self.account, self.name))
    }

    /// Reads the action's return value (all of it) as `T`.
    pub fn decode_return_value<T: Read>(&self) -> Result<T, ChainError> {
        decode_all(&self.return_value, || format!("return value of {}::{}", self.account, self.name))
    }

    fn from_json(trace: &Value) -> Self {
        let act = &trace["act"];
        let data_hex = act
            .get("hex_data")
            .and_then(Value::as_str)
            .or_else(|| act.get("data").and_then(Value::as_str))
            .unwrap_or_default();
        let return_hex = trace.get("return_value_hex_data").and_then(Value::as_str).unwrap_or_default();
        let ordinal =
            |key: &str| trace.get(key).and_then(Value::as_u64).and_then(|n| u32::try_from(n).ok()).unwrap_or(0);
        Self {
            receiver: str_field(trace, "receiver"),
            account: str_field(act, "account"),
            name: str_field(act, "name"),
            action_ordinal: ordinal("action_ordinal"),
            creator_action_ordinal: ordinal("creator_action_ordinal"),
            data: hex::decode(data_hex).unwrap_or_default(),
            data_json: act.get("data").cloned().unwrap_or(Value::Null),
            return_value: hex::decode(return_hex).unwrap_or_default(),
            console: str_field(trace, "console"),
            ram_deltas: trace
                .get("account_ram_deltas")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .map(|delta| (str_field(delta, "account"), delta.get("delta").and_then(Value::as_i64).unwrap_or(0)))
                .collect(),
            elapsed_us: trace.get("elapsed").and_then(Value::as_u64).unwrap_or(0),
        }
    }
}

/// What a pushed transaction did.
#[derive(Clone, Debug)]
pub struct PushOutcome {
    pub transaction_id: String,
    pub block_num: u32,
    pub cpu_usage_us: u64,
    pub net_usage_words: u64,
    /// RAM bytes each account gained (+) or released (−), summed over all action traces,
    /// sorted by account.
    pub ram_deltas: Vec<(String, i64)>,
    /// All action traces in nodeos' order (flat, with ordinals).
    pub action_traces: Vec<TraceSummary>,
    /// The whole `send_transaction` answer.
    pub raw: Value,
}

impl PushOutcome {
    /// Reads a `send_transaction` answer.
    pub fn from_response(raw: Value) -> Result<Self, ChainError> {
        let processed = raw.get("processed").ok_or_else(|| ChainError::Decode(format!("no `processed` in {raw}")))?;
        if let Some(except) = processed.get("except").filter(|e| !e.is_null()) {
            return Err(ChainError::Node(NodeError::from_except(except)));
        }
        let traces: Vec<&Value> =
            processed.get("action_traces").and_then(Value::as_array).map(|ts| ts.iter().collect()).unwrap_or_default();
        let mut ram: BTreeMap<String, i64> = BTreeMap::new();
        for trace in &traces {
            let deltas = trace.get("account_ram_deltas").and_then(Value::as_array);
            for delta in deltas.into_iter().flatten() {
                *ram.entry(str_field(delta, "account")).or_default() +=
                    delta.get("delta").and_then(Value::as_i64).unwrap_or(0);
            }
        }
        let receipt = &processed["receipt"];
        Ok(Self {
            transaction_id: raw
                .get("transaction_id")
                .or_else(|| processed.get("id"))
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            block_num: processed
                .get("block_num")
                .and_then(Value::as_u64)
                .and_then(|n| u32::try_from(n).ok())
                .unwrap_or(0),
            cpu_usage_us: receipt["cpu_usage_us"].as_u64().unwrap_or(0),
            net_usage_words: receipt["net_usage_words"].as_u64().unwrap_or(0),
            ram_deltas: ram.into_iter().collect(),
            action_traces: traces.into_iter().map(TraceSummary::from_json).collect(),
            raw,
        })
    }

    /// The trace of the first top-level action.
    pub fn first_action(&self) -> Option<&TraceSummary> {
        self.action_traces
            .iter()
            .find(|t| t.action_ordinal == 1)
            .or_else(|| self.action_traces.iter().find(|t| t.creator_action_ordinal == 0 && t.receiver == t.account))
    }

    /// The first top-level action's return value, read (all of it) as `T`.
    pub fn try_return_value<T: Read>(&self) -> Result<T, ChainError> {
        self.first_action()
            .ok_or_else(|| ChainError::Decode("the transaction has no action trace".into()))?
            .decode_return_value()
    }

    /// The first top-level action's return value as `T`.
    ///
    /// # Panics
    /// When there is none or it does not read as `T` (see [`Self::try_return_value`]).
    pub fn return_value<T: Read>(&self) -> T {
        match self.try_return_value() {
            Ok(value) => value,
            Err(e) => panic!("transaction {}: {e}", self.transaction_id),
        }
    }

    /// Inline actions `account::name` executed by `account` itself (not notifications),
    /// e.g. the calls one of our contracts makes to another.
    pub fn inline_actions(&self, account: impl Display, name: impl Display) -> Vec<TraceSummary> {
        let (account, name) = (account.to_string(), name.to_string());
        self.action_traces
            .iter()
            .filter(|t| {
                t.creator_action_ordinal != 0 && t.account == account && t.name == name && t.receiver == account
            })
            .cloned()
            .collect()
    }

    /// The RAM delta of one account (0 when it has none).
    pub fn ram_delta(&self, account: impl Display) -> i64 {
        let account = account.to_string();
        self.ram_deltas.iter().find(|(a, _)| *a == account).map_or(0, |(_, d)| *d)
    }

    /// RAM bytes each account gained (+) or released (−) in the actions whose code ran in
    /// one of `receivers` (e.g. our contracts: the rows of their tables), sorted by account.
    pub fn ram_deltas_in(&self, receivers: &[String]) -> Vec<(String, i64)> {
        let mut sums: BTreeMap<String, i64> = BTreeMap::new();
        for trace in self.action_traces.iter().filter(|t| receivers.contains(&t.receiver)) {
            for (account, delta) in &trace.ram_deltas {
                *sums.entry(account.clone()).or_default() += delta;
            }
        }
        sums.into_iter().filter(|(_, delta)| *delta != 0).collect()
    }

    /// Everything the actions printed, in trace order.
    pub fn console(&self) -> String {
        self.action_traces.iter().map(|t| t.console.as_str()).collect()
    }
}

/// One page of `get_table_rows` with undecoded rows.
#[derive(Clone, Debug, Default)]
pub struct TablePage {
    /// Each row's packed bytes.
    pub rows: Vec<Vec<u8>>,
    /// Whether rows remain after this page.
    pub more: bool,
    /// The primary key to start the next page at, when `more`.
    pub next_key: Option<u64>,
}

/// A blocking client for one node, with a keyring shared by its clones.
#[derive(Clone)]
pub struct Client {
    url: String,
    agent: ureq::Agent,
    keys: Arc<Mutex<Vec<PrivateKey>>>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("url", &self.url)
            .field("keys", &self.public_keys().iter().map(public_key_to_legacy).collect::<Vec<_>>())
            .finish()
    }
}

impl Client {
    /// A client for the node at `url` (e.g. `http://127.0.0.1:8888`), with no keys.
    pub fn new(url: impl Into<String>) -> Self {
        let url = url.into().trim_end_matches('/').to_string();
        Self {
            url,
            agent: ureq::AgentBuilder::new().timeout(REQUEST_TIMEOUT).build(),
            keys: Arc::new(Mutex::new(Vec::new())),
        }
    }

    /// The node's URL.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// POSTs `body` to `path` (e.g. `/v1/chain/get_info`) and returns the JSON answer.
    pub fn call(&self, path: &str, body: &Value) -> Result<Value, ChainError> {
        let url = format!("{}{}", self.url, path);
        let (status, text) = match self.agent.post(&url).send_json(body) {
            Ok(response) => (response.status(), read_body(response, &url)?),
            Err(ureq::Error::Status(status, response)) => (status, read_body(response, &url)?),
            Err(ureq::Error::Transport(t)) => return Err(ChainError::Network(format!("{url}: {t}"))),
        };
        let parsed: Result<Value, _> = serde_json::from_str(&text);
        if status >= 400 {
            return Err(parsed
                .ok()
                .and_then(|v| NodeError::from_http(status, &v))
                .map_or(ChainError::Http { status, body: text }, ChainError::Node));
        }
        parsed.map_err(|e| ChainError::Decode(format!("{url}: {e}: {text}")))
    }

    /// `/v1/chain/get_info`.
    pub fn get_info(&self) -> Result<ChainInfo, ChainError> {
        let value = self.call("/v1/chain/get_info", &json!({}))?;
        serde_json::from_value(value).map_err(|e| ChainError::Decode(format!("get_info: {e}")))
    }

    /// Adds a key to the keyring (shared with every clone of this client).
    pub fn add_key(&self, key: PrivateKey) {
        let mut keys = self.lock_keys();
        if !keys.contains(&key) {
            keys.push(key);
        }
    }

    /// The public keys of the keyring, in the order they were added.
    pub fn public_keys(&self) -> Vec<PublicKey> {
        self.lock_keys().iter().map(PrivateKey::public_key).collect()
    }

    fn lock_keys(&self) -> std::sync::MutexGuard<'_, Vec<PrivateKey>> {
        // A panic while holding the lock leaves the Vec intact: keep using it.
        self.keys.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// A transaction of `actions` expiring [`EXPIRATION_SECS`] after the head block, with
    /// TAPOS from the last irreversible block (or the head), and the chain id.
    pub fn build_transaction(&self, actions: Vec<Action<Vec<u8>>>) -> Result<(Transaction, [u8; 32]), ChainError> {
        let info = self.get_info()?;
        let chain_id = info.chain_id_bytes()?;
        let block_id = if info.last_irreversible_block_id.is_empty() {
            &info.head_block_id
        } else {
            &info.last_irreversible_block_id
        };
        let block_id = parse_id("block id", block_id).map_err(|e| ChainError::Decode(e.to_string()))?;
        let mut trx = Transaction::new(actions);
        trx.set_tapos(&block_id);
        // Each transaction of this process gets its own expiration second, so pushing the
        // same actions twice in one block (a retry, a "must fail" after a success) is two
        // transactions, not a duplicate.
        static NONCE: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let spread = NONCE.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % EXPIRATION_SPREAD_SECS;
        trx.expiration = TimePointSec::from_secs(info.head_block_secs()? + EXPIRATION_SECS + spread);
        Ok((trx, chain_id))
    }

    /// Asks the node which of `available` keys `trx` needs (`get_required_keys`).
    pub fn required_keys(&self, trx: &Transaction, available: &[PublicKey]) -> Result<Vec<PublicKey>, ChainError> {
        let body = json!({
            "transaction": trx.to_json(),
            "available_keys": available.iter().map(public_key_to_legacy).collect::<Vec<_>>(),
        });
        let answer = self.call("/v1/chain/get_required_keys", &body)?;
        let keys = answer
            .get("required_keys")
            .and_then(Value::as_array)
            .ok_or_else(|| ChainError::Decode(format!("get_required_keys: {answer}")))?;
        keys.iter()
            .map(|k| {
                let text = k
                    .as_str()
                    .ok_or_else(|| ChainError::Decode(format!("get_required_keys: key {k} is not a string")))?;
                Ok(parse_public_key(text)?)
            })
            .collect()
    }

    /// Builds, signs with the keyring keys the node says are needed, and sends.
    ///
    /// Pushing the same actions twice within one block gives the same transaction id
    /// (nodeos refuses the duplicate): vary the data if that can happen.
    pub fn push_actions(&self, actions: Vec<Action<Vec<u8>>>) -> Result<PushOutcome, ChainError> {
        let (trx, chain_id) = self.build_transaction(actions)?;
        let available = self.public_keys();
        let required = self.required_keys(&trx, &available)?;
        let signers: Vec<PrivateKey> = {
            let keys = self.lock_keys();
            required
                .iter()
                .map(|needed| {
                    keys.iter().find(|k| k.public_key() == *needed).cloned().ok_or_else(|| {
                        ChainError::Key(format!("required key {} is not in the keyring", public_key_to_legacy(needed)))
                    })
                })
                .collect::<Result<_, _>>()?
        };
        self.send_transaction(&trx.sign(&chain_id, &signers))
    }

    /// [`Self::push_actions`] with one action.
    pub fn push_action(&self, action: Action<Vec<u8>>) -> Result<PushOutcome, ChainError> {
        self.push_actions(vec![action])
    }

    /// Builds, signs with exactly `keys` (no `get_required_keys`), and sends: for tests of
    /// missing or wrong signatures.
    pub fn push_actions_with_keys(
        &self,
        actions: Vec<Action<Vec<u8>>>,
        keys: &[PrivateKey],
    ) -> Result<PushOutcome, ChainError> {
        let (trx, chain_id) = self.build_transaction(actions)?;
        self.send_transaction(&trx.sign(&chain_id, keys))
    }

    /// Sends a signed transaction (`/v1/chain/send_transaction`).
    pub fn send_transaction(&self, signed: &SignedTransaction) -> Result<PushOutcome, ChainError> {
        let answer = self.call("/v1/chain/send_transaction", &signed.to_json())?;
        PushOutcome::from_response(answer)
    }

    /// Runs `actions` as a read-only transaction (`/v1/chain/send_read_only_transaction`,
    /// Leap 4): built as [`Self::push_actions`] builds one, but the actions must carry no
    /// authorizations and nothing is signed. The node executes it on its current state,
    /// writes nothing, bills nothing and puts nothing in a block; the answer is the trace
    /// (read the first action's return value with [`PushOutcome::return_value`]). A
    /// failure (an assertion; an action with an authorization) is an error as for a push.
    pub fn read_only(&self, actions: Vec<Action<Vec<u8>>>) -> Result<PushOutcome, ChainError> {
        let (trx, chain_id) = self.build_transaction(actions)?;
        let body = json!({ "transaction": trx.sign(&chain_id, &[]).to_json() });
        PushOutcome::from_response(self.call("/v1/chain/send_read_only_transaction", &body)?)
    }

    /// One page of a table by primary key, rows undecoded (`"json": false`).
    pub fn get_table_rows_raw(
        &self,
        code: impl Display,
        scope: impl Display,
        table: impl Display,
        lower_bound: Option<u64>,
        limit: u32,
    ) -> Result<TablePage, ChainError> {
        self.table_page(&code.to_string(), &scope.to_string(), &table.to_string(), lower_bound, None, limit)
    }

    fn table_page(
        &self,
        code: &str,
        scope: &str,
        table: &str,
        lower_bound: Option<u64>,
        upper_bound: Option<u64>,
        limit: u32,
    ) -> Result<TablePage, ChainError> {
        let bound = |b: Option<u64>| b.map(|k| k.to_string()).unwrap_or_default();
        let body = json!({
            "code": code,
            "scope": scope,
            "table": table,
            "json": false,
            "key_type": "i64",
            "index_position": "1",
            "lower_bound": bound(lower_bound),
            "upper_bound": bound(upper_bound),
            "limit": limit,
        });
        let answer = self.call("/v1/chain/get_table_rows", &body)?;
        let what = || format!("get_table_rows {code}/{scope}/{table}");
        let rows = answer
            .get("rows")
            .and_then(Value::as_array)
            .ok_or_else(|| ChainError::Decode(format!("{}: no rows in {answer}", what())))?
            .iter()
            .map(|row| {
                row.as_str()
                    .and_then(|h| hex::decode(h).ok())
                    .ok_or_else(|| ChainError::Decode(format!("{}: row {row} is not hex", what())))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let more = answer.get("more").and_then(Value::as_bool).unwrap_or(false);
        let next_key = match answer.get("next_key").and_then(Value::as_str) {
            Some(key) if more && !key.is_empty() => Some(
                key.parse::<u64>()
                    .map_err(|_| ChainError::Decode(format!("{}: next_key {key:?} is not a number", what())))?,
            ),
            _ => None,
        };
        Ok(TablePage { rows, more, next_key })
    }

    /// Every row of a table (all pages), undecoded.
    pub fn rows_raw(
        &self,
        code: impl Display,
        scope: impl Display,
        table: impl Display,
    ) -> Result<Vec<Vec<u8>>, ChainError> {
        let (code, scope, table) = (code.to_string(), scope.to_string(), table.to_string());
        let mut rows = Vec::new();
        let mut lower = None;
        loop {
            let page = self.table_page(&code, &scope, &table, lower, None, PAGE_LIMIT)?;
            rows.extend(page.rows);
            match page.next_key {
                Some(next) if page.more => {
                    if lower.is_some_and(|l| next <= l) {
                        return Err(ChainError::Decode(format!(
                            "get_table_rows {code}/{scope}/{table}: next_key {next} does not advance"
                        )));
                    }
                    lower = Some(next);
                }
                _ => return Ok(rows),
            }
        }
    }

    /// Every row of a table, each read (all of its bytes) as `T`.
    pub fn rows<T: Read>(
        &self,
        code: impl Display,
        scope: impl Display,
        table: impl Display,
    ) -> Result<Vec<T>, ChainError> {
        let (code, scope, table) = (code.to_string(), scope.to_string(), table.to_string());
        self.rows_raw(&code, &scope, &table)?
            .iter()
            .enumerate()
            .map(|(i, bytes)| decode_all(bytes, || format!("row {i} of table {code}/{scope}/{table}")))
            .collect()
    }

    /// The row with this primary key, read as `T`, or `None`.
    pub fn row<T: Read>(
        &self,
        code: impl Display,
        scope: impl Display,
        table: impl Display,
        primary_key: u64,
    ) -> Result<Option<T>, ChainError> {
        let (code, scope, table) = (code.to_string(), scope.to_string(), table.to_string());
        let page = self.table_page(&code, &scope, &table, Some(primary_key), Some(primary_key), 1)?;
        page.rows
            .first()
            .map(|bytes| decode_all(bytes, || format!("row {primary_key} of table {code}/{scope}/{table}")))
            .transpose()
    }

    /// `/v1/chain/get_account`; an error when the account does not exist.
    pub fn get_account(&self, name: impl Display) -> Result<Value, ChainError> {
        self.call("/v1/chain/get_account", &json!({ "account_name": name.to_string() }))
    }

    /// Whether the account exists (any error counts as "no").
    pub fn account_exists(&self, name: impl Display) -> bool {
        self.get_account(name).is_ok()
    }

    /// `/v1/chain/get_currency_balance`: balances like `"10.0000 RUB"`; an empty `symbol`
    /// asks for every symbol of `code`.
    pub fn get_currency_balance(
        &self,
        code: impl Display,
        account: impl Display,
        symbol: &str,
    ) -> Result<Vec<String>, ChainError> {
        let mut body = json!({ "code": code.to_string(), "account": account.to_string() });
        if !symbol.is_empty() {
            body["symbol"] = json!(symbol);
        }
        let answer = self.call("/v1/chain/get_currency_balance", &body)?;
        serde_json::from_value(answer.clone())
            .map_err(|e| ChainError::Decode(format!("get_currency_balance: {e}: {answer}")))
    }

    /// `/v1/chain/get_code_hash`: the sha256 of the account's code (all zeros when none).
    pub fn get_code_hash(&self, account: impl Display) -> Result<String, ChainError> {
        let answer = self.call("/v1/chain/get_code_hash", &json!({ "account_name": account.to_string() }))?;
        answer
            .get("code_hash")
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or_else(|| ChainError::Decode(format!("get_code_hash: {answer}")))
    }

    /// `/v1/chain/get_abi`: the account's ABI as JSON (`null` when it has none).
    pub fn get_abi(&self, account: impl Display) -> Result<Value, ChainError> {
        let answer = self.call("/v1/chain/get_abi", &json!({ "account_name": account.to_string() }))?;
        Ok(answer.get("abi").cloned().unwrap_or(Value::Null))
    }

    /// Polls `get_info` every 100 ms until the head block is at least `block_num`; gives up
    /// after 10 s plus 1 s per block still to come.
    pub fn wait_for_block(&self, block_num: u32) -> Result<ChainInfo, ChainError> {
        let info = self.get_info()?;
        let remaining = u64::from(block_num.saturating_sub(info.head_block_num));
        let deadline = Instant::now() + Duration::from_secs(10 + remaining);
        let mut info = info;
        while info.head_block_num < block_num {
            if Instant::now() >= deadline {
                return Err(ChainError::Timeout(format!(
                    "waiting for block {block_num} at {}: head is still {}",
                    self.url, info.head_block_num
                )));
            }
            std::thread::sleep(Duration::from_millis(100));
            info = self.get_info()?;
        }
        Ok(info)
    }

    /// Waits until `count` more blocks are produced.
    pub fn wait_blocks(&self, count: u32) -> Result<ChainInfo, ChainError> {
        let head = self.get_info()?.head_block_num;
        self.wait_for_block(head.saturating_add(count))
    }
}

fn read_body(response: ureq::Response, url: &str) -> Result<String, ChainError> {
    let mut text = String::new();
    response
        .into_reader()
        .read_to_string(&mut text)
        .map_err(|e| ChainError::Network(format!("{url}: reading the answer: {e}")))?;
    Ok(text)
}

/// Reads `T` from `bytes`, requiring every byte to be used.
fn decode_all<T: Read>(bytes: &[u8], what: impl Fn() -> String) -> Result<T, ChainError> {
    let mut pos = 0;
    let value =
        T::read(bytes, &mut pos).map_err(|e| ChainError::Decode(format!("{}: {e} ({} bytes)", what(), bytes.len())))?;
    if pos != bytes.len() {
        return Err(ChainError::Decode(format!(
            "{}: {} of {} bytes left over",
            what(),
            bytes.len() - pos,
            bytes.len()
        )));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_error() -> Value {
        json!({
            "code": 500,
            "message": "Internal Service Error",
            "error": {
                "code": 3050003,
                "name": "eosio_assert_message_exception",
                "what": "eosio_assert_message assertion failure",
                "details": [
                    {"message": "assertion failure with message: not a member", "file": "cf_system.cpp", "line_number": 14, "method": "eosio_assert"},
                    {"message": "pending console output: ", "file": "apply_context.cpp", "line_number": 124, "method": "exec_one"}
                ]
            }
        })
    }

    #[test]
    fn node_errors_give_the_assertion_message() {
        let err = ChainError::Node(NodeError::from_http(500, &assert_error()).unwrap());
        assert_eq!(err.assertion_message(), Some("not a member"));
        assert_eq!(err.name(), Some("eosio_assert_message_exception"));
        assert_eq!(err.code(), Some(3050003));
        assert_eq!(err.message(), "assertion failure with message: not a member");
        let text = err.to_string();
        assert!(text.contains("3050003") && text.contains("not a member"), "{text}");
        assert!(!text.contains("pending console output"), "{text}");
    }

    #[test]
    fn other_node_errors_have_no_assertion_message() {
        let body = json!({"code": 500, "message": "Internal Service Error", "error": {
            "code": 3090003, "name": "unsatisfied_authorization",
            "what": "Provided keys, permissions, and delays do not satisfy declared authorizations",
            "details": [{"message": "transaction declares authority '{\"actor\":\"alice\",\"permission\":\"active\"}', but does not have signatures for it."}]
        }});
        let err = ChainError::Node(NodeError::from_http(500, &body).unwrap());
        assert_eq!(err.assertion_message(), None);
        assert_eq!(err.name(), Some("unsatisfied_authorization"));
        assert!(err.message().starts_with("transaction declares authority"));
        let net = ChainError::Network("refused".into());
        assert_eq!((net.name(), net.assertion_message(), net.message()), (None, None, "refused"));
    }

    #[test]
    fn processed_except_is_an_error() {
        let answer = json!({
            "transaction_id": "ab",
            "processed": {
                "id": "ab",
                "block_num": 5,
                "except": {
                    "code": 3050003,
                    "name": "eosio_assert_message_exception",
                    "message": "eosio_assert_message assertion failure",
                    "stack": [{"context": {}, "format": "assertion failure with message: ${s}", "data": {"s": "too late"}}]
                }
            }
        });
        let err = PushOutcome::from_response(answer).unwrap_err();
        assert_eq!(err.assertion_message(), Some("too late"));
        assert_eq!(err.code(), Some(3050003));
    }

    fn trace(ordinal: u32, creator: u32, receiver: &str, account: &str, name: &str) -> Value {
        json!({
            "action_ordinal": ordinal,
            "creator_action_ordinal": creator,
            "receiver": receiver,
            "act": {"account": account, "name": name, "authorization": [], "data": {"x": 1}, "hex_data": "0102"},
            "console": format!("{receiver} "),
            "account_ram_deltas": [{"account": "alice", "delta": 100}, {"account": receiver, "delta": -7}],
            "return_value_hex_data": if ordinal == 1 { "2a00000000000000" } else { "" },
            "elapsed": 10 + ordinal,
        })
    }

    #[test]
    fn push_outcome_reads_traces_ram_and_return_value() {
        let answer = json!({
            "transaction_id": "f00d",
            "processed": {
                "id": "f00d",
                "block_num": 42,
                "receipt": {"status": "executed", "cpu_usage_us": 150, "net_usage_words": 16},
                "action_traces": [
                    trace(1, 0, "soviet", "soviet", "vote"),
                    trace(2, 1, "alice", "soviet", "vote"),
                    trace(3, 1, "soviet", "soviet", "newevent"),
                    trace(4, 3, "bob", "soviet", "newevent"),
                ],
                "except": null
            }
        });
        let outcome = PushOutcome::from_response(answer).unwrap();
        assert_eq!(outcome.transaction_id, "f00d");
        assert_eq!(outcome.block_num, 42);
        assert_eq!((outcome.cpu_usage_us, outcome.net_usage_words), (150, 16));
        assert_eq!(outcome.action_traces.len(), 4);
        assert_eq!(outcome.action_traces[0].data, vec![1, 2]);
        assert_eq!(outcome.action_traces[0].data_json["x"], 1);
        assert_eq!(outcome.action_traces.iter().map(|t| t.elapsed_us).collect::<Vec<_>>(), vec![11, 12, 13, 14]);
        assert_eq!(outcome.return_value::<u64>(), 42);
        assert_eq!(outcome.ram_delta("alice"), 400 - 7);
        assert_eq!(outcome.ram_delta("soviet"), -14);
        assert_eq!(outcome.ram_delta("bob"), -7);
        assert_eq!(outcome.ram_delta("carol"), 0);
        assert_eq!(outcome.ram_deltas, vec![("alice".into(), 393), ("bob".into(), -7), ("soviet".into(), -14)]);
        let events = outcome.inline_actions("soviet", "newevent");
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].action_ordinal, 3);
        assert_eq!(events[0].decode_data::<u16>().unwrap(), 0x0201);
        assert!(outcome.inline_actions("soviet", "vote").is_empty());
        assert_eq!(outcome.console(), "soviet alice soviet bob ");
        // A wrong type is an error, not garbage.
        assert!(outcome.try_return_value::<u32>().is_err());
        assert!(outcome.try_return_value::<Vec<u8>>().is_err());
    }

    #[test]
    fn chain_info_reads_get_info() {
        let info: ChainInfo = serde_json::from_value(json!({
            "server_version": "d133c641",
            "chain_id": "cf057bbfb72640471fd910bcb67639c22df9f92470936cddc1ade0e2f2e7dc4f",
            "head_block_num": 100,
            "last_irreversible_block_num": 99,
            "last_irreversible_block_id": "00000063aaaa",
            "head_block_id": "00000064bbbb",
            "head_block_time": "2024-02-29T12:34:56.500",
            "head_block_producer": "eosio",
            "server_version_string": "v4.1.0"
        }))
        .unwrap();
        assert_eq!(info.head_block_secs().unwrap(), 1_709_210_096);
        assert_eq!(info.chain_id_bytes().unwrap()[0], 0xcf);
        assert_eq!(info.server_version_string, "v4.1.0");
    }

    #[test]
    fn unreachable_node_is_a_network_error() {
        // Port 9 (discard) on loopback: nothing listens there in the test environment.
        let client = Client::new("http://127.0.0.1:9/");
        assert_eq!(client.url(), "http://127.0.0.1:9");
        match client.get_info() {
            Err(ChainError::Network(msg)) => assert!(msg.contains("127.0.0.1:9"), "{msg}"),
            other => panic!("expected a network error, got {other:?}"),
        }
        assert!(!client.account_exists("alice"));
    }

    #[test]
    fn keyring_is_shared_by_clones() {
        let client = Client::new("http://127.0.0.1:9");
        let clone = client.clone();
        clone.add_key(PrivateKey::dev());
        clone.add_key(PrivateKey::dev());
        assert_eq!(client.public_keys(), vec![PrivateKey::dev().public_key()]);
        assert!(format!("{client:?}").contains(crate::keys::DEV_PUBLIC_KEY));
    }
}
