//! Every message the registrator aborts with. Stable: clients and tests match them exactly.

coop_runtime::error_messages! {
    use crate::common_errors {
        ERR_BAD_FEES, ERR_BAD_SIGNATURE, ERR_BAD_SYMBOL, ERR_BAD_USERNAME, ERR_CARD_NOT_FOUND,
        ERR_CHAIRMAN_CANNOT_LEAVE, ERR_COOP_NOT_ACTIVE, ERR_COOP_NOT_FOUND, ERR_DUPLICATE_MEMBER, ERR_KEY_NOT_SIGNERS,
        ERR_META_TOO_LONG, ERR_NOT_PARTICIPANT, ERR_TEXT_TOO_LONG, ERR_TOO_MANY_MEMBERS,
    }

    pub const ERR_NOT_INITIALIZED: &str = "registrator is not initialized";
    pub const ERR_BAD_RESOURCES: &str = "account resources must be positive amounts of one symbol";
    pub const ERR_COOP_ACCOUNT_MISSING: &str = "cooperative account does not exist";
    pub const ERR_COOP_EXISTS: &str = "cooperative is already registered";
    pub const ERR_ACCOUNT_EXISTS: &str = "account already exists";
    pub const ERR_CARD_EXISTS: &str = "account card already exists";
    pub const ERR_BAD_TYPE: &str = "type must be individual, entrepreneur or organization";
    pub const ERR_REFERER_NOT_FOUND: &str = "referer has no account card";
    pub const ERR_COOP_CANNOT_PAY: &str = "cooperative cannot pay for the account's resources";
    pub const ERR_BAD_STATUS: &str = "status must be active or blocked";
    pub const ERR_NO_FOUNDERS: &str = "a cooperative needs at least one founder";
    pub const ERR_FOUNDER_MISSING: &str = "founder account does not exist";
    pub const ERR_NOT_AUTHORIZED: &str =
        "must be signed by the person, or by the cooperative that created their account";
    pub const ERR_ALREADY_PARTICIPANT: &str = "already a participant of this cooperative";
    pub const ERR_APPLICATION_EXISTS: &str = "an application to this cooperative is already open";
    pub const ERR_BRANCH_REQUIRED: &str = "the cooperative is branched: braname is required";
    pub const ERR_BRANCH_NOT_FOUND: &str = "branch not found in this cooperative";
    pub const ERR_BAD_BRANCH_NAME: &str = "branch name must not be empty";
    pub const ERR_BRANCH_EXISTS: &str = "branch already exists";
    pub const ERR_TRUSTEE_NOT_INDIVIDUAL: &str = "trustee must be an accepted individual participant";
    pub const ERR_BRANCH_HAS_MEMBERS: &str = "branch still has members or applications";
    pub const ERR_SAME_BRANCH: &str = "already in this branch";
    pub const ERR_APPLICATION_NOT_FOUND: &str = "application not found";
    pub const ERR_APPLICATION_NOT_OPEN: &str = "application is not waiting for payment";
    pub const ERR_APPLICATION_NOT_PAID: &str = "application is not paid";
    pub const ERR_ALREADY_LEAVING: &str = "member is already leaving the cooperative";
    pub const ERR_LEAVE_WITH_WITHDRAWAL: &str = "member has an open withdrawal: it must end before leaving";
    pub const ERR_NOT_LEAVING: &str = "member is not leaving the cooperative";
    pub const ERR_CANCEL_AUTH: &str = "must be signed by the applicant or by the cooperative applied to";
    pub const ERR_APPLICATION_HAS_DEPOSIT: &str =
        "the application has a registration deposit in progress; cancel the deposit first";
    pub const ERR_JOINED_IN_FUTURE: &str = "joined_at must not be in the future";
    pub const ERR_BAD_AGREEMENT_KIND: &str = "agreement kind must not be empty";
    pub const ERR_UNKNOWN_AGREEMENT: &str = "unknown agreement kind";
    pub const ERR_VERSION_NOT_GREATER: &str = "version must be greater than the current one";
    pub const ERR_TOO_MANY_AGREEMENTS: &str = "too many agreement kinds";
    pub const ERR_WRONG_VERSION: &str = "version is not the current one";
    pub const ERR_ALREADY_SIGNED: &str = "this version is already signed";
    /// Followed by the kind, e.g. `agreement not signed: privacy`.
    pub const ERR_AGREEMENT_MISSING: &str = "agreement not signed: ";
    pub const ERR_NOT_COOPS_CARD: &str = "the account was not created by this cooperative";
    pub const ERR_KEY_CHANGE_NOT_BY_COUNCIL: &str = "a key is changed only by an executed decision of the council";
}
