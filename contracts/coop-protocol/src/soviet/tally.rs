//! The council's approval rule and the bookkeeping of votes. Pure: tested on the host
//! (unit tests here, property tests in `contracts/soviet/tests/tally.rs`).
//!
//! - Only the votes of people who are voting members of the *current* council count.
//! - A decision is **approved** when `votes_for * 2 > voting_members` (a strict majority of
//!   the current voting members, not of the votes cast).
//! - It is **declined** when approval has become impossible with the votes as they stand:
//!   even if every voting member who has not voted voted for, there would be no majority
//!   (`(votes_for + not_voted) * 2 <= voting_members`, i.e. `votes_against * 2 >=
//!   voting_members`). Members may still change their votes until the decision is closed.
//! - Otherwise it is **pending**.
//!
//! The vote lists of a decision never hold a person twice, never hold a person in both
//! lists, and hold only voting members of the council as it was when they last changed,
//! so their length is bounded by the council's size ([`super::MAX_BOARD_MEMBERS`]).
use super::errors::{ERR_ALREADY_VOTED_AGAINST, ERR_ALREADY_VOTED_FOR, ERR_NO_VOTE};
use alloc::vec::Vec;
use coop_runtime::n;
use eosio::Name;

/// `pending`: neither approved nor declined yet.
pub const OUTCOME_PENDING: Name = n("pending");
/// `approved`: a strict majority of the current voting members voted for.
pub const OUTCOME_APPROVED: Name = n("approved");
/// `declined`: approval has become impossible.
pub const OUTCOME_DECLINED: Name = n("declined");

/// Where a decision stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Pending,
    Approved,
    Declined,
}

impl Outcome {
    /// The outcome's name in a vote's return value (`pending`, `approved`, `declined`).
    pub fn name(self) -> Name {
        match self {
            Outcome::Pending => OUTCOME_PENDING,
            Outcome::Approved => OUTCOME_APPROVED,
            Outcome::Declined => OUTCOME_DECLINED,
        }
    }
}

/// A member's vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    For,
    Against,
}

/// The votes that count, against the current council.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Voting members who voted for.
    pub votes_for: u32,
    /// Voting members who voted against.
    pub votes_against: u32,
    /// The council's voting members.
    pub voting_members: u32,
}

impl Tally {
    /// Counts the votes of `voting_members` only; each member counts once (a member found
    /// in both lists counts as voting for).
    pub fn count(votes_for: &[Name], votes_against: &[Name], voting_members: &[Name]) -> Self {
        let mut tally = Tally::default();
        for (i, member) in voting_members.iter().enumerate() {
            if voting_members[..i].contains(member) {
                continue;
            }
            tally.voting_members += 1;
            if votes_for.contains(member) {
                tally.votes_for += 1;
            } else if votes_against.contains(member) {
                tally.votes_against += 1;
            }
        }
        tally
    }

    /// Voting members who have not voted.
    pub fn not_voted(&self) -> u32 {
        self.voting_members - self.votes_for - self.votes_against
    }

    /// A strict majority of the voting members voted for.
    pub fn is_approved(&self) -> bool {
        u64::from(self.votes_for) * 2 > u64::from(self.voting_members)
    }

    /// Approval is impossible even if everyone who has not voted voted for.
    pub fn is_declined(&self) -> bool {
        u64::from(self.votes_for + self.not_voted()) * 2 <= u64::from(self.voting_members)
    }

    /// Approved, declined or pending.
    pub fn outcome(&self) -> Outcome {
        if self.is_approved() {
            Outcome::Approved
        } else if self.is_declined() {
            Outcome::Declined
        } else {
            Outcome::Pending
        }
    }
}

/// Records `member`'s vote: adds it, or moves it from the other list. Votes of people who
/// are no longer voting members (not in `voting_members`) are dropped on the way.
/// Errors: `ERR_ALREADY_VOTED_FOR`, `ERR_ALREADY_VOTED_AGAINST` (the same vote twice).
pub fn cast(
    votes_for: &mut Vec<Name>,
    votes_against: &mut Vec<Name>,
    voting_members: &[Name],
    member: Name,
    choice: Choice,
) -> Result<(), &'static str> {
    match choice {
        Choice::For if votes_for.contains(&member) => return Err(ERR_ALREADY_VOTED_FOR),
        Choice::Against if votes_against.contains(&member) => return Err(ERR_ALREADY_VOTED_AGAINST),
        _ => {}
    }
    votes_for.retain(|v| *v != member && voting_members.contains(v));
    votes_against.retain(|v| *v != member && voting_members.contains(v));
    match choice {
        Choice::For => votes_for.push(member),
        Choice::Against => votes_against.push(member),
    }
    Ok(())
}

/// Removes `member`'s vote. Votes of people who are no longer voting members are dropped
/// on the way. Errors: `ERR_NO_VOTE`.
pub fn cancel(
    votes_for: &mut Vec<Name>,
    votes_against: &mut Vec<Name>,
    voting_members: &[Name],
    member: Name,
) -> Result<(), &'static str> {
    if !votes_for.contains(&member) && !votes_against.contains(&member) {
        return Err(ERR_NO_VOTE);
    }
    votes_for.retain(|v| *v != member && voting_members.contains(v));
    votes_against.retain(|v| *v != member && voting_members.contains(v));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    fn names(count: u64) -> Vec<Name> {
        (1..=count).map(Name::new).collect()
    }

    fn tally(for_: u64, against: u64, members: u64) -> Tally {
        let m = names(members);
        let f: Vec<Name> = m[..for_ as usize].to_vec();
        let a: Vec<Name> = m[for_ as usize..(for_ + against) as usize].to_vec();
        Tally::count(&f, &a, &m)
    }

    #[test]
    fn approval_needs_a_strict_majority_of_voting_members() {
        assert_eq!(tally(2, 0, 4).outcome(), Outcome::Pending);
        assert_eq!(tally(3, 0, 4).outcome(), Outcome::Approved);
        assert_eq!(tally(2, 0, 3).outcome(), Outcome::Approved);
        assert_eq!(tally(1, 0, 1).outcome(), Outcome::Approved);
        assert_eq!(tally(0, 0, 1).outcome(), Outcome::Pending);
    }

    #[test]
    fn declined_when_approval_is_impossible() {
        assert_eq!(tally(0, 2, 4).outcome(), Outcome::Declined);
        assert_eq!(tally(1, 1, 4).outcome(), Outcome::Pending);
        assert_eq!(tally(2, 2, 4).outcome(), Outcome::Declined);
        assert_eq!(tally(0, 1, 1).outcome(), Outcome::Declined);
        assert_eq!(tally(1, 1, 3).outcome(), Outcome::Pending);
        assert_eq!(tally(0, 2, 3).outcome(), Outcome::Declined);
    }

    #[test]
    fn votes_of_non_members_do_not_count() {
        let members = names(3);
        let stranger = Name::new(99);
        let t = Tally::count(&[stranger, members[0]], &[Name::new(100)], &members);
        assert_eq!(t, Tally { votes_for: 1, votes_against: 0, voting_members: 3 });
    }

    #[test]
    fn casting_moves_a_vote_and_refuses_the_same_vote_twice() {
        let members = names(3);
        let (mut f, mut a) = (vec![], vec![]);
        cast(&mut f, &mut a, &members, members[0], Choice::Against).unwrap();
        assert_eq!(cast(&mut f, &mut a, &members, members[0], Choice::Against), Err(ERR_ALREADY_VOTED_AGAINST));
        cast(&mut f, &mut a, &members, members[0], Choice::For).unwrap();
        assert_eq!((f.clone(), a.clone()), (vec![members[0]], vec![]));
        assert_eq!(cast(&mut f, &mut a, &members, members[0], Choice::For), Err(ERR_ALREADY_VOTED_FOR));
        cancel(&mut f, &mut a, &members, members[0]).unwrap();
        assert!(f.is_empty() && a.is_empty());
        assert_eq!(cancel(&mut f, &mut a, &members, members[0]), Err(ERR_NO_VOTE));
    }

    #[test]
    fn writing_votes_drops_those_of_former_members() {
        let members = names(2);
        let former = Name::new(50);
        let (mut f, mut a) = (vec![former], vec![Name::new(51)]);
        cast(&mut f, &mut a, &members, members[1], Choice::For).unwrap();
        assert_eq!((f, a), (vec![members[1]], vec![]));
    }
}
