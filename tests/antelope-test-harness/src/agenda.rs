//! The soviet's agenda as a provider reads it: `soviet::agenda` in a read-only transaction,
//! through our client ([`TestChain::agenda`]) or through cleos ([`cleos_agenda`]).
use crate::cleos::{Cleos, CleosError};
use crate::client::{ChainError, PushOutcome};
use crate::fixture::TestChain;
use coop_protocol::soviet::{Agenda, AgendaItem, AgendaPage};
use coop_runtime::ActionData;
use eosio::Name;
use serde_json::{json, Value};

impl TestChain {
    /// Runs `data` on `contract` as a read-only transaction: no authorization, no
    /// signature, nothing written (see [`crate::client::Client::read_only`]).
    pub fn read_only<A: ActionData>(&self, contract: Name, data: &A) -> Result<PushOutcome, ChainError> {
        self.client.read_only(vec![data.to_action(contract, &[])])
    }

    /// One page of `coopname`'s agenda (`soviet::agenda`, read-only): the decisions in
    /// `state` (empty name: all) about or proposed by `person` (empty name: anyone), from
    /// id `from_id`, at most `limit`.
    pub fn agenda(
        &self,
        coopname: Name,
        state: Name,
        person: Name,
        from_id: u64,
        limit: u32,
    ) -> Result<AgendaPage, ChainError> {
        let outcome = self.read_only(self.peers.soviet, &Agenda { coopname, state, person, from_id, limit })?;
        outcome.try_return_value()
    }

    /// The whole agenda for a query, page after page (`limit` a page) following `next_id`.
    /// Returns the decisions and the number of calls it took.
    pub fn agenda_all(
        &self,
        coopname: Name,
        state: Name,
        person: Name,
        limit: u32,
    ) -> Result<(Vec<AgendaItem>, usize), ChainError> {
        let (mut items, mut calls, mut from_id) = (Vec::new(), 0, 0);
        loop {
            let page = self.agenda(coopname, state, person, from_id, limit)?;
            calls += 1;
            items.extend(page.decisions);
            if page.next_id == 0 {
                return Ok((items, calls));
            }
            if page.next_id <= from_id {
                return Err(ChainError::Decode(format!("agenda: next_id {} does not advance", page.next_id)));
            }
            from_id = page.next_id;
        }
    }
}

/// One page of the agenda through cleos, as any operator would ask for it:
/// `cleos push action <soviet> agenda '[coopname, state, person, from_id, limit]' --read -j`.
/// Returns the page as cleos shows it (the trace's `return_value_data`, decoded with the
/// soviet's ABI), e.g. `{"decisions": [{"id": 1, "state": "open", …}], "next_id": 0}`.
pub fn cleos_agenda(
    cleos: &Cleos,
    soviet: Name,
    coopname: Name,
    state: &str,
    person: &str,
    from_id: u64,
    limit: u32,
) -> Result<Value, CleosError> {
    let data = json!([coopname.to_string(), state, person, from_id, limit]);
    let out = cleos.read_only_action(&soviet.to_string(), "agenda", &data)?;
    let json = out.json()?;
    let value = &json["processed"]["action_traces"][0]["return_value_data"];
    if value.is_null() {
        return Err(CleosError::BadOutput(format!("no return_value_data in {json}")));
    }
    Ok(value.clone())
}
