//! The node's side: `/v1/chain/get_info` (head, last irreversible block, chain id) and the
//! trace API's `/v1/trace_api/get_block`, whose blocks list every applied transaction
//! with all its actions — top-level and inline — each with its data and return value
//! (hex, as `trace_api_plugin` stores them with `trace-no-abis`).
use crate::Error;
use eosio::Name;
use serde_json::{json, Value};
use std::time::Duration;

/// How many times a request that did not reach the node is tried before giving up.
const ATTEMPTS: u32 = 5;

/// A node's HTTP API.
pub struct Node {
    url: String,
    agent: ureq::Agent,
}

/// What `get_info` says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainInfo {
    pub chain_id: String,
    pub head: u32,
    pub last_irreversible: u32,
}

/// One action as the trace API shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionTrace {
    /// The chain-wide execution order of actions.
    pub global_sequence: u64,
    /// The account whose code ran (differs from `account` for notifications).
    pub receiver: Name,
    pub account: Name,
    pub action: Name,
    /// The accounts that authorised the action.
    pub authorization: Vec<Name>,
    pub data: Vec<u8>,
    pub return_value: Vec<u8>,
}

/// One transaction of a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TransactionTrace {
    pub id: String,
    /// `executed` for a transaction that was applied.
    pub status: String,
    pub actions: Vec<ActionTrace>,
}

/// One block's traces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockTrace {
    pub number: u32,
    pub id: String,
    pub previous_id: String,
    /// `2026-11-29T17:02:06.500Z`.
    pub timestamp: String,
    pub transactions: Vec<TransactionTrace>,
}

/// The answer of `get_block`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fetched {
    Block(BlockTrace),
    /// The node has no traces of this block (the genesis block, or a block applied while
    /// the node ran without `trace_api_plugin`).
    Missing,
}

impl Node {
    pub fn new(url: &str) -> Node {
        let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(30)).build();
        Node { url: url.trim_end_matches('/').to_string(), agent }
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    /// POSTs `body` to `path`; `Ok(Err((status, body)))` for an HTTP error answer.
    fn post(&self, path: &str, body: &Value) -> Result<Result<Value, (u16, String)>, Error> {
        let url = format!("{}{path}", self.url);
        let mut attempt = 0;
        loop {
            attempt += 1;
            match self.agent.post(&url).send_json(body) {
                Ok(response) => {
                    return response.into_json().map(Ok).map_err(|e| Error::Node(format!("{url}: bad JSON: {e}")))
                }
                Err(ureq::Error::Status(status, response)) => {
                    return Ok(Err((status, response.into_string().unwrap_or_default())))
                }
                Err(e) if attempt < ATTEMPTS => {
                    let _ = e;
                    std::thread::sleep(Duration::from_millis(200 * u64::from(attempt)));
                }
                Err(e) => return Err(Error::Node(format!("{url}: {e}"))),
            }
        }
    }

    pub fn info(&self) -> Result<ChainInfo, Error> {
        let value = self.post("/v1/chain/get_info", &json!({}))?.map_err(|(status, body)| {
            Error::Node(format!("{}/v1/chain/get_info answered {status}: {body}", self.url))
        })?;
        let number = |key: &str| {
            value[key].as_u64().and_then(|n| u32::try_from(n).ok()).ok_or_else(|| bad_field("get_info", key))
        };
        Ok(ChainInfo {
            chain_id: value["chain_id"].as_str().ok_or_else(|| bad_field("get_info", "chain_id"))?.to_string(),
            head: number("head_block_num")?,
            last_irreversible: number("last_irreversible_block_num")?,
        })
    }

    /// The id of block `number` (`/v1/chain/get_block`): for the genesis block, which has
    /// no traces, and to check that a database continues this node's chain.
    pub fn block_id(&self, number: u32) -> Result<String, Error> {
        let value =
            self.post("/v1/chain/get_block", &json!({ "block_num_or_id": number }))?.map_err(|(status, body)| {
                Error::Node(format!("{}/v1/chain/get_block {number} answered {status}: {body}", self.url))
            })?;
        Ok(value["id"].as_str().ok_or_else(|| bad_field("get_block", "id"))?.to_string())
    }

    /// The traces of block `number`.
    pub fn block(&self, number: u32) -> Result<Fetched, Error> {
        match self.post("/v1/trace_api/get_block", &json!({ "block_num": number }))? {
            Ok(value) => parse_block(&value).map(Fetched::Block),
            Err((404, body)) if body.contains("block trace missing") => Ok(Fetched::Missing),
            Err((404, body)) => Err(Error::Node(format!(
                "{}/v1/trace_api/get_block answered 404 ({body}): the node must run eosio::trace_api_plugin \
                 (a localnet started before it had it: `scripts/localnet down`, then `scripts/localnet up`)",
                self.url
            ))),
            Err((status, body)) => {
                Err(Error::Node(format!("{}/v1/trace_api/get_block answered {status}: {body}", self.url)))
            }
        }
    }
}

fn bad_field(what: &str, key: &str) -> Error {
    Error::Node(format!("{what}: missing or bad field {key:?}"))
}

fn text<'a>(value: &'a Value, key: &str) -> Result<&'a str, Error> {
    value[key].as_str().ok_or_else(|| bad_field("get_block", key))
}

fn name_of(value: &Value, key: &str) -> Result<Name, Error> {
    text(value, key)?.parse().map_err(|_| bad_field("get_block", key))
}

fn bytes_of(value: &Value, key: &str) -> Result<Vec<u8>, Error> {
    match &value[key] {
        Value::Null => Ok(Vec::new()),
        Value::String(hex_text) => hex::decode(hex_text).map_err(|_| bad_field("get_block", key)),
        _ => Err(bad_field("get_block", key)),
    }
}

/// Reads a `get_block` answer (`trace_api_plugin`'s block trace, version 1 or 2).
pub fn parse_block(value: &Value) -> Result<BlockTrace, Error> {
    let number =
        value["number"].as_u64().and_then(|n| u32::try_from(n).ok()).ok_or_else(|| bad_field("get_block", "number"))?;
    let mut transactions = Vec::new();
    for trx in value["transactions"].as_array().ok_or_else(|| bad_field("get_block", "transactions"))? {
        let mut actions = Vec::new();
        for action in trx["actions"].as_array().ok_or_else(|| bad_field("get_block", "actions"))? {
            let authorization = match action["authorization"].as_array() {
                Some(levels) => levels.iter().map(|level| name_of(level, "account")).collect::<Result<_, _>>()?,
                None => Vec::new(),
            };
            actions.push(ActionTrace {
                global_sequence: action["global_sequence"]
                    .as_u64()
                    .ok_or_else(|| bad_field("get_block", "global_sequence"))?,
                receiver: name_of(action, "receiver")?,
                account: name_of(action, "account")?,
                action: name_of(action, "action")?,
                authorization,
                data: bytes_of(action, "data")?,
                return_value: bytes_of(action, "return_value")?,
            });
        }
        transactions.push(TransactionTrace {
            id: text(trx, "id")?.to_string(),
            status: text(trx, "status")?.to_string(),
            actions,
        });
    }
    Ok(BlockTrace {
        number,
        id: text(value, "id")?.to_string(),
        previous_id: text(value, "previous_id")?.to_string(),
        timestamp: text(value, "timestamp")?.to_string(),
        transactions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trace_api_block_reads_with_data_and_return_values() {
        let value = json!({
            "id": "0c", "number": 12, "previous_id": "0b", "status": "irreversible",
            "timestamp": "2026-11-29T17:02:06.500Z", "producer": "eosio",
            "transactions": [{
                "id": "aa", "block_num": 12, "status": "executed",
                "actions": [{
                    "global_sequence": 260, "receiver": "wallet", "account": "wallet", "action": "deposit",
                    "authorization": [{"account": "alice", "permission": "active"}],
                    "data": "0102", "return_value": "0100000000000000"
                }]
            }]
        });
        let block = parse_block(&value).unwrap();
        assert_eq!(block.number, 12);
        let action = &block.transactions[0].actions[0];
        assert_eq!(action.action, coop_runtime::n("deposit"));
        assert_eq!(action.authorization, vec![coop_runtime::n("alice")]);
        assert_eq!(action.data, vec![1, 2]);
        assert_eq!(action.return_value, vec![1, 0, 0, 0, 0, 0, 0, 0]);
    }

    #[test]
    fn a_block_with_a_bad_field_is_refused() {
        let value = json!({ "id": "0c", "number": 12, "previous_id": "0b", "timestamp": "x", "transactions": [{
            "id": "aa", "status": "executed",
            "actions": [{ "global_sequence": 1, "receiver": "wallet", "account": "wallet", "action": "deposit",
                "data": "not hex" }]
        }]});
        match parse_block(&value) {
            Err(Error::Node(m)) => assert_eq!(m, "get_block: missing or bad field \"data\""),
            other => panic!("expected a refusal, got {other:?}"),
        }
    }
}
