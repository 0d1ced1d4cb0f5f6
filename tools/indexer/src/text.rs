//! How values are written in the database: names, assets and symbols as the chain's API
//! shows them (`voskhod`, `100.0000 RUB`, `4,RUB`), times as UTC ISO-8601 seconds
//! (`2026-11-29T15:23:30`, which SQLite's date functions read), hashes as hex, keys and
//! signatures in the chain's text form (`EOS…`/`PUB_R1_…`, `SIG_K1_…`).
use antelope_client::{keys, transaction};
use coop_runtime::asset_text::{asset_to_string, parse_asset, symbol_to_string};
use coop_runtime::{PublicKey, Signature};
use eosio::{Asset, Checksum256, Name, Symbol};

/// A name as text; the empty name is `""`.
pub fn name(name: Name) -> String {
    if name.as_u64() == 0 {
        String::new()
    } else {
        name.to_string()
    }
}

/// Parses a name written by [`name`] (`""` is the empty name).
pub fn parse_name(text: &str) -> Result<Name, String> {
    if text.is_empty() {
        return Ok(Name::new(0));
    }
    text.parse().map_err(|_| format!("{text:?} is not a name"))
}

/// `1000.0000 RUB`.
pub fn asset(asset: &Asset) -> String {
    asset_to_string(asset)
}

/// Parses an asset written by [`asset`].
pub fn parse(text: &str) -> Result<Asset, String> {
    parse_asset(text).map_err(|e| format!("{text:?}: {e}"))
}

/// `4,RUB`.
pub fn symbol(symbol: Symbol) -> String {
    symbol_to_string(symbol)
}

/// A SHA-256 as 64 hex digits.
pub fn checksum(hash: &Checksum256) -> String {
    hex::encode(hash.to_bytes())
}

/// Parses 64 hex digits.
pub fn parse_checksum(text: &str) -> Result<Checksum256, String> {
    let mut bytes = [0u8; 32];
    hex::decode_to_slice(text, &mut bytes).map_err(|e| format!("{text:?} is not a SHA-256: {e}"))?;
    Ok(Checksum256::from(bytes))
}

/// A public key as nodeos shows it: `EOS…` (K1) or `PUB_R1_…`.
pub fn public_key(key: &PublicKey) -> String {
    keys::public_key_to_legacy(key)
}

/// A signature as nodeos shows it: `SIG_K1_…` or `SIG_R1_…`.
pub fn signature(signature: &Signature) -> String {
    keys::signature_to_string(signature)
}

/// Seconds since 1970 as `YYYY-MM-DDTHH:MM:SS` (UTC).
pub fn time(secs: u32) -> String {
    transaction::format_time(secs)
}

/// Parses `YYYY-MM-DDTHH:MM:SS`, optionally followed by fractions of a second and `Z`
/// (which are dropped: the chain's `now()` is the block time in whole seconds).
pub fn parse_time(text: &str) -> Result<u32, String> {
    transaction::parse_time(text).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use coop_runtime::n;

    #[test]
    fn times_round_trip_and_match_known_dates() {
        assert_eq!(time(0), "1970-01-01T00:00:00");
        assert_eq!(time(1_600_000_000), "2020-09-13T12:26:40");
        assert_eq!(parse_time("2024-02-29T23:59:59.500Z"), Ok(1_709_251_199));
        for secs in [0, 59, 86_399, 86_400, 951_782_400, 1_600_000_000, 1_709_251_199, u32::MAX] {
            assert_eq!(parse_time(&time(secs)), Ok(secs));
        }
        assert!(parse_time("yesterday").is_err());
    }

    #[test]
    fn names_and_assets_read_back() {
        assert_eq!(name(Name::new(0)), "");
        assert_eq!(parse_name(""), Ok(Name::new(0)));
        assert_eq!(parse_name(&name(n("voskhod"))), Ok(n("voskhod")));
        let amount = parse("1000.0000 RUB").unwrap();
        assert_eq!(asset(&amount), "1000.0000 RUB");
        assert_eq!(symbol(amount.symbol), "4,RUB");
    }

    #[test]
    fn the_development_key_reads_as_nodeos_shows_it() {
        let mut data = [0u8; 33];
        hex::decode_to_slice("02c0ded2bc1f1305fb0faac5e6c03ee3a1924234985427b6167ca569d13df435cf", &mut data).unwrap();
        assert_eq!(public_key(&PublicKey::k1(data)), "EOS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV");
        assert!(signature(&Signature::default()).starts_with("SIG_K1_"));
    }
}
