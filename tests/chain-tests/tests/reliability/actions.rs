//! Every action of every ABI, with data about the cooperative of `world.rs` that its right
//! party gets accepted, the rule of who that party is, and how to push it (directly, inline
//! through a contract that is not a peer, read-only, or with a marker that undoes it) —
//! what the authority matrix and the malformed-data cases push.
//!
//! [`specs`] has one entry per ABI action; [`assert_every_action_has_a_spec`] fails when an
//! action is added without one.
use super::common::{chain, Outcome};
use super::world::{world, World};
use antelope_test_harness::abi_files::contract_abis;
use antelope_test_harness::cooperative::{rub, test_params, Person};
use antelope_test_harness::defaults::{default_account_resources, default_connect_resources};
use antelope_test_harness::deploy::contract_accounts;
use antelope_test_harness::keys::PrivateKey;
use coop_protocol::operator;
use coop_protocol::registrator;
use coop_protocol::soviet::{self, council::COUNCIL_PERMISSION};
use coop_protocol::wallet;
use coop_runtime::action::level;
use coop_runtime::system::ACTIVE;
use coop_runtime::{n, ActionData, Document};
use eosio::{Action, Checksum256, Name, PermissionLevel, TimePointSec, Write};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Who may push an action, as its handler checks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// The contract's own account (`init`).
    Contract,
    /// The operator's account (`peers.operator`).
    Operator,
    /// The operator contract's own inline step: its account, and sent by itself.
    OperatorStep,
    /// The cooperative (`coopname`), through any permission linked to the action.
    Coop,
    /// Exactly `coopname@council`, which only the soviet's code satisfies, sent by the soviet
    /// (`changekey`).
    Council,
    /// The person in the data, or the cooperative that created their account; anyone else
    /// gets this message.
    PersonOrCoop(&'static str),
    /// The person in the data.
    Person,
    /// A peer contract, and the cooperative too when the flag is set (its `contracts`
    /// permission pays).
    Peer(Name, bool),
    /// A read-only query: no authority at all, and nothing written.
    ReadOnly,
}

/// What a push must come to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expect {
    /// The transaction goes through (pushed with [`marker`] behind it, so it is undone).
    Accepted,
    /// The chain's `missing_auth_exception` for this `account` or `account/permission`.
    Missing(String),
    /// The chain's `irrelevant_auth_exception`: the permission is not linked to the action.
    Irrelevant,
    /// The chain's `unsatisfied_authorization`: the permission exists but the signatures do
    /// not satisfy it.
    Unsatisfied,
    /// The contract's assertion with exactly this message.
    Assert(&'static str),
    /// A read-only query: anything but a write (accepted, or one of its messages).
    NoWrite,
}

impl Expect {
    /// Whether `outcome` is what was expected (`NoWrite`: accepted or an assertion of
    /// `errors`; the tables are compared apart).
    pub fn matches(&self, outcome: &Outcome, errors: &coop_runtime::action::Errors) -> bool {
        match (self, outcome) {
            (Expect::Accepted, Outcome::Assert(message)) => message == MARKER_MESSAGE,
            (Expect::Missing(who), Outcome::Chain { name, message }) => {
                name == "missing_auth_exception" && *message == format!("missing authority of {who}")
            }
            (Expect::Irrelevant, Outcome::Chain { name, .. }) => name == "irrelevant_auth_exception",
            (Expect::Unsatisfied, Outcome::Chain { name, .. }) => name == "unsatisfied_authorization",
            (Expect::Assert(expected), Outcome::Assert(message)) => expected == message,
            (Expect::NoWrite, Outcome::Accepted) => true,
            (Expect::NoWrite, Outcome::Assert(message)) => errors.lists(message),
            // A page longer than the chain lets a transaction's action return (256 bytes):
            // only read-only transactions may return more.
            (Expect::NoWrite, Outcome::Chain { name, .. }) => name == "action_return_value_exception",
            _ => false,
        }
    }
}

/// What someone gets who puts themselves in an action's person field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OwnName {
    /// Anyone may (applying, signing an agreement, executing or closing a decision,
    /// requesting a connection as a provider).
    Anyone,
    /// Refused so, whoever it is.
    Refused(Expect),
    /// A provider's action (`act`): what a registered provider gets, then anyone else.
    Providers(Expect, Expect),
}

impl OwnName {
    /// The expectation for `person` in the person's place; `None` when they may.
    pub fn for_person(&self, person: &Person, w: &World) -> Option<Expect> {
        let provider = [w.a_provider.name, w.b_provider.name].contains(&person.name);
        match self {
            OwnName::Anyone => None,
            OwnName::Refused(expect) => Some(expect.clone()),
            OwnName::Providers(registered, _) if provider => Some(registered.clone()),
            OwnName::Providers(_, other) => Some(other.clone()),
        }
    }
}

/// An action's packed data with a person in the person's place.
pub type DataOf = Box<dyn Fn(&Person) -> Vec<u8> + Send + Sync>;

/// One action: where it is, who may push it, and its data.
pub struct Spec {
    /// The contract's name as in `contract_abis` (`"registrator"`, …).
    pub contract_name: &'static str,
    pub contract: Name,
    pub action: Name,
    pub rule: Rule,
    /// The person in the data whom the rule names (`Person`, `PersonOrCoop`), if any.
    pub actor: Option<&'static Person>,
    /// What someone of another cooperative gets pushing the action in their own name (put
    /// in the person's place, signing their own documents).
    pub own_name: OwnName,
    /// What the right party gets with this data (undone by [`marker`]).
    pub control: Expect,
    /// The action's data with `actor` in the person's place (for actions without a person,
    /// `actor` is not used).
    pub data: DataOf,
    /// What the action lists that it can abort with (`contract_interface!`).
    pub errors: &'static coop_runtime::action::Errors,
}

impl Spec {
    /// `contract::action`.
    pub fn label(&self) -> String {
        format!("{}::{}", self.contract_name, self.action)
    }

    /// The data with the right person in it.
    pub fn right_data(&self, w: &World) -> Vec<u8> {
        (self.data)(self.actor.unwrap_or(&w.stranger))
    }
}

/// Who pushes: the permission levels the action carries and the keys that sign.
#[derive(Clone, Debug)]
pub struct Party {
    pub label: &'static str,
    pub levels: Vec<PermissionLevel>,
    pub keys: Vec<PrivateKey>,
    /// Puts themselves in the data's person field (a founder of another cooperative acting
    /// in their own name).
    pub own_name: Option<&'static Person>,
    /// Sent inline by the contract that is not a peer, rather than pushed directly.
    pub inline: bool,
}

impl Party {
    pub fn new(label: &'static str, actor: Name, permission: Name, key: &PrivateKey) -> Party {
        Party { label, levels: vec![level(actor, permission)], keys: vec![key.clone()], own_name: None, inline: false }
    }

    /// The same party, putting `person` in the data's person field.
    pub fn acting_for(self, person: &'static Person) -> Party {
        Party { own_name: Some(person), ..self }
    }
}

/// The party an action's rule allows, for the right data.
pub fn right_party(spec: &Spec, w: &World) -> Party {
    let chain = chain();
    let dev = PrivateKey::dev();
    let coop = &w.a;
    match spec.rule {
        Rule::Contract => Party::new("the contract itself", spec.contract, ACTIVE, &dev),
        Rule::Operator | Rule::OperatorStep => Party::new("the operator", chain.peers.operator, ACTIVE, &dev),
        Rule::Coop | Rule::Council => Party::new("the cooperative", coop.name, ACTIVE, &coop.key),
        Rule::PersonOrCoop(_) | Rule::Person => {
            let actor = spec.actor.expect("a person");
            Party::new("the person", actor.name, ACTIVE, &actor.key)
        }
        Rule::Peer(peer, with_coop) => {
            let mut party = Party::new("the peer contract", peer, ACTIVE, &dev);
            if with_coop {
                party.levels.push(level(coop.name, ACTIVE));
                party.keys.push(coop.key.clone());
            }
            party
        }
        Rule::ReadOnly => {
            Party { label: "anyone, read-only", levels: vec![], keys: vec![], own_name: None, inline: false }
        }
    }
}

/// The message of [`marker`].
pub const MARKER_MESSAGE: &str = coop_runtime::paging::ERR_LIMIT_ZERO;

/// An action that always fails, put behind an action that may be accepted: the
/// transaction is then refused with [`MARKER_MESSAGE`] and writes nothing, so the
/// acceptance is seen and undone. (`soviet::agenda` with `limit` 0, authorised by `by`.)
pub fn marker(w: &World, by: PermissionLevel) -> Action<Vec<u8>> {
    let query = soviet::Agenda { coopname: w.a.name, state: Name::new(0), person: Name::new(0), from_id: 0, limit: 0 };
    query.to_action(chain().peers.soviet, &[by])
}

/// Pushes `data` as `contract::action` by `party` (inline through the contract that is not
/// a peer when the party says so), followed by [`marker`] when `with_marker`; read-only
/// when the party has no levels.
pub fn push(w: &World, party: &Party, contract: Name, action: Name, data: Vec<u8>, with_marker: bool) -> Outcome {
    let client = &chain().client;
    let mut act = Action { account: contract.into(), name: action.into(), authorization: party.levels.clone(), data };
    if party.levels.is_empty() {
        return Outcome::of(client.read_only(vec![act]));
    }
    if party.inline {
        act = wrap_inline(w, act);
    }
    let mut actions = vec![act];
    if with_marker {
        actions.push(marker(w, party.levels[0]));
    }
    Outcome::of(client.push_actions_with_keys(actions, &party.keys))
}

/// `fake::forward`: the forwarder's code under the account `fake` sends `inner` inline, with
/// `fake@active` (which holds `fake@eosio.code`).
fn wrap_inline(w: &World, mut inner: Action<Vec<u8>>) -> Action<Vec<u8>> {
    inner.authorization = vec![level(w.fake.name, ACTIVE)];
    Action {
        account: w.fake.name.into(),
        name: n("forward").into(),
        authorization: vec![level(w.fake.name, ACTIVE)],
        data: inner.pack().expect("an action packs"),
    }
}

/// Accounts' permissions as the chain has them: which permission each action is linked to,
/// each permission's parent, and the keys in each.
#[derive(Debug, Default)]
pub struct Permissions {
    /// `(account, contract, action)` → the permission (an empty action: the whole contract).
    pub links: BTreeMap<(Name, Name, Name), Name>,
    /// `(account, permission)` → its parent.
    pub parents: BTreeMap<(Name, Name), Name>,
    /// `(account, permission)` → its keys, in the legacy text form.
    pub keys: BTreeMap<(Name, Name), Vec<String>>,
}

/// The permissions of `accounts`, from `get_account`.
pub fn permissions_of(accounts: &[Name]) -> Permissions {
    let mut found = Permissions::default();
    for account in accounts {
        let info = chain().client.get_account(account).unwrap_or_else(|e| panic!("get_account {account}: {e}"));
        for permission in info["permissions"].as_array().expect("permissions") {
            let name: Name = permission["perm_name"].as_str().expect("perm_name").parse().expect("a name");
            let parent = permission["parent"].as_str().unwrap_or("").parse().unwrap_or(Name::new(0));
            found.parents.insert((*account, name), parent);
            let keys = permission["required_auth"]["keys"].as_array().expect("keys");
            let keys = keys.iter().map(|k| k["key"].as_str().expect("a key").to_string()).collect();
            found.keys.insert((*account, name), keys);
            let linked = permission["linked_actions"].as_array().expect("get_account lists linked actions");
            for link in linked {
                let contract: Name = link["account"].as_str().expect("account").parse().expect("a name");
                let action: Name = link["action"].as_str().unwrap_or("").parse().expect("a name");
                found.links.insert((*account, contract, action), name);
            }
        }
    }
    found
}

/// The packed data of `data`.
fn packed<A: ActionData>(data: &A) -> Vec<u8> {
    data.pack().expect("action data packs")
}

/// The listed errors of `contract::action`.
fn listed(contract: &str, action: Name) -> &'static coop_runtime::action::Errors {
    let all: &[&coop_runtime::action::Errors] = match contract {
        "operator" => operator::ACTION_ERRORS,
        "registrator" => registrator::ACTION_ERRORS,
        "soviet" => soviet::ACTION_ERRORS,
        "wallet" => wallet::ACTION_ERRORS,
        other => panic!("no contract {other}"),
    };
    let name = action.to_string();
    all.iter().find(|e| e.action == name).unwrap_or_else(|| panic!("{contract}::{action} lists no errors"))
}

/// Every action of every contract, in ABI order.
pub fn specs() -> &'static [Spec] {
    static SPECS: OnceLock<Vec<Spec>> = OnceLock::new();
    SPECS.get_or_init(|| {
        let w = world();
        let specs: Vec<Spec> =
            [registrator_specs(w), soviet_specs(w), wallet_specs(w), operator_specs(w)].into_iter().flatten().collect();
        assert_every_action_has_a_spec(&specs);
        specs
    })
}

/// Fails unless every action of every ABI has exactly one spec, and every spec an action.
pub fn assert_every_action_has_a_spec(specs: &[Spec]) {
    let peers = chain().peers;
    let accounts = contract_accounts(&peers);
    let mut abi_actions = Vec::new();
    for (contract, abi) in contract_abis() {
        for action in &abi.actions {
            abi_actions.push(format!("{contract}::{}", action.name));
        }
        let account = accounts.iter().find(|(name, _)| *name == contract).expect("a contract account").1;
        for spec in specs.iter().filter(|s| s.contract_name == contract) {
            assert_eq!(spec.contract, account, "{}", spec.label());
        }
    }
    let mut covered: Vec<String> = specs.iter().map(Spec::label).collect();
    let missing: Vec<&String> = abi_actions.iter().filter(|a| !covered.contains(a)).collect();
    assert!(missing.is_empty(), "actions without a case in reliability/actions.rs: {missing:?}");
    covered.sort();
    let before = covered.len();
    covered.dedup();
    assert_eq!(covered.len(), before, "an action has two cases");
    let extra: Vec<&String> = covered.iter().filter(|s| !abi_actions.contains(s)).collect();
    assert!(extra.is_empty(), "cases for actions the ABIs do not have: {extra:?}");
}

/// A spec's builder: `spec(contract, A::NAME, rule, actor)` then `.data(…)`.
struct Builder {
    contract_name: &'static str,
    contract: Name,
}

impl Builder {
    fn spec<A: ActionData>(
        &self,
        rule: Rule,
        actor: Option<&'static Person>,
        own_name: OwnName,
        control: Expect,
        data: impl Fn(&Person) -> A + Send + Sync + 'static,
    ) -> Spec {
        Spec {
            contract_name: self.contract_name,
            contract: self.contract,
            action: A::NAME,
            rule,
            actor,
            own_name,
            control,
            data: Box::new(move |actor| packed(&data(actor))),
            errors: listed(self.contract_name, A::NAME),
        }
    }

    /// As [`Builder::spec`], for data carrying a document that `actor` signs for it.
    fn signed_spec<A: ActionData + coop_protocol::consent::Consented>(
        &self,
        rule: Rule,
        actor: Option<&'static Person>,
        own_name: OwnName,
        control: Expect,
        data: impl Fn(&Person) -> A + Send + Sync + 'static,
    ) -> Spec {
        self.spec(rule, actor, own_name, control, move |actor: &Person| {
            actor.signs(&chain().peers, "A document", data(actor))
        })
    }
}

fn registrator_specs(w: &'static World) -> Vec<Spec> {
    use registrator::errors::*;
    use registrator::*;
    let peers = chain().peers;
    let b = Builder { contract_name: "registrator", contract: peers.registrator };
    let coop = w.a.name;
    let ok = || Expect::Accepted;
    let key = chain().new_key().public_key();
    vec![
        b.spec(Rule::Contract, None, OwnName::Anyone, ok(), move |_| Init {
            peers,
            resources: default_account_resources(),
        }),
        b.spec(Rule::Operator, None, OwnName::Anyone, Expect::Assert(ERR_COOP_EXISTS), move |_| Regcoop {
            coopname: coop,
            params: test_params(),
            founders: vec![w.a.chairman.name],
        }),
        b.spec(Rule::Operator, None, OwnName::Anyone, ok(), move |_| Setstatus {
            coopname: coop,
            status: n("blocked"),
        }),
        b.spec(Rule::Coop, None, OwnName::Anyone, ok(), move |_| Newaccount {
            coopname: coop,
            username: n("newperson123"),
            r#type: TYPE_INDIVIDUAL,
            public_key: key,
            referer: Name::new(0),
            meta: "{}".into(),
        }),
        b.signed_spec(Rule::PersonOrCoop(ERR_NOT_AUTHORIZED), Some(&w.joiner), OwnName::Anyone, ok(), move |actor| {
            Joincoop { coopname: coop, braname: Name::new(0), username: actor.name, statement: Document::default() }
        }),
        b.spec(Rule::Coop, None, OwnName::Anyone, ok(), move |_| Createbranch {
            coopname: coop,
            braname: n("newbranch"),
            trustee: w.a.chairman.name,
            title: "New branch".into(),
        }),
        b.spec(Rule::Coop, None, OwnName::Anyone, ok(), move |_| Deletebranch { coopname: coop, braname: w.branch }),
        b.signed_spec(
            Rule::PersonOrCoop(ERR_NOT_AUTHORIZED),
            Some(&w.saver),
            OwnName::Refused(Expect::Assert(ERR_NOT_PARTICIPANT)),
            ok(),
            move |actor| Selectbranch {
                coopname: coop,
                username: actor.name,
                braname: w.branch,
                statement: Document::default(),
            },
        ),
        b.spec(Rule::Peer(peers.wallet, false), None, OwnName::Anyone, ok(), move |_| Paidjoin {
            coopname: coop,
            username: w.payer.name,
            deposit_id: w.payer_deposit,
        }),
        b.spec(Rule::Peer(peers.soviet, true), None, OwnName::Anyone, ok(), move |_| Acceptjoin {
            coopname: coop,
            username: w.applicant.name,
            decision_id: w.join_decision,
        }),
        b.spec(Rule::Peer(peers.soviet, false), None, OwnName::Anyone, ok(), move |_| Declinejoin {
            coopname: coop,
            username: w.applicant.name,
            decision_id: w.join_decision,
        }),
        b.signed_spec(
            Rule::Person,
            Some(&w.quitter),
            OwnName::Refused(Expect::Assert(ERR_NOT_PARTICIPANT)),
            ok(),
            move |actor| Leavecoop { coopname: coop, username: actor.name, statement: Document::default() },
        ),
        b.spec(Rule::Peer(peers.soviet, false), None, OwnName::Anyone, ok(), move |_| Acceptleave {
            coopname: coop,
            username: w.leaver.name,
            decision_id: w.leave_decision,
        }),
        b.spec(Rule::Peer(peers.soviet, false), None, OwnName::Anyone, ok(), move |_| Declineleave {
            coopname: coop,
            username: w.leaver.name,
            decision_id: w.leave_decision,
        }),
        b.spec(Rule::Coop, None, OwnName::Anyone, ok(), move |_| Setfees {
            coopname: coop,
            initial: rub("50.0000"),
            minimum: rub("150.0000"),
            org_initial: rub("500.0000"),
            org_minimum: rub("1500.0000"),
        }),
        b.spec(
            Rule::PersonOrCoop(ERR_CANCEL_AUTH),
            Some(&w.opener),
            OwnName::Refused(Expect::Assert(ERR_APPLICATION_NOT_FOUND)),
            ok(),
            move |actor| Cancelapp { coopname: coop, username: actor.name },
        ),
        b.spec(Rule::Coop, None, OwnName::Anyone, ok(), move |_| Adduser {
            coopname: coop,
            username: n("importee1234"),
            r#type: TYPE_INDIVIDUAL,
            public_key: key,
            braname: Name::new(0),
            joined_at: TimePointSec::from(1_600_000_000),
            initial: rub("100.0000"),
            minimum: rub("300.0000"),
            meta: String::new(),
        }),
        b.spec(
            Rule::Council,
            None,
            OwnName::Anyone,
            Expect::Missing(format!("{coop}/{COUNCIL_PERMISSION}")),
            move |_| Changekey { coopname: coop, username: w.bystander.name, public_key: key },
        ),
        b.spec(Rule::Coop, None, OwnName::Anyone, ok(), move |_| Setagreement {
            coopname: coop,
            kind: n("extra"),
            version: 1,
            title: "Extra agreement".into(),
        }),
        b.spec(Rule::Coop, None, OwnName::Anyone, ok(), move |_| Rmagreement { coopname: coop, kind: n("user") }),
        b.signed_spec(Rule::PersonOrCoop(ERR_NOT_AUTHORIZED), Some(&w.signer), OwnName::Anyone, ok(), move |actor| {
            Agree { coopname: coop, username: actor.name, kind: n("wallet"), version: 1, document: Document::default() }
        }),
    ]
}

fn soviet_specs(w: &'static World) -> Vec<Spec> {
    use soviet::errors::*;
    use soviet::*;
    let peers = chain().peers;
    let b = Builder { contract_name: "soviet", contract: peers.soviet };
    let coop = w.a.name;
    let ok = || Expect::Accepted;
    let (chairman, first, second) = (&w.a.chairman, &w.a.members[0], &w.a.members[1]);
    let council = vec![
        BoardMember::voting(chairman.name, POSITION_CHAIRMAN),
        BoardMember::voting(first.name, POSITION_MEMBER),
        BoardMember::voting(second.name, POSITION_MEMBER),
    ];
    let voting = OwnName::Refused(Expect::Assert(ERR_NOT_VOTING_MEMBER));
    vec![
        b.spec(Rule::Contract, None, OwnName::Anyone, ok(), move |_| Init { peers }),
        b.spec(Rule::Operator, None, OwnName::Anyone, Expect::Assert(ERR_BOARD_EXISTS), move |_| Createboard {
            coopname: coop,
            chairman: chairman.name,
            members: vec![first.name],
        }),
        b.spec(Rule::Coop, None, OwnName::Anyone, ok(), move |_| Updateboard {
            coopname: coop,
            members: council.clone(),
        }),
        b.spec(Rule::Coop, None, OwnName::Anyone, ok(), move |_| Setttl { coopname: coop, seconds: 86_400 }),
        b.spec(Rule::Peer(peers.registrator, true), None, OwnName::Anyone, ok(), move |_| Propose {
            coopname: coop,
            kind: KIND_JOINCOOP,
            username: w.joiner.name,
            ref_id: 0,
            statement_hash: Checksum256::from([7; 32]),
        }),
        b.signed_spec(
            Rule::Person,
            Some(second),
            OwnName::Refused(Expect::Assert(ERR_NOT_PARTICIPANT)),
            ok(),
            move |actor| Freedecision {
                coopname: coop,
                proposer: actor.name,
                statement: Document::default(),
                actions: vec![],
            },
        ),
        b.spec(Rule::Person, Some(second), voting.clone(), ok(), move |actor| Votefor {
            coopname: coop,
            member: actor.name,
            decision_id: w.join_decision,
        }),
        b.spec(Rule::Person, Some(second), voting.clone(), ok(), move |actor| Voteagainst {
            coopname: coop,
            member: actor.name,
            decision_id: w.join_decision,
        }),
        b.spec(Rule::Person, Some(chairman), voting, ok(), move |actor| Cancelvote {
            coopname: coop,
            member: actor.name,
            decision_id: w.free_decision,
        }),
        b.spec(Rule::Person, Some(chairman), OwnName::Refused(Expect::Assert(ERR_NOT_CHAIRMAN)), ok(), move |actor| {
            actor.authorization(&peers, coop, w.approved_decision, &[], "Authorised")
        }),
        b.spec(Rule::Person, Some(chairman), OwnName::Anyone, ok(), move |actor| Exec {
            executer: actor.name,
            coopname: coop,
            decision_id: w.authorized_decision,
        }),
        b.spec(Rule::Person, Some(chairman), OwnName::Anyone, Expect::Assert(ERR_CANNOT_CLOSE), move |actor| Close {
            executer: actor.name,
            coopname: coop,
            decision_id: w.free_decision,
        }),
        b.spec(Rule::ReadOnly, None, OwnName::Anyone, Expect::NoWrite, move |_| Agenda {
            coopname: coop,
            state: Name::new(0),
            person: Name::new(0),
            from_id: 0,
            limit: 10,
        }),
    ]
}

fn wallet_specs(w: &'static World) -> Vec<Spec> {
    use wallet::errors::*;
    use wallet::*;
    let peers = chain().peers;
    let b = Builder { contract_name: "wallet", contract: peers.wallet };
    let coop = w.a.name;
    let ok = || Expect::Accepted;
    vec![
        b.spec(Rule::Contract, None, OwnName::Anyone, ok(), move |_| Init { peers }),
        b.spec(Rule::Operator, None, OwnName::Anyone, Expect::Assert(ERR_LEDGER_EXISTS), move |_| Openledger {
            coopname: coop,
            symbol: antelope_test_harness::cooperative::RUB,
        }),
        b.spec(
            Rule::PersonOrCoop(ERR_DEPOSIT_AUTH),
            Some(&w.saver),
            OwnName::Refused(Expect::Assert(ERR_NOT_PARTICIPANT)),
            ok(),
            move |actor| Deposit {
                coopname: coop,
                username: actor.name,
                kind: KIND_SHARE,
                quantity: rub("2.0000"),
                memo: "share".into(),
            },
        ),
        b.spec(Rule::Coop, None, OwnName::Anyone, ok(), move |_| Confirm {
            coopname: coop,
            deposit_id: w.pending_deposit,
            memo: "received".into(),
        }),
        b.spec(Rule::Coop, None, OwnName::Anyone, ok(), move |_| Cancel {
            coopname: coop,
            deposit_id: w.pending_deposit,
            reason: "no money".into(),
        }),
        b.spec(Rule::Peer(peers.registrator, true), None, OwnName::Anyone, ok(), move |_| Addmember {
            coopname: coop,
            username: w.joiner.name,
            deposit_id: 0,
            initial: rub("100.0000"),
            minimum: rub("300.0000"),
        }),
        b.spec(Rule::Peer(peers.registrator, false), None, OwnName::Anyone, ok(), move |_| Refundreg {
            coopname: coop,
            username: w.applicant.name,
            deposit_id: w.applicant_deposit,
        }),
        b.spec(Rule::Coop, None, OwnName::Anyone, ok(), move |_| Payrefund {
            coopname: coop,
            deposit_id: w.refund_deposit,
            memo: "paid back".into(),
        }),
        b.signed_spec(
            Rule::Person,
            Some(&w.saver),
            OwnName::Refused(Expect::Assert(ERR_NOT_PARTICIPANT)),
            ok(),
            move |actor| Withdraw {
                coopname: coop,
                username: actor.name,
                quantity: rub("1.0000"),
                statement: Document::default(),
            },
        ),
        b.spec(Rule::Peer(peers.soviet, false), None, OwnName::Anyone, ok(), move |_| Allowwithdr {
            coopname: coop,
            withdraw_id: w.pending_withdrawal,
            decision_id: w.withdraw_decision,
        }),
        b.spec(Rule::Peer(peers.soviet, false), None, OwnName::Anyone, ok(), move |_| Declwithdr {
            coopname: coop,
            withdraw_id: w.pending_withdrawal,
            decision_id: w.withdraw_decision,
        }),
        b.spec(Rule::Peer(peers.registrator, true), None, OwnName::Anyone, ok(), move |_| Leftcoop {
            coopname: coop,
            username: w.quitter.name,
            decision_id: w.leave_decision,
        }),
        b.spec(Rule::Coop, None, OwnName::Anyone, ok(), move |_| Failwithdr {
            coopname: coop,
            withdraw_id: w.authorized_withdrawal,
            reason: "bank".into(),
        }),
        b.spec(Rule::Coop, None, OwnName::Anyone, ok(), move |_| Payout {
            coopname: coop,
            withdraw_id: w.authorized_withdrawal,
            memo: "paid".into(),
        }),
        b.spec(Rule::ReadOnly, None, OwnName::Anyone, Expect::NoWrite, move |_| DepositsQuery {
            coopname: coop,
            username: Name::new(0),
            state: Name::new(0),
            from_id: 0,
            limit: 10,
        }),
        b.spec(Rule::ReadOnly, None, OwnName::Anyone, Expect::NoWrite, move |_| WithdrawalsQuery {
            coopname: coop,
            username: Name::new(0),
            state: Name::new(0),
            from_id: 0,
            limit: 10,
        }),
    ]
}

fn operator_specs(w: &'static World) -> Vec<Spec> {
    use operator::errors::*;
    use operator::*;
    let chain = chain();
    let peers = chain.peers;
    let b = Builder { contract_name: "operator", contract: peers.operator };
    let ok = || Expect::Accepted;
    let provider = Some(&w.a_provider);
    let (request, ..) = chain.coop_request(w.a.provider, 0);
    // A statement the chairman signed for another provider, or someone who is none.
    let replayed = OwnName::Providers(Expect::Assert(ERR_BAD_SIGNATURE), Expect::Assert(ERR_PROVIDER_NOT_FOUND));
    let not_theirs = OwnName::Providers(Expect::Assert(ERR_NOT_PROVIDERS_COOP), Expect::Assert(ERR_PROVIDER_NOT_FOUND));
    let key = chain.new_key().public_key();
    let newaccount = registrator::Newaccount {
        coopname: w.a.name,
        username: n("forwarded123"),
        r#type: registrator::TYPE_INDIVIDUAL,
        public_key: key,
        referer: Name::new(0),
        meta: "{}".into(),
    };
    vec![
        b.spec(Rule::Contract, None, OwnName::Anyone, ok(), move |_| Init {
            peers,
            resources: default_connect_resources(),
        }),
        b.spec(Rule::Operator, None, OwnName::Anyone, ok(), move |_| Addprovider {
            provider: w.stranger.name,
            title: "Provider".into(),
        }),
        b.spec(Rule::Operator, None, OwnName::Anyone, ok(), move |_| Rmprovider { provider: w.b.provider }),
        b.spec(Rule::Person, provider, not_theirs, ok(), move |actor| Act {
            provider: actor.name,
            coopname: w.a.name,
            actions: vec![ProviderAction::new(peers.registrator, &newaccount)],
        }),
        b.spec(Rule::Person, provider, replayed, ok(), move |actor| Request {
            provider: actor.name,
            ..request.clone()
        }),
        b.spec(Rule::Operator, None, OwnName::Anyone, ok(), move |_| Connect { request_id: w.pending_request }),
        b.spec(Rule::OperatorStep, None, OwnName::Anyone, Expect::Assert(ERR_INTERNAL_STEP), move |_| Setupcoop {
            request_id: w.pending_request,
        }),
        b.spec(Rule::Operator, None, OwnName::Anyone, ok(), move |_| Reject {
            request_id: w.pending_request,
            reason: "no".into(),
        }),
        b.spec(Rule::Operator, None, OwnName::Anyone, ok(), move |_| Setstatus {
            coopname: w.a.name,
            status: n("blocked"),
        }),
    ]
}
