//! The signed document: an anonymised legal document's hash and its signature, and the
//! [`Consent`] that signature is bound to.
use crate::{AbiType, PublicKey, Signature};
use alloc::string::String;
use eosio::{Checksum256, Name, NumBytes, Read, Write};

/// The document's signature over its [`Consent::digest`] does not recover to its
/// `public_key`: not signed by that key, or signed for something else.
pub const ERR_BAD_SIGNATURE: &str = "document is not signed by its key for this action";
/// The document's key is not the signer's: it does not satisfy the signer's `active`
/// permission (or, for an account still to be created, is not the key it will have).
pub const ERR_KEY_NOT_SIGNERS: &str = "document key does not belong to the signer";

/// `{hash, public_key, signature, meta}`: the on-chain copy of a document generated
/// off-chain. Whoever holds the private data can regenerate the full document and show
/// that its SHA-256 is `hash`. `signature` signs [`Consent::digest`] — the document's
/// hash bound to what it approves — with `public_key`; contracts also check that the key
/// belongs to the person who signs (see `chain::verify_document`).
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes, AbiType)]
pub struct Document {
    /// SHA-256 of the full document.
    pub hash: Checksum256,
    /// The key that signed the document.
    pub public_key: PublicKey,
    /// The signature over [`Consent::digest`] of `hash` and the context of the action that
    /// carries the document.
    pub signature: Signature,
    /// Public metadata (JSON).
    pub meta: String,
}

/// What a document is accepted for: the context that its signature covers together with
/// its hash, so that a document accepted for one thing is refused for anything else —
/// another contract or action, another cooperative, another person, another subject or
/// version, other terms. Fixed size (80 bytes packed), every field little-endian as the
/// chain packs it. Each action's context is built from the action's own fields by
/// `coop_protocol::consent`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Read, Write, NumBytes)]
pub struct Consent {
    /// The account of the contract that accepts the document.
    pub contract: Name,
    /// The action that carries it.
    pub action: Name,
    /// The cooperative it is for.
    pub coopname: Name,
    /// The account whose key signs (the person the document speaks for).
    pub signer: Name,
    /// What the document is about within the action (a branch, an agreement kind, …);
    /// zero when nothing.
    pub subject: Name,
    /// A number the document is about (a version, a decision id, an amount); zero when
    /// nothing.
    pub number: u64,
    /// SHA-256 of further data the document approves (e.g. the actions a decision carries);
    /// zeros when nothing.
    pub terms: Checksum256,
}

impl Consent {
    /// The size of a packed `Consent`.
    pub const PACKED_LEN: usize = 6 * 8 + 32;

    /// The packed context: `contract ‖ action ‖ coopname ‖ signer ‖ subject ‖ number ‖
    /// terms`, names and number as 8 bytes little-endian, `terms` as its 32 bytes.
    pub fn to_bytes(&self) -> [u8; Self::PACKED_LEN] {
        let mut bytes = [0u8; Self::PACKED_LEN];
        let words = [
            self.contract.as_u64(),
            self.action.as_u64(),
            self.coopname.as_u64(),
            self.signer.as_u64(),
            self.subject.as_u64(),
            self.number,
        ];
        for (chunk, word) in bytes.chunks_exact_mut(8).zip(words) {
            chunk.copy_from_slice(&word.to_le_bytes());
        }
        bytes[48..].copy_from_slice(&self.terms.to_bytes());
        bytes
    }

    /// What the signer signs: SHA-256 of the document's hash (32 bytes) followed by the
    /// packed context (80 bytes). `sha256` is the chain's intrinsic in a contract and a
    /// library function in clients.
    pub fn digest(&self, document_hash: &[u8; 32], sha256: impl Fn(&[u8]) -> [u8; 32]) -> [u8; 32] {
        let mut bytes = [0u8; 32 + Self::PACKED_LEN];
        bytes[..32].copy_from_slice(document_hash);
        bytes[32..].copy_from_slice(&self.to_bytes());
        sha256(&bytes)
    }
}

/// [`Consent::digest`] of a document's hash and `consent`.
pub fn consent_digest(document_hash: &[u8; 32], consent: &Consent, sha256: impl Fn(&[u8]) -> [u8; 32]) -> [u8; 32] {
    consent.digest(document_hash, sha256)
}
