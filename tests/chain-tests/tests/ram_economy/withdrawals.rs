//! One open withdrawal per member: a member who tries a hundred times gets the limit's
//! message, and no contract account's RAM moves (the member pays the withdrawal, the
//! cooperative its decision).
use super::common::add_share;
use antelope_test_harness::cooperative::rub;
use antelope_test_harness::fixture::TestChain;
use coop_protocol::soviet::Decisions;
use coop_protocol::wallet::{errors::ERR_WITHDRAWAL_OPEN, Withdraw, Withdrawals};

/// Attempts the member makes.
const ATTEMPTS: usize = 100;

#[test]
fn a_hundred_withdrawal_attempts_open_one_and_cost_our_contracts_nothing() {
    let _serial = super::common::one_at_a_time();
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let member = &coop.members[0];
    add_share(chain, &coop, member, "1.0000");
    let before = chain.contracts_ram_usage();
    let tables = [
        (chain.peers.wallet, "withdrawals"),
        (chain.peers.wallet, "wallets"),
        (chain.peers.soviet, "decisions"),
        (chain.peers.wallet, "ledgers"),
    ];

    let mut refused = 0;
    let mut after_first = None;
    for attempt in 0..ATTEMPTS {
        let data = Withdraw {
            coopname: coop.name,
            username: member.name,
            quantity: rub("0.0001"),
            statement: Default::default(),
        };
        let data = member.signs(&chain.peers, &format!("Withdrawal attempt {attempt}"), data);
        match chain.push(chain.peers.wallet, &[member.name], &data) {
            Ok(outcome) => {
                assert_eq!(attempt, 0, "only the first attempt opens a withdrawal");
                assert!(outcome.ram_delta(member.name) > 0, "the member pays the withdrawal");
                assert!(outcome.ram_delta(coop.name) > 0, "the cooperative pays the decision");
                after_first = Some(chain.packed_tables(coop.name, &tables));
            }
            Err(e) => {
                assert_eq!(e.assertion_message(), Some(ERR_WITHDRAWAL_OPEN), "attempt {attempt}");
                assert_eq!(Some(chain.packed_tables(coop.name, &tables)), after_first, "a refusal writes nothing");
                refused += 1;
            }
        }
    }

    assert_eq!(refused, ATTEMPTS - 1);
    assert_eq!(chain.rows::<Withdrawals>(chain.peers.wallet, coop.name).len(), 1);
    assert_eq!(chain.rows::<Decisions>(chain.peers.soviet, coop.name).len(), 1);
    assert_eq!(chain.contracts_ram_usage(), before, "our contract accounts pay for no withdrawal");
}
