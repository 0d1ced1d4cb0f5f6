//! The operator's action handlers (built for the chain only).
use coop_protocol::operator::*;

/// The operator contract.
pub struct Contract;

impl Operator for Contract {
    fn init(data: Init) {
        coop_runtime::peers::save(data.peers);
    }
}
