//! Amounts at the limits, on chain: the largest valid asset is accepted, one unit more is
//! refused, and a fund that would overflow through repeated deposits refuses the
//! confirmation that would overflow it, changing nothing.
use super::common::{assert_books, confirm, deposit, deposit_ok, ledger_of, member, wallet_of};
use antelope_test_harness::fixture::TestChain;
use coop_protocol::wallet::{errors::*, Confirm, KIND_SHARE};
use coop_runtime::asset_math::MAX_AMOUNT;
use eosio::Asset;

fn rub_units(amount: i64) -> Asset {
    Asset { amount, symbol: antelope_test_harness::cooperative::RUB }
}

#[test]
fn the_largest_valid_amount_is_accepted_and_one_unit_more_is_refused() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = member(chain, &coop);
    let w = chain.peers.wallet;
    let over = deposit(&coop, &person, KIND_SHARE, rub_units(MAX_AMOUNT + 1));
    assert_eq!(chain.fails(w, &[person.name], &over), ERR_AMOUNT_INVALID);

    // The share fund already holds the member's minimum, so the largest deposit that fits
    // is MAX_AMOUNT less what is there.
    let room = MAX_AMOUNT - ledger_of(chain, coop.name).share_fund.amount;
    let id = deposit_ok(chain, &coop, &person, KIND_SHARE, rub_units(room));
    confirm(chain, &coop, id);
    assert_eq!(ledger_of(chain, coop.name).share_fund, rub_units(MAX_AMOUNT));
    assert_books(chain, &coop);
}

#[test]
fn a_fund_that_would_overflow_refuses_the_deposit_that_overflows_it() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = member(chain, &coop);
    let w = chain.peers.wallet;
    // Two deposits fill the share fund exactly; a third, of a single unit, would overflow it.
    let room = MAX_AMOUNT - ledger_of(chain, coop.name).share_fund.amount;
    let first = deposit_ok(chain, &coop, &person, KIND_SHARE, rub_units(room / 2));
    let second = deposit_ok(chain, &coop, &person, KIND_SHARE, rub_units(room - room / 2));
    let third = deposit_ok(chain, &coop, &person, KIND_SHARE, rub_units(1));
    confirm(chain, &coop, first);
    confirm(chain, &coop, second);
    let (ledger, wallet) = (ledger_of(chain, coop.name), wallet_of(chain, &coop, &person));

    let overflowing = Confirm { coopname: coop.name, deposit_id: third, memo: String::new() };
    assert_eq!(chain.fails(w, &[coop.name], &overflowing), ERR_OVERFLOW);

    assert_eq!((ledger_of(chain, coop.name), wallet_of(chain, &coop, &person)), (ledger, wallet), "nothing changed");
    assert_books(chain, &coop);
}
