//! The shape of a type on the wire, and the check of packed bytes against it.
//!
//! The `eosio` crate's `Read` trusts its input: a vector's or a string's length prefix is
//! allocated before a single element is read (`ffffffff0f` asks for 4 GiB and aborts the
//! contract), a string that is not UTF-8 becomes replacement characters, a `bool` other than
//! 0 or 1 reads as `false`. [`check`] walks the bytes as a type's [`Wire`] describes them,
//! without allocating, so that `Read` only ever sees well-formed input: every length it then
//! allocates is one that the bytes really hold.
//!
//! Every [`AbiType`](crate::AbiType) has its `WIRE`: the derive lists the struct's fields,
//! the built-in types give theirs, so the shape follows the same field order as the ABI and
//! as `#[derive(Read)]`.

use crate::Abi;

/// How a value is laid out in the packed (ABI binary) form.
#[derive(Debug, PartialEq, Eq)]
pub enum Wire {
    /// Exactly this many bytes, any value: integers, `name`, `asset`, `checksum256`, times.
    Fixed(u32),
    /// `bool`: one byte, 0 or 1.
    Bool,
    /// `string`: a varuint32 length, then that many bytes of UTF-8.
    String,
    /// `T[]` (and `bytes`): a varuint32 count, then that many elements.
    Vec(&'static Wire),
    /// `T?`: a presence byte, 0 or 1, then the value when 1.
    Option(&'static Wire),
    /// `T$` (binary extension): the value when any bytes remain, else nothing.
    Extension(&'static Wire),
    /// `public_key`, `signature`: a varuint32 curve index, K1 (0) or R1 (1), then this many
    /// bytes.
    Key(u32),
    /// A struct: its fields in order.
    Struct(&'static [&'static Wire]),
}

/// Why packed bytes are not a value of their type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WireError {
    /// Not the type's shape: too few or too many bytes, a length or count larger than the
    /// bytes that remain, a `bool` or presence byte other than 0 or 1, a varuint32 longer
    /// than 5 bytes or over 32 bits, a key curve other than K1 or R1.
    Malformed,
    /// A string that is not valid UTF-8.
    BadUtf8,
}

/// Checks that `bytes` are exactly one value of shape `wire`: nothing missing, nothing
/// left over. Allocates nothing; the work is linear in `bytes.len()`.
pub fn check(wire: &Wire, bytes: &[u8]) -> Result<(), WireError> {
    let mut cursor = Cursor { rest: bytes };
    cursor.value(wire)?;
    if cursor.rest.is_empty() {
        Ok(())
    } else {
        Err(WireError::Malformed)
    }
}

/// The bytes not checked yet.
struct Cursor<'a> {
    rest: &'a [u8],
}

impl<'a> Cursor<'a> {
    /// The next `len` bytes.
    fn take(&mut self, len: usize) -> Result<&'a [u8], WireError> {
        // `split_at_checked` rather than `split_at`: no length check that could panic.
        let (head, rest) = self.rest.split_at_checked(len).ok_or(WireError::Malformed)?;
        self.rest = rest;
        Ok(head)
    }

    /// A presence or `bool` byte: 0 or 1.
    fn flag(&mut self) -> Result<bool, WireError> {
        match self.take(1)? {
            [0] => Ok(false),
            [1] => Ok(true),
            _ => Err(WireError::Malformed),
        }
    }

    /// A varuint32 of at most 5 bytes, or `u64::MAX` when it is cut short or longer. Its
    /// callers bound the value (by the bytes that remain, or to a curve index), which
    /// refuses those and the values over 32 bits.
    fn varuint(&mut self) -> u64 {
        let mut value = 0;
        for (index, &byte) in self.rest.iter().take(5).enumerate() {
            value |= u64::from(byte & 0x7f) << (7 * index);
            if byte & 0x80 == 0 {
                self.rest = self.rest.get(index + 1..).unwrap_or_default();
                return value;
            }
        }
        u64::MAX
    }

    /// A length or count prefix, refused when larger than the bytes that remain (each
    /// element takes at least one byte, except in shapes of zero size, which none of ours
    /// repeats).
    fn length(&mut self) -> Result<usize, WireError> {
        let len = self.varuint();
        if len > self.rest.len() as u64 {
            return Err(WireError::Malformed);
        }
        Ok(len as usize)
    }

    fn value(&mut self, wire: &Wire) -> Result<(), WireError> {
        match *wire {
            Wire::Fixed(size) => self.take(size as usize).map(drop),
            Wire::Bool => self.flag().map(drop),
            Wire::String => {
                let len = self.length()?;
                let text = self.take(len)?;
                // `Utf8Chunks` rather than `str::from_utf8`: the validation that
                // `String::from_utf8_lossy` (in `eosio`'s `Read for String`) runs already,
                // so that contracts carry one UTF-8 validator, not two.
                match text.utf8_chunks().next().is_none_or(|chunk| chunk.invalid().is_empty()) {
                    true => Ok(()),
                    false => Err(WireError::BadUtf8),
                }
            }
            Wire::Vec(element) => {
                let count = self.length()?;
                if let Wire::Fixed(size) = *element {
                    let len = count.checked_mul(size as usize).ok_or(WireError::Malformed)?;
                    return self.take(len).map(drop);
                }
                (0..count).try_for_each(|_| self.value(element))
            }
            Wire::Option(inner) => match self.flag()? {
                true => self.value(inner),
                false => Ok(()),
            },
            Wire::Extension(inner) => match self.rest.is_empty() {
                true => Ok(()),
                false => self.value(inner),
            },
            Wire::Key(size) => match self.varuint() {
                0 | 1 => self.take(size as usize).map(drop),
                _ => Err(WireError::Malformed),
            },
            Wire::Struct(fields) => fields.iter().try_for_each(|field| self.value(field)),
        }
    }
}

/// Whether `wire` is the shape of ABI type `type_name` as `abi` defines it: the ABI builder
/// checks this for every action, result and row, so that the bytes the contracts accept are
/// exactly the ones the published ABI describes.
pub(crate) fn describes(abi: &Abi, type_name: &str, wire: &Wire) -> bool {
    if let Some(inner) = type_name.strip_suffix('$') {
        return matches!(wire, Wire::Extension(w) if describes(abi, inner, w));
    }
    if let Some(inner) = type_name.strip_suffix('?') {
        return matches!(wire, Wire::Option(w) if describes(abi, inner, w));
    }
    if let Some(inner) = type_name.strip_suffix("[]") {
        return matches!(wire, Wire::Vec(w) if describes(abi, inner, w));
    }
    let fixed = match type_name {
        "bytes" => return *wire == Wire::Vec(&Wire::Fixed(1)),
        "string" => return *wire == Wire::String,
        "bool" => return *wire == Wire::Bool,
        "public_key" => return *wire == Wire::Key(33),
        "signature" => return *wire == Wire::Key(65),
        "int8" | "uint8" => 1,
        "int16" | "uint16" => 2,
        "int32" | "uint32" | "time_point_sec" => 4,
        "int64" | "uint64" | "name" | "symbol" | "symbol_code" | "time_point" => 8,
        "int128" | "uint128" | "asset" => 16,
        "checksum256" => 32,
        _ => {
            let Some(def) = abi.structs.iter().find(|s| s.name == type_name) else {
                return false;
            };
            return matches!(wire, Wire::Struct(fields)
                if def.base.is_empty()
                    && fields.len() == def.fields.len()
                    && def.fields.iter().zip(fields.iter()).all(|(f, w)| describes(abi, &f.type_, w)));
        }
    };
    *wire == Wire::Fixed(fixed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use WireError::{BadUtf8, Malformed};

    const NAME: Wire = Wire::Fixed(8);
    const MEMO: Wire = Wire::String;
    const NAMES: Wire = Wire::Vec(&NAME);
    const ROW: Wire = Wire::Struct(&[&NAME, &MEMO, &NAMES]);

    #[test]
    fn fixed_sizes_must_be_exact() {
        assert_eq!(check(&NAME, &[0; 8]), Ok(()));
        assert_eq!(check(&NAME, &[0; 7]), Err(Malformed));
        assert_eq!(check(&NAME, &[0; 9]), Err(Malformed));
    }

    #[test]
    fn a_length_larger_than_the_rest_is_refused() {
        assert_eq!(check(&MEMO, &[0xff, 0xff, 0xff, 0xff, 0x0f]), Err(Malformed));
        assert_eq!(check(&NAMES, &[0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]), Err(Malformed));
        assert_eq!(check(&MEMO, &[3, b'a', b'b']), Err(Malformed));
        // One name announced, eight bytes present but the count says two.
        assert_eq!(check(&NAMES, &[2, 0, 0, 0, 0, 0, 0, 0, 0]), Err(Malformed));
        assert_eq!(check(&NAMES, &[1, 0, 0, 0, 0, 0, 0, 0, 0]), Ok(()));
    }

    #[test]
    fn varuints_are_at_most_five_bytes_and_32_bits() {
        assert_eq!(check(&MEMO, &[0x80, 0x80, 0x80, 0x80, 0x80, 0x00]), Err(Malformed));
        assert_eq!(check(&MEMO, &[0x80, 0x80, 0x80, 0x80, 0x10]), Err(Malformed));
        // Over-long but in range, as the chain itself accepts: an empty string.
        assert_eq!(check(&MEMO, &[0x80, 0x00]), Ok(()));
    }

    #[test]
    fn strings_must_be_utf8() {
        assert_eq!(check(&MEMO, &[4, 0xc3, 0x28, 0xff, 0x00]), Err(BadUtf8));
        assert_eq!(check(&MEMO, &[2, 0xd0, 0xb0]), Ok(()));
        assert_eq!(check(&Wire::Vec(&Wire::Option(&MEMO)), &[2, 0, 1, 1, 0xff]), Err(BadUtf8));
    }

    #[test]
    fn flags_are_zero_or_one() {
        assert_eq!(check(&Wire::Bool, &[1]), Ok(()));
        assert_eq!(check(&Wire::Bool, &[2]), Err(Malformed));
        assert_eq!(check(&Wire::Option(&NAME), &[0]), Ok(()));
        assert_eq!(check(&Wire::Option(&NAME), &[2]), Err(Malformed));
    }

    #[test]
    fn extensions_are_read_only_when_bytes_remain() {
        let wire = Wire::Struct(&[&NAME, &Wire::Extension(&MEMO)]);
        assert_eq!(check(&wire, &[0; 8]), Ok(()));
        assert_eq!(check(&wire, &[0, 0, 0, 0, 0, 0, 0, 0, 1, b'x']), Ok(()));
        assert_eq!(check(&wire, &[0, 0, 0, 0, 0, 0, 0, 0, 1, 0xff]), Err(BadUtf8));
        assert_eq!(check(&wire, &[0, 0, 0, 0, 0, 0, 0, 0, 2, b'x']), Err(Malformed));
    }

    #[test]
    fn keys_are_k1_or_r1() {
        let mut key = [0u8; 34];
        assert_eq!(check(&Wire::Key(33), &key), Ok(()));
        key[0] = 1;
        assert_eq!(check(&Wire::Key(33), &key), Ok(()));
        key[0] = 2;
        assert_eq!(check(&Wire::Key(33), &key), Err(Malformed));
    }

    #[test]
    fn the_shape_of_each_abi_type() {
        use crate::{FieldDef, StructDef};
        let field = |name: &str, type_: &str| FieldDef { name: name.into(), type_: type_.into() };
        let mut abi = Abi::default();
        abi.structs.push(StructDef {
            name: "row".into(),
            base: alloc::string::String::new(),
            fields: alloc::vec![field("account", "name"), field("memo", "string"), field("names", "name[]")],
        });
        assert!(describes(&abi, "row", &ROW));
        assert!(describes(&abi, "row[]", &Wire::Vec(&ROW)));
        assert!(describes(&abi, "string?", &Wire::Option(&MEMO)));
        assert!(describes(&abi, "bytes", &Wire::Vec(&Wire::Fixed(1))));
        assert!(describes(&abi, "public_key", &Wire::Key(33)));
        assert!(!describes(&abi, "row", &Wire::Struct(&[&NAME, &MEMO])));
        assert!(!describes(&abi, "row", &Wire::Struct(&[&NAME, &NAME, &NAMES])));
        assert!(!describes(&abi, "asset", &Wire::Fixed(8)));
        assert!(!describes(&abi, "other", &ROW));
    }

    #[test]
    fn structs_check_their_fields_in_order_and_refuse_trailing_bytes() {
        let mut row = [0u8; 8].to_vec();
        row.extend_from_slice(&[2, b'h', b'i', 1, 1, 2, 3, 4, 5, 6, 7, 8]);
        assert_eq!(check(&ROW, &row), Ok(()));
        row.push(0);
        assert_eq!(check(&ROW, &row), Err(Malformed));
        row.truncate(row.len() - 2);
        assert_eq!(check(&ROW, &row), Err(Malformed));
    }
}
