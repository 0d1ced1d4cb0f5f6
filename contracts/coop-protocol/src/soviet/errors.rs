//! Every message the soviet aborts with. Stable: clients and tests match them exactly.

coop_runtime::error_messages! {
    use crate::common_errors {
        ERR_ACTION_DATA, ERR_BAD_SIGNATURE, ERR_CHAIRMAN_CANNOT_LEAVE, ERR_COOP_NOT_ACTIVE, ERR_COOP_NOT_FOUND,
        ERR_DUPLICATE_MEMBER, ERR_KEY_NOT_SIGNERS, ERR_LIMIT_TOO_LARGE, ERR_LIMIT_ZERO, ERR_META_TOO_LONG,
        ERR_NOT_PARTICIPANT, ERR_TOO_MANY_MEMBERS,
    }

    pub const ERR_NOT_INITIALIZED: &str = "soviet is not initialized";

    // Councils.
    pub const ERR_BOARD_EXISTS: &str = "the cooperative already has a council";
    pub const ERR_BOARD_NOT_FOUND: &str = "the cooperative has no council";
    pub const ERR_BOARD_EMPTY: &str = "the council must have members";
    pub const ERR_BAD_POSITION: &str = "position must be chairman or member";
    pub const ERR_ONE_CHAIRMAN: &str = "the council must have exactly one chairman";
    pub const ERR_CHAIRMAN_MUST_VOTE: &str = "the chairman must be a voting member";
    pub const ERR_MEMBER_NOT_INDIVIDUAL: &str =
        "council members must be accepted individual participants of the cooperative";

    // Settings.
    pub const ERR_BAD_TTL: &str = "decision lifetime must be from 1 second to 365 days";

    // Putting questions on the agenda.
    pub const ERR_BAD_KIND: &str = "kind must be joincoop, withdraw or leave";
    pub const ERR_ACCOUNT_NOT_FOUND: &str = "account does not exist";
    pub const ERR_TOO_MANY_ACTIONS: &str = "a decision carries at most 4 actions";
    pub const ERR_ACTION_NOT_ALLOWED: &str = "the council may not take this action";
    pub const ERR_ACTION_OTHER_COOP: &str = "an action must act on the decision's own cooperative";
    pub const ERR_TOO_MANY_FREE_DECISIONS: &str = "the proposer already has the most open free decisions allowed";

    // Decisions and votes.
    pub const ERR_DECISION_NOT_FOUND: &str = "decision not found";
    pub const ERR_DECISION_ENDED: &str = "decision has ended: it was executed, declined or closed";
    pub const ERR_DECISION_EXPIRED: &str = "decision has expired";
    pub const ERR_DECISION_AUTHORIZED: &str = "decision is already authorized";
    pub const ERR_NOT_VOTING_MEMBER: &str = "only a voting member of the council can vote";
    pub const ERR_ALREADY_VOTED_FOR: &str = "member has already voted for this decision";
    pub const ERR_ALREADY_VOTED_AGAINST: &str = "member has already voted against this decision";
    pub const ERR_NO_VOTE: &str = "member has not voted on this decision";
    pub const ERR_NOT_CHAIRMAN: &str = "only the chairman of the council can authorize decisions";
    pub const ERR_NOT_APPROVED: &str = "decision is not approved by the council";
    pub const ERR_NOT_AUTHORIZED: &str = "decision is not authorized";
    pub const ERR_CANNOT_CLOSE: &str = "decision is neither expired nor declined";

    // The agenda (read-only).
    pub const ERR_BAD_AGENDA_STATE: &str = "state must be open, approved, authorized, declined, expired or empty";

    unreachable {
        /// A proposer's row that the same action has just read is missing.
        pub const ERR_PROPOSER_NOT_FOUND: &str = "the proposer has no open free decisions";
    }
}
