//! Members cost their cooperative, never our contracts: 500 participants imported into one
//! cooperative leave the four contract accounts' RAM exactly as it was.
use antelope_test_harness::boot::core;
use antelope_test_harness::cooperative::{import_of, Person};
use antelope_test_harness::fixture::TestChain;
use coop_protocol::registrator::Participants;
use coop_protocol::wallet::Wallets;
use coop_runtime::action::level;
use coop_runtime::system::{BuyRamBytes, TokenTransfer, ACTIVE, SYSTEM, TOKEN};
use coop_runtime::ActionData;

/// How many participants the test adds.
const PARTICIPANTS: usize = 500;
/// How many `adduser` actions go in one transaction.
const PER_TRANSACTION: usize = 10;

#[test]
fn five_hundred_participants_leave_our_contracts_ram_unchanged() {
    let _serial = super::common::one_at_a_time();
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    // The cooperative buys what 500 members cost it: accounts and the rows it pays for.
    let funds = TokenTransfer { from: SYSTEM, to: coop.name, quantity: core("200.0000"), memo: "members".into() };
    chain.ok(TOKEN, &[SYSTEM], &funds);
    chain.ok(SYSTEM, &[coop.name], &BuyRamBytes { payer: coop.name, receiver: coop.name, bytes: 400 * 1024 });
    let before = chain.contracts_ram_usage();

    for batch in 0..PARTICIPANTS / PER_TRANSACTION {
        let actions = (0..PER_TRANSACTION)
            .map(|_| {
                let person = Person::new(chain, "many");
                import_of(&coop, &person).to_action(chain.peers.registrator, &[level(coop.name, ACTIVE)])
            })
            .collect();
        chain.client.push_actions(actions).unwrap_or_else(|e| panic!("batch {batch}: {e}"));
    }

    let founders = coop.council().len();
    assert_eq!(chain.rows::<Participants>(chain.peers.registrator, coop.name).len(), PARTICIPANTS + founders);
    assert_eq!(chain.rows::<Wallets>(chain.peers.wallet, coop.name).len(), PARTICIPANTS);
    assert_eq!(chain.contracts_ram_usage(), before, "our contract accounts pay for no member");
}
