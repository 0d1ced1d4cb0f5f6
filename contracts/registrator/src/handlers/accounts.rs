//! Account creation: `newaccount`.
use super::{cooperatives::active_coop, setup::config};
use coop_protocol::registrator::{errors::*, *};
use coop_runtime::{
    action::level,
    asset_math, chain, n,
    name::is_plain_twelve,
    system::{self, Authority, BuyRam, DelegateBw, NewAccount, TokenAccounts, EOSIO_CODE},
};
use eosio::Name;

/// Longest card `meta`, in bytes.
pub const MAX_META: usize = 1024;

/// The cooperative's permission that lets the registrator's code create accounts and
/// buy their resources in the cooperative's name (linked to `eosio::newaccount`,
/// `eosio::buyram` and `eosio::delegatebw` only).
pub const ACCOUNTS_PERMISSION: Name = n("accounts");

/// See [`coop_protocol::registrator::Registrator::newaccount`].
pub fn newaccount(data: Newaccount) {
    chain::require_auth(data.coopname);
    let settings = config();
    active_coop(data.coopname);

    let me = chain::current_receiver();
    let cards = chain::Rows::<Cards>::new(me, me);
    chain::check(is_plain_twelve(data.username), ERR_BAD_USERNAME);
    chain::check(!chain::is_account(data.username), ERR_ACCOUNT_EXISTS);
    chain::check(!cards.contains(data.username.as_u64()), ERR_CARD_EXISTS);
    chain::check(is_account_type(data.r#type), ERR_BAD_TYPE);
    chain::check(
        data.referer.as_u64() == 0 || cards.contains(data.referer.as_u64()),
        ERR_REFERER_NOT_FOUND,
    );
    chain::check(data.meta.len() <= MAX_META, ERR_TEXT_TOO_LONG);
    let r = &settings.resources;
    let cost = asset_math::add(r.ram, r.net).and_then(|sum| asset_math::add(sum, r.cpu));
    let balance = chain::Rows::<TokenAccounts>::new(system::TOKEN, data.coopname)
        .get(r.ram.symbol.code().as_u64())
        .map(|row| row.balance.amount)
        .unwrap_or(0);
    chain::check(
        matches!(cost, Ok(cost) if balance >= cost.amount),
        ERR_COOP_CANNOT_PAY,
    );

    let payer = [level(data.coopname, ACCOUNTS_PERMISSION)];
    chain::send(
        system::SYSTEM,
        &payer,
        &NewAccount {
            creator: data.coopname,
            name: data.username,
            owner: Authority::accounts(&[level(me, EOSIO_CODE)]),
            active: Authority::key(data.public_key),
        },
    );
    chain::send(
        system::SYSTEM,
        &payer,
        &BuyRam {
            payer: data.coopname,
            receiver: data.username,
            quant: r.ram,
        },
    );
    chain::send(
        system::SYSTEM,
        &payer,
        &DelegateBw {
            from: data.coopname,
            receiver: data.username,
            stake_net_quantity: r.net,
            stake_cpu_quantity: r.cpu,
            transfer: false,
        },
    );
    cards.save(
        data.coopname,
        &Card {
            username: data.username,
            coopname: data.coopname,
            r#type: data.r#type,
            status: CARD_PENDING,
            referer: data.referer,
            meta: data.meta,
            created_at: chain::now(),
        },
    );
    chain::emit(&EvAccount {
        coopname: data.coopname,
        username: data.username,
        r#type: data.r#type,
    });
}
