//! The hostile contract's own API: its action data, its one table and the
//! `contract_interface!` its ABI is generated from. Tests build its actions with these types
//! and the inline actions it sends with our contracts' own (`coop_protocol`) types.
use alloc::vec::Vec;
use coop_runtime::{AbiType, ActionData, Peers};
use eosio::{Action, Name, NumBytes, PermissionLevel, Read, Write};

/// `actor@permission`, as the chain packs a `permission_level`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Read, Write, NumBytes, AbiType)]
#[abi(name = "permission_level")]
pub struct Level {
    pub actor: Name,
    pub permission: Name,
}

impl From<PermissionLevel> for Level {
    fn from(level: PermissionLevel) -> Self {
        Self { actor: level.actor.into(), permission: level.permission.into() }
    }
}

/// An action to send inline, packed exactly as the chain packs an `action`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct InlineAction {
    /// The contract the action goes to.
    pub account: Name,
    /// The action's name.
    pub name: Name,
    /// The permission levels the action declares; the chain checks them when the hostile
    /// contract sends it, against `<hostile>@eosio.code` alone.
    pub authorization: Vec<Level>,
    /// The packed action data.
    pub data: Vec<u8>,
}

impl InlineAction {
    /// `account::A(data)` declaring `authorization`: typed with the action's own data
    /// struct (e.g. `coop_protocol::registrator::Acceptjoin`).
    pub fn new<A: ActionData>(account: Name, authorization: &[PermissionLevel], data: &A) -> Self {
        let action = data.to_action(account, authorization);
        Self {
            account: action.account.into(),
            name: action.name.into(),
            authorization: action.authorization.into_iter().map(Level::from).collect(),
            data: action.data,
        }
    }

    /// The same action with `authorization` instead.
    pub fn declaring(mut self, authorization: &[PermissionLevel]) -> Self {
        self.authorization = authorization.iter().copied().map(Level::from).collect();
        self
    }

    /// The chain's action.
    pub fn to_action(&self) -> Action<Vec<u8>> {
        Action {
            account: self.account.into(),
            name: self.name.into(),
            authorization: self
                .authorization
                .iter()
                .map(|l| PermissionLevel { actor: l.actor.into(), permission: l.permission.into() })
                .collect(),
            data: self.data.clone(),
        }
    }
}

/// `init(peers)`: where our contracts are (the accounts notifications are forwarded to).
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Init {
    pub peers: Peers,
}

/// `internal(action)`: send `action` inline, exactly as given.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Internal {
    pub action: InlineAction,
}

/// `asvictim(victim, action)`: the victim signs this action; send `action` inline.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Asvictim {
    pub victim: Name,
    pub action: InlineAction,
}

/// `arm(action, as_payer)`: what to send on the next transfer to the hostile account.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Arm {
    pub action: InlineAction,
    /// Declare `<payer>@active` (the transfer's `from`) instead of `action.authorization`.
    pub as_payer: bool,
}

/// The armed attack (primary key 0), sent on each transfer to the hostile account.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Plan {
    pub action: InlineAction,
    pub as_payer: bool,
}

coop_runtime::table!(
    /// The armed attack: one row, paid by the hostile account (`arm`).
    Plans, "plans", Plan, |_row| 0
);

/// The message when `init` has not run.
pub const ERR_NOT_INITIALIZED: &str = "hostile contract is not initialized";

coop_runtime::contract_interface! {
    /// The hostile contract's actions. Any other action pushed to it is echoed to our
    /// contracts as a notification (`require_recipient`): an action named like one of theirs,
    /// with their data and whatever signatures the transaction carries; and each
    /// `eosio.token::transfer` to it is forwarded to them the same way, then the armed plan
    /// (`arm`) is sent.
    pub trait Hostile {
        /// Sets our contracts' accounts. Signed by the hostile account.
        init(Init) errors [];
        /// Sends `action` inline with the authorization it declares. Signed by anyone.
        internal(Internal) errors [];
        /// Requires `victim`'s authority on this very action (the victim uses the hostile
        /// contract, so their signature is in the transaction), then sends `action` inline
        /// with the authorization it declares.
        asvictim(Asvictim) errors [];
        /// Stores the plan a transfer to the hostile account sets off. Signed by the hostile
        /// account, which pays the row.
        arm(Arm) errors [];
    }
    tables { coop_runtime::peers::PeersTable, Plans }
}

/// Whether `action` is one of the hostile contract's own actions (anything else is echoed).
pub fn is_own_action(action: u64) -> bool {
    [Init::NAME, Internal::NAME, Asvictim::NAME, Arm::NAME].iter().any(|name| name.as_u64() == action)
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
    use coop_runtime::{action::level, n};

    #[test]
    fn every_action_of_the_abi_is_its_own_and_nothing_else_is() {
        let abi = abi();
        for action in &abi.actions {
            assert!(is_own_action(n(&action.name).as_u64()), "{}", action.name);
        }
        assert_eq!(abi.actions.len(), 4);
        assert!(!is_own_action(n("acceptjoin").as_u64()));
    }

    #[test]
    fn an_inline_action_packs_as_the_chains_action() {
        let data = Init { peers: Peers { operator: n("operator"), ..Peers::default() } };
        let authorization = [level(n("hostile"), n("active"))];
        let inline = InlineAction::new(n("hostile"), &authorization, &data);
        let packed = eosio::Write::pack(&inline).unwrap();
        assert_eq!(packed, eosio::Write::pack(&data.to_action(n("hostile"), &authorization)).unwrap());
        assert_eq!(eosio::Write::pack(&inline.to_action()).unwrap(), packed);
    }
}
