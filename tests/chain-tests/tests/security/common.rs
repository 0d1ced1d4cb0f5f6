//! What the security tests share.
use antelope_test_harness::client::{ChainError, PushOutcome};
use antelope_test_harness::fixture::TestChain;
use antelope_test_harness::keys::PrivateKey;
use coop_runtime::action::level;
use coop_runtime::ActionData;
use eosio::Name;

/// The node shared by this binary's tests.
pub fn chain() -> &'static TestChain {
    TestChain::shared()
}

/// `data` pushed to `contract` as `actor@permission`, signed with `key` alone.
pub fn push_as<A: ActionData>(
    contract: Name,
    actor: Name,
    permission: Name,
    data: &A,
    key: &PrivateKey,
) -> Result<PushOutcome, ChainError> {
    chain().push_signed(contract, &[level(actor, permission)], data, std::slice::from_ref(key))
}
