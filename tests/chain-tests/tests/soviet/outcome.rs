//! `exec` and `close`: the end of a decision and the owning contract's effect.
use super::*;
use coop_protocol::registrator::errors::ERR_APPLICATION_NOT_FOUND;
use coop_protocol::soviet::errors::*;
use coop_protocol::soviet::tally::{OUTCOME_DECLINED, OUTCOME_PENDING};
use coop_protocol::wallet::errors::ERR_WITHDRAWAL_NOT_FOUND;

fn exec(council: &Council, id: u64) -> Exec {
    Exec { executer: council.others[0].name, coopname: council.coop, decision_id: id }
}

fn close(council: &Council, id: u64) -> Close {
    Close { executer: council.others[0].name, coopname: council.coop, decision_id: id }
}

/// A `kind` decision about `username` put on the agenda by its owning contract (with the
/// cooperative's authority: it pays).
fn proposed(council: &Council, kind: Name, username: Name) -> u64 {
    let chain = chain();
    let owner = if kind == KIND_JOINCOOP { chain.peers.registrator } else { chain.peers.wallet };
    chain
        .ok(
            soviet(),
            &[owner, council.coop],
            &Propose {
                coopname: council.coop,
                kind,
                username,
                ref_id: 5,
                statement_hash: statement_hash("application"),
            },
        )
        .return_value()
}

/// Asserts that decision `id` is gone: not in the table, and a further `exec`, `close`
/// or vote learns that it has ended.
#[track_caller]
fn assert_erased(council: &Council, id: u64) {
    let chain = chain();
    assert!(council.find_decision(id).is_none(), "decision {id} is erased");
    let executer = [council.others[0].name];
    assert_eq!(chain.fails(soviet(), &executer, &exec(council, id)), ERR_DECISION_ENDED);
    assert_eq!(chain.fails(soviet(), &executer, &close(council, id)), ERR_DECISION_ENDED);
    let member = council.chairman.name;
    let vote = Votefor { coopname: council.coop, member, decision_id: id };
    assert_eq!(chain.fails(soviet(), &[member], &vote), ERR_DECISION_ENDED);
}

/// Makes decision `id` declined by a board change rather than by a vote (a vote that
/// makes approval impossible ends the decision itself, so `close` never sees it): the
/// council must be the chairman and (at least) two members. `members[0]` votes against —
/// one of three, approval is still possible — then the council shrinks to the chairman and
/// `members[0]`: one of two against, approval is impossible, and the decision waits for
/// `close`.
fn declined_by_a_board_change(council: &Council, id: u64) {
    let against = tally_of(&council.vote_against(&council.members[0], id));
    assert_eq!((against.votes_against, against.outcome), (1, OUTCOME_PENDING));
    shrink_council(council);
    assert!(council.find_decision(id).is_some(), "a board change ends nothing by itself");
}

/// `updateboard`: the council becomes the chairman and `members[0]` only.
fn shrink_council(council: &Council) {
    let members = vec![
        BoardMember::voting(council.chairman.name, POSITION_CHAIRMAN),
        BoardMember::voting(council.members[0].name, POSITION_MEMBER),
    ];
    chain().ok(soviet(), &[council.coop], &Updateboard { coopname: council.coop, members });
}

#[test]
fn exec_executes_an_authorized_decision_and_erases_it() {
    let chain = chain();
    let council = Council::new(1, 1);
    let id = council.authorized_decision();
    assert_eq!(council.open_free_decisions(council.chairman.name), Some(1));
    let outcome = chain.ok(soviet(), &[council.others[0].name], &exec(&council, id));

    assert_erased(&council, id);
    // The chairman proposed it: the decision's and the counter row's RAM come back.
    assert!(outcome.ram_delta(council.chairman.name) < 0, "the proposer gets the RAM back");
    assert_eq!(council.open_free_decisions(council.chairman.name), None);
    assert_eq!(outcome.ram_delta(council.others[0].name), 0, "the executer pays nothing");
    assert!(
        outcome.action_traces.iter().all(|t| t.account == soviet().to_string()),
        "a free decision has no effect elsewhere"
    );
}

#[test]
fn exec_requires_the_executers_signature() {
    let chain = chain();
    let council = Council::new(1, 1);
    let id = council.authorized_decision();
    assert_missing_auth(chain.push(soviet(), &[council.chairman.name], &exec(&council, id)));
}

#[test]
fn exec_before_authorization_is_refused() {
    let chain = chain();
    let council = Council::new(1, 1);
    let id = council.free_decision();
    council.approve(id);
    assert_eq!(chain.fails(soviet(), &[council.others[0].name], &exec(&council, id)), ERR_NOT_AUTHORIZED);
}

#[test]
fn executing_twice_is_refused() {
    let chain = chain();
    let council = Council::new(1, 1);
    let id = council.authorized_decision();
    chain.ok(soviet(), &[council.others[0].name], &exec(&council, id));
    wait_seconds(1);
    assert_eq!(chain.fails(soviet(), &[council.others[0].name], &exec(&council, id)), ERR_DECISION_ENDED);
}

#[test]
fn exec_of_an_unknown_decision_is_refused() {
    let chain = chain();
    let council = Council::new(0, 1);
    assert_eq!(chain.fails(soviet(), &[council.others[0].name], &exec(&council, 9)), ERR_DECISION_NOT_FOUND);
}

#[test]
fn an_expired_authorized_decision_cannot_be_executed_but_closes() {
    let chain = chain();
    let council = Council::new(0, 1);
    council.set_ttl(3);
    let id = council.authorized_decision();
    wait_seconds(4);
    assert_eq!(chain.fails(soviet(), &[council.others[0].name], &exec(&council, id)), ERR_DECISION_EXPIRED);
    let outcome = chain.ok(soviet(), &[council.others[0].name], &close(&council, id));
    assert_eq!(outcome.return_value::<Name>(), REASON_EXPIRED);
    assert!(outcome.ram_delta(council.chairman.name) < 0);
    assert_erased(&council, id);
}

#[test]
fn exec_of_a_joincoop_decision_accepts_the_applicant_in_the_registrator() {
    // The application behind this decision was never made, so the registrator's
    // `acceptjoin` refuses it: proof that `exec` sent it, with this decision's applicant.
    // The soviet sends it with `coop@contracts` (the cooperative pays the new participant),
    // which `operator::connect` creates; this cooperative is only registered, so it is set
    // up here.
    let chain = chain();
    let council = Council::new(1, 1);
    allow_contracts(council.coop);
    let applicant = account(chain, "appl");
    let id = proposed(&council, KIND_JOINCOOP, applicant.name);
    council.approve(id);
    chain.ok(soviet(), &[council.chairman.name], &council.authorization(id));
    assert_eq!(chain.fails(soviet(), &[council.others[0].name], &exec(&council, id)), ERR_APPLICATION_NOT_FOUND);
    // The failed transaction changed nothing: the decision is still there, authorized.
    assert_eq!(council.decision(id).status, STATUS_AUTHORIZED);
}

#[test]
fn exec_of_a_joincoop_decision_needs_the_cooperatives_contracts_permission() {
    // Without `coop@contracts` the chain refuses the soviet's inline `acceptjoin`.
    let chain = chain();
    let council = Council::new(1, 1);
    let applicant = account(chain, "appl");
    let id = proposed(&council, KIND_JOINCOOP, applicant.name);
    council.approve(id);
    chain.ok(soviet(), &[council.chairman.name], &council.authorization(id));
    let error = chain.push(soviet(), &[council.others[0].name], &exec(&council, id)).unwrap_err();
    assert_eq!(error.name(), Some("action_validate_exception"), "{error}");
    let permission = format!(r#"{{"actor":"{}","permission":"contracts"}}"#, council.coop);
    assert!(error.to_string().contains(&permission), "{error}");
    assert_eq!(council.decision(id).status, STATUS_AUTHORIZED);
}

#[test]
fn close_ends_a_declined_decision() {
    // A decline brought about by a board change: the one `close` still ends.
    let chain = chain();
    let council = Council::new(2, 1);
    let id = council.free_decision();
    declined_by_a_board_change(&council, id);
    let outcome = chain.ok(soviet(), &[council.others[0].name], &close(&council, id));

    assert_eq!(outcome.return_value::<Name>(), REASON_DECLINED);
    assert!(outcome.ram_delta(council.chairman.name) < 0, "the proposer gets the RAM back");
    assert_eq!(outcome.ram_delta(council.others[0].name), 0, "the executer pays nothing");
    assert_eq!(council.open_free_decisions(council.chairman.name), None);
    assert!(
        outcome.action_traces.iter().all(|t| t.account == soviet().to_string()),
        "a free decision has no effect elsewhere"
    );
    assert_erased(&council, id);
}

#[test]
fn close_ends_an_expired_decision() {
    let chain = chain();
    let council = Council::new(1, 1);
    let id = council.expired_decision();
    let outcome = chain.ok(soviet(), &[council.others[0].name], &close(&council, id));
    assert_eq!(outcome.return_value::<Name>(), REASON_EXPIRED);
    assert!(outcome.ram_delta(council.chairman.name) < 0);
    assert_erased(&council, id);
}

#[test]
fn close_requires_the_executers_signature() {
    let chain = chain();
    let council = Council::new(1, 1);
    let id = council.expired_decision();
    assert_missing_auth(chain.push(soviet(), &[council.chairman.name], &close(&council, id)));
}

#[test]
fn closing_an_open_decision_that_can_still_pass_is_refused() {
    let chain = chain();
    let council = Council::new(2, 1);
    let id = council.free_decision();
    council.vote_against(&council.members[0], id);
    assert_eq!(chain.fails(soviet(), &[council.others[0].name], &close(&council, id)), ERR_CANNOT_CLOSE);
}

#[test]
fn closing_an_authorized_decision_before_expiry_is_refused() {
    let chain = chain();
    let council = Council::new(1, 1);
    let id = council.authorized_decision();
    assert_eq!(chain.fails(soviet(), &[council.others[0].name], &close(&council, id)), ERR_CANNOT_CLOSE);
}

#[test]
fn finished_decisions_cannot_be_closed_executed_or_voted() {
    let chain = chain();
    let council = Council::new(1, 1);
    let closed = council.expired_decision();
    chain.ok(soviet(), &[council.others[0].name], &close(&council, closed));
    council.set_ttl(DEFAULT_DECISION_TTL);
    let executed = council.authorized_decision();
    chain.ok(soviet(), &[council.others[0].name], &exec(&council, executed));
    // One of two against: the vote seals the decline and ends the decision.
    let declined = council.free_decision();
    let sealing = tally_of(&council.vote_against(&council.members[0], declined));
    assert_eq!(sealing.outcome, OUTCOME_DECLINED);
    wait_seconds(1);

    let executer = [council.others[0].name];
    let member = council.members[0].name;
    for id in [closed, executed, declined] {
        assert!(council.find_decision(id).is_none(), "decision {id} is erased");
        assert_eq!(chain.fails(soviet(), &executer, &close(&council, id)), ERR_DECISION_ENDED);
        assert_eq!(chain.fails(soviet(), &executer, &exec(&council, id)), ERR_DECISION_ENDED);
        let vote = Votefor { coopname: council.coop, member, decision_id: id };
        assert_eq!(chain.fails(soviet(), &[member], &vote), ERR_DECISION_ENDED);
        let against = Voteagainst { coopname: council.coop, member, decision_id: id };
        assert_eq!(chain.fails(soviet(), &[member], &against), ERR_DECISION_ENDED);
        let cancel = Cancelvote { coopname: council.coop, member, decision_id: id };
        assert_eq!(chain.fails(soviet(), &[member], &cancel), ERR_DECISION_ENDED);
        let authorize = council.authorization(id);
        assert_eq!(chain.fails(soviet(), &[council.chairman.name], &authorize), ERR_DECISION_ENDED);
    }
    // Ids never given out are not found: 0 and the ones after the last.
    for id in [0, declined + 1] {
        assert_eq!(chain.fails(soviet(), &executer, &close(&council, id)), ERR_DECISION_NOT_FOUND);
        assert_eq!(chain.fails(soviet(), &executer, &exec(&council, id)), ERR_DECISION_NOT_FOUND);
        let vote = Votefor { coopname: council.coop, member, decision_id: id };
        assert_eq!(chain.fails(soviet(), &[member], &vote), ERR_DECISION_NOT_FOUND);
    }
    // Ids are never given out again.
    assert_eq!(council.free_decision(), declined + 1);
}

#[test]
fn closing_a_joincoop_decision_declines_the_application_in_the_registrator() {
    // As for `exec`: the registrator's refusal shows that the decline sent `declinejoin`,
    // both from the vote that seals it and from `close` (a decline by a board change).
    let chain = chain();
    let council = Council::new(2, 1);
    let applicant = account(chain, "appl");
    let id = proposed(&council, KIND_JOINCOOP, applicant.name);
    council.vote_against(&council.members[0], id);
    let sealing = Voteagainst { coopname: council.coop, member: council.members[1].name, decision_id: id };
    assert_eq!(chain.fails(soviet(), &[council.members[1].name], &sealing), ERR_APPLICATION_NOT_FOUND);
    // The failed vote changed nothing: the decision is still open with one vote against.
    assert_eq!(council.decision(id).vote_lists(), (vec![], vec![council.members[0].name]));

    // Now a board change declines it: `close` ends it and sends the same.
    shrink_council(&council);
    assert_eq!(chain.fails(soviet(), &[council.others[0].name], &close(&council, id)), ERR_APPLICATION_NOT_FOUND);
    assert!(council.find_decision(id).is_some(), "the failed close changed nothing");
}

#[test]
fn exec_of_a_withdraw_decision_allows_the_withdrawal_in_the_wallet() {
    // No such withdrawal: the wallet's `allowwithdr` refuses, proof that `exec` sent it.
    let chain = chain();
    let council = Council::new(1, 1);
    let id = proposed(&council, KIND_WITHDRAW, council.others[0].name);
    council.approve(id);
    chain.ok(soviet(), &[council.chairman.name], &council.authorization(id));
    assert_eq!(chain.fails(soviet(), &[council.others[0].name], &exec(&council, id)), ERR_WITHDRAWAL_NOT_FOUND);
}

#[test]
fn closing_a_withdraw_decision_declines_the_withdrawal_in_the_wallet() {
    // No such withdrawal: the wallet's `declwithdr` refuses, proof that the decline sent
    // it, both from the vote that seals it and from `close` (a decline by a board change).
    let chain = chain();
    let council = Council::new(2, 1);
    let id = proposed(&council, KIND_WITHDRAW, council.others[0].name);
    council.vote_against(&council.members[0], id);
    let sealing = Voteagainst { coopname: council.coop, member: council.members[1].name, decision_id: id };
    assert_eq!(chain.fails(soviet(), &[council.members[1].name], &sealing), ERR_WITHDRAWAL_NOT_FOUND);
    assert_eq!(council.decision(id).vote_lists(), (vec![], vec![council.members[0].name]));

    // Now a board change declines it: `close` ends it and sends the same.
    shrink_council(&council);
    assert_eq!(chain.fails(soviet(), &[council.others[0].name], &close(&council, id)), ERR_WITHDRAWAL_NOT_FOUND);
    assert!(council.find_decision(id).is_some(), "the failed close changed nothing");
}
