//! Assets and symbols as text (`"100.0000 RUB"`, `"4,RUB"`).
//!
//! The `eosio` 0.3.1 crate stores symbol codes byte-reversed relative to the chain when
//! it parses or prints them, so its `FromStr`/`Display` for `Asset` and `Symbol` must not
//! be used; these functions follow the chain's encoding (first letter in the lowest byte).
use alloc::{format, string::String};
use eosio::{Asset, Symbol};

/// Text that is not an asset.
pub const ERR_ASSET_TEXT: &str = "invalid asset text";

/// The letters of a symbol's code.
pub fn symbol_code(symbol: Symbol) -> String {
    let mut code = symbol.as_u64() >> 8;
    let mut text = String::new();
    while code > 0 {
        text.push((code & 0xff) as u8 as char);
        code >>= 8;
    }
    text
}

/// `precision,CODE`.
pub fn symbol_to_string(symbol: Symbol) -> String {
    format!("{},{}", symbol.precision(), symbol_code(symbol))
}

/// Parses `precision,CODE`.
pub fn parse_symbol(text: &str) -> Result<Symbol, &'static str> {
    let (precision, code) = text.trim().split_once(',').ok_or(ERR_ASSET_TEXT)?;
    let precision: u8 = precision.parse().map_err(|_| ERR_ASSET_TEXT)?;
    symbol_from_parts(precision, code)
}

fn symbol_from_parts(precision: u8, code: &str) -> Result<Symbol, &'static str> {
    let bytes = code.as_bytes();
    if bytes.is_empty() || bytes.len() > 7 || !bytes.iter().all(u8::is_ascii_uppercase) || precision > 18 {
        return Err(ERR_ASSET_TEXT);
    }
    let value = bytes.iter().rev().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
    Ok(Symbol::new((value << 8) | u64::from(precision)))
}

/// `amount CODE` with the symbol's precision, e.g. `100.0000 RUB`.
pub fn asset_to_string(asset: &Asset) -> String {
    let precision = u32::from(asset.symbol.precision());
    let sign = if asset.amount < 0 { "-" } else { "" };
    let magnitude = asset.amount.unsigned_abs();
    let code = symbol_code(asset.symbol);
    if precision == 0 {
        return format!("{sign}{magnitude} {code}");
    }
    let scale = 10u64.pow(precision);
    format!("{sign}{}.{:0width$} {code}", magnitude / scale, magnitude % scale, width = precision as usize)
}

/// Parses `amount CODE`; the number of decimals is the symbol's precision.
pub fn parse_asset(text: &str) -> Result<Asset, &'static str> {
    let (number, code) = text.trim().split_once(' ').ok_or(ERR_ASSET_TEXT)?;
    let (negative, digits) = match number.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, number),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ERR_ASSET_TEXT);
    }
    if digits.contains('.') && fraction.is_empty() {
        return Err(ERR_ASSET_TEXT);
    }
    let precision = u8::try_from(fraction.len()).map_err(|_| ERR_ASSET_TEXT)?;
    let symbol = symbol_from_parts(precision, code.trim())?;
    let mut amount: i64 = 0;
    for b in whole.bytes().chain(fraction.bytes()) {
        amount = amount.checked_mul(10).and_then(|a| a.checked_add(i64::from(b - b'0'))).ok_or(ERR_ASSET_TEXT)?;
    }
    Ok(Asset { amount: if negative { -amount } else { amount }, symbol })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sym;

    #[test]
    fn symbol_code_is_chain_encoded() {
        // The chain's `symbol_code("EOS").raw()` is 5459781.
        assert_eq!(sym(4, "EOS").as_u64() >> 8, 5_459_781);
        assert_eq!(parse_symbol("4,EOS").unwrap(), sym(4, "EOS"));
        assert_eq!(symbol_to_string(sym(4, "AXON")), "4,AXON");
    }

    #[test]
    fn assets_round_trip() {
        for text in ["100.0000 RUB", "0.0001 AXON", "-3.50 USD", "7 TOK"] {
            let asset = parse_asset(text).unwrap();
            assert_eq!(asset_to_string(&asset), text);
        }
        assert_eq!(parse_asset("1.5000 RUB").unwrap(), Asset { amount: 15_000, symbol: sym(4, "RUB") });
    }

    #[test]
    fn bad_text_is_refused() {
        for text in ["", "1.0000", "1. RUB", "x RUB", "1.0 rub", "1.0 TOOLONGCODE", "99999999999999999999 RUB"] {
            assert_eq!(parse_asset(text), Err(ERR_ASSET_TEXT), "{text}");
        }
    }
}
