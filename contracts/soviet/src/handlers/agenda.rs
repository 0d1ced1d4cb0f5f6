//! The agenda, read-only: `agenda`.
use super::setup::{board, decisions};
use coop_protocol::soviet::*;
use coop_runtime::chain;

/// See [`Soviet::agenda`]. Checks the query, reads the council, then the decisions from
/// `from_id` upwards one by one until the page is full, the rows end or
/// `AGENDA_SCAN_LIMIT` of them were read (one more is read to learn `next_id`). Checks no
/// authority (a read-only transaction carries none) and writes nothing.
pub fn agenda(data: Agenda) -> AgendaPage {
    if let Err(message) = data.check() {
        chain::fail(message);
    }
    let board = board(data.coopname);
    let rows = decisions(data.coopname).iter_from(data.from_id);
    data.page(rows, chain::now(), &board)
}
