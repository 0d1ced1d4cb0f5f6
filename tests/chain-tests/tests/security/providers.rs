//! A provider's power over its cooperatives: it holds no permission of theirs, acts only
//! through `operator::act` for the cooperatives it connected and only with the allowed
//! actions, and loses all of it at once with `operator::rmprovider`.
use super::common::{chain, push_as};
use antelope_test_harness::client::{ChainError, PushOutcome};
use antelope_test_harness::cooperative::{council_action, newaccount_of, Person, TestCoop};
use antelope_test_harness::deploy::permission_authority;
use antelope_test_harness::fixture::decode;
use antelope_test_harness::keys::PrivateKey;
use coop_protocol::operator::{errors::*, *};
use coop_protocol::registrator::{Changekey, Newaccount, Setfees};
use coop_protocol::soviet::{BoardMember, Exec, Updateboard, POSITION_CHAIRMAN};
use coop_runtime::action::level;
use coop_runtime::system::{Authority, LinkAuth, TokenTransfer, UpdateAuth, ACTIVE, EOSIO_CODE, OWNER, SYSTEM, TOKEN};
use coop_runtime::ActionData;
use eosio::Name;

/// `registrator::newaccount` of a fresh person for `coop`.
fn newaccount(coop: Name) -> Newaccount {
    newaccount_of(coop, &Person::new(chain(), "prvd"))
}

/// `operator::act` by `provider` for `coopname`, signed with `key` alone.
fn act(
    provider: Name,
    key: &PrivateKey,
    coopname: Name,
    actions: Vec<ProviderAction>,
) -> Result<PushOutcome, ChainError> {
    let data = Act { provider, coopname, actions };
    chain().push_signed(chain().peers.operator, &[level(provider, ACTIVE)], &data, std::slice::from_ref(key))
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
fn a_provider_acts_through_the_operator_only_for_its_cooperatives_and_allowed_actions() {
    let chain = chain();
    let (r, s) = (chain.peers.registrator, chain.peers.soviet);
    let (provider, key, coops) = provider_with_cooperatives(1);
    let coop = &coops[0];
    let other = chain.new_cooperative();

    let data = newaccount(coop.name);
    act(provider, &key, coop.name, vec![ProviderAction::new(r, &data)]).unwrap();
    assert!(chain.client.account_exists(data.username), "its own cooperative: forwarded");

    let refused = |coopname: Name, actions: Vec<ProviderAction>| {
        act(provider, &key, coopname, actions).unwrap_err().assertion_message().map(str::to_string)
    };
    let data = newaccount(other.name);
    let one = |coopname| vec![ProviderAction::new(r, &newaccount(coopname))];
    assert_eq!(refused(other.name, one(other.name)).as_deref(), Some(ERR_NOT_PROVIDERS_COOP));
    assert_eq!(refused(coop.name, one(other.name)).as_deref(), Some(ERR_ACTION_OTHER_COOP));
    assert_eq!(refused(coop.name, vec![]).as_deref(), Some(ERR_ACT_ACTIONS_COUNT));
    let too_many = vec![ProviderAction::new(r, &newaccount(coop.name)); MAX_ACT_ACTIONS + 1];
    assert_eq!(refused(coop.name, too_many).as_deref(), Some(ERR_ACT_ACTIONS_COUNT));
    // Not key changes, not the council, not governance, not money out of the cooperative.
    let takeover = Changekey { coopname: coop.name, username: coop.chairman.name, public_key: key.public_key() };
    let board =
        Updateboard { coopname: coop.name, members: vec![BoardMember::voting(coop.chairman.name, POSITION_CHAIRMAN)] };
    let fees = Setfees {
        coopname: coop.name,
        initial: antelope_test_harness::cooperative::rub("1.0000"),
        minimum: antelope_test_harness::cooperative::rub("1.0000"),
        org_initial: antelope_test_harness::cooperative::rub("1.0000"),
        org_minimum: antelope_test_harness::cooperative::rub("1.0000"),
    };
    let transfer = TokenTransfer {
        from: coop.name,
        to: provider,
        quantity: antelope_test_harness::boot::core("1.0000"),
        memo: String::new(),
    };
    for forbidden in [
        ProviderAction::new(r, &takeover),
        ProviderAction::new(s, &board),
        ProviderAction::new(r, &fees),
        ProviderAction::new(TOKEN, &transfer),
    ] {
        let name = forbidden.name;
        assert_eq!(refused(coop.name, vec![forbidden]).as_deref(), Some(ERR_ACTION_NOT_ALLOWED), "{name}");
    }
    let mut garbled = ProviderAction::new(r, &newaccount(coop.name));
    garbled.data.truncate(10);
    assert_eq!(refused(coop.name, vec![garbled]).as_deref(), Some(ERR_ACTION_DATA));
    // Someone else's signature for the provider: missing authority.
    let stranger = chain.new_key();
    let error = act(provider, &stranger, coop.name, one(coop.name)).unwrap_err();
    assert_eq!(error.name(), Some("unsatisfied_authorization"), "{error}");
    assert!(!chain.client.account_exists(data.username));
}

#[test]
fn a_provider_holds_no_permission_of_the_cooperative_to_keep() {
    let chain = chain();
    let r = chain.peers.registrator;
    let (_, key, coops) = provider_with_cooperatives(1);
    let coop = &coops[0];
    let provider = permission_authority(&chain.client, coop.name, PROVIDER_PERMISSION).unwrap();
    assert_eq!(provider, Authority::accounts(&[level(chain.peers.operator, EOSIO_CODE)]));
    // The attack of a permission the provider could satisfy: a child under it with a hidden
    // key, the provider's actions relinked to the child, kept after the removal. Refused at
    // every step, because no key of the provider satisfies `coop@provider`.
    let hidden = chain.new_key();
    let keep = coop_runtime::n("keep");
    let child = UpdateAuth {
        account: coop.name,
        permission: keep,
        parent: PROVIDER_PERMISSION,
        auth: Authority::key(hidden.public_key()),
    };
    let error = push_as(SYSTEM, coop.name, PROVIDER_PERMISSION, &child, &key).unwrap_err();
    assert_eq!(error.name(), Some("unsatisfied_authorization"), "{error}");
    let relink = LinkAuth { account: coop.name, code: r, type_: Newaccount::NAME, requirement: keep };
    let error = push_as(SYSTEM, coop.name, PROVIDER_PERMISSION, &relink, &key).unwrap_err();
    assert_eq!(error.name(), Some("unsatisfied_authorization"), "{error}");
    let rewrite = UpdateAuth {
        account: coop.name,
        permission: PROVIDER_PERMISSION,
        parent: ACTIVE,
        auth: Authority::key(hidden.public_key()),
    };
    let error = push_as(SYSTEM, coop.name, PROVIDER_PERMISSION, &rewrite, &key).unwrap_err();
    assert_eq!(error.name(), Some("unsatisfied_authorization"), "{error}");
    let data = newaccount(coop.name);
    let error = push_as(r, coop.name, PROVIDER_PERMISSION, &data, &key).unwrap_err();
    assert_eq!(error.name(), Some("unsatisfied_authorization"), "{error}");
    assert!(!chain.client.account_exists(data.username));
}

#[test]
fn a_removed_provider_can_push_nothing_for_any_of_its_cooperatives_at_once() {
    let chain = chain();
    let operator = chain.peers.operator;
    let r = chain.peers.registrator;
    let (provider, key, coops) = provider_with_cooperatives(MAX_ERASED_CONNECTIONS + 1);
    for coop in &coops {
        act(provider, &key, coop.name, vec![ProviderAction::new(r, &newaccount(coop.name))]).unwrap();
    }
    // A cooperative that rewrote its own `provider` permission (its right) does not stop
    // the removal: nothing of the cooperatives' permissions is touched by it.
    let own = UpdateAuth {
        account: coops[0].name,
        permission: PROVIDER_PERMISSION,
        parent: ACTIVE,
        auth: Authority::key(coops[0].key.public_key()),
    };
    chain.ok(SYSTEM, &[coops[0].name], &own);

    // The first call takes all its power away; the records are erased in batches.
    let more: bool = chain.ok(operator, &[operator], &Rmprovider { provider }).return_value();
    assert!(more);
    assert!(chain.row::<Providers>(operator, operator, provider.as_u64()).is_none());
    for coop in &coops {
        let data = newaccount(coop.name);
        let error = act(provider, &key, coop.name, vec![ProviderAction::new(r, &data)]).unwrap_err();
        assert_eq!(error.assertion_message(), Some(ERR_PROVIDER_NOT_FOUND), "{}", coop.name);
        assert!(!chain.client.account_exists(data.username));
    }
    let again = Addprovider { provider, title: "back already".into() };
    assert_eq!(chain.fails(operator, &[operator], &again), ERR_PROVIDER_BEING_REMOVED);
    assert_eq!(chain.rows::<Connections>(operator, provider).len(), 1);
    let more: bool = chain.ok(operator, &[operator], &Rmprovider { provider }).return_value();
    assert!(!more);
    assert!(chain.rows::<Connections>(operator, provider).is_empty());
    assert_eq!(chain.fails(operator, &[operator], &Rmprovider { provider }), ERR_PROVIDER_NOT_FOUND);
    // Its key can no longer request a cooperative either.
    let (request, ..) = chain.coop_request(provider, 0);
    let error = chain.push_signed(operator, &[level(provider, ACTIVE)], &request, &[key]).unwrap_err();
    assert_eq!(error.assertion_message(), Some(ERR_PROVIDER_NOT_FOUND));
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
