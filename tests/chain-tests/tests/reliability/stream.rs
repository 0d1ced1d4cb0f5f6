//! A stream of real flows pushed round-robin to every live node of a network, as a careful
//! client pushes them. Each lane is one person's flow, a list of steps; a step is one
//! transaction, built when it is pushed from what the chosen node shows (ids of deposits,
//! decisions, withdrawals). The rule a client on a single-producer chain must follow, and
//! the lanes follow:
//!
//! - a transaction is *settled* once it is in an irreversible block — a node's answer to a
//!   push (its traces) is not that: the node may die before the transaction reaches a block,
//!   or the producer may die with the block still reversible;
//! - until it is settled the lane keeps the *same signed* transaction and sends it again,
//!   to the next live node, every [`RESEND_AFTER`]: the chain refuses a transaction it
//!   already has (`tx_duplicate`), so a resend can never apply it twice;
//! - a transaction that expired without settling can never be in a block: only then is
//!   its step signed anew;
//! - a lane's next step waits for its previous one to settle, and goes to a node that has
//!   the block it settled in.
//!
//! The stream keeps the index of every transaction in an irreversible block since it began
//! ([`Irreversible`]): what the test checks after the faults.
use antelope_test_harness::client::{ChainError, ChainInfo};
use antelope_test_harness::fixture::{TestChain, TOO_BUSY};
use antelope_test_harness::keys::PrivateKey;
use antelope_test_harness::transaction::SignedTransaction;
use coop_runtime::action::level;
use coop_runtime::system::ACTIVE;
use coop_runtime::ActionData;
use eosio::{Action, Name};
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::time::{Duration, Instant};

/// How long a lane waits for its transaction to settle before sending it again.
pub const RESEND_AFTER: Duration = Duration::from_secs(3);
/// How often a lane may send one transaction before the test gives up on it.
const MAX_SENDS: u32 = 60;
/// `tx_duplicate`: the node already has this transaction.
const DUPLICATE: i64 = 3_040_008;
/// `expired_tx_exception`: past its expiration; no block can take it any more.
const EXPIRED: i64 = 3_040_005;
/// `invalid_ref_block_exception`: the node does not have the block the transaction refers
/// to yet (it is behind).
const UNKNOWN_REF_BLOCK: i64 = 3_040_007;

/// Builds a step's action from what a node shows.
type Build = Box<dyn Fn(&TestChain) -> Action<Vec<u8>>>;

/// One transaction of a lane: what it is, and how to build its action from a node's state.
pub struct Step {
    pub what: String,
    build: Build,
}

/// A step pushing `contract::A`, signed by `signer@active`, its data built by `data`.
pub fn step<A: ActionData + 'static>(
    what: impl Into<String>,
    contract: Name,
    signer: Name,
    data: impl Fn(&TestChain) -> A + 'static,
) -> Step {
    Step { what: what.into(), build: Box::new(move |chain| data(chain).to_action(contract, &[level(signer, ACTIVE)])) }
}

/// One person's flow.
pub struct Lane {
    pub name: String,
    steps: VecDeque<Step>,
    pending: Option<Pending>,
    /// The block its last settled transaction is in.
    after: u32,
    pub settled: usize,
}

struct Pending {
    step: Step,
    signed: SignedTransaction,
    id: String,
    sent: Instant,
    sends: u32,
    /// When a node first called it expired: from then on no block can take it.
    expired: Option<Instant>,
}

/// A node of the network as the stream sees it.
pub struct Node {
    pub chain: TestChain,
    pub live: bool,
    pub info: Option<ChainInfo>,
}

/// Every transaction in an irreversible block since the stream began: id → block number,
/// and the id of each such block.
#[derive(Clone, Debug, Default)]
pub struct Irreversible {
    pub scanned: u32,
    pub txs: HashMap<String, u32>,
    pub blocks: BTreeMap<u32, String>,
}

impl Irreversible {
    /// Reads the blocks after the last one read, up to `lib`, from `chain`.
    fn scan(&mut self, chain: &TestChain, lib: u32) -> Result<(), ChainError> {
        while self.scanned < lib {
            let num = self.scanned + 1;
            let block = chain.client.call("/v1/chain/get_block", &json!({ "block_num_or_id": num }))?;
            let ids = transaction_ids(&block);
            if !ids.is_empty() {
                self.blocks.insert(num, block["id"].as_str().unwrap_or_default().to_string());
            }
            for id in ids {
                self.txs.insert(id, num);
            }
            self.scanned = num;
        }
        Ok(())
    }
}

/// The ids of the transactions of a `get_block` answer.
pub fn transaction_ids(block: &Value) -> Vec<String> {
    block["transactions"]
        .as_array()
        .map(|txs| {
            txs.iter()
                .filter_map(|t| t["trx"]["id"].as_str().or_else(|| t["trx"].as_str()).map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The lanes and the nodes they push to.
pub struct Stream {
    pub nodes: Vec<Node>,
    pub lanes: Vec<Lane>,
    keys: Vec<PrivateKey>,
    next_node: usize,
    pub index: Irreversible,
    /// Transactions sent for the first time, and sent again.
    pub pushes: usize,
    pub resends: usize,
    /// Answers a node gave to a first push (the traces of its speculative run): the
    /// transaction id and the node.
    pub acknowledged: Vec<(String, usize)>,
    /// Transactions a node took as new when they were sent again: the first send was lost.
    pub revived: HashSet<String>,
    /// Transactions that expired unsettled, their steps signed anew.
    pub expired: usize,
}

impl Stream {
    /// A stream over `chains` (one per node, node 0 the producer), indexing blocks after
    /// `from_block`.
    pub fn new(chains: Vec<TestChain>, from_block: u32) -> Stream {
        let nodes = chains.into_iter().map(|chain| Node { chain, live: true, info: None }).collect();
        let index = Irreversible { scanned: from_block, ..Irreversible::default() };
        let mut stream = Stream {
            nodes,
            lanes: Vec::new(),
            keys: Vec::new(),
            next_node: 0,
            index,
            pushes: 0,
            resends: 0,
            acknowledged: Vec::new(),
            revived: HashSet::new(),
            expired: 0,
        };
        stream.add_key(PrivateKey::dev());
        stream
    }

    /// A key every node's client signs with from now on.
    pub fn add_key(&mut self, key: PrivateKey) {
        for node in &self.nodes {
            node.chain.client.add_key(key.clone());
        }
        self.keys.push(key);
    }

    pub fn add_lane(&mut self, name: impl Into<String>, steps: Vec<Step>) {
        self.lanes.push(Lane { name: name.into(), steps: steps.into(), pending: None, after: 0, settled: 0 });
    }

    /// Reads the irreversible blocks up to node `node`'s last irreversible block now.
    pub fn catch_up(&mut self, node: usize) {
        let chain = &self.nodes[node].chain;
        let lib = chain.client.get_info().unwrap_or_else(|e| panic!("node {node}: {e}")).last_irreversible_block_num;
        self.index.scan(chain, lib).unwrap_or_else(|e| panic!("node {node}: reading blocks: {e}"));
    }

    /// Whether every lane has settled every step.
    pub fn finished(&self) -> bool {
        self.lanes.iter().all(|l| l.steps.is_empty() && l.pending.is_none())
    }

    /// Steps not yet settled, over all lanes.
    pub fn remaining(&self) -> usize {
        self.lanes.iter().map(|l| l.steps.len() + usize::from(l.pending.is_some())).sum()
    }

    /// One round: every live node's head, the irreversible blocks read up to the highest
    /// last irreversible block, then each lane: its transaction settled, sent again, or its
    /// next step pushed to the next live node that has what the step depends on.
    pub fn tick(&mut self) {
        for node in &mut self.nodes {
            node.info = if node.live { node.chain.client.get_info().ok() } else { None };
        }
        let best = (0..self.nodes.len())
            .filter(|&i| self.nodes[i].info.is_some())
            .max_by_key(|&i| self.nodes[i].info.as_ref().map_or(0, |info| info.last_irreversible_block_num));
        if let Some(best) = best {
            let lib = self.nodes[best].info.as_ref().map_or(0, |info| info.last_irreversible_block_num);
            if let Err(e) = self.index.scan(&self.nodes[best].chain, lib) {
                eprintln!("stream: reading blocks from node {best}: {e}");
            }
        }
        for lane in 0..self.lanes.len() {
            self.drive(lane);
        }
    }

    /// [`Stream::tick`] every 150 ms until `done` or `timeout` (a panic).
    pub fn run_until(&mut self, timeout: Duration, what: &str, mut done: impl FnMut(&Stream) -> bool) {
        let deadline = Instant::now() + timeout;
        while !done(self) {
            assert!(Instant::now() < deadline, "stream: {what} not reached in {timeout:?}; {}", self.describe());
            self.tick();
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    /// Where each unfinished lane is.
    pub fn describe(&self) -> String {
        let lanes: Vec<String> = self
            .lanes
            .iter()
            .filter(|l| !l.steps.is_empty() || l.pending.is_some())
            .map(|l| match &l.pending {
                Some(p) => format!("{}: {} sent {} times, {} to go", l.name, p.step.what, p.sends, l.steps.len()),
                None => format!("{}: next {:?}", l.name, l.steps.front().map(|s| &s.what)),
            })
            .collect();
        format!("{} pushes, {} resends; unfinished lanes: {}", self.pushes, self.resends, lanes.join("; "))
    }

    fn drive(&mut self, lane: usize) {
        if let Some(pending) = &self.lanes[lane].pending {
            if let Some(&block) = self.index.txs.get(&pending.id) {
                let l = &mut self.lanes[lane];
                l.after = block;
                l.settled += 1;
                l.pending = None;
            } else if pending.expired.is_some_and(|at| at.elapsed() >= 2 * RESEND_AFTER) {
                // Expired and still not in an irreversible block (a reversible one holding
                // it would have become irreversible by now): lost for good, signed anew.
                let l = &mut self.lanes[lane];
                let pending = l.pending.take().expect("pending");
                l.steps.push_front(pending.step);
                self.expired += 1;
            } else if pending.expired.is_none() && pending.sent.elapsed() >= RESEND_AFTER {
                self.resend(lane);
                return;
            } else {
                return;
            }
        }
        let after = self.lanes[lane].after;
        let Some(node) = self.pick(after) else { return };
        let Some(step) = self.lanes[lane].steps.pop_front() else { return };
        let chain = &self.nodes[node].chain;
        let action = (step.build)(chain);
        let signed = match self.sign(node, action) {
            Ok(signed) => signed,
            Err(e) => {
                eprintln!("stream: {} {}: signing through node {node}: {e}; later", self.lanes[lane].name, step.what);
                self.lanes[lane].steps.push_front(step);
                return;
            }
        };
        let id = signed.id();
        self.pushes += 1;
        match self.nodes[node].chain.client.send_transaction(&signed) {
            Ok(_) => self.acknowledged.push((id.clone(), node)),
            Err(e) if e.code().is_some_and(|c| TOO_BUSY.contains(&c)) => {
                self.lanes[lane].steps.push_front(step);
                return;
            }
            Err(ChainError::Node(e)) => {
                panic!("stream: {} {} refused by node {node}: {} {}", self.lanes[lane].name, step.what, e.name, e.what)
            }
            // No answer: the node may or may not have it; sent again if it never settles.
            Err(e) => eprintln!("stream: {} {} to node {node}: {e}", self.lanes[lane].name, step.what),
        }
        self.lanes[lane].pending = Some(Pending { step, signed, id, sent: Instant::now(), sends: 1, expired: None });
    }

    fn resend(&mut self, lane: usize) {
        let Some(node) = self.pick(0) else { return };
        let l = &mut self.lanes[lane];
        let pending = l.pending.as_mut().expect("pending");
        let what = &pending.step.what;
        assert!(pending.sends < MAX_SENDS, "stream: {} {what} never settled after {MAX_SENDS} sends", l.name);
        pending.sends += 1;
        pending.sent = Instant::now();
        self.resends += 1;
        match self.nodes[node].chain.client.send_transaction(&pending.signed) {
            Ok(_) => {
                self.revived.insert(pending.id.clone());
            }
            Err(e) if e.code() == Some(EXPIRED) => pending.expired = Some(Instant::now()),
            Err(e) if e.code().is_some_and(|c| c == DUPLICATE || c == UNKNOWN_REF_BLOCK || TOO_BUSY.contains(&c)) => {}
            Err(ChainError::Node(e)) => {
                panic!("stream: {} {what} sent again, refused by node {node}: {} {}", l.name, e.name, e.what)
            }
            Err(_) => {}
        }
    }

    /// The next live node, round-robin, whose head has block `after`.
    fn pick(&mut self, after: u32) -> Option<usize> {
        let count = self.nodes.len();
        for offset in 0..count {
            let node = (self.next_node + offset) % count;
            if self.nodes[node].info.as_ref().is_some_and(|info| info.head_block_num >= after) {
                self.next_node = node + 1;
                return Some(node);
            }
        }
        None
    }

    /// Builds the transaction through node `node` (TAPOS from its last irreversible block)
    /// and signs it with the keys it needs.
    fn sign(&self, node: usize, action: Action<Vec<u8>>) -> Result<SignedTransaction, ChainError> {
        let client = &self.nodes[node].chain.client;
        let (trx, chain_id) = client.build_transaction(vec![action])?;
        let available: Vec<_> = self.keys.iter().map(PrivateKey::public_key).collect();
        let required = client.required_keys(&trx, &available)?;
        let keys: Vec<PrivateKey> = self.keys.iter().filter(|k| required.contains(&k.public_key())).cloned().collect();
        Ok(trx.sign(&chain_id, &keys))
    }
}
