//! Chain tests of the state economy (spec §4): who pays for every row, that finished rows
//! give their RAM back, that open items are bounded, and that our contract accounts and
//! council members never pay per member, decision, deposit or withdrawal — on the
//! localnet's default resources for cooperatives and founders. One node for the binary.
mod ram_economy {
    pub mod common;
    pub mod council;
    pub mod members;
    pub mod payers;
    pub mod strangers;
    pub mod withdrawals;
}
