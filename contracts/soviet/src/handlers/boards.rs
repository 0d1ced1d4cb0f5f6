//! Councils: `createboard`, `updateboard`.
use super::setup::{own, participant, peers, require_active_coop};
use alloc::vec::Vec;
use coop_protocol::soviet::{errors::*, *};
use coop_runtime::{chain, Peers};
use eosio::Name;

/// See [`Soviet::createboard`].
pub fn createboard(data: Createboard) {
    let peers = peers();
    chain::require_auth(peers.operator);
    require_active_coop(&peers, data.coopname);
    let boards = own::<Boards>();
    chain::check(!boards.contains(data.coopname.as_u64()), ERR_BOARD_EXISTS);
    chain::check(data.members.len() < MAX_BOARD_MEMBERS, ERR_TOO_MANY_MEMBERS);
    let members: Vec<BoardMember> = core::iter::once(BoardMember::voting(data.chairman, POSITION_CHAIRMAN))
        .chain(data.members.iter().map(|m| BoardMember::voting(*m, POSITION_MEMBER)))
        .collect();
    check_council(&peers, data.coopname, &members);

    let now = chain::now();
    boards.save(peers.operator, &Board { coopname: data.coopname, members, created_at: now, updated_at: now });
    own::<Counters>().save(peers.operator, &DecisionCounter { coopname: data.coopname, last_id: 0 });
}

/// See [`Soviet::updateboard`].
pub fn updateboard(data: Updateboard) {
    chain::require_auth(data.coopname);
    let peers = peers();
    require_active_coop(&peers, data.coopname);
    let boards = own::<Boards>();
    let mut board = boards.get_or_fail(data.coopname.as_u64(), ERR_BOARD_NOT_FOUND);
    check_council(&peers, data.coopname, &data.members);

    board.members = data.members;
    board.updated_at = chain::now();
    boards.save(data.coopname, &board);
}

/// The composition rules, then: everyone is an accepted individual participant.
fn check_council(peers: &Peers, coopname: Name, members: &[BoardMember]) {
    if let Err(message) = check_members(members) {
        chain::fail(message);
    }
    for member in members {
        chain::check(
            participant(peers, coopname, member.username).is_some_and(|p| p.is_accepted_individual()),
            ERR_MEMBER_NOT_INDIVIDUAL,
        );
    }
}
