//! ABI names of the built-in Antelope types.
use crate::{AbiBuilder, AbiType};
use alloc::{format, string::String, vec::Vec};
use eosio::{
    AccountName, Asset, BinaryExtension, Checksum256, Name, PermissionName, Symbol, SymbolCode, TimePoint, TimePointSec,
};

macro_rules! builtin {
    ($($ty:ty => $name:literal),* $(,)?) => {
        $(impl AbiType for $ty {
            fn abi_name() -> String {
                $name.into()
            }
        })*
    };
}

builtin! {
    bool => "bool",
    i8 => "int8",
    i16 => "int16",
    i32 => "int32",
    i64 => "int64",
    i128 => "int128",
    u16 => "uint16",
    u32 => "uint32",
    u64 => "uint64",
    u128 => "uint128",
    String => "string",
    Name => "name",
    AccountName => "name",
    PermissionName => "name",
    Asset => "asset",
    Symbol => "symbol",
    SymbolCode => "symbol_code",
    Checksum256 => "checksum256",
    TimePoint => "time_point",
    TimePointSec => "time_point_sec",
}

impl AbiType for u8 {
    fn abi_name() -> String {
        "uint8".into()
    }
    fn abi_vec_name() -> String {
        "bytes".into()
    }
}

/// An action that returns nothing has no `action_results` entry.
impl AbiType for () {
    fn abi_name() -> String {
        String::new()
    }
}

impl<T: AbiType> AbiType for Vec<T> {
    fn abi_name() -> String {
        T::abi_vec_name()
    }
    fn add_definitions(abi: &mut AbiBuilder) {
        T::add_definitions(abi);
    }
}

impl<T: AbiType> AbiType for Option<T> {
    fn abi_name() -> String {
        format!("{}?", T::abi_name())
    }
    fn add_definitions(abi: &mut AbiBuilder) {
        T::add_definitions(abi);
    }
}

impl<T: AbiType> AbiType for BinaryExtension<T> {
    fn abi_name() -> String {
        format!("{}$", T::abi_name())
    }
    fn add_definitions(abi: &mut AbiBuilder) {
        T::add_definitions(abi);
    }
}
