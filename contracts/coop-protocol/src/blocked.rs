//! One rule for blocked cooperatives, for every action of the four contracts.
//!
//! The operator blocks a cooperative with `operator::setstatus(blocked)` (mirrored in the
//! registrator's registry) and re-activates it the same way. While it is blocked **nothing
//! new starts**: no member, no money in, no decision, no vote, no branch, no agreement, no
//! key change. **What is in flight may finish only where refusing would strand money or
//! RAM**: a registration refund is paid, an authorised withdrawal is paid out or fails back
//! to the wallet, an expired or declined decision is closed (and its declined path runs), an
//! unpaid application or deposit is cancelled. Read-only queries answer as always.
//!
//! [`RULES`] is the list every handler follows and the README's table shows; host tests
//! check that it names every action of every ABI exactly once and that the README shows it.

/// What an action does while its cooperative is blocked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WhileBlocked {
    /// Refused with the contract's `ERR_COOP_NOT_ACTIVE`: it would start something new.
    Refused,
    /// Allowed: it finishes something in flight whose refusal would strand money or RAM,
    /// or it only reads.
    Allowed,
    /// Not about one existing cooperative (set-up, the operator's own switch).
    NotApplicable,
}

use WhileBlocked::{Allowed, NotApplicable, Refused};

/// `(contract, action, rule, why)` for every action of the four contracts.
pub const RULES: &[(&str, &str, WhileBlocked, &str)] = &[
    ("operator", "init", NotApplicable, "contract set-up"),
    ("operator", "addprovider", NotApplicable, "providers, not cooperatives"),
    ("operator", "rmprovider", NotApplicable, "providers, not cooperatives"),
    ("operator", "request", NotApplicable, "the cooperative does not exist yet"),
    ("operator", "connect", NotApplicable, "the cooperative does not exist yet"),
    ("operator", "setupcoop", NotApplicable, "the cooperative does not exist yet"),
    ("operator", "act", NotApplicable, "forwards actions that each follow the rule"),
    ("operator", "reject", NotApplicable, "the cooperative does not exist yet"),
    ("operator", "setstatus", NotApplicable, "the switch itself"),
    ("registrator", "init", NotApplicable, "contract set-up"),
    ("registrator", "regcoop", NotApplicable, "the cooperative does not exist yet"),
    ("registrator", "setstatus", NotApplicable, "the switch itself"),
    ("registrator", "newaccount", Refused, "a new person"),
    ("registrator", "joincoop", Refused, "a new application"),
    ("registrator", "createbranch", Refused, "a new branch"),
    ("registrator", "deletebranch", Refused, "governance"),
    ("registrator", "selectbranch", Refused, "a new request"),
    ("registrator", "paidjoin", Refused, "puts an application before the council"),
    ("registrator", "acceptjoin", Refused, "a new member"),
    ("registrator", "declinejoin", Allowed, "ends an application; its fee becomes due back"),
    ("registrator", "leavecoop", Refused, "a new request"),
    ("registrator", "acceptleave", Refused, "runs only from an executed decision"),
    ("registrator", "declineleave", Allowed, "ends a request"),
    ("registrator", "setfees", Refused, "governance"),
    ("registrator", "cancelapp", Allowed, "ends an unpaid application, frees its RAM"),
    ("registrator", "adduser", Refused, "a new member"),
    ("registrator", "changekey", Refused, "governance"),
    ("registrator", "setagreement", Refused, "governance"),
    ("registrator", "rmagreement", Refused, "governance"),
    ("registrator", "agree", Refused, "a new agreement"),
    ("soviet", "init", NotApplicable, "contract set-up"),
    ("soviet", "createboard", NotApplicable, "the cooperative does not exist yet"),
    ("soviet", "updateboard", Refused, "governance"),
    ("soviet", "setttl", Refused, "governance"),
    ("soviet", "propose", Refused, "a new decision"),
    ("soviet", "freedecision", Refused, "a new decision"),
    ("soviet", "votefor", Refused, "the council does not decide while blocked"),
    ("soviet", "voteagainst", Refused, "the council does not decide while blocked"),
    ("soviet", "cancelvote", Refused, "the council does not decide while blocked"),
    ("soviet", "authorize", Refused, "the council does not decide while blocked"),
    ("soviet", "exec", Refused, "the council does not decide while blocked"),
    ("soviet", "close", Allowed, "ends a decision; its declined path returns money"),
    ("soviet", "agenda", Allowed, "read-only"),
    ("wallet", "init", NotApplicable, "contract set-up"),
    ("wallet", "openledger", NotApplicable, "the cooperative does not exist yet"),
    ("wallet", "deposit", Refused, "money in"),
    ("wallet", "confirm", Refused, "money in"),
    ("wallet", "cancel", Allowed, "ends a pending deposit, frees its RAM"),
    ("wallet", "addmember", Refused, "a new member"),
    ("wallet", "refundreg", Allowed, "a declined application's fee becomes due back"),
    ("wallet", "payrefund", Allowed, "pays back money due"),
    ("wallet", "withdraw", Refused, "a new request"),
    ("wallet", "allowwithdr", Refused, "runs only from an executed decision"),
    ("wallet", "declwithdr", Allowed, "ends a request; the amount is free again"),
    ("wallet", "leftcoop", Refused, "runs only from an executed decision"),
    ("wallet", "failwithdr", Allowed, "an authorised payout failed; the money goes back"),
    ("wallet", "payout", Allowed, "pays an authorised withdrawal"),
    ("wallet", "deposits", Allowed, "read-only"),
    ("wallet", "withdrawals", Allowed, "read-only"),
];

/// The rule for `contract::action`, if it is listed.
pub fn rule(contract: &str, action: &str) -> Option<WhileBlocked> {
    RULES.iter().find(|(c, a, ..)| *c == contract && *a == action).map(|(_, _, rule, _)| *rule)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::{format, string::ToString, vec::Vec};

    fn abis() -> [(&'static str, coop_abi::Abi); 4] {
        [
            ("operator", crate::operator::abi()),
            ("registrator", crate::registrator::abi()),
            ("soviet", crate::soviet::abi()),
            ("wallet", crate::wallet::abi()),
        ]
    }

    #[test]
    fn every_action_of_every_abi_has_exactly_one_rule() {
        let mut listed = 0;
        for (contract, abi) in abis() {
            for action in &abi.actions {
                let name = action.name.to_string();
                let count = RULES.iter().filter(|(c, a, ..)| *c == contract && *a == name).count();
                assert_eq!(count, 1, "{contract}::{name} must be listed once");
                listed += 1;
            }
        }
        assert_eq!(listed, RULES.len(), "RULES names an action no ABI has");
    }

    #[test]
    fn the_readme_shows_the_rule_of_every_cooperative_action() {
        let readme = include_str!("../../../README.md");
        let rows: Vec<_> = RULES.iter().filter(|(.., rule, _)| *rule != NotApplicable).collect();
        for (contract, action, rule, why) in rows {
            let word = if *rule == Refused { "refused" } else { "allowed" };
            let line = format!("| `{contract}::{action}` | {word} | {why} |");
            assert!(readme.contains(&line), "README.md lacks the line: {line}");
        }
    }
}
