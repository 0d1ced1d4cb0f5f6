//! Checked arithmetic and validation of ledger amounts. Pure: tested on the host.
//!
//! Every function returns `Err(message)` with a stable message, so a contract can pass
//! it straight to `check`/`fail` and tests can compare it exactly.
use eosio::{Asset, Symbol};

/// The largest amount an asset may hold (Antelope's `asset::max_amount`, 2^62 - 1).
pub const MAX_AMOUNT: i64 = (1 << 62) - 1;

/// An amount that overflowed, went below zero or out of range.
pub const ERR_OVERFLOW: &str = "amount overflow";
/// Two amounts of different symbols were combined.
pub const ERR_SYMBOL_MISMATCH: &str = "symbol mismatch";
/// A balance would go negative.
pub const ERR_NEGATIVE_BALANCE: &str = "balance would become negative";

/// Whether `symbol` is well-formed as the chain defines it: precision at most 18 and a
/// code of 1 to 7 upper-case letters, the first in the lowest byte, no gaps. (`eosio`
/// 0.3.1's own `is_valid` takes the empty code and reads the bytes in reverse.)
pub fn is_valid_symbol(symbol: Symbol) -> bool {
    let mut code = symbol.as_u64() >> 8;
    if symbol.precision() > 18 || code == 0 {
        return false;
    }
    while code > 0 {
        if !(code & 0xff).try_into().is_ok_and(|c: u8| c.is_ascii_uppercase()) {
            return false;
        }
        code >>= 8;
    }
    true
}

/// Whether `asset` is valid (symbol well-formed, amount within ±MAX_AMOUNT).
pub fn is_valid(asset: &Asset) -> bool {
    is_valid_symbol(asset.symbol) && asset.amount.unsigned_abs() <= MAX_AMOUNT as u64
}

/// Whether `asset` is valid, positive and of `symbol`.
pub fn is_positive_of(asset: &Asset, symbol: Symbol) -> bool {
    is_valid(asset) && asset.amount > 0 && asset.symbol == symbol
}

/// `a + b`, same symbol, within range.
pub fn add(a: Asset, b: Asset) -> Result<Asset, &'static str> {
    if a.symbol != b.symbol {
        return Err(ERR_SYMBOL_MISMATCH);
    }
    let amount = a.amount.checked_add(b.amount).ok_or(ERR_OVERFLOW)?;
    if amount.unsigned_abs() > MAX_AMOUNT as u64 {
        return Err(ERR_OVERFLOW);
    }
    Ok(Asset { amount, symbol: a.symbol })
}

/// `a - b`, same symbol, never below zero.
pub fn sub(a: Asset, b: Asset) -> Result<Asset, &'static str> {
    if a.symbol != b.symbol {
        return Err(ERR_SYMBOL_MISMATCH);
    }
    let amount = a.amount.checked_sub(b.amount).ok_or(ERR_OVERFLOW)?;
    if amount < 0 {
        return Err(ERR_NEGATIVE_BALANCE);
    }
    Ok(Asset { amount, symbol: a.symbol })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rub(amount: i64) -> Asset {
        Asset { amount, symbol: crate::sym(4, "RUB") }
    }

    #[test]
    fn symbols_follow_the_chains_rules() {
        assert!(is_valid_symbol(crate::sym(4, "RUB")));
        assert!(is_valid_symbol(crate::sym(0, "ABCDEFG")));
        assert!(!is_valid_symbol(Symbol::new(4)), "empty code");
        assert!(!is_valid_symbol(Symbol::new((0x52_00_52 << 8) | 4)), "gap in the code");
        assert!(!is_valid_symbol(Symbol::new((0x61 << 8) | 4)), "lower case");
        assert!(!is_valid_symbol(Symbol::new((0x52 << 8) | 19)), "precision");
    }

    #[test]
    fn mismatched_symbols_are_refused() {
        let axon = Asset { amount: 1, symbol: crate::sym(4, "AXON") };
        assert_eq!(add(rub(1), axon), Err(ERR_SYMBOL_MISMATCH));
        assert_eq!(sub(rub(1), axon), Err(ERR_SYMBOL_MISMATCH));
    }

    #[test]
    fn overflow_is_an_error() {
        assert_eq!(add(rub(MAX_AMOUNT), rub(1)), Err(ERR_OVERFLOW));
        assert_eq!(add(rub(i64::MAX), rub(i64::MAX)), Err(ERR_OVERFLOW));
    }

    #[test]
    fn the_most_negative_amount_is_invalid() {
        assert!(!is_valid(&rub(i64::MIN)));
        assert!(!is_valid(&rub(-MAX_AMOUNT - 1)));
        assert!(is_valid(&rub(-MAX_AMOUNT)));
    }

    #[test]
    fn negative_result_is_an_error() {
        assert_eq!(sub(rub(1), rub(2)), Err(ERR_NEGATIVE_BALANCE));
    }

    proptest! {
        #[test]
        fn add_then_sub_returns_the_start(a in 0..MAX_AMOUNT / 2, b in 0..MAX_AMOUNT / 2) {
            let sum = add(rub(a), rub(b)).unwrap();
            prop_assert_eq!(sub(sum, rub(b)).unwrap(), rub(a));
        }

        #[test]
        fn results_stay_in_range(a in any::<i64>(), b in any::<i64>()) {
            if let Ok(sum) = add(rub(a), rub(b)) {
                prop_assert!(sum.amount.abs() <= MAX_AMOUNT);
            }
            if let Ok(diff) = sub(rub(a), rub(b)) {
                prop_assert!(diff.amount >= 0);
            }
        }
    }
}
