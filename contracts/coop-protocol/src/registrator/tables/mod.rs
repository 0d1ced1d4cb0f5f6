//! The registrator's tables. `config`, `cards`, `coops`: scope = the contract;
//! `participants`, `branches`, `applications`, `agreetypes`, `agreements`: scope = the
//! cooperative.
mod agreements;
mod applications;
mod branches;
mod cards;
mod config;
mod coops;
mod participants;

pub use agreements::*;
pub use applications::*;
pub use branches::*;
pub use cards::*;
pub use config::*;
pub use coops::*;
pub use participants::*;
