//! Providers: `addprovider`, `rmprovider`.
use super::setup::peers;
use super::{own_rows, MAX_TEXT};
use alloc::vec::Vec;
use coop_protocol::operator::provider;
use coop_protocol::operator::{errors::*, *};
use coop_runtime::{action::level, chain};
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
pub fn rmprovider(data: Rmprovider) -> bool {
    chain::require_auth(chain::current_receiver());
    let providers = own_rows::<Providers>();
    let connected = connections(data.provider);
    let registered = providers.contains(data.provider.as_u64());
    // One more than a batch, to tell whether any are left after it.
    let batch: Vec<Name> = connected.iter_from(0).take(MAX_ERASED_CONNECTIONS + 1).map(|row| row.coopname).collect();
    chain::check(registered || !batch.is_empty(), ERR_PROVIDER_NOT_FOUND);

    if registered {
        providers.erase(data.provider.as_u64());
    }
    for coop in batch.iter().take(MAX_ERASED_CONNECTIONS) {
        connected.erase(coop.as_u64());
    }
    batch.len() > MAX_ERASED_CONNECTIONS
}

/// See [`Operator::act`].
pub fn act(data: Act) {
    chain::require_auth(data.provider);
    check_provider(data.provider);
    chain::check(connections(data.provider).contains(data.coopname.as_u64()), ERR_NOT_PROVIDERS_COOP);
    if let Err(message) = provider::check_actions(&data.actions, data.coopname, &peers()) {
        chain::fail(message);
    }
    let authorization = [level(data.coopname, PROVIDER_PERMISSION)];
    for action in data.actions {
        chain::send_raw(&eosio::Action {
            account: action.account.into(),
            name: action.name.into(),
            authorization: authorization.to_vec(),
            data: action.data,
        });
    }
}

/// The cooperatives `provider` connected (its scope of `connections`).
pub fn connections(provider: Name) -> chain::Rows<Connections> {
    chain::Rows::new(chain::current_receiver(), provider)
}

/// Aborts unless `provider` is registered.
pub fn check_provider(provider: eosio::Name) {
    chain::check(own_rows::<Providers>().contains(provider.as_u64()), ERR_PROVIDER_NOT_FOUND);
}
