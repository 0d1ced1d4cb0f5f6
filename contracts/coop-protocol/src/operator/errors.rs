//! Every message the operator aborts with. Stable: clients and tests match them exactly.

pub const ERR_NOT_INITIALIZED: &str = "operator is not initialized";
