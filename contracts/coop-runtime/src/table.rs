//! `table!`: a table's name, row type and primary key in one line.

/// Declares a table type implementing `eosio::Table`.
///
/// ```text
/// coop_runtime::table!(
///     /// Account cards, one per account, scope = the contract.
///     Cards, "cards", Card, |row| row.username.as_u64()
/// );
/// ```
#[macro_export]
macro_rules! table {
    ($(#[$meta:meta])* $table:ident, $name:literal, $row:ty, |$r:ident| $key:expr) => {
        $(#[$meta])*
        pub struct $table;

        impl $crate::__private::eosio::Table for $table {
            const NAME: $crate::__private::eosio::TableName =
                $crate::__private::eosio::TableName::new($crate::name::name_value($name));
            type Row = $row;
            fn primary_key($r: &$row) -> u64 {
                $key
            }
        }
    };
}
