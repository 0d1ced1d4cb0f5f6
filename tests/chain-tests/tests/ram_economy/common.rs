//! What the RAM-economy tests share: imported members, share deposits, one test at a time.
use antelope_test_harness::cooperative::{rub, Person, TestCoop};
use antelope_test_harness::fixture::TestChain;
use coop_protocol::wallet::{Confirm, Deposit, KIND_SHARE};

/// `person` (an accepted participant) announces a share deposit of `amount`, the
/// cooperative confirms it.
pub fn add_share(chain: &TestChain, coop: &TestCoop, person: &Person, amount: &str) {
    let data = Deposit {
        coopname: coop.name,
        username: person.name,
        kind: KIND_SHARE,
        quantity: rub(amount),
        memo: String::new(),
    };
    let deposit_id: u64 = chain.ok(chain.peers.wallet, &[person.name], &data).return_value();
    let confirm = Confirm { coopname: coop.name, deposit_id, memo: String::new() };
    chain.ok(chain.peers.wallet, &[coop.name], &confirm);
}

/// Tests that compare our contract accounts' RAM before and after run one at a time: a
/// cooperative connected by another test in between changes the operator's (a fixed
/// amount per cooperative, paid at connection).
pub fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
