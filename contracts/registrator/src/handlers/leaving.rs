//! Leaving the cooperative: `leavecoop`, and the steps the soviet drives: `acceptleave`,
//! `declineleave`.
use super::model::{branches::join_branch, cooperatives::active_coop};
use super::{consent_of, own_rows, rows, setup::peers, verify_statement};
use coop_protocol::permissions::paid_by_coop;
use coop_protocol::registrator::{errors::*, *};
use coop_protocol::soviet::{Boards, Propose, KIND_LEAVE};
use coop_protocol::wallet::{Leftcoop, Wallets};
use coop_runtime::{chain, Peers};
use eosio::Name;

/// See [`Registrator::leavecoop`].
pub fn leavecoop(data: Leavecoop) {
    chain::require_auth(data.username);
    let peers = peers();
    active_coop(data.coopname);
    let participants = rows::<Participants>(data.coopname);
    let mut member = participants.get_or_fail(data.username.as_u64(), ERR_NOT_PARTICIPANT);
    chain::check(member.status != PARTICIPANT_LEAVING, ERR_ALREADY_LEAVING);
    let board = chain::Rows::<Boards>::new(peers.soviet, peers.soviet).get(data.coopname.as_u64());
    chain::check(board.and_then(|b| b.chairman()) != Some(data.username), ERR_CHAIRMAN_CANNOT_LEAVE);
    let wallet = chain::Rows::<Wallets>::new(peers.wallet, data.coopname).get(data.username.as_u64());
    chain::check(wallet.is_none_or(|w| w.blocked.amount == 0), ERR_LEAVE_WITH_WITHDRAWAL);
    verify_statement(&data.statement, consent_of(&data));

    member.status = PARTICIPANT_LEAVING;
    participants.update(&member, ERR_NOT_PARTICIPANT);
    let me = chain::current_receiver();
    chain::send(
        peers.soviet,
        &paid_by_coop(me, data.coopname),
        &Propose {
            coopname: data.coopname,
            kind: KIND_LEAVE,
            username: data.username,
            ref_id: 0,
            statement_hash: data.statement.hash,
        },
    );
}

/// The leaving participant `username`, checked to be sent by the soviet.
fn leaving_member(peers: &Peers, coopname: Name, username: Name) -> Participant {
    chain::require_auth(peers.soviet);
    let member = rows::<Participants>(coopname).get_or_fail(username.as_u64(), ERR_NOT_PARTICIPANT);
    chain::check(member.status == PARTICIPANT_LEAVING, ERR_NOT_LEAVING);
    member
}

/// See [`Registrator::acceptleave`].
pub fn acceptleave(data: Acceptleave) {
    let peers = peers();
    let member = leaving_member(&peers, data.coopname, data.username);
    active_coop(data.coopname);

    rows::<Participants>(data.coopname).erase(data.username.as_u64());
    if member.braname.as_u64() != 0 {
        join_branch(data.coopname, member.braname, -1);
    }
    let cards = own_rows::<Cards>();
    if let Some(mut card) = cards.get(data.username.as_u64()) {
        card.status = CARD_PENDING;
        cards.update(&card, ERR_CARD_NOT_FOUND);
    }
    let me = chain::current_receiver();
    chain::send(
        peers.wallet,
        &paid_by_coop(me, data.coopname),
        &Leftcoop { coopname: data.coopname, username: data.username, decision_id: data.decision_id },
    );
}

/// See [`Registrator::declineleave`].
pub fn declineleave(data: Declineleave) {
    let mut member = leaving_member(&peers(), data.coopname, data.username);
    member.status = PARTICIPANT_ACCEPTED;
    rows::<Participants>(data.coopname).update(&member, ERR_NOT_PARTICIPANT);
}
