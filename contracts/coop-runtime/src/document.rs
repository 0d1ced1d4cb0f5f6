//! The signed document: an anonymised legal document's hash and its signature.
use crate::{AbiType, PublicKey, Signature};
use alloc::string::String;
use eosio::{Checksum256, NumBytes, Read, Write};

/// `{hash, public_key, signature, meta}`: the on-chain copy of a document generated
/// off-chain. Whoever holds the private data can regenerate the full document and show
/// that its SHA-256 is `hash`. `signature` signs `hash` with `public_key`; contracts also
/// check that the key belongs to the person who signs (see `chain::verify_document`).
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Document {
    /// SHA-256 of the full document.
    pub hash: Checksum256,
    /// The key that signed `hash`.
    pub public_key: PublicKey,
    /// The signature over `hash`.
    pub signature: Signature,
    /// Public metadata (JSON).
    pub meta: String,
}
