//! Action data: the struct an action carries is its public API, and so is what it fails with.
use crate::interface::{ERR_BAD_ACTION_DATA, ERR_BAD_UTF8};
use alloc::vec::Vec;
use eosio::{Action, Name, NumBytes, PermissionLevel, Read, Write};

/// The data of one action of a contract. Implemented by `contract_interface!`.
pub trait ActionData: Read + Write + NumBytes {
    /// The action's name.
    const NAME: Name;
    /// What the action returns through `set_action_return_value` (`()` for nothing).
    type Return: Read + Write + NumBytes;
    /// What the action can abort with, as its `contract_interface!` entry lists it (`errors
    /// [...]`, `calls [...]`); `None` for the actions of contracts outside this project (the
    /// system contracts'), whose messages are not ours to list. Host-side data: a contract
    /// that does not read it (none does) carries none of it.
    const ERRORS: Option<&'static Errors> = None;
    /// The interface (`contract_interface!`'s trait name, e.g. `"Registrator"`) this action
    /// belongs to, so that a client can send it to the right account without being told;
    /// `None` for the system contracts' actions.
    const CONTRACT: Option<&'static str> = None;

    /// The packed action for `contract`, authorised by `authorization`.
    fn to_action(&self, contract: Name, authorization: &[PermissionLevel]) -> Action<alloc::vec::Vec<u8>> {
        Action {
            account: contract.into(),
            name: Self::NAME.into(),
            authorization: authorization.into(),
            data: crate::packing::packed(self),
        }
    }
}

/// `actor@permission`.
pub fn level(actor: Name, permission: Name) -> PermissionLevel {
    PermissionLevel { actor: actor.into(), permission: permission.into() }
}

/// What one action can abort with, as its entry in `contract_interface!` lists it.
///
/// The rule: an action lists every message its code can abort with — its handler's and
/// those of the helpers it calls, for any action data and whatever the tables hold — and
/// names in `calls` the actions of these contracts that it sends inline: their failures
/// abort it with their own messages, which it does not list again. Not listed: what the
/// action's own code rules out (a row it has just read, a value it has just built); guards
/// whose invariants host tests prove (the wallet ledger's balances and symbols); the
/// runtime's internal guards (`ERR_PACK`, a row written back under another key);
/// [`DECODE_ERRORS`], which every action has; and the chain's own errors (missing
/// authority, …) and the system contracts' messages. A contract's messages that no action
/// lists are kept apart, in its errors module's `UNREACHABLE`. A test that meets an
/// unlisted message of ours has found a wrong list or a broken invariant.
#[derive(Debug)]
pub struct Errors {
    /// The action's name.
    pub action: &'static str,
    /// The names of the constants it lists (`ERR_…`), each once.
    pub names: &'static [&'static str],
    /// Their messages, in the same order. A message ending in `": "` is followed by a
    /// detail (`ERR_AGREEMENT_MISSING`: the agreement kind).
    pub messages: &'static [&'static str],
    /// The actions of these contracts it sends inline.
    pub calls: &'static [&'static Errors],
}

/// What every action can fail with before its handler runs: action data that does not
/// decode (see [`crate::interface::decode`]).
pub const DECODE_ERRORS: [&str; 2] = [ERR_BAD_ACTION_DATA, ERR_BAD_UTF8];

impl Errors {
    /// Whether the action can abort with `message`: one of its own, one of an action it
    /// sends inline (and so on down), or one of [`DECODE_ERRORS`].
    pub fn lists(&self, message: &str) -> bool {
        DECODE_ERRORS.contains(&message) || self.closure().iter().any(|listed| is_message(listed, message))
    }

    /// Every message the action can abort with but [`DECODE_ERRORS`]: its own, then those of
    /// the actions it sends inline (depth first), each once.
    pub fn closure(&self) -> Vec<&'static str> {
        let mut all = Vec::new();
        self.collect(&mut all);
        all
    }

    fn collect(&self, all: &mut Vec<&'static str>) {
        for message in self.messages {
            if !all.contains(message) {
                all.push(message);
            }
        }
        for called in self.calls {
            called.collect(all);
        }
    }
}

/// Whether `message` is the listed message `listed` (or, for one ending in `": "`, starts
/// with it).
fn is_message(listed: &str, message: &str) -> bool {
    listed == message || (listed.ends_with(": ") && message.starts_with(listed))
}

/// The listed errors of an action of these contracts (for `calls [...]`, at compile time).
#[doc(hidden)]
pub const fn listed(errors: Option<&'static Errors>) -> &'static Errors {
    match errors {
        Some(errors) => errors,
        None => panic!("`calls [...]` names an action whose errors are not listed"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEAF: Errors = Errors { action: "leaf", names: &["ERR_C"], messages: &["c"], calls: &[] };
    const MIDDLE: Errors =
        Errors { action: "middle", names: &["ERR_B", "ERR_C"], messages: &["b", "c"], calls: &[&LEAF] };
    const TOP: Errors =
        Errors { action: "top", names: &["ERR_A", "ERR_D"], messages: &["a", "missing: "], calls: &[&MIDDLE, &LEAF] };

    #[test]
    fn an_action_lists_its_own_messages_and_those_of_what_it_calls() {
        assert_eq!(TOP.closure(), ["a", "missing: ", "b", "c"]);
        for message in ["a", "b", "c", ERR_BAD_ACTION_DATA, ERR_BAD_UTF8, "missing: privacy"] {
            assert!(TOP.lists(message), "{message}");
        }
        for message in ["", "d", "missing", "a: x"] {
            assert!(!TOP.lists(message), "{message}");
        }
        assert!(LEAF.lists("c") && !LEAF.lists("a"));
    }
}
