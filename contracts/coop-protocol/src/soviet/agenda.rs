//! The agenda, read-only: what `agenda` takes and returns, and the pure rules it runs —
//! which state a decision is in under the current council, which decisions a query
//! matches, and where a page ends. Host-tested here; the handler only feeds it the rows.
//!
//! A client calls `agenda` in a read-only transaction (`/v1/chain/send_read_only_transaction`,
//! `cleos push action … --read`): no signature, nothing written, the page is the action's
//! return value. One call reads at most [`AGENDA_SCAN_LIMIT`] decisions, so its work is
//! bounded however long the agenda is; a page may therefore hold fewer than `limit`
//! decisions (even none) while `next_id` is not 0: the client calls again from `next_id`.
use super::actions::CouncilAction;
use super::errors::*;
use super::tables::{Board, Decision, REASON_DECLINED, REASON_EXPIRED, STATUS_AUTHORIZED, STATUS_OPEN};
use super::tally::{Outcome, Tally, OUTCOME_APPROVED};
use alloc::vec::Vec;
use coop_runtime::AbiType;
use eosio::{Checksum256, Name, NumBytes, Read, TimePointSec, Write};

/// State `open`: on the agenda, not expired, neither approved nor declined by the current
/// council; members vote.
pub const STATE_OPEN: Name = STATUS_OPEN;
/// State `approved`: a strict majority of the current council voted for; waiting for the
/// chairman's `authorize`.
pub const STATE_APPROVED: Name = OUTCOME_APPROVED;
/// State `authorized`: signed by the chairman, not expired; waiting for `exec`.
pub const STATE_AUTHORIZED: Name = STATUS_AUTHORIZED;
/// State `declined`: not authorized, not expired, and approval is impossible under the
/// current council (e.g. after a council change); waiting for `close`.
pub const STATE_DECLINED: Name = REASON_DECLINED;
/// State `expired`: past its expiry (authorized or not); waiting for `close`.
pub const STATE_EXPIRED: Name = REASON_EXPIRED;
/// Every state a query may ask for (or the empty name: all of them).
pub const AGENDA_STATES: [Name; 5] = [STATE_OPEN, STATE_APPROVED, STATE_AUTHORIZED, STATE_DECLINED, STATE_EXPIRED];

/// The most decisions one page may ask for.
pub const MAX_AGENDA_LIMIT: u32 = coop_runtime::paging::MAX_PAGE_LIMIT;
/// The most decisions one call reads (matching or not): the bound on its work. A call
/// that stops here returns what it found and `next_id`, the first decision it did not read.
pub const AGENDA_SCAN_LIMIT: usize = coop_runtime::paging::SCAN_LIMIT;

/// `agenda(coopname, state, person, from_id, limit)`: one page of the cooperative's agenda.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Agenda {
    pub coopname: Name,
    /// `open`, `approved`, `authorized`, `declined`, `expired`, or empty for every state.
    pub state: Name,
    /// Only decisions whose `username` or `proposer` is this person; empty for everyone.
    pub person: Name,
    /// The first decision id to consider (0 or 1 for the start; a page's `next_id` after).
    pub from_id: u64,
    /// The most decisions to return: 1 to [`MAX_AGENDA_LIMIT`].
    pub limit: u32,
}

/// One decision as the agenda shows it: the row's facts, its state and its tally, both
/// counted against the current council.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct AgendaItem {
    pub id: u64,
    /// `joincoop`, `withdraw` or `free`.
    pub kind: Name,
    /// Whom the decision is about.
    pub username: Name,
    /// The linked object in the owning contract (0 for `free`).
    pub ref_id: u64,
    /// Who put it on the agenda: the owning contract, or the participant.
    pub proposer: Name,
    /// SHA-256 of the signed statement (the document is in the action that proposed it).
    pub statement_hash: Checksum256,
    /// `open`, `approved`, `authorized`, `declined` or `expired` (see [`agenda_state`]).
    pub state: Name,
    /// Voting members of the current council who voted for.
    pub votes_for: u32,
    /// Voting members of the current council who voted against.
    pub votes_against: u32,
    /// The current council's voting members.
    pub voting_members: u32,
    pub created_at: TimePointSec,
    pub expires_at: TimePointSec,
    /// The chairman who authorized it (empty until then).
    pub authorized_by: Name,
    /// The governance actions a free decision carries (empty for other kinds): a pending
    /// key change shows here as `registrator::changekey` with the new key.
    pub actions: Vec<CouncilAction>,
}

/// What `agenda` returns.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct AgendaPage {
    /// The matching decisions, by id.
    pub decisions: Vec<AgendaItem>,
    /// The `from_id` of the next call; 0 when every decision from `from_id` on was read.
    pub next_id: u64,
}

/// The state of `decision` at `now`, given its `tally` against the current council:
/// `expired` past its expiry, else `authorized` once authorized, else `approved`,
/// `declined` or `open` by the tally.
pub fn agenda_state(decision: &Decision, now: TimePointSec, tally: &Tally) -> Name {
    if decision.is_expired(now) {
        STATE_EXPIRED
    } else if decision.status == STATUS_AUTHORIZED {
        STATE_AUTHORIZED
    } else {
        match tally.outcome() {
            Outcome::Approved => STATE_APPROVED,
            Outcome::Declined => STATE_DECLINED,
            Outcome::Pending => STATE_OPEN,
        }
    }
}

impl AgendaItem {
    /// `decision` as the agenda shows it at `now` under `board`.
    pub fn new(decision: &Decision, now: TimePointSec, board: &Board) -> Self {
        let tally = decision.tally(board);
        AgendaItem {
            id: decision.id,
            kind: decision.kind,
            username: decision.username,
            ref_id: decision.ref_id,
            proposer: decision.proposer,
            statement_hash: decision.statement_hash,
            state: agenda_state(decision, now, &tally),
            votes_for: tally.votes_for,
            votes_against: tally.votes_against,
            voting_members: tally.voting_members,
            created_at: decision.created_at,
            expires_at: decision.expires_at,
            authorized_by: decision.authorized_by,
            actions: decision.actions.clone(),
        }
    }
}

impl Agenda {
    /// Checks the query: `limit` from 1 to [`MAX_AGENDA_LIMIT`], `state` empty or one of
    /// [`AGENDA_STATES`].
    /// Errors: `ERR_LIMIT_ZERO`, `ERR_LIMIT_TOO_LARGE`, `ERR_BAD_AGENDA_STATE`.
    pub fn check(&self) -> Result<(), &'static str> {
        coop_runtime::paging::check(self.limit, self.state, &AGENDA_STATES, ERR_BAD_AGENDA_STATE)
    }

    /// Whether the query's person (if any) is the decision's `username` or `proposer`.
    fn concerns(&self, decision: &Decision) -> bool {
        self.person.as_u64() == 0 || decision.username == self.person || decision.proposer == self.person
    }

    /// One page from `rows`, the cooperative's decisions from `from_id` upwards in id
    /// order, read lazily: at most [`AGENDA_SCAN_LIMIT`] of them, plus one more to learn
    /// `next_id` when the page ends before the rows do. The query must have passed
    /// [`Agenda::check`].
    pub fn page(&self, rows: impl IntoIterator<Item = Decision>, now: TimePointSec, board: &Board) -> AgendaPage {
        let pick = |decision: Decision| {
            let item = self.concerns(&decision).then(|| AgendaItem::new(&decision, now, board))?;
            (self.state.as_u64() == 0 || item.state == self.state).then_some(item)
        };
        let (decisions, next_id) = coop_runtime::paging::page(rows, self.limit, |d| d.id, pick);
        AgendaPage { decisions, next_id }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tables::{BoardMember, KIND_FREE, KIND_JOINCOOP, POSITION_CHAIRMAN, POSITION_MEMBER};
    use super::super::tally::Choice;
    use super::*;
    use alloc::vec;
    use coop_runtime::n;

    const NOW: u32 = 1_000;

    fn now() -> TimePointSec {
        TimePointSec::from_secs(NOW)
    }

    /// A council of voting members 1..=size, 1 the chairman.
    fn board(size: u64) -> Board {
        Board {
            members: (1..=size)
                .map(|i| BoardMember::voting(Name::new(i), if i == 1 { POSITION_CHAIRMAN } else { POSITION_MEMBER }))
                .collect(),
            ..Board::default()
        }
    }

    fn decision(id: u64, username: u64, proposer: u64) -> Decision {
        Decision::open(
            id,
            KIND_FREE,
            Name::new(username),
            0,
            Name::new(proposer),
            Checksum256::default(),
            TimePointSec::from_secs(NOW - 10),
            TimePointSec::from_secs(NOW + 100),
        )
    }

    fn query(state: Name, person: u64, limit: u32) -> Agenda {
        Agenda { coopname: n("coop"), state, person: Name::new(person), from_id: 0, limit }
    }

    fn ids(page: &AgendaPage) -> Vec<u64> {
        page.decisions.iter().map(|d| d.id).collect()
    }

    #[test]
    fn limits_and_states_are_checked() {
        assert_eq!(query(Name::new(0), 0, 0).check(), Err(ERR_LIMIT_ZERO));
        assert_eq!(query(Name::new(0), 0, MAX_AGENDA_LIMIT + 1).check(), Err(ERR_LIMIT_TOO_LARGE));
        assert_eq!(query(Name::new(0), 0, 1).check(), Ok(()));
        assert_eq!(query(Name::new(0), 0, MAX_AGENDA_LIMIT).check(), Ok(()));
        for state in AGENDA_STATES {
            assert_eq!(query(state, 0, 10).check(), Ok(()));
        }
        assert_eq!(query(n("pending"), 0, 10).check(), Err(ERR_BAD_AGENDA_STATE));
    }

    #[test]
    fn the_state_follows_expiry_authorization_and_the_current_tally() {
        let three = board(3);
        let mut d = decision(1, 9, 9);
        assert_eq!(AgendaItem::new(&d, now(), &three).state, STATE_OPEN);
        d.cast(&three, Name::new(1), Choice::For).unwrap();
        d.cast(&three, Name::new(2), Choice::For).unwrap();
        let approved = AgendaItem::new(&d, now(), &three);
        assert_eq!((approved.state, approved.votes_for, approved.voting_members), (STATE_APPROVED, 2, 3));
        // A new council: 2 and 3 left, 4 and 5 came; 1's vote alone is not a majority of 3.
        let other = Board {
            members: [1, 4, 5]
                .iter()
                .map(|i| BoardMember::voting(Name::new(*i), if *i == 1 { POSITION_CHAIRMAN } else { POSITION_MEMBER }))
                .collect(),
            ..Board::default()
        };
        let reopened = AgendaItem::new(&d, now(), &other);
        assert_eq!((reopened.state, reopened.votes_for, reopened.voting_members), (STATE_OPEN, 1, 3));
        // A council of 1 and 2 where 2 voted against: approval is impossible.
        let mut against = decision(2, 9, 9);
        against.cast(&three, Name::new(2), Choice::Against).unwrap();
        assert_eq!(AgendaItem::new(&against, now(), &board(2)).state, STATE_DECLINED);
        assert_eq!(AgendaItem::new(&against, now(), &three).state, STATE_OPEN);

        let authorized = Decision { status: STATUS_AUTHORIZED, authorized_by: Name::new(1), ..d.clone() };
        let item = AgendaItem::new(&authorized, now(), &other);
        assert_eq!((item.state, item.authorized_by), (STATE_AUTHORIZED, Name::new(1)));
        let late = TimePointSec::from_secs(NOW + 100);
        assert_eq!(AgendaItem::new(&authorized, late, &three).state, STATE_EXPIRED);
        assert_eq!(AgendaItem::new(&d, late, &three).state, STATE_EXPIRED);
    }

    #[test]
    fn a_page_filters_by_state_and_person() {
        let three = board(3);
        let mut approved = decision(2, 7, 8);
        approved.cast(&three, Name::new(1), Choice::For).unwrap();
        approved.cast(&three, Name::new(2), Choice::For).unwrap();
        let rows = vec![decision(1, 7, 7), approved, decision(3, 6, 6), decision(4, 9, 7)];
        let all = query(Name::new(0), 0, 10).page(rows.clone(), now(), &three);
        assert_eq!((ids(&all), all.next_id), (vec![1, 2, 3, 4], 0));
        let open = query(STATE_OPEN, 0, 10).page(rows.clone(), now(), &three);
        assert_eq!(ids(&open), vec![1, 3, 4]);
        let approved = query(STATE_APPROVED, 0, 10).page(rows.clone(), now(), &three);
        assert_eq!(ids(&approved), vec![2]);
        // Person 7: the username of 1 and 2, the proposer of 4.
        assert_eq!(ids(&query(Name::new(0), 7, 10).page(rows.clone(), now(), &three)), vec![1, 2, 4]);
        assert_eq!(ids(&query(STATE_OPEN, 7, 10).page(rows.clone(), now(), &three)), vec![1, 4]);
        assert_eq!(ids(&query(Name::new(0), 8, 10).page(rows.clone(), now(), &three)), vec![2]);
        assert!(query(STATE_AUTHORIZED, 0, 10).page(rows, now(), &three).decisions.is_empty());
    }

    #[test]
    fn a_full_page_points_at_the_next_decision() {
        let rows: Vec<Decision> = [3, 5, 8, 13].iter().map(|id| decision(*id, 1, 1)).collect();
        let first = query(Name::new(0), 0, 2).page(rows.clone(), now(), &board(1));
        assert_eq!((ids(&first), first.next_id), (vec![3, 5], 8));
        let exact = query(Name::new(0), 0, 4).page(rows.clone(), now(), &board(1));
        assert_eq!((ids(&exact), exact.next_id), (vec![3, 5, 8, 13], 0));
        assert_eq!(query(Name::new(0), 0, 2).page(Vec::new(), now(), &board(1)), AgendaPage::default());
    }

    #[test]
    fn one_call_reads_at_most_the_scan_limit() {
        let total = AGENDA_SCAN_LIMIT as u64 * 2 + 10;
        let mut read = 0;
        let rows = (1..=total).map(|id| {
            read += 1;
            decision(id, 1, 1)
        });
        // Nothing matches person 2: the call stops after the scan limit, with no decisions.
        let page = query(Name::new(0), 2, MAX_AGENDA_LIMIT).page(rows, now(), &board(1));
        assert_eq!((page.decisions.len(), page.next_id), (0, AGENDA_SCAN_LIMIT as u64 + 1));
        assert_eq!(read, AGENDA_SCAN_LIMIT + 1);
        // A match at the end of the window is still returned.
        let mut rows: Vec<Decision> = (1..=total).map(|id| decision(id, 1, 1)).collect();
        rows[AGENDA_SCAN_LIMIT - 1].username = Name::new(2);
        let page = query(Name::new(0), 2, 1).page(rows, now(), &board(1));
        assert_eq!((ids(&page), page.next_id), (vec![AGENDA_SCAN_LIMIT as u64], AGENDA_SCAN_LIMIT as u64 + 1));
    }

    #[test]
    fn items_copy_the_row() {
        let d = Decision { kind: KIND_JOINCOOP, ref_id: 42, ..decision(5, 3, 4) };
        let item = AgendaItem::new(&d, now(), &board(1));
        assert_eq!(
            (item.id, item.kind, item.username, item.ref_id, item.proposer, item.created_at, item.expires_at),
            (5, KIND_JOINCOOP, Name::new(3), 42, Name::new(4), d.created_at, d.expires_at)
        );
    }
}
