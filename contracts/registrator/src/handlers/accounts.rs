//! Accounts: `newaccount`, `changekey`, and the account creation `adduser` shares.
use super::{cooperatives::active_coop, own_rows, rows, setup::config};
use coop_protocol::registrator::{errors::*, *};
use coop_protocol::soviet::council::COUNCIL_PERMISSION;
use coop_runtime::{
    action::level,
    asset_math, chain, n,
    name::is_plain_twelve,
    system::{self, Authority, BuyRam, DelegateBw, NewAccount, TokenAccounts, UpdateAuth, ACTIVE, EOSIO_CODE, OWNER},
    PublicKey,
};
use eosio::Name;

/// Longest card `meta`, in bytes.
pub const MAX_META: usize = 1024;

/// The cooperative's permission that lets the registrator's code create accounts and
/// buy their resources in the cooperative's name (linked to `eosio::newaccount`,
/// `eosio::buyram` and `eosio::delegatebw` only).
pub const ACCOUNTS_PERMISSION: Name = n("accounts");

/// A new member account as `newaccount` and `adduser` create it.
pub struct NewMember {
    pub coopname: Name,
    pub username: Name,
    pub kind: Name,
    pub public_key: PublicKey,
    pub referer: Name,
    pub meta: alloc::string::String,
    /// `pending` (applicant) or `active` (imported member).
    pub status: Name,
}

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

/// Every check of a new member account; the caller has checked the signature.
pub fn check_new_member(m: &NewMember) {
    active_coop(m.coopname);
    let cards = own_rows::<Cards>();
    chain::check(is_plain_twelve(m.username), ERR_BAD_USERNAME);
    chain::check(!cards.contains(m.username.as_u64()), ERR_CARD_EXISTS);
    chain::check(!chain::is_account(m.username), ERR_ACCOUNT_EXISTS);
    chain::check(is_account_type(m.kind), ERR_BAD_TYPE);
    chain::check(m.referer.as_u64() == 0 || cards.contains(m.referer.as_u64()), ERR_REFERER_NOT_FOUND);
    chain::check(m.meta.len() <= MAX_META, ERR_TEXT_TOO_LONG);
    let r = config().resources;
    let cost = asset_math::add(r.ram, r.net).and_then(|sum| asset_math::add(sum, r.cpu));
    let balance = chain::Rows::<TokenAccounts>::new(system::TOKEN, m.coopname)
        .get(r.ram.symbol.code().as_u64())
        .map(|row| row.balance.amount)
        .unwrap_or(0);
    chain::check(matches!(cost, Ok(cost) if balance >= cost.amount), ERR_COOP_CANNOT_PAY);
}

/// Creates the account (paid by the cooperative through its `accounts` permission) and
/// its card (RAM paid by the cooperative, which signed).
pub fn create_member(m: NewMember) {
    let me = chain::current_receiver();
    let r = config().resources;
    let payer = [level(m.coopname, ACCOUNTS_PERMISSION)];
    chain::send(
        system::SYSTEM,
        &payer,
        &NewAccount {
            creator: m.coopname,
            name: m.username,
            owner: Authority::accounts(&[level(me, EOSIO_CODE)]),
            active: Authority::key(m.public_key),
        },
    );
    chain::send(system::SYSTEM, &payer, &BuyRam { payer: m.coopname, receiver: m.username, quant: r.ram });
    chain::send(
        system::SYSTEM,
        &payer,
        &DelegateBw {
            from: m.coopname,
            receiver: m.username,
            stake_net_quantity: r.net,
            stake_cpu_quantity: r.cpu,
            transfer: false,
        },
    );
    own_rows::<Cards>().save(
        m.coopname,
        &Card {
            username: m.username,
            coopname: m.coopname,
            r#type: m.kind,
            status: m.status,
            referer: m.referer,
            meta: m.meta,
            created_at: chain::now(),
        },
    );
}

/// See [`Registrator::changekey`].
pub fn changekey(data: Changekey) {
    // Only an executed decision of the council: `coop@council` is satisfied by the soviet's
    // code alone, and the soviet sends it only on `exec` of an authorised free decision.
    chain::require_auth2(data.coopname, COUNCIL_PERMISSION);
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
