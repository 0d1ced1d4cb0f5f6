//! Notifications: a transfer to the hostile account is forwarded to our contracts and sets
//! off the armed plan; any other action pushed to it is echoed to them.
use crate::protocol::*;
use coop_runtime::{action::level, chain, system};
use eosio::Read;
use eosio_cdt::sys;

/// On `eosio.token::transfer` to this account: forward the notification to our contracts,
/// then send the armed plan, if any (declaring the payer's `active` when it says so).
pub fn forward() {
    let me = chain::current_receiver();
    let Ok(transfer) = system::TokenTransfer::unpack(action_data()) else { return };
    if transfer.to != me {
        return;
    }
    notify_peers();
    if let Some(plan) = chain::Rows::<Plans>::new(me, me).get(0) {
        let mut action = plan.action.to_action();
        if plan.as_payer {
            action.authorization = alloc::vec![level(transfer.from, system::ACTIVE)];
        }
        chain::send_raw(&action);
    }
}

/// Any other action pushed to this account (e.g. `hostile::acceptjoin` with
/// `registrator::acceptjoin`'s data): our contracts get it as a notification.
pub fn echo() {
    notify_peers();
}

/// `require_recipient` of each of our contracts.
fn notify_peers() {
    let peers = coop_runtime::peers::load(ERR_NOT_INITIALIZED);
    for account in [peers.operator, peers.registrator, peers.soviet, peers.wallet] {
        unsafe { sys::require_recipient(account.as_u64()) };
    }
}

/// The action's data, packed.
fn action_data() -> alloc::vec::Vec<u8> {
    let size = unsafe { sys::action_data_size() } as usize;
    let mut bytes = alloc::vec![0u8; size];
    unsafe { sys::read_action_data(bytes.as_mut_ptr().cast(), size as u32) };
    bytes
}
