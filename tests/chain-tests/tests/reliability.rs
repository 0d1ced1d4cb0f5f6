//! Reliability suite (issue 11). One node for the binary.
mod reliability {
    pub mod actions;
    pub mod authority;
    pub mod common;
    pub mod exhaustion;
    pub mod faults;
    pub mod layouts;
    pub mod network;
    pub mod malformed;
    pub mod old_release;
    pub mod stream;
    pub mod upgrades;
    pub mod world;
    pub mod hostile;
}
