//! ABI names and wire shapes of the built-in Antelope types.
use crate::{AbiBuilder, AbiType, Wire};
use alloc::{format, string::String, vec::Vec};
use eosio::{
    AccountName, Asset, BinaryExtension, Checksum256, Name, PermissionName, Symbol, SymbolCode, TimePoint, TimePointSec,
};

macro_rules! builtin {
    ($($ty:ty => $name:literal, $wire:expr;)*) => {
        $(impl AbiType for $ty {
            fn abi_name() -> String {
                $name.into()
            }
            const WIRE: &'static Wire = &$wire;
        })*
    };
}

builtin! {
    bool => "bool", Wire::Bool;
    i8 => "int8", Wire::Fixed(1);
    i16 => "int16", Wire::Fixed(2);
    i32 => "int32", Wire::Fixed(4);
    i64 => "int64", Wire::Fixed(8);
    i128 => "int128", Wire::Fixed(16);
    u16 => "uint16", Wire::Fixed(2);
    u32 => "uint32", Wire::Fixed(4);
    u64 => "uint64", Wire::Fixed(8);
    u128 => "uint128", Wire::Fixed(16);
    String => "string", Wire::String;
    Name => "name", Wire::Fixed(8);
    AccountName => "name", Wire::Fixed(8);
    PermissionName => "name", Wire::Fixed(8);
    Asset => "asset", Wire::Fixed(16);
    Symbol => "symbol", Wire::Fixed(8);
    SymbolCode => "symbol_code", Wire::Fixed(8);
    Checksum256 => "checksum256", Wire::Fixed(32);
    TimePoint => "time_point", Wire::Fixed(8);
    TimePointSec => "time_point_sec", Wire::Fixed(4);
}

impl AbiType for u8 {
    fn abi_name() -> String {
        "uint8".into()
    }
    const WIRE: &'static Wire = &Wire::Fixed(1);
    fn abi_vec_name() -> String {
        "bytes".into()
    }
}

/// An action that returns nothing has no `action_results` entry.
impl AbiType for () {
    fn abi_name() -> String {
        String::new()
    }
    const WIRE: &'static Wire = &Wire::Fixed(0);
}

impl<T: AbiType> AbiType for Vec<T> {
    const WIRE: &'static Wire = &Wire::Vec(T::WIRE);
    fn abi_name() -> String {
        T::abi_vec_name()
    }
    fn add_definitions(abi: &mut AbiBuilder) {
        T::add_definitions(abi);
    }
}

impl<T: AbiType> AbiType for Option<T> {
    const WIRE: &'static Wire = &Wire::Option(T::WIRE);
    fn abi_name() -> String {
        format!("{}?", T::abi_name())
    }
    fn add_definitions(abi: &mut AbiBuilder) {
        T::add_definitions(abi);
    }
}

impl<T: AbiType> AbiType for BinaryExtension<T> {
    const WIRE: &'static Wire = &Wire::Extension(T::WIRE);
    fn abi_name() -> String {
        format!("{}$", T::abi_name())
    }
    fn add_definitions(abi: &mut AbiBuilder) {
        T::add_definitions(abi);
    }
}
