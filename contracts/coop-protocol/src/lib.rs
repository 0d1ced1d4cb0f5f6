//! The public API of the four contracts, one module each: the data of every action, the
//! rows of every table, every error message, and the ABI generated from them.
//!
//! The contracts implement these interfaces; tests, tools and clients build actions and
//! decode rows with the very same types. Keeping them in one crate lets the contracts call
//! each other with typed inline actions without depending on each other.
#![no_std]

extern crate alloc;

pub mod blocked;
mod carried;
pub mod common_errors;
pub mod consent;
#[cfg(test)]
mod error_lists;
pub mod operator;
pub mod permissions;
pub mod registrator;
pub mod soviet;
pub mod wallet;

#[cfg(test)]
mod tests {
    /// Building an ABI checks that the wire shape every action's data is checked against
    /// (and every result's and row's) is the one the ABI publishes.
    #[test]
    fn every_wire_shape_matches_the_published_abi() {
        for abi in [super::operator::abi(), super::registrator::abi(), super::soviet::abi(), super::wallet::abi()] {
            assert!(!abi.actions.is_empty());
        }
    }
}
