//! The binary `abi_def` that `eosio::setabi` takes, and reading `.abi` JSON files.
//!
//! Binary order (Leap's `abi_def`): version, types, structs, actions, tables,
//! ricardian_clauses, error_messages, abi_extensions, then the binary extensions
//! variants and action_results (always written here). Strings are a varuint32 length
//! and UTF-8 bytes; vectors a varuint32 count and their items; action and table names
//! are `name`s (u64, little-endian).
use coop_abi::Abi;
use eosio::Name;
use std::fmt;
use std::str::FromStr;

/// Why an ABI could not be packed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AbiBinError {
    /// An action, table or action-result name is not a valid `name`.
    BadName { what: &'static str, name: String },
    /// An `abi_extensions` value is not hex.
    BadExtensionHex { tag: u16, value: String },
}

impl fmt::Display for AbiBinError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BadName { what, name } => write!(f, "ABI {what} {name:?} is not a valid name"),
            Self::BadExtensionHex { tag, value } => {
                write!(f, "ABI extension {tag} has a value that is not hex: {value:?}")
            }
        }
    }
}

impl std::error::Error for AbiBinError {}

/// Packs an ABI into the binary `abi_def` for `setabi`.
///
/// # Panics
/// When the ABI has an invalid action/table name or a non-hex extension value (a bug in
/// the ABI, not in its input); [`try_pack_abi`] returns that as an error instead.
pub fn pack_abi(abi: &Abi) -> Vec<u8> {
    match try_pack_abi(abi) {
        Ok(bytes) => bytes,
        Err(e) => panic!("cannot pack the ABI: {e}"),
    }
}

/// Packs an ABI into the binary `abi_def` for `setabi`.
pub fn try_pack_abi(abi: &Abi) -> Result<Vec<u8>, AbiBinError> {
    let mut out = Vec::with_capacity(1024);
    push_str(&mut out, &abi.version);

    push_len(&mut out, abi.types.len());
    for t in &abi.types {
        push_str(&mut out, &t.new_type_name);
        push_str(&mut out, &t.type_);
    }

    push_len(&mut out, abi.structs.len());
    for s in &abi.structs {
        push_str(&mut out, &s.name);
        push_str(&mut out, &s.base);
        push_len(&mut out, s.fields.len());
        for field in &s.fields {
            push_str(&mut out, &field.name);
            push_str(&mut out, &field.type_);
        }
    }

    push_len(&mut out, abi.actions.len());
    for a in &abi.actions {
        push_name(&mut out, &a.name, "action")?;
        push_str(&mut out, &a.type_);
        push_str(&mut out, &a.ricardian_contract);
    }

    push_len(&mut out, abi.tables.len());
    for t in &abi.tables {
        push_name(&mut out, &t.name, "table")?;
        push_str(&mut out, &t.index_type);
        push_strs(&mut out, &t.key_names);
        push_strs(&mut out, &t.key_types);
        push_str(&mut out, &t.type_);
    }

    push_len(&mut out, abi.ricardian_clauses.len());
    for c in &abi.ricardian_clauses {
        push_str(&mut out, &c.id);
        push_str(&mut out, &c.body);
    }

    push_len(&mut out, abi.error_messages.len());
    for e in &abi.error_messages {
        out.extend_from_slice(&e.error_code.to_le_bytes());
        push_str(&mut out, &e.error_msg);
    }

    push_len(&mut out, abi.abi_extensions.len());
    for x in &abi.abi_extensions {
        let value =
            hex::decode(&x.value).map_err(|_| AbiBinError::BadExtensionHex { tag: x.tag, value: x.value.clone() })?;
        out.extend_from_slice(&x.tag.to_le_bytes());
        push_bytes(&mut out, &value);
    }

    push_len(&mut out, abi.variants.len());
    for v in &abi.variants {
        push_str(&mut out, &v.name);
        push_strs(&mut out, &v.types);
    }

    push_len(&mut out, abi.action_results.len());
    for r in &abi.action_results {
        push_name(&mut out, &r.name, "action result")?;
        push_str(&mut out, &r.result_type);
    }
    Ok(out)
}

/// Reads an ABI from its JSON text (e.g. a system contract's `.abi` file). Missing
/// top-level lists, `base`, `ricardian_contract` and the table key fields default to empty;
/// unknown fields (`____comment`, …) are ignored.
pub fn parse_abi_json(text: &str) -> Result<Abi, serde_json::Error> {
    serde_json::from_str(text)
}

/// Appends a varuint32 (LEB128, as the chain writes `varuint32`).
pub(crate) fn push_varuint32(out: &mut Vec<u8>, mut value: u32) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Appends a length or count as varuint32.
///
/// # Panics
/// When it exceeds `u32::MAX`, which no transaction or ABI can hold.
pub(crate) fn push_len(out: &mut Vec<u8>, len: usize) {
    let len = u32::try_from(len).expect("a length that fits in varuint32");
    push_varuint32(out, len);
}

/// Appends `bytes`: a varuint32 length and the bytes.
pub(crate) fn push_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    push_len(out, bytes.len());
    out.extend_from_slice(bytes);
}

/// Appends a `string`: a varuint32 length and the UTF-8 bytes.
pub(crate) fn push_str(out: &mut Vec<u8>, s: &str) {
    push_bytes(out, s.as_bytes());
}

fn push_strs(out: &mut Vec<u8>, items: &[String]) {
    push_len(out, items.len());
    for s in items {
        push_str(out, s);
    }
}

fn push_name(out: &mut Vec<u8>, name: &str, what: &'static str) -> Result<(), AbiBinError> {
    let parsed = Name::from_str(name).map_err(|_| AbiBinError::BadName { what, name: name.to_string() })?;
    // The text must survive a round trip (rejects e.g. upper case silently mapped).
    if parsed.to_string() != name {
        return Err(AbiBinError::BadName { what, name: name.to_string() });
    }
    out.extend_from_slice(&parsed.as_u64().to_le_bytes());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"{
        "____comment": "written by hand",
        "version": "eosio::abi/1.1",
        "structs": [
            {"name": "hi", "base": "", "fields": [{"name": "user", "type": "name"}]}
        ],
        "actions": [{"name": "hi", "type": "hi"}],
        "tables": [{"name": "users", "type": "hi", "index_type": "i64"}]
    }"#;

    fn name_bytes(s: &str) -> [u8; 8] {
        Name::from_str(s).unwrap().as_u64().to_le_bytes()
    }

    #[test]
    fn small_json_abi_packs_field_by_field() {
        let abi = parse_abi_json(SMALL).unwrap();
        assert!(abi.variants.is_empty() && abi.action_results.is_empty());
        assert_eq!(abi.actions[0].ricardian_contract, "");
        let packed = pack_abi(&abi);

        let mut expected = vec![14u8];
        expected.extend_from_slice(b"eosio::abi/1.1");
        expected.push(0); // types
        expected.extend_from_slice(&[1, 2, b'h', b'i', 0, 1, 4]); // structs: hi, base "", 1 field
        expected.extend_from_slice(b"user");
        expected.push(4);
        expected.extend_from_slice(b"name");
        expected.push(1); // actions
        expected.extend_from_slice(&name_bytes("hi"));
        expected.extend_from_slice(&[2, b'h', b'i', 0]);
        expected.push(1); // tables
        expected.extend_from_slice(&name_bytes("users"));
        expected.extend_from_slice(&[3, b'i', b'6', b'4', 0, 0, 2, b'h', b'i']);
        expected.extend_from_slice(&[0, 0, 0]); // clauses, error messages, extensions
        expected.extend_from_slice(&[0, 0]); // variants, action results
        assert_eq!(packed, expected);
    }

    #[test]
    fn packed_abi_begins_with_the_version_string() {
        let abi = Abi { version: coop_abi::ABI_VERSION.into(), ..Abi::default() };
        let packed = pack_abi(&abi);
        assert_eq!(packed[0] as usize, coop_abi::ABI_VERSION.len());
        assert_eq!(&packed[1..15], coop_abi::ABI_VERSION.as_bytes());
        assert_eq!(packed.len(), 15 + 9); // nine empty lists
    }

    #[test]
    fn variants_action_results_errors_and_extensions_are_written() {
        let abi = parse_abi_json(
            r#"{
                "version": "eosio::abi/1.2",
                "error_messages": [{"error_code": 258, "error_msg": "e"}],
                "abi_extensions": [{"tag": 3, "value": "abcd"}],
                "variants": [{"name": "v", "types": ["int8", "string"]}],
                "action_results": [{"name": "get", "result_type": "uint64"}],
                "ricardian_clauses": [{"id": "c", "body": "b"}]
            }"#,
        )
        .unwrap();
        let packed = pack_abi(&abi);
        let mut tail = vec![1, 1, b'c', 1, b'b']; // clauses
        tail.extend_from_slice(&[1, 2, 1, 0, 0, 0, 0, 0, 0, 1, b'e']); // error messages
        tail.extend_from_slice(&[1, 3, 0, 2, 0xab, 0xcd]); // extensions
        tail.extend_from_slice(&[1, 1, b'v', 2, 4, b'i', b'n', b't', b'8', 6]);
        tail.extend_from_slice(b"string");
        tail.push(1);
        tail.extend_from_slice(&name_bytes("get"));
        tail.extend_from_slice(&[6, b'u', b'i', b'n', b't', b'6', b'4']);
        assert!(packed.ends_with(&tail), "{packed:?}");
        // version + 4 empty lists, then the tail.
        assert_eq!(packed.len(), 15 + 4 + tail.len());
    }

    #[test]
    fn bad_names_and_hex_are_errors() {
        let mut abi = parse_abi_json(SMALL).unwrap();
        abi.actions[0].name = "Hi".into();
        assert!(matches!(try_pack_abi(&abi), Err(AbiBinError::BadName { what: "action", .. })));
        let abi = parse_abi_json(r#"{"abi_extensions": [{"tag": 1, "value": "xyz"}]}"#).unwrap();
        assert!(matches!(try_pack_abi(&abi), Err(AbiBinError::BadExtensionHex { tag: 1, .. })));
    }

    #[test]
    fn varuint32_is_leb128() {
        let mut out = Vec::new();
        push_varuint32(&mut out, 0);
        push_varuint32(&mut out, 127);
        push_varuint32(&mut out, 128);
        push_varuint32(&mut out, 300);
        push_varuint32(&mut out, u32::MAX);
        assert_eq!(out, [0, 0x7f, 0x80, 0x01, 0xac, 0x02, 0xff, 0xff, 0xff, 0xff, 0x0f]);
    }
}
