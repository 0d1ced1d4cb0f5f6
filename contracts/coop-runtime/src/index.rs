//! Secondary `uint128` indexes, kept by hand next to the primary rows.
//!
//! (The `eosio_cdt` 0.3.1 secondary cursor reads the primary row with the secondary
//! iterator, so it is not used.) A table with indexes implements [`Indexed`]; the
//! contract then writes and erases rows through [`crate::chain::Rows::save_indexed`] and
//! [`crate::chain::Rows::erase_indexed`], and looks rows up with
//! [`crate::chain::Rows::find_by`] and [`crate::chain::Rows::range_by`].
//!
//! Index `i` is stored under the table name with its low four bits set to `i`, as CDT
//! does, so `get_table_rows` reads it with `index_position = i + 2` and
//! `key_type = i128`.
use alloc::vec::Vec;

/// A table with secondary `uint128` indexes.
pub trait Indexed: eosio::Table {
    /// The row's key in each index, in index order.
    fn index_keys(row: &Self::Row) -> Vec<u128>;
}

/// `high << 64 | low`: the usual way to index by two names or numbers.
pub const fn pair(high: u64, low: u64) -> u128 {
    ((high as u128) << 64) | low as u128
}
