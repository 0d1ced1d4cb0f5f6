//! Packing that fails loudly. `eosio::Write::pack` can only fail when a type's `NumBytes`
//! disagrees with what it writes — exactly the wire-size bug that must never go unnoticed;
//! sending or returning empty bytes instead would look like a valid, empty value.

use alloc::vec::Vec;
use eosio::{NumBytes, Write};

/// The message a contract aborts with when a value cannot be packed.
pub const ERR_PACK: &str = "could not pack a value: its size and its encoding disagree";

/// `value` packed; aborts the action (on the chain) or panics (on the host) when it
/// cannot be.
pub fn packed<T: Write + NumBytes>(value: &T) -> Vec<u8> {
    match value.pack() {
        Ok(bytes) => bytes,
        Err(_) => pack_failed(),
    }
}

#[cfg(target_arch = "wasm32")]
fn pack_failed() -> ! {
    crate::chain::fail(ERR_PACK)
}

#[cfg(not(target_arch = "wasm32"))]
fn pack_failed() -> ! {
    panic!("{}", ERR_PACK)
}

#[cfg(test)]
mod tests {
    use super::*;
    use eosio::WriteError;

    /// A type whose size is one byte short of what it writes.
    struct Undersized;

    impl NumBytes for Undersized {
        fn num_bytes(&self) -> usize {
            1
        }
    }

    impl Write for Undersized {
        fn write(&self, bytes: &mut [u8], pos: &mut usize) -> Result<(), WriteError> {
            7u16.write(bytes, pos)
        }
    }

    #[test]
    fn a_value_packs_to_its_encoding() {
        assert_eq!(packed(&0x0102u16), alloc::vec![2, 1]);
    }

    #[test]
    #[should_panic(expected = "could not pack a value")]
    fn a_value_whose_size_lies_fails_loudly() {
        packed(&Undersized);
    }
}
