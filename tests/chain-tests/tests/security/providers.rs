//! A provider's power over its cooperatives: never key changes or the council, and all of
//! it taken away on chain by `operator::rmprovider`, even from a provider that rewrote its
//! own permission to keep it.
use super::common::chain;
use antelope_test_harness::cooperative::{council_action, Person, TestCoop};
use antelope_test_harness::deploy::permission_authority;
use antelope_test_harness::fixture::decode;
use antelope_test_harness::keys::PrivateKey;
use coop_protocol::operator::{errors::*, *};
use coop_protocol::registrator::{Changekey, Newaccount, TYPE_INDIVIDUAL};
use coop_protocol::soviet::{BoardMember, Exec, Updateboard, POSITION_CHAIRMAN};
use coop_runtime::action::level;
use coop_runtime::system::{Authority, UpdateAuth, ACTIVE, OWNER, SYSTEM};
use coop_runtime::ActionData;
use eosio::Name;

/// `registrator::newaccount` of a fresh person for `coop`, as its provider would push it.
fn newaccount(coop: Name) -> Newaccount {
    let person = Person::new(chain(), "prvd");
    Newaccount {
        coopname: coop,
        username: person.name,
        r#type: TYPE_INDIVIDUAL,
        public_key: person.key.public_key(),
        referer: Name::new(0),
        meta: String::new(),
    }
}

/// Pushes `data` to `contract` as `coop@provider`, signed with `key` alone: the chain's
/// error name when refused.
fn as_provider<A: ActionData>(contract: Name, coop: Name, data: &A, key: &PrivateKey) -> Result<(), String> {
    let action = data.to_action(contract, &[level(coop, PROVIDER_PERMISSION)]);
    match chain().client.push_actions_with_keys(vec![action], std::slice::from_ref(key)) {
        Ok(_) => Ok(()),
        Err(e) => Err(e.name().unwrap_or("unknown").to_string()),
    }
}

/// A provider with a key of its own (not the development key) and `count` cooperatives it
/// connected.
fn provider_with_cooperatives(count: usize) -> (Name, PrivateKey, Vec<TestCoop>) {
    let chain = chain();
    let provider = chain.new_provider();
    let coops = (0..count).map(|_| chain.new_cooperative_with(provider, 0)).collect();
    let key = chain.new_key();
    let rekey =
        UpdateAuth { account: provider, permission: ACTIVE, parent: OWNER, auth: Authority::key(key.public_key()) };
    chain.ok(SYSTEM, &[provider], &rekey);
    (provider, key, coops)
}

#[test]
fn a_removed_provider_can_push_nothing_for_any_of_its_cooperatives() {
    let chain = chain();
    let operator = chain.peers.operator;
    let r = chain.peers.registrator;
    let (provider, key, coops) = provider_with_cooperatives(MAX_REVOCATIONS + 1);
    // Before: the provider acts for each of its cooperatives.
    for coop in &coops {
        let data = newaccount(coop.name);
        as_provider(r, coop.name, &data, &key).unwrap();
        assert!(chain.client.account_exists(data.username));
    }
    // The attack: a permission may be rewritten with itself, so the provider moves its
    // `provider` permission of one cooperative to a key it hides, hoping to keep it.
    let hidden = chain.new_key();
    let keep = UpdateAuth {
        account: coops[0].name,
        permission: PROVIDER_PERMISSION,
        parent: OPERATOR_PERMISSION,
        auth: Authority::key(hidden.public_key()),
    };
    as_provider(SYSTEM, coops[0].name, &keep, &key).unwrap();

    // Removal, in bounded batches: the first call revokes MAX_REVOCATIONS cooperatives.
    let left: u32 = chain.ok(operator, &[operator], &Rmprovider { provider }).return_value();
    assert_eq!(left, 1);
    assert_eq!(chain.rows::<Connections>(operator, provider).len(), 1);
    assert!(chain.row::<Providers>(operator, operator, provider.as_u64()).is_none());
    let again = Addprovider { provider, title: "back already".into() };
    assert_eq!(chain.fails(operator, &[operator], &again), ERR_PROVIDER_BEING_REMOVED);
    let left: u32 = chain.ok(operator, &[operator], &Rmprovider { provider }).return_value();
    assert_eq!(left, 0);
    assert!(chain.rows::<Connections>(operator, provider).is_empty());
    assert_eq!(chain.fails(operator, &[operator], &Rmprovider { provider }), ERR_PROVIDER_NOT_FOUND);

    // After: `coop@provider` is the cooperative's own `active`, in every cooperative.
    for coop in &coops {
        let authority = permission_authority(&chain.client, coop.name, PROVIDER_PERMISSION).unwrap();
        assert_eq!(authority, Authority::accounts(&[level(coop.name, ACTIVE)]), "{}", coop.name);
        for signing_key in [&key, &hidden] {
            let data = newaccount(coop.name);
            assert_eq!(as_provider(r, coop.name, &data, signing_key), Err("unsatisfied_authorization".into()));
            assert!(!chain.client.account_exists(data.username));
            let retake =
                UpdateAuth { auth: Authority::key(signing_key.public_key()), account: coop.name, ..keep.clone() };
            assert_eq!(as_provider(SYSTEM, coop.name, &retake, signing_key), Err("unsatisfied_authorization".into()));
        }
        // The cooperative's own key still works through it, e.g. for a new provider's software.
        let data = newaccount(coop.name);
        let action = data.to_action(r, &[level(coop.name, PROVIDER_PERMISSION)]);
        chain.client.push_actions_with_keys(vec![action], std::slice::from_ref(&coop.key)).unwrap();
        assert!(chain.client.account_exists(data.username));
    }
    // Its key can no longer request a cooperative either.
    let (request, ..) = chain.coop_request(provider, 0);
    let action = request.to_action(operator, &[level(provider, ACTIVE)]);
    let error = chain.client.push_actions_with_keys(vec![action], &[key]).unwrap_err();
    assert_eq!(error.assertion_message(), Some(ERR_PROVIDER_NOT_FOUND));
}

#[test]
fn a_provider_can_change_neither_keys_nor_the_council() {
    let chain = chain();
    let (_, key, coops) = provider_with_cooperatives(1);
    let coop = &coops[0];
    let r = chain.peers.registrator;
    let takeover = Changekey { coopname: coop.name, username: coop.chairman.name, public_key: key.public_key() };
    let refused = as_provider(r, coop.name, &takeover, &key).unwrap_err();
    assert!(matches!(refused.as_str(), "irrelevant_auth_exception" | "unsatisfied_authorization"), "{refused}");
    let board =
        Updateboard { coopname: coop.name, members: vec![BoardMember::voting(coop.chairman.name, POSITION_CHAIRMAN)] };
    let refused = as_provider(chain.peers.soviet, coop.name, &board, &key).unwrap_err();
    assert!(matches!(refused.as_str(), "irrelevant_auth_exception" | "unsatisfied_authorization"), "{refused}");
    let chairman_key = permission_authority(&chain.client, coop.chairman.name, ACTIVE).unwrap();
    assert_eq!(chairman_key, Authority::key(coop.chairman.key.public_key()));
}

#[test]
fn a_key_recovery_is_on_the_agenda_at_once_and_runs_only_on_exec() {
    let chain = chain();
    let r = chain.peers.registrator;
    let coop = chain.new_cooperative();
    let person = &coop.members[1];
    let new_key = chain.new_key();
    let change = Changekey { coopname: coop.name, username: person.name, public_key: new_key.public_key() };
    let id = chain.council_authorizes(&coop, vec![council_action(r, &change)]);

    // Announced: the agenda shows the pending change with the new key, before it runs.
    let (agenda, _) = chain.agenda_all(coop.name, Name::new(0), Name::new(0), 10).unwrap();
    let item = agenda.iter().find(|item| item.id == id).expect("on the agenda");
    assert_eq!(item.actions.len(), 1);
    assert_eq!((item.actions[0].account, item.actions[0].name), (r, Changekey::NAME));
    assert_eq!(decode::<Changekey>(&item.actions[0].data), change);
    let active = permission_authority(&chain.client, person.name, ACTIVE).unwrap();
    assert_eq!(active, Authority::key(person.key.public_key()), "not before exec");

    let executer = coop.chairman.name;
    chain.ok(chain.peers.soviet, &[executer], &Exec { executer, coopname: coop.name, decision_id: id });
    let active = permission_authority(&chain.client, person.name, ACTIVE).unwrap();
    assert_eq!(active, Authority::key(new_key.public_key()));
}
