//! `authorize`: the chairman signs an approved decision, once.
use super::*;
use coop_protocol::soviet::errors::*;

#[test]
fn authorize_signs_an_approved_decision() {
    let chain = chain();
    let council = Council::new(2, 0);
    let id = council.free_decision();
    council.approve(id);
    let data = council.authorization(id);
    let outcome = chain.ok(soviet(), &[council.chairman.name], &data);

    let d = council.decision(id);
    assert_eq!(d.status, STATUS_AUTHORIZED);
    assert_eq!(d.authorized_by, council.chairman.name);
    assert_eq!(d.authorization, data.document);
    assert!(d.authorized_at.as_secs() >= d.created_at.as_secs());
    let announced: Vec<EvDecision> = events(&outcome, "evdecision");
    assert_eq!((announced[0].status, &announced[0].document), (STATUS_AUTHORIZED, &data.document));
}

#[test]
fn authorize_requires_the_chairmans_signature() {
    let chain = chain();
    let council = Council::new(1, 0);
    let id = council.free_decision();
    council.approve(id);
    assert_missing_auth(chain.push(soviet(), &[council.members[0].name], &council.authorization(id)));
}

#[test]
fn only_the_chairman_authorizes() {
    let chain = chain();
    let council = Council::new(1, 0);
    let id = council.free_decision();
    council.approve(id);
    let member = &council.members[0];
    assert_eq!(
        chain.fails(
            soviet(),
            &[member.name],
            &Authorize {
                coopname: council.coop,
                chairman: member.name,
                decision_id: id,
                document: document(member, "decision"),
            }
        ),
        ERR_NOT_CHAIRMAN
    );
}

#[test]
fn authorize_before_approval_is_refused() {
    let chain = chain();
    let council = Council::new(2, 0);
    let id = council.free_decision();
    council.vote_for(&council.chairman, id);
    assert_eq!(chain.fails(soviet(), &[council.chairman.name], &council.authorization(id)), ERR_NOT_APPROVED);
}

#[test]
fn authorizing_twice_is_refused_and_keeps_the_first_document() {
    let chain = chain();
    let council = Council::new(1, 0);
    let id = council.authorized_decision();
    let first = council.decision(id).authorization;
    assert_eq!(chain.fails(soviet(), &[council.chairman.name], &council.authorization(id)), ERR_DECISION_AUTHORIZED);
    let d = council.decision(id);
    assert_eq!((d.status, d.authorization), (STATUS_AUTHORIZED, first));
}

#[test]
fn authorize_rejects_a_document_signed_by_another_key() {
    let chain = chain();
    let council = Council::new(1, 0);
    let id = council.free_decision();
    council.approve(id);
    let data = Authorize { document: document(&council.members[0], "decision"), ..council.authorization(id) };
    assert_eq!(chain.fails(soviet(), &[council.chairman.name], &data), ERR_KEY_NOT_SIGNERS);
}

#[test]
fn authorize_rejects_a_signature_that_does_not_match_the_key() {
    let chain = chain();
    let council = Council::new(1, 0);
    let id = council.free_decision();
    council.approve(id);
    let forged =
        Document { public_key: council.chairman.key.public_key(), ..document(&council.members[0], "decision") };
    let data = Authorize { document: forged, ..council.authorization(id) };
    assert_eq!(chain.fails(soviet(), &[council.chairman.name], &data), ERR_BAD_SIGNATURE);
}

#[test]
fn authorize_rejects_an_expired_decision() {
    let chain = chain();
    let council = Council::new(0, 0);
    council.set_ttl(2);
    let id = council.free_decision();
    council.approve(id);
    wait_seconds(3);
    assert_eq!(chain.fails(soviet(), &[council.chairman.name], &council.authorization(id)), ERR_DECISION_EXPIRED);
}

#[test]
fn votes_after_authorization_are_refused() {
    let chain = chain();
    let council = Council::new(2, 0);
    let id = council.authorized_decision();
    let late = council.members[1].name;
    assert_eq!(
        chain.fails(soviet(), &[late], &Votefor { coopname: council.coop, member: late, decision_id: id }),
        ERR_DECISION_AUTHORIZED
    );
    let voter = council.chairman.name;
    assert_eq!(
        chain.fails(soviet(), &[voter], &Cancelvote { coopname: council.coop, member: voter, decision_id: id }),
        ERR_DECISION_AUTHORIZED
    );
}
