//! Chain tests of the council's outcomes on connected cooperatives: sealed declines, and
//! free decisions that act on the cooperative through its `council` permission. One node
//! for the binary.
mod council {
    pub mod acting;
    pub mod common;
    pub mod sealed;
}
