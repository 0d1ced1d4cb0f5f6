//! Read-only views of the contracts' tables through their secondary indexes, as any client
//! would query them with `get_table_rows`.
use crate::client::ChainError;
use crate::fixture::TestChain;
use coop_protocol::registrator::{Agreement, Agreements};
use eosio::{Name, Read, Table};
use serde_json::json;

impl TestChain {
    /// Rows of table `T` whose key in secondary index `index` lies in `lower..=upper`
    /// (`index_position = index + 2`, `key_type = i128`).
    pub fn rows_by_index<T: Table>(
        &self,
        contract: Name,
        scope: Name,
        index: usize,
        lower: u128,
        upper: u128,
    ) -> Result<Vec<T::Row>, ChainError> {
        let mut rows = Vec::new();
        let mut lower_bound = lower;
        loop {
            let answer = self.client.call(
                "/v1/chain/get_table_rows",
                &json!({
                    "code": contract.to_string(),
                    "scope": scope.to_string(),
                    "table": Name::new(T::NAME.as_u64()).to_string(),
                    "json": false,
                    "index_position": (index + 2).to_string(),
                    "key_type": "i128",
                    "lower_bound": lower_bound.to_string(),
                    "upper_bound": upper.to_string(),
                    "limit": 100,
                }),
            )?;
            for row in answer["rows"].as_array().cloned().unwrap_or_default() {
                let bytes =
                    hex::decode(row.as_str().unwrap_or_default()).map_err(|e| ChainError::Decode(e.to_string()))?;
                rows.push(T::Row::unpack(&bytes).map_err(|e| ChainError::Decode(e.to_string()))?);
            }
            match answer["next_key"].as_str().filter(|_| answer["more"].as_bool() == Some(true)) {
                Some(next) if !next.is_empty() => {
                    lower_bound = next.parse().map_err(|_| ChainError::Decode(format!("next_key {next}")))?;
                }
                _ => return Ok(rows),
            }
        }
    }

    /// Who must sign agreement `kind` again: everyone whose signature of it is of a
    /// version below `current` (read from the cooperative's `agreements` rows, one per
    /// person).
    pub fn outdated_agreements(&self, coopname: Name, kind: Name, current: u32) -> Vec<Agreement> {
        self.rows::<Agreements>(self.peers.registrator, coopname)
            .into_iter()
            .filter(|row| row.version_of(kind).is_some_and(|version| version < current))
            .collect()
    }
}
