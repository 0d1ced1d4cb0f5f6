//! `decisions` (scope = the cooperative): the questions before the council.
use super::super::errors::*;
use super::super::tally::{self, Choice, Tally};
use super::boards::Board;
use alloc::vec::Vec;
use coop_runtime::{n, AbiType, Document};
use eosio::{Name, NumBytes, Read, TimePointSec, Write};

/// Kind: accept an applicant (proposed by the registrator; `ref_id` = its deposit).
pub const KIND_JOINCOOP: Name = n("joincoop");
/// Kind: allow a withdrawal (proposed by the wallet; `ref_id` = the withdrawal id).
pub const KIND_WITHDRAW: Name = n("withdraw");
/// Kind: a question a participant puts to the council (`freedecision`); no effect.
pub const KIND_FREE: Name = n("free");

/// Status: on the agenda; members vote.
pub const STATUS_OPEN: Name = n("open");
/// Status: approved and signed by the chairman; waiting for `exec`.
pub const STATUS_AUTHORIZED: Name = n("authorized");
/// Status: executed (final).
pub const STATUS_EXECUTED: Name = n("executed");
/// Status: closed without effect, declined or expired (final).
pub const STATUS_CLOSED: Name = n("closed");

/// Why a decision was closed (in its `evdecision` event): it expired.
pub const REASON_EXPIRED: Name = n("expired");
/// Why a decision was closed: the council declined it.
pub const REASON_DECLINED: Name = n("declined");

/// Longest `meta` of a document a member signs here (`freedecision`, `authorize`), in bytes.
pub const MAX_DOCUMENT_META: usize = 2048;

/// A question before the council and its votes.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Decision {
    /// Per cooperative, from 1.
    pub id: u64,
    /// `joincoop`, `withdraw` or `free`.
    pub kind: Name,
    /// Whom the decision is about (the applicant, the member withdrawing, the proposer).
    pub username: Name,
    /// The linked object in the owning contract (0 for `free`).
    pub ref_id: u64,
    /// Who put it on the agenda: the owning contract, or the participant.
    pub proposer: Name,
    /// The signed statement the decision is about.
    pub statement: Document,
    /// `open`, `authorized`, `executed` or `closed`.
    pub status: Name,
    /// Who voted for (see [`tally`] for which votes count).
    pub votes_for: Vec<Name>,
    /// Who voted against.
    pub votes_against: Vec<Name>,
    pub created_at: TimePointSec,
    /// From this moment the decision can no longer be voted, authorized or executed.
    pub expires_at: TimePointSec,
    /// The chairman who authorized it (empty until then).
    pub authorized_by: Name,
    /// The signed decision document (empty until authorized).
    pub authorization: Document,
    pub authorized_at: TimePointSec,
    /// When it was executed or closed.
    pub finished_at: TimePointSec,
}

impl Decision {
    /// Whether the decision has expired at `now`.
    pub fn is_expired(&self, now: TimePointSec) -> bool {
        now.as_secs() >= self.expires_at.as_secs()
    }

    /// Whether members may vote on it and the chairman may authorize it at `now`: it is
    /// `open` and not expired.
    /// Errors: `ERR_DECISION_EXECUTED`, `ERR_DECISION_CLOSED`, `ERR_DECISION_AUTHORIZED`,
    /// `ERR_DECISION_EXPIRED`.
    pub fn check_open(&self, now: TimePointSec) -> Result<(), &'static str> {
        self.check_not_finished()?;
        if self.status != STATUS_OPEN {
            return Err(ERR_DECISION_AUTHORIZED);
        }
        if self.is_expired(now) {
            return Err(ERR_DECISION_EXPIRED);
        }
        Ok(())
    }

    /// Whether it may be executed at `now`: it is `authorized` and not expired.
    /// Errors: `ERR_DECISION_EXECUTED`, `ERR_DECISION_CLOSED`, `ERR_NOT_AUTHORIZED`,
    /// `ERR_DECISION_EXPIRED`.
    pub fn check_executable(&self, now: TimePointSec) -> Result<(), &'static str> {
        self.check_not_finished()?;
        if self.status != STATUS_AUTHORIZED {
            return Err(ERR_NOT_AUTHORIZED);
        }
        if self.is_expired(now) {
            return Err(ERR_DECISION_EXPIRED);
        }
        Ok(())
    }

    /// Why it may be closed at `now` under `board`: `expired` (open or authorized, past
    /// its expiry) or `declined` (open, and approval impossible under the current council).
    /// Errors: `ERR_DECISION_EXECUTED`, `ERR_DECISION_CLOSED`, `ERR_CANNOT_CLOSE`.
    pub fn close_reason(&self, now: TimePointSec, board: &Board) -> Result<Name, &'static str> {
        self.check_not_finished()?;
        if self.is_expired(now) {
            Ok(REASON_EXPIRED)
        } else if self.status == STATUS_OPEN && self.tally(board).is_declined() {
            Ok(REASON_DECLINED)
        } else {
            Err(ERR_CANNOT_CLOSE)
        }
    }

    fn check_not_finished(&self) -> Result<(), &'static str> {
        if self.status == STATUS_EXECUTED {
            Err(ERR_DECISION_EXECUTED)
        } else if self.status == STATUS_CLOSED {
            Err(ERR_DECISION_CLOSED)
        } else {
            Ok(())
        }
    }

    /// The votes that count against `board`.
    pub fn tally(&self, board: &Board) -> Tally {
        Tally::count(&self.votes_for, &self.votes_against, &board.voting_members())
    }

    /// Records `member`'s vote; see [`tally::cast`].
    pub fn cast(&mut self, board: &Board, member: Name, choice: Choice) -> Result<(), &'static str> {
        tally::cast(&mut self.votes_for, &mut self.votes_against, &board.voting_members(), member, choice)
    }

    /// Removes `member`'s vote; see [`tally::cancel`].
    pub fn cancel(&mut self, board: &Board, member: Name) -> Result<(), &'static str> {
        tally::cancel(&mut self.votes_for, &mut self.votes_against, &board.voting_members(), member)
    }
}

coop_runtime::table!(
    /// Decisions by id, scope = cooperative.
    Decisions, "decisions", Decision, |row| row.id
);

#[cfg(test)]
mod tests {
    use super::super::boards::{BoardMember, POSITION_CHAIRMAN, POSITION_MEMBER};
    use super::*;
    use alloc::vec;

    const NOW: u32 = 1_000;

    fn decision(status: Name, expires_at: u32) -> Decision {
        Decision { status, expires_at: TimePointSec::from_secs(expires_at), ..Decision::default() }
    }

    fn board() -> Board {
        Board {
            members: vec![
                BoardMember::voting(Name::new(1), POSITION_CHAIRMAN),
                BoardMember::voting(Name::new(2), POSITION_MEMBER),
            ],
            ..Board::default()
        }
    }

    fn now() -> TimePointSec {
        TimePointSec::from_secs(NOW)
    }

    #[test]
    fn only_open_unexpired_decisions_take_votes() {
        assert_eq!(decision(STATUS_OPEN, NOW + 1).check_open(now()), Ok(()));
        assert_eq!(decision(STATUS_OPEN, NOW).check_open(now()), Err(ERR_DECISION_EXPIRED));
        assert_eq!(decision(STATUS_AUTHORIZED, NOW + 1).check_open(now()), Err(ERR_DECISION_AUTHORIZED));
        assert_eq!(decision(STATUS_EXECUTED, NOW + 1).check_open(now()), Err(ERR_DECISION_EXECUTED));
        assert_eq!(decision(STATUS_CLOSED, NOW + 1).check_open(now()), Err(ERR_DECISION_CLOSED));
    }

    #[test]
    fn only_authorized_unexpired_decisions_execute() {
        assert_eq!(decision(STATUS_AUTHORIZED, NOW + 1).check_executable(now()), Ok(()));
        assert_eq!(decision(STATUS_OPEN, NOW + 1).check_executable(now()), Err(ERR_NOT_AUTHORIZED));
        assert_eq!(decision(STATUS_AUTHORIZED, NOW).check_executable(now()), Err(ERR_DECISION_EXPIRED));
        assert_eq!(decision(STATUS_EXECUTED, NOW + 1).check_executable(now()), Err(ERR_DECISION_EXECUTED));
    }

    #[test]
    fn expired_or_declined_decisions_close() {
        let board = board();
        let open = decision(STATUS_OPEN, NOW + 1);
        assert_eq!(open.close_reason(now(), &board), Err(ERR_CANNOT_CLOSE));
        let declined = Decision { votes_against: vec![Name::new(2)], ..open.clone() };
        assert_eq!(declined.close_reason(now(), &board), Ok(REASON_DECLINED));
        assert_eq!(decision(STATUS_AUTHORIZED, NOW).close_reason(now(), &board), Ok(REASON_EXPIRED));
        let authorized_against = Decision { status: STATUS_AUTHORIZED, ..declined };
        assert_eq!(authorized_against.close_reason(now(), &board), Err(ERR_CANNOT_CLOSE));
        assert_eq!(decision(STATUS_CLOSED, NOW).close_reason(now(), &board), Err(ERR_DECISION_CLOSED));
    }
}
