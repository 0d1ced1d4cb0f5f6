//! Antelope ABI (`eosio::abi/1.2`) generated from the contracts' own Rust types.
//!
//! Every type that appears in an action, a table row or an action result implements
//! [`AbiType`], usually through `#[derive(AbiType)]`. A contract's ABI is then assembled
//! by an [`AbiBuilder`] from its list of actions and tables, so nothing about an action
//! is declared twice by hand.
#![no_std]

extern crate alloc;

mod builder;
mod definition;
mod primitives;
pub mod wire;

pub use builder::AbiBuilder;
pub use coop_abi_derive::AbiType;
pub use definition::{
    Abi, ActionDef, ActionResultDef, FieldDef, StructDef, TableDef, TypeDef, VariantDef, ABI_VERSION,
};
pub use wire::{Wire, WireError};

use alloc::{format, string::String};

/// A Rust type with an Antelope ABI spelling.
pub trait AbiType {
    /// The type's name in the ABI (`name`, `asset`, `document`, `board_member[]`, …).
    fn abi_name() -> String;

    /// The type's shape on the wire, against which packed bytes are checked before they
    /// are decoded (see [`wire`]).
    const WIRE: &'static Wire;

    /// The ABI name of `Vec<Self>`; `u8` overrides it to `bytes`.
    fn abi_vec_name() -> String {
        format!("{}[]", Self::abi_name())
    }

    /// Adds the struct definitions this type needs (itself and its fields' types).
    fn add_definitions(_abi: &mut AbiBuilder) {}
}

#[doc(hidden)]
pub mod __private {
    pub use alloc::{string::String, vec};
}
