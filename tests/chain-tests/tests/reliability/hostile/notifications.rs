//! Notifications: our contracts send none, and those that reach them change nothing.
use super::catalogue::{internal_attacks, public_attacks, INTERNAL};
use super::fixture::{Attacker, Victims};
use super::refused_when_sent;
use crate::reliability::common::{assert_unchanged, chain, serial, snapshot, Outcome};
use antelope_test_harness::client::PushOutcome;
use antelope_test_harness::cooperative::{rub, Person, TestCoop};
use antelope_test_harness::fixture::TestChain;
use coop_protocol::operator::{Connect, Setstatus};
use coop_protocol::registrator::{Acceptjoin, Leavecoop, COOP_ACTIVE, COOP_BLOCKED};
use coop_protocol::soviet::{Voteagainst, Votefor};
use coop_protocol::wallet::{Deposit, Payout, Withdraw, KIND_SHARE};
use coop_runtime::action::level;
use coop_runtime::system::{ACTIVE, TOKEN};
use eosio::{Action, Name};
use std::collections::BTreeSet;

/// Our four contract accounts.
fn ours(chain: &TestChain) -> [String; 4] {
    let p = chain.peers;
    [p.operator, p.registrator, p.soviet, p.wallet].map(|a| a.to_string())
}

/// Checks that every notification our contracts received in `outcome` did nothing: no
/// action sent from it, no RAM, no return value. Returns how many there were.
fn ignored_notifications(chain: &TestChain, outcome: &PushOutcome) -> usize {
    let ours = ours(chain);
    let received: Vec<_> =
        outcome.action_traces.iter().filter(|t| ours.contains(&t.receiver) && t.receiver != t.account).collect();
    for trace in &received {
        let sent = outcome.action_traces.iter().filter(|t| t.creator_action_ordinal == trace.action_ordinal).count();
        assert_eq!(sent, 0, "{} sent actions on a notification of {}::{}", trace.receiver, trace.account, trace.name);
        assert!(trace.ram_deltas.is_empty(), "{} used RAM on {}::{}", trace.receiver, trace.account, trace.name);
        assert!(trace.return_value.is_empty(), "{} answered {}::{}", trace.receiver, trace.account, trace.name);
    }
    received.len()
}

#[test]
fn our_contracts_notify_nobody_in_any_flow_that_sends_an_internal_action() {
    let _serial = serial();
    let chain = chain();
    let outcomes = every_internal_flow(chain);
    let ours = ours(chain);
    let mut internal_seen = BTreeSet::new();
    let mut notified = 0;
    for outcome in &outcomes {
        for trace in outcome.action_traces.iter().filter(|t| ours.contains(&t.account)) {
            assert_eq!(
                trace.receiver, trace.account,
                "{}::{} was sent to {} as a notification",
                trace.account, trace.name, trace.receiver
            );
            if trace.creator_action_ordinal != 0 {
                internal_seen.insert(format!("{}::{}", trace.account, trace.name));
            }
        }
        // What reaches our contracts otherwise (the operator is the `from` of the
        // cooperative's funds transfer at `connect`) does nothing.
        notified += ignored_notifications(chain, outcome);
    }
    assert!(notified > 0, "the operator is notified of the funds transfer at `connect`");
    let missing: Vec<_> = INTERNAL
        .iter()
        .map(|(contract, action, _, _)| format!("{}::{action}", contract.account(&chain.peers)))
        .filter(|action| !internal_seen.contains(action))
        .collect();
    assert!(missing.is_empty(), "the flows never sent {missing:?}");
}

/// A fresh cooperative taken through every path that sends one of our internal actions:
/// connection, blocking, an accepted and a declined application, a declined and an executed
/// withdrawal with its payout, a declined and an executed leave. Every outcome.
fn every_internal_flow(chain: &TestChain) -> Vec<PushOutcome> {
    let p = chain.peers;
    let mut outcomes = Vec::new();
    let provider = chain.provider();
    let (request, key, chairman, members) = chain.coop_request(provider, 2);
    let requested = chain.ok(p.operator, &[provider], &request);
    let request_id: u64 = requested.return_value();
    outcomes.push(requested);
    outcomes.push(chain.ok(p.operator, &[p.operator], &Connect { request_id }));
    let coop = TestCoop { name: request.coopname, key, provider, chairman, members, request_id };
    for status in [COOP_BLOCKED, COOP_ACTIVE] {
        outcomes.push(chain.ok(p.operator, &[p.operator], &Setstatus { coopname: coop.name, status }));
    }

    let (member, created) = chain.new_member_account(&coop, "flow", "individual");
    outcomes.push(created);
    let decision = registration(chain, &coop, &member, &mut outcomes);
    outcomes.extend(approve(chain, &coop, decision));

    let (declined, created) = chain.new_member_account(&coop, "flow", "individual");
    outcomes.push(created);
    let decision = registration(chain, &coop, &declined, &mut outcomes);
    outcomes.extend(decline(chain, &coop, decision));

    let share = Deposit {
        coopname: coop.name,
        username: member.name,
        kind: KIND_SHARE,
        quantity: rub("50.0000"),
        memo: String::new(),
    };
    let deposited = chain.ok(p.wallet, &[member.name], &share);
    let deposit_id: u64 = deposited.return_value();
    outcomes.push(deposited);
    outcomes.push(chain.confirm_deposit(&coop, deposit_id));
    for approved in [false, true] {
        let data = Withdraw {
            coopname: coop.name,
            username: member.name,
            quantity: rub("10.0000"),
            statement: Default::default(),
        };
        let withdrawn = chain.ok(p.wallet, &[member.name], &member.signs(&p, "I withdraw", data));
        let id: u64 = withdrawn.return_value();
        outcomes.push(withdrawn);
        let decision = chain.decision_about(&coop, "withdraw", member.name).expect("a withdraw decision").id;
        if approved {
            outcomes.extend(approve(chain, &coop, decision));
            let payout = Payout { coopname: coop.name, withdraw_id: id, memo: String::new() };
            outcomes.push(chain.ok(p.wallet, &[coop.name], &payout));
        } else {
            outcomes.extend(decline(chain, &coop, decision));
        }
    }
    for approved in [false, true] {
        let data = Leavecoop { coopname: coop.name, username: member.name, statement: Default::default() };
        outcomes.push(chain.ok(p.registrator, &[member.name], &member.signs(&p, "I leave", data)));
        let decision = chain.decision_about(&coop, "leave", member.name).expect("a leave decision").id;
        outcomes.extend(if approved { approve(chain, &coop, decision) } else { decline(chain, &coop, decision) });
    }
    outcomes
}

/// Agreements, application, payment and its confirmation; the decision's id.
fn registration(chain: &TestChain, coop: &TestCoop, person: &Person, outcomes: &mut Vec<PushOutcome>) -> u64 {
    outcomes.push(chain.apply(coop, person, Name::new(0)));
    let fee = chain.registration_fee(coop, coop_protocol::registrator::TYPE_INDIVIDUAL);
    let (deposit_id, paid) = chain.pay_registration(coop, person, fee);
    outcomes.push(paid);
    outcomes.push(chain.confirm_deposit(coop, deposit_id));
    chain.decision_about(coop, "joincoop", person.name).expect("on the agenda").id
}

/// Every council member votes for, the chairman authorises, the chairman executes.
fn approve(chain: &TestChain, coop: &TestCoop, decision: u64) -> Vec<PushOutcome> {
    let mut outcomes: Vec<_> = coop.council().into_iter().map(|voter| chain.vote_for(coop, voter, decision)).collect();
    outcomes.push(chain.authorize(coop, decision));
    outcomes.push(chain.exec(coop, coop.chairman.name, decision));
    outcomes
}

/// Two of the three council members vote against: approval is impossible, the decision ends.
fn decline(chain: &TestChain, coop: &TestCoop, decision: u64) -> Vec<PushOutcome> {
    coop.council()
        .into_iter()
        .take(2)
        .map(|voter| {
            let data = Voteagainst { coopname: coop.name, member: voter.name, decision_id: decision };
            chain.ok(chain.peers.soviet, &[voter.name], &data)
        })
        .collect()
}

#[test]
fn transfer_notifications_forwarded_to_our_contracts_change_nothing() {
    let _serial = serial();
    let chain = chain();
    let v = Victims::shared();
    let attacker = Attacker::deploy(chain);
    let before = snapshot(chain);
    let outcome = chain.push_actions(vec![attacker.payment_from(v.coop.members[0].name)]).expect("a plain payment");
    let forwarded = outcome
        .action_traces
        .iter()
        .filter(|t| ours(chain).contains(&t.receiver) && t.account == TOKEN.to_string() && t.name == "transfer")
        .count();
    assert_eq!(forwarded, 4, "the transfer was forwarded to each of our contracts");
    assert_eq!(ignored_notifications(chain, &outcome), 4);
    assert_unchanged(chain, &before, "a transfer notification forwarded to our contracts");
}

#[test]
fn a_payment_lends_the_payee_contract_nothing_of_the_payers_authority() {
    let _serial = serial();
    let chain = chain();
    let v = Victims::shared();
    let attacker = Attacker::deploy(chain);
    let p = chain.peers;
    let payer = v.coop.members[0].name;
    let vote = Votefor { coopname: v.coop.name, member: payer, decision_id: v.paid_decision };
    let accept = Acceptjoin { coopname: v.coop.name, username: v.paid.name, decision_id: v.paid_decision };
    let before = snapshot(chain);

    // The payer's vote, declaring the hostile contract's own authority: our contract wants the payer's.
    attacker.arm(chain, attacker.as_itself(p.soviet, &vote), false);
    let outcome = Outcome::of(chain.push_actions(vec![attacker.payment_from(payer)]));
    assert_eq!(outcome.to_string(), format!("missing_auth_exception: missing authority of {payer}"));

    // Declaring the payer's `active`: the chain refuses it as the hostile contract sends it.
    attacker.arm(chain, attacker.as_itself(p.soviet, &vote), true);
    let outcome = Outcome::of(chain.push_actions(vec![attacker.payment_from(payer)]));
    refused_when_sent(&outcome, level(payer, ACTIVE), attacker.account).unwrap();

    // An internal action set off by the payment: the receiver wants the soviet's authority.
    attacker.arm(chain, attacker.as_itself(p.registrator, &accept), false);
    let outcome = Outcome::of(chain.push_actions(vec![attacker.payment_from(payer)]));
    assert_eq!(outcome.to_string(), format!("missing_auth_exception: missing authority of {}", p.soviet));

    assert_unchanged(chain, &before, "payments that set off the hostile contract");
}

#[test]
fn actions_named_like_our_internal_ones_reach_our_contracts_only_as_notifications_they_ignore() {
    let _serial = serial();
    let chain = chain();
    let v = Victims::shared();
    let attacker = Attacker::deploy(chain);
    let before = snapshot(chain);
    // `hostile::acceptjoin` with `registrator::acceptjoin`'s data, and so on: the hostile
    // contract echoes each to our four contracts.
    let look_alikes: Vec<Action<Vec<u8>>> = internal_attacks(chain, v, attacker.account)
        .into_iter()
        .map(|attack| look_alike(&attacker, attack.action.name, attack.action.data, level(attacker.account, ACTIVE)))
        .collect();
    assert_eq!(look_alikes.len(), INTERNAL.len());
    let outcome = chain.push_actions(look_alikes).expect("the hostile contract accepts its look-alikes");
    assert_eq!(ignored_notifications(chain, &outcome), 4 * INTERNAL.len());
    assert_unchanged(chain, &before, "look-alikes of our internal actions");
}

#[test]
fn a_victims_signature_on_a_look_alike_of_our_action_does_not_make_it_ours() {
    let _serial = serial();
    let chain = chain();
    let v = Victims::shared();
    let attacker = Attacker::deploy(chain);
    let before = snapshot(chain);
    // The victim signs `hostile::setfees(coopname, …)`, `hostile::votefor(…, member, …)` and
    // so on (phished): a notification carries their authority, and a contract that ran
    // our handlers on notifications would pass their `require_auth`.
    // (Not `init`: that name is the hostile contract's own action.)
    let attacks = public_attacks(chain, v, attacker.account);
    let look_alikes: Vec<Action<Vec<u8>>> = attacks
        .iter()
        .filter(|attack| !hostile::protocol::is_own_action(attack.action.name.as_u64()))
        .map(|attack| {
            look_alike(&attacker, attack.action.name, attack.action.data.clone(), level(attack.victim, ACTIVE))
        })
        .collect();
    assert_eq!(look_alikes.len(), attacks.len() - 4, "every public action but the four `init`");
    let count = look_alikes.len();
    let outcome = chain.push_actions(look_alikes).expect("the victims sign the hostile contract's look-alikes");
    assert_eq!(ignored_notifications(chain, &outcome), 4 * count);
    assert_unchanged(chain, &before, "look-alikes of our public actions signed by their victims");
}

/// `hostile::<name>(data)`, declaring `authorization`.
fn look_alike(
    attacker: &Attacker,
    name: Name,
    data: Vec<u8>,
    authorization: eosio::PermissionLevel,
) -> Action<Vec<u8>> {
    Action { account: attacker.account.into(), name: name.into(), authorization: vec![authorization], data }
}
