//! Every message the wallet aborts with. Stable: clients and tests match them exactly.

coop_runtime::error_messages! {
    use crate::common_errors {
        ERR_BAD_FEES, ERR_BAD_SIGNATURE, ERR_BAD_SYMBOL, ERR_CARD_NOT_FOUND, ERR_COOP_NOT_ACTIVE, ERR_COOP_NOT_FOUND,
        ERR_KEY_NOT_SIGNERS, ERR_LIMIT_TOO_LARGE, ERR_LIMIT_ZERO, ERR_META_TOO_LONG, ERR_NOT_PARTICIPANT,
        ERR_TEXT_TOO_LONG,
    }
    // Checked arithmetic (`coop_runtime::asset_math`): a fund or counter past its range.
    use coop_runtime::asset_math { ERR_OVERFLOW }

    pub const ERR_NOT_INITIALIZED: &str = "wallet is not initialized";
    pub const ERR_NOT_COOP_SYMBOL: &str = "symbol is not the cooperative's symbol";
    pub const ERR_LEDGER_EXISTS: &str = "ledger is already open";
    pub const ERR_LEDGER_NOT_FOUND: &str = "ledger not found";
    pub const ERR_DEPOSIT_AUTH: &str = "deposit must be signed by the member or the cooperative";
    pub const ERR_BAD_KIND: &str = "kind must be registration or share";
    pub const ERR_AMOUNT_INVALID: &str = "amount is not a valid asset";
    pub const ERR_WRONG_SYMBOL: &str = "amount must be in the cooperative's symbol";
    pub const ERR_NOT_POSITIVE: &str = "amount must be positive";
    pub const ERR_NEGATIVE_AMOUNT: &str = "amount must not be negative";
    pub const ERR_NO_OPEN_APPLICATION: &str = "no open application to join the cooperative";
    pub const ERR_REGISTRATION_IN_PROGRESS: &str = "a registration deposit is already in progress";
    pub const ERR_WRONG_REGISTRATION_AMOUNT: &str =
        "registration deposit must equal the entrance fee plus the minimum share contribution";
    pub const ERR_WALLET_NOT_FOUND: &str = "member wallet not found";
    pub const ERR_DEPOSIT_NOT_FOUND: &str = "deposit not found";
    pub const ERR_DEPOSIT_NOT_PENDING: &str = "deposit is not pending";
    pub const ERR_DEPOSIT_NOT_CONFIRMED: &str = "registration deposit is not confirmed";
    pub const ERR_DEPOSIT_NOT_REFUND: &str = "deposit is not awaiting a refund";
    pub const ERR_NOT_REGISTRATION: &str = "deposit is not a registration deposit";
    pub const ERR_DEPOSIT_OF_OTHER: &str = "deposit belongs to another person";
    pub const ERR_BOOKING_MISMATCH: &str =
        "entrance fee plus minimum share contribution must equal the registration deposit";
    pub const ERR_INSUFFICIENT_AVAILABLE: &str = "insufficient available balance";
    pub const ERR_WITHDRAWAL_NOT_FOUND: &str = "withdrawal not found";
    pub const ERR_WITHDRAWAL_NOT_PENDING: &str = "withdrawal is not pending";
    pub const ERR_WITHDRAWAL_OPEN: &str = "member already has an open withdrawal";
    pub const ERR_MEMBER_LEAVING: &str = "member is leaving the cooperative";
    pub const ERR_LEAVER_PAYOUT_CANNOT_FAIL: &str =
        "the payout of someone who is no longer a participant cannot fail: pay it out";
    pub const ERR_WITHDRAWAL_NOT_AUTHORIZED: &str = "withdrawal is not authorized";

    // Deposits and withdrawals (read-only queries).
    pub const ERR_BAD_DEPOSIT_STATE: &str = "state must be pending, confirmed, refund or empty";
    pub const ERR_BAD_WITHDRAWAL_STATE: &str = "state must be pending, authorized or empty";

    // Guards of the pure `ledger` that its invariants keep every action from tripping: a
    // wallet or fund in another symbol, a balance below what is taken from it, and the sums
    // [`ledger::check_invariants`](super::ledger::check_invariants) checks (tests and audits).
    unreachable {
        use coop_runtime::asset_math { ERR_NEGATIVE_BALANCE, ERR_SYMBOL_MISMATCH }
        pub const ERR_INSUFFICIENT_BLOCKED: &str = "insufficient blocked balance";
        pub const ERR_SHARE_FUND_MISMATCH: &str =
            "share fund does not equal the members' available, blocked and minimum";
        pub const ERR_ENTRANCE_FUND_MISMATCH: &str = "entrance-fee fund does not equal the members' entrance fees";
    }
}
