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

/// Whether `asset` is valid (symbol well-formed, amount within ±MAX_AMOUNT).
pub fn is_valid(asset: &Asset) -> bool {
    asset.symbol.is_valid() && asset.amount.abs() <= MAX_AMOUNT
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
    if amount.abs() > MAX_AMOUNT {
        return Err(ERR_OVERFLOW);
    }
    Ok(Asset {
        amount,
        symbol: a.symbol,
    })
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
    Ok(Asset {
        amount,
        symbol: a.symbol,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rub(amount: i64) -> Asset {
        Asset {
            amount,
            symbol: crate::sym(4, "RUB"),
        }
    }

    #[test]
    fn mismatched_symbols_are_refused() {
        let axon = Asset {
            amount: 1,
            symbol: crate::sym(4, "AXON"),
        };
        assert_eq!(add(rub(1), axon), Err(ERR_SYMBOL_MISMATCH));
        assert_eq!(sub(rub(1), axon), Err(ERR_SYMBOL_MISMATCH));
    }

    #[test]
    fn overflow_is_an_error() {
        assert_eq!(add(rub(MAX_AMOUNT), rub(1)), Err(ERR_OVERFLOW));
        assert_eq!(add(rub(i64::MAX), rub(i64::MAX)), Err(ERR_OVERFLOW));
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
