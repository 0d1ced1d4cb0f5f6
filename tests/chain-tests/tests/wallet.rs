//! Chain tests of the wallet: one node for the whole binary, each test on a fresh
//! cooperative. After every scenario the ledger and the member wallets are read back and
//! the invariants of spec 3.4 are checked (`common::assert_books`).
mod wallet {
    pub mod common;
    pub mod council;
    pub mod deposits;
    pub mod ledgers;
    pub mod limits;
    pub mod members;
    pub mod queries;
    pub mod withdrawals;
}
