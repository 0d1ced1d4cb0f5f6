//! What a free decision may do to its cooperative: the allow-list of governance actions
//! and how each is checked when the decision is proposed (the chairman's signature covers
//! exactly the actions carried: see `crate::consent`). Pure: host-tested.
use super::actions::{CouncilAction, Setttl, Updateboard};
use super::errors::*;
use crate::carried::{check_each, coopname_of, Refusals};
use crate::registrator::{Changekey, Createbranch, Deletebranch, Rmagreement, Setagreement, Setfees};
use coop_runtime::{n, ActionData, Peers};
use eosio::Name;

/// The most governance actions one free decision may carry.
pub const MAX_DECISION_ACTIONS: usize = 4;

/// The cooperative's permission satisfied only by the soviet's code and linked only to the
/// allowed actions: the council acts for the cooperative through it on `exec`.
pub const COUNCIL_PERMISSION: Name = n("council");

/// Which of our contracts an allowed action belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owner {
    Registrator,
    Soviet,
}

impl Owner {
    /// The account of this contract among `peers`.
    pub fn account(self, peers: &Peers) -> Name {
        match self {
            Owner::Registrator => peers.registrator,
            Owner::Soviet => peers.soviet,
        }
    }
}

/// The governance actions a decision may carry: the registry's fees, branches and
/// agreements, a member's key recovery, the decision lifetime, and the council itself.
pub const ALLOWED: [(Owner, Name); 8] = [
    (Owner::Registrator, Setfees::NAME),
    (Owner::Registrator, Createbranch::NAME),
    (Owner::Registrator, Deletebranch::NAME),
    (Owner::Registrator, Setagreement::NAME),
    (Owner::Registrator, Rmagreement::NAME),
    (Owner::Registrator, Changekey::NAME),
    (Owner::Soviet, Setttl::NAME),
    (Owner::Soviet, Updateboard::NAME),
];

/// Checks the actions a free decision of `coopname` carries: at most
/// [`MAX_DECISION_ACTIONS`], each an allowed action of our contracts whose data decodes
/// and acts on `coopname`.
/// Errors: `ERR_TOO_MANY_ACTIONS`, `ERR_ACTION_NOT_ALLOWED`, `ERR_ACTION_DATA`,
/// `ERR_ACTION_OTHER_COOP`.
pub fn check_actions(actions: &[CouncilAction], coopname: Name, peers: &Peers) -> Result<(), &'static str> {
    if actions.len() > MAX_DECISION_ACTIONS {
        return Err(ERR_TOO_MANY_ACTIONS);
    }
    let carried = actions.iter().map(|a| (a.account, a.name, a.data.as_slice()));
    let coopname_in = |name, data: &[u8]| match name {
        Setfees::NAME => coopname_of::<Setfees>(data, |a| a.coopname),
        Createbranch::NAME => coopname_of::<Createbranch>(data, |a| a.coopname),
        Deletebranch::NAME => coopname_of::<Deletebranch>(data, |a| a.coopname),
        Setagreement::NAME => coopname_of::<Setagreement>(data, |a| a.coopname),
        Rmagreement::NAME => coopname_of::<Rmagreement>(data, |a| a.coopname),
        Changekey::NAME => coopname_of::<Changekey>(data, |a| a.coopname),
        Setttl::NAME => coopname_of::<Setttl>(data, |a| a.coopname),
        Updateboard::NAME => coopname_of::<Updateboard>(data, |a| a.coopname),
        _ => Err(ERR_ACTION_NOT_ALLOWED),
    };
    let refusals = Refusals { not_allowed: ERR_ACTION_NOT_ALLOWED, other_coop: ERR_ACTION_OTHER_COOP };
    check_each(carried, &ALLOWED, |o: Owner| o.account(peers), coopname, coopname_in, refusals)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::soviet::BoardMember;
    use alloc::vec;
    use eosio::Asset;

    fn peers() -> Peers {
        Peers { operator: n("operator"), registrator: n("registrator"), soviet: n("soviet"), wallet: n("wallet") }
    }

    fn action<T: ActionData>(account: Name, data: &T) -> CouncilAction {
        CouncilAction { account, name: T::NAME, data: data.pack().unwrap() }
    }

    fn fees(coopname: Name) -> Setfees {
        let rub = Asset { amount: 1, symbol: coop_runtime::sym(4, "RUB") };
        Setfees { coopname, initial: rub, minimum: rub, org_initial: rub, org_minimum: rub }
    }

    #[test]
    fn allowed_actions_on_the_own_cooperative_pass() {
        let coop = n("coop");
        let actions = vec![
            action(n("registrator"), &fees(coop)),
            action(n("soviet"), &Setttl { coopname: coop, seconds: 60 }),
            action(n("soviet"), &Updateboard { coopname: coop, members: vec![BoardMember::default()] }),
        ];
        assert_eq!(check_actions(&actions, coop, &peers()), Ok(()));
        assert_eq!(check_actions(&[], coop, &peers()), Ok(()));
    }

    #[test]
    fn anything_else_is_refused() {
        let coop = n("coop");
        let fees = action(n("registrator"), &fees(coop));
        assert_eq!(check_actions(&vec![fees.clone(); 5], coop, &peers()), Err(ERR_TOO_MANY_ACTIONS));
        let wrong_contract = CouncilAction { account: n("soviet"), ..fees.clone() };
        assert_eq!(check_actions(&[wrong_contract], coop, &peers()), Err(ERR_ACTION_NOT_ALLOWED));
        let not_allowed = CouncilAction { name: n("adduser"), ..fees.clone() };
        assert_eq!(check_actions(&[not_allowed], coop, &peers()), Err(ERR_ACTION_NOT_ALLOWED));
        let mut truncated = fees.clone();
        truncated.data.pop();
        assert_eq!(check_actions(&[truncated], coop, &peers()), Err(ERR_ACTION_DATA));
        let mut extended = fees.clone();
        extended.data.push(0);
        assert_eq!(check_actions(&[extended], coop, &peers()), Err(ERR_ACTION_DATA));
        assert_eq!(check_actions(&[fees], n("other"), &peers()), Err(ERR_ACTION_OTHER_COOP));
    }
}
