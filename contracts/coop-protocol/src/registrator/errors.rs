//! Every message the registrator aborts with. Stable: clients and tests match them exactly.

pub const ERR_NOT_INITIALIZED: &str = "registrator is not initialized";
pub const ERR_BAD_RESOURCES: &str = "account resources must be positive amounts of one symbol";
pub const ERR_COOP_ACCOUNT_MISSING: &str = "cooperative account does not exist";
pub const ERR_COOP_EXISTS: &str = "cooperative is already registered";
pub const ERR_BAD_SYMBOL: &str = "invalid symbol";
pub const ERR_BAD_FEES: &str = "fees must be positive and in the cooperative's symbol";
pub const ERR_TEXT_TOO_LONG: &str = "text is too long";
pub const ERR_COOP_NOT_FOUND: &str = "cooperative not found";
pub const ERR_COOP_NOT_ACTIVE: &str = "cooperative is not active";
pub const ERR_BAD_USERNAME: &str = "username must be 12 characters of a-z and 1-5";
pub const ERR_ACCOUNT_EXISTS: &str = "account already exists";
pub const ERR_CARD_EXISTS: &str = "account card already exists";
pub const ERR_BAD_TYPE: &str = "type must be individual, entrepreneur or organization";
pub const ERR_REFERER_NOT_FOUND: &str = "referer has no account card";
pub const ERR_COOP_CANNOT_PAY: &str = "cooperative cannot pay for the account's resources";
