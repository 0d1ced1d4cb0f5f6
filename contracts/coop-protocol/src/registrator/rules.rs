//! Pure rules of the registry, shared by the registrator and the operator; host-tested.
use super::{errors::*, CoopParams};
use coop_runtime::asset_math::is_positive_of;

/// Longest `announce`/`description`, in bytes.
pub const MAX_COOP_TEXT: usize = 2048;

/// Checks new fees of a cooperative whose unit is `symbol`: all four positive and in it.
pub fn check_fees(symbol: eosio::Symbol, fees: [&eosio::Asset; 4]) -> Result<(), &'static str> {
    if fees.iter().all(|fee| is_positive_of(fee, symbol)) {
        Ok(())
    } else {
        Err(ERR_BAD_FEES)
    }
}

/// Checks a cooperative's fees and texts: a valid symbol, all four fees positive and in
/// that symbol, texts within [`MAX_COOP_TEXT`].
pub fn check_params(p: &CoopParams) -> Result<(), &'static str> {
    if !coop_runtime::asset_math::is_valid_symbol(p.symbol) {
        return Err(ERR_BAD_SYMBOL);
    }
    check_fees(p.symbol, [&p.initial, &p.minimum, &p.org_initial, &p.org_minimum])?;
    if p.announce.len() > MAX_COOP_TEXT || p.description.len() > MAX_COOP_TEXT {
        return Err(ERR_TEXT_TOO_LONG);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;
    use coop_runtime::{asset_text::parse_asset, sym};

    fn params() -> CoopParams {
        let rub = |text: &str| parse_asset(text).unwrap();
        CoopParams {
            symbol: sym(4, "RUB"),
            initial: rub("100.0000 RUB"),
            minimum: rub("300.0000 RUB"),
            org_initial: rub("1000.0000 RUB"),
            org_minimum: rub("3000.0000 RUB"),
            announce: String::new(),
            description: String::new(),
        }
    }

    #[test]
    fn good_params_pass() {
        assert_eq!(check_params(&params()), Ok(()));
    }

    #[test]
    fn each_fee_must_be_positive_and_in_the_symbol() {
        let mut p = params();
        p.minimum.amount = 0;
        assert_eq!(check_params(&p), Err(ERR_BAD_FEES));
        let mut p = params();
        p.org_initial = parse_asset("1.0000 USD").unwrap();
        assert_eq!(check_params(&p), Err(ERR_BAD_FEES));
        let mut p = params();
        p.org_minimum.amount = -5;
        assert_eq!(check_params(&p), Err(ERR_BAD_FEES));
    }

    #[test]
    fn invalid_symbol_and_long_text_are_refused() {
        let mut p = params();
        p.symbol = eosio::Symbol::new(0);
        assert_eq!(check_params(&p), Err(ERR_BAD_SYMBOL));
        let mut p = params();
        p.description = "x".repeat(MAX_COOP_TEXT + 1);
        assert_eq!(check_params(&p), Err(ERR_TEXT_TOO_LONG));
    }
}
