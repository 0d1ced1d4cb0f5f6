//! Assembles an [`Abi`] from Rust types.
use crate::{Abi, AbiType, ActionDef, ActionResultDef, StructDef, TableDef, ABI_VERSION};
use alloc::{string::String, vec::Vec};

/// Collects the actions, tables and the structs they need, each struct once.
#[derive(Debug, Default)]
pub struct AbiBuilder {
    abi: Abi,
}

impl AbiBuilder {
    /// An empty `eosio::abi/1.2` document.
    pub fn new() -> Self {
        Self { abi: Abi { version: ABI_VERSION.into(), ..Abi::default() } }
    }

    /// Whether a struct of this name is already defined.
    pub fn has_struct(&self, name: &str) -> bool {
        self.abi.structs.iter().any(|s| s.name == name)
    }

    /// Defines a struct (the derive macro calls this before adding its fields' types).
    pub fn add_struct(&mut self, def: StructDef) {
        if !self.has_struct(&def.name) {
            self.abi.structs.push(def);
        }
    }

    /// Declares action `name` whose data is `T`; `R` is what it returns (`()` for nothing).
    pub fn action<T: AbiType, R: AbiType>(&mut self, name: &str) -> &mut Self {
        T::add_definitions(self);
        R::add_definitions(self);
        self.check_wire::<T>();
        self.check_wire::<R>();
        self.abi.actions.push(ActionDef { name: name.into(), type_: T::abi_name(), ricardian_contract: String::new() });
        let result = R::abi_name();
        if !result.is_empty() {
            self.abi.action_results.push(ActionResultDef { name: name.into(), result_type: result });
        }
        self
    }

    /// Declares table `name` whose rows are `T`, with a `uint64` primary key.
    pub fn table<T: AbiType>(&mut self, name: &str) -> &mut Self {
        T::add_definitions(self);
        self.check_wire::<T>();
        self.abi.tables.push(TableDef {
            name: name.into(),
            index_type: "i64".into(),
            key_names: Vec::new(),
            key_types: Vec::new(),
            type_: T::abi_name(),
        });
        self
    }

    /// Panics unless `T`'s wire shape, against which the contracts check action data, is
    /// the one its ABI definition describes (nothing to check for an action's `()`).
    fn check_wire<T: AbiType>(&self) {
        let name = T::abi_name();
        assert!(
            name.is_empty() || crate::wire::describes(&self.abi, &name, T::WIRE),
            "the wire shape of ABI type `{name}` differs from its definition: {:?}",
            T::WIRE
        );
    }

    /// The finished ABI: structs sorted by name so the file is stable.
    pub fn build(&self) -> Abi {
        let mut abi = self.abi.clone();
        abi.structs.sort_by(|a, b| a.name.cmp(&b.name));
        abi
    }
}
