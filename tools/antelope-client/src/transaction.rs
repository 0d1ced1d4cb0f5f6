//! Transactions: binary packing, TAPOS, the signing digest and the signed JSON body.
use crate::abi_bin::{push_bytes, push_len, push_varuint32};
use crate::keys::{signature_to_string, PrivateKey};
use coop_runtime::crypto::Signature;
use eosio::{Action, TimePointSec};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::fmt;

/// A transaction could not be built from what the node reported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TransactionError {
    /// A block id or chain id is not 64 hex digits.
    BadId { what: &'static str, value: String },
    /// A time is not `YYYY-MM-DDTHH:MM:SS[.fff]` (UTC) or is out of range.
    BadTime(String),
}

impl fmt::Display for TransactionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BadId { what, value } => write!(f, "{what} is not 32 bytes of hex: {value:?}"),
            Self::BadTime(t) => write!(f, "not a chain time (YYYY-MM-DDTHH:MM:SS): {t:?}"),
        }
    }
}

impl std::error::Error for TransactionError {}

/// An Antelope transaction (header, actions, extensions) in binary field order.
#[derive(Clone, Debug, Default)]
pub struct Transaction {
    /// The transaction is refused after this time.
    pub expiration: TimePointSec,
    /// TAPOS: the low 16 bits of a recent block's number.
    pub ref_block_num: u16,
    /// TAPOS: bytes 8..12 of that block's id, as a little-endian u32.
    pub ref_block_prefix: u32,
    /// NET limit in 8-byte words (varuint32); 0 = no limit beyond the account's.
    pub max_net_usage_words: u32,
    /// CPU limit in ms; 0 = no limit beyond the account's.
    pub max_cpu_usage_ms: u8,
    /// Delay in seconds (varuint32).
    pub delay_sec: u32,
    /// Context-free actions (usually none).
    pub context_free_actions: Vec<Action<Vec<u8>>>,
    /// The actions, with their packed data.
    pub actions: Vec<Action<Vec<u8>>>,
    /// Extensions as (type, bytes) pairs (usually none).
    pub transaction_extensions: Vec<(u16, Vec<u8>)>,
}

impl Transaction {
    /// A transaction of these actions with an empty header (set expiration and TAPOS next).
    pub fn new(actions: Vec<Action<Vec<u8>>>) -> Self {
        Self { actions, ..Self::default() }
    }

    /// Sets the TAPOS fields from a 32-byte block id (see [`tapos_from_block_id`]).
    pub fn set_tapos(&mut self, block_id: &[u8; 32]) {
        let (num, prefix) = tapos_from_block_id(block_id);
        self.ref_block_num = num;
        self.ref_block_prefix = prefix;
    }

    /// The transaction in the chain's binary form (`packed_trx`).
    pub fn pack(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64);
        out.extend_from_slice(&self.expiration.as_secs().to_le_bytes());
        out.extend_from_slice(&self.ref_block_num.to_le_bytes());
        out.extend_from_slice(&self.ref_block_prefix.to_le_bytes());
        push_varuint32(&mut out, self.max_net_usage_words);
        out.push(self.max_cpu_usage_ms);
        push_varuint32(&mut out, self.delay_sec);
        push_actions(&mut out, &self.context_free_actions);
        push_actions(&mut out, &self.actions);
        push_len(&mut out, self.transaction_extensions.len());
        for (kind, data) in &self.transaction_extensions {
            out.extend_from_slice(&kind.to_le_bytes());
            push_bytes(&mut out, data);
        }
        out
    }

    /// The transaction id: sha256 of the packed transaction, as hex.
    pub fn id(&self) -> String {
        hex::encode(Sha256::digest(self.pack()))
    }

    /// The digest the keys sign on the chain `chain_id` (no context-free data).
    pub fn signing_digest(&self, chain_id: &[u8; 32]) -> [u8; 32] {
        signing_digest(chain_id, &self.pack())
    }

    /// Signs with each key, in order, for the chain `chain_id`.
    pub fn sign(&self, chain_id: &[u8; 32], keys: &[PrivateKey]) -> SignedTransaction {
        let packed_trx = self.pack();
        let digest = signing_digest(chain_id, &packed_trx);
        SignedTransaction { signatures: keys.iter().map(|k| k.sign_digest(&digest)).collect(), packed_trx }
    }

    /// The transaction as nodeos reads it in JSON (e.g. for `get_required_keys`), with
    /// each action's data as hex.
    pub fn to_json(&self) -> Value {
        json!({
            "expiration": format_time(self.expiration.as_secs()),
            "ref_block_num": self.ref_block_num,
            "ref_block_prefix": self.ref_block_prefix,
            "max_net_usage_words": self.max_net_usage_words,
            "max_cpu_usage_ms": self.max_cpu_usage_ms,
            "delay_sec": self.delay_sec,
            "context_free_actions": actions_json(&self.context_free_actions),
            "actions": actions_json(&self.actions),
            "transaction_extensions": self
                .transaction_extensions
                .iter()
                .map(|(kind, data)| json!([kind, hex::encode(data)]))
                .collect::<Vec<_>>(),
        })
    }
}

/// A packed transaction and its signatures, ready for `/v1/chain/send_transaction`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedTransaction {
    pub signatures: Vec<Signature>,
    pub packed_trx: Vec<u8>,
}

impl SignedTransaction {
    /// The transaction id: sha256 of the packed transaction, as hex.
    pub fn id(&self) -> String {
        hex::encode(Sha256::digest(&self.packed_trx))
    }

    /// The body of `/v1/chain/send_transaction` (uncompressed, no context-free data).
    pub fn to_json(&self) -> Value {
        json!({
            "signatures": self.signatures.iter().map(signature_to_string).collect::<Vec<_>>(),
            "compression": 0,
            "packed_context_free_data": "",
            "packed_trx": hex::encode(&self.packed_trx),
        })
    }
}

/// TAPOS from a block id: `(block_num & 0xffff, le_u32(id[8..12]))`. The block number is
/// the id's first 4 bytes, big-endian, so the low 16 bits are bytes 2..4.
pub fn tapos_from_block_id(block_id: &[u8; 32]) -> (u16, u32) {
    let ref_block_num = u16::from_be_bytes([block_id[2], block_id[3]]);
    let ref_block_prefix = u32::from_le_bytes([block_id[8], block_id[9], block_id[10], block_id[11]]);
    (ref_block_num, ref_block_prefix)
}

/// The signing digest: sha256(chain_id ‖ packed_trx ‖ 32 zero bytes), the last part being
/// the digest of the (absent) context-free data.
pub fn signing_digest(chain_id: &[u8; 32], packed_trx: &[u8]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(chain_id);
    hasher.update(packed_trx);
    hasher.update([0u8; 32]);
    hasher.finalize().into()
}

/// Parses a 32-byte id (chain id, block id) from 64 hex digits.
pub fn parse_id(what: &'static str, hex_text: &str) -> Result<[u8; 32], TransactionError> {
    let mut id = [0u8; 32];
    hex::decode_to_slice(hex_text, &mut id)
        .map_err(|_| TransactionError::BadId { what, value: hex_text.to_string() })?;
    Ok(id)
}

/// Parses a chain time (`2024-01-02T03:04:05.500`, UTC, optional fraction and `Z`) into
/// whole seconds since 1970.
pub fn parse_time(text: &str) -> Result<u32, TransactionError> {
    let bad = || TransactionError::BadTime(text.to_string());
    let trimmed = text.trim_end_matches('Z');
    let whole = trimmed.split('.').next().unwrap_or(trimmed);
    let (date, time) = whole.split_once('T').ok_or_else(bad)?;
    let num =
        |s: Option<&str>| -> Result<i64, TransactionError> { s.ok_or_else(bad)?.parse::<i64>().map_err(|_| bad()) };
    let mut d = date.split('-');
    let (year, month, day) = (num(d.next())?, num(d.next())?, num(d.next())?);
    let mut t = time.split(':');
    let (hour, minute, second) = (num(t.next())?, num(t.next())?, num(t.next())?);
    if d.next().is_some()
        || t.next().is_some()
        || !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || !(0..24).contains(&hour)
        || !(0..60).contains(&minute)
        || !(0..60).contains(&second)
    {
        return Err(bad());
    }
    let secs = days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second;
    u32::try_from(secs).map_err(|_| bad())
}

/// Formats seconds since 1970 as a chain time (`2024-01-02T03:04:05`, UTC).
pub fn format_time(secs: u32) -> String {
    let secs = i64::from(secs);
    let (year, month, day) = civil_from_days(secs.div_euclid(86_400));
    let rem = secs.rem_euclid(86_400);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}", rem / 3600, rem % 3600 / 60, rem % 60)
}

fn push_actions(out: &mut Vec<u8>, actions: &[Action<Vec<u8>>]) {
    push_len(out, actions.len());
    for action in actions {
        out.extend_from_slice(&action.account.as_u64().to_le_bytes());
        out.extend_from_slice(&action.name.as_u64().to_le_bytes());
        push_len(out, action.authorization.len());
        for level in &action.authorization {
            out.extend_from_slice(&level.actor.as_u64().to_le_bytes());
            out.extend_from_slice(&level.permission.as_u64().to_le_bytes());
        }
        push_bytes(out, &action.data);
    }
}

fn actions_json(actions: &[Action<Vec<u8>>]) -> Vec<Value> {
    actions
        .iter()
        .map(|a| {
            json!({
                "account": a.account.to_string(),
                "name": a.name.to_string(),
                "authorization": a.authorization.iter().map(|p| json!({
                    "actor": p.actor.to_string(),
                    "permission": p.permission.to_string(),
                })).collect::<Vec<_>>(),
                "data": hex::encode(&a.data),
            })
        })
        .collect()
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01 (inverse of [`days_from_civil`]).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::recover_public_key;
    use eosio::{AccountName, ActionName, PermissionLevel, PermissionName};
    use std::str::FromStr;

    fn name(s: &str) -> u64 {
        eosio::Name::from_str(s).unwrap().as_u64()
    }

    fn sample() -> Transaction {
        let mut trx = Transaction::new(vec![Action {
            account: AccountName::new(name("eosio.token")),
            name: ActionName::new(name("transfer")),
            authorization: vec![PermissionLevel {
                actor: AccountName::new(name("alice")),
                permission: PermissionName::new(name("active")),
            }],
            data: vec![0xaa, 0xbb, 0xcc],
        }]);
        trx.expiration = TimePointSec::from_secs(0x0102_0304);
        trx.ref_block_num = 0x0506;
        trx.ref_block_prefix = 0x0708_090a;
        trx.max_net_usage_words = 300;
        trx.max_cpu_usage_ms = 7;
        trx.delay_sec = 1;
        trx
    }

    #[test]
    fn packed_transaction_has_the_chain_layout() {
        let mut expected = vec![
            0x04, 0x03, 0x02, 0x01, // expiration (u32 LE)
            0x06, 0x05, // ref_block_num
            0x0a, 0x09, 0x08, 0x07, // ref_block_prefix
            0xac, 0x02, // max_net_usage_words = 300 (varuint32)
            0x07, // max_cpu_usage_ms
            0x01, // delay_sec (varuint32)
            0x00, // no context-free actions
            0x01, // one action
        ];
        expected.extend_from_slice(&name("eosio.token").to_le_bytes());
        expected.extend_from_slice(&name("transfer").to_le_bytes());
        expected.push(1);
        expected.extend_from_slice(&name("alice").to_le_bytes());
        expected.extend_from_slice(&name("active").to_le_bytes());
        expected.extend_from_slice(&[3, 0xaa, 0xbb, 0xcc]); // data as bytes
        expected.push(0); // no extensions
        assert_eq!(sample().pack(), expected);

        // The same as eosio's own packing of the action.
        let action = eosio::Write::pack(&sample().actions[0]).unwrap();
        assert_eq!(&expected[16..expected.len() - 1], &action[..]);
    }

    #[test]
    fn extensions_are_packed_as_type_and_bytes() {
        let mut trx = Transaction::new(vec![]);
        trx.transaction_extensions.push((1, vec![9, 8]));
        let packed = trx.pack();
        assert_eq!(&packed[packed.len() - 6..], &[1, 1, 0, 2, 9, 8]);
    }

    #[test]
    fn digest_covers_the_chain_id() {
        let trx = sample();
        let a = trx.signing_digest(&[1; 32]);
        let b = trx.signing_digest(&[2; 32]);
        assert_ne!(a, b);
        let mut data = vec![1u8; 32];
        data.extend_from_slice(&trx.pack());
        data.extend_from_slice(&[0; 32]);
        assert_eq!(a, <[u8; 32]>::from(Sha256::digest(&data)));
    }

    #[test]
    fn signatures_recover_the_signers() {
        let keys = [PrivateKey::dev(), PrivateKey::generate()];
        let chain_id = [7; 32];
        let trx = sample();
        let signed = trx.sign(&chain_id, &keys);
        let digest = trx.signing_digest(&chain_id);
        assert_eq!(signed.signatures.len(), 2);
        for (sig, key) in signed.signatures.iter().zip(&keys) {
            assert_eq!(recover_public_key(sig, &digest).unwrap(), key.public_key());
        }
        let body = signed.to_json();
        assert_eq!(body["compression"], 0);
        assert_eq!(body["packed_context_free_data"], "");
        assert_eq!(body["packed_trx"], hex::encode(trx.pack()));
        assert!(body["signatures"][0].as_str().unwrap().starts_with("SIG_K1_"));
        assert_eq!(signed.id(), trx.id());
    }

    #[test]
    fn tapos_comes_from_the_block_id() {
        let id = parse_id("block id", "0000a1b2c3d4e5f6010203040506070800000000000000000000000000000000").unwrap();
        assert_eq!(tapos_from_block_id(&id), (0xa1b2, 0x0403_0201));
        let mut trx = Transaction::default();
        trx.set_tapos(&id);
        assert_eq!((trx.ref_block_num, trx.ref_block_prefix), (0xa1b2, 0x0403_0201));
        assert!(parse_id("block id", "abc").is_err());
    }

    #[test]
    fn json_form_has_hex_data_and_chain_time() {
        let value = sample().to_json();
        assert_eq!(value["expiration"], "1970-07-15T16:57:40");
        assert_eq!(value["actions"][0]["account"], "eosio.token");
        assert_eq!(value["actions"][0]["authorization"][0]["actor"], "alice");
        assert_eq!(value["actions"][0]["data"], "aabbcc");
        assert_eq!(value["max_net_usage_words"], 300);
    }

    #[test]
    fn chain_times_round_trip() {
        assert_eq!(parse_time("1970-01-01T00:00:00.000").unwrap(), 0);
        assert_eq!(parse_time("2024-02-29T12:34:56.500").unwrap(), 1_709_210_096);
        assert_eq!(parse_time("2024-02-29T12:34:56Z").unwrap(), 1_709_210_096);
        for secs in [0, 59, 86_399, 951_782_400, 1_709_210_096, u32::MAX] {
            assert_eq!(parse_time(&format_time(secs)).unwrap(), secs);
        }
        assert!(parse_time("2024-13-01T00:00:00").is_err());
        assert!(parse_time("yesterday").is_err());
        assert!(parse_time("1969-12-31T23:59:59").is_err());
    }
}
