//! Every message the wallet aborts with. Stable: clients and tests match them exactly.

/// Arithmetic messages shared with every contract (`coop_runtime::asset_math`).
pub use coop_runtime::asset_math::{ERR_NEGATIVE_BALANCE, ERR_OVERFLOW, ERR_SYMBOL_MISMATCH};

pub const ERR_NOT_INITIALIZED: &str = "wallet is not initialized";
pub const ERR_COOP_NOT_FOUND: &str = "cooperative not found";
pub const ERR_COOP_NOT_ACTIVE: &str = "cooperative is not active";
pub const ERR_BAD_SYMBOL: &str = "invalid symbol";
pub const ERR_NOT_COOP_SYMBOL: &str = "symbol is not the cooperative's symbol";
pub const ERR_LEDGER_EXISTS: &str = "ledger is already open";
pub const ERR_LEDGER_NOT_FOUND: &str = "ledger not found";
pub const ERR_DEPOSIT_AUTH: &str = "deposit must be signed by the member or the cooperative";
pub const ERR_BAD_KIND: &str = "kind must be registration or share";
pub const ERR_AMOUNT_INVALID: &str = "amount is not a valid asset";
pub const ERR_WRONG_SYMBOL: &str = "amount must be in the cooperative's symbol";
pub const ERR_NOT_POSITIVE: &str = "amount must be positive";
pub const ERR_NEGATIVE_AMOUNT: &str = "amount must not be negative";
pub const ERR_MEMO_TOO_LONG: &str = "memo is too long";
pub const ERR_NO_OPEN_APPLICATION: &str = "no open application to join the cooperative";
pub const ERR_REGISTRATION_IN_PROGRESS: &str = "a registration deposit is already in progress";
pub const ERR_CARD_NOT_FOUND: &str = "account card not found";
pub const ERR_WRONG_REGISTRATION_AMOUNT: &str =
    "registration deposit must equal the entrance fee plus the minimum share contribution";
pub const ERR_NOT_PARTICIPANT: &str = "not an accepted participant of the cooperative";
pub const ERR_WALLET_NOT_FOUND: &str = "member wallet not found";
pub const ERR_DEPOSIT_NOT_FOUND: &str = "deposit not found";
pub const ERR_DEPOSIT_NOT_PENDING: &str = "deposit is not pending";
pub const ERR_DEPOSIT_NOT_CONFIRMED: &str = "registration deposit is not confirmed";
pub const ERR_DEPOSIT_NOT_REFUND: &str = "deposit is not awaiting a refund";
pub const ERR_NOT_REGISTRATION: &str = "deposit is not a registration deposit";
pub const ERR_DEPOSIT_OF_OTHER: &str = "deposit belongs to another person";
pub const ERR_FEES_NOT_POSITIVE: &str = "entrance fee and minimum share contribution must be positive";
pub const ERR_BOOKING_MISMATCH: &str =
    "entrance fee plus minimum share contribution must equal the registration deposit";
pub const ERR_INSUFFICIENT_AVAILABLE: &str = "insufficient available balance";
pub const ERR_INSUFFICIENT_BLOCKED: &str = "insufficient blocked balance";
pub const ERR_BAD_STATEMENT_SIGNATURE: &str = "statement is not signed by its key for this withdrawal";
pub const ERR_STATEMENT_NOT_MEMBERS: &str = "statement is not signed by the member's key";
pub const ERR_META_TOO_LONG: &str = "statement meta is too long";
pub const ERR_WITHDRAWAL_NOT_FOUND: &str = "withdrawal not found";
pub const ERR_WITHDRAWAL_NOT_PENDING: &str = "withdrawal is not pending";
pub const ERR_WITHDRAWAL_OPEN: &str = "member already has an open withdrawal";
pub const ERR_MEMBER_LEAVING: &str = "member is leaving the cooperative";
pub const ERR_WITHDRAWAL_NOT_AUTHORIZED: &str = "withdrawal is not authorized";

/// Invariant messages of [`ledger::check_invariants`](super::ledger::check_invariants)
/// (tests and audits; no action aborts with them).
pub const ERR_SHARE_FUND_MISMATCH: &str = "share fund does not equal the members' available, blocked and minimum";
pub const ERR_ENTRANCE_FUND_MISMATCH: &str = "entrance-fee fund does not equal the members' entrance fees";

// Deposits and withdrawals (read-only queries).
pub use coop_runtime::paging::{
    ERR_LIMIT_TOO_LARGE as ERR_QUERY_LIMIT_TOO_LARGE, ERR_LIMIT_ZERO as ERR_QUERY_LIMIT_ZERO,
};
pub const ERR_BAD_DEPOSIT_STATE: &str = "state must be pending, confirmed, refund or empty";
pub const ERR_BAD_WITHDRAWAL_STATE: &str = "state must be pending, authorized or empty";
