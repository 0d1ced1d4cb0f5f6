//! Every message the operator aborts with. Stable: clients and tests match them exactly.

coop_runtime::error_messages! {
    use crate::common_errors {
        ERR_ACTION_DATA, ERR_BAD_FEES, ERR_BAD_SIGNATURE, ERR_BAD_SYMBOL, ERR_BAD_USERNAME, ERR_DUPLICATE_MEMBER,
        ERR_KEY_NOT_SIGNERS, ERR_META_TOO_LONG, ERR_TEXT_TOO_LONG, ERR_TOO_MANY_MEMBERS,
    }

    pub const ERR_NOT_INITIALIZED: &str = "operator is not initialized";
    pub const ERR_BAD_RESOURCES: &str =
        "connection resources must be amounts of the core symbol, positive except coop_funds";
    pub const ERR_PROVIDER_ACCOUNT_MISSING: &str = "provider account does not exist";
    pub const ERR_PROVIDER_EXISTS: &str = "provider is already registered";
    pub const ERR_PROVIDER_NOT_FOUND: &str = "provider is not registered";
    pub const ERR_BAD_COOPNAME: &str = "cooperative name must be 1 to 12 characters of a-z and 1-5, without dots";
    pub const ERR_COOP_ACCOUNT_EXISTS: &str = "cooperative account already exists";
    pub const ERR_COOP_REQUESTED: &str = "cooperative name is already requested";
    pub const ERR_FOUNDER_EXISTS: &str = "founder account already exists";
    pub const ERR_CHAIRMAN_IN_MEMBERS: &str = "chairman is also listed among the members";
    pub const ERR_REQUEST_NOT_FOUND: &str = "request not found";
    pub const ERR_REQUEST_NOT_PENDING: &str = "request is not pending";
    pub const ERR_INTERNAL_STEP: &str = "setupcoop is an internal step of connect";
    pub const ERR_NAME_IN_AUCTION: &str = "cooperative name is in a name auction";
    pub const ERR_COOPNAME_IS_FOUNDER: &str = "cooperative name is also a founder's name";
    pub const ERR_PROVIDER_BEING_REMOVED: &str = "provider is being removed: finish rmprovider first";
    pub const ERR_NOT_PROVIDERS_COOP: &str = "the provider did not connect this cooperative";
    pub const ERR_ACT_ACTIONS_COUNT: &str = "act carries 1 to 8 actions";
    pub const ERR_ACTION_NOT_ALLOWED: &str = "a provider may not push this action";
    pub const ERR_ACTION_OTHER_COOP: &str = "an action acts on another cooperative";
    pub const ERR_OPERATOR_CANNOT_PAY: &str = "the operator's balance does not cover connecting this cooperative";
}
