//! Votes: `votefor`, `voteagainst`, `cancelvote`.
use super::setup::{board, decisions};
use coop_protocol::soviet::{
    errors::*,
    tally::{Choice, VOTE_AGAINST, VOTE_FOR, VOTE_NONE},
    *,
};
use coop_runtime::chain;
use eosio::Name;

/// Casts (`Some`) or cancels (`None`) `member`'s vote on decision `decision_id`.
/// See [`Soviet::votefor`], [`Soviet::voteagainst`], [`Soviet::cancelvote`].
pub fn vote(coopname: Name, member: Name, decision_id: u64, choice: Option<Choice>) {
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

    decisions.save(member, &decision);
    let tally = decision.tally(&board);
    chain::emit(&EvVote {
        coopname,
        decision_id,
        member,
        vote: match choice {
            Some(Choice::For) => VOTE_FOR,
            Some(Choice::Against) => VOTE_AGAINST,
            None => VOTE_NONE,
        },
        votes_for: tally.votes_for,
        votes_against: tally.votes_against,
        voting_members: tally.voting_members,
        outcome: tally.outcome().name(),
    });
}
