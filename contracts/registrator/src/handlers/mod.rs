//! The registrator's action handlers (built for the chain only).
mod accounts;
mod cooperatives;
mod setup;

use coop_protocol::registrator::*;
use coop_runtime::chain;

/// The registrator contract.
pub struct Contract;

impl Registrator for Contract {
    fn init(data: Init) {
        setup::init(data);
    }
    fn regcoop(data: Regcoop) {
        cooperatives::regcoop(data);
    }
    fn newaccount(data: Newaccount) {
        accounts::newaccount(data);
    }
    fn evcoopreg(_: EvCoopReg) {
        chain::event_received();
    }
    fn evaccount(_: EvAccount) {
        chain::event_received();
    }
}
