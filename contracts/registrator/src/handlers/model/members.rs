//! Members: their accounts and cards, their participant rows and their wallets.
use super::{branches::join_branch, cooperatives::active_coop};
use crate::handlers::{
    own_rows, rows,
    setup::{config, peers},
};
use coop_protocol::permissions::paid_by_coop;
use coop_protocol::registrator::{errors::*, *};
use coop_protocol::wallet::Addmember;
use coop_runtime::{
    action::level,
    asset_math, chain, n,
    name::is_plain_twelve,
    system::{self, Authority, BuyRam, DelegateBw, NewAccount, TokenAccounts, EOSIO_CODE},
    PublicKey,
};
use eosio::{Name, TimePointSec};

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

/// Every check of a new member account; the caller has checked the signature. Returns
/// the cooperative (active).
pub fn check_new_member(m: &NewMember) -> Cooperative {
    let coop = active_coop(m.coopname);
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
    coop
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

/// Writes an accepted participant (payer `payer`) and counts them in their branch.
pub fn add_participant(
    coopname: Name,
    username: Name,
    kind: Name,
    braname: Name,
    joined_at: TimePointSec,
    payer: Name,
) {
    rows::<Participants>(coopname)
        .save(payer, &Participant { username, r#type: kind, status: PARTICIPANT_ACCEPTED, braname, joined_at });
    if braname.as_u64() != 0 {
        join_branch(coopname, braname, 1);
    }
}

/// Asks the wallet to open the member's wallet and book their fees; the cooperative pays
/// the wallet row (through its `contracts` permission).
pub fn book_fees(coopname: Name, username: Name, deposit_id: u64, initial: eosio::Asset, minimum: eosio::Asset) {
    let peers = peers();
    let me = chain::current_receiver();
    chain::send(
        peers.wallet,
        &paid_by_coop(me, coopname),
        &Addmember { coopname, username, deposit_id, initial, minimum },
    );
}
