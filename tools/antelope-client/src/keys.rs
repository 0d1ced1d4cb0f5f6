//! K1 keys and signatures in the chain's text formats.
//!
//! Text formats (all base58, Bitcoin alphabet):
//! - private key, legacy WIF: `5…` = base58(0x80 ‖ key ‖ sha256(sha256(0x80 ‖ key))[..4]);
//! - private key, new: `PVT_K1_` + base58(key ‖ ripemd160(key ‖ "K1")[..4]);
//! - public key, legacy: `EOS` + base58(key ‖ ripemd160(key)[..4]);
//! - public key, new: `PUB_K1_` / `PUB_R1_` + base58(key ‖ ripemd160(key ‖ "K1"/"R1")[..4]);
//! - signature: `SIG_K1_` / `SIG_R1_` + base58(sig ‖ ripemd160(sig ‖ "K1"/"R1")[..4]).
//!
//! Public keys are 33-byte compressed SEC1 points; signatures are 65 bytes in the chain's
//! compact form: `recovery id + 27 + 4`, then r (32 bytes) and s (32 bytes).
use coop_runtime::crypto::{KeyType, PublicKey, Signature};
use k256::ecdsa::{hazmat::SignPrimitive, RecoveryId, SigningKey, VerifyingKey};
use ripemd::{Digest as _, Ripemd160};
use sha2::Sha256;
use std::fmt;
use std::str::FromStr;

/// The well-known development private key of Antelope tutorials (never use on a real chain).
pub const DEV_PRIVATE_KEY: &str = "5KQwrPbwdL6PhXujxW37FSSQZ1JiwsST4cqQzDeyXtP79zkvFD3";
/// The public key of [`DEV_PRIVATE_KEY`].
pub const DEV_PUBLIC_KEY: &str = "EOS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV";

/// Why a key or signature could not be parsed or used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyError {
    /// The text is not valid base58.
    Base58(String),
    /// The text has none of the known prefixes (`5`, `PVT_K1_`, `EOS`, `PUB_K1_`, …).
    UnknownFormat(String),
    /// The decoded bytes have the wrong length for what they should be.
    BadLength { what: &'static str, expected: usize, actual: usize },
    /// The checksum at the end of the decoded bytes does not match.
    BadChecksum(&'static str),
    /// The bytes are not a valid key on the curve (or a zero/out-of-range secret).
    InvalidKey(String),
    /// The signature could not be used to recover a key.
    InvalidSignature(String),
    /// The key or signature type is not supported by this operation (e.g. R1 recovery).
    Unsupported(String),
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Base58(e) => write!(f, "invalid base58: {e}"),
            Self::UnknownFormat(s) => write!(f, "unknown key or signature format: {s:?}"),
            Self::BadLength { what, expected, actual } => write!(f, "{what}: expected {expected} bytes, got {actual}"),
            Self::BadChecksum(what) => write!(f, "{what}: checksum mismatch"),
            Self::InvalidKey(e) => write!(f, "invalid key: {e}"),
            Self::InvalidSignature(e) => write!(f, "invalid signature: {e}"),
            Self::Unsupported(e) => write!(f, "unsupported: {e}"),
        }
    }
}

impl std::error::Error for KeyError {}

/// A K1 (secp256k1) private key.
#[derive(Clone, PartialEq, Eq)]
pub struct PrivateKey {
    key: SigningKey,
}

impl PrivateKey {
    /// A fresh random key from the operating system's generator.
    pub fn generate() -> Self {
        Self { key: SigningKey::random(&mut rand_core::OsRng) }
    }

    /// The key from its 32 secret bytes.
    pub fn from_bytes(bytes: &[u8; 32]) -> Result<Self, KeyError> {
        SigningKey::from_slice(bytes).map(|key| Self { key }).map_err(|e| KeyError::InvalidKey(e.to_string()))
    }

    /// The development key [`DEV_PRIVATE_KEY`].
    pub fn dev() -> Self {
        // The constant is checked by the unit tests.
        DEV_PRIVATE_KEY.parse().expect("DEV_PRIVATE_KEY is a valid WIF")
    }

    /// The 32 secret bytes.
    pub fn to_bytes(&self) -> [u8; 32] {
        self.key.to_bytes().into()
    }

    /// The legacy WIF text (`5…`).
    pub fn to_wif(&self) -> String {
        let mut data = Vec::with_capacity(37);
        data.push(0x80);
        data.extend_from_slice(&self.to_bytes());
        let check = double_sha256(&data);
        data.extend_from_slice(&check[..4]);
        bs58::encode(data).into_string()
    }

    /// The new text form (`PVT_K1_…`).
    pub fn to_k1_string(&self) -> String {
        format!("PVT_K1_{}", encode_with_suffix(&self.to_bytes(), "K1"))
    }

    /// The matching public key.
    pub fn public_key(&self) -> PublicKey {
        verifying_key_to_public(self.key.verifying_key())
    }

    /// Signs a 32-byte digest with a signature the chain accepts as canonical.
    ///
    /// Deterministic (RFC 6979): the first attempt uses no extra data, each further
    /// attempt adds a counter as extra data until the compact form is canonical.
    pub fn sign_digest(&self, digest: &[u8; 32]) -> Signature {
        let z = k256::FieldBytes::from(*digest);
        let scalar: &k256::Scalar = self.key.as_nonzero_scalar().as_ref();
        for counter in 0u64.. {
            let extra = if counter == 0 { Vec::new() } else { counter.to_le_bytes().to_vec() };
            // Fails only for a zero r or s (negligible); then the next counter is tried.
            let Ok((sig, Some(recid))) = scalar.try_sign_prehashed_rfc6979::<Sha256>(&z, &extra) else {
                continue;
            };
            let mut data = [0u8; 65];
            data[0] = recid.to_byte() + 27 + 4;
            data[1..].copy_from_slice(&sig.to_bytes());
            if is_canonical(&data) {
                return Signature::k1(data);
            }
        }
        unreachable!("the counter does not run out before a canonical signature is found")
    }
}

impl fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PrivateKey")
            .field("public_key", &public_key_to_legacy(&self.public_key()))
            .finish_non_exhaustive()
    }
}

/// Shows the legacy WIF form: beware, this prints the secret.
impl fmt::Display for PrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_wif())
    }
}

/// Accepts legacy WIF (`5…`) and `PVT_K1_…`.
impl FromStr for PrivateKey {
    type Err = KeyError;

    fn from_str(s: &str) -> Result<Self, KeyError> {
        let s = s.trim();
        let secret: [u8; 32] = if let Some(rest) = s.strip_prefix("PVT_K1_") {
            decode_with_suffix::<32>(rest, "K1", "private key")?
        } else if s.starts_with("PVT_") {
            return Err(KeyError::Unsupported(format!("private key type of {s:.7}…")));
        } else {
            decode_wif(s)?
        };
        Self::from_bytes(&secret)
    }
}

/// Whether a 65-byte compact signature passes eosio's `is_canonical` rule
/// (r and s both encode in exactly 32 DER bytes; implies low-S for our signer).
pub fn is_canonical(c: &[u8; 65]) -> bool {
    (c[1] & 0x80) == 0
        && !(c[1] == 0 && (c[2] & 0x80) == 0)
        && (c[33] & 0x80) == 0
        && !(c[33] == 0 && (c[34] & 0x80) == 0)
}

/// `EOS…`: the legacy text of a public key (K1 only; R1 keys get `PUB_R1_…`).
pub fn public_key_to_legacy(key: &PublicKey) -> String {
    match key.key_type {
        KeyType::K1 => {
            let check = ripemd160(&key.data);
            let mut data = key.data.to_vec();
            data.extend_from_slice(&check[..4]);
            format!("EOS{}", bs58::encode(data).into_string())
        }
        KeyType::R1 => public_key_to_k1(key),
    }
}

/// `PUB_K1_…` (or `PUB_R1_…` for an R1 key): the new text of a public key.
pub fn public_key_to_k1(key: &PublicKey) -> String {
    let suffix = suffix_of(key.key_type);
    format!("PUB_{suffix}_{}", encode_with_suffix(&key.data, suffix))
}

/// Parses `EOS…`, `PUB_K1_…` or `PUB_R1_…`. K1 keys must be valid curve points.
pub fn parse_public_key(s: &str) -> Result<PublicKey, KeyError> {
    let s = s.trim();
    let key = if let Some(rest) = s.strip_prefix("PUB_K1_") {
        PublicKey::k1(decode_with_suffix::<33>(rest, "K1", "public key")?)
    } else if let Some(rest) = s.strip_prefix("PUB_R1_") {
        PublicKey { key_type: KeyType::R1, data: decode_with_suffix::<33>(rest, "R1", "public key")? }
    } else if let Some(rest) = s.strip_prefix("EOS") {
        let raw = decode_base58(rest)?;
        let (data, check) = split_checksum::<33>(&raw, "public key")?;
        if ripemd160(&data)[..4] != check {
            return Err(KeyError::BadChecksum("public key"));
        }
        PublicKey::k1(data)
    } else {
        return Err(KeyError::UnknownFormat(s.to_string()));
    };
    if key.key_type == KeyType::K1 {
        VerifyingKey::from_sec1_bytes(&key.data).map_err(|e| KeyError::InvalidKey(e.to_string()))?;
    }
    Ok(key)
}

/// `SIG_K1_…` (or `SIG_R1_…`): the text of a signature.
pub fn signature_to_string(sig: &Signature) -> String {
    let suffix = suffix_of(sig.key_type);
    format!("SIG_{suffix}_{}", encode_with_suffix(&sig.data, suffix))
}

/// Parses `SIG_K1_…` or `SIG_R1_…`.
pub fn parse_signature(s: &str) -> Result<Signature, KeyError> {
    let s = s.trim();
    if let Some(rest) = s.strip_prefix("SIG_K1_") {
        Ok(Signature::k1(decode_with_suffix::<65>(rest, "K1", "signature")?))
    } else if let Some(rest) = s.strip_prefix("SIG_R1_") {
        Ok(Signature { key_type: KeyType::R1, data: decode_with_suffix::<65>(rest, "R1", "signature")? })
    } else {
        Err(KeyError::UnknownFormat(s.to_string()))
    }
}

/// The public key that made a K1 signature of `digest`.
pub fn recover_public_key(sig: &Signature, digest: &[u8; 32]) -> Result<PublicKey, KeyError> {
    if sig.key_type != KeyType::K1 {
        return Err(KeyError::Unsupported("recovery of a non-K1 signature".into()));
    }
    let header = sig.data[0];
    let id = match header {
        31..=34 => header - 31,
        27..=30 => header - 27,
        _ => return Err(KeyError::InvalidSignature(format!("bad recovery header byte {header}"))),
    };
    let recid = RecoveryId::from_byte(id).ok_or_else(|| KeyError::InvalidSignature(format!("bad recovery id {id}")))?;
    let ecdsa_sig =
        k256::ecdsa::Signature::from_slice(&sig.data[1..]).map_err(|e| KeyError::InvalidSignature(e.to_string()))?;
    let key = VerifyingKey::recover_from_prehash(digest, &ecdsa_sig, recid)
        .map_err(|e| KeyError::InvalidSignature(e.to_string()))?;
    Ok(verifying_key_to_public(&key))
}

fn verifying_key_to_public(key: &VerifyingKey) -> PublicKey {
    let point = key.to_encoded_point(true);
    let mut data = [0u8; 33];
    data.copy_from_slice(point.as_bytes());
    PublicKey::k1(data)
}

fn suffix_of(key_type: KeyType) -> &'static str {
    match key_type {
        KeyType::K1 => "K1",
        KeyType::R1 => "R1",
    }
}

fn ripemd160(data: &[u8]) -> [u8; 20] {
    Ripemd160::digest(data).into()
}

fn double_sha256(data: &[u8]) -> [u8; 32] {
    Sha256::digest(Sha256::digest(data)).into()
}

fn checksum_with_suffix(data: &[u8], suffix: &str) -> [u8; 4] {
    let mut hasher = Ripemd160::new();
    hasher.update(data);
    hasher.update(suffix.as_bytes());
    let hash = hasher.finalize();
    [hash[0], hash[1], hash[2], hash[3]]
}

fn encode_with_suffix(data: &[u8], suffix: &str) -> String {
    let mut raw = data.to_vec();
    raw.extend_from_slice(&checksum_with_suffix(data, suffix));
    bs58::encode(raw).into_string()
}

fn decode_base58(s: &str) -> Result<Vec<u8>, KeyError> {
    bs58::decode(s).into_vec().map_err(|e| KeyError::Base58(e.to_string()))
}

/// Splits `N` data bytes from a 4-byte checksum.
fn split_checksum<const N: usize>(raw: &[u8], what: &'static str) -> Result<([u8; N], [u8; 4]), KeyError> {
    if raw.len() != N + 4 {
        return Err(KeyError::BadLength { what, expected: N + 4, actual: raw.len() });
    }
    let mut data = [0u8; N];
    data.copy_from_slice(&raw[..N]);
    let mut check = [0u8; 4];
    check.copy_from_slice(&raw[N..]);
    Ok((data, check))
}

fn decode_with_suffix<const N: usize>(s: &str, suffix: &str, what: &'static str) -> Result<[u8; N], KeyError> {
    let raw = decode_base58(s)?;
    let (data, check) = split_checksum::<N>(&raw, what)?;
    if checksum_with_suffix(&data, suffix) != check {
        return Err(KeyError::BadChecksum(what));
    }
    Ok(data)
}

fn decode_wif(s: &str) -> Result<[u8; 32], KeyError> {
    let raw = decode_base58(s)?;
    // 0x80 ‖ key ‖ checksum, or with the "compressed" flag 0x01 after the key.
    let body_len = match raw.len() {
        37 => 33,
        38 if raw[33] == 0x01 => 34,
        actual => return Err(KeyError::BadLength { what: "WIF private key", expected: 37, actual }),
    };
    let (body, check) = raw.split_at(body_len);
    if double_sha256(body)[..4] != *check {
        return Err(KeyError::BadChecksum("WIF private key"));
    }
    if body[0] != 0x80 {
        return Err(KeyError::UnknownFormat(format!("WIF version byte 0x{:02x} (expected 0x80)", body[0])));
    }
    let mut secret = [0u8; 32];
    secret.copy_from_slice(&body[1..33]);
    Ok(secret)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digest(text: &str) -> [u8; 32] {
        Sha256::digest(text.as_bytes()).into()
    }

    #[test]
    fn dev_wif_gives_dev_public_key() {
        let key: PrivateKey = DEV_PRIVATE_KEY.parse().unwrap();
        assert_eq!(public_key_to_legacy(&key.public_key()), DEV_PUBLIC_KEY);
        assert_eq!(key.to_wif(), DEV_PRIVATE_KEY);
        assert_eq!(PrivateKey::dev(), key);
    }

    #[test]
    fn private_key_round_trips_in_both_formats() {
        let key = PrivateKey::generate();
        let wif = key.to_wif();
        let k1 = key.to_k1_string();
        assert!(wif.starts_with('5'), "{wif}");
        assert!(k1.starts_with("PVT_K1_"), "{k1}");
        assert_eq!(wif.parse::<PrivateKey>().unwrap(), key);
        assert_eq!(k1.parse::<PrivateKey>().unwrap(), key);
        assert_eq!(key.to_string(), wif);
    }

    #[test]
    fn pvt_k1_and_wif_of_the_dev_key_agree() {
        let key = PrivateKey::dev();
        let k1 = key.to_k1_string();
        assert_eq!(k1, "PVT_K1_2bfGi9rYsXQSXXTvJbDAPhHLQUojjaNLomdm3cEJ1XTzMqUt3V");
        let again: PrivateKey = k1.parse().unwrap();
        assert_eq!(again.to_wif(), DEV_PRIVATE_KEY);
        assert_eq!(public_key_to_legacy(&again.public_key()), DEV_PUBLIC_KEY);
    }

    #[test]
    fn public_key_round_trips_in_every_format() {
        let key = PrivateKey::generate().public_key();
        let legacy = public_key_to_legacy(&key);
        let k1 = public_key_to_k1(&key);
        assert!(legacy.starts_with("EOS"));
        assert!(k1.starts_with("PUB_K1_"));
        assert_eq!(parse_public_key(&legacy).unwrap(), key);
        assert_eq!(parse_public_key(&k1).unwrap(), key);

        let dev = parse_public_key(DEV_PUBLIC_KEY).unwrap();
        assert_eq!(public_key_to_k1(&dev), "PUB_K1_6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5BoDq63");
    }

    #[test]
    fn r1_public_key_text_round_trips() {
        let r1 = PublicKey { key_type: KeyType::R1, data: PrivateKey::generate().public_key().data };
        let text = public_key_to_k1(&r1);
        assert!(text.starts_with("PUB_R1_"));
        assert_eq!(parse_public_key(&text).unwrap(), r1);
        // A K1 checksum does not pass as R1.
        let k1_text = text.replace("PUB_R1_", "PUB_K1_");
        assert_eq!(parse_public_key(&k1_text), Err(KeyError::BadChecksum("public key")));
    }

    #[test]
    fn signature_is_canonical_and_recovers_the_signer() {
        let key = PrivateKey::generate();
        for i in 0..64 {
            let d = digest(&format!("message {i}"));
            let sig = key.sign_digest(&d);
            assert_eq!(sig.key_type, KeyType::K1);
            assert!(is_canonical(&sig.data));
            assert!((31..=34).contains(&sig.data[0]));
            assert_eq!(recover_public_key(&sig, &d).unwrap(), key.public_key());
            // Deterministic.
            assert_eq!(key.sign_digest(&d), sig);
        }
    }

    #[test]
    fn signature_text_round_trips() {
        let key = PrivateKey::dev();
        let d = digest("hello");
        let sig = key.sign_digest(&d);
        let text = signature_to_string(&sig);
        assert!(text.starts_with("SIG_K1_"), "{text}");
        let back = parse_signature(&text).unwrap();
        assert_eq!(back, sig);
        assert_eq!(recover_public_key(&back, &d).unwrap(), key.public_key());
    }

    #[test]
    fn another_digest_recovers_another_key() {
        let key = PrivateKey::generate();
        let sig = key.sign_digest(&digest("a"));
        let other = recover_public_key(&sig, &digest("b"));
        assert_ne!(other.ok(), Some(key.public_key()));
    }

    /// Changes one base58 character so that the decoded bytes differ.
    fn corrupt(text: &str, from_end: usize) -> String {
        let mut chars: Vec<char> = text.chars().collect();
        let i = chars.len() - 1 - from_end;
        chars[i] = if chars[i] == '2' { '3' } else { '2' };
        chars.into_iter().collect()
    }

    #[test]
    fn bad_checksums_are_errors() {
        let key = PrivateKey::dev();
        assert_eq!(corrupt(DEV_PRIVATE_KEY, 5).parse::<PrivateKey>(), Err(KeyError::BadChecksum("WIF private key")));
        assert_eq!(corrupt(&key.to_k1_string(), 5).parse::<PrivateKey>(), Err(KeyError::BadChecksum("private key")));
        assert_eq!(parse_public_key(&corrupt(DEV_PUBLIC_KEY, 5)), Err(KeyError::BadChecksum("public key")));
        let sig = signature_to_string(&key.sign_digest(&digest("x")));
        assert_eq!(parse_signature(&corrupt(&sig, 5)), Err(KeyError::BadChecksum("signature")));
    }

    #[test]
    fn malformed_text_is_an_error() {
        assert!(matches!("".parse::<PrivateKey>(), Err(KeyError::BadLength { .. })));
        assert!(matches!("PVT_K1_0OIl".parse::<PrivateKey>(), Err(KeyError::Base58(_))));
        assert!(matches!(parse_public_key("XYZ123"), Err(KeyError::UnknownFormat(_))));
        assert!(matches!(parse_signature("SIG_WA_abc"), Err(KeyError::UnknownFormat(_))));
        assert!(matches!("PVT_R1_abc".parse::<PrivateKey>(), Err(KeyError::Unsupported(_))));
        // A correct checksum over bytes that are not a curve point.
        let bogus = PublicKey::k1([9; 33]);
        assert!(matches!(parse_public_key(&public_key_to_legacy(&bogus)), Err(KeyError::InvalidKey(_))));
    }

    #[test]
    fn debug_does_not_print_the_secret() {
        let key = PrivateKey::dev();
        let debug = format!("{key:?}");
        assert!(!debug.contains(DEV_PRIVATE_KEY));
        assert!(debug.contains(DEV_PUBLIC_KEY));
    }
}
