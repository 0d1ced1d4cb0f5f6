//! The wallet's tables. `ledgers`, `counters`: scope = the contract, one row per
//! cooperative; `wallets`, `deposits`, `regdeposits`, `withdrawals`: scope = the cooperative.
mod counters;
mod deposits;
mod ledgers;
mod wallets;
mod withdrawals;

pub use counters::*;
pub use deposits::*;
pub use ledgers::*;
pub use wallets::*;
pub use withdrawals::*;
