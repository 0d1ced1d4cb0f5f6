//! Pushing with known keys. The harness's usual push asks the node which keys of the
//! client's keyring a transaction needs (`get_required_keys`, every key of the keyring
//! sent along); with the tens of thousands of people a long run makes that would grow
//! slower with every one. Here each signer comes with its key, the transaction is signed
//! with exactly those, and the keyring stays as it was.
use antelope_client::client::PushOutcome;
use antelope_client::keys::PrivateKey;
use antelope_test_harness::cooperative::Person;
use antelope_test_harness::fixture::{unique_name, TestChain};
use coop_runtime::action::level;
use coop_runtime::system::ACTIVE;
use coop_runtime::ActionData;
use eosio::{Action, Name, PermissionLevel};

/// A new person: a fresh name starting with `prefix` and a fresh key (not in any keyring).
pub fn person(prefix: &str) -> Person {
    Person { name: unique_name(prefix), key: PrivateKey::generate() }
}

/// `account` with the development key (the system and contract accounts, providers).
pub fn dev(account: Name) -> Person {
    Person { name: account, key: PrivateKey::dev() }
}

/// Pushes `data` to `contract`, signed by `signers` (each `active`); panics with the
/// node's error when it fails.
#[track_caller]
pub fn push<A: ActionData>(chain: &TestChain, contract: Name, signers: &[&Person], data: &A) -> PushOutcome {
    let levels: Vec<PermissionLevel> = signers.iter().map(|s| level(s.name, ACTIVE)).collect();
    push_actions(chain, vec![data.to_action(contract, &levels)], signers)
        .unwrap_or_else(|e| panic!("{contract}::{} failed: {e}", A::NAME))
}

/// Pushes `actions` in one transaction signed with the keys of `signers`.
pub fn push_actions(
    chain: &TestChain,
    actions: Vec<Action<Vec<u8>>>,
    signers: &[&Person],
) -> Result<PushOutcome, antelope_client::client::ChainError> {
    let mut keys: Vec<PrivateKey> = Vec::with_capacity(signers.len());
    for signer in signers {
        if !keys.contains(&signer.key) {
            keys.push(signer.key.clone());
        }
    }
    chain.client.push_actions_with_keys(actions, &keys)
}
