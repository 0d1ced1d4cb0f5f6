//! The soviet's action handlers (built for the chain only).
use coop_protocol::soviet::*;

/// The soviet contract.
pub struct Contract;

impl Soviet for Contract {
    fn init(data: Init) {
        coop_runtime::peers::save(data.peers);
    }
}
