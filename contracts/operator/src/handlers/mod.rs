//! The operator's action handlers (built for the chain only).
use crate::{actions::*, Operator};

/// The operator contract.
pub struct Contract;

impl Operator for Contract {
    fn init(data: Init) {
        coop_runtime::peers::save(data.peers);
    }
}
