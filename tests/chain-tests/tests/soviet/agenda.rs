//! Putting questions on the agenda: `propose` (contracts), `freedecision` (participants).
use super::*;
use coop_protocol::soviet::errors::*;
use coop_protocol::soviet::tally::OUTCOME_DECLINED;

fn propose(council: &Council, kind: Name, username: Name, ref_id: u64) -> Propose {
    Propose { coopname: council.coop, kind, username, ref_id, statement_hash: statement_hash("application") }
}

/// A question of `proposer` to the council, without actions and not signed yet.
fn question(council: &Council, proposer: &Person) -> Freedecision {
    Freedecision { coopname: council.coop, proposer: proposer.name, statement: Document::default(), actions: vec![] }
}

/// The signers a contract's `propose` needs: the owning contract and the cooperative
/// (which pays; our contracts send it with `coop@contracts`).
fn by(contract: Name, council: &Council) -> [Name; 2] {
    [contract, council.coop]
}

#[test]
fn propose_joincoop_from_the_registrator_opens_a_decision_the_cooperative_pays_for() {
    let chain = chain();
    let council = Council::new(1, 1);
    let applicant = council.others[0].name;
    let data = propose(&council, KIND_JOINCOOP, applicant, 7);
    let outcome = chain.ok(soviet(), &by(chain.peers.registrator, &council), &data);

    let id: u64 = outcome.return_value();
    assert_eq!(id, 1);
    let d = council.decision(id);
    assert_eq!(
        (d.kind, d.username, d.ref_id, d.proposer, d.status),
        (KIND_JOINCOOP, applicant, 7, chain.peers.registrator, STATUS_OPEN)
    );
    assert_eq!(d.statement_hash, data.statement_hash);
    // Every vote slot exists from the start, all empty; nothing is authorized yet.
    assert_eq!(d.votes, vec![VoteSlot::default(); MAX_BOARD_MEMBERS]);
    assert_eq!(d.vote_lists(), (vec![], vec![]));
    assert_eq!((d.authorized_by, d.authorization_hash), (Name::new(0), Default::default()));
    assert_eq!(d.expires_at.as_secs(), d.created_at.as_secs() + DEFAULT_DECISION_TTL);
    assert!(outcome.ram_delta(council.coop) > 0, "the cooperative pays its agenda");
    assert_eq!(outcome.ram_delta(chain.peers.registrator), 0, "the contract pays nothing");
    assert_eq!(outcome.ram_delta(soviet()), 0);
}

#[test]
fn propose_withdraw_comes_from_the_wallet() {
    let chain = chain();
    let council = Council::new(1, 1);
    let data = propose(&council, KIND_WITHDRAW, council.others[0].name, 3);
    let outcome = chain.ok(soviet(), &by(chain.peers.wallet, &council), &data);
    let d = council.decision(outcome.return_value());
    assert_eq!((d.kind, d.ref_id, d.proposer), (KIND_WITHDRAW, 3, chain.peers.wallet));
    assert!(outcome.ram_delta(council.coop) > 0);
    assert_eq!(outcome.ram_delta(chain.peers.wallet), 0);
}

#[test]
fn propose_requires_the_contract_that_owns_the_kind() {
    let chain = chain();
    let council = Council::new(1, 1);
    let joincoop = propose(&council, KIND_JOINCOOP, council.others[0].name, 1);
    let withdraw = propose(&council, KIND_WITHDRAW, council.others[0].name, 1);
    assert_missing_auth(chain.push(soviet(), &[council.coop], &joincoop));
    assert_missing_auth(chain.push(soviet(), &by(chain.peers.wallet, &council), &joincoop));
    assert_missing_auth(chain.push(soviet(), &by(chain.peers.registrator, &council), &withdraw));
}

#[test]
fn propose_requires_the_cooperative_that_pays() {
    let chain = chain();
    let council = Council::new(1, 1);
    let other = Council::new(0, 0);
    let joincoop = propose(&council, KIND_JOINCOOP, council.others[0].name, 1);
    let withdraw = propose(&council, KIND_WITHDRAW, council.others[0].name, 1);
    assert_missing_auth(chain.push(soviet(), &[chain.peers.registrator], &joincoop));
    assert_missing_auth(chain.push(soviet(), &[chain.peers.wallet], &withdraw));
    // Another cooperative cannot put a question on this one's agenda at its cost.
    assert_missing_auth(chain.push(soviet(), &[chain.peers.registrator, other.coop], &joincoop));
    assert!(council.find_decision(1).is_none());
}

#[test]
fn propose_rejects_other_kinds() {
    let chain = chain();
    let council = Council::new(0, 1);
    for kind in [KIND_FREE, coop_runtime::n("change")] {
        assert_eq!(
            chain.fails(
                soviet(),
                &by(chain.peers.registrator, &council),
                &propose(&council, kind, council.others[0].name, 1)
            ),
            ERR_BAD_KIND
        );
    }
}

#[test]
fn propose_needs_a_registered_cooperative_with_a_council() {
    let chain = chain();
    let council = Council::new(0, 1);
    // An account that is not a registered cooperative (it signs, so the check is the registry).
    let stranger = chain.unique_name("coop");
    chain.create_account(stranger, chain.new_key().public_key(), None);
    let unknown = Propose { coopname: stranger, ..propose(&council, KIND_JOINCOOP, council.others[0].name, 1) };
    assert_eq!(chain.fails(soviet(), &[chain.peers.registrator, stranger], &unknown), ERR_COOP_NOT_FOUND);
    let r = registered(1);
    let no_council = Propose { coopname: r.coop, ..propose(&council, KIND_JOINCOOP, r.founders[0].name, 1) };
    assert_eq!(chain.fails(soviet(), &[chain.peers.registrator, r.coop], &no_council), ERR_BOARD_NOT_FOUND);
}

#[test]
fn propose_needs_an_existing_account() {
    let chain = chain();
    let council = Council::new(0, 1);
    let data = propose(&council, KIND_JOINCOOP, chain.unique_name("ghost"), 1);
    assert_eq!(chain.fails(soviet(), &by(chain.peers.registrator, &council), &data), ERR_ACCOUNT_NOT_FOUND);
}

#[test]
fn decision_ids_count_from_one_per_cooperative() {
    let council = Council::new(0, 0);
    let other = Council::new(0, 0);
    assert_eq!(council.free_decision(), 1);
    assert_eq!(council.free_decision(), 2);
    assert_eq!(other.free_decision(), 1);
}

#[test]
fn freedecision_by_a_participant_opens_a_free_decision_they_pay_for() {
    let chain = chain();
    let council = Council::new(1, 1);
    let proposer = &council.others[0];
    let data = question(&council, proposer);
    let data = signed(proposer, "proposal", data);
    let outcome = chain.ok(soviet(), &[proposer.name], &data);

    let id: u64 = outcome.return_value();
    let d = council.decision(id);
    assert_eq!(
        (d.kind, d.username, d.ref_id, d.proposer, d.status),
        (KIND_FREE, proposer.name, 0, proposer.name, STATUS_OPEN)
    );
    // The table keeps the hash; the document itself is in the action's data.
    assert_eq!(d.statement_hash, data.statement.hash);
    assert_eq!(outcome.first_action().unwrap().decode_data::<Freedecision>().unwrap(), data);
    assert_eq!(d.votes.len(), MAX_BOARD_MEMBERS);
    assert_eq!(council.open_free_decisions(proposer.name), Some(1));
    assert!(outcome.ram_delta(proposer.name) > 0, "the proposer pays");
    assert_eq!(outcome.ram_delta(council.coop), 0);
    assert_eq!(outcome.ram_delta(soviet()), 0);
}

#[test]
fn freedecision_requires_the_proposers_signature() {
    let chain = chain();
    let council = Council::new(0, 1);
    let proposer = &council.others[0];
    assert_missing_auth(chain.push(
        soviet(),
        &[council.chairman.name],
        &signed(proposer, "proposal", question(&council, proposer)),
    ));
}

#[test]
fn freedecision_rejects_people_who_are_not_participants() {
    let chain = chain();
    let council = Council::new(0, 0);
    let outsider = account(chain, "out");
    assert_eq!(
        chain.fails(soviet(), &[outsider.name], &signed(&outsider, "proposal", question(&council, &outsider))),
        ERR_NOT_PARTICIPANT
    );
}

#[test]
fn freedecision_rejects_a_statement_signed_by_another_key() {
    let chain = chain();
    let council = Council::new(0, 1);
    let proposer = &council.others[0];
    assert_eq!(
        chain.fails(soviet(), &[proposer.name], &signed(&council.chairman, "proposal", question(&council, proposer))),
        ERR_KEY_NOT_SIGNERS
    );
}

#[test]
fn freedecision_rejects_a_signature_that_does_not_match_the_key() {
    let chain = chain();
    let council = Council::new(0, 1);
    let proposer = &council.others[0];
    let by_chairman = signed(&council.chairman, "proposal", question(&council, proposer));
    let forged = Document { public_key: proposer.key.public_key(), ..by_chairman.statement.clone() };
    assert_eq!(
        chain.fails(soviet(), &[proposer.name], &Freedecision { statement: forged, ..by_chairman }),
        ERR_BAD_SIGNATURE
    );
}

#[test]
fn freedecision_rejects_an_overlong_meta() {
    let chain = chain();
    let council = Council::new(0, 1);
    let proposer = &council.others[0];
    let data = signed(proposer, "proposal", question(&council, proposer));
    let statement = Document { meta: "x".repeat(MAX_DOCUMENT_META + 1), ..data.statement.clone() };
    assert_eq!(chain.fails(soviet(), &[proposer.name], &Freedecision { statement, ..data }), ERR_META_TOO_LONG);
}

#[test]
fn freedecision_limits_open_free_decisions_per_proposer_and_ending_one_frees_a_place() {
    let chain = chain();
    let council = Council::new(2, 2);
    let (proposer, other) = (&council.others[0], &council.others[1]);
    let one_more = || signed(proposer, "one question too many", question(&council, proposer));
    let first = council.free_decision_by(proposer);
    let second = council.free_decision_by(proposer);
    let third = council.free_decision_by(proposer);
    assert_eq!(MAX_OPEN_FREE_DECISIONS, 3, "this test opens exactly the maximum");
    let ids: Vec<u64> = [&first, &second, &third].iter().map(|o| o.return_value()).collect();
    assert_eq!(council.open_free_decisions(proposer.name), Some(MAX_OPEN_FREE_DECISIONS));
    // The first one also wrote the proposer's counter row; the next ones only their decision.
    let decision_ram = second.ram_delta(proposer.name);
    assert!(decision_ram > 0);
    assert_eq!(third.ram_delta(proposer.name), decision_ram);
    assert!(first.ram_delta(proposer.name) > decision_ram);

    assert_eq!(chain.fails(soviet(), &[proposer.name], &one_more()), ERR_TOO_MANY_FREE_DECISIONS);
    // The limit is the proposer's own: another participant still puts a question.
    let others_question = council.free_decision_by(other);
    let others_id: u64 = others_question.return_value();

    // Executing one erases it: the RAM goes back to the proposer and a place opens.
    let executer = other.name;
    council.approve(ids[0]);
    chain.ok(soviet(), &[council.chairman.name], &council.authorization(ids[0]));
    let executed = chain.ok(soviet(), &[executer], &Exec { executer, coopname: council.coop, decision_id: ids[0] });
    assert_eq!(executed.ram_delta(proposer.name), -decision_ram);
    assert!(council.find_decision(ids[0]).is_none());
    assert_eq!(council.open_free_decisions(proposer.name), Some(MAX_OPEN_FREE_DECISIONS - 1));
    let refilled = council.free_decision_by(proposer);
    assert_eq!(refilled.ram_delta(proposer.name), decision_ram);
    assert_eq!(chain.fails(soviet(), &[proposer.name], &one_more()), ERR_TOO_MANY_FREE_DECISIONS);

    // Declining one does the same: the second vote of three against ends it at once.
    council.vote_against(&council.members[0], ids[1]);
    let sealing = council.vote_against(&council.members[1], ids[1]);
    assert_eq!(tally_of(&sealing).outcome, OUTCOME_DECLINED);
    assert_eq!(sealing.ram_delta(proposer.name), -decision_ram);
    assert_eq!(sealing.ram_delta(council.members[1].name), 0, "the voter pays nothing");
    assert!(council.find_decision(ids[1]).is_none());
    assert_eq!(council.open_free_decisions(proposer.name), Some(MAX_OPEN_FREE_DECISIONS - 1));
    chain.ok(soviet(), &[proposer.name], &one_more());
    assert_eq!(council.open_free_decisions(proposer.name), Some(MAX_OPEN_FREE_DECISIONS));

    // When a proposer's last open one ends, their counter row goes too: all their RAM
    // comes back. Here it is closed, declined by a board change: one vote against of three,
    // then the council shrinks to the chairman and that member.
    assert_eq!(council.open_free_decisions(other.name), Some(1));
    council.vote_against(&council.members[0], others_id);
    let members = vec![
        BoardMember::voting(council.chairman.name, POSITION_CHAIRMAN),
        BoardMember::voting(council.members[0].name, POSITION_MEMBER),
    ];
    chain.ok(soviet(), &[council.coop], &Updateboard { coopname: council.coop, members });
    let executer = proposer.name;
    let closed = chain.ok(soviet(), &[executer], &Close { executer, coopname: council.coop, decision_id: others_id });
    assert_eq!(closed.return_value::<Name>(), REASON_DECLINED);
    assert_eq!(closed.ram_delta(other.name), -others_question.ram_delta(other.name));
    assert_eq!(council.open_free_decisions(other.name), None);
    assert_eq!(closed.ram_delta(executer), 0, "the executer pays nothing");
}
