//! `votefor`, `voteagainst`, `cancelvote` and the approval rule on chain.
use super::*;
use coop_protocol::soviet::errors::*;
use coop_protocol::soviet::tally::*;

fn votefor(council: &Council, member: Name, id: u64) -> Votefor {
    Votefor { coopname: council.coop, member, decision_id: id }
}

fn cancelvote(council: &Council, member: Name, id: u64) -> Cancelvote {
    Cancelvote { coopname: council.coop, member, decision_id: id }
}

#[test]
fn votefor_records_the_vote_and_returns_the_tally() {
    let council = Council::new(2, 0);
    let id = council.free_decision();
    let member = &council.members[0];
    let outcome = council.vote_for(member, id);

    let d = council.decision(id);
    assert_eq!(d.vote_lists(), (vec![member.name], vec![]));
    assert_eq!(d.votes.len(), MAX_BOARD_MEMBERS, "the slots stay");
    assert_eq!(
        tally_of(&outcome),
        VoteResult { votes_for: 1, votes_against: 0, voting_members: 3, outcome: OUTCOME_PENDING }
    );
    let approving = tally_of(&council.vote_for(&council.chairman, id));
    assert_eq!(approving, VoteResult { votes_for: 2, votes_against: 0, voting_members: 3, outcome: OUTCOME_APPROVED });
    assert_eq!(council.decision(id).vote_lists(), (vec![member.name, council.chairman.name], vec![]));
}

#[test]
fn voteagainst_records_the_vote_and_can_decline() {
    let chain = chain();
    let council = Council::new(2, 0);
    let id = council.free_decision();
    let outcome = council.vote_against(&council.members[0], id);
    assert_eq!(council.decision(id).vote_lists(), (vec![], vec![council.members[0].name]));
    assert_eq!(
        tally_of(&outcome),
        VoteResult { votes_for: 0, votes_against: 1, voting_members: 3, outcome: OUTCOME_PENDING }
    );

    // Two of three against: approval is impossible, and this vote ends the decision.
    let sealing = council.vote_against(&council.members[1], id);
    assert_eq!(
        tally_of(&sealing),
        VoteResult { votes_for: 0, votes_against: 2, voting_members: 3, outcome: OUTCOME_DECLINED }
    );
    assert!(council.find_decision(id).is_none(), "the declined decision is erased in the same transaction");
    assert_eq!(council.open_free_decisions(council.chairman.name), None);
    assert!(sealing.ram_delta(council.chairman.name) < 0, "the proposer gets the RAM back");
    assert_eq!(sealing.ram_delta(council.members[1].name), 0, "the voter pays nothing");
    assert!(
        sealing.action_traces.iter().all(|t| t.account == soviet().to_string()),
        "a free decision has no declined path elsewhere"
    );
    let chairman = council.chairman.name;
    assert_eq!(chain.fails(soviet(), &[chairman], &votefor(&council, chairman, id)), ERR_DECISION_ENDED);
}

#[test]
fn voting_the_other_way_moves_the_vote() {
    let council = Council::new(2, 0);
    let id = council.free_decision();
    let member = &council.members[0];
    council.vote_against(member, id);
    let moved = tally_of(&council.vote_for(member, id));
    assert_eq!((moved.votes_for, moved.votes_against), (1, 0));
    assert_eq!(council.decision(id).vote_lists(), (vec![member.name], vec![]));
}

#[test]
fn voting_costs_the_member_no_ram() {
    // Free decisions are paid by their proposer, the cooperative's questions by the
    // cooperative: a vote fills a slot the row was created with, so whoever votes (for,
    // against, changing or cancelling the vote) pays nothing and nobody's RAM changes.
    let chain = chain();
    let council = Council::new(2, 1);
    let free: u64 = council.free_decision_by(&council.others[0]).return_value();
    let agenda: u64 = chain
        .ok(
            soviet(),
            &[chain.peers.registrator, council.coop],
            &Propose {
                coopname: council.coop,
                kind: KIND_JOINCOOP,
                username: council.others[0].name,
                ref_id: 1,
                statement_hash: statement_hash("application"),
            },
        )
        .return_value();
    let member = &council.members[0];
    let watched = [member.name, council.chairman.name, council.others[0].name, council.coop];
    for id in [free, agenda] {
        let before: Vec<i64> = watched.iter().map(|a| ram_usage(*a)).collect();
        let votes = [
            council.vote_for(member, id),
            council.vote_against(member, id),
            chain.ok(soviet(), &[member.name], &cancelvote(&council, member.name, id)),
            council.vote_against(&council.members[1], id),
            council.vote_for(&council.chairman, id),
            council.vote_for(&council.members[1], id),
        ];
        for vote in &votes {
            assert_eq!(vote.ram_delta(member.name), 0);
            assert_eq!(vote.ram_deltas, vec![], "nobody's RAM changes");
        }
        assert_eq!(tally_of(&votes[5]).outcome, OUTCOME_APPROVED, "the votes counted");
        let after: Vec<i64> = watched.iter().map(|a| ram_usage(*a)).collect();
        assert_eq!(after, before);
    }
}

#[test]
fn voting_the_same_way_twice_is_refused() {
    let chain = chain();
    let council = Council::new(2, 0);
    let id = council.free_decision();
    let member = &council.members[0];
    council.vote_for(member, id);
    council.vote_against(&council.members[1], id);
    wait_seconds(1);
    assert_eq!(chain.fails(soviet(), &[member.name], &votefor(&council, member.name, id)), ERR_ALREADY_VOTED_FOR);
    let other = council.members[1].name;
    assert_eq!(
        chain.fails(soviet(), &[other], &Voteagainst { coopname: council.coop, member: other, decision_id: id }),
        ERR_ALREADY_VOTED_AGAINST
    );
}

#[test]
fn cancelvote_removes_the_vote() {
    let chain = chain();
    let council = Council::new(2, 0);
    let id = council.free_decision();
    let member = &council.members[0];
    council.vote_for(member, id);
    let outcome = chain.ok(soviet(), &[member.name], &cancelvote(&council, member.name, id));
    let d = council.decision(id);
    assert_eq!(d.votes, vec![VoteSlot::default(); MAX_BOARD_MEMBERS], "every slot is empty again");
    assert_eq!(
        tally_of(&outcome),
        VoteResult { votes_for: 0, votes_against: 0, voting_members: 3, outcome: OUTCOME_PENDING }
    );
}

#[test]
fn cancelvote_without_a_vote_is_refused() {
    let chain = chain();
    let council = Council::new(1, 0);
    let id = council.free_decision();
    let member = council.members[0].name;
    assert_eq!(chain.fails(soviet(), &[member], &cancelvote(&council, member, id)), ERR_NO_VOTE);
}

#[test]
fn votes_require_the_members_signature() {
    let chain = chain();
    let council = Council::new(1, 0);
    let id = council.free_decision();
    let member = council.members[0].name;
    let signer = [council.chairman.name];
    assert_missing_auth(chain.push(soviet(), &signer, &votefor(&council, member, id)));
    assert_missing_auth(chain.push(
        soviet(),
        &signer,
        &Voteagainst { coopname: council.coop, member, decision_id: id },
    ));
    assert_missing_auth(chain.push(soviet(), &signer, &cancelvote(&council, member, id)));
}

#[test]
fn participants_not_on_the_council_cannot_vote() {
    let chain = chain();
    let council = Council::new(1, 1);
    let id = council.free_decision();
    let outsider = council.others[0].name;
    assert_eq!(chain.fails(soviet(), &[outsider], &votefor(&council, outsider, id)), ERR_NOT_VOTING_MEMBER);
}

#[test]
fn non_voting_members_cannot_vote() {
    let chain = chain();
    let council = Council::new(1, 1);
    let observer = &council.others[0];
    chain.ok(
        soviet(),
        &[council.coop],
        &Updateboard {
            coopname: council.coop,
            members: vec![
                BoardMember::voting(council.chairman.name, POSITION_CHAIRMAN),
                BoardMember { username: observer.name, position: POSITION_MEMBER, is_voting: false },
            ],
        },
    );
    let id = council.free_decision();
    assert_eq!(chain.fails(soviet(), &[observer.name], &votefor(&council, observer.name, id)), ERR_NOT_VOTING_MEMBER);
}

#[test]
fn votes_on_an_unknown_decision_are_refused() {
    let chain = chain();
    let council = Council::new(1, 0);
    let member = council.members[0].name;
    assert_eq!(chain.fails(soviet(), &[member], &votefor(&council, member, 42)), ERR_DECISION_NOT_FOUND);
}

#[test]
fn votes_on_an_expired_decision_are_refused() {
    let chain = chain();
    let council = Council::new(1, 0);
    let id = council.expired_decision();
    let member = council.members[0].name;
    assert_eq!(chain.fails(soviet(), &[member], &votefor(&council, member, id)), ERR_DECISION_EXPIRED);
}

#[test]
fn only_voting_members_count_towards_the_majority() {
    // Chairman, two voting members and two non-voting ones: 2 votes of 3 voting members
    // approve (the reference counted all 5 members).
    let chain = chain();
    let council = Council::new(2, 2);
    let mut members: Vec<BoardMember> = council
        .voters()
        .iter()
        .enumerate()
        .map(|(i, p)| BoardMember::voting(p.name, if i == 0 { POSITION_CHAIRMAN } else { POSITION_MEMBER }))
        .collect();
    members.extend(council.others.iter().map(|p| BoardMember {
        username: p.name,
        position: POSITION_MEMBER,
        is_voting: false,
    }));
    chain.ok(soviet(), &[council.coop], &Updateboard { coopname: council.coop, members });
    let id = council.free_decision();
    council.vote_for(&council.members[0], id);
    let outcome = council.vote_for(&council.members[1], id);
    let tally = tally_of(&outcome);
    assert_eq!((tally.votes_for, tally.voting_members, tally.outcome), (2, 3, OUTCOME_APPROVED));
    chain.ok(soviet(), &[council.chairman.name], &council.authorization(id));
}

#[test]
fn votes_of_people_removed_from_the_council_no_longer_count() {
    let chain = chain();
    let council = Council::new(2, 0);
    let id = council.free_decision();
    council.vote_for(&council.chairman, id);
    council.vote_for(&council.members[0], id);
    // members[0] leaves the council: one vote for out of two voting members.
    chain.ok(
        soviet(),
        &[council.coop],
        &Updateboard {
            coopname: council.coop,
            members: vec![
                BoardMember::voting(council.chairman.name, POSITION_CHAIRMAN),
                BoardMember::voting(council.members[1].name, POSITION_MEMBER),
            ],
        },
    );
    assert_eq!(chain.fails(soviet(), &[council.chairman.name], &council.authorization(id)), ERR_NOT_APPROVED);
    // The next vote rewrites the slots without the former member.
    let tally = tally_of(&council.vote_for(&council.members[1], id));
    assert_eq!((tally.votes_for, tally.voting_members, tally.outcome), (2, 2, OUTCOME_APPROVED));
    let d = council.decision(id);
    assert_eq!(d.vote_lists(), (vec![council.chairman.name, council.members[1].name], vec![]));
    assert_eq!(d.votes.len(), MAX_BOARD_MEMBERS);
    chain.ok(soviet(), &[council.chairman.name], &council.authorization(id));
}
