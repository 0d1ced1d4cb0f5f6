//! Actions carried in another, for one of our contracts to send in the cooperative's name:
//! a council decision's (`soviet::council`) and a provider's `act` (`operator::provider`).
//! Both are checked the same way, each against its own allow-list and with its own
//! messages (but one for data that does not decode). Pure: host-tested through both.
use crate::common_errors::ERR_ACTION_DATA;
use coop_runtime::AbiType;
use eosio::{Name, Read};

/// What a carried action is refused with, in the words of the contract that checks it.
pub(crate) struct Refusals {
    /// Not on the allow-list (or not of the contract the list names).
    pub not_allowed: &'static str,
    /// Acting on another cooperative than the carrier's.
    pub other_coop: &'static str,
}

/// Reads `data` (all of it, checked against `T`'s wire shape before anything is allocated)
/// as `T` and returns its `coopname`.
pub(crate) fn coopname_of<T: Read + AbiType>(data: &[u8], coopname: impl Fn(&T) -> Name) -> Result<Name, &'static str> {
    coop_runtime::interface::decode::<T>(data).map(|value| coopname(&value)).map_err(|_| ERR_ACTION_DATA)
}

/// Checks each carried `(account, name, data)`: one of `allowed` (`account_of` gives the
/// account of the contract each names), its data decoding (`coopname_in` reads it by the
/// action's name and returns its `coopname`) and acting on `coopname`.
pub(crate) fn check_each<'a, C: Copy>(
    actions: impl IntoIterator<Item = (Name, Name, &'a [u8])>,
    allowed: &[(C, Name)],
    account_of: impl Fn(C) -> Name,
    coopname: Name,
    coopname_in: impl Fn(Name, &[u8]) -> Result<Name, &'static str>,
    refusals: Refusals,
) -> Result<(), &'static str> {
    for (account, name, data) in actions {
        if !allowed.iter().any(|&(contract, allowed)| account_of(contract) == account && allowed == name) {
            return Err(refusals.not_allowed);
        }
        if coopname_in(name, data)? != coopname {
            return Err(refusals.other_coop);
        }
    }
    Ok(())
}
