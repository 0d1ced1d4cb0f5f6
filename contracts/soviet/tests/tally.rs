//! Property tests of the council's approval rule (`coop_protocol::soviet::tally`) and of
//! the vote bookkeeping on decisions.
use coop_protocol::soviet::tally::{cancel, cast, Choice, Outcome, Tally};
use coop_protocol::soviet::{
    Board, BoardMember, Decision, KIND_FREE, MAX_BOARD_MEMBERS, POSITION_CHAIRMAN, POSITION_MEMBER,
};
use eosio::{Name, NumBytes, TimePointSec};
use proptest::prelude::*;
use std::collections::BTreeSet;

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
    #[test]
    fn only_current_voting_members_count((f, a) in votes(), members in voting_members()) {
        prop_assert_eq!(Tally::count(&f, &a, &members), expected(&f, &a, &members));
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
        prop_assume!(!f.contains(&who) && !a.contains(&who));
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
}
