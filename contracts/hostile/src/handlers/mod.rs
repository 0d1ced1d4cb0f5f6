//! The hostile contract's handlers (built for the chain only).
mod inline;
pub mod notifications;

use crate::protocol::*;

/// The hostile contract.
pub struct Contract;

impl Hostile for Contract {
    fn init(data: Init) {
        coop_runtime::peers::save(data.peers);
    }
    fn internal(data: Internal) {
        inline::internal(data);
    }
    fn asvictim(data: Asvictim) {
        inline::asvictim(data);
    }
    fn arm(data: Arm) {
        inline::arm(data);
    }
}
