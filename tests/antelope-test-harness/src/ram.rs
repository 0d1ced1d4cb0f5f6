//! Reading and limiting accounts' RAM, as the RAM-economy tests and the benchmark need:
//! usage and quota from `get_account`, the four contract accounts at once, and selling an
//! account's free RAM so that its next row does not fit.
use crate::fixture::TestChain;
use coop_runtime::system::{SellRam, SYSTEM};
use eosio::Name;

/// Free bytes left by the first sale of [`TestChain::leave_free_ram`]: room for the token
/// balance row the sale may create.
const FIRST_SALE_MARGIN: i64 = 512;

/// An account's RAM as the chain accounts for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ram {
    /// Bytes in use (code, permissions, rows it pays for).
    pub usage: i64,
    /// Bytes it may use.
    pub quota: i64,
}

impl TestChain {
    /// `account`'s RAM usage and quota.
    #[track_caller]
    pub fn ram(&self, account: Name) -> Ram {
        let info = self.client.get_account(account).unwrap_or_else(|e| panic!("get_account {account}: {e}"));
        let field = |name: &str| info[name].as_i64().unwrap_or_else(|| panic!("{account}: no {name} in {info}"));
        Ram { usage: field("ram_usage"), quota: field("ram_quota") }
    }

    /// `account`'s RAM usage in bytes.
    #[track_caller]
    pub fn ram_usage(&self, account: Name) -> i64 {
        self.ram(account).usage
    }

    /// The RAM usage of our four contract accounts, in the order operator, registrator,
    /// soviet, wallet.
    #[track_caller]
    pub fn contracts_ram_usage(&self) -> [(Name, i64); 4] {
        let p = self.peers;
        [p.operator, p.registrator, p.soviet, p.wallet].map(|account| (account, self.ram_usage(account)))
    }

    /// Sells `account`'s RAM (signed by `account`) until at most `keep` bytes are free.
    /// Twice: the first sale may itself need RAM (the account's first token balance row).
    #[track_caller]
    pub fn leave_free_ram(&self, account: Name, keep: i64) {
        for margin in [FIRST_SALE_MARGIN, keep] {
            let ram = self.ram(account);
            let bytes = ram.quota - ram.usage - margin;
            if bytes > 0 {
                self.ok(SYSTEM, &[account], &SellRam { account, bytes });
            }
        }
        let left = self.ram(account);
        assert!(left.quota - left.usage <= keep, "{account} still has {} free bytes", left.quota - left.usage);
    }
}
