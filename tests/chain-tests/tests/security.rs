//! Chain tests of the security model (issue 15): each attack found by probing a localnet as a
//! hostile provider, member or stranger, reproduced and shown refused with its exact message.
//! One node for the binary.
mod security {
    pub mod blocked;
    pub mod common;
    pub mod consent;
    pub mod decoding;
    pub mod deployment;
    pub mod limits;
    pub mod providers;
    pub mod recovery;
}
