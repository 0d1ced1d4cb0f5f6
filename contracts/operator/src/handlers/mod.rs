//! The operator's action handlers (built for the chain only).
mod connect;
mod providers;
mod requests;
mod setup;

use coop_protocol::operator::*;
use coop_runtime::chain;

/// The operator contract.
pub struct Contract;

impl Operator for Contract {
    fn init(data: Init) {
        setup::init(data);
    }
    fn addprovider(data: Addprovider) {
        providers::addprovider(data);
    }
    fn rmprovider(data: Rmprovider) -> bool {
        providers::rmprovider(data)
    }
    fn request(data: Request) -> u64 {
        requests::request(data)
    }
    fn connect(data: Connect) {
        connect::connect(data);
    }
    fn setupcoop(data: Setupcoop) {
        connect::setupcoop(data);
    }
    fn act(data: Act) {
        providers::act(data);
    }
    fn reject(data: Reject) {
        requests::reject(data);
    }
    fn setstatus(data: Setstatus) {
        setup::setstatus(data);
    }
}

/// The table `T` of this contract in its own scope.
fn own_rows<T: eosio::Table>() -> chain::Rows<T> {
    let me = chain::current_receiver();
    chain::Rows::new(me, me)
}

/// Longest provider title or rejection reason, in bytes.
pub const MAX_TEXT: usize = 256;
