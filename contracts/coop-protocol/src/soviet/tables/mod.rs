//! The soviet's tables. `boards`, `settings`, `counters`: scope = the contract, one row per
//! cooperative; `decisions`, `proposers`: scope = the cooperative.
mod boards;
mod decisions;
mod settings;

pub use boards::*;
pub use decisions::*;
pub use settings::*;
