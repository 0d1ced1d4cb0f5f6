//! One complete registration, every transaction of the path (spec 3.2): `newaccount`, the
//! cooperative's agreements (`agree` each), `joincoop`, the registration `deposit`, its
//! `confirm` (which puts the application on the agenda), the council's votes,
//! `authorize`, `exec`. Each outcome goes to the caller under the action's name.
use crate::coops::BenchCoop;
use crate::push::push;
use antelope_client::client::PushOutcome;
use antelope_test_harness::cooperative::{Person, TestCoop};
use antelope_test_harness::fixture::TestChain;
use coop_protocol::registrator::{Agree, Joincoop, Newaccount};
use coop_protocol::soviet::{Cancelvote, Exec, Voteagainst, Votefor};
use coop_protocol::wallet::{Confirm, Deposit, KIND_REGISTRATION};
use coop_runtime::n;
use eosio::Name;

/// How the council votes on the application.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Votes {
    /// The chairman, then a member: the majority of three that approves.
    Majority,
    /// Every kind of vote once: the chairman for; the second member against, then that
    /// member cancels the vote; the first member for (the approving vote).
    EveryKind,
}

/// The name the first vote for is recorded under; the approving one is [`APPROVING_VOTE`].
pub const VOTE: &str = "soviet::votefor";
/// The vote for that makes the decision approved.
pub const APPROVING_VOTE: &str = "soviet::votefor (approving)";

/// Registers `person` (a new individual, no account yet) in `coop` as a provider drives
/// it; gives each outcome to `record` with the action's name.
pub fn register(
    chain: &TestChain,
    coop: &BenchCoop,
    person: &Person,
    votes: Votes,
    record: &mut dyn FnMut(&'static str, PushOutcome),
) {
    let p = chain.peers;
    let (coopname, council) = (coop.name(), coop.coop.council());
    let account = Newaccount {
        coopname,
        username: person.name,
        r#type: n("individual"),
        public_key: person.key.public_key(),
        referer: Name::new(0),
        meta: "{}".into(),
    };
    record("registrator::newaccount", push(chain, p.registrator, &[&coop.signer], &account));
    for (i, kind) in coop.kinds.iter().enumerate() {
        let agree = Agree {
            coopname,
            username: person.name,
            kind: kind.kind,
            version: kind.version,
            document: Default::default(),
        };
        let agree = person.signs(&p, &format!("{} agreement, version {}", kind.title, kind.version), agree);
        let name = if i == 0 { "registrator::agree" } else { "registrator::agree (more kinds)" };
        record(name, push(chain, p.registrator, &[person], &agree));
    }
    let joincoop = Joincoop { coopname, braname: Name::new(0), username: person.name, statement: Default::default() };
    let joincoop = person.signs(&p, &format!("Statement: {} applies to join {coopname}", person.name), joincoop);
    record("registrator::joincoop", push(chain, p.registrator, &[person], &joincoop));
    let deposit = Deposit {
        coopname,
        username: person.name,
        kind: KIND_REGISTRATION,
        quantity: coop.fee,
        memo: "registration payment".into(),
    };
    let paid = push(chain, p.wallet, &[person], &deposit);
    let deposit_id: u64 = paid.return_value();
    record("wallet::deposit", paid);
    let confirm = Confirm { coopname, deposit_id, memo: "money received".into() };
    let confirmed = push(chain, p.wallet, &[&coop.signer], &confirm);
    let decision_id = proposed_decision(chain, &confirmed);
    record("wallet::confirm", confirmed);

    let (chairman, first, second) = (council[0], council[1], council[2]);
    record(VOTE, vote_for(chain, &coop.coop, chairman, decision_id));
    if votes == Votes::EveryKind {
        let against = Voteagainst { coopname, member: second.name, decision_id };
        record("soviet::voteagainst", push(chain, p.soviet, &[second], &against));
        let cancel = Cancelvote { coopname, member: second.name, decision_id };
        record("soviet::cancelvote", push(chain, p.soviet, &[second], &cancel));
    }
    record(APPROVING_VOTE, vote_for(chain, &coop.coop, first, decision_id));
    record("soviet::authorize", authorize(chain, &coop.coop, decision_id));
    record("soviet::exec", exec(chain, &coop.coop, person, decision_id));
}

/// `soviet::votefor` by `voter`.
pub fn vote_for(chain: &TestChain, coop: &TestCoop, voter: &Person, decision_id: u64) -> PushOutcome {
    push(chain, chain.peers.soviet, &[voter], &Votefor { coopname: coop.name, member: voter.name, decision_id })
}

/// `soviet::authorize` by the chairman with the decision document signed for it (a decision
/// that carries no actions: a registration or a withdrawal).
pub fn authorize(chain: &TestChain, coop: &TestCoop, decision_id: u64) -> PushOutcome {
    let text = format!("Decision {decision_id} of the council of {}", coop.name);
    let data = coop.chairman.authorization(&chain.peers, coop.name, decision_id, &[], &text);
    push(chain, chain.peers.soviet, &[&coop.chairman], &data)
}

/// `soviet::exec` by `executer`.
pub fn exec(chain: &TestChain, coop: &TestCoop, executer: &Person, decision_id: u64) -> PushOutcome {
    push(chain, chain.peers.soviet, &[executer], &Exec { executer: executer.name, coopname: coop.name, decision_id })
}

/// The id of the decision an action put on the agenda: the return value of the
/// `soviet::propose` it sent inline.
pub fn proposed_decision(chain: &TestChain, outcome: &PushOutcome) -> u64 {
    let proposed = outcome.inline_actions(chain.peers.soviet, "propose");
    let trace = proposed.first().unwrap_or_else(|| panic!("{}: no soviet::propose", outcome.transaction_id));
    trace.decode_return_value().unwrap_or_else(|e| panic!("{}: {e}", outcome.transaction_id))
}
