//! The cooperatives registry: `regcoop`, `setstatus`.
use super::model::{cooperatives::active_coop, members::add_participant};
use super::{own_rows, setup::peers};
use coop_protocol::registrator::{errors::*, *};
use coop_runtime::chain;
use eosio::Name;

/// Most founders a cooperative can be registered with (the chairman and the council).
pub const MAX_FOUNDERS: usize = 25;

/// See [`Registrator::regcoop`].
pub fn regcoop(data: Regcoop) {
    let peers = peers();
    chain::require_auth(peers.operator);

    let coops = own_rows::<Coops>();
    let cards = own_rows::<Cards>();
    chain::check(chain::is_account(data.coopname), ERR_COOP_ACCOUNT_MISSING);
    chain::check(!coops.contains(data.coopname.as_u64()), ERR_COOP_EXISTS);
    if let Err(message) = rules::check_params(&data.params) {
        chain::fail(message);
    }
    chain::check(!data.founders.is_empty(), ERR_NO_FOUNDERS);
    chain::check(data.founders.len() <= MAX_FOUNDERS, ERR_TOO_MANY_MEMBERS);
    for (i, founder) in data.founders.iter().enumerate() {
        chain::check(!data.founders[..i].contains(founder), ERR_DUPLICATE_MEMBER);
        chain::check(chain::is_account(*founder), ERR_FOUNDER_MISSING);
        chain::check(!cards.contains(founder.as_u64()), ERR_CARD_EXISTS);
    }

    let now = chain::now();
    let p = data.params;
    coops.save(
        peers.operator,
        &Cooperative {
            username: data.coopname,
            status: COOP_ACTIVE,
            symbol: p.symbol,
            initial: p.initial,
            minimum: p.minimum,
            org_initial: p.org_initial,
            org_minimum: p.org_minimum,
            announce: p.announce,
            description: p.description,
            is_branched: false,
            branch_count: 0,
            created_at: now,
        },
    );
    for founder in &data.founders {
        cards.save(
            peers.operator,
            &Card {
                username: *founder,
                coopname: data.coopname,
                r#type: TYPE_INDIVIDUAL,
                status: CARD_ACTIVE,
                referer: Name::new(0),
                meta: alloc::string::String::new(),
                created_at: now,
            },
        );
        add_participant(data.coopname, *founder, TYPE_INDIVIDUAL, Name::new(0), now, peers.operator);
    }
}

/// See [`Registrator::setstatus`].
pub fn setstatus(data: Setstatus) {
    chain::require_auth(peers().operator);
    chain::check(data.status == COOP_ACTIVE || data.status == COOP_BLOCKED, ERR_BAD_STATUS);
    let coops = own_rows::<Coops>();
    let mut coop = coops.get_or_fail(data.coopname.as_u64(), ERR_COOP_NOT_FOUND);
    coop.status = data.status;
    coops.update(&coop, ERR_COOP_NOT_FOUND);
}

/// See [`Registrator::setfees`].
pub fn setfees(data: Setfees) {
    chain::require_auth(data.coopname);
    let mut coop = active_coop(data.coopname);
    let fees = [&data.initial, &data.minimum, &data.org_initial, &data.org_minimum];
    if let Err(message) = rules::check_fees(coop.symbol, fees) {
        chain::fail(message);
    }

    coop.initial = data.initial;
    coop.minimum = data.minimum;
    coop.org_initial = data.org_initial;
    coop.org_minimum = data.org_minimum;
    own_rows::<Coops>().update(&coop, ERR_COOP_NOT_FOUND);
}
