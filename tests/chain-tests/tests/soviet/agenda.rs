//! Putting questions on the agenda: `propose` (contracts), `freedecision` (participants).
use super::*;
use coop_protocol::soviet::errors::*;

fn propose(council: &Council, kind: Name, username: Name, ref_id: u64) -> Propose {
    Propose { coopname: council.coop, kind, username, ref_id, statement: document(&council.others[0], "application") }
}

#[test]
fn propose_joincoop_from_the_registrator_opens_a_decision_it_pays_for() {
    let chain = chain();
    let council = Council::new(1, 1);
    let applicant = council.others[0].name;
    let data = propose(&council, KIND_JOINCOOP, applicant, 7);
    let outcome = chain.ok(soviet(), &[chain.peers.registrator], &data);

    let id: u64 = outcome.return_value();
    assert_eq!(id, 1);
    let d = council.decision(id);
    assert_eq!(
        (d.kind, d.username, d.ref_id, d.proposer, d.status),
        (KIND_JOINCOOP, applicant, 7, chain.peers.registrator, STATUS_OPEN)
    );
    assert_eq!(d.statement, data.statement);
    assert!(d.votes_for.is_empty() && d.votes_against.is_empty());
    assert_eq!(d.expires_at.as_secs(), d.created_at.as_secs() + DEFAULT_DECISION_TTL);
    assert!(outcome.ram_delta(chain.peers.registrator) > 0);
    assert_eq!(
        events::<EvDecision>(&outcome, "evdecision"),
        vec![EvDecision {
            coopname: council.coop,
            decision_id: id,
            kind: KIND_JOINCOOP,
            username: applicant,
            ref_id: 7,
            status: STATUS_OPEN,
            reason: Name::new(0),
            document: data.statement,
        }]
    );
}

#[test]
fn propose_withdraw_comes_from_the_wallet() {
    let chain = chain();
    let council = Council::new(1, 1);
    let data = propose(&council, KIND_WITHDRAW, council.others[0].name, 3);
    let id: u64 = chain.ok(soviet(), &[chain.peers.wallet], &data).return_value();
    let d = council.decision(id);
    assert_eq!((d.kind, d.ref_id, d.proposer), (KIND_WITHDRAW, 3, chain.peers.wallet));
}

#[test]
fn propose_requires_the_contract_that_owns_the_kind() {
    let chain = chain();
    let council = Council::new(1, 1);
    let joincoop = propose(&council, KIND_JOINCOOP, council.others[0].name, 1);
    let withdraw = propose(&council, KIND_WITHDRAW, council.others[0].name, 1);
    assert_missing_auth(chain.push(soviet(), &[council.coop], &joincoop));
    assert_missing_auth(chain.push(soviet(), &[chain.peers.wallet], &joincoop));
    assert_missing_auth(chain.push(soviet(), &[chain.peers.registrator], &withdraw));
}

#[test]
fn propose_rejects_other_kinds() {
    let chain = chain();
    let council = Council::new(0, 1);
    for kind in [KIND_FREE, coop_runtime::n("change")] {
        assert_eq!(
            chain.fails(soviet(), &[chain.peers.registrator], &propose(&council, kind, council.others[0].name, 1)),
            ERR_BAD_KIND
        );
    }
}

#[test]
fn propose_needs_a_registered_cooperative_with_a_council() {
    let chain = chain();
    let council = Council::new(0, 1);
    let unknown =
        Propose { coopname: chain.unique_name("coop"), ..propose(&council, KIND_JOINCOOP, council.others[0].name, 1) };
    assert_eq!(chain.fails(soviet(), &[chain.peers.registrator], &unknown), ERR_COOP_NOT_FOUND);
    let r = registered(1);
    let no_council = Propose { coopname: r.coop, ..propose(&council, KIND_JOINCOOP, r.founders[0].name, 1) };
    assert_eq!(chain.fails(soviet(), &[chain.peers.registrator], &no_council), ERR_BOARD_NOT_FOUND);
}

#[test]
fn propose_needs_an_existing_account() {
    let chain = chain();
    let council = Council::new(0, 1);
    let data = propose(&council, KIND_JOINCOOP, chain.unique_name("ghost"), 1);
    assert_eq!(chain.fails(soviet(), &[chain.peers.registrator], &data), ERR_ACCOUNT_NOT_FOUND);
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
    let data =
        Freedecision { coopname: council.coop, proposer: proposer.name, statement: document(proposer, "proposal") };
    let outcome = chain.ok(soviet(), &[proposer.name], &data);

    let id: u64 = outcome.return_value();
    let d = council.decision(id);
    assert_eq!(
        (d.kind, d.username, d.ref_id, d.proposer, d.status),
        (KIND_FREE, proposer.name, 0, proposer.name, STATUS_OPEN)
    );
    assert_eq!(d.statement, data.statement);
    assert!(outcome.ram_delta(proposer.name) > 0);
    let announced: Vec<EvDecision> = events(&outcome, "evdecision");
    assert_eq!(announced[0].document, data.statement);
}

#[test]
fn freedecision_requires_the_proposers_signature() {
    let chain = chain();
    let council = Council::new(0, 1);
    let proposer = &council.others[0];
    assert_missing_auth(chain.push(
        soviet(),
        &[council.chairman.name],
        &Freedecision { coopname: council.coop, proposer: proposer.name, statement: document(proposer, "proposal") },
    ));
}

#[test]
fn freedecision_rejects_people_who_are_not_participants() {
    let chain = chain();
    let council = Council::new(0, 0);
    let outsider = account(chain, "out");
    assert_eq!(
        chain.fails(
            soviet(),
            &[outsider.name],
            &Freedecision {
                coopname: council.coop,
                proposer: outsider.name,
                statement: document(&outsider, "proposal"),
            }
        ),
        ERR_NOT_PARTICIPANT
    );
}

#[test]
fn freedecision_rejects_a_statement_signed_by_another_key() {
    let chain = chain();
    let council = Council::new(0, 1);
    let proposer = &council.others[0];
    assert_eq!(
        chain.fails(
            soviet(),
            &[proposer.name],
            &Freedecision {
                coopname: council.coop,
                proposer: proposer.name,
                statement: document(&council.chairman, "proposal"),
            }
        ),
        ERR_KEY_NOT_SIGNERS
    );
}

#[test]
fn freedecision_rejects_a_signature_that_does_not_match_the_key() {
    let chain = chain();
    let council = Council::new(0, 1);
    let proposer = &council.others[0];
    let forged = Document { public_key: proposer.key.public_key(), ..document(&council.chairman, "proposal") };
    assert_eq!(
        chain.fails(
            soviet(),
            &[proposer.name],
            &Freedecision { coopname: council.coop, proposer: proposer.name, statement: forged }
        ),
        ERR_BAD_SIGNATURE
    );
}

#[test]
fn freedecision_rejects_an_overlong_meta() {
    let chain = chain();
    let council = Council::new(0, 1);
    let proposer = &council.others[0];
    let statement = Document { meta: "x".repeat(MAX_DOCUMENT_META + 1), ..document(proposer, "proposal") };
    assert_eq!(
        chain.fails(
            soviet(),
            &[proposer.name],
            &Freedecision { coopname: council.coop, proposer: proposer.name, statement }
        ),
        ERR_META_TOO_LONG
    );
}
