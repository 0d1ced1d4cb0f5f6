//! The wallet's action handlers (built for the chain only).
use coop_protocol::wallet::*;

/// The wallet contract.
pub struct Contract;

impl Wallet for Contract {
    fn init(data: Init) {
        coop_runtime::peers::save(data.peers);
    }
}
