//! Providers: `addprovider`, `rmprovider`.
use super::{own_rows, MAX_TEXT};
use coop_protocol::operator::{errors::*, *};
use coop_runtime::{
    action::level,
    chain,
    system::{self, Authority, UpdateAuth, ACTIVE},
};
use eosio::Name;

/// See [`Operator::addprovider`].
pub fn addprovider(data: Addprovider) {
    let me = chain::current_receiver();
    chain::require_auth(me);
    let providers = own_rows::<Providers>();
    chain::check(chain::is_account(data.provider), ERR_PROVIDER_ACCOUNT_MISSING);
    chain::check(!providers.contains(data.provider.as_u64()), ERR_PROVIDER_EXISTS);
    chain::check(connections(data.provider).iter_from(0).next().is_none(), ERR_PROVIDER_BEING_REMOVED);
    chain::check(data.title.len() <= MAX_TEXT, ERR_TEXT_TOO_LONG);
    providers.save(me, &Provider { provider: data.provider, title: data.title, added_at: chain::now() });
}

/// See [`Operator::rmprovider`].
pub fn rmprovider(data: Rmprovider) -> u32 {
    chain::require_auth(chain::current_receiver());
    let providers = own_rows::<Providers>();
    let connected = connections(data.provider);
    let registered = providers.contains(data.provider.as_u64());
    let cooperatives: alloc::vec::Vec<Name> = connected.iter_from(0).map(|row| row.coopname).collect();
    chain::check(registered || !cooperatives.is_empty(), ERR_PROVIDER_NOT_FOUND);

    if registered {
        providers.erase(data.provider.as_u64());
    }
    let (now, later) = cooperatives.split_at(cooperatives.len().min(MAX_REVOCATIONS));
    for coop in now {
        revoke(*coop);
        connected.erase(coop.as_u64());
    }
    later.len() as u32
}

/// Hands `coop@provider` back to the cooperative: its authority becomes `coop@active`, so
/// only the cooperative's own key satisfies it. Signed with `coop@operator`, the parent of
/// `coop@provider`, which only this contract's code satisfies.
fn revoke(coop: Name) {
    chain::send(
        system::SYSTEM,
        &[level(coop, OPERATOR_PERMISSION)],
        &UpdateAuth {
            account: coop,
            permission: PROVIDER_PERMISSION,
            parent: OPERATOR_PERMISSION,
            auth: Authority::accounts(&[level(coop, ACTIVE)]),
        },
    );
}

/// The cooperatives `provider` connected (its scope of `connections`).
pub fn connections(provider: Name) -> chain::Rows<Connections> {
    chain::Rows::new(chain::current_receiver(), provider)
}

/// Aborts unless `provider` is registered.
pub fn check_provider(provider: eosio::Name) {
    chain::check(own_rows::<Providers>().contains(provider.as_u64()), ERR_PROVIDER_NOT_FOUND);
}
