//! The decision cycle: `propose`, `freedecision`, `authorize`, `exec`, `close`.
use super::setup::{board, decision_ttl, decisions, own, participant, peers, require_active_coop};
use coop_protocol::registrator::{Acceptjoin, Declinejoin, PARTICIPANT_ACCEPTED};
use coop_protocol::soviet::{errors::*, *};
use coop_protocol::wallet::{Allowwithdr, Declwithdr};
use coop_runtime::{action::level, chain, system::ACTIVE, Document, Peers};
use eosio::{Name, TimePointSec};

/// The document checks' messages.
const DOCUMENT_ERRORS: chain::DocumentErrors<'static> =
    chain::DocumentErrors { bad_signature: ERR_BAD_SIGNATURE, key_not_signers: ERR_KEY_NOT_SIGNERS };

/// See [`Soviet::propose`].
pub fn propose(data: Propose) -> u64 {
    let peers = peers();
    let owner = if data.kind == KIND_JOINCOOP {
        peers.registrator
    } else if data.kind == KIND_WITHDRAW {
        peers.wallet
    } else {
        chain::fail(ERR_BAD_KIND)
    };
    chain::require_auth(owner);
    require_active_coop(&peers, data.coopname);
    chain::check(own::<Boards>().contains(data.coopname.as_u64()), ERR_BOARD_NOT_FOUND);
    chain::check(chain::is_account(data.username), ERR_ACCOUNT_NOT_FOUND);
    chain::check(data.statement.meta.len() <= MAX_DOCUMENT_META, ERR_META_TOO_LONG);

    create(owner, data.coopname, data.kind, data.username, data.ref_id, data.statement)
}

/// See [`Soviet::freedecision`].
pub fn freedecision(data: Freedecision) -> u64 {
    chain::require_auth(data.proposer);
    let peers = peers();
    require_active_coop(&peers, data.coopname);
    chain::check(own::<Boards>().contains(data.coopname.as_u64()), ERR_BOARD_NOT_FOUND);
    chain::check(
        participant(&peers, data.coopname, data.proposer).is_some_and(|p| p.status == PARTICIPANT_ACCEPTED),
        ERR_NOT_PARTICIPANT,
    );
    check_document(&data.statement, data.proposer);

    create(data.proposer, data.coopname, KIND_FREE, data.proposer, 0, data.statement)
}

/// Writes a new open decision paid by `proposer`, announces it, returns its id.
fn create(proposer: Name, coopname: Name, kind: Name, username: Name, ref_id: u64, statement: Document) -> u64 {
    let now = chain::now();
    let expires_at = TimePointSec::from_secs(now.as_secs().saturating_add(decision_ttl(coopname)));
    let counters = own::<Counters>();
    let id = counters.get(coopname.as_u64()).map_or(0, |c| c.last_id) + 1;
    counters.save(proposer, &DecisionCounter { coopname, last_id: id });
    let decision = Decision {
        id,
        kind,
        username,
        ref_id,
        proposer,
        statement,
        status: STATUS_OPEN,
        created_at: now,
        expires_at,
        ..Decision::default()
    };
    decisions(coopname).save(proposer, &decision);
    announce(coopname, &decision, Name::new(0), &decision.statement);
    id
}

/// See [`Soviet::authorize`].
pub fn authorize(data: Authorize) {
    chain::require_auth(data.chairman);
    let board = board(data.coopname);
    chain::check(board.chairman() == Some(data.chairman), ERR_NOT_CHAIRMAN);
    let decisions = decisions(data.coopname);
    let mut decision = decisions.get_or_fail(data.decision_id, ERR_DECISION_NOT_FOUND);
    let now = chain::now();
    if let Err(message) = decision.check_open(now) {
        chain::fail(message);
    }
    chain::check(decision.tally(&board).is_approved(), ERR_NOT_APPROVED);
    check_document(&data.document, data.chairman);

    decision.status = STATUS_AUTHORIZED;
    decision.authorized_by = data.chairman;
    decision.authorization = data.document;
    decision.authorized_at = now;
    decisions.save(data.chairman, &decision);
    announce(data.coopname, &decision, Name::new(0), &decision.authorization);
}

/// See [`Soviet::exec`].
pub fn exec(data: Exec) {
    chain::require_auth(data.executer);
    let peers = peers();
    let decisions = decisions(data.coopname);
    let mut decision = decisions.get_or_fail(data.decision_id, ERR_DECISION_NOT_FOUND);
    let now = chain::now();
    if let Err(message) = decision.check_executable(now) {
        chain::fail(message);
    }

    decision.status = STATUS_EXECUTED;
    decision.finished_at = now;
    decisions.update(&decision, ERR_DECISION_NOT_FOUND);
    let me = [level(chain::current_receiver(), ACTIVE)];
    if decision.kind == KIND_JOINCOOP {
        chain::send(
            peers.registrator,
            &me,
            &Acceptjoin { coopname: data.coopname, username: decision.username, decision_id: decision.id },
        );
    } else if decision.kind == KIND_WITHDRAW {
        chain::send(
            peers.wallet,
            &me,
            &Allowwithdr { coopname: data.coopname, withdraw_id: decision.ref_id, decision_id: decision.id },
        );
    }
    announce(data.coopname, &decision, Name::new(0), &decision.authorization);
}

/// See [`Soviet::close`].
pub fn close(data: Close) {
    chain::require_auth(data.executer);
    let peers = peers();
    let decisions = decisions(data.coopname);
    let mut decision = decisions.get_or_fail(data.decision_id, ERR_DECISION_NOT_FOUND);
    let now = chain::now();
    let reason = match decision.close_reason(now, &board(data.coopname)) {
        Ok(reason) => reason,
        Err(message) => chain::fail(message),
    };

    decision.status = STATUS_CLOSED;
    decision.finished_at = now;
    decisions.update(&decision, ERR_DECISION_NOT_FOUND);
    send_declined(&peers, data.coopname, &decision);
    announce(data.coopname, &decision, reason, &decision.statement);
}

/// The owning contract's "declined" path for a closed decision (none for `free`).
fn send_declined(peers: &Peers, coopname: Name, decision: &Decision) {
    let me = [level(chain::current_receiver(), ACTIVE)];
    if decision.kind == KIND_JOINCOOP {
        chain::send(
            peers.registrator,
            &me,
            &Declinejoin { coopname, username: decision.username, decision_id: decision.id },
        );
    } else if decision.kind == KIND_WITHDRAW {
        chain::send(
            peers.wallet,
            &me,
            &Declwithdr { coopname, withdraw_id: decision.ref_id, decision_id: decision.id },
        );
    }
}

/// A document a member signs here: bounded meta, signed by a key of `signer@active`.
fn check_document(document: &Document, signer: Name) {
    chain::check(document.meta.len() <= MAX_DOCUMENT_META, ERR_META_TOO_LONG);
    chain::verify_document(document, signer, &DOCUMENT_ERRORS);
}

/// Emits `evdecision` for the decision's new status.
fn announce(coopname: Name, decision: &Decision, reason: Name, document: &Document) {
    chain::emit(&EvDecision {
        coopname,
        decision_id: decision.id,
        kind: decision.kind,
        username: decision.username,
        ref_id: decision.ref_id,
        status: decision.status,
        reason,
        document: document.clone(),
    });
}
