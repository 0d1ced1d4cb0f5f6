//! Reliability suite (issue 11). One node for the binary; `faults` (a 3-node localnet) and
//! `upgrades` (a node running an earlier release) start their own.
mod reliability {
    pub mod actions;
    pub mod authority;
    pub mod common;
    pub mod exhaustion;
    pub mod faults;
    pub mod hostile;
    pub mod layouts;
    pub mod malformed;
    pub mod network;
    pub mod old_release;
    pub mod stream;
    pub mod upgrades;
    pub mod world;
}
