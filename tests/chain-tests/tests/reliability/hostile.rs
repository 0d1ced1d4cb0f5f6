//! Issue 11, item 3: a hostile contract (`contracts/hostile`, deployed here to an account of
//! its own) tries to make our contracts act without their trust, and every attempt is
//! refused with its exact error while every row of our contracts stays as it was:
//!
//! - [`internal`]: each internal action of our contracts (the [`catalogue::INTERNAL`] list,
//!   checked against the ABIs), sent inline with the hostile contract's own authority —
//!   refused by the receiving handler (`missing authority of <the sending contract>`); or
//!   declaring the sending contract's authority, or the cooperative's `contracts`
//!   permission — refused by the chain when the hostile contract sends it;
//! - [`victims`]: each public action, naming a victim whose real signature is in the same
//!   transaction (on a payment to the attacker, or on the hostile action itself) — refused;
//!   a victim's permissions (a cooperative's seven, a member's two) cannot be declared;
//! - [`notifications`]: our contracts notify nobody; notifications forwarded to them, and
//!   actions named like theirs echoed to them (even signed by the victim), change nothing;
//!   a payment to the attacker lends it nothing of the payer's.
mod catalogue;
mod fixture;
mod internal;
mod notifications;
mod victims;

use crate::reliability::common::Outcome;
use eosio::{Name, PermissionLevel};

/// The chain's refusal of an inline action whose declared `level` the sending contract
/// (`attacker`, which has only `<attacker>@eosio.code`) cannot satisfy.
pub fn refused_when_sent(outcome: &Outcome, level: PermissionLevel, attacker: Name) -> Result<(), String> {
    let declared = format!(
        "transaction declares authority '{{\"actor\":\"{}\",\"permission\":\"{}\"}}', but does not have signatures for it",
        Name::from(level.actor),
        Name::from(level.permission)
    );
    let provided =
        format!("provided permissions [{{\"actor\":\"{attacker}\",\"permission\":\"eosio.code\"}}], provided keys []");
    match outcome {
        Outcome::Chain { name, message }
            if name == "unsatisfied_authorization" && message.starts_with(&declared) && message.contains(&provided) =>
        {
            Ok(())
        }
        other => Err(format!("{other}, expected unsatisfied_authorization: {declared} … {provided}")),
    }
}

/// Panics with every failed attempt, one a line.
#[track_caller]
pub fn assert_all_refused(what: &str, failures: &[String]) {
    assert!(failures.is_empty(), "{what}: {} not as expected:\n  {}", failures.len(), failures.join("\n  "));
}
