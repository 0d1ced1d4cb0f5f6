//! Providers: `addprovider`, `rmprovider`.
use super::{own_rows, MAX_TEXT};
use coop_protocol::operator::{errors::*, *};
use coop_runtime::chain;

/// See [`Operator::addprovider`].
pub fn addprovider(data: Addprovider) {
    let me = chain::current_receiver();
    chain::require_auth(me);
    let providers = own_rows::<Providers>();
    chain::check(chain::is_account(data.provider), ERR_PROVIDER_ACCOUNT_MISSING);
    chain::check(!providers.contains(data.provider.as_u64()), ERR_PROVIDER_EXISTS);
    chain::check(data.title.len() <= MAX_TEXT, ERR_TEXT_TOO_LONG);
    providers.save(me, &Provider { provider: data.provider, title: data.title, added_at: chain::now() });
}

/// See [`Operator::rmprovider`].
pub fn rmprovider(data: Rmprovider) {
    chain::require_auth(chain::current_receiver());
    let providers = own_rows::<Providers>();
    chain::check(providers.contains(data.provider.as_u64()), ERR_PROVIDER_NOT_FOUND);
    providers.erase(data.provider.as_u64());
}

/// Aborts unless `provider` is registered.
pub fn check_provider(provider: eosio::Name) {
    chain::check(own_rows::<Providers>().contains(provider.as_u64()), ERR_PROVIDER_NOT_FOUND);
}
