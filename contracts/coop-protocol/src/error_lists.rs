//! Host tests of what each action lists in `errors [...]` and `calls [...]` against the
//! contracts' `errors` modules and `common_errors`: every message some action can abort
//! with is listed by one, none twice by the same action, none spelled twice across
//! contracts, and the lists agree with the blocked-cooperative rule and the council's
//! allow-list.
use crate::{blocked, common_errors, operator, registrator, soviet, wallet};
use alloc::{format, string::String, vec::Vec};
use coop_runtime::action::{Errors, DECODE_ERRORS};

/// A contract's name, its errors module's `ALL` and `UNREACHABLE`, and its actions' lists.
type Contract = (
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static [(&'static str, &'static str)],
    &'static [&'static Errors],
);

const CONTRACTS: [Contract; 4] = [
    ("operator", operator::errors::ALL, operator::errors::UNREACHABLE, operator::ACTION_ERRORS),
    ("registrator", registrator::errors::ALL, registrator::errors::UNREACHABLE, registrator::ACTION_ERRORS),
    ("soviet", soviet::errors::ALL, soviet::errors::UNREACHABLE, soviet::ACTION_ERRORS),
    ("wallet", wallet::errors::ALL, wallet::errors::UNREACHABLE, wallet::ACTION_ERRORS),
];

/// Every problem with one contract's lists (empty: none).
fn problems((contract, all, unreachable, actions): Contract) -> Vec<String> {
    let mut problems = Vec::new();
    for errors in actions {
        let action = errors.action;
        for (i, (name, message)) in errors.names.iter().zip(errors.messages).enumerate() {
            if errors.messages[..i].contains(message) {
                problems.push(format!("{contract}::{action} lists {name} ({message:?}) twice"));
            }
            if !all.contains(&(*name, *message)) {
                problems.push(format!("{contract}::{action} lists {name}, which its errors module's ALL lacks"));
            }
            if DECODE_ERRORS.contains(message) {
                problems.push(format!("{contract}::{action} lists {name}: every action has it"));
            }
        }
    }
    for (name, message) in all.iter().chain(unreachable) {
        let listed_by = actions.iter().filter(|errors| errors.messages.contains(message)).count();
        let reachable = all.contains(&(*name, *message));
        if reachable && listed_by == 0 {
            problems.push(format!("{contract}: no action lists {name} (list it, or move it to `unreachable`)"));
        }
        if !reachable && listed_by > 0 {
            problems.push(format!("{contract}: {name} is unreachable but {listed_by} action(s) list it"));
        }
    }
    let every = || all.iter().chain(unreachable);
    for (i, (name, message)) in every().enumerate() {
        if let Some((other, _)) = every().take(i).find(|(_, m)| m == message) {
            problems.push(format!("{contract}: {other} and {name} are one message, {message:?}"));
        }
    }
    problems
}

fn assert_no_problems(contract: Contract) {
    let problems = problems(contract);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_operator_message_is_listed_by_an_action_and_none_twice() {
    assert_no_problems(CONTRACTS[0]);
}

#[test]
fn every_registrator_message_is_listed_by_an_action_and_none_twice() {
    assert_no_problems(CONTRACTS[1]);
}

#[test]
fn every_soviet_message_is_listed_by_an_action_and_none_twice() {
    assert_no_problems(CONTRACTS[2]);
}

#[test]
fn every_wallet_message_is_listed_by_an_action_and_none_twice() {
    assert_no_problems(CONTRACTS[3]);
}

#[test]
fn the_checks_find_what_they_are_for() {
    const TWICE: Errors = Errors { action: "twice", names: &["ERR_A", "ERR_A"], messages: &["a", "a"], calls: &[] };
    const STRANGER: Errors = Errors { action: "stranger", names: &["ERR_X"], messages: &["x"], calls: &[] };
    let all: &'static [(&str, &str)] = &[("ERR_A", "a"), ("ERR_B", "b"), ("ERR_C", "a")];
    let found = problems(("test", all, &[("ERR_D", "x")], &[&TWICE, &STRANGER])).join("\n");
    for expected in [
        "test::twice lists ERR_A (\"a\") twice",
        "test::stranger lists ERR_X, which its errors module's ALL lacks",
        "test: no action lists ERR_B",
        "test: ERR_D is unreachable but 1 action(s) list it",
        "test: ERR_A and ERR_C are one message",
    ] {
        assert!(found.contains(expected), "{expected}\nnot in:\n{found}");
    }
}

/// One home for shared messages: a text two contracts use is `common_errors`' (or, for the
/// unreachable guards, the runtime's), and each of those is used by two contracts at least.
#[test]
fn no_message_is_spelled_in_two_contracts() {
    let common = common_errors::ALL;
    for (i, (a, a_all, a_unreachable, _)) in CONTRACTS.iter().enumerate() {
        for (b, b_all, b_unreachable, _) in &CONTRACTS[i + 1..] {
            for (name, message) in a_all.iter().chain(*a_unreachable) {
                let shared = b_all.iter().chain(*b_unreachable).find(|(_, m)| m == message);
                if let Some((other, _)) = shared {
                    assert!(
                        common.contains(&(*name, *message)) && name == other,
                        "{a}::{name} and {b}::{other} are one message, {message:?}: put it in common_errors"
                    );
                }
            }
        }
    }
    assert!(common_errors::UNREACHABLE.is_empty());
    for (name, message) in common {
        let users: Vec<_> =
            CONTRACTS.iter().filter(|(.., actions)| actions.iter().any(|e| e.messages.contains(message))).collect();
        assert!(users.len() >= 2, "common_errors::{name} is used by {} contract(s)", users.len());
    }
}

/// The contract and action names of `RULES` against the lists: an action refused while its
/// cooperative is blocked lists `ERR_COOP_NOT_ACTIVE`; one allowed can never fail with it.
#[test]
fn the_blocked_rule_agrees_with_the_lists() {
    for (contract, action, rule, _) in blocked::RULES {
        let (.., actions) = CONTRACTS.iter().find(|(name, ..)| name == contract).expect("a contract");
        let errors = actions.iter().find(|e| e.action == *action).expect("an action");
        match rule {
            blocked::WhileBlocked::Refused => assert!(
                errors.messages.contains(&common_errors::ERR_COOP_NOT_ACTIVE),
                "{contract}::{action} is refused while blocked but does not list ERR_COOP_NOT_ACTIVE"
            ),
            blocked::WhileBlocked::Allowed => assert!(
                !errors.lists(common_errors::ERR_COOP_NOT_ACTIVE),
                "{contract}::{action} is allowed while blocked but can fail with ERR_COOP_NOT_ACTIVE"
            ),
            blocked::WhileBlocked::NotApplicable => {}
        }
    }
}

/// `exec` runs a free decision's actions: it names every action the council may take.
#[test]
fn exec_calls_every_action_the_council_may_take() {
    let exec = soviet::ACTION_ERRORS.iter().find(|e| e.action == "exec").expect("exec");
    for (_, name) in soviet::council::ALLOWED {
        let name = alloc::string::ToString::to_string(&name);
        assert!(exec.calls.iter().any(|called| called.action == name), "exec does not name {name} in calls");
    }
}

/// The closure follows the calls: `confirm` of a registration deposit runs `paidjoin`,
/// which runs `propose`.
#[test]
fn an_action_fails_with_the_messages_of_the_actions_it_sends() {
    use coop_runtime::ActionData;
    let confirm = wallet::Confirm::ERRORS.expect("listed");
    assert!(confirm.lists(registrator::errors::ERR_APPLICATION_NOT_OPEN));
    assert!(confirm.lists(soviet::errors::ERR_BOARD_NOT_FOUND));
    assert!(!confirm.lists(soviet::errors::ERR_NOT_VOTING_MEMBER));
    let missing = format!("{}privacy", registrator::errors::ERR_AGREEMENT_MISSING);
    assert!(registrator::Joincoop::ERRORS.expect("listed").lists(&missing));
    assert!(coop_runtime::system::NewAccount::ERRORS.is_none(), "the system contracts' actions list nothing");
}
