//! How values are written in the database: names, assets and symbols as the chain's API
//! shows them (`voskhod`, `100.0000 RUB`, `4,RUB`), times as UTC ISO-8601 seconds
//! (`2026-11-29T15:23:30`, which SQLite's date functions read), hashes as hex, keys and
//! signatures in the chain's text form (`EOS…`/`PUB_R1_…`, `SIG_K1_…`).
use coop_runtime::asset_text::{asset_to_string, parse_asset, symbol_to_string};
use coop_runtime::{KeyType, PublicKey, Signature};
use eosio::{Asset, Checksum256, Name, Symbol};
use ripemd::{Digest, Ripemd160};

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

/// Base58 of `data` followed by the first 4 bytes of RIPEMD-160(`data` ‖ `suffix`).
fn checked_base58(data: &[u8], suffix: &[u8]) -> String {
    let mut hasher = Ripemd160::new();
    hasher.update(data);
    hasher.update(suffix);
    let check = hasher.finalize();
    let mut bytes = data.to_vec();
    bytes.extend_from_slice(&check[..4]);
    bs58::encode(bytes).into_string()
}

/// A public key as nodeos shows it: `EOS…` (K1; checksum without suffix) or `PUB_R1_…`.
pub fn public_key(key: &PublicKey) -> String {
    match key.key_type {
        KeyType::K1 => {
            let check = Ripemd160::digest(key.data);
            let mut bytes = key.data.to_vec();
            bytes.extend_from_slice(&check[..4]);
            format!("EOS{}", bs58::encode(bytes).into_string())
        }
        KeyType::R1 => format!("PUB_R1_{}", checked_base58(&key.data, b"R1")),
    }
}

/// A signature as nodeos shows it: `SIG_K1_…` or `SIG_R1_…`.
pub fn signature(signature: &Signature) -> String {
    match signature.key_type {
        KeyType::K1 => format!("SIG_K1_{}", checked_base58(&signature.data, b"K1")),
        KeyType::R1 => format!("SIG_R1_{}", checked_base58(&signature.data, b"R1")),
    }
}

/// Seconds since 1970 as `YYYY-MM-DDTHH:MM:SS` (UTC).
pub fn time(secs: u32) -> String {
    let days = i64::from(secs / 86_400);
    let rest = secs % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}", rest / 3600, rest / 60 % 60, rest % 60)
}

/// Parses `YYYY-MM-DDTHH:MM:SS`, optionally followed by fractions of a second and `Z`
/// (which are dropped: the chain's `now()` is the block time in whole seconds).
pub fn parse_time(text: &str) -> Result<u32, String> {
    let bad = || format!("{text:?} is not a time YYYY-MM-DDTHH:MM:SS");
    let head = text.get(..19).ok_or_else(bad)?;
    let number = |range: std::ops::Range<usize>| head.get(range).and_then(|s| s.parse::<i64>().ok()).ok_or_else(bad);
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    let secs = days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second;
    u32::try_from(secs).map_err(|_| bad())
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date of a number of days since 1970-01-01 (H. Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
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
