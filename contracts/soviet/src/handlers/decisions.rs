//! The decision cycle: `propose`, `freedecision`, `authorize`, `exec`, `close`.
use super::setup::{board, decision_ttl, decisions, own, participant, peers, require_active_coop};
use coop_protocol::permissions::paid_by_coop;
use coop_protocol::registrator::{Acceptjoin, Declinejoin, PARTICIPANT_ACCEPTED};
use coop_protocol::soviet::{errors::*, *};
use coop_protocol::wallet::{Allowwithdr, Declwithdr};
use coop_runtime::{action::level, chain, system::ACTIVE, Document, Peers};
use eosio::{Checksum256, Name, TimePointSec};

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
    chain::require_auth(data.coopname);
    require_active_coop(&peers, data.coopname);
    chain::check(own::<Boards>().contains(data.coopname.as_u64()), ERR_BOARD_NOT_FOUND);
    chain::check(chain::is_account(data.username), ERR_ACCOUNT_NOT_FOUND);

    create(data.coopname, owner, data.coopname, data.kind, data.username, data.ref_id, data.statement_hash)
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
    let proposers = decisions_of::<Proposers>(data.coopname);
    let open_free = proposers.get(data.proposer.as_u64()).map_or(0, |p| p.open_free);
    chain::check(open_free < MAX_OPEN_FREE_DECISIONS, ERR_TOO_MANY_FREE_DECISIONS);
    check_document(&data.statement, data.proposer);

    let row = Proposer { username: data.proposer, open_free: open_free + 1 };
    if open_free == 0 {
        proposers.save(data.proposer, &row);
    } else {
        proposers.update(&row, ERR_PROPOSER_NOT_FOUND);
    }
    create(data.proposer, data.proposer, data.coopname, KIND_FREE, data.proposer, 0, data.statement.hash)
}

/// Writes a new open decision paid by `payer` and returns its id.
fn create(
    payer: Name,
    proposer: Name,
    coopname: Name,
    kind: Name,
    username: Name,
    ref_id: u64,
    statement_hash: Checksum256,
) -> u64 {
    let now = chain::now();
    let expires_at = TimePointSec::from_secs(now.as_secs().saturating_add(decision_ttl(coopname)));
    let counters = own::<Counters>();
    let mut counter = counters.get_or_fail(coopname.as_u64(), ERR_BOARD_NOT_FOUND);
    counter.last_id += 1;
    counters.update(&counter, ERR_BOARD_NOT_FOUND);
    let id = counter.last_id;
    decisions(coopname)
        .save(payer, &Decision::open(id, kind, username, ref_id, proposer, statement_hash, now, expires_at));
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
    decision.authorization_hash = data.document.hash;
    decision.authorized_at = now;
    decisions.update(&decision, ERR_DECISION_NOT_FOUND);
}

/// See [`Soviet::exec`].
pub fn exec(data: Exec) {
    chain::require_auth(data.executer);
    let peers = peers();
    let decisions = decisions(data.coopname);
    let decision = decisions.get_or_fail(data.decision_id, ERR_DECISION_NOT_FOUND);
    if let Err(message) = decision.check_executable(chain::now()) {
        chain::fail(message);
    }

    finish(data.coopname, &decision);
    let me = chain::current_receiver();
    if decision.kind == KIND_JOINCOOP {
        chain::send(
            peers.registrator,
            &paid_by_coop(me, data.coopname),
            &Acceptjoin { coopname: data.coopname, username: decision.username, decision_id: decision.id },
        );
    } else if decision.kind == KIND_WITHDRAW {
        chain::send(
            peers.wallet,
            &[level(me, ACTIVE)],
            &Allowwithdr { coopname: data.coopname, withdraw_id: decision.ref_id, decision_id: decision.id },
        );
    }
}

/// See [`Soviet::close`].
pub fn close(data: Close) -> Name {
    chain::require_auth(data.executer);
    let peers = peers();
    let decisions = decisions(data.coopname);
    let decision = decisions.get_or_fail(data.decision_id, ERR_DECISION_NOT_FOUND);
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
fn finish(coopname: Name, decision: &Decision) {
    decisions(coopname).erase(decision.id);
    if decision.kind == KIND_FREE {
        let proposers = decisions_of::<Proposers>(coopname);
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

/// Table `T` of this contract in the cooperative's scope.
fn decisions_of<T: eosio::Table>(coopname: Name) -> chain::Rows<T> {
    chain::Rows::new(chain::current_receiver(), coopname)
}
