//! The authority matrix: every action of every ABI (see `actions.rs`) pushed by each wrong
//! party — a stranger, a member of another cooperative, another provider (its own key, and
//! through its cooperative's `provider` permission), a founder of another cooperative in
//! their own name, a member of the cooperative, the operator, the cooperative itself, the
//! cooperative's `provider`, `council` and `contracts` permissions where they are not the
//! ones linked to the action, and a contract that is not a configured peer (pushing as its
//! `active`, and sending the action inline from its code) — must be refused with the exact
//! chain error (missing authority of whom, or the irrelevant or unsatisfied permission) or
//! the contract's exact message. Before them, the right party's push with the same data must
//! be accepted (and undone: see `actions::marker`), so that authority is the only reason for
//! each refusal. Our tables must be byte-identical before and after each action's pushes.
use super::actions::{permissions_of, push, right_party, specs, Expect, Party, Permissions, Rule, Spec};
use super::common::{chain, serial, snapshot};
use super::world::{world, World};
use antelope_test_harness::cooperative::Person;
use antelope_test_harness::keys::{public_key_to_k1, public_key_to_legacy, PrivateKey};
use coop_protocol::operator::{errors::ERR_INTERNAL_STEP, PROVIDER_PERMISSION};
use coop_protocol::permissions::CONTRACTS_PERMISSION;
use coop_protocol::soviet::council::COUNCIL_PERMISSION;
use coop_runtime::system::{ACTIVE, OWNER};
use eosio::{Name, PermissionLevel};

/// Every wrong party the matrix tries (for each action, those its rule does not allow).
fn parties(w: &'static World) -> Vec<Party> {
    let operator = chain().peers.operator;
    let (a, b) = (&w.a, &w.b);
    let (other_member, other_founder, other_provider) = (&b.members[0], &b.chairman, &w.b_provider);
    let fake = &w.fake;
    let own = |person: &'static Person| Party::new("", person.name, ACTIVE, &person.key).acting_for(person);
    vec![
        Party::new("a stranger", w.stranger.name, ACTIVE, &w.stranger.key),
        Party::new("a member of another cooperative", other_member.name, ACTIVE, &other_member.key),
        Party { label: "a founder of another cooperative, in their own name", ..own(other_founder) },
        Party::new("another provider, with its own key", other_provider.name, ACTIVE, &other_provider.key),
        Party { label: "another provider, in its own name", ..own(other_provider) },
        Party::new(
            "another provider, through its cooperative's provider permission",
            b.name,
            PROVIDER_PERMISSION,
            &other_provider.key,
        ),
        Party::new("a member of the cooperative", w.bystander.name, ACTIVE, &w.bystander.key),
        Party::new("the operator", operator, ACTIVE, &PrivateKey::dev()),
        Party::new("the cooperative itself", a.name, ACTIVE, &a.key),
        Party::new(
            "the cooperative's provider permission, with its provider's key",
            a.name,
            PROVIDER_PERMISSION,
            &w.a_provider.key,
        ),
        Party::new("the cooperative's provider permission, with its own key", a.name, PROVIDER_PERMISSION, &a.key),
        Party::new("the cooperative's council permission", a.name, COUNCIL_PERMISSION, &a.key),
        Party::new("the cooperative's contracts permission", a.name, CONTRACTS_PERMISSION, &a.key),
        Party::new("a contract that is not a peer", fake.name, ACTIVE, &fake.key),
        Party { inline: true, ..Party::new("a contract that is not a peer, inline", fake.name, ACTIVE, &fake.key) },
    ]
}

/// What the chain says before the contract runs when `party` declares `level` on `spec`'s
/// action, from the permissions it has of the cooperatives: the permission does not reach
/// the one linked to the action (irrelevant), or it does but the party's keys are not
/// among its keys (unsatisfied: e.g. a permission held by our contracts' code). `None` for
/// an account whose permissions were not read (plain accounts signing with `active`).
fn chain_level(permissions: &Permissions, party: &Party, level: PermissionLevel, spec: &Spec) -> Option<Expect> {
    let (actor, permission) = (Name::from(level.actor), Name::from(level.permission));
    if !permissions.parents.contains_key(&(actor, ACTIVE)) {
        return None;
    }
    let linked = |action: Name| permissions.links.get(&(actor, spec.contract, action)).copied();
    let required = linked(spec.action).or_else(|| linked(Name::new(0))).unwrap_or(ACTIVE);
    // `permission` satisfies `required` when it is `required` or one of its ancestors.
    let mut current = required;
    let reaches = loop {
        if current == permission {
            break true;
        }
        match permissions.parents.get(&(actor, current)) {
            Some(parent) if current != OWNER && parent.as_u64() != 0 => current = *parent,
            _ => break false,
        }
    };
    if !reaches {
        return Some(Expect::Irrelevant);
    }
    let keys = permissions.keys.get(&(actor, permission)).cloned().unwrap_or_default();
    let signed = party.keys.iter().any(|key| {
        let public = key.public_key();
        keys.contains(&public_key_to_legacy(&public)) || keys.contains(&public_key_to_k1(&public))
    });
    (!signed).then_some(Expect::Unsatisfied)
}

/// What `party` must get pushing `spec`'s action; `None` when its rule allows the party.
fn expected(spec: &Spec, party: &Party, permissions: &Permissions) -> Option<Expect> {
    if !party.inline {
        if let Some(refusal) = party.levels.iter().find_map(|level| chain_level(permissions, party, *level, spec)) {
            return Some(refusal);
        }
    }
    let peers = chain().peers;
    let w = world();
    let signed = |account: Name| party.levels.iter().any(|level| Name::from(level.actor) == account);
    let missing = |account: Name| Some(Expect::Missing(account.to_string()));
    // A party acting in their own name puts themselves where the action names a person.
    let own_name = party.own_name.filter(|_| spec.actor.is_some()).map(|person| spec.own_name.for_person(person, w));
    match spec.rule {
        Rule::ReadOnly => Some(Expect::NoWrite),
        Rule::Contract => (!signed(spec.contract)).then(|| Expect::Missing(spec.contract.to_string())),
        Rule::Operator => (!signed(peers.operator)).then(|| Expect::Missing(peers.operator.to_string())),
        Rule::OperatorStep if signed(peers.operator) => Some(Expect::Assert(ERR_INTERNAL_STEP)),
        Rule::OperatorStep => missing(peers.operator),
        Rule::Coop => (!signed(w.a.name)).then(|| Expect::Missing(w.a.name.to_string())),
        Rule::Council => Some(Expect::Missing(format!("{}/{COUNCIL_PERMISSION}", w.a.name))),
        Rule::PersonOrCoop(message) => match own_name {
            Some(expect) => expect,
            None if signed(spec.actor.expect("a person").name) || signed(w.a.name) => None,
            None => Some(Expect::Assert(message)),
        },
        Rule::Person => match own_name {
            Some(expect) => expect,
            None => {
                let person = spec.actor.expect("a person").name;
                (!signed(person)).then(|| Expect::Missing(person.to_string()))
            }
        },
        Rule::Peer(peer, with_coop) if signed(peer) => {
            (with_coop && !signed(w.a.name)).then(|| missing(w.a.name)).flatten()
        }
        Rule::Peer(peer, _) => missing(peer),
    }
}

/// Runs the matrix for the actions of `contract`: the right party first, then every wrong
/// one; our tables compared around each action. Returns how many refusals were checked.
fn matrix(contract: &str) -> usize {
    let _serial = serial();
    let chain = chain();
    let w = world();
    let specs = specs();
    let permissions = permissions_of(&[w.a.name, w.b.name]);
    let parties = parties(w);
    let (mut failures, mut refusals) = (Vec::new(), 0);
    for spec in specs.iter().filter(|s| s.contract_name == contract) {
        let before = snapshot(chain);
        let right = right_party(spec, w);
        let with_marker = spec.rule != Rule::ReadOnly;
        let outcome = push(w, &right, spec.contract, spec.action, spec.right_data(w), with_marker);
        if !spec.control.matches(&outcome, spec.errors) {
            failures.push(format!("{} by {}: expected {:?}, got {outcome}", spec.label(), right.label, spec.control));
        }
        for party in &parties {
            let Some(expect) = expected(spec, party, &permissions) else { continue };
            let actor = party.own_name.filter(|_| spec.actor.is_some()).or(spec.actor).unwrap_or(&w.stranger);
            let outcome = push(w, party, spec.contract, spec.action, (spec.data)(actor), false);
            refusals += usize::from(expect != Expect::NoWrite);
            if !expect.matches(&outcome, spec.errors) {
                failures.push(format!("{} by {}: expected {expect:?}, got {outcome}", spec.label(), party.label));
            }
        }
        let differences = before.differences(&snapshot(chain));
        if !differences.is_empty() {
            failures.push(format!("{} changed our tables: {}", spec.label(), differences.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{} of the authority matrix failed:\n  {}", failures.len(), failures.join("\n  "));
    println!("{contract}: {refusals} wrong-party refusals checked");
    refusals
}

#[test]
fn registrator_actions_refuse_every_wrong_party() {
    assert!(matrix("registrator") > 150);
}

#[test]
fn soviet_actions_refuse_every_wrong_party() {
    assert!(matrix("soviet") > 80);
}

#[test]
fn wallet_actions_refuse_every_wrong_party() {
    assert!(matrix("wallet") > 100);
}

#[test]
fn operator_actions_refuse_every_wrong_party() {
    assert!(matrix("operator") > 60);
}
