//! Every message the wallet aborts with. Stable: clients and tests match them exactly.

pub const ERR_NOT_INITIALIZED: &str = "wallet is not initialized";
