//! The decision cycle: `propose`, `freedecision`, `authorize`, `exec`, `close`.
use super::setup::{
    board, coop_rows, decision_ttl, decisions, open_decision, own, participant, peers, require_active_coop,
};
use coop_protocol::consent::{Consent, Consented};
use coop_protocol::permissions::paid_by_coop;
use coop_protocol::registrator::{Acceptjoin, Acceptleave, Declinejoin, Declineleave, PARTICIPANT_ACCEPTED};
use coop_protocol::soviet::{errors::*, *};
use coop_protocol::wallet::{Allowwithdr, Declwithdr};
use coop_runtime::{action::level, chain, system::ACTIVE, Document, Peers};
use eosio::{Action, Checksum256, Name, TimePointSec};

/// See [`Soviet::propose`].
pub fn propose(data: Propose) -> u64 {
    let peers = peers();
    let owner = if data.kind == KIND_JOINCOOP || data.kind == KIND_LEAVE {
        peers.registrator
    } else if data.kind == KIND_WITHDRAW {
        peers.wallet
    } else {
        chain::fail(ERR_BAD_KIND)
    };
    chain::require_auth(owner);
    chain::require_auth(data.coopname);
    require_active_coop(&peers, data.coopname);
    chain::check(own::<Boards>().contains(data.coopname.as_u64()), ERR_BOARD_NOT_FOUND);
    chain::check(chain::is_account(data.username), ERR_ACCOUNT_NOT_FOUND);

    let decision = new_decision(data.coopname, data.kind, data.username, data.ref_id, owner, data.statement_hash);
    save_new(data.coopname, data.coopname, decision)
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
    let proposers = coop_rows::<Proposers>(data.coopname);
    let open_free = proposers.get(data.proposer.as_u64()).map_or(0, |p| p.open_free);
    chain::check(open_free < MAX_OPEN_FREE_DECISIONS, ERR_TOO_MANY_FREE_DECISIONS);
    if let Err(message) = council::check_actions(&data.actions, data.coopname, &peers) {
        chain::fail(message);
    }
    check_document(&data.statement, data.consent(chain::current_receiver(), chain::sha256));

    let row = Proposer { username: data.proposer, open_free: open_free + 1 };
    if open_free == 0 {
        proposers.save(data.proposer, &row);
    } else {
        proposers.update(&row, ERR_PROPOSER_NOT_FOUND);
    }
    let mut decision = new_decision(data.coopname, KIND_FREE, data.proposer, 0, data.proposer, data.statement.hash);
    decision.actions = data.actions;
    save_new(data.proposer, data.coopname, decision)
}

/// A new open decision of `coopname` with the next id, expiring after the cooperative's
/// decision lifetime (not yet saved; the counter is).
fn new_decision(
    coopname: Name,
    kind: Name,
    username: Name,
    ref_id: u64,
    proposer: Name,
    statement_hash: Checksum256,
) -> Decision {
    let now = chain::now();
    let expires_at = TimePointSec::from_secs(now.as_secs().saturating_add(decision_ttl(coopname)));
    let counters = own::<Counters>();
    let mut counter = counters.get_or_fail(coopname.as_u64(), ERR_BOARD_NOT_FOUND);
    counter.last_id += 1;
    counters.update(&counter, ERR_BOARD_NOT_FOUND);
    Decision::open(counter.last_id, kind, username, ref_id, proposer, statement_hash, now, expires_at)
}

/// Writes a new decision of `coopname` paid by `payer` and returns its id.
fn save_new(payer: Name, coopname: Name, decision: Decision) -> u64 {
    decisions(coopname).save(payer, &decision);
    decision.id
}

/// See [`Soviet::authorize`].
pub fn authorize(data: Authorize) {
    chain::require_auth(data.chairman);
    require_active_coop(&peers(), data.coopname);
    let board = board(data.coopname);
    chain::check(board.chairman() == Some(data.chairman), ERR_NOT_CHAIRMAN);
    let mut decision = open_decision(data.coopname, data.decision_id);
    let now = chain::now();
    if let Err(message) = decision.check_open(now) {
        chain::fail(message);
    }
    chain::check(decision.tally(&board).is_approved(), ERR_NOT_APPROVED);
    check_document(&data.document, data.consent(chain::current_receiver(), &decision.actions, chain::sha256));

    decision.status = STATUS_AUTHORIZED;
    decision.authorized_by = data.chairman;
    decision.authorization_hash = data.document.hash;
    decision.authorized_at = now;
    decisions(data.coopname).update(&decision, ERR_DECISION_NOT_FOUND);
}

/// See [`Soviet::exec`].
pub fn exec(data: Exec) {
    chain::require_auth(data.executer);
    let peers = peers();
    require_active_coop(&peers, data.coopname);
    let decision = open_decision(data.coopname, data.decision_id);
    if let Err(message) = decision.check_executable(chain::now()) {
        chain::fail(message);
    }

    finish(data.coopname, &decision);
    let me = chain::current_receiver();
    match decision.kind {
        KIND_JOINCOOP => chain::send(
            peers.registrator,
            &paid_by_coop(me, data.coopname),
            &Acceptjoin { coopname: data.coopname, username: decision.username, decision_id: decision.id },
        ),
        KIND_WITHDRAW => chain::send(
            peers.wallet,
            &[level(me, ACTIVE)],
            &Allowwithdr { coopname: data.coopname, withdraw_id: decision.ref_id, decision_id: decision.id },
        ),
        KIND_LEAVE => {
            leave_council(data.coopname, decision.username);
            chain::send(
                peers.registrator,
                &[level(me, ACTIVE)],
                &Acceptleave { coopname: data.coopname, username: decision.username, decision_id: decision.id },
            );
        }
        KIND_FREE => {
            let council = [level(data.coopname, council::COUNCIL_PERMISSION)];
            for action in &decision.actions {
                chain::send_raw(&Action {
                    account: action.account.into(),
                    name: action.name.into(),
                    authorization: council.to_vec(),
                    data: action.data.clone(),
                });
            }
        }
        _ => chain::fail(ERR_BAD_KIND),
    }
}

/// See [`Soviet::close`].
pub fn close(data: Close) -> Name {
    chain::require_auth(data.executer);
    let peers = peers();
    let decision = open_decision(data.coopname, data.decision_id);
    let reason = match decision.close_reason(chain::now(), &board(data.coopname)) {
        Ok(reason) => reason,
        Err(message) => chain::fail(message),
    };

    finish(data.coopname, &decision);
    send_declined(&peers, data.coopname, &decision);
    reason
}

/// Erases a finished decision (its RAM goes back to its payer) and, for a free decision,
/// counts it off its proposer's open ones.
pub fn finish(coopname: Name, decision: &Decision) {
    decisions(coopname).erase(decision.id);
    if decision.kind == KIND_FREE {
        let proposers = coop_rows::<Proposers>(coopname);
        if let Some(mut row) = proposers.get(decision.proposer.as_u64()) {
            if row.open_free <= 1 {
                proposers.erase(row.username.as_u64());
            } else {
                row.open_free -= 1;
                proposers.update(&row, ERR_PROPOSER_NOT_FOUND);
            }
        }
    }
}

/// The owning contract's "declined" path for a declined or expired decision (none for
/// `free`).
pub fn send_declined(peers: &Peers, coopname: Name, decision: &Decision) {
    let me = [level(chain::current_receiver(), ACTIVE)];
    match decision.kind {
        KIND_JOINCOOP => chain::send(
            peers.registrator,
            &me,
            &Declinejoin { coopname, username: decision.username, decision_id: decision.id },
        ),
        KIND_WITHDRAW => chain::send(
            peers.wallet,
            &me,
            &Declwithdr { coopname, withdraw_id: decision.ref_id, decision_id: decision.id },
        ),
        KIND_LEAVE => chain::send(
            peers.registrator,
            &me,
            &Declineleave { coopname, username: decision.username, decision_id: decision.id },
        ),
        KIND_FREE => {}
        _ => chain::fail(ERR_BAD_KIND),
    }
}

/// A member who leaves the cooperative leaves its council too; the chairman cannot leave.
fn leave_council(coopname: Name, username: Name) {
    let boards = own::<Boards>();
    let mut board = board(coopname);
    chain::check(board.chairman() != Some(username), ERR_CHAIRMAN_CANNOT_LEAVE);
    if board.members.iter().any(|m| m.username == username) {
        board.members.retain(|m| m.username != username);
        board.updated_at = chain::now();
        boards.update(&board, ERR_BOARD_NOT_FOUND);
    }
}

/// A document a member signs here: bounded meta, signed by a key of
/// `consent.signer@active` for exactly `consent` (the action's own context).
fn check_document(document: &Document, consent: Consent) {
    chain::check(document.meta.len() <= MAX_DOCUMENT_META, ERR_META_TOO_LONG);
    chain::verify_document(document, &consent);
}
