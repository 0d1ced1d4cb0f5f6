//! `createboard`, `updateboard`, `setttl`.
use super::*;
use coop_protocol::registrator::Setstatus;
use coop_protocol::soviet::errors::*;

fn createboard(coop: Name, chairman: Name, members: &[Name]) -> Createboard {
    Createboard { coopname: coop, chairman, members: members.to_vec() }
}

fn member(person: &Person, position: Name, is_voting: bool) -> BoardMember {
    BoardMember { username: person.name, position, is_voting }
}

fn updateboard(coop: Name, members: Vec<BoardMember>) -> Updateboard {
    Updateboard { coopname: coop, members }
}

#[test]
fn createboard_creates_a_voting_council_paid_by_the_operator() {
    let chain = chain();
    let r = registered(3);
    let names: Vec<Name> = r.founders.iter().map(|f| f.name).collect();
    let outcome = chain.ok(soviet(), &[chain.peers.operator], &createboard(r.coop, names[0], &names[1..]));

    let board = chain.row::<Boards>(soviet(), soviet(), r.coop.as_u64()).unwrap();
    let expected = vec![
        BoardMember::voting(names[0], POSITION_CHAIRMAN),
        BoardMember::voting(names[1], POSITION_MEMBER),
        BoardMember::voting(names[2], POSITION_MEMBER),
    ];
    assert_eq!(board.members, expected);
    assert_eq!(board.chairman(), Some(names[0]));
    assert_eq!(board.created_at, board.updated_at);
    // The council's decision counter starts with it, paid by the operator too.
    assert_eq!(
        chain.row::<Counters>(soviet(), soviet(), r.coop.as_u64()),
        Some(DecisionCounter { coopname: r.coop, last_id: 0 })
    );
    assert!(outcome.ram_delta(chain.peers.operator) > 0);
    assert_eq!(outcome.ram_delta(r.coop), 0);
    assert_eq!(outcome.ram_delta(soviet()), 0);
    // The history is the action itself.
    let sent: Createboard = outcome.first_action().unwrap().decode_data().unwrap();
    assert_eq!(sent, createboard(r.coop, names[0], &names[1..]));
}

#[test]
fn createboard_requires_the_operator() {
    let chain = chain();
    let r = registered(1);
    assert_missing_auth(chain.push(soviet(), &[r.coop], &createboard(r.coop, r.founders[0].name, &[])));
}

#[test]
fn createboard_rejects_an_unregistered_cooperative() {
    let chain = chain();
    let r = registered(1);
    let stranger = chain.unique_name("coop");
    assert_eq!(
        chain.fails(soviet(), &[chain.peers.operator], &createboard(stranger, r.founders[0].name, &[]),),
        ERR_COOP_NOT_FOUND
    );
}

#[test]
fn createboard_rejects_a_blocked_cooperative() {
    let chain = chain();
    let r = registered(1);
    chain.ok(
        chain.peers.registrator,
        &[chain.peers.operator],
        &Setstatus { coopname: r.coop, status: coop_protocol::registrator::COOP_BLOCKED },
    );
    assert_eq!(
        chain.fails(soviet(), &[chain.peers.operator], &createboard(r.coop, r.founders[0].name, &[]),),
        ERR_COOP_NOT_ACTIVE
    );
}

#[test]
fn createboard_rejects_a_second_council() {
    let chain = chain();
    let council = Council::new(1, 0);
    assert_eq!(
        chain.fails(soviet(), &[chain.peers.operator], &createboard(council.coop, council.members[0].name, &[]),),
        ERR_BOARD_EXISTS
    );
}

#[test]
fn createboard_rejects_people_who_are_not_participants() {
    let chain = chain();
    let r = registered(1);
    let outsider = account(chain, "out");
    assert_eq!(
        chain.fails(soviet(), &[chain.peers.operator], &createboard(r.coop, r.founders[0].name, &[outsider.name]),),
        ERR_MEMBER_NOT_INDIVIDUAL
    );
    // Participants of another cooperative are strangers here too.
    let other = registered(1);
    assert_eq!(
        chain.fails(soviet(), &[chain.peers.operator], &createboard(r.coop, other.founders[0].name, &[]),),
        ERR_MEMBER_NOT_INDIVIDUAL
    );
}

#[test]
fn createboard_rejects_the_chairman_among_members_and_duplicates() {
    let chain = chain();
    let r = registered(2);
    let (a, b) = (r.founders[0].name, r.founders[1].name);
    assert_eq!(chain.fails(soviet(), &[chain.peers.operator], &createboard(r.coop, a, &[b, a])), ERR_DUPLICATE_MEMBER);
    assert_eq!(chain.fails(soviet(), &[chain.peers.operator], &createboard(r.coop, a, &[b, b])), ERR_DUPLICATE_MEMBER);
}

#[test]
fn createboard_rejects_more_than_the_maximum() {
    let chain = chain();
    let r = registered(1);
    let members: Vec<Name> = (0..MAX_BOARD_MEMBERS).map(|_| chain.unique_name("many")).collect();
    assert_eq!(
        chain.fails(soviet(), &[chain.peers.operator], &createboard(r.coop, r.founders[0].name, &members),),
        ERR_TOO_MANY_MEMBERS
    );
}

#[test]
fn updateboard_replaces_the_council_paid_by_the_cooperative() {
    let chain = chain();
    let council = Council::new(1, 2);
    let members = vec![
        member(&council.others[0], POSITION_CHAIRMAN, true),
        member(&council.chairman, POSITION_MEMBER, true),
        member(&council.others[1], POSITION_MEMBER, false),
    ];
    let outcome = chain.ok(soviet(), &[council.coop], &updateboard(council.coop, members.clone()));

    let board = council.board();
    assert_eq!(board.members, members);
    assert_eq!(board.chairman(), Some(council.others[0].name));
    assert_eq!(board.voting_members(), vec![council.others[0].name, council.chairman.name]);
    assert!(board.updated_at.as_secs() >= board.created_at.as_secs());
    assert!(outcome.ram_delta(council.coop) > 0);
    assert!(outcome.ram_delta(chain.peers.operator) < 0, "the operator no longer pays the council");
    let sent: Updateboard = outcome.first_action().unwrap().decode_data().unwrap();
    assert_eq!(sent.members, members);
}

#[test]
fn updateboard_requires_the_cooperative() {
    let chain = chain();
    let council = Council::new(1, 0);
    let members = vec![member(&council.chairman, POSITION_CHAIRMAN, true)];
    assert_missing_auth(chain.push(soviet(), &[council.chairman.name], &updateboard(council.coop, members)));
}

#[test]
fn updateboard_needs_an_existing_council() {
    let chain = chain();
    let r = registered(1);
    let members = vec![member(&r.founders[0], POSITION_CHAIRMAN, true)];
    assert_eq!(chain.fails(soviet(), &[r.coop], &updateboard(r.coop, members)), ERR_BOARD_NOT_FOUND);
}

#[test]
fn updateboard_needs_exactly_one_chairman_who_votes() {
    let chain = chain();
    let council = Council::new(1, 0);
    let (c, m) = (&council.chairman, &council.members[0]);
    let cases = [
        (vec![member(m, POSITION_MEMBER, true)], ERR_ONE_CHAIRMAN),
        (vec![member(c, POSITION_CHAIRMAN, true), member(m, POSITION_CHAIRMAN, true)], ERR_ONE_CHAIRMAN),
        (vec![member(c, POSITION_CHAIRMAN, false)], ERR_CHAIRMAN_MUST_VOTE),
    ];
    for (members, error) in cases {
        assert_eq!(chain.fails(soviet(), &[council.coop], &updateboard(council.coop, members)), error);
    }
}

#[test]
fn updateboard_rejects_unknown_positions_duplicates_and_bad_sizes() {
    let chain = chain();
    let council = Council::new(1, 0);
    let c = &council.chairman;
    let chair = member(c, POSITION_CHAIRMAN, true);
    let secretary =
        BoardMember { position: coop_runtime::n("secretary"), ..member(&council.members[0], POSITION_MEMBER, true) };
    let too_many: Vec<BoardMember> = std::iter::once(chair.clone())
        .chain((0..MAX_BOARD_MEMBERS).map(|_| BoardMember::voting(chain.unique_name("many"), POSITION_MEMBER)))
        .collect();
    let cases = [
        (vec![chair.clone(), secretary], ERR_BAD_POSITION),
        (vec![chair.clone(), member(c, POSITION_MEMBER, true)], ERR_DUPLICATE_MEMBER),
        (vec![], ERR_BOARD_EMPTY),
        (too_many, ERR_TOO_MANY_MEMBERS),
    ];
    for (members, error) in cases {
        assert_eq!(chain.fails(soviet(), &[council.coop], &updateboard(council.coop, members)), error);
    }
}

#[test]
fn updateboard_rejects_people_who_are_not_participants() {
    let chain = chain();
    let council = Council::new(0, 0);
    let outsider = account(chain, "out");
    let members = vec![member(&council.chairman, POSITION_CHAIRMAN, true), member(&outsider, POSITION_MEMBER, false)];
    assert_eq!(chain.fails(soviet(), &[council.coop], &updateboard(council.coop, members)), ERR_MEMBER_NOT_INDIVIDUAL);
}

#[test]
fn setttl_sets_the_lifetime_of_new_decisions() {
    let chain = chain();
    let council = Council::new(0, 0);
    let outcome = chain.ok(soviet(), &[council.coop], &Setttl { coopname: council.coop, seconds: 3600 });
    assert_eq!(
        chain.row::<Settings>(soviet(), soviet(), council.coop.as_u64()),
        Some(CoopSettings { coopname: council.coop, decision_ttl: 3600 })
    );
    assert!(outcome.ram_delta(council.coop) > 0, "the cooperative pays its settings");
    let d = council.decision(council.free_decision());
    assert_eq!(d.expires_at.as_secs(), d.created_at.as_secs() + 3600);
}

#[test]
fn setttl_rejects_lifetimes_out_of_range() {
    let chain = chain();
    let council = Council::new(0, 0);
    for seconds in [0, MAX_DECISION_TTL + 1] {
        assert_eq!(chain.fails(soviet(), &[council.coop], &Setttl { coopname: council.coop, seconds }), ERR_BAD_TTL);
    }
}

#[test]
fn setttl_requires_the_cooperative() {
    let chain = chain();
    let council = Council::new(0, 0);
    assert_missing_auth(chain.push(
        soviet(),
        &[council.chairman.name],
        &Setttl { coopname: council.coop, seconds: 60 },
    ));
}
