//! The ABI document itself, field for field as Antelope defines `abi_def`.
use alloc::{string::String, vec::Vec};

/// The ABI version every generated file carries.
pub const ABI_VERSION: &str = "eosio::abi/1.2";

/// `abi_def`: the whole ABI. Field order is the binary order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct Abi {
    pub version: String,
    pub types: Vec<TypeDef>,
    pub structs: Vec<StructDef>,
    pub actions: Vec<ActionDef>,
    pub tables: Vec<TableDef>,
    pub ricardian_clauses: Vec<RicardianClause>,
    pub error_messages: Vec<ErrorMessage>,
    pub abi_extensions: Vec<AbiExtension>,
    pub variants: Vec<VariantDef>,
    pub action_results: Vec<ActionResultDef>,
}

/// `type_def`: an alias.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TypeDef {
    pub new_type_name: String,
    #[cfg_attr(feature = "serde", serde(rename = "type"))]
    pub type_: String,
}

/// `field_def`: one field of a struct.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct FieldDef {
    pub name: String,
    #[cfg_attr(feature = "serde", serde(rename = "type"))]
    pub type_: String,
}

/// `struct_def`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct StructDef {
    pub name: String,
    #[cfg_attr(feature = "serde", serde(default))]
    pub base: String,
    pub fields: Vec<FieldDef>,
}

/// `action_def`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ActionDef {
    pub name: String,
    #[cfg_attr(feature = "serde", serde(rename = "type"))]
    pub type_: String,
    #[cfg_attr(feature = "serde", serde(default))]
    pub ricardian_contract: String,
}

/// `table_def`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TableDef {
    pub name: String,
    #[cfg_attr(feature = "serde", serde(default))]
    pub index_type: String,
    #[cfg_attr(feature = "serde", serde(default))]
    pub key_names: Vec<String>,
    #[cfg_attr(feature = "serde", serde(default))]
    pub key_types: Vec<String>,
    #[cfg_attr(feature = "serde", serde(rename = "type"))]
    pub type_: String,
}

/// `clause_pair`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RicardianClause {
    pub id: String,
    pub body: String,
}

/// `error_message`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ErrorMessage {
    pub error_code: u64,
    pub error_msg: String,
}

/// `abi_extension` (a pair of tag and bytes).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AbiExtension {
    pub tag: u16,
    pub value: String,
}

/// `variant_def`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct VariantDef {
    pub name: String,
    pub types: Vec<String>,
}

/// `action_result_def`: the type an action returns (`set_action_return_value`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ActionResultDef {
    pub name: String,
    pub result_type: String,
}
