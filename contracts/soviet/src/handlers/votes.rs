//! Votes: `votefor`, `voteagainst`, `cancelvote`.
use super::setup::{board, decisions};
use coop_protocol::soviet::{errors::*, tally::Choice, *};
use coop_runtime::chain;
use eosio::Name;

/// Casts (`Some`) or cancels (`None`) `member`'s vote on decision `decision_id` and
/// returns the tally. The vote fills one of the decision's slots, so the row keeps its
/// size and its payer: the member pays no RAM.
/// See [`Soviet::votefor`], [`Soviet::voteagainst`], [`Soviet::cancelvote`].
pub fn vote(coopname: Name, member: Name, decision_id: u64, choice: Option<Choice>) -> VoteResult {
    chain::require_auth(member);
    let board = board(coopname);
    chain::check(board.is_voting_member(member), ERR_NOT_VOTING_MEMBER);
    let decisions = decisions(coopname);
    let mut decision = decisions.get_or_fail(decision_id, ERR_DECISION_NOT_FOUND);
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

    decisions.update(&decision, ERR_DECISION_NOT_FOUND);
    let tally = decision.tally(&board);
    VoteResult {
        votes_for: tally.votes_for,
        votes_against: tally.votes_against,
        voting_members: tally.voting_members,
        outcome: tally.outcome().name(),
    }
}
