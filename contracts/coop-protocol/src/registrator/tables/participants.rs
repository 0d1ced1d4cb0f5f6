//! `participants` (scope = cooperative): the accepted members of each cooperative.
use coop_runtime::{n, AbiType};
use eosio::{Name, NumBytes, Read, TimePointSec, Write};

/// Participant status: a member in good standing.
pub const PARTICIPANT_ACCEPTED: Name = n("accepted");
/// Participant status: has asked to leave; the council decides (`leave` decision). A
/// leaving member cannot deposit, withdraw or sit on a new council.
pub const PARTICIPANT_LEAVING: Name = n("leaving");

/// A member of a cooperative.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Participant {
    pub username: Name,
    /// `individual`, `entrepreneur` or `organization` (copied from the card).
    pub r#type: Name,
    /// `accepted` or `leaving`.
    pub status: Name,
    /// The member's branch, or empty.
    pub braname: Name,
    pub joined_at: TimePointSec,
}

impl Participant {
    /// Whether this is an accepted individual (who may sit on the council).
    pub fn is_accepted_individual(&self) -> bool {
        self.status == PARTICIPANT_ACCEPTED && self.r#type == super::cards::TYPE_INDIVIDUAL
    }
}

coop_runtime::table!(
    /// Participants by username, scope = cooperative. RAM: paid by the cooperative (through
    /// its `contracts` permission when the council's decision is executed, or as the
    /// signer of `adduser`; by the operator for the founders at connection); kept while
    /// the person is a member; one per member.
    Participants, "participants", Participant, |row| row.username.as_u64()
);
