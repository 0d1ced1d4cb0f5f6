//! Our internal actions, sent inline by the hostile contract.
use super::catalogue::{every_attack, internal, internal_attacks, Contract, INTERNAL, READ_ONLY};
use super::fixture::{Attacker, Victims};
use super::{assert_all_refused, refused_when_sent};
use crate::reliability::common::{assert_unchanged, chain, serial, snapshot, Outcome};
use coop_protocol::permissions::CONTRACTS_PERMISSION;
use coop_runtime::action::level;
use coop_runtime::system::{ACTIVE, EOSIO_CODE};
use std::collections::BTreeSet;

#[test]
fn the_catalogue_covers_every_action_of_our_abis_and_lists_the_internal_ones() {
    let _serial = serial();
    let chain = chain();
    let v = Victims::shared();
    let attacks = every_attack(chain, v, chain.unique_name("hostil"));
    let abi_actions: Vec<String> =
        Contract::ALL.iter().flat_map(|c| c.actions().into_iter().map(move |a| format!("{c}::{a}"))).collect();
    let attacked: Vec<String> = attacks.iter().map(|a| a.label()).collect();
    assert_eq!(attacked, abi_actions, "one attack per action of the ABIs");
    let listed: BTreeSet<String> = INTERNAL.iter().map(|(c, a, _, _)| format!("{c}::{a}")).collect();
    let listed_read_only: BTreeSet<String> = READ_ONLY.iter().map(|(c, a)| format!("{c}::{a}")).collect();
    assert!(listed.is_subset(&abi_actions.iter().cloned().collect()), "INTERNAL names only actions of the ABIs");
    assert!(listed_read_only.is_subset(&abi_actions.iter().cloned().collect()));
    // The internal actions of the README (`Guarantees`), each checked against its handler.
    let expected = [
        "operator::setupcoop",
        "registrator::regcoop",
        "registrator::setstatus",
        "registrator::paidjoin",
        "registrator::acceptjoin",
        "registrator::declinejoin",
        "registrator::acceptleave",
        "registrator::declineleave",
        "soviet::createboard",
        "soviet::propose",
        "wallet::openledger",
        "wallet::addmember",
        "wallet::refundreg",
        "wallet::allowwithdr",
        "wallet::declwithdr",
        "wallet::leftcoop",
    ];
    assert_eq!(listed, expected.iter().map(|a| a.to_string()).collect::<BTreeSet<_>>());
    assert!(internal(Contract::Operator, "setstatus").is_none(), "the operator's own setstatus is the operator's");
}

#[test]
fn every_internal_action_sent_with_the_hostile_contracts_own_authority_is_refused_by_its_receiver() {
    let _serial = serial();
    let chain = chain();
    let v = Victims::shared();
    let attacker = Attacker::deploy(chain);
    let attacks = internal_attacks(chain, v, attacker.account);
    assert_eq!(attacks.len(), INTERNAL.len());
    let before = snapshot(chain);
    let mut failures = Vec::new();
    for attack in &attacks {
        let action = attack.action.clone().declaring(&[attacker.own()]);
        let outcome = Outcome::of(chain.push_actions(vec![attacker.internal(action)]));
        if outcome != attack.expected.outcome() {
            failures.push(format!("{}: {outcome}, expected {}", attack.label(), attack.expected.outcome()));
        }
    }
    assert_all_refused("internal actions sent as the hostile contract", &failures);
    assert_unchanged(chain, &before, "internal actions sent as the hostile contract");
}

#[test]
fn every_internal_action_declaring_its_senders_authority_is_refused_by_the_chain() {
    let _serial = serial();
    let chain = chain();
    let v = Victims::shared();
    let attacker = Attacker::deploy(chain);
    let before = snapshot(chain);
    let mut failures = Vec::new();
    for attack in internal_attacks(chain, v, attacker.account) {
        let (sender, _) = internal(attack.contract, &attack.name).expect("internal");
        let declared = level(sender.account(&chain.peers), ACTIVE);
        let action = attack.action.clone().declaring(&[declared]);
        let outcome = Outcome::of(chain.push_actions(vec![attacker.internal(action)]));
        if let Err(wrong) = refused_when_sent(&outcome, declared, attacker.account) {
            failures.push(format!("{}: {wrong}", attack.label()));
        }
    }
    assert_all_refused("internal actions declaring their sender's authority", &failures);
    assert_unchanged(chain, &before, "internal actions declaring their sender's authority");
}

#[test]
fn internal_actions_declaring_the_cooperatives_contracts_permission_are_refused_by_the_chain() {
    let _serial = serial();
    let chain = chain();
    let v = Victims::shared();
    let attacker = Attacker::deploy(chain);
    let before = snapshot(chain);
    let contracts = level(v.coop.name, CONTRACTS_PERMISSION);
    let mut failures = Vec::new();
    let mut tried = 0;
    for attack in internal_attacks(chain, v, attacker.account) {
        if !internal(attack.contract, &attack.name).expect("internal").1 {
            continue;
        }
        tried += 1;
        let action = attack.action.clone().declaring(&[attacker.own(), contracts]);
        let outcome = Outcome::of(chain.push_actions(vec![attacker.internal(action)]));
        if let Err(wrong) = refused_when_sent(&outcome, contracts, attacker.account) {
            failures.push(format!("{}: {wrong}", attack.label()));
        }
    }
    assert_eq!(tried, 4, "acceptjoin, propose, addmember, leftcoop");
    assert_all_refused("internal actions declaring coop@contracts", &failures);
    assert_unchanged(chain, &before, "internal actions declaring coop@contracts");
}

#[test]
fn a_contracts_code_permission_cannot_be_declared_inline() {
    let _serial = serial();
    let chain = chain();
    let v = Victims::shared();
    let attacker = Attacker::deploy(chain);
    let before = snapshot(chain);
    let mut failures = Vec::new();
    for attack in internal_attacks(chain, v, attacker.account) {
        let (sender, _) = internal(attack.contract, &attack.name).expect("internal");
        for actor in [sender.account(&chain.peers), attacker.account] {
            let action = attack.action.clone().declaring(&[level(actor, EOSIO_CODE)]);
            let outcome = Outcome::of(chain.push_actions(vec![attacker.internal(action)]));
            let expected = Outcome::Chain {
                name: "action_validate_exception".into(),
                message: format!(
                    "inline action's authorizations include a non-existent permission: {{\"actor\":\"{actor}\",\"permission\":\"eosio.code\"}}"
                ),
            };
            if outcome != expected {
                failures
                    .push(format!("{} declaring {actor}@eosio.code: {outcome}, expected {expected}", attack.label()));
            }
        }
    }
    assert_all_refused("internal actions declaring a code permission", &failures);
    assert_unchanged(chain, &before, "internal actions declaring a code permission");
}
