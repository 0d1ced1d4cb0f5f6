//! Names at compile time.
use eosio::Name;

/// The Antelope name for `text`, computed at compile time when used in a `const`.
///
/// Panics (a compile error in a `const`) when `text` is not a valid name:
/// up to 12 characters of `a-z`, `1-5` and `.`, and a 13th only from `a-j`, `1-5`, `.`.
pub const fn n(text: &str) -> Name {
    Name::new(name_value(text))
}

/// The `u64` value of a name; see [`n`].
pub const fn name_value(text: &str) -> u64 {
    let bytes = text.as_bytes();
    assert!(bytes.len() <= 13, "name longer than 13 characters");
    let mut value: u64 = 0;
    let mut i = 0;
    while i < bytes.len() {
        let symbol = char_value(bytes[i]);
        if i < 12 {
            value |= (symbol & 0x1f) << (64 - 5 * (i + 1));
        } else {
            assert!(symbol <= 0x0f, "invalid 13th character of a name");
            value |= symbol & 0x0f;
        }
        i += 1;
    }
    value
}

const fn char_value(c: u8) -> u64 {
    match c {
        b'.' => 0,
        b'1'..=b'5' => (c - b'1') as u64 + 1,
        b'a'..=b'z' => (c - b'a') as u64 + 6,
        _ => panic!("invalid character in a name"),
    }
}

/// Appends the text of `name` to `out` as the chain writes it (trailing dots dropped), the
/// same text as `Name`'s `Display` but without `core::fmt`, which contracts avoid.
pub fn push_name(out: &mut alloc::string::String, name: Name) {
    const CHARS: &[u8; 32] = b".12345abcdefghijklmnopqrstuvwxyz";
    let mut chars = [b'.'; 13];
    let mut value = name.as_u64();
    for (i, c) in chars.iter_mut().enumerate() {
        // Twelve characters of five bits, then a 13th of four.
        let index = if i == 12 { value >> 60 } else { value >> 59 };
        *c = CHARS[index as usize & 31];
        value <<= 5;
    }
    let len = chars.iter().rposition(|c| *c != b'.').map_or(0, |last| last + 1);
    for c in &chars[..len] {
        out.push(char::from(*c));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;

    #[test]
    fn push_name_writes_what_display_writes() {
        let mut values = alloc::vec![0, 1, u64::MAX, 0x0f, 0x10, 1 << 59, 1 << 63];
        for text in ["eosio", "eosio.token", "a", "zzzzzzzzzzzz", "zzzzzzzzzzzzj", "a.b1", ".a", "user", "privacy"] {
            values.push(name_value(text));
        }
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..10_000 {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            values.push(state);
        }
        for value in values {
            let mut text = String::from("prefix: ");
            push_name(&mut text, Name::new(value));
            assert_eq!(text, alloc::format!("prefix: {}", Name::new(value)), "{value:#x}");
        }
    }

    #[test]
    fn matches_the_eosio_crate_parser() {
        for text in ["eosio", "eosio.token", "registrator", "a", "zzzzzzzzzzzz", "voskhod", "a.b1"] {
            let parsed: Name = text.parse().unwrap();
            assert_eq!(n(text), parsed, "{text}");
        }
    }
}

/// The symbol `precision,CODE` (e.g. `sym(4, "RUB")`), computed at compile time in a `const`.
///
/// Panics when `code` is not 1–7 upper-case letters.
pub const fn sym(precision: u8, code: &str) -> eosio::Symbol {
    let bytes = code.as_bytes();
    assert!(!bytes.is_empty() && bytes.len() <= 7, "symbol code must have 1 to 7 letters");
    let mut value: u64 = 0;
    let mut i = bytes.len();
    while i > 0 {
        i -= 1;
        assert!(bytes[i] >= b'A' && bytes[i] <= b'Z', "symbol code must be upper-case letters");
        value = (value << 8) | bytes[i] as u64;
    }
    eosio::Symbol::new((value << 8) | precision as u64)
}

/// Whether `name` has all 12 characters and no dot: the names anyone may create on the
/// standard system contract (shorter names and names with dots belong to their suffix's owner).
pub const fn is_plain_twelve(name: eosio::Name) -> bool {
    let value = name.as_u64();
    if value & 0x0f != 0 {
        return false;
    }
    let mut i = 0;
    while i < 12 {
        if (value >> (64 - 5 * (i + 1))) & 0x1f == 0 {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod plain_name_tests {
    use super::*;

    #[test]
    fn only_twelve_characters_without_dots_are_plain() {
        assert!(is_plain_twelve(n("abcdefghijkl")));
        assert!(is_plain_twelve(n("member111111")));
        assert!(!is_plain_twelve(n("voskhod")));
        assert!(!is_plain_twelve(n("abc.efghijkl")));
        assert!(!is_plain_twelve(n("abcdefghijkla")));
        assert!(!is_plain_twelve(n("")));
    }
}
