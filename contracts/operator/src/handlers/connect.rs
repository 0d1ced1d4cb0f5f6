//! `connect`: one transaction that brings a cooperative to life.
use super::{
    own_rows,
    providers::check_provider,
    requests::pending_request,
    setup::{peers, resources},
};
use coop_protocol::operator::{errors::*, *};
use coop_protocol::permissions::CONTRACTS_PERMISSION;
use coop_protocol::soviet::council::{self, COUNCIL_PERMISSION};
use coop_protocol::{registrator, soviet, wallet};
use coop_runtime::{
    action::level,
    asset_math, chain, n,
    system::{
        self, Authority, BuyRam, DelegateBw, LinkAuth, NewAccount, TokenAccounts, TokenTransfer, UpdateAuth, ACTIVE,
        EOSIO_CODE, OWNER,
    },
    ActionData,
};
use eosio::{Asset, Name};

/// The cooperative's permission for the registrator's code: create its members' accounts
/// and buy their resources, nothing else.
pub const ACCOUNTS_PERMISSION: Name = n("accounts");

/// The system actions linked to the cooperative's `accounts` permission.
const ACCOUNT_ACTIONS: [Name; 3] = [NewAccount::NAME, BuyRam::NAME, DelegateBw::NAME];

/// See [`Operator::connect`].
pub fn connect(data: Connect) {
    let me = chain::current_receiver();
    chain::require_auth(me);
    let peers = peers();
    let res = resources();
    let request = pending_request(data.request_id);
    check_provider(request.provider);
    chain::check(!chain::is_account(request.coopname), ERR_COOP_ACCOUNT_EXISTS);
    super::requests::check_no_auction(request.coopname);
    let founders: alloc::vec::Vec<_> = core::iter::once(&request.chairman).chain(request.members.iter()).collect();
    for founder in &founders {
        chain::check(!chain::is_account(founder.username), ERR_FOUNDER_EXISTS);
    }
    check_balance(me, &res, founders.len());

    let coop = request.coopname;
    let operator_code = Authority::accounts(&[level(me, EOSIO_CODE)]);
    // The cooperative's account starts under this contract's code, which sets it up and
    // hands it to the cooperative's key at the end of this same transaction.
    create_account(me, coop, operator_code.clone(), operator_code, res.coop_ram, res.coop_net, res.coop_cpu);
    for founder in &founders {
        create_account(
            me,
            founder.username,
            Authority::accounts(&[level(peers.registrator, EOSIO_CODE)]),
            Authority::key(founder.public_key),
            res.member_ram,
            res.member_net,
            res.member_cpu,
        );
    }

    chain::send(me, &[level(me, ACTIVE)], &Setupcoop { request_id: request.id });
}

/// See [`Operator::setupcoop`].
pub fn setupcoop(data: Setupcoop) {
    let me = chain::current_receiver();
    chain::require_auth(me);
    chain::check(chain::sender() == me, ERR_INTERNAL_STEP);
    let peers = peers();
    let res = resources();
    let mut request = pending_request(data.request_id);
    let coop = request.coopname;

    add_permission(coop, ACCOUNTS_PERMISSION, Authority::accounts(&[level(peers.registrator, EOSIO_CODE)]));
    for action in ACCOUNT_ACTIONS {
        link(coop, system::SYSTEM, action, ACCOUNTS_PERMISSION);
    }
    add_permission(
        coop,
        CONTRACTS_PERMISSION,
        Authority::accounts(&[
            level(peers.registrator, EOSIO_CODE),
            level(peers.soviet, EOSIO_CODE),
            level(peers.wallet, EOSIO_CODE),
        ]),
    );
    // The internal actions our contracts send with `coop@contracts`, so that the
    // cooperative pays the rows that exist because someone belongs to it.
    for (contract, action) in [
        (peers.soviet, soviet::Propose::NAME),
        (peers.registrator, registrator::Acceptjoin::NAME),
        (peers.wallet, wallet::Addmember::NAME),
        (peers.wallet, wallet::Leftcoop::NAME),
    ] {
        link(coop, contract, action, CONTRACTS_PERMISSION);
    }
    add_permission(coop, COUNCIL_PERMISSION, Authority::accounts(&[level(peers.soviet, EOSIO_CODE)]));
    for (owner, action) in council::ALLOWED {
        link(coop, owner.account(&peers), action, COUNCIL_PERMISSION);
    }
    // The provider holds no permission of the cooperative: `provider` is this contract's
    // code, which forwards the provider's allowed actions (`act`) while it is registered.
    add_permission(coop, PROVIDER_PERMISSION, Authority::accounts(&[level(me, EOSIO_CODE)]));
    for (target, action) in PROVIDER_ACTIONS {
        link(coop, target.account(&peers), action, PROVIDER_PERMISSION);
    }
    super::providers::connections(request.provider).save(me, &Connection { coopname: coop });

    let by_me = [level(me, ACTIVE)];
    let founders = core::iter::once(&request.chairman).chain(request.members.iter());
    chain::send(
        peers.registrator,
        &by_me,
        &registrator::Regcoop {
            coopname: coop,
            params: request.params.clone(),
            founders: founders.map(|f| f.username).collect(),
        },
    );
    chain::send(
        peers.soviet,
        &by_me,
        &soviet::Createboard {
            coopname: coop,
            chairman: request.chairman.username,
            members: request.members.iter().map(|m| m.username).collect(),
        },
    );
    chain::send(peers.wallet, &by_me, &wallet::Openledger { coopname: coop, symbol: request.params.symbol });
    if res.coop_funds.amount > 0 {
        chain::send(
            system::TOKEN,
            &by_me,
            &TokenTransfer { from: me, to: coop, quantity: res.coop_funds, memo: "cooperative funds".into() },
        );
    }
    for (kind, title) in registrator::DEFAULT_AGREEMENTS {
        chain::send(
            peers.registrator,
            &[level(coop, ACTIVE)],
            &registrator::Setagreement { coopname: coop, kind, version: 1, title: title.into() },
        );
    }
    let coop_key = Authority::key(request.coop_key);
    chain::send(
        system::SYSTEM,
        &[level(coop, ACTIVE)],
        &UpdateAuth { account: coop, permission: ACTIVE, parent: OWNER, auth: coop_key.clone() },
    );
    chain::send(
        system::SYSTEM,
        &[level(coop, OWNER)],
        &UpdateAuth { account: coop, permission: OWNER, parent: Name::new(0), auth: coop_key },
    );

    request.status = REQUEST_CONNECTED;
    own_rows::<Requests>().update(&request, ERR_REQUEST_NOT_FOUND);
}

/// Aborts with `ERR_OPERATOR_CANNOT_PAY` unless the operator's core balance covers what
/// connecting costs: the cooperative's and each founder's RAM and stake, and the funds it
/// gives the cooperative (checked first, so that a short balance gets our message rather
/// than the token contract's).
fn check_balance(me: Name, res: &ConnectResources, founders: usize) {
    let per_founder = asset_math::add(res.member_ram, res.member_net).and_then(|s| asset_math::add(s, res.member_cpu));
    let total = per_founder.and_then(|each| {
        let mut sum = asset_math::add(res.coop_ram, res.coop_net)?;
        sum = asset_math::add(sum, res.coop_cpu)?;
        sum = asset_math::add(sum, res.coop_funds)?;
        for _ in 0..founders {
            sum = asset_math::add(sum, each)?;
        }
        Ok(sum)
    });
    let balance = chain::Rows::<TokenAccounts>::new(system::TOKEN, me)
        .get(res.coop_ram.symbol.code().as_u64())
        .map_or(0, |row| row.balance.amount);
    chain::check(matches!(total, Ok(total) if balance >= total.amount), ERR_OPERATOR_CANNOT_PAY);
}

/// Creates `name` as `eosio` (through its `connect` permission, so names shorter than
/// twelve characters work on the standard system contract) with RAM and stake paid by
/// the operator.
fn create_account(me: Name, name: Name, owner: Authority, active: Authority, ram: Asset, net: Asset, cpu: Asset) {
    chain::send(
        system::SYSTEM,
        &[level(system::SYSTEM, CONNECT_PERMISSION)],
        &NewAccount { creator: system::SYSTEM, name, owner, active },
    );
    chain::send(system::SYSTEM, &[level(me, ACTIVE)], &BuyRam { payer: me, receiver: name, quant: ram });
    chain::send(
        system::SYSTEM,
        &[level(me, ACTIVE)],
        &DelegateBw { from: me, receiver: name, stake_net_quantity: net, stake_cpu_quantity: cpu, transfer: false },
    );
}

/// Adds `account@permission` (parent `active`) with `authority`.
fn add_permission(account: Name, permission: Name, authority: Authority) {
    chain::send(
        system::SYSTEM,
        &[level(account, ACTIVE)],
        &UpdateAuth { account, permission, parent: ACTIVE, auth: authority },
    );
}

/// Links `code::action` of `account` to `account@permission`.
fn link(account: Name, code: Name, action: Name, permission: Name) {
    chain::send(
        system::SYSTEM,
        &[level(account, ACTIVE)],
        &LinkAuth { account, code, type_: action, requirement: permission },
    );
}
