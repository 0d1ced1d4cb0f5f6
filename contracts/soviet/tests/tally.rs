//! Property tests of the council's approval rule (`coop_protocol::soviet::tally`) and of
//! the vote bookkeeping on decisions. Every property runs [`CASES`] generated cases.
//!
//! `sessions_follow_the_model` drives one decision through random sessions of votes,
//! switches, cancellations, council changes (new councils, members who start or stop
//! voting), authorization and closing, replaying the checks the contract's handlers make,
//! and compares it after every step with a model kept here in plain sets: only the votes
//! of the current council's voting members count; approved ⇔ votes for × 2 > voting
//! members; declined ⇔ not even every voting member who has not voted voting for would
//! approve it. Sealed states never change: an authorized decision takes no more votes and
//! stays as it was authorized; the vote that declines a decision ends it (it is erased).
use coop_protocol::soviet::errors::{
    ERR_ALREADY_VOTED_AGAINST, ERR_ALREADY_VOTED_FOR, ERR_CANNOT_CLOSE, ERR_DECISION_AUTHORIZED, ERR_DECISION_ENDED,
    ERR_NOT_APPROVED, ERR_NOT_VOTING_MEMBER, ERR_NO_VOTE,
};
use coop_protocol::soviet::tally::{cancel, cast, Choice, Outcome, Tally};
use coop_protocol::soviet::{
    Board, BoardMember, Decision, KIND_FREE, MAX_BOARD_MEMBERS, POSITION_CHAIRMAN, POSITION_MEMBER, REASON_DECLINED,
    STATUS_AUTHORIZED,
};
use eosio::{Checksum256, Name, NumBytes, TimePointSec};
use proptest::prelude::*;
use proptest::sample::Index;
use std::collections::BTreeSet;

/// Generated cases per property.
const CASES: u32 = 10_000;

/// Names 1..=64: small enough that members, voters and strangers overlap.
fn person() -> impl Strategy<Value = Name> {
    (1u64..=64).prop_map(Name::new)
}

/// A council's voting members: 1 to `MAX_BOARD_MEMBERS` distinct people.
fn voting_members() -> impl Strategy<Value = Vec<Name>> {
    prop::collection::btree_set(person(), 1..=MAX_BOARD_MEMBERS).prop_map(|set| set.into_iter().collect())
}

/// Arbitrary vote lists (possibly with strangers, duplicates, people in both lists).
fn votes() -> impl Strategy<Value = (Vec<Name>, Vec<Name>)> {
    (prop::collection::vec(person(), 0..40), prop::collection::vec(person(), 0..40))
}

/// What the tally should be, computed the obvious way with sets.
fn expected(votes_for: &[Name], votes_against: &[Name], members: &[Name]) -> Tally {
    let members: BTreeSet<Name> = members.iter().copied().collect();
    let for_: BTreeSet<Name> = votes_for.iter().copied().filter(|v| members.contains(v)).collect();
    let against: BTreeSet<Name> =
        votes_against.iter().copied().filter(|v| members.contains(v) && !for_.contains(v)).collect();
    Tally { votes_for: for_.len() as u32, votes_against: against.len() as u32, voting_members: members.len() as u32 }
}

/// One step of a voting session.
#[derive(Clone, Debug)]
enum Step {
    Vote(Name, Choice),
    Cancel(Name),
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    prop::collection::vec(
        prop_oneof![
            (person(), any::<bool>()).prop_map(|(p, f)| Step::Vote(p, if f { Choice::For } else { Choice::Against })),
            person().prop_map(Step::Cancel),
        ],
        0..80,
    )
}

/// When the session's actions run: the decision never expires during a session.
const NOW: u32 = 1_000;

fn now() -> TimePointSec {
    TimePointSec::from_secs(NOW)
}

/// A new open decision, expiring long after the session.
fn open_decision(proposer: Name) -> Decision {
    Decision::open(1, KIND_FREE, proposer, 0, proposer, Checksum256::default(), now(), TimePointSec::from_secs(NOW * 2))
}

/// A council of 1 to `MAX_BOARD_MEMBERS` distinct people (who may overlap any other
/// council): one voting chairman, the other members voting or not. Full councils, and
/// councils where everyone votes, come up often.
fn council() -> impl Strategy<Value = Board> {
    let size = prop_oneof![1usize..=MAX_BOARD_MEMBERS, MAX_BOARD_MEMBERS - 4..=MAX_BOARD_MEMBERS];
    let voting = prop_oneof![Just(0.6), Just(0.9), Just(1.0)]
        .prop_flat_map(|p| prop::collection::vec(prop::bool::weighted(p), MAX_BOARD_MEMBERS));
    // Distinct people: the first `size` of the names 1..=64, shuffled.
    let pool = Just((1u64..=64).map(Name::new).collect::<Vec<Name>>()).prop_shuffle();
    (size, pool, voting, any::<Index>()).prop_map(|(size, pool, voting, chairman)| {
        let people = &pool[..size];
        let chairman = chairman.index(people.len());
        Board {
            members: people
                .iter()
                .enumerate()
                .map(|(i, username)| BoardMember {
                    username: *username,
                    position: if i == chairman { POSITION_CHAIRMAN } else { POSITION_MEMBER },
                    is_voting: i == chairman || voting[i],
                })
                .collect(),
            ..Board::default()
        }
    })
}

/// Who acts in a session step: usually someone on the current council (voting or not),
/// sometimes anyone at all.
#[derive(Clone, Debug)]
enum Who {
    OnBoard(Index),
    Anyone(Name),
}

impl Who {
    fn resolve(&self, board: &Board) -> Name {
        match self {
            Who::OnBoard(i) => board.members[i.index(board.members.len())].username,
            Who::Anyone(name) => *name,
        }
    }
}

fn who() -> impl Strategy<Value = Who> {
    prop_oneof![6 => any::<Index>().prop_map(Who::OnBoard), 1 => person().prop_map(Who::Anyone)]
}

/// A vote, for with probability `p_for`.
fn choice(p_for: f64) -> impl Strategy<Value = Choice> {
    prop::bool::weighted(p_for).prop_map(|f| if f { Choice::For } else { Choice::Against })
}

/// One step of a session on one decision.
#[derive(Clone, Debug)]
enum Action {
    /// `votefor` / `voteagainst` (a first vote or a switch).
    Vote(Who, Choice),
    /// `cancelvote`.
    Cancel(Who),
    /// Every voting member of the current council votes in turn, the `i`-th member
    /// `choices[i]`: fills the slots, switches votes, and goes on voting after a decline.
    RollCall(Vec<Choice>),
    /// `updateboard`: a whole new council.
    NewCouncil(Board),
    /// `updateboard`: one non-chairman member starts or stops voting (nothing if the
    /// chairman is alone).
    ToggleVoting(Index),
    /// `authorize` by the chairman.
    Authorize,
    /// `close` by anyone.
    Close,
}

/// A first council and the steps of a session. Each session has a mood, the share of
/// votes for: contested sessions tend to be declined, consensual ones to fill the council's
/// slots and be approved.
fn session() -> impl Strategy<Value = (Board, Vec<Action>)> {
    let steps = prop_oneof![Just(0.5), Just(0.8), Just(0.95)].prop_flat_map(|p_for| {
        let action = prop_oneof![
            10 => (who(), choice(p_for)).prop_map(|(w, c)| Action::Vote(w, c)),
            3 => who().prop_map(Action::Cancel),
            1 => prop::collection::vec(choice(p_for), MAX_BOARD_MEMBERS).prop_map(Action::RollCall),
            2 => council().prop_map(Action::NewCouncil),
            2 => any::<Index>().prop_map(Action::ToggleVoting),
            1 => Just(Action::Authorize),
            1 => Just(Action::Close),
        ];
        prop::collection::vec(action, 1..60)
    });
    (council(), steps)
}

/// Where the decision stands in the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Open,
    /// Approved and authorized by the chairman: sealed.
    Authorized,
    /// Ended (erased) by the vote that declined it, or by `close`: sealed.
    Closed,
}

/// The decision as the model sees it: the recorded votes in plain sets.
#[derive(Debug)]
struct Model {
    votes_for: BTreeSet<Name>,
    votes_against: BTreeSet<Name>,
    phase: Phase,
}

/// The model's tally against `board`: only current voting members count.
#[derive(Debug)]
struct ModelTally {
    votes_for: u32,
    votes_against: u32,
    voting_members: u32,
    approved: bool,
    declined: bool,
}

/// The council's voting members, as a set.
fn voting(board: &Board) -> BTreeSet<Name> {
    board.members.iter().filter(|m| m.is_voting).map(|m| m.username).collect()
}

impl Model {
    fn tally(&self, board: &Board) -> ModelTally {
        let voting = voting(board);
        let votes_for = self.votes_for.intersection(&voting).count() as u32;
        let votes_against = self.votes_against.intersection(&voting).count() as u32;
        let voting_members = voting.len() as u32;
        let not_voted =
            voting.iter().filter(|m| !self.votes_for.contains(m) && !self.votes_against.contains(m)).count();
        ModelTally {
            votes_for,
            votes_against,
            voting_members,
            approved: votes_for * 2 > voting_members,
            // Even if everyone who has not voted voted for, no majority.
            declined: (votes_for + not_voted as u32) * 2 <= voting_members,
        }
    }

    /// A recorded vote or cancellation: the member's vote goes, and so do the votes of
    /// people who are no longer voting members; then the new vote (if any) is added.
    fn write(&mut self, board: &Board, member: Name, choice: Option<Choice>) {
        let voting = voting(board);
        let keep = |v: &Name| *v != member && voting.contains(v);
        self.votes_for.retain(keep);
        self.votes_against.retain(keep);
        match choice {
            Some(Choice::For) => self.votes_for.insert(member),
            Some(Choice::Against) => self.votes_against.insert(member),
            None => false,
        };
    }
}

/// The `votefor` / `voteagainst` / `cancelvote` handler on the decision row (`None` once
/// erased: its id was given out, so `ERR_DECISION_ENDED`). A failed check reverts the
/// transaction, so the row only changes on success. A vote that makes approval impossible
/// seals the decline: the decision is erased at once.
fn handle_vote(
    board: &Board,
    row: &mut Option<Decision>,
    member: Name,
    choice: Option<Choice>,
) -> Result<Tally, &'static str> {
    if !board.is_voting_member(member) {
        return Err(ERR_NOT_VOTING_MEMBER);
    }
    let mut decision = row.clone().ok_or(ERR_DECISION_ENDED)?;
    decision.check_open(now())?;
    match choice {
        Some(choice) => decision.cast(board, member, choice)?,
        None => decision.cancel(board, member)?,
    }
    let tally = decision.tally(board);
    *row = if tally.is_declined() { None } else { Some(decision) };
    Ok(tally)
}

/// The `authorize` handler, signed by the chairman.
fn handle_authorize(board: &Board, row: &mut Option<Decision>) -> Result<(), &'static str> {
    let mut decision = row.clone().ok_or(ERR_DECISION_ENDED)?;
    decision.check_open(now())?;
    if !decision.tally(board).is_approved() {
        return Err(ERR_NOT_APPROVED);
    }
    decision.status = STATUS_AUTHORIZED;
    decision.authorized_by = board.chairman().expect("every council has a chairman");
    decision.authorization_hash = Checksum256::from([7u8; 32]);
    decision.authorized_at = now();
    *row = Some(decision);
    Ok(())
}

/// The `close` handler: erases the decision if it may be closed.
fn handle_close(board: &Board, row: &mut Option<Decision>) -> Result<Name, &'static str> {
    let reason = row.as_ref().ok_or(ERR_DECISION_ENDED)?.close_reason(now(), board)?;
    *row = None;
    Ok(reason)
}

/// Compares a tally with the model's.
fn same_tally(t: &Tally, expected: &ModelTally) -> Result<(), TestCaseError> {
    prop_assert_eq!(
        (t.votes_for, t.votes_against, t.voting_members),
        (expected.votes_for, expected.votes_against, expected.voting_members)
    );
    prop_assert_eq!(t.is_approved(), expected.approved);
    prop_assert_eq!(t.is_declined(), expected.declined);
    prop_assert!(!(t.is_approved() && t.is_declined()), "never both approved and declined");
    let outcome = match (expected.approved, expected.declined) {
        (true, _) => Outcome::Approved,
        (_, true) => Outcome::Declined,
        _ => Outcome::Pending,
    };
    prop_assert_eq!(t.outcome(), outcome);
    Ok(())
}

/// One decision under a changing council, and the model it is checked against.
struct Session {
    board: Board,
    /// The decision's row; `None` once erased.
    row: Option<Decision>,
    model: Model,
    /// The row's size when it was written.
    size: usize,
    /// The row as the chairman authorized it.
    sealed: Option<Decision>,
}

impl Session {
    fn new(board: Board) -> Self {
        let row = open_decision(board.chairman().expect("every council has a chairman"));
        let size = row.num_bytes();
        let model = Model { votes_for: BTreeSet::new(), votes_against: BTreeSet::new(), phase: Phase::Open };
        Session { board, row: Some(row), model, size, sealed: None }
    }

    fn step(&mut self, action: Action) -> Result<(), TestCaseError> {
        match action {
            Action::Vote(who, choice) => self.vote(who.resolve(&self.board), Some(choice))?,
            Action::Cancel(who) => self.vote(who.resolve(&self.board), None)?,
            Action::RollCall(choices) => {
                let members: Vec<Name> =
                    self.board.members.iter().filter(|m| m.is_voting).map(|m| m.username).collect();
                for (member, choice) in members.into_iter().zip(choices) {
                    self.vote(member, Some(choice))?;
                    self.check()?;
                }
            }
            Action::NewCouncil(council) => self.board = council,
            Action::ToggleVoting(i) => {
                let members = &mut self.board.members;
                let others: Vec<usize> =
                    (0..members.len()).filter(|k| members[*k].position != POSITION_CHAIRMAN).collect();
                if !others.is_empty() {
                    let k = others[i.index(others.len())];
                    members[k].is_voting = !members[k].is_voting;
                }
            }
            Action::Authorize => self.authorize()?,
            Action::Close => self.close()?,
        }
        self.check()
    }

    /// `member` votes `choice`, or cancels their vote (`None`).
    fn vote(&mut self, member: Name, choice: Option<Choice>) -> Result<(), TestCaseError> {
        let model = &mut self.model;
        let has_voted = |list: &BTreeSet<Name>| list.contains(&member);
        let refused = if !voting(&self.board).contains(&member) {
            Some(ERR_NOT_VOTING_MEMBER)
        } else {
            match (model.phase, choice) {
                (Phase::Closed, _) => Some(ERR_DECISION_ENDED),
                (Phase::Authorized, _) => Some(ERR_DECISION_AUTHORIZED),
                (Phase::Open, Some(Choice::For)) if has_voted(&model.votes_for) => Some(ERR_ALREADY_VOTED_FOR),
                (Phase::Open, Some(Choice::Against)) if has_voted(&model.votes_against) => {
                    Some(ERR_ALREADY_VOTED_AGAINST)
                }
                (Phase::Open, None) if !has_voted(&model.votes_for) && !has_voted(&model.votes_against) => {
                    Some(ERR_NO_VOTE)
                }
                _ => None,
            }
        };
        let before = self.row.clone();
        let result = handle_vote(&self.board, &mut self.row, member, choice);
        if let Some(error) = refused {
            prop_assert_eq!(result, Err(error));
            prop_assert_eq!(&self.row, &before, "a refused vote changes nothing");
            return Ok(());
        }
        model.write(&self.board, member, choice);
        let expected = model.tally(&self.board);
        let t = match result {
            Ok(t) => t,
            Err(error) => return Err(TestCaseError::fail(format!("vote refused: {error}"))),
        };
        // The tally the vote returns, at that moment.
        same_tally(&t, &expected)?;
        if expected.declined {
            // The vote sealed the decline: the decision is gone and takes no more votes.
            prop_assert_eq!(t.outcome(), Outcome::Declined);
            model.phase = Phase::Closed;
        }
        Ok(())
    }

    fn authorize(&mut self) -> Result<(), TestCaseError> {
        let approved = self.model.tally(&self.board).approved;
        let before = self.row.clone();
        let result = handle_authorize(&self.board, &mut self.row);
        if self.model.phase == Phase::Open && approved {
            prop_assert_eq!(result, Ok(()));
            prop_assert_eq!(self.row.as_ref().map(|d| d.status), Some(STATUS_AUTHORIZED));
            self.model.phase = Phase::Authorized;
            self.sealed = self.row.clone();
        } else {
            let error = match self.model.phase {
                Phase::Closed => ERR_DECISION_ENDED,
                Phase::Authorized => ERR_DECISION_AUTHORIZED,
                Phase::Open => ERR_NOT_APPROVED,
            };
            prop_assert_eq!(result, Err(error));
            prop_assert_eq!(&self.row, &before, "a refused authorization changes nothing");
        }
        Ok(())
    }

    fn close(&mut self) -> Result<(), TestCaseError> {
        let declined = self.model.tally(&self.board).declined;
        let before = self.row.clone();
        let result = handle_close(&self.board, &mut self.row);
        match self.model.phase {
            Phase::Closed => prop_assert_eq!(result, Err(ERR_DECISION_ENDED)),
            // Declined by a council change (a declining vote ends the decision itself).
            Phase::Open if declined => {
                prop_assert_eq!(result, Ok(REASON_DECLINED));
                self.model.phase = Phase::Closed;
            }
            Phase::Open | Phase::Authorized => {
                prop_assert_eq!(result, Err(ERR_CANNOT_CLOSE));
                prop_assert_eq!(&self.row, &before, "a refused close changes nothing");
            }
        }
        Ok(())
    }

    /// Compares the decision with the model under the current council.
    fn check(&self) -> Result<(), TestCaseError> {
        let expected = self.model.tally(&self.board);
        prop_assert!(!(expected.approved && expected.declined), "the model is never both approved and declined");
        let decision = match (self.model.phase, &self.row) {
            (Phase::Closed, None) => return Ok(()),
            (Phase::Closed, Some(_)) => return Err(TestCaseError::fail("an ended decision is erased")),
            (_, None) => return Err(TestCaseError::fail("an open or authorized decision is kept")),
            (_, Some(decision)) => decision,
        };
        prop_assert_eq!(decision.num_bytes(), self.size, "the row never changes size");
        prop_assert_eq!(decision.votes.len(), MAX_BOARD_MEMBERS);
        let (f, a) = decision.vote_lists();
        let (fs, as_): (BTreeSet<Name>, BTreeSet<Name>) = (f.iter().copied().collect(), a.iter().copied().collect());
        prop_assert_eq!(fs.len(), f.len(), "no one twice among the votes for");
        prop_assert_eq!(as_.len(), a.len(), "no one twice among the votes against");
        prop_assert!(fs.is_disjoint(&as_), "no one in both lists");
        prop_assert_eq!(&fs, &self.model.votes_for);
        prop_assert_eq!(&as_, &self.model.votes_against);
        same_tally(&decision.tally(&self.board), &expected)?;
        if self.model.phase == Phase::Authorized {
            prop_assert_eq!(Some(decision), self.sealed.as_ref(), "an authorized decision never changes");
            prop_assert_eq!(decision.check_open(now()), Err(ERR_DECISION_AUTHORIZED));
        } else {
            prop_assert_eq!(decision.check_open(now()), Ok(()));
        }
        Ok(())
    }
}

fn board_of(members: &[Name]) -> Board {
    Board {
        members: members
            .iter()
            .enumerate()
            .map(|(i, m)| BoardMember::voting(*m, if i == 0 { POSITION_CHAIRMAN } else { POSITION_MEMBER }))
            .collect(),
        ..Board::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, ..ProptestConfig::default() })]

    #[test]
    fn only_current_voting_members_count((f, a) in votes(), members in voting_members()) {
        prop_assert_eq!(Tally::count(&f, &a, &members), expected(&f, &a, &members));
    }

    #[test]
    fn a_member_listed_twice_counts_once((f, a) in votes(), members in voting_members(), again in prop::collection::vec(any::<Index>(), 1..5)) {
        let mut listed = members.clone();
        listed.extend(again.iter().map(|i| members[i.index(members.len())]));
        prop_assert_eq!(Tally::count(&f, &a, &listed), expected(&f, &a, &members));
    }

    #[test]
    fn approval_is_a_strict_majority_of_voting_members((f, a) in votes(), members in voting_members()) {
        let t = Tally::count(&f, &a, &members);
        prop_assert_eq!(t.is_approved(), 2 * t.votes_for > t.voting_members);
        prop_assert!(t.votes_for + t.votes_against <= t.voting_members);
    }

    #[test]
    fn declined_means_approval_is_impossible((f, a) in votes(), members in voting_members()) {
        let t = Tally::count(&f, &a, &members);
        // Everyone who has not voted votes for: still no majority iff declined.
        let best_case = Tally { votes_for: t.votes_for + t.not_voted(), ..t };
        prop_assert_eq!(t.is_declined(), !best_case.is_approved());
        prop_assert!(!(t.is_approved() && t.is_declined()));
    }

    #[test]
    fn when_everyone_has_voted_the_decision_is_decided(members in voting_members(), split in any::<prop::sample::Index>()) {
        let k = split.index(members.len() + 1);
        let t = Tally::count(&members[..k], &members[k..], &members);
        prop_assert_ne!(t.outcome(), Outcome::Pending);
    }

    #[test]
    fn removing_a_vote_never_approves((f, a) in votes(), members in voting_members(), who in person()) {
        let before = Tally::count(&f, &a, &members);
        let (f2, a2): (Vec<Name>, Vec<Name>) = (
            f.iter().copied().filter(|v| *v != who).collect(),
            a.iter().copied().filter(|v| *v != who).collect(),
        );
        let after = Tally::count(&f2, &a2, &members);
        prop_assert!(!after.is_approved() || before.is_approved());
        if before.is_declined() {
            prop_assert!(!after.is_approved());
        }
    }

    #[test]
    fn a_new_vote_for_never_loses_approval_nor_declines((f, a) in votes(), members in voting_members(), who in person()) {
        // `who` has not voted (filtered out rather than assumed, so no case is rejected).
        let (mut f, mut a) = (f, a);
        f.retain(|v| *v != who);
        a.retain(|v| *v != who);
        let before = Tally::count(&f, &a, &members);
        let mut f2 = f.clone();
        f2.push(who);
        let after = Tally::count(&f2, &a, &members);
        prop_assert!(!before.is_approved() || after.is_approved());
        prop_assert!(before.is_declined() || !after.is_declined());
    }

    #[test]
    fn removing_a_member_drops_their_vote((f, a) in votes(), members in voting_members(), who in any::<prop::sample::Index>()) {
        let gone = members[who.index(members.len())];
        let rest: Vec<Name> = members.iter().copied().filter(|m| *m != gone).collect();
        let without: (Vec<Name>, Vec<Name>) = (
            f.iter().copied().filter(|v| *v != gone).collect(),
            a.iter().copied().filter(|v| *v != gone).collect(),
        );
        prop_assert_eq!(Tally::count(&f, &a, &rest), Tally::count(&without.0, &without.1, &rest));
    }

    #[test]
    fn vote_lists_stay_bounded_and_consistent(members in voting_members(), steps in steps()) {
        let board = board_of(&members);
        let mut decision = Decision::open(1, KIND_FREE, members[0], 0, members[0], Default::default(), TimePointSec::from_secs(0), TimePointSec::from_secs(1));
        let size = decision.num_bytes();
        let mut model: std::collections::BTreeMap<Name, Choice> = Default::default();
        for step in steps {
            match step {
                Step::Vote(who, choice) if board.is_voting_member(who) => {
                    let same = model.get(&who) == Some(&choice);
                    let result = decision.cast(&board, who, choice);
                    prop_assert_eq!(result.is_err(), same);
                    model.insert(who, choice);
                }
                Step::Cancel(who) if board.is_voting_member(who) => {
                    let result = decision.cancel(&board, who);
                    prop_assert_eq!(result.is_ok(), model.remove(&who).is_some());
                }
                _ => {} // the contract refuses non-members before touching the votes
            }
            prop_assert_eq!(decision.num_bytes(), size, "a vote never changes the row's size");
            prop_assert_eq!(decision.votes.len(), MAX_BOARD_MEMBERS);
            let (f, a) = &decision.vote_lists();
            let all: BTreeSet<Name> = f.iter().chain(a.iter()).copied().collect();
            prop_assert_eq!(all.len(), f.len() + a.len(), "no one twice, no one in both lists");
            prop_assert!(all.len() <= members.len());
            let t = decision.tally(&board);
            let model_for = model.values().filter(|c| **c == Choice::For).count() as u32;
            prop_assert_eq!(t.votes_for, model_for);
            prop_assert_eq!(t.votes_for + t.votes_against, model.len() as u32);
        }
    }

    #[test]
    fn writing_votes_forgets_former_members(members in voting_members(), (f, a) in votes(), voter in any::<prop::sample::Index>()) {
        let voter = members[voter.index(members.len())];
        let (mut f, mut a) = (f, a);
        f.retain(|v| *v != voter);
        a.retain(|v| *v != voter);
        let before = Tally::count(&f, &a, &members);
        cast(&mut f, &mut a, &members, voter, Choice::Against).unwrap();
        prop_assert!(f.iter().chain(a.iter()).all(|v| members.contains(v)));
        let after = Tally::count(&f, &a, &members);
        prop_assert_eq!(after.votes_for, before.votes_for);
        prop_assert_eq!(after.votes_against, before.votes_against + 1);
        cancel(&mut f, &mut a, &members, voter).unwrap();
        prop_assert_eq!(Tally::count(&f, &a, &members), before);
    }

    #[test]
    fn sessions_follow_the_model((first, actions) in session()) {
        let mut session = Session::new(first);
        session.check()?;
        for action in actions {
            session.step(action)?;
        }
    }
}
