//! Votes: `votefor`, `voteagainst`, `cancelvote`.
use super::decisions::{finish, send_declined};
use super::setup::{board, decisions, open_decision, peers, require_active_coop};
use coop_protocol::soviet::{errors::*, tally::Choice, *};
use coop_runtime::chain;
use eosio::Name;

/// Casts (`Some`) or cancels (`None`) `member`'s vote on decision `decision_id` and
/// returns the tally. The vote fills one of the decision's slots, so the row keeps its
/// size and its payer: the member pays no RAM. A vote that makes approval impossible
/// ends the decision at once: it is erased and the owner's declined path runs.
/// See [`Soviet::votefor`], [`Soviet::voteagainst`], [`Soviet::cancelvote`].
pub fn vote(coopname: Name, member: Name, decision_id: u64, choice: Option<Choice>) -> VoteResult {
    chain::require_auth(member);
    let peers = peers();
    require_active_coop(&peers, coopname);
    let board = board(coopname);
    chain::check(board.is_voting_member(member), ERR_NOT_VOTING_MEMBER);
    let mut decision = open_decision(coopname, decision_id);
    if let Err(message) = decision.check_open(chain::now()) {
        chain::fail(message);
    }
    let recorded = match choice {
        Some(choice) => decision.cast(&board, member, choice),
        None => decision.cancel(&board, member),
    };
    if let Err(message) = recorded {
        chain::fail(message);
    }

    let tally = decision.tally(&board);
    if tally.is_declined() {
        // Sealed: the vote that makes approval impossible ends the decision now.
        finish(coopname, &decision);
        send_declined(&peers, coopname, &decision);
    } else {
        decisions(coopname).update(&decision, ERR_DECISION_NOT_FOUND);
    }
    VoteResult {
        votes_for: tally.votes_for,
        votes_against: tally.votes_against,
        voting_members: tally.voting_members,
        outcome: tally.outcome().name(),
    }
}
