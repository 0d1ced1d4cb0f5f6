//! Every action of our contracts, from their ABIs, as the attacker sends it: the internal
//! actions (only our contracts may send them) with the authority each one's handler
//! requires first, and the public ones naming a victim, with the exact refusal.
use super::fixture::Victims;
use crate::reliability::common::Outcome;
use antelope_test_harness::cooperative::{import_of, rub, Person, RUB};
use antelope_test_harness::fixture::TestChain;
use antelope_test_harness::keys::PrivateKey;
use coop_protocol::registrator::{self as reg, errors as reg_errors};
use coop_protocol::soviet::council::COUNCIL_PERMISSION;
use coop_protocol::soviet::{self as sov, BoardMember, KIND_JOINCOOP, POSITION_CHAIRMAN};
use coop_protocol::wallet::{self as wal, errors as wal_errors, KIND_SHARE};
use coop_protocol::{operator as op, registrator::COOP_BLOCKED};
use coop_runtime::{n, ActionData, Peers};
use eosio::{Checksum256, Name};
use hostile::protocol::InlineAction;
use std::fmt;

/// One of our four contracts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Contract {
    Operator,
    Registrator,
    Soviet,
    Wallet,
}

use Contract::*;

impl Contract {
    pub const ALL: [Contract; 4] = [Operator, Registrator, Soviet, Wallet];

    /// Its account among `peers`.
    pub fn account(self, peers: &Peers) -> Name {
        match self {
            Operator => peers.operator,
            Registrator => peers.registrator,
            Soviet => peers.soviet,
            Wallet => peers.wallet,
        }
    }

    /// Its generated ABI.
    pub fn abi(self) -> coop_abi::Abi {
        match self {
            Operator => op::abi(),
            Registrator => reg::abi(),
            Soviet => sov::abi(),
            Wallet => wal::abi(),
        }
    }

    /// The names of its actions, from its ABI.
    pub fn actions(self) -> Vec<String> {
        self.abi().actions.into_iter().map(|a| a.name).collect()
    }
}

impl fmt::Display for Contract {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", format!("{self:?}").to_lowercase())
    }
}

/// The internal actions: `(contract, action, the contract that sends it, whether it also
/// needs the cooperative's authority)`. Read off the handlers: each begins with
/// `require_auth(peers.<sender>)` (`operator::setupcoop`: `require_auth` of the operator's
/// own account, then `sender() == operator`, `ERR_INTERNAL_STEP`); the four with
/// `true` then `require_auth(coopname)`, which the sender satisfies with `coop@contracts`.
/// `soviet::propose` comes from the registrator (`joincoop`, `leave`) or the wallet
/// (`withdraw`), by its kind.
pub const INTERNAL: [(Contract, &str, Contract, bool); 16] = [
    (Operator, "setupcoop", Operator, false),
    (Registrator, "regcoop", Operator, false),
    (Registrator, "setstatus", Operator, false),
    (Registrator, "paidjoin", Wallet, false),
    (Registrator, "acceptjoin", Soviet, true),
    (Registrator, "declinejoin", Soviet, false),
    (Registrator, "acceptleave", Soviet, false),
    (Registrator, "declineleave", Soviet, false),
    (Soviet, "createboard", Operator, false),
    (Soviet, "propose", Registrator, true),
    (Wallet, "openledger", Operator, false),
    (Wallet, "addmember", Registrator, true),
    (Wallet, "refundreg", Registrator, false),
    (Wallet, "allowwithdr", Soviet, false),
    (Wallet, "declwithdr", Soviet, false),
    (Wallet, "leftcoop", Registrator, true),
];

/// The read-only queries: anyone may run them; they write nothing. (Sent inline, as here,
/// a page must fit the chain's 256-byte cap on an inline action's return value: the attacks
/// ask for an empty one.)
pub const READ_ONLY: [(Contract, &str); 3] = [(Soviet, "agenda"), (Wallet, "deposits"), (Wallet, "withdrawals")];

/// How an attack must end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    /// The receiving handler's `require_auth`: the chain's `missing authority of <account>`.
    MissingAuthority(Name),
    /// Its `require_auth2`: `missing authority of <account>/<permission>`.
    MissingPermission(Name, Name),
    /// The contract's own message.
    Assertion(&'static str),
    /// A read-only query: it runs and writes nothing.
    WritesNothing,
}

impl Expected {
    /// The outcome of a push that ends this way.
    pub fn outcome(&self) -> Outcome {
        let missing = |message: String| Outcome::Chain { name: "missing_auth_exception".into(), message };
        match self {
            Expected::MissingAuthority(account) => missing(format!("missing authority of {account}")),
            Expected::MissingPermission(account, permission) => {
                missing(format!("missing authority of {account}/{permission}"))
            }
            Expected::Assertion(message) => Outcome::Assert(message.to_string()),
            Expected::WritesNothing => Outcome::Accepted,
        }
    }
}

/// One action of ours as the attacker sends it.
#[derive(Clone, Debug)]
pub struct Attack {
    pub contract: Contract,
    pub name: String,
    /// The action, declaring no authorization yet (each test says which).
    pub action: InlineAction,
    /// Whose signature the transaction carries as well: the account the action names as
    /// the one who must sign it (for an internal action: the sending contract).
    pub victim: Name,
    /// How it ends when the hostile contract sends it with its own authority.
    pub expected: Expected,
}

impl Attack {
    /// `contract::name`.
    pub fn label(&self) -> String {
        format!("{}::{}", self.contract, self.name)
    }
}

/// Whether `contract::action` is internal: its sender and whether it needs the cooperative.
pub fn internal(contract: Contract, action: &str) -> Option<(Contract, bool)> {
    INTERNAL.iter().find(|(c, a, _, _)| *c == contract && *a == action).map(|(_, _, sender, coop)| (*sender, *coop))
}

/// Every action of our four ABIs, as the attacker sends it, in ABI order.
pub fn every_attack(chain: &TestChain, v: &Victims, attacker: Name) -> Vec<Attack> {
    let mut attacks = Vec::new();
    for contract in Contract::ALL {
        let scene = Scene { chain, v, peers: chain.peers, attacker, contract };
        for name in contract.actions() {
            attacks.push(scene.attack(&name).unwrap_or_else(|| {
                panic!("no attack on {contract}::{name}: add one (and to INTERNAL or READ_ONLY if it is one)")
            }));
        }
    }
    attacks
}

/// The internal actions among [`every_attack`].
pub fn internal_attacks(chain: &TestChain, v: &Victims, attacker: Name) -> Vec<Attack> {
    every_attack(chain, v, attacker).into_iter().filter(|a| internal(a.contract, &a.name).is_some()).collect()
}

/// The public actions among [`every_attack`] (not internal, not read-only).
pub fn public_attacks(chain: &TestChain, v: &Victims, attacker: Name) -> Vec<Attack> {
    every_attack(chain, v, attacker)
        .into_iter()
        .filter(|a| internal(a.contract, &a.name).is_none() && a.expected != Expected::WritesNothing)
        .collect()
}

/// What the attacks on one contract are built from.
struct Scene<'a> {
    chain: &'a TestChain,
    v: &'a Victims,
    peers: Peers,
    attacker: Name,
    contract: Contract,
}

impl Scene<'_> {
    /// The action `name` of this contract with data about the victims; `None` when there is
    /// no attack for it, or when it is built as internal but not listed so (or the reverse).
    fn attack(&self, name: &str) -> Option<Attack> {
        match self.contract {
            Operator => self.on_operator(name),
            Registrator => self.on_registrator(name),
            Soviet => self.on_soviet(name),
            Wallet => self.on_wallet(name),
        }
    }

    fn on_operator(&self, name: &str) -> Option<Attack> {
        let (v, p) = (self.v, self.peers);
        let operator = p.operator;
        match name {
            "init" => self.signed_by(&op::Init { peers: self.hijacked(), resources: Default::default() }, operator),
            "addprovider" => self.signed_by(&op::Addprovider { provider: self.attacker, title: "h".into() }, operator),
            "rmprovider" => self.signed_by(&op::Rmprovider { provider: v.coop.provider }, operator),
            "request" => {
                let request = op::Request { coopname: self.chain.unique_name("hcoop"), ..v.pending.clone() };
                self.signed_by(&request, v.coop.provider)
            }
            "connect" => self.signed_by(&op::Connect { request_id: v.pending_id }, operator),
            "setupcoop" => self.internal(&op::Setupcoop { request_id: v.pending_id }),
            "act" => {
                // The provider's own way to act for the cooperative, forwarded with `coop@provider`.
                let confirm = wal::Confirm { coopname: v.coop.name, deposit_id: v.unpaid_deposit, memo: "h".into() };
                let actions = vec![op::ProviderAction::new(p.wallet, &confirm)];
                self.signed_by(&op::Act { provider: v.coop.provider, coopname: v.coop.name, actions }, v.coop.provider)
            }
            "reject" => self.signed_by(&op::Reject { request_id: v.pending_id, reason: "h".into() }, operator),
            "setstatus" => self.signed_by(&op::Setstatus { coopname: v.coop.name, status: COOP_BLOCKED }, operator),
            _ => None,
        }
    }

    fn on_registrator(&self, name: &str) -> Option<Attack> {
        let v = self.v;
        let (coop, member, newcomer) = (v.coop.name, v.coop.members[0].name, v.newcomer.name);
        let not_authorized = reg_errors::ERR_NOT_AUTHORIZED;
        match name {
            "init" => self.signed_by(
                &reg::Init { peers: self.hijacked(), resources: Default::default() },
                self.peers.registrator,
            ),
            "regcoop" => self.internal(&reg::Regcoop {
                coopname: v.pending.coopname,
                params: v.pending.params.clone(),
                founders: vec![v.pending.chairman.username],
            }),
            "setstatus" => self.internal(&reg::Setstatus { coopname: coop, status: COOP_BLOCKED }),
            "newaccount" => self.signed_by(
                &reg::Newaccount {
                    coopname: coop,
                    username: self.chain.unique_name("hnew"),
                    r#type: reg::TYPE_INDIVIDUAL,
                    public_key: attacker_key(),
                    referer: Name::new(0),
                    meta: "{}".into(),
                },
                coop,
            ),
            "joincoop" => {
                let statement = Default::default();
                let data = reg::Joincoop { coopname: coop, braname: Name::new(0), username: newcomer, statement };
                self.refused(&data, newcomer, not_authorized)
            }
            "createbranch" => {
                let title = "h".into();
                self.signed_by(
                    &reg::Createbranch { coopname: coop, braname: n("hostile"), trustee: member, title },
                    coop,
                )
            }
            "deletebranch" => self.signed_by(&reg::Deletebranch { coopname: coop, braname: n("hostile") }, coop),
            "selectbranch" => {
                let statement = Default::default();
                let data = reg::Selectbranch { coopname: coop, username: member, braname: n("hostile"), statement };
                self.refused(&data, member, not_authorized)
            }
            "paidjoin" => {
                self.internal(&reg::Paidjoin { coopname: coop, username: v.unpaid.name, deposit_id: v.unpaid_deposit })
            }
            "acceptjoin" => {
                self.internal(&reg::Acceptjoin { coopname: coop, username: v.paid.name, decision_id: v.paid_decision })
            }
            "declinejoin" => {
                self.internal(&reg::Declinejoin { coopname: coop, username: v.paid.name, decision_id: v.paid_decision })
            }
            "leavecoop" => self
                .signed_by(&reg::Leavecoop { coopname: coop, username: member, statement: Default::default() }, member),
            "acceptleave" => self.internal(&reg::Acceptleave {
                coopname: coop,
                username: v.leaver.name,
                decision_id: v.leave_decision,
            }),
            "declineleave" => self.internal(&reg::Declineleave {
                coopname: coop,
                username: v.leaver.name,
                decision_id: v.leave_decision,
            }),
            "setfees" => self.signed_by(&reg::Setfees { coopname: coop, ..Default::default() }, coop),
            "cancelapp" => {
                let data = reg::Cancelapp { coopname: coop, username: v.unpaid.name };
                self.refused(&data, v.unpaid.name, reg_errors::ERR_CANCEL_AUTH)
            }
            "adduser" => {
                let stranger = Person { name: self.chain.unique_name("hadd"), key: PrivateKey::generate() };
                self.signed_by(&import_of(&v.coop, &stranger), coop)
            }
            "changekey" => {
                let data = reg::Changekey { coopname: coop, username: member, public_key: attacker_key() };
                self.public(&data, coop, Expected::MissingPermission(coop, COUNCIL_PERMISSION))
            }
            "setagreement" => {
                let title = "h".into();
                self.signed_by(&reg::Setagreement { coopname: coop, kind: n("privacy"), version: 9, title }, coop)
            }
            "rmagreement" => self.signed_by(&reg::Rmagreement { coopname: coop, kind: n("privacy") }, coop),
            "agree" => {
                let document = Default::default();
                let data = reg::Agree { coopname: coop, username: newcomer, kind: n("privacy"), version: 1, document };
                self.refused(&data, newcomer, not_authorized)
            }
            _ => None,
        }
    }

    fn on_soviet(&self, name: &str) -> Option<Attack> {
        let v = self.v;
        let (coop, member, chairman) = (v.coop.name, v.coop.members[0].name, v.coop.chairman.name);
        let decision_id = v.paid_decision;
        match name {
            "init" => self.signed_by(&sov::Init { peers: self.hijacked() }, self.peers.soviet),
            "createboard" => self.internal(&sov::Createboard {
                coopname: v.pending.coopname,
                chairman: v.pending.chairman.username,
                members: v.pending.members.iter().map(|m| m.username).collect(),
            }),
            "updateboard" => {
                let members = vec![BoardMember::voting(v.newcomer.name, POSITION_CHAIRMAN)];
                self.signed_by(&sov::Updateboard { coopname: coop, members }, coop)
            }
            "setttl" => self.signed_by(&sov::Setttl { coopname: coop, seconds: 1 }, coop),
            "propose" => self.internal(&sov::Propose {
                coopname: coop,
                kind: KIND_JOINCOOP,
                username: v.unpaid.name,
                ref_id: v.unpaid_deposit,
                statement_hash: Checksum256::default(),
            }),
            "freedecision" => {
                let statement = Default::default();
                self.signed_by(
                    &sov::Freedecision { coopname: coop, proposer: member, statement, actions: vec![] },
                    member,
                )
            }
            "votefor" => self.signed_by(&sov::Votefor { coopname: coop, member, decision_id }, member),
            "voteagainst" => self.signed_by(&sov::Voteagainst { coopname: coop, member, decision_id }, member),
            "cancelvote" => self.signed_by(&sov::Cancelvote { coopname: coop, member, decision_id }, member),
            "authorize" => {
                let document = Default::default();
                self.signed_by(&sov::Authorize { coopname: coop, chairman, decision_id, document }, chairman)
            }
            "exec" => self.signed_by(&sov::Exec { executer: chairman, coopname: coop, decision_id }, chairman),
            "close" => self.signed_by(&sov::Close { executer: chairman, coopname: coop, decision_id }, chairman),
            "agenda" => {
                let (state, person) = (Name::new(0), v.newcomer.name);
                self.query(&sov::Agenda { coopname: coop, state, person, from_id: 0, limit: 10 })
            }
            _ => None,
        }
    }

    fn on_wallet(&self, name: &str) -> Option<Attack> {
        let v = self.v;
        let (coop, member, newcomer) = (v.coop.name, v.coop.members[0].name, v.newcomer.name);
        let (withdraw_id, decision_id) = (v.withdrawal, v.withdraw_decision);
        let h = || String::from("h");
        match name {
            "init" => self.signed_by(&wal::Init { peers: self.hijacked() }, self.peers.wallet),
            "openledger" => self.internal(&wal::Openledger { coopname: v.pending.coopname, symbol: RUB }),
            "deposit" => {
                let quantity = rub("1.0000");
                let data = wal::Deposit { coopname: coop, username: member, kind: KIND_SHARE, quantity, memo: h() };
                self.refused(&data, member, wal_errors::ERR_DEPOSIT_AUTH)
            }
            "confirm" => {
                self.signed_by(&wal::Confirm { coopname: coop, deposit_id: v.unpaid_deposit, memo: h() }, coop)
            }
            "cancel" => {
                self.signed_by(&wal::Cancel { coopname: coop, deposit_id: v.unpaid_deposit, reason: h() }, coop)
            }
            "addmember" => self.internal(&wal::Addmember {
                coopname: coop,
                username: v.paid.name,
                deposit_id: v.paid_deposit,
                initial: rub("100.0000"),
                minimum: rub("300.0000"),
            }),
            "refundreg" => {
                self.internal(&wal::Refundreg { coopname: coop, username: v.paid.name, deposit_id: v.paid_deposit })
            }
            "payrefund" => {
                self.signed_by(&wal::Payrefund { coopname: coop, deposit_id: v.paid_deposit, memo: h() }, coop)
            }
            "withdraw" => {
                let (quantity, statement) = (rub("1.0000"), Default::default());
                self.signed_by(&wal::Withdraw { coopname: coop, username: member, quantity, statement }, member)
            }
            "allowwithdr" => self.internal(&wal::Allowwithdr { coopname: coop, withdraw_id, decision_id }),
            "declwithdr" => self.internal(&wal::Declwithdr { coopname: coop, withdraw_id, decision_id }),
            "leftcoop" => {
                self.internal(&wal::Leftcoop { coopname: coop, username: v.leaver.name, decision_id: v.leave_decision })
            }
            "failwithdr" => self.signed_by(&wal::Failwithdr { coopname: coop, withdraw_id, reason: h() }, coop),
            "payout" => self.signed_by(&wal::Payout { coopname: coop, withdraw_id, memo: h() }, coop),
            "deposits" => {
                let state = Name::new(0);
                self.query(&wal::DepositsQuery { coopname: coop, username: newcomer, state, from_id: 0, limit: 10 })
            }
            "withdrawals" => {
                let state = Name::new(0);
                self.query(&wal::WithdrawalsQuery { coopname: coop, username: newcomer, state, from_id: 0, limit: 10 })
            }
            _ => None,
        }
    }

    /// Our peers with the attacker in place of the registrator, the soviet and the wallet.
    fn hijacked(&self) -> Peers {
        Peers { registrator: self.attacker, soviet: self.attacker, wallet: self.attacker, ..self.peers }
    }

    /// An internal action: refused with its sender's missing authority.
    fn internal<A: ActionData>(&self, data: &A) -> Option<Attack> {
        let (sender, _) = internal(self.contract, &A::NAME.to_string())?;
        let sender = sender.account(&self.peers);
        Some(self.attack_of(data, sender, Expected::MissingAuthority(sender)))
    }

    /// A public action that `victim` must sign (`require_auth`).
    fn signed_by<A: ActionData>(&self, data: &A, victim: Name) -> Option<Attack> {
        self.public(data, victim, Expected::MissingAuthority(victim))
    }

    /// A public action about `victim`, refused with the contract's `message`.
    fn refused<A: ActionData>(&self, data: &A, victim: Name, message: &'static str) -> Option<Attack> {
        self.public(data, victim, Expected::Assertion(message))
    }

    /// A read-only query about the cooperative.
    fn query<A: ActionData>(&self, data: &A) -> Option<Attack> {
        self.public(data, self.v.coop.name, Expected::WritesNothing)
    }

    /// A public action naming `victim`; `None` if the catalogue lists it as internal, or as
    /// read-only when it is not a query (or the reverse).
    fn public<A: ActionData>(&self, data: &A, victim: Name, expected: Expected) -> Option<Attack> {
        let name = A::NAME.to_string();
        let read_only = READ_ONLY.contains(&(self.contract, name.as_str()));
        if internal(self.contract, &name).is_some() || read_only != (expected == Expected::WritesNothing) {
            return None;
        }
        Some(self.attack_of(data, victim, expected))
    }

    fn attack_of<A: ActionData>(&self, data: &A, victim: Name, expected: Expected) -> Attack {
        Attack {
            contract: self.contract,
            name: A::NAME.to_string(),
            action: InlineAction::new(self.contract.account(&self.peers), &[], data),
            victim,
            expected,
        }
    }
}

/// A key of the attacker's.
fn attacker_key() -> coop_runtime::PublicKey {
    static KEY: std::sync::OnceLock<PrivateKey> = std::sync::OnceLock::new();
    KEY.get_or_init(PrivateKey::generate).public_key()
}
