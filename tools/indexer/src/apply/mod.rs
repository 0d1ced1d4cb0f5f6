//! Replaying the history: each action of our contracts, in the order the chain executed
//! them (`global_sequence`), does to the database what its handler did to the contract's
//! tables — and keeps what the handler erased, with how it ended. Only applied
//! transactions are in the traces, and in them only the actions that ran, so a refused
//! action leaves nothing here either.
//!
//! One file per contract, as in the contracts; [`ledger`] writes every posting of a fund
//! or a wallet as ledger entries.
mod ledger;
mod operator;
mod registrator;
mod soviet;
mod wallet;

use crate::node::{ActionTrace, BlockTrace};
use crate::{text, Error};
use coop_runtime::{ActionData, Document, Peers};
use eosio::{Name, Read};
use rusqlite::{params, Transaction};

/// Where an action ran: its block, transaction and place in the chain's history.
pub struct Ctx<'a> {
    pub tx: &'a Transaction<'a>,
    pub peers: Peers,
    pub block_num: u32,
    /// The block time in seconds: the handlers' `now()`.
    pub now: u32,
    pub trx_id: &'a str,
    pub trace: &'a ActionTrace,
}

impl Ctx<'_> {
    /// `now()` as text.
    pub fn now_text(&self) -> String {
        text::time(self.now)
    }

    /// `contract::action`, e.g. `wallet::confirm`.
    pub fn action_name(&self) -> String {
        format!("{}::{}", contract_role(&self.peers, self.trace.account), text::name(self.trace.action))
    }

    /// The action's data as `A`.
    pub fn data<A: ActionData>(&self) -> Result<A, Error> {
        A::unpack(&self.trace.data).map_err(|e| self.decode_error("data", e))
    }

    /// The action's return value as `A::Return`.
    pub fn returned<A: ActionData>(&self) -> Result<A::Return, Error> {
        <A::Return as Read>::unpack(&self.trace.return_value).map_err(|e| self.decode_error("return value", e))
    }

    fn decode_error(&self, what: &str, e: eosio::ReadError) -> Error {
        Error::Decode(format!(
            "the {what} of {} (global sequence {}, transaction {}): {e:?}",
            self.action_name(),
            self.trace.global_sequence,
            self.trx_id
        ))
    }

    /// An inconsistency found while replaying this action.
    pub fn inconsistent(&self, message: impl std::fmt::Display) -> Error {
        Error::Inconsistent(format!(
            "{} (global sequence {}, block {}, transaction {}): {message}",
            self.action_name(),
            self.trace.global_sequence,
            self.block_num,
            self.trx_id
        ))
    }

    /// Records a signed document carried by this action.
    pub fn document(&self, coopname: Name, signer: Name, document: &Document, belongs: Belongs) -> Result<(), Error> {
        self.tx.execute(
            "INSERT INTO documents (coopname, signer, hash, public_key, signature, meta, action, decision_id,
                 agreement_kind, agreement_version, request_id, withdrawal_id, block_num, block_time, trx_id,
                 global_sequence)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            params![
                text::name(coopname),
                text::name(signer),
                text::checksum(&document.hash),
                text::public_key(&document.public_key),
                text::signature(&document.signature),
                document.meta,
                self.action_name(),
                belongs.decision_id.map(|id| id as i64),
                belongs.agreement.map(|(kind, _)| text::name(kind)),
                belongs.agreement.map(|(_, version)| version),
                belongs.request_id.map(|id| id as i64),
                belongs.withdrawal_id.map(|id| id as i64),
                self.block_num,
                self.now_text(),
                self.trx_id,
                self.trace.global_sequence as i64,
            ],
        )?;
        Ok(())
    }
}

/// What a document belongs to, besides the action that carries it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Belongs {
    pub decision_id: Option<u64>,
    pub agreement: Option<(Name, u32)>,
    pub request_id: Option<u64>,
    pub withdrawal_id: Option<u64>,
}

/// `operator`, `registrator`, `soviet` or `wallet` for a contract account.
fn contract_role(peers: &Peers, account: Name) -> &'static str {
    if account == peers.operator {
        "operator"
    } else if account == peers.registrator {
        "registrator"
    } else if account == peers.soviet {
        "soviet"
    } else {
        "wallet"
    }
}

fn is_ours(peers: &Peers, account: Name) -> bool {
    [peers.operator, peers.registrator, peers.soviet, peers.wallet].contains(&account)
}

/// Applies every action of our contracts in `block`, whose time is `now` (seconds); returns
/// how many there were.
pub fn apply_block(tx: &Transaction, peers: &Peers, block: &BlockTrace, now: u32) -> Result<u64, Error> {
    let mut ours: Vec<(&str, &ActionTrace)> = block
        .transactions
        .iter()
        .filter(|trx| trx.status == "executed")
        .flat_map(|trx| trx.actions.iter().map(move |a| (trx.id.as_str(), a)))
        .filter(|(_, a)| a.receiver == a.account && is_ours(peers, a.account))
        .collect();
    ours.sort_by_key(|(_, a)| a.global_sequence);
    for (trx_id, trace) in &ours {
        let ctx = Ctx { tx, peers: *peers, block_num: block.number, now, trx_id, trace };
        tx.execute(
            "INSERT INTO actions (global_sequence, block_num, block_time, trx_id, contract, action, data, return_value)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                trace.global_sequence as i64,
                block.number,
                ctx.now_text(),
                trx_id,
                text::name(trace.account),
                text::name(trace.action),
                trace.data,
                trace.return_value,
            ],
        )?;
        let action = text::name(trace.action);
        match contract_role(peers, trace.account) {
            "operator" => operator::apply(&ctx, &action)?,
            "registrator" => registrator::apply(&ctx, &action)?,
            "soviet" => soviet::apply(&ctx, &action)?,
            _ => wallet::apply(&ctx, &action)?,
        }
    }
    Ok(ours.len() as u64)
}
