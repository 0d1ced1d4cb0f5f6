//! Temporary: my reliability modules alone while the shared root does not build.
mod reliability {
    #[path = "../reliability/actions.rs"]
    pub mod actions;
    #[path = "../reliability/authority.rs"]
    pub mod authority;
    #[path = "../reliability/common.rs"]
    pub mod common;
    #[path = "../reliability/exhaustion.rs"]
    pub mod exhaustion;
    #[path = "../reliability/malformed.rs"]
    pub mod malformed;
    #[path = "../reliability/world.rs"]
    pub mod world;
}
