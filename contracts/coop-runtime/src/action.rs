//! Action data: the struct an action carries is its public API.
use eosio::{Action, Name, NumBytes, PermissionLevel, Read, Write};

/// The data of one action of a contract. Implemented by `contract_interface!`.
pub trait ActionData: Read + Write + NumBytes {
    /// The action's name.
    const NAME: Name;
    /// What the action returns through `set_action_return_value` (`()` for nothing).
    type Return: Read + Write + NumBytes;

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
