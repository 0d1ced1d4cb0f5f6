//! What a provider may do for a cooperative it connected, and how it does it.
//!
//! A provider never holds a permission of the cooperative's account: any permission a
//! provider's key could satisfy, it could also rewrite, give children and relink actions to
//! (the chain lets a permission do that to itself), and keep after its removal. Instead the
//! cooperative's `provider` permission is `operator@eosio.code`, linked to the allowed
//! actions below, and the provider pushes [`Act`]: the operator's contract checks that the
//! provider is registered, that it connected this cooperative, and that each action is
//! allowed and acts on this cooperative, then sends them with `coop@provider`. Removing the
//! provider (`rmprovider`) takes all of it away at once. Pure: host-tested.
use super::errors::*;
use crate::carried::{check_each, coopname_of, Refusals};
use crate::{registrator, wallet};
use alloc::vec::Vec;
use coop_runtime::{AbiType, ActionData, Peers};
use eosio::{Name, NumBytes, Read, Write};

/// The cooperative's permission through which the operator's code forwards its provider's
/// actions; satisfied by `operator@eosio.code` alone.
pub const PROVIDER_PERMISSION: Name = coop_runtime::n("provider");

/// The most actions one `act` may forward.
pub const MAX_ACT_ACTIONS: usize = 8;

/// Which of our contracts an allowed action belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Registrator,
    Wallet,
}

impl Target {
    /// The account of this contract among `peers`.
    pub fn account(self, peers: &Peers) -> Name {
        match self {
            Target::Registrator => peers.registrator,
            Target::Wallet => peers.wallet,
        }
    }
}

/// The cooperative-administration actions a provider may push: accounts, applications,
/// branch choices, imports, agreements; deposits, their confirmation or cancellation,
/// payouts and refunds. Not governance (the council's), not key changes, not transfers.
pub const PROVIDER_ACTIONS: [(Target, Name); 12] = [
    (Target::Registrator, registrator::Newaccount::NAME),
    (Target::Registrator, registrator::Joincoop::NAME),
    (Target::Registrator, registrator::Cancelapp::NAME),
    (Target::Registrator, registrator::Selectbranch::NAME),
    (Target::Registrator, registrator::Adduser::NAME),
    (Target::Registrator, registrator::Agree::NAME),
    (Target::Wallet, wallet::Deposit::NAME),
    (Target::Wallet, wallet::Confirm::NAME),
    (Target::Wallet, wallet::Cancel::NAME),
    (Target::Wallet, wallet::Payout::NAME),
    (Target::Wallet, wallet::Failwithdr::NAME),
    (Target::Wallet, wallet::Payrefund::NAME),
];

/// One action a provider asks the operator to forward: `account::name(data)`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct ProviderAction {
    pub account: Name,
    pub name: Name,
    pub data: Vec<u8>,
}

impl ProviderAction {
    /// `account::T(data)`.
    pub fn new<T: ActionData>(account: Name, data: &T) -> Self {
        ProviderAction { account, name: T::NAME, data: coop_runtime::packing::packed(data) }
    }
}

/// `act(provider, coopname, actions)`: a provider's actions for a cooperative it connected.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Act {
    pub provider: Name,
    pub coopname: Name,
    pub actions: Vec<ProviderAction>,
}

/// Checks what an `act` for `coopname` carries: 1 to [`MAX_ACT_ACTIONS`] actions, each an
/// allowed action of our contracts among `peers` whose data decodes and acts on `coopname`.
pub fn check_actions(actions: &[ProviderAction], coopname: Name, peers: &Peers) -> Result<(), &'static str> {
    if actions.is_empty() || actions.len() > MAX_ACT_ACTIONS {
        return Err(ERR_ACT_ACTIONS_COUNT);
    }
    let carried = actions.iter().map(|a| (a.account, a.name, a.data.as_slice()));
    let coopname_in = |name, data: &[u8]| match name {
        registrator::Newaccount::NAME => coopname_of::<registrator::Newaccount>(data, |a| a.coopname),
        registrator::Joincoop::NAME => coopname_of::<registrator::Joincoop>(data, |a| a.coopname),
        registrator::Cancelapp::NAME => coopname_of::<registrator::Cancelapp>(data, |a| a.coopname),
        registrator::Selectbranch::NAME => coopname_of::<registrator::Selectbranch>(data, |a| a.coopname),
        registrator::Adduser::NAME => coopname_of::<registrator::Adduser>(data, |a| a.coopname),
        registrator::Agree::NAME => coopname_of::<registrator::Agree>(data, |a| a.coopname),
        wallet::Deposit::NAME => coopname_of::<wallet::Deposit>(data, |a| a.coopname),
        wallet::Confirm::NAME => coopname_of::<wallet::Confirm>(data, |a| a.coopname),
        wallet::Cancel::NAME => coopname_of::<wallet::Cancel>(data, |a| a.coopname),
        wallet::Payout::NAME => coopname_of::<wallet::Payout>(data, |a| a.coopname),
        wallet::Failwithdr::NAME => coopname_of::<wallet::Failwithdr>(data, |a| a.coopname),
        wallet::Payrefund::NAME => coopname_of::<wallet::Payrefund>(data, |a| a.coopname),
        _ => Err(ERR_ACTION_NOT_ALLOWED),
    };
    let refusals = Refusals { not_allowed: ERR_ACTION_NOT_ALLOWED, other_coop: ERR_ACTION_OTHER_COOP };
    check_each(carried, &PROVIDER_ACTIONS, |t: Target| t.account(peers), coopname, coopname_in, refusals)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;
    use coop_runtime::n;

    fn peers() -> Peers {
        Peers { operator: n("operator"), registrator: n("registrator"), soviet: n("soviet"), wallet: n("wallet") }
    }

    fn confirm(coopname: Name) -> ProviderAction {
        ProviderAction::new(n("wallet"), &wallet::Confirm { coopname, deposit_id: 1, memo: "paid".into() })
    }

    #[test]
    fn allowed_actions_on_the_cooperative_pass() {
        let cancel = ProviderAction::new(
            n("registrator"),
            &registrator::Cancelapp { coopname: n("voskhod"), username: n("alice") },
        );
        assert_eq!(check_actions(&[confirm(n("voskhod")), cancel], n("voskhod"), &peers()), Ok(()));
    }

    #[test]
    fn the_count_is_bounded_and_not_empty() {
        assert_eq!(check_actions(&[], n("voskhod"), &peers()), Err(ERR_ACT_ACTIONS_COUNT));
        let many = vec![confirm(n("voskhod")); MAX_ACT_ACTIONS + 1];
        assert_eq!(check_actions(&many, n("voskhod"), &peers()), Err(ERR_ACT_ACTIONS_COUNT));
    }

    #[test]
    fn governance_key_changes_other_contracts_and_other_cooperatives_are_refused() {
        let key_change = ProviderAction::new(
            n("registrator"),
            &registrator::Changekey { coopname: n("voskhod"), username: n("alice"), public_key: Default::default() },
        );
        assert_eq!(check_actions(&[key_change], n("voskhod"), &peers()), Err(ERR_ACTION_NOT_ALLOWED));
        let mut elsewhere = confirm(n("voskhod"));
        elsewhere.account = n("eosio.token");
        assert_eq!(check_actions(&[elsewhere], n("voskhod"), &peers()), Err(ERR_ACTION_NOT_ALLOWED));
        assert_eq!(check_actions(&[confirm(n("other"))], n("voskhod"), &peers()), Err(ERR_ACTION_OTHER_COOP));
        let mut garbled = confirm(n("voskhod"));
        garbled.data.truncate(5);
        assert_eq!(check_actions(&[garbled], n("voskhod"), &peers()), Err(ERR_ACTION_DATA));
    }
}
