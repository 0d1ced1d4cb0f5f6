//! Public actions naming a victim whose signature is in the same transaction, and the
//! victims' own permissions, sent inline by the hostile contract.
use super::catalogue::{every_attack, public_attacks, Contract, Expected, INTERNAL, READ_ONLY};
use super::fixture::{Attacker, Victims};
use super::{assert_all_refused, refused_when_sent};
use crate::reliability::common::{assert_unchanged, chain, serial, snapshot, Outcome};
use antelope_test_harness::boot::core;
use antelope_test_harness::keys::PrivateKey;
use coop_protocol::operator::PROVIDER_PERMISSION;
use coop_protocol::permissions::CONTRACTS_PERMISSION;
use coop_protocol::registrator::{Acceptjoin, Setfees};
use coop_protocol::soviet::council::COUNCIL_PERMISSION;
use coop_protocol::wallet::Confirm;
use coop_runtime::action::level;
use coop_runtime::n;
use coop_runtime::system::{Authority, NewAccount, TokenTransfer, UpdateAuth, ACTIVE, OWNER, SYSTEM, TOKEN};
use eosio::Name;
use hostile::protocol::InlineAction;

#[test]
fn public_actions_naming_a_victim_are_refused_though_the_victim_signed_the_same_transaction() {
    let _serial = serial();
    let chain = chain();
    let v = Victims::shared();
    let attacker = Attacker::deploy(chain);
    let before = snapshot(chain);
    let mut failures = Vec::new();
    let attacks = public_attacks(chain, v, attacker.account);
    for attack in &attacks {
        let action = attack.action.clone().declaring(&[attacker.own()]);
        // The victim pays the attacker in the same transaction: their signature is there.
        let outcome =
            Outcome::of(chain.push_actions(vec![attacker.payment_from(attack.victim), attacker.internal(action)]));
        if outcome != attack.expected.outcome() {
            failures.push(format!(
                "{} naming {}: {outcome}, expected {}",
                attack.label(),
                attack.victim,
                attack.expected.outcome()
            ));
        }
    }
    let abi_actions: usize = Contract::ALL.iter().map(|c| c.actions().len()).sum();
    assert_eq!(attacks.len(), abi_actions - INTERNAL.len() - READ_ONLY.len());
    assert_all_refused("public actions naming a victim who signed the transaction", &failures);
    assert_unchanged(chain, &before, "public actions naming a victim who signed the transaction");
}

#[test]
fn public_actions_declaring_the_victims_authority_are_refused_by_the_chain_though_the_victim_signed() {
    let _serial = serial();
    let chain = chain();
    let v = Victims::shared();
    let attacker = Attacker::deploy(chain);
    let before = snapshot(chain);
    let mut failures = Vec::new();
    for attack in public_attacks(chain, v, attacker.account) {
        let declared = level(attack.victim, ACTIVE);
        let action = attack.action.clone().declaring(&[declared]);
        // `asvictim` itself requires the victim's authority: the victim signed it.
        let outcome = Outcome::of(chain.push_actions(vec![attacker.asvictim(attack.victim, action)]));
        if let Err(wrong) = refused_when_sent(&outcome, declared, attacker.account) {
            failures.push(format!("{} declaring {}@active: {wrong}", attack.label(), attack.victim));
        }
    }
    assert_all_refused("public actions declaring the victim's authority", &failures);
    assert_unchanged(chain, &before, "public actions declaring the victim's authority");
}

#[test]
fn read_only_queries_sent_by_the_hostile_contract_run_and_write_nothing() {
    let _serial = serial();
    let chain = chain();
    let v = Victims::shared();
    let attacker = Attacker::deploy(chain);
    let before = snapshot(chain);
    let queries: Vec<_> = every_attack(chain, v, attacker.account)
        .into_iter()
        .filter(|a| a.expected == Expected::WritesNothing)
        .collect();
    assert_eq!(queries.len(), 3);
    for query in queries {
        let action = query.action.clone().declaring(&[attacker.own()]);
        let outcome =
            chain.push_actions(vec![attacker.internal(action)]).unwrap_or_else(|e| panic!("{}: {e}", query.label()));
        let ran = outcome.inline_actions(query.action.account, &query.name);
        assert_eq!(ran.len(), 1, "{} ran once", query.label());
        assert!(ran[0].ram_deltas.is_empty(), "{} wrote nothing: {:?}", query.label(), ran[0].ram_deltas);
    }
    assert_unchanged(chain, &before, "read-only queries sent by the hostile contract");
}

#[test]
fn a_victims_permissions_cannot_be_declared_by_another_contract() {
    let _serial = serial();
    let chain = chain();
    let v = Victims::shared();
    let attacker = Attacker::deploy(chain);
    let p = chain.peers;
    let (coop, member) = (v.coop.name, v.coop.members[0].name);
    let stolen = Authority::key(PrivateKey::generate().public_key());
    let updateauth = |account: Name, permission: Name, parent: Name, auth: Authority| {
        typed(SYSTEM, &UpdateAuth { account, permission, parent, auth })
    };
    let accept = Acceptjoin { coopname: coop, username: v.paid.name, decision_id: v.paid_decision };
    let new_account =
        NewAccount { creator: coop, name: chain.unique_name("hacc"), owner: stolen.clone(), active: stolen.clone() };
    let confirm = Confirm { coopname: coop, deposit_id: v.unpaid_deposit, memo: String::new() };
    let steal = TokenTransfer { from: member, to: attacker.account, quantity: core("1.0000"), memo: String::new() };
    let to_attacker = Authority::accounts(&[attacker.own()]);
    // (the victim, the permission declared, what it would do: each linked to that permission)
    let attempts = [
        (coop, OWNER, updateauth(coop, OWNER, Name::new(0), stolen.clone())),
        (coop, ACTIVE, updateauth(coop, ACTIVE, OWNER, stolen.clone())),
        (coop, CONTRACTS_PERMISSION, typed(p.registrator, &accept)),
        (coop, COUNCIL_PERMISSION, typed(p.registrator, &Setfees { coopname: coop, ..Default::default() })),
        (coop, n("accounts"), typed(SYSTEM, &new_account)),
        (coop, PROVIDER_PERMISSION, typed(p.wallet, &confirm)),
        (coop, PROVIDER_PERMISSION, updateauth(coop, PROVIDER_PERMISSION, ACTIVE, to_attacker)),
        (member, OWNER, updateauth(member, ACTIVE, OWNER, stolen.clone())),
        (member, ACTIVE, typed(TOKEN, &steal)),
    ];
    let before = snapshot(chain);
    let accounts_before: Vec<_> = [coop, member].iter().map(|a| permissions(chain, *a)).collect();
    let mut failures = Vec::new();
    for (victim, permission, action) in attempts {
        let declared = level(victim, permission);
        let action = action.declaring(&[declared]);
        let outcome = Outcome::of(chain.push_actions(vec![attacker.payment_from(victim), attacker.internal(action)]));
        if let Err(wrong) = refused_when_sent(&outcome, declared, attacker.account) {
            failures.push(format!("declaring {victim}@{permission}: {wrong}"));
        }
    }
    assert_all_refused("a victim's permissions declared by the hostile contract", &failures);
    assert_unchanged(chain, &before, "a victim's permissions declared by the hostile contract");
    let accounts_after: Vec<_> = [coop, member].iter().map(|a| permissions(chain, *a)).collect();
    assert_eq!(accounts_after, accounts_before, "the victims' permissions");
}

/// `account::A(data)`, declaring nothing yet.
fn typed<A: coop_runtime::ActionData>(account: Name, data: &A) -> InlineAction {
    InlineAction::new(account, &[], data)
}

/// An account's permissions as the chain shows them.
fn permissions(chain: &antelope_test_harness::fixture::TestChain, account: Name) -> serde_json::Value {
    chain.client.get_account(account).unwrap_or_else(|e| panic!("get_account {account}: {e}"))["permissions"].clone()
}
