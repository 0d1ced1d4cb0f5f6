//! Accounts: `newaccount`, `changekey`, and the account creation `adduser` shares.
use super::model::{
    cooperatives::active_coop,
    members::{check_new_member, create_member, NewMember},
};
use super::{own_rows, rows};
use coop_protocol::registrator::{errors::*, *};
use coop_protocol::soviet::council::COUNCIL_PERMISSION;
use coop_runtime::{
    action::level,
    chain,
    system::{self, Authority, UpdateAuth, ACTIVE, OWNER},
};

/// See [`Registrator::newaccount`].
pub fn newaccount(data: Newaccount) {
    chain::require_auth(data.coopname);
    let member = NewMember {
        coopname: data.coopname,
        username: data.username,
        kind: data.r#type,
        public_key: data.public_key,
        referer: data.referer,
        meta: data.meta,
        status: CARD_PENDING,
    };
    check_new_member(&member);
    create_member(member);
}

/// See [`Registrator::changekey`].
pub fn changekey(data: Changekey) {
    // Only an executed decision of the council: `coop@council` is satisfied by the soviet's
    // code alone, and the soviet sends it only on `exec` of an authorised free decision.
    chain::require_auth2(data.coopname, COUNCIL_PERMISSION);
    // ... and sent by the soviet itself: the cooperative's own key could otherwise rewrite
    // `coop@council` (a child of its `active`) and declare it on a top-level push.
    chain::check(chain::sender() == super::setup::peers().soviet, ERR_KEY_CHANGE_NOT_BY_COUNCIL);
    active_coop(data.coopname);
    chain::check(rows::<Participants>(data.coopname).contains(data.username.as_u64()), ERR_NOT_PARTICIPANT);
    let card = own_rows::<Cards>().get_or_fail(data.username.as_u64(), ERR_CARD_NOT_FOUND);
    chain::check(card.coopname == data.coopname, ERR_NOT_COOPS_CARD);
    chain::send(
        system::SYSTEM,
        &[level(data.username, OWNER)],
        &UpdateAuth {
            account: data.username,
            permission: ACTIVE,
            parent: OWNER,
            auth: Authority::key(data.public_key),
        },
    );
}
