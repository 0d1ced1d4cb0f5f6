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
fn votefor_records_the_vote_and_announces_the_tally() {
    let council = Council::new(2, 0);
    let id = council.free_decision();
    let member = &council.members[0];
    let outcome = council.vote_for(member, id);

    assert_eq!(council.decision(id).votes_for, vec![member.name]);
    assert!(outcome.ram_delta(member.name) > 0, "the voter pays");
    assert_eq!(
        events::<EvVote>(&outcome, "evvote"),
        vec![EvVote {
            coopname: council.coop,
            decision_id: id,
            member: member.name,
            vote: VOTE_FOR,
            votes_for: 1,
            votes_against: 0,
            voting_members: 3,
            outcome: OUTCOME_PENDING,
        }]
    );
    let approving: Vec<EvVote> = events(&council.vote_for(&council.chairman, id), "evvote");
    assert_eq!(approving[0].outcome, OUTCOME_APPROVED);
}

#[test]
fn voteagainst_records_the_vote_and_can_decline() {
    let council = Council::new(1, 0);
    let id = council.free_decision();
    let outcome = council.vote_against(&council.members[0], id);
    assert_eq!(council.decision(id).votes_against, vec![council.members[0].name]);
    let announced: Vec<EvVote> = events(&outcome, "evvote");
    assert_eq!((announced[0].vote, announced[0].outcome), (VOTE_AGAINST, OUTCOME_DECLINED));
}

#[test]
fn voting_the_other_way_moves_the_vote() {
    let council = Council::new(2, 0);
    let id = council.free_decision();
    let member = &council.members[0];
    council.vote_against(member, id);
    council.vote_for(member, id);
    let d = council.decision(id);
    assert_eq!((d.votes_for, d.votes_against), (vec![member.name], vec![]));
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
    assert!(d.votes_for.is_empty() && d.votes_against.is_empty());
    let announced: Vec<EvVote> = events(&outcome, "evvote");
    assert_eq!((announced[0].vote, announced[0].votes_for), (VOTE_NONE, 0));
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
    let announced: Vec<EvVote> = events(&outcome, "evvote");
    assert_eq!((announced[0].voting_members, announced[0].outcome), (3, OUTCOME_APPROVED));
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
    // The next vote rewrites the lists without the former member.
    council.vote_for(&council.members[1], id);
    let d = council.decision(id);
    assert_eq!(d.votes_for, vec![council.chairman.name, council.members[1].name]);
    chain.ok(soviet(), &[council.chairman.name], &council.authorization(id));
}
