//! `boards` (scope = the contract, one row per cooperative): the councils.
use super::super::errors::*;
use alloc::vec::Vec;
use coop_runtime::{n, AbiType};
use eosio::{Name, NumBytes, Read, TimePointSec, Write};

/// The chairman of the council: votes, and alone authorizes decisions.
pub const POSITION_CHAIRMAN: Name = n("chairman");
/// A member of the council.
pub const POSITION_MEMBER: Name = n("member");
/// Most people on a council, the chairman included.
pub const MAX_BOARD_MEMBERS: usize = 25;

/// A person on the council.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct BoardMember {
    /// An accepted individual participant of the cooperative.
    pub username: Name,
    /// `chairman` or `member`.
    pub position: Name,
    /// Whether their vote counts (the chairman always votes).
    pub is_voting: bool,
}

impl BoardMember {
    /// A voting member with `position`.
    pub fn voting(username: Name, position: Name) -> Self {
        Self { username, position, is_voting: true }
    }
}

/// A cooperative's council (совет).
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Board {
    pub coopname: Name,
    /// At most [`MAX_BOARD_MEMBERS`], exactly one `chairman`; see [`check_members`].
    pub members: Vec<BoardMember>,
    pub created_at: TimePointSec,
    pub updated_at: TimePointSec,
}

impl Board {
    /// The chairman (every stored council has one).
    pub fn chairman(&self) -> Option<Name> {
        self.members.iter().find(|m| m.position == POSITION_CHAIRMAN).map(|m| m.username)
    }

    /// Whether `username` is on the council and votes.
    pub fn is_voting_member(&self, username: Name) -> bool {
        self.members.iter().any(|m| m.username == username && m.is_voting)
    }

    /// The people whose votes count.
    pub fn voting_members(&self) -> Vec<Name> {
        self.members.iter().filter(|m| m.is_voting).map(|m| m.username).collect()
    }
}

/// Checks a council's composition (everything but the participants' registry): 1 to
/// [`MAX_BOARD_MEMBERS`] people, each listed once, positions `chairman` or `member`,
/// exactly one chairman, who votes.
/// Errors: `ERR_BOARD_EMPTY`, `ERR_TOO_MANY_MEMBERS`, `ERR_BAD_POSITION`,
/// `ERR_DUPLICATE_MEMBER`, `ERR_ONE_CHAIRMAN`, `ERR_CHAIRMAN_MUST_VOTE`.
pub fn check_members(members: &[BoardMember]) -> Result<(), &'static str> {
    if members.is_empty() {
        return Err(ERR_BOARD_EMPTY);
    }
    if members.len() > MAX_BOARD_MEMBERS {
        return Err(ERR_TOO_MANY_MEMBERS);
    }
    for (i, member) in members.iter().enumerate() {
        if member.position != POSITION_CHAIRMAN && member.position != POSITION_MEMBER {
            return Err(ERR_BAD_POSITION);
        }
        if members[..i].iter().any(|m| m.username == member.username) {
            return Err(ERR_DUPLICATE_MEMBER);
        }
    }
    let mut chairmen = members.iter().filter(|m| m.position == POSITION_CHAIRMAN);
    match (chairmen.next(), chairmen.next()) {
        (Some(chairman), None) if chairman.is_voting => Ok(()),
        (Some(_), None) => Err(ERR_CHAIRMAN_MUST_VOTE),
        _ => Err(ERR_ONE_CHAIRMAN),
    }
}

coop_runtime::table!(
    /// Councils by cooperative, scope = the contract. RAM: paid by the operator at
    /// connection (`createboard`), by the cooperative from its first `updateboard` on;
    /// kept while the cooperative exists; one row per cooperative (at most
    /// `MAX_BOARD_MEMBERS` people).
    Boards, "boards", Board, |row| row.coopname.as_u64()
);

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    fn member(id: u64, position: Name, is_voting: bool) -> BoardMember {
        BoardMember { username: Name::new(id), position, is_voting }
    }

    #[test]
    fn a_council_has_one_voting_chairman() {
        let chairman = member(1, POSITION_CHAIRMAN, true);
        assert_eq!(check_members(core::slice::from_ref(&chairman)), Ok(()));
        assert_eq!(check_members(&[chairman.clone(), member(2, POSITION_MEMBER, false)]), Ok(()));
        assert_eq!(check_members(&[member(2, POSITION_MEMBER, true)]), Err(ERR_ONE_CHAIRMAN));
        assert_eq!(check_members(&[chairman.clone(), member(2, POSITION_CHAIRMAN, true)]), Err(ERR_ONE_CHAIRMAN));
        assert_eq!(check_members(&[member(1, POSITION_CHAIRMAN, false)]), Err(ERR_CHAIRMAN_MUST_VOTE));
    }

    #[test]
    fn a_council_is_bounded_and_lists_people_once() {
        assert_eq!(check_members(&[]), Err(ERR_BOARD_EMPTY));
        let mut many = vec![member(1, POSITION_CHAIRMAN, true)];
        many.extend((2..=MAX_BOARD_MEMBERS as u64).map(|i| member(i, POSITION_MEMBER, true)));
        assert_eq!(check_members(&many), Ok(()));
        many.push(member(100, POSITION_MEMBER, true));
        assert_eq!(check_members(&many), Err(ERR_TOO_MANY_MEMBERS));
        assert_eq!(
            check_members(&[member(1, POSITION_CHAIRMAN, true), member(1, POSITION_MEMBER, true)]),
            Err(ERR_DUPLICATE_MEMBER)
        );
        assert_eq!(
            check_members(&[member(1, POSITION_CHAIRMAN, true), member(2, n("secretary"), true)]),
            Err(ERR_BAD_POSITION)
        );
    }

    #[test]
    fn only_voting_members_vote() {
        let board = Board {
            members: vec![
                member(1, POSITION_CHAIRMAN, true),
                member(2, POSITION_MEMBER, false),
                member(3, POSITION_MEMBER, true),
            ],
            ..Board::default()
        };
        assert_eq!(board.chairman(), Some(Name::new(1)));
        assert_eq!(board.voting_members(), vec![Name::new(1), Name::new(3)]);
        assert!(!board.is_voting_member(Name::new(2)));
        assert!(!board.is_voting_member(Name::new(4)));
    }
}
