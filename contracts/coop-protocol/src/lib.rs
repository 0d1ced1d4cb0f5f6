//! The public API of the four contracts, one module each: the data of every action, the
//! rows of every table, every error message, and the ABI generated from them.
//!
//! The contracts implement these interfaces; tests, tools and clients build actions and
//! decode rows with the very same types. Keeping them in one crate lets the contracts call
//! each other with typed inline actions without depending on each other.
#![no_std]

extern crate alloc;

pub mod operator;
pub mod permissions;
pub mod registrator;
pub mod soviet;
pub mod wallet;
