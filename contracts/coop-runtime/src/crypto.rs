//! Public keys and signatures with the chain's own wire format.
//!
//! `eosio` 0.3.1's key types have the wrong size on the wire; these are the chain's:
//! a variant index (varuint32, one byte) then 33 bytes of compressed key, or 65 bytes of
//! compact signature. Only K1 (index 0) and R1 (index 1) are supported; WebAuthn keys
//! (index 2) are refused when read.
use crate::AbiType;
use alloc::string::String;
use coop_abi::Wire;
use eosio::{NumBytes, Read, ReadError, UnsignedInt, Write, WriteError};

/// Curve of a key or signature, as the chain numbers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum KeyType {
    K1 = 0,
    R1 = 1,
}

impl KeyType {
    fn from_index(index: u32) -> Result<Self, ReadError> {
        match index {
            0 => Ok(Self::K1),
            1 => Ok(Self::R1),
            _ => Err(ReadError::NotEnoughBytes),
        }
    }
}

macro_rules! wire_key {
    ($(#[$doc:meta])* $name:ident, $len:literal, $abi:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name {
            pub key_type: KeyType,
            pub data: [u8; $len],
        }

        impl $name {
            /// Number of data bytes after the variant index.
            pub const DATA_LEN: usize = $len;

            /// A K1 value from its raw bytes.
            pub const fn k1(data: [u8; $len]) -> Self {
                Self { key_type: KeyType::K1, data }
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::k1([0; $len])
            }
        }

        impl NumBytes for $name {
            fn num_bytes(&self) -> usize {
                1 + $len
            }
        }

        impl Read for $name {
            fn read(bytes: &[u8], pos: &mut usize) -> Result<Self, ReadError> {
                let index = UnsignedInt::read(bytes, pos)?;
                let key_type = KeyType::from_index(usize::from(index) as u32)?;
                // `first_chunk` rather than slicing and `copy_from_slice`: no length
                // check that could panic (and pull panic formatting into contracts).
                let data = *bytes.get(*pos..).and_then(<[u8]>::first_chunk::<$len>).ok_or(ReadError::NotEnoughBytes)?;
                *pos += $len;
                Ok(Self { key_type, data })
            }
        }

        impl Write for $name {
            fn write(&self, bytes: &mut [u8], pos: &mut usize) -> Result<(), WriteError> {
                UnsignedInt::from(self.key_type as u32).write(bytes, pos)?;
                let slice =
                    bytes.get_mut(*pos..).and_then(<[u8]>::first_chunk_mut::<$len>).ok_or(WriteError::NotEnoughSpace)?;
                *slice = self.data;
                *pos += $len;
                Ok(())
            }
        }

        impl AbiType for $name {
            fn abi_name() -> String {
                $abi.into()
            }
            const WIRE: &'static Wire = &Wire::Key($len);
        }
    };
}

wire_key!(
    /// A public key as the chain stores it (`public_key` in ABIs).
    PublicKey, 33, "public_key"
);
wire_key!(
    /// A signature as the chain stores it (`signature` in ABIs).
    Signature, 65, "signature"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_key_is_one_variant_byte_and_33_data_bytes() {
        let key = PublicKey::k1([7; 33]);
        let packed = key.pack().unwrap();
        assert_eq!(packed.len(), 34);
        assert_eq!(packed[0], 0);
        assert_eq!(PublicKey::unpack(&packed).unwrap(), key);
    }

    #[test]
    fn signature_is_one_variant_byte_and_65_data_bytes() {
        let sig = Signature { key_type: KeyType::R1, data: [9; 65] };
        let packed = sig.pack().unwrap();
        assert_eq!(packed.len(), 66);
        assert_eq!(packed[0], 1);
        assert_eq!(Signature::unpack(&packed).unwrap(), sig);
    }

    #[test]
    fn webauthn_and_short_input_are_refused() {
        let mut packed = PublicKey::k1([1; 33]).pack().unwrap();
        packed[0] = 2;
        assert!(PublicKey::unpack(&packed).is_err());
        assert!(PublicKey::unpack([0u8; 10]).is_err());
    }
}
