//! `contract_interface!`: a contract lists its actions and tables once.
//!
//! From one list the macro makes
//! - a trait with one function per action, which the contract implements (so the compiler
//!   sees that every action is handled);
//! - an [`ActionData`](crate::ActionData) impl for each action's data struct (its name and
//!   return type), used by tests and clients to build actions and decode results;
//! - `abi()`, the contract's ABI, generated from the same types;
//! - on `wasm32`, `dispatch::<C>()`, which the contract's exported `apply` calls.
use crate::AbiType;
use alloc::string::String;
use eosio::{NumBytes, Read, ReadError, Write, WriteError};

/// The return type of an action that returns nothing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Nothing;

impl NumBytes for Nothing {
    fn num_bytes(&self) -> usize {
        0
    }
}

impl Read for Nothing {
    fn read(_bytes: &[u8], _pos: &mut usize) -> Result<Self, ReadError> {
        Ok(Self)
    }
}

impl Write for Nothing {
    fn write(&self, _bytes: &mut [u8], _pos: &mut usize) -> Result<(), WriteError> {
        Ok(())
    }
}

impl AbiType for Nothing {
    fn abi_name() -> String {
        String::new()
    }
}

/// The message for action data that does not deserialize.
pub const ERR_BAD_ACTION_DATA: &str = "action data does not match the action's ABI";
/// The message for an action the contract does not have.
pub const ERR_UNKNOWN_ACTION: &str = "unknown action";

/// Declares a contract's actions and tables; see the module documentation.
///
/// ```text
/// coop_runtime::contract_interface! {
///     /// The registrator's actions.
///     pub trait Registrator {
///         /// Sets the peer contracts. Signed by the contract account.
///         init(Init);
///         /// Registers a cooperative; returns nothing.
///         regcoop(Regcoop);
///         /// Returns the new id.
///         request(Request) -> u64;
///     }
///     tables { Cards, Coops }
/// }
/// ```
#[macro_export]
macro_rules! contract_interface {
    (
        $(#[$trait_meta:meta])*
        $vis:vis trait $trait:ident {
            $( $(#[$meta:meta])* $action:ident ( $data:ty ) $(-> $ret:ty)? ; )*
        }
        tables { $($table:ty),* $(,)? }
    ) => {
        $(#[$trait_meta])*
        $vis trait $trait {
            $( $(#[$meta])* fn $action(data: $data) $(-> $ret)?; )*
        }

        $(
            impl $crate::ActionData for $data {
                const NAME: $crate::__private::eosio::Name = $crate::n(stringify!($action));
                type Return = $crate::__return_type!($($ret)?);
            }
        )*

        /// The contract's ABI, generated from its action and row types.
        pub fn abi() -> $crate::__private::coop_abi::Abi {
            use $crate::__private::eosio::Table as _;
            let mut builder = $crate::AbiBuilder::new();
            $( builder.action::<$data, $crate::__return_type!($($ret)?)>(stringify!($action)); )*
            $( builder.table::<<$table as $crate::__private::eosio::Table>::Row>(
                &alloc::string::ToString::to_string(&$crate::__private::eosio::Name::new(<$table>::NAME.as_u64()))
            ); )*
            builder.build()
        }

        /// Runs the action named `action` of contract `C`: reads its data, calls the
        /// handler, sets the return value. Notifications from other contracts are ignored.
        #[cfg(target_arch = "wasm32")]
        pub fn dispatch<C: $trait>(receiver: u64, code: u64, action: u64) {
            if receiver != code {
                return;
            }
            $(
                // The action's name, computed at compile time.
                if action == const { $crate::name::name_value(stringify!($action)) } {
                    let data: $data = $crate::chain::read_action($crate::interface::ERR_BAD_ACTION_DATA);
                    $crate::__dispatch_arm!(C::$action(data) $(, $ret)?);
                    return;
                }
            )*
            $crate::chain::fail($crate::interface::ERR_UNKNOWN_ACTION);
        }
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __return_type {
    () => {
        $crate::interface::Nothing
    };
    ($ret:ty) => {
        $ret
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __dispatch_arm {
    ($call:expr) => {
        $call
    };
    ($call:expr, $ret:ty) => {{
        let result: $ret = $call;
        $crate::chain::set_return_value(&result);
    }};
}
