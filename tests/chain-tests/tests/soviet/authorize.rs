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
    // The table keeps the hash; the signed document is in the action's data.
    assert_eq!(d.authorization_hash, data.document.hash);
    assert_eq!(outcome.first_action().unwrap().decode_data::<Authorize>().unwrap(), data);
    assert!(d.authorized_at.as_secs() >= d.created_at.as_secs());
}

#[test]
fn authorizing_costs_the_chairman_no_ram() {
    // The decision is a participant's (who pays for it); authorizing fills fields the row
    // was created with, so neither its size nor its payer changes.
    let chain = chain();
    let council = Council::new(2, 1);
    let proposer = council.others[0].name;
    let id: u64 = council.free_decision_by(&council.others[0]).return_value();
    council.approve(id);
    let chairman = council.chairman.name;
    let (chairman_before, proposer_before) = (ram_usage(chairman), ram_usage(proposer));
    let outcome = chain.ok(soviet(), &[chairman], &council.authorization(id));

    assert_eq!(council.decision(id).status, STATUS_AUTHORIZED);
    assert_eq!(outcome.ram_delta(chairman), 0);
    assert_eq!(outcome.ram_delta(proposer), 0);
    assert_eq!(outcome.ram_deltas, vec![], "nobody's RAM changes");
    assert_eq!((ram_usage(chairman), ram_usage(proposer)), (chairman_before, proposer_before));
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
            &member.authorization(&chain.peers, council.coop, id, &[], &unique("decision"))
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
    let first = council.decision(id);
    assert_eq!(chain.fails(soviet(), &[council.chairman.name], &council.authorization(id)), ERR_DECISION_AUTHORIZED);
    let d = council.decision(id);
    assert_eq!(d.status, STATUS_AUTHORIZED);
    assert_eq!((d.authorization_hash, d.authorized_at), (first.authorization_hash, first.authorized_at));
}

#[test]
fn authorize_rejects_a_document_signed_by_another_key() {
    let chain = chain();
    let council = Council::new(1, 0);
    let id = council.free_decision();
    council.approve(id);
    let data = council.authorization_signed_by(&council.members[0], id);
    assert_eq!(chain.fails(soviet(), &[council.chairman.name], &data), ERR_KEY_NOT_SIGNERS);
}

#[test]
fn authorize_rejects_a_signature_that_does_not_match_the_key() {
    let chain = chain();
    let council = Council::new(1, 0);
    let id = council.free_decision();
    council.approve(id);
    let data = council.authorization_signed_by(&council.members[0], id);
    let forged = Document { public_key: council.chairman.key.public_key(), ..data.document.clone() };
    let data = Authorize { document: forged, ..data };
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
