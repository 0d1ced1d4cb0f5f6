//! Every message the soviet aborts with. Stable: clients and tests match them exactly.

pub const ERR_NOT_INITIALIZED: &str = "soviet is not initialized";
