//! What our actions are compared with, measured on the same node in the same rounds: the
//! C++ system contracts shipped with the node (`eosio.token::transfer`; `eosio.msig::approve`
//! on a real proposal, and `unapprove` to undo it) and the floor — an empty action of a
//! trivial contract, whose `apply` returns at once, so its cost is the chain's own per
//! transaction and per action work.
use crate::push::{person, push, push_actions};
use antelope_client::client::PushOutcome;
use antelope_client::transaction::Transaction;
use antelope_test_harness::cooperative::Person;
use antelope_test_harness::fixture::TestChain;
use coop_runtime::action::level;
use coop_runtime::interface::Nothing;
use coop_runtime::system::{SetCode, TokenTransfer, ACTIVE, SYSTEM, TOKEN};
use coop_runtime::{n, ActionData};
use coop_tools::boot::{core, CORE_SYMBOL};
use eosio::{Action, Name, NumBytes, PermissionLevel, Read, Symbol, TimePointSec, Write};

/// The account of `eosio.msig`.
const MSIG: Name = n("eosio.msig");
/// How long the proposed transaction stays valid: longer than any run.
const PROPOSAL_LIFETIME_SECS: u32 = 7 * 24 * 3600;

/// A WebAssembly 1.0 module whose only function is an empty `apply(i64, i64, i64)`, with
/// one page of memory: the smallest contract nodeos runs. Written out byte by byte (no C++
/// or Rust toolchain makes anything this small).
pub const FLOOR_WASM: &[u8] = &[
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
    0x01, 0x07, 0x01, 0x60, 0x03, 0x7e, 0x7e, 0x7e, 0x00, // types: (i64, i64, i64) -> ()
    0x03, 0x02, 0x01, 0x00, // functions: one, of type 0
    0x05, 0x03, 0x01, 0x00, 0x01, // memory: one, at least 1 page
    0x07, 0x09, 0x01, 0x05, b'a', b'p', b'p', b'l', b'y', 0x00, 0x00, // export "apply" = function 0
    0x0a, 0x04, 0x01, 0x02, 0x00, 0x0b, // code: no locals, end
];

/// `eosio.msig::approve` (the optional proposal hash left out).
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes)]
pub struct MsigApprove {
    pub proposer: Name,
    pub proposal_name: Name,
    pub level: PermissionLevel,
}

impl ActionData for MsigApprove {
    const NAME: Name = n("approve");
    type Return = Nothing;
}

/// `eosio.msig::unapprove`.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes)]
pub struct MsigUnapprove {
    pub proposer: Name,
    pub proposal_name: Name,
    pub level: PermissionLevel,
}

impl ActionData for MsigUnapprove {
    const NAME: Name = n("unapprove");
    type Return = Nothing;
}

/// The start of `eosio.msig::propose`'s data; the packed proposed transaction follows.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes)]
struct ProposeHead {
    proposer: Name,
    proposal_name: Name,
    requested: Vec<PermissionLevel>,
}

/// `eosio.token::open`: opens a balance row, or does nothing when it exists.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes)]
pub struct TokenOpen {
    pub owner: Name,
    pub symbol: Symbol,
    pub ram_payer: Name,
}

impl ActionData for TokenOpen {
    const NAME: Name = n("open");
    type Return = Nothing;
}

/// The floor contract's action: any name runs the empty `apply`; the data only keeps
/// repeated runs distinct transactions.
#[derive(Clone, Debug, Default, PartialEq, Read, Write, NumBytes)]
pub struct Noop {
    pub nonce: u64,
}

impl ActionData for Noop {
    const NAME: Name = n("noop");
    type Return = Nothing;
}

/// The accounts and the proposal the reference actions use.
pub struct References {
    /// Three accounts with core tokens: the first two transfer to each other, the three are
    /// the proposal's requested approvers (like a council of three), the first approves.
    pub accounts: [Person; 3],
    /// The msig proposal's name (proposed by the first account).
    pub proposal: Name,
    /// The trivial contract's account.
    pub floor: Person,
}

impl References {
    /// Creates the accounts, proposes a transaction to `eosio.msig` that needs the three
    /// accounts' approval, and deploys the trivial contract.
    pub fn set_up(chain: &TestChain) -> References {
        let accounts = [0, 1, 2].map(|_| {
            let account = person("ref");
            chain.create_account(account.name, account.key.public_key(), Some(core("100.0000")));
            account
        });
        let names = accounts.each_ref().map(|a| a.name);
        crate::coops::stake(chain, &names, crate::coops::HEAVY_STAKE);
        let proposal = n("benchprop");
        propose(chain, &accounts, proposal);

        let floor = person("floor");
        chain.create_account(floor.name, floor.key.public_key(), None);
        crate::coops::stake(chain, &[floor.name], crate::coops::HEAVY_STAKE);
        let setcode = SetCode { account: floor.name, vmtype: 0, vmversion: 0, code: FLOOR_WASM.to_vec() };
        push(chain, SYSTEM, &[&floor], &setcode);
        References { accounts, proposal, floor }
    }

    /// `eosio.token::transfer` of 0.0001 between the first two accounts (direction by
    /// `round`, so balances stay put), memo naming the round.
    pub fn transfer(&self, chain: &TestChain, round: usize) -> PushOutcome {
        let (from, to) = if round.is_multiple_of(2) {
            (&self.accounts[0], &self.accounts[1])
        } else {
            (&self.accounts[1], &self.accounts[0])
        };
        let data =
            TokenTransfer { from: from.name, to: to.name, quantity: core("0.0001"), memo: format!("round {round}") };
        push(chain, TOKEN, &[from], &data)
    }

    /// `eosio.msig::approve` of the proposal by the first account.
    pub fn approve(&self, chain: &TestChain) -> PushOutcome {
        let (proposer, proposal_name, level) = self.approval();
        push(chain, MSIG, &[&self.accounts[0]], &MsigApprove { proposer, proposal_name, level })
    }

    /// `eosio.msig::unapprove`: takes the first account's approval back.
    pub fn unapprove(&self, chain: &TestChain) -> PushOutcome {
        let (proposer, proposal_name, level) = self.approval();
        push(chain, MSIG, &[&self.accounts[0]], &MsigUnapprove { proposer, proposal_name, level })
    }

    /// `eosio.token::open` of the first account's existing core balance: C++ that reads two
    /// rows and writes nothing.
    pub fn open(&self, chain: &TestChain) -> PushOutcome {
        let owner = self.accounts[0].name;
        push(chain, TOKEN, &[&self.accounts[0]], &TokenOpen { owner, symbol: CORE_SYMBOL, ram_payer: owner })
    }

    /// The trivial contract's empty action.
    pub fn floor(&self, chain: &TestChain, round: usize) -> PushOutcome {
        push(chain, self.floor.name, &[&self.floor], &Noop { nonce: round as u64 })
    }

    /// Proposer, proposal and approving level of the first account's approval.
    fn approval(&self) -> (Name, Name, PermissionLevel) {
        (self.accounts[0].name, self.proposal, level(self.accounts[0].name, ACTIVE))
    }
}

/// `eosio.msig::propose` by `accounts[0]` of a transfer from it that names all three
/// accounts, each of whose approval is requested.
fn propose(chain: &TestChain, accounts: &[Person; 3], proposal: Name) {
    let levels: Vec<PermissionLevel> = accounts.iter().map(|a| level(a.name, ACTIVE)).collect();
    let transfer =
        TokenTransfer { from: accounts[0].name, to: accounts[1].name, quantity: core("1.0000"), memo: "msig".into() };
    let mut proposed = Transaction::new(vec![transfer.to_action(TOKEN, &levels)]);
    let head = chain.client.get_info().and_then(|i| i.head_block_secs()).expect("the head block's time");
    proposed.expiration = TimePointSec::from_secs(head + PROPOSAL_LIFETIME_SECS);
    let head = ProposeHead { proposer: accounts[0].name, proposal_name: proposal, requested: levels };
    let mut data = head.pack().expect("propose data packs");
    data.extend(proposed.pack());
    let propose = Action {
        account: MSIG.into(),
        name: n("propose").into(),
        authorization: vec![level(accounts[0].name, ACTIVE)],
        data,
    };
    push_actions(chain, vec![propose], &[&accounts[0]]).unwrap_or_else(|e| panic!("eosio.msig::propose: {e}"));
}

#[cfg(test)]
mod tests {
    use super::FLOOR_WASM;

    #[test]
    fn the_floor_contract_is_a_valid_mvp_contract() {
        coop_tools::wasm_check::check_contract_wasm(FLOOR_WASM).unwrap();
        assert_eq!(FLOOR_WASM.len(), 43);
    }
}
