//! `adduser`: members who joined on paper.
use antelope_test_harness::cooperative::{rub, Person};
use antelope_test_harness::fixture::TestChain;
use coop_protocol::registrator::{errors::*, *};
use coop_protocol::wallet::{Addmember, Ledgers, Wallets};
use eosio::Name;

fn adduser(coopname: Name, person: &Person) -> Adduser {
    Adduser {
        coopname,
        username: person.name,
        r#type: TYPE_INDIVIDUAL,
        public_key: person.key.public_key(),
        braname: Name::new(0),
        joined_at: eosio::TimePointSec::from(1_600_000_000u32),
        initial: rub("100.0000"),
        minimum: rub("300.0000"),
        meta: "{}".into(),
    }
}

#[test]
fn adduser_imports_a_member_in_one_go() {
    let chain = TestChain::shared();
    let p = chain.peers;
    let coop = chain.new_cooperative();
    let person = Person::new(chain, "paper");
    let outcome = chain.ok(p.registrator, &[coop.name], &adduser(coop.name, &person));

    // The wallet books the fees, asked by the registrator with the cooperative's
    // `contracts` permission: the cooperative pays every new row, the contracts nothing.
    let booked = outcome.inline_actions(p.wallet, "addmember");
    assert_eq!(booked.len(), 1);
    let addmember = booked[0].decode_data::<Addmember>().unwrap();
    assert_eq!(
        addmember,
        Addmember {
            coopname: coop.name,
            username: person.name,
            deposit_id: 0,
            initial: rub("100.0000"),
            minimum: rub("300.0000"),
        }
    );
    assert!(outcome.ram_delta(coop.name) > 0, "{:?}", outcome.ram_deltas);
    for contract in [p.registrator, p.soviet, p.wallet] {
        assert_eq!(outcome.ram_delta(contract), 0, "{contract} pays nothing");
    }
    assert!(chain.client.account_exists(person.name));
    let participant = chain.row::<Participants>(p.registrator, coop.name, person.name.as_u64()).unwrap();
    assert!(participant.is_accepted_individual());
    assert_eq!(u32::from(participant.joined_at), 1_600_000_000);
    let card = chain.row::<Cards>(p.registrator, p.registrator, person.name.as_u64()).unwrap();
    assert_eq!(card.status, CARD_ACTIVE);
    let wallet = chain.row::<Wallets>(p.wallet, coop.name, person.name.as_u64()).unwrap();
    assert_eq!((wallet.initial, wallet.minimum), (rub("100.0000"), rub("300.0000")));
    let ledger = chain.row::<Ledgers>(p.wallet, p.wallet, coop.name.as_u64()).unwrap();
    assert_eq!((ledger.entrance_fund, ledger.share_fund), (rub("100.0000"), rub("300.0000")));
}

#[test]
fn adduser_rejects_existing_participants_and_bad_input() {
    let chain = TestChain::shared();
    let p = chain.peers;
    let coop = chain.new_cooperative();
    let founder = &coop.members[0];
    assert_eq!(chain.fails(p.registrator, &[coop.name], &adduser(coop.name, founder)), ERR_ALREADY_PARTICIPANT);

    let person = Person::new(chain, "paper");
    let mut future = adduser(coop.name, &person);
    future.joined_at = eosio::TimePointSec::from(4_000_000_000u32);
    assert_eq!(chain.fails(p.registrator, &[coop.name], &future), ERR_JOINED_IN_FUTURE);
    let mut bad_fee = adduser(coop.name, &person);
    bad_fee.minimum = antelope_test_harness::boot::core("1.0000");
    assert_eq!(chain.fails(p.registrator, &[coop.name], &bad_fee), ERR_BAD_FEES);
    let mut no_branch = adduser(coop.name, &person);
    no_branch.braname = chain.unique_name("nobr");
    assert_eq!(chain.fails(p.registrator, &[coop.name], &no_branch), ERR_BRANCH_NOT_FOUND);
    chain.denied(founder.name, &adduser(coop.name, &person));
    assert!(!chain.client.account_exists(person.name));
}
