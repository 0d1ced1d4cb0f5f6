//! The messages shared by contracts: one constant, one text, wherever two contracts refuse
//! for the same reason (a cooperative, card or participant missing, a document, fee or text
//! not accepted, the founders' or council's list malformed). Each contract's `errors` module
//! re-exports those it uses; a host test fails when two contracts spell one message
//! separately. Rules that merely look at the same state keep their own messages (leaving
//! twice and depositing while leaving, say).
//!
//! The runtime's own messages for documents and paging live with the code that checks them
//! (`coop_runtime::document`, `coop_runtime::paging`) and are re-exported here.

coop_runtime::error_messages! {
    use coop_runtime::document { ERR_BAD_SIGNATURE, ERR_KEY_NOT_SIGNERS }
    use coop_runtime::paging { ERR_LIMIT_ZERO, ERR_LIMIT_TOO_LARGE }

    // The registry.
    pub const ERR_COOP_NOT_FOUND: &str = "cooperative not found";
    pub const ERR_COOP_NOT_ACTIVE: &str = "cooperative is not active";
    pub const ERR_CARD_NOT_FOUND: &str = "account card not found";
    pub const ERR_NOT_PARTICIPANT: &str = "not an accepted participant of the cooperative";
    pub const ERR_CHAIRMAN_CANNOT_LEAVE: &str =
        "the chairman cannot leave: the council must have another chairman first";
    /// A person's account name: 12 characters, no dots.
    pub const ERR_BAD_USERNAME: &str = "username must be 12 characters of a-z and 1-5";

    // The founders of a cooperative and its council (the same people at connection).
    pub const ERR_DUPLICATE_MEMBER: &str = "a member is listed twice";
    pub const ERR_TOO_MANY_MEMBERS: &str = "the council has too many members";

    // Documents (with `ERR_BAD_SIGNATURE` and `ERR_KEY_NOT_SIGNERS`).
    pub const ERR_META_TOO_LONG: &str = "document meta is too long";

    // Amounts and texts.
    pub const ERR_BAD_SYMBOL: &str = "invalid symbol";
    pub const ERR_BAD_FEES: &str = "fees must be positive and in the cooperative's symbol";
    /// A title, reason, memo, card meta or cooperative text over its limit.
    pub const ERR_TEXT_TOO_LONG: &str = "text is too long";

    // Actions carried in another (a council decision's, a provider's `act`).
    pub const ERR_ACTION_DATA: &str = "an action's data does not decode";
}
