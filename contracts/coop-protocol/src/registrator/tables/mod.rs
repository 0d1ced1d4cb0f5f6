//! The registrator's tables (scope = the contract account).
mod cards;
mod config;
mod coops;

pub use cards::*;
pub use config::*;
pub use coops::*;
