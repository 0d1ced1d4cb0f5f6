//! Every message the operator aborts with. Stable: clients and tests match them exactly.

pub const ERR_NOT_INITIALIZED: &str = "operator is not initialized";
pub const ERR_BAD_RESOURCES: &str =
    "connection resources must be amounts of the core symbol, positive except coop_funds";
pub const ERR_PROVIDER_ACCOUNT_MISSING: &str = "provider account does not exist";
pub const ERR_PROVIDER_EXISTS: &str = "provider is already registered";
pub const ERR_PROVIDER_NOT_FOUND: &str = "provider is not registered";
pub const ERR_TEXT_TOO_LONG: &str = "text is too long";
pub const ERR_BAD_COOPNAME: &str = "cooperative name must be 1 to 12 characters of a-z and 1-5, without dots";
pub const ERR_COOP_ACCOUNT_EXISTS: &str = "cooperative account already exists";
pub const ERR_COOP_REQUESTED: &str = "cooperative name is already requested";
pub const ERR_BAD_FOUNDER_NAME: &str = "founder names must be 12 characters of a-z and 1-5";
pub const ERR_FOUNDER_EXISTS: &str = "founder account already exists";
pub const ERR_CHAIRMAN_IN_MEMBERS: &str = "chairman is also listed among the members";
pub const ERR_DUPLICATE_MEMBER: &str = "a member is listed twice";
pub const ERR_TOO_MANY_MEMBERS: &str = "too many members";
pub const ERR_BAD_STATEMENT: &str = "statement is not signed by the chairman's key for this request";
pub const ERR_REQUEST_NOT_FOUND: &str = "request not found";
pub const ERR_REQUEST_NOT_PENDING: &str = "request is not pending";
pub const ERR_INTERNAL_STEP: &str = "setupcoop is an internal step of connect";
pub const ERR_NAME_IN_AUCTION: &str = "cooperative name is in a name auction";
pub const ERR_COOPNAME_IS_FOUNDER: &str = "cooperative name is also a founder's name";
pub const ERR_PROVIDER_BEING_REMOVED: &str = "provider is being removed: finish rmprovider first";
