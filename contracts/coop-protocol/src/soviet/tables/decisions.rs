//! `decisions` and `proposers` (scope = the cooperative): the questions before the council.
use super::super::actions::CouncilAction;
use super::super::errors::*;
use super::super::tally::{self, Choice, Tally};
use super::boards::{Board, MAX_BOARD_MEMBERS};
use alloc::vec::Vec;
use coop_runtime::{n, AbiType};
use eosio::{Checksum256, Name, NumBytes, Read, TimePointSec, Write};

/// Kind: accept an applicant (proposed by the registrator; `ref_id` = its deposit).
pub const KIND_JOINCOOP: Name = n("joincoop");
/// Kind: allow a withdrawal (proposed by the wallet; `ref_id` = the withdrawal id).
pub const KIND_WITHDRAW: Name = n("withdraw");
/// Kind: a member leaves (proposed by the registrator; `username` = the member).
pub const KIND_LEAVE: Name = n("leave");
/// Kind: a question a participant puts to the council (`freedecision`); no effect.
pub const KIND_FREE: Name = n("free");

/// Status: on the agenda; members vote.
pub const STATUS_OPEN: Name = n("open");
/// Status: approved and signed by the chairman; waiting for `exec`.
pub const STATUS_AUTHORIZED: Name = n("authorized");

/// Why a decision was closed (the return value of `close`): it expired.
pub const REASON_EXPIRED: Name = n("expired");
/// Why a decision was closed: the council declined it.
pub const REASON_DECLINED: Name = n("declined");

/// Longest `meta` of a document a member signs here (`freedecision`, `authorize`), in bytes.
pub const MAX_DOCUMENT_META: usize = 2048;

/// Most free decisions one participant may have open in one cooperative at a time.
pub const MAX_OPEN_FREE_DECISIONS: u32 = 3;

/// A vote slot that holds no vote.
pub const SLOT_EMPTY: u8 = 0;
/// A vote slot that holds a vote for.
pub const SLOT_FOR: u8 = 1;
/// A vote slot that holds a vote against.
pub const SLOT_AGAINST: u8 = 2;

/// One vote slot of a decision: `member` voted `vote` (`1` for, `2` against), or the slot
/// is empty (`0`, empty member).
#[derive(Clone, Copy, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct VoteSlot {
    pub member: Name,
    pub vote: u8,
}

/// A question before the council and its votes.
///
/// RAM: who pays — the cooperative for the questions of its contracts (`joincoop`,
/// `withdraw`: written through the cooperative's `contracts` permission), the proposer for
/// a free decision. Freed when the decision is executed or closed. How many — one per
/// paid application (one per person), one per open withdrawal (one per member), and
/// [`MAX_OPEN_FREE_DECISIONS`] free decisions per participant.
/// The row never changes size after it is written: the [`MAX_BOARD_MEMBERS`] vote slots
/// and the authorization fields exist from the start, so voting and authorizing cost the
/// signer no RAM.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Decision {
    /// Per cooperative, from 1.
    pub id: u64,
    /// `joincoop`, `withdraw`, `leave` or `free`.
    pub kind: Name,
    /// Whom the decision is about (the applicant, the member withdrawing, the proposer).
    pub username: Name,
    /// The linked object in the owning contract (0 for `free`).
    pub ref_id: u64,
    /// Who put it on the agenda: the owning contract, or the participant.
    pub proposer: Name,
    /// SHA-256 of the signed statement the decision is about (the document itself is in
    /// the action that proposed it: `joincoop`, `withdraw` or `freedecision`).
    pub statement_hash: Checksum256,
    /// `open` or `authorized`.
    pub status: Name,
    /// Exactly [`MAX_BOARD_MEMBERS`] slots; see [`Decision::tally`] for which votes count.
    pub votes: Vec<VoteSlot>,
    pub created_at: TimePointSec,
    /// From this moment the decision can no longer be voted, authorized or executed.
    pub expires_at: TimePointSec,
    /// The chairman who authorized it (empty until then).
    pub authorized_by: Name,
    /// SHA-256 of the signed decision document (zero until authorized; the document is in
    /// the `authorize` action).
    pub authorization_hash: Checksum256,
    pub authorized_at: TimePointSec,
    /// The governance actions a free decision runs on `exec` (empty for the others).
    pub actions: Vec<CouncilAction>,
}

impl Decision {
    /// A new open decision with empty vote slots.
    #[allow(clippy::too_many_arguments)]
    pub fn open(
        id: u64,
        kind: Name,
        username: Name,
        ref_id: u64,
        proposer: Name,
        statement_hash: Checksum256,
        created_at: TimePointSec,
        expires_at: TimePointSec,
    ) -> Self {
        Decision {
            id,
            kind,
            username,
            ref_id,
            proposer,
            statement_hash,
            status: STATUS_OPEN,
            votes: alloc::vec![VoteSlot::default(); MAX_BOARD_MEMBERS],
            created_at,
            expires_at,
            ..Decision::default()
        }
    }

    /// Whether the decision has expired at `now`.
    pub fn is_expired(&self, now: TimePointSec) -> bool {
        now.as_secs() >= self.expires_at.as_secs()
    }

    /// Whether members may vote on it and the chairman may authorize it at `now`: it is
    /// `open` and not expired.
    /// Errors: `ERR_DECISION_AUTHORIZED`, `ERR_DECISION_EXPIRED`.
    pub fn check_open(&self, now: TimePointSec) -> Result<(), &'static str> {
        if self.status != STATUS_OPEN {
            return Err(ERR_DECISION_AUTHORIZED);
        }
        if self.is_expired(now) {
            return Err(ERR_DECISION_EXPIRED);
        }
        Ok(())
    }

    /// Whether it may be executed at `now`: it is `authorized` and not expired.
    /// Errors: `ERR_NOT_AUTHORIZED`, `ERR_DECISION_EXPIRED`.
    pub fn check_executable(&self, now: TimePointSec) -> Result<(), &'static str> {
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
    /// Errors: `ERR_CANNOT_CLOSE`.
    pub fn close_reason(&self, now: TimePointSec, board: &Board) -> Result<Name, &'static str> {
        if self.is_expired(now) {
            Ok(REASON_EXPIRED)
        } else if self.status == STATUS_OPEN && self.tally(board).is_declined() {
            Ok(REASON_DECLINED)
        } else {
            Err(ERR_CANNOT_CLOSE)
        }
    }

    /// Who voted for and who voted against, as the slots hold them.
    pub fn vote_lists(&self) -> (Vec<Name>, Vec<Name>) {
        let of = |choice: u8| self.votes.iter().filter(|s| s.vote == choice).map(|s| s.member).collect();
        (of(SLOT_FOR), of(SLOT_AGAINST))
    }

    /// Writes the vote lists back into the slots (for-votes first, then against), keeping
    /// the number of slots. The lists never hold more than the council's voting members
    /// ([`tally::cast`] drops the others), so they always fit.
    fn set_vote_lists(&mut self, votes_for: &[Name], votes_against: &[Name]) {
        let slots = self.votes.len().max(MAX_BOARD_MEMBERS);
        let mut votes: Vec<VoteSlot> = votes_for
            .iter()
            .map(|m| VoteSlot { member: *m, vote: SLOT_FOR })
            .chain(votes_against.iter().map(|m| VoteSlot { member: *m, vote: SLOT_AGAINST }))
            .take(slots)
            .collect();
        votes.resize(slots, VoteSlot::default());
        self.votes = votes;
    }

    /// The votes that count against `board`.
    pub fn tally(&self, board: &Board) -> Tally {
        let (votes_for, votes_against) = self.vote_lists();
        Tally::count(&votes_for, &votes_against, &board.voting_members())
    }

    /// Records `member`'s vote; see [`tally::cast`].
    pub fn cast(&mut self, board: &Board, member: Name, choice: Choice) -> Result<(), &'static str> {
        let (mut votes_for, mut votes_against) = self.vote_lists();
        tally::cast(&mut votes_for, &mut votes_against, &board.voting_members(), member, choice)?;
        self.set_vote_lists(&votes_for, &votes_against);
        Ok(())
    }

    /// Removes `member`'s vote; see [`tally::cancel`].
    pub fn cancel(&mut self, board: &Board, member: Name) -> Result<(), &'static str> {
        let (mut votes_for, mut votes_against) = self.vote_lists();
        tally::cancel(&mut votes_for, &mut votes_against, &board.voting_members(), member)?;
        self.set_vote_lists(&votes_for, &votes_against);
        Ok(())
    }
}

coop_runtime::table!(
    /// Decisions by id, scope = cooperative. See [`Decision`] for who pays.
    Decisions, "decisions", Decision, |row| row.id
);

/// How many free decisions a participant has open in a cooperative.
///
/// RAM: paid by the proposer (who signed `freedecision`); freed when their last open free
/// decision is executed or closed; one row per proposer and cooperative.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Proposer {
    pub username: Name,
    /// At most [`MAX_OPEN_FREE_DECISIONS`].
    pub open_free: u32,
}

coop_runtime::table!(
    /// Proposers with open free decisions by username, scope = cooperative.
    Proposers, "proposers", Proposer, |row| row.username.as_u64()
);

#[cfg(test)]
mod tests {
    use super::super::boards::{BoardMember, POSITION_CHAIRMAN, POSITION_MEMBER};
    use super::*;
    use alloc::vec;
    use eosio::NumBytes;

    const NOW: u32 = 1_000;

    fn decision(status: Name, expires_at: u32) -> Decision {
        Decision {
            status,
            ..Decision::open(1, KIND_FREE, Name::new(1), 0, Name::new(1), Checksum256::default(), now(), at(expires_at))
        }
    }

    fn at(secs: u32) -> TimePointSec {
        TimePointSec::from_secs(secs)
    }

    fn board(size: u64) -> Board {
        Board {
            members: (1..=size)
                .map(|i| BoardMember::voting(Name::new(i), if i == 1 { POSITION_CHAIRMAN } else { POSITION_MEMBER }))
                .collect(),
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
    }

    #[test]
    fn only_authorized_unexpired_decisions_execute() {
        assert_eq!(decision(STATUS_AUTHORIZED, NOW + 1).check_executable(now()), Ok(()));
        assert_eq!(decision(STATUS_OPEN, NOW + 1).check_executable(now()), Err(ERR_NOT_AUTHORIZED));
        assert_eq!(decision(STATUS_AUTHORIZED, NOW).check_executable(now()), Err(ERR_DECISION_EXPIRED));
    }

    #[test]
    fn expired_or_declined_decisions_close() {
        let board = board(2);
        let mut open = decision(STATUS_OPEN, NOW + 1);
        assert_eq!(open.close_reason(now(), &board), Err(ERR_CANNOT_CLOSE));
        open.cast(&board, Name::new(2), Choice::Against).unwrap();
        assert_eq!(open.close_reason(now(), &board), Ok(REASON_DECLINED));
        assert_eq!(decision(STATUS_AUTHORIZED, NOW).close_reason(now(), &board), Ok(REASON_EXPIRED));
        let authorized_against = Decision { status: STATUS_AUTHORIZED, ..open };
        assert_eq!(authorized_against.close_reason(now(), &board), Err(ERR_CANNOT_CLOSE));
    }

    #[test]
    fn votes_never_change_the_size_of_the_row() {
        let full = board(MAX_BOARD_MEMBERS as u64);
        let mut d = decision(STATUS_OPEN, NOW + 1);
        let size = d.num_bytes();
        for i in 1..=MAX_BOARD_MEMBERS as u64 {
            d.cast(&full, Name::new(i), if i % 2 == 0 { Choice::For } else { Choice::Against }).unwrap();
            assert_eq!(d.num_bytes(), size);
        }
        d.cancel(&full, Name::new(3)).unwrap();
        assert_eq!(d.num_bytes(), size);
        // A new council: former members' votes give way, newcomers find a slot.
        let other = Board {
            members: (100..100 + MAX_BOARD_MEMBERS as u64)
                .map(|i| BoardMember::voting(Name::new(i), if i == 100 { POSITION_CHAIRMAN } else { POSITION_MEMBER }))
                .collect(),
            ..Board::default()
        };
        for i in 100..100 + MAX_BOARD_MEMBERS as u64 {
            d.cast(&other, Name::new(i), Choice::For).unwrap();
            assert_eq!(d.num_bytes(), size);
        }
        assert_eq!(d.tally(&other).votes_for, MAX_BOARD_MEMBERS as u32);
        let authorized = Decision {
            status: STATUS_AUTHORIZED,
            authorized_by: Name::new(100),
            authorization_hash: Checksum256::from([7u8; 32]),
            authorized_at: now(),
            ..d.clone()
        };
        assert_eq!(authorized.num_bytes(), size);
    }

    #[test]
    fn slots_keep_the_vote_lists() {
        let board = board(3);
        let mut d = decision(STATUS_OPEN, NOW + 1);
        d.cast(&board, Name::new(1), Choice::For).unwrap();
        d.cast(&board, Name::new(2), Choice::Against).unwrap();
        assert_eq!(d.vote_lists(), (vec![Name::new(1)], vec![Name::new(2)]));
        assert_eq!(d.cast(&board, Name::new(1), Choice::For), Err(ERR_ALREADY_VOTED_FOR));
        assert_eq!(d.tally(&board), Tally { votes_for: 1, votes_against: 1, voting_members: 3 });
    }
}
