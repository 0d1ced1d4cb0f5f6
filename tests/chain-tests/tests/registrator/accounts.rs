//! `newaccount` and `changekey`.
use antelope_test_harness::boot::core;
use antelope_test_harness::cooperative::{council_action, newaccount_of, Person, TestCoop};
use antelope_test_harness::deploy::permission_authority;
use antelope_test_harness::fixture::{expect_assertion, TestChain};
use antelope_test_harness::keys::public_key_to_legacy;
use coop_protocol::registrator::{errors::*, *};
use coop_runtime::action::level;
use coop_runtime::n;
use coop_runtime::system::{ACTIVE, EOSIO_CODE, OWNER};
use eosio::Name;

pub fn newaccount_for(coop: &TestCoop, person: &Person, kind: &str) -> Newaccount {
    Newaccount {
        coopname: coop.name,
        username: person.name,
        r#type: n(kind),
        public_key: person.key.public_key(),
        referer: Name::new(0),
        meta: "{}".into(),
    }
}

/// Creates a member account (card `pending`) in `coop`.
pub fn create_person(chain: &TestChain, coop: &TestCoop, prefix: &str) -> Person {
    chain.new_member_account(coop, prefix, "individual").0
}

fn balance(chain: &TestChain, account: Name) -> String {
    chain.client.get_currency_balance("eosio.token", account, "AXON").unwrap().join(",")
}

#[test]
fn newaccount_creates_the_account_card_and_resources_at_the_coops_expense() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = Person::new(chain, "member");
    let before = balance(chain, coop.name);

    chain.ok(chain.peers.registrator, &[coop.name], &newaccount_for(&coop, &person, "entrepreneur"));

    let card = chain.row::<Cards>(chain.peers.registrator, chain.peers.registrator, person.name.as_u64()).unwrap();
    assert_eq!(card.coopname, coop.name);
    assert_eq!(card.r#type, TYPE_ENTREPRENEUR);
    assert_eq!(card.status, CARD_PENDING);
    let active = permission_authority(&chain.client, person.name, ACTIVE).unwrap();
    assert_eq!(active.keys.len(), 1);
    assert_eq!(public_key_to_legacy(&active.keys[0].key), public_key_to_legacy(&person.key.public_key()));
    let owner = permission_authority(&chain.client, person.name, OWNER).unwrap();
    assert_eq!(owner.accounts[0].permission, level(chain.peers.registrator, EOSIO_CODE));
    let account = chain.client.get_account(person.name).unwrap();
    assert!(account["ram_quota"].as_i64().unwrap() > 3000, "RAM bought: {}", account["ram_quota"]);
    assert_eq!(account["self_delegated_bandwidth"], serde_json::Value::Null, "stake stays the cooperative's");
    assert_eq!(account["total_resources"]["cpu_weight"], "0.1000 AXON");
    assert_eq!(account["total_resources"]["net_weight"], "0.1000 AXON");
    // 0.1 RAM + 0.1 NET + 0.1 CPU.
    let spent = antelope_test_harness::boot::core("0.3000").amount;
    let before = coop_runtime::asset_text::parse_asset(&before).unwrap().amount;
    let after = coop_runtime::asset_text::parse_asset(&balance(chain, coop.name)).unwrap().amount;
    assert_eq!(before - after, spent);
}

#[test]
fn newaccount_rejects_an_existing_account() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = Person::new(chain, "taken");
    chain.create_account(person.name, person.key.public_key(), None);
    let message = chain.fails(chain.peers.registrator, &[coop.name], &newaccount_for(&coop, &person, "individual"));
    assert_eq!(message, ERR_ACCOUNT_EXISTS);
    assert!(chain.row::<Cards>(chain.peers.registrator, chain.peers.registrator, person.name.as_u64()).is_none());
}

#[test]
fn newaccount_rejects_an_existing_card() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = create_person(chain, &coop, "twice");
    let mut again = newaccount_for(&coop, &person, "individual");
    again.meta = "second".into();
    assert_eq!(chain.fails(chain.peers.registrator, &[coop.name], &again), ERR_CARD_EXISTS);
}

#[test]
fn newaccount_rejects_an_unknown_type() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = Person::new(chain, "badtyp");
    let message = chain.fails(chain.peers.registrator, &[coop.name], &newaccount_for(&coop, &person, "company"));
    assert_eq!(message, ERR_BAD_TYPE);
    assert!(!chain.client.account_exists(person.name));
}

#[test]
fn newaccount_needs_the_cooperatives_signature() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = Person::new(chain, "nosig");
    let stranger = chain.new_cooperative();
    chain.denied(stranger.name, &newaccount_for(&coop, &person, "individual"));
    assert!(!chain.client.account_exists(person.name));
}

#[test]
fn newaccount_rejects_an_unknown_cooperative() {
    let chain = TestChain::shared();
    let fake = Person::new(chain, "fakecp");
    chain.create_account(fake.name, fake.key.public_key(), Some(core("10.0000")));
    let person = Person::new(chain, "orphan");
    let data = newaccount_of(fake.name, &person);
    assert_eq!(chain.fails(chain.peers.registrator, &[fake.name], &data), ERR_COOP_NOT_FOUND);
}

#[test]
fn newaccount_rejects_a_blocked_cooperative() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let block = coop_protocol::operator::Setstatus { coopname: coop.name, status: COOP_BLOCKED };
    chain.ok(chain.peers.operator, &[chain.peers.operator], &block);
    let person = Person::new(chain, "late");
    let message = chain.fails(chain.peers.registrator, &[coop.name], &newaccount_for(&coop, &person, "individual"));
    assert_eq!(message, ERR_COOP_NOT_ACTIVE);
}

#[test]
fn newaccount_rejects_a_cooperative_that_cannot_pay() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    // Give away all the cooperative's core tokens.
    let balance = coop_runtime::asset_text::parse_asset(&balance(chain, coop.name)).unwrap();
    let transfer = coop_runtime::system::TokenTransfer {
        from: coop.name,
        to: chain.peers.operator,
        quantity: balance,
        memo: String::new(),
    };
    chain.ok(coop_runtime::system::TOKEN, &[coop.name], &transfer);
    let person = Person::new(chain, "unpaid");
    let message = chain.fails(chain.peers.registrator, &[coop.name], &newaccount_for(&coop, &person, "individual"));
    assert_eq!(message, ERR_COOP_CANNOT_PAY);
    assert!(!chain.client.account_exists(person.name));
}

#[test]
fn newaccount_rejects_short_names_and_unknown_referers() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let mut short = newaccount_for(&coop, &Person::new(chain, "x"), "individual");
    short.username = n("shorty");
    assert_eq!(chain.fails(chain.peers.registrator, &[coop.name], &short), ERR_BAD_USERNAME);
    let mut referred = newaccount_for(&coop, &Person::new(chain, "refd"), "individual");
    referred.referer = chain.unique_name("nobody");
    assert_eq!(chain.fails(chain.peers.registrator, &[coop.name], &referred), ERR_REFERER_NOT_FOUND);
}

#[test]
fn newaccount_through_cleos_with_the_deployed_abi() {
    use antelope_test_harness::cleos::{Cleos, Wallet};
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = Person::new(chain, "cleos");
    let wallet = Wallet::start().unwrap();
    wallet.import(&coop.key.to_wif()).unwrap();
    let cleos = Cleos::new(chain.url(), &wallet);
    let json = serde_json::json!({
        "coopname": coop.name.to_string(),
        "username": person.name.to_string(),
        "type": "individual",
        "public_key": public_key_to_legacy(&person.key.public_key()),
        "referer": "",
        "meta": "{\"via\":\"cleos\"}",
    });
    let output = cleos
        .push_action(&chain.peers.registrator.to_string(), "newaccount", &json, &format!("{}@active", coop.name))
        .unwrap_or_else(|e| panic!("cleos push failed: {}", e.reason()));
    assert!(output.transaction_id().is_some());
    let card = chain.row::<Cards>(chain.peers.registrator, chain.peers.registrator, person.name.as_u64()).unwrap();
    assert_eq!(card.meta, "{\"via\":\"cleos\"}");
    assert!(chain.client.account_exists(person.name));
}

#[test]
fn the_provider_pushes_linked_actions_through_the_operator_and_nothing_else() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = Person::new(chain, "viaprv");
    chain
        .provider_act(&coop, chain.peers.registrator, &newaccount_for(&coop, &person, "individual"))
        .unwrap_or_else(|e| panic!("the provider may create accounts: {e}"));
    assert!(chain.client.account_exists(person.name));

    let transfer = coop_runtime::system::TokenTransfer {
        from: coop.name,
        to: coop.provider,
        quantity: core("1.0000"),
        memo: String::new(),
    };
    let error = chain.provider_act(&coop, coop_runtime::system::TOKEN, &transfer).unwrap_err();
    assert_eq!(error.assertion_message(), Some(coop_protocol::operator::errors::ERR_ACTION_NOT_ALLOWED));
    // `coop@provider` itself is the operator's code: nobody's key satisfies it.
    let provider_level = level(coop.name, coop_protocol::operator::PROVIDER_PERMISSION);
    let other = Person::new(chain, "viaprv");
    let error = chain
        .push_as(chain.peers.registrator, &[provider_level], &newaccount_for(&coop, &other, "individual"))
        .unwrap_err();
    assert_eq!(error.name(), Some("unsatisfied_authorization"), "{error}");
}

#[test]
fn changekey_replaces_a_members_active_key_only_through_the_council() {
    let chain = TestChain::shared();
    let r = chain.peers.registrator;
    let coop = chain.new_cooperative();
    let member = &coop.members[1];
    let new_key = chain.new_key();
    let change = Changekey { coopname: coop.name, username: member.name, public_key: new_key.public_key() };
    let key_of = |person: Name| {
        let active = permission_authority(&chain.client, person, ACTIVE).unwrap();
        public_key_to_legacy(&active.keys[0].key)
    };
    let old_key = key_of(member.name);

    // Not the cooperative's own key, not its provider: only `coop@council`.
    chain.denied(coop.name, &change);
    let error = chain.provider_act(&coop, r, &change).unwrap_err();
    assert_eq!(error.assertion_message(), Some(coop_protocol::operator::errors::ERR_ACTION_NOT_ALLOWED));
    assert_eq!(key_of(member.name), old_key);

    chain.council_decides(&coop, vec![council_action(r, &change)]).unwrap();
    assert_eq!(key_of(member.name), public_key_to_legacy(&new_key.public_key()));

    let outsider =
        Changekey { coopname: coop.name, username: chain.unique_name("outsdr"), public_key: new_key.public_key() };
    let refused = chain.council_decides(&coop, vec![council_action(r, &outsider)]);
    assert_eq!(expect_assertion(refused, chain.peers.soviet, n("exec")), ERR_NOT_PARTICIPANT);
}
