//! Reading the settings and the registrator's registry; `setttl`.
use coop_protocol::registrator::{readers, Participant};
use coop_protocol::soviet::{errors::*, *};
use coop_runtime::{chain, Peers};
use eosio::{Name, Table};

/// The peer contracts, or abort when `init` has not run.
pub fn peers() -> Peers {
    coop_runtime::peers::load(ERR_NOT_INITIALIZED)
}

/// Table `T` of this contract in its own scope.
pub fn own<T: Table>() -> chain::Rows<T> {
    let me = chain::current_receiver();
    chain::Rows::new(me, me)
}

/// Table `T` of this contract in the cooperative's scope.
pub fn coop_rows<T: Table>(coopname: Name) -> chain::Rows<T> {
    chain::Rows::new(chain::current_receiver(), coopname)
}

/// The decisions of `coopname`.
pub fn decisions(coopname: Name) -> chain::Rows<Decisions> {
    coop_rows(coopname)
}

/// Decision `id` of `coopname`, or abort: `ERR_DECISION_ENDED` for an id that was given
/// out and whose decision has since been executed, declined or closed (and erased),
/// `ERR_DECISION_NOT_FOUND` for one never given out.
pub fn open_decision(coopname: Name, id: u64) -> Decision {
    if let Some(decision) = decisions(coopname).get(id) {
        return decision;
    }
    let last_id = own::<Counters>().get(coopname.as_u64()).map_or(0, |c| c.last_id);
    chain::fail(if id >= 1 && id <= last_id { ERR_DECISION_ENDED } else { ERR_DECISION_NOT_FOUND })
}

/// The council of `coopname`, or abort.
pub fn board(coopname: Name) -> Board {
    own::<Boards>().get_or_fail(coopname.as_u64(), ERR_BOARD_NOT_FOUND)
}

/// Aborts unless `coopname` is registered with the registrator and active.
pub fn require_active_coop(peers: &Peers, coopname: Name) {
    readers::active_cooperative(peers.registrator, coopname);
}

/// `username`'s participant row in `coopname` (from the registrator), if any.
pub fn participant(peers: &Peers, coopname: Name, username: Name) -> Option<Participant> {
    readers::participant(peers.registrator, coopname, username)
}

/// How long new decisions of `coopname` stay open, in seconds.
pub fn decision_ttl(coopname: Name) -> u32 {
    own::<Settings>().get(coopname.as_u64()).map_or(DEFAULT_DECISION_TTL, |s| s.decision_ttl)
}

/// See [`Soviet::setttl`].
pub fn setttl(data: Setttl) {
    chain::require_auth(data.coopname);
    let peers = peers();
    require_active_coop(&peers, data.coopname);
    chain::check((MIN_DECISION_TTL..=MAX_DECISION_TTL).contains(&data.seconds), ERR_BAD_TTL);

    own::<Settings>().save(data.coopname, &CoopSettings { coopname: data.coopname, decision_ttl: data.seconds });
}
