//! The attacker (a hostile contract deployed to an account of its own) and its victims (a
//! cooperative with work in flight at every step an internal action continues).
use antelope_test_harness::abi_bin::pack_abi;
use antelope_test_harness::boot::{core, create_account, deploy_code, AccountPlan};
use antelope_test_harness::cooperative::{rub, Person, TestCoop};
use antelope_test_harness::deploy::add_code_permission;
use antelope_test_harness::fixture::TestChain;
use antelope_test_harness::tools::contract_wasm;
use coop_protocol::operator::Request;
use coop_protocol::wallet::{Deposit, Withdraw, KIND_SHARE};
use coop_runtime::action::level;
use coop_runtime::system::{TokenTransfer, ACTIVE, SYSTEM, TOKEN};
use coop_runtime::ActionData;
use eosio::{Action, Name, PermissionLevel};
use hostile::protocol::{Arm, Asvictim, Init, InlineAction, Internal};
use std::sync::OnceLock;

/// A hostile contract on an account of its own, with its own key.
pub struct Attacker {
    pub account: Name,
}

/// RAM for the hostile account: its code (about ten times the WASM) and its rows.
const ATTACKER_RAM_BYTES: u32 = 512 * 1024;

impl Attacker {
    /// Creates an account, deploys the hostile contract with the ABI generated from its
    /// types, adds its `eosio.code` to its `active` (as any contract that sends inline
    /// actions has) and tells it where our contracts are.
    pub fn deploy(chain: &TestChain) -> Attacker {
        let account = chain.unique_name("hostil");
        let plan = AccountPlan {
            name: account,
            key: chain.new_key().public_key(),
            ram_bytes: ATTACKER_RAM_BYTES,
            net: core("10.0000"),
            cpu: core("10.0000"),
            funds: Some(core("10.0000")),
        };
        create_account(&chain.client, SYSTEM, &plan).unwrap_or_else(|e| panic!("create {account}: {e}"));
        let path = contract_wasm("hostile");
        let wasm = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e} (run scripts/build)", path.display()));
        deploy_code(&chain.client, account, wasm, pack_abi(&hostile::abi()))
            .unwrap_or_else(|e| panic!("deploy the hostile contract to {account}: {e}"));
        add_code_permission(&chain.client, account, account).unwrap_or_else(|e| panic!("eosio.code of {account}: {e}"));
        chain.ok(account, &[account], &Init { peers: chain.peers });
        Attacker { account }
    }

    /// `<hostile>@active`: the authority the hostile contract really has inline.
    pub fn own(&self) -> PermissionLevel {
        level(self.account, ACTIVE)
    }

    /// `hostile::internal(action)`, signed by the hostile account.
    pub fn internal(&self, action: InlineAction) -> Action<Vec<u8>> {
        Internal { action }.to_action(self.account, &[self.own()])
    }

    /// `hostile::asvictim(victim, action)`, signed by the victim.
    pub fn asvictim(&self, victim: Name, action: InlineAction) -> Action<Vec<u8>> {
        Asvictim { victim, action }.to_action(self.account, &[level(victim, ACTIVE)])
    }

    /// `hostile::arm(action, as_payer)`: what the next transfer to it sets off.
    pub fn arm(&self, chain: &TestChain, action: InlineAction, as_payer: bool) {
        chain.ok(self.account, &[self.account], &Arm { action, as_payer });
    }

    /// `eosio.token::transfer` of 0.0001 core tokens from `payer` to the hostile account,
    /// signed by `payer`: a real signature of the victim in the transaction.
    pub fn payment_from(&self, payer: Name) -> Action<Vec<u8>> {
        let data = TokenTransfer { from: payer, to: self.account, quantity: core("0.0001"), memo: "a service".into() };
        data.to_action(TOKEN, &[level(payer, ACTIVE)])
    }

    /// `action` of our contracts declaring `<hostile>@active`.
    pub fn as_itself<A: ActionData>(&self, contract: Name, data: &A) -> InlineAction {
        InlineAction::new(contract, &[self.own()], data)
    }
}

/// A cooperative with work in flight at each step one of our internal actions continues,
/// connected by a provider of its own (so that nobody else's work touches its rows).
pub struct Victims {
    pub coop: TestCoop,
    /// Applied, paid and confirmed: the council decides on it (`acceptjoin`, `declinejoin`,
    /// `addmember`, `refundreg`).
    pub paid: Person,
    pub paid_deposit: u64,
    pub paid_decision: u64,
    /// Applied and paid, not confirmed yet (`paidjoin`).
    pub unpaid: Person,
    pub unpaid_deposit: u64,
    /// Has an account from the cooperative and signed its agreements; has not applied.
    pub newcomer: Person,
    /// Asked to leave (`acceptleave`, `declineleave`, `leftcoop`).
    pub leaver: Person,
    pub leave_decision: u64,
    /// Asked to withdraw part of their share (`allowwithdr`, `declwithdr`).
    pub withdrawer: Person,
    pub withdrawal: u64,
    pub withdraw_decision: u64,
    /// A pending connection request of the same provider (`setupcoop`, `regcoop`).
    pub pending: Request,
    pub pending_id: u64,
}

impl Victims {
    /// The victims of this test binary, made on first use.
    pub fn shared() -> &'static Victims {
        static VICTIMS: OnceLock<Victims> = OnceLock::new();
        VICTIMS.get_or_init(|| Victims::make(TestChain::shared()))
    }

    fn make(chain: &TestChain) -> Victims {
        let provider = chain.new_provider();
        let coop = chain.new_cooperative_with(provider, 2);
        let (w, r) = (chain.peers.wallet, chain.peers.registrator);

        let (paid, _) = chain.new_member_account(&coop, "paid", "individual");
        chain.apply(&coop, &paid, Name::new(0));
        let (paid_deposit, _) = chain.pay_registration(&coop, &paid, registration_fee(chain, &coop));
        chain.confirm_deposit(&coop, paid_deposit);
        let paid_decision = decision(chain, &coop, "joincoop", paid.name);

        let (unpaid, _) = chain.new_member_account(&coop, "unpaid", "individual");
        chain.apply(&coop, &unpaid, Name::new(0));
        let (unpaid_deposit, _) = chain.pay_registration(&coop, &unpaid, registration_fee(chain, &coop));

        let (newcomer, _) = chain.new_member_account(&coop, "newcom", "individual");
        chain.sign_agreements(&coop, &newcomer);

        let leaver = chain.import_member(&coop, "leaver");
        let leave = coop_protocol::registrator::Leavecoop {
            coopname: coop.name,
            username: leaver.name,
            statement: Default::default(),
        };
        chain.ok(r, &[leaver.name], &leaver.signs(&chain.peers, "I leave the cooperative", leave));
        let leave_decision = decision(chain, &coop, "leave", leaver.name);

        let withdrawer = chain.import_member(&coop, "withdr");
        let share = Deposit {
            coopname: coop.name,
            username: withdrawer.name,
            kind: KIND_SHARE,
            quantity: rub("50.0000"),
            memo: "bank transfer".into(),
        };
        let share_id: u64 = chain.ok(w, &[withdrawer.name], &share).return_value();
        chain.confirm_deposit(&coop, share_id);
        let withdraw = Withdraw {
            coopname: coop.name,
            username: withdrawer.name,
            quantity: rub("20.0000"),
            statement: Default::default(),
        };
        let withdraw = withdrawer.signs(&chain.peers, "I ask to return part of my share", withdraw);
        let withdrawal: u64 = chain.ok(w, &[withdrawer.name], &withdraw).return_value();
        let withdraw_decision = decision(chain, &coop, "withdraw", withdrawer.name);

        let (pending, _, _, _) = chain.coop_request(provider, 1);
        let pending_id: u64 = chain.ok(chain.peers.operator, &[provider], &pending).return_value();

        let victims = Victims {
            coop,
            paid,
            paid_deposit,
            paid_decision,
            unpaid,
            unpaid_deposit,
            newcomer,
            leaver,
            leave_decision,
            withdrawer,
            withdrawal,
            withdraw_decision,
            pending,
            pending_id,
        };
        // Core tokens for every victim that pays the attacker in a test.
        for account in victims.accounts() {
            if account != victims.coop.name {
                let gift = TokenTransfer { from: SYSTEM, to: account, quantity: core("1.0000"), memo: "gift".into() };
                chain.ok(TOKEN, &[SYSTEM], &gift);
            }
        }
        victims
    }

    /// The people of the cooperative: its council and everyone with work in flight.
    pub fn people(&self) -> Vec<&Person> {
        let mut people = self.coop.council();
        people.extend([&self.paid, &self.unpaid, &self.newcomer, &self.leaver, &self.withdrawer]);
        people
    }

    /// Every account of the victims: the cooperative, its provider, its people, and the
    /// platform's operator and contract accounts.
    pub fn accounts(&self) -> Vec<Name> {
        let peers = TestChain::shared().peers;
        let mut accounts = vec![self.coop.name, self.coop.provider];
        accounts.extend(self.people().iter().map(|p| p.name));
        accounts.extend([peers.operator, peers.registrator, peers.soviet, peers.wallet]);
        accounts
    }
}

/// What a registration costs an individual in `coop`.
fn registration_fee(chain: &TestChain, coop: &TestCoop) -> eosio::Asset {
    chain.registration_fee(coop, coop_protocol::registrator::TYPE_INDIVIDUAL)
}

/// The id of the open decision of `kind` about `username`.
fn decision(chain: &TestChain, coop: &TestCoop, kind: &str, username: Name) -> u64 {
    chain.decision_about(coop, kind, username).unwrap_or_else(|| panic!("a {kind} decision about {username}")).id
}
