//! The wallet's questions going through the council (`soviet`): an application paid,
//! accepted or declined; a withdrawal allowed and paid, or declined.
use super::common::*;
use antelope_test_harness::client::PushOutcome;
use antelope_test_harness::cooperative::{rub, Person, TestCoop};
use antelope_test_harness::fixture::TestChain;
use coop_protocol::registrator::{Participants, PARTICIPANT_ACCEPTED, TYPE_INDIVIDUAL};
use coop_protocol::soviet::errors::ERR_DECISION_ENDED;
use coop_protocol::soviet::tally::{OUTCOME_APPROVED, OUTCOME_DECLINED, OUTCOME_PENDING};
use coop_protocol::soviet::{Close, Decision, Decisions, VoteResult, Voteagainst, KIND_JOINCOOP, KIND_WITHDRAW};
use coop_protocol::wallet::*;
use eosio::Name;

/// The council's decision of `kind` about `ref_id`.
pub fn decision(chain: &TestChain, coop: &TestCoop, kind: Name, ref_id: u64) -> Decision {
    find_decision(chain, coop, kind, ref_id).expect("the question is on the council's agenda")
}

/// The council's decision of `kind` about `ref_id`, if it is still on the agenda
/// (executed and closed decisions are erased).
pub fn find_decision(chain: &TestChain, coop: &TestCoop, kind: Name, ref_id: u64) -> Option<Decision> {
    chain.rows::<Decisions>(chain.peers.soviet, coop.name).into_iter().find(|d| d.kind == kind && d.ref_id == ref_id)
}

/// Every transaction of the council's approval, in order: the votes, the chairman's
/// signature, the execution.
pub struct Approval {
    pub votes: Vec<PushOutcome>,
    pub authorize: PushOutcome,
    pub exec: PushOutcome,
}

impl Approval {
    /// Every outcome, in the order the transactions were pushed.
    pub fn all(&self) -> impl Iterator<Item = &PushOutcome> {
        self.votes.iter().chain([&self.authorize, &self.exec])
    }
}

/// Two of the three council members vote for (the second vote approves); the chairman
/// signs; the chairman executes.
pub fn approve(chain: &TestChain, coop: &TestCoop, decision_id: u64) -> Approval {
    let votes: Vec<PushOutcome> =
        coop.council().into_iter().take(2).map(|member| chain.vote_for(coop, member, decision_id)).collect();
    assert_eq!(votes[1].return_value::<VoteResult>().outcome, OUTCOME_APPROVED);
    let authorize = chain.authorize(coop, decision_id);
    let exec = chain.exec(coop, coop.chairman.name, decision_id);
    Approval { votes, authorize, exec }
}

/// Two of the three council members vote against: the second vote makes approval
/// impossible and ends the decision in its own transaction (the owner's declined path runs
/// inline). Returns the outcome of that sealing vote, which must say `declined`; the
/// decision is gone, and `close` then learns that it has ended.
pub fn decline(chain: &TestChain, coop: &TestCoop, decision_id: u64) -> PushOutcome {
    let votes: Vec<PushOutcome> = coop
        .council()
        .into_iter()
        .take(2)
        .map(|member| {
            chain.ok(
                chain.peers.soviet,
                &[member.name],
                &Voteagainst { coopname: coop.name, member: member.name, decision_id },
            )
        })
        .collect();
    assert_eq!(votes[0].return_value::<VoteResult>().outcome, OUTCOME_PENDING, "one of three against");
    let sealing = votes.into_iter().nth(1).unwrap();
    let result: VoteResult = sealing.return_value();
    assert_eq!((result.votes_against, result.outcome), (2, OUTCOME_DECLINED));
    assert!(
        chain.row::<Decisions>(chain.peers.soviet, coop.name, decision_id).is_none(),
        "the declined decision is erased by the vote"
    );
    let close = Close { executer: coop.chairman.name, coopname: coop.name, decision_id };
    assert_eq!(chain.fails(chain.peers.soviet, &[coop.chairman.name], &close), ERR_DECISION_ENDED);
    sealing
}

fn withdraw(coop: &TestCoop, person: &Person, amount: &str) -> Withdraw {
    let data =
        Withdraw { coopname: coop.name, username: person.name, quantity: rub(amount), statement: Default::default() };
    person.signs(&TestChain::shared().peers, "I ask to return part of my share contribution", data)
}

#[test]
fn an_accepted_application_books_the_registration_payment() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let (person, id) = paid_applicant(chain, &coop, TYPE_INDIVIDUAL);
    let question = decision(chain, &coop, KIND_JOINCOOP, id);
    assert_eq!(question.username, person.name);

    let exec = approve(chain, &coop, question.id).exec;

    let participant = chain.row::<Participants>(chain.peers.registrator, coop.name, person.name.as_u64()).unwrap();
    assert_eq!(participant.status, PARTICIPANT_ACCEPTED);
    let booked: Vec<Addmember> = exec
        .inline_actions(chain.peers.wallet, "addmember")
        .iter()
        .map(|action| action.decode_data().unwrap())
        .collect();
    let (initial, minimum) = fees(TYPE_INDIVIDUAL);
    assert_eq!(
        booked,
        vec![Addmember { coopname: coop.name, username: person.name, deposit_id: id, initial, minimum }]
    );
    assert!(!deposit_exists(chain, &coop, id), "the accepted registration deposit is erased");
    assert!(chain.row::<RegDeposits>(chain.peers.wallet, coop.name, person.name.as_u64()).is_none());
    assert!(exec.ram_delta(person.name) < 0, "the applicant who paid for the deposit gets the RAM back");
    assert!(find_decision(chain, &coop, KIND_JOINCOOP, id).is_none(), "the executed decision is erased");
    let wallet = wallet_of(chain, &coop, &person);
    assert_eq!((wallet.initial, wallet.minimum), (initial, minimum));
    let ledger = assert_books(chain, &coop);
    assert_eq!(ledger.reg_received, zero());
    assert_eq!(ledger.entrance_fund, rub("100.0000"));
    assert_eq!(ledger.share_fund, rub("300.0000"));
}

#[test]
fn a_declined_application_marks_the_payment_for_refund() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let (person, id) = paid_applicant(chain, &coop, TYPE_INDIVIDUAL);
    let question = decision(chain, &coop, KIND_JOINCOOP, id);
    let sealing = decline(chain, &coop, question.id);

    // The vote that declined it ran the registrator's `declinejoin`, which marked the
    // payment for refund in the wallet.
    let declined = sealing.inline_actions(chain.peers.registrator, "declinejoin");
    assert_eq!(declined.len(), 1);
    let refunds: Vec<Refundreg> = sealing
        .inline_actions(chain.peers.wallet, "refundreg")
        .iter()
        .map(|action| action.decode_data().unwrap())
        .collect();
    assert_eq!(refunds, vec![Refundreg { coopname: coop.name, username: person.name, deposit_id: id }]);
    assert_eq!(deposit_row(chain, &coop, id).status, DEPOSIT_REFUND);
    assert!(chain.row::<RegDeposits>(chain.peers.wallet, coop.name, person.name.as_u64()).is_none());
    assert!(find_decision(chain, &coop, KIND_JOINCOOP, id).is_none(), "the declined decision is erased");
    assert!(sealing.ram_delta(coop.name) < 0, "the cooperative gets the decision's RAM back");
    assert!(chain.row::<Participants>(chain.peers.registrator, coop.name, person.name.as_u64()).is_none());
    let ledger = assert_books(chain, &coop);
    assert_eq!(ledger.reg_received, zero());
    assert_eq!(ledger.refunds_due, registration_fee(TYPE_INDIVIDUAL));
}

#[test]
fn an_allowed_withdrawal_is_paid_out() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = member_with(chain, &coop, "500.0000");
    let id: u64 = chain.ok(chain.peers.wallet, &[person.name], &withdraw(&coop, &person, "200.0000")).return_value();
    let question = decision(chain, &coop, KIND_WITHDRAW, id);
    assert_eq!(question.username, person.name);

    let exec = approve(chain, &coop, question.id).exec;
    let allowed: Vec<Allowwithdr> = exec
        .inline_actions(chain.peers.wallet, "allowwithdr")
        .iter()
        .map(|action| action.decode_data().unwrap())
        .collect();
    assert_eq!(allowed, vec![Allowwithdr { coopname: coop.name, withdraw_id: id, decision_id: question.id }]);
    assert!(find_decision(chain, &coop, KIND_WITHDRAW, id).is_none(), "the executed decision is erased");
    let withdrawal = withdrawal_row(chain, &coop, id);
    assert_eq!(withdrawal.status, WITHDRAWAL_AUTHORIZED);
    assert_eq!(withdrawal.decision_id, question.id);

    let payout = chain.ok(
        chain.peers.wallet,
        &[coop.name],
        &Payout { coopname: coop.name, withdraw_id: id, memo: "paid by bank transfer".into() },
    );
    assert!(!withdrawal_exists(chain, &coop, id), "the paid withdrawal is erased");
    assert!(payout.ram_delta(person.name) < 0, "the member who paid for the withdrawal gets the RAM back");
    let wallet = wallet_of(chain, &coop, &person);
    assert_eq!((wallet.available, wallet.blocked), (rub("300.0000"), zero()));
    let ledger = assert_books(chain, &coop);
    assert_eq!(ledger.paid_out, rub("200.0000"));
    assert_eq!(ledger.share_fund, rub("600.0000"));
}

#[test]
fn a_declined_withdrawal_unblocks_the_amount() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = member_with(chain, &coop, "500.0000");
    let id: u64 = chain.ok(chain.peers.wallet, &[person.name], &withdraw(&coop, &person, "500.0000")).return_value();
    let question = decision(chain, &coop, KIND_WITHDRAW, id);
    let sealing = decline(chain, &coop, question.id);

    // The vote that declined it ran the wallet's `declwithdr`.
    let declined: Vec<Declwithdr> = sealing
        .inline_actions(chain.peers.wallet, "declwithdr")
        .iter()
        .map(|action| action.decode_data().unwrap())
        .collect();
    assert_eq!(declined, vec![Declwithdr { coopname: coop.name, withdraw_id: id, decision_id: question.id }]);
    assert!(!withdrawal_exists(chain, &coop, id), "the declined withdrawal is erased");
    assert!(sealing.ram_delta(person.name) < 0, "the member who paid for the withdrawal gets the RAM back");
    assert!(sealing.ram_delta(coop.name) < 0, "the cooperative gets the decision's RAM back");
    assert!(find_decision(chain, &coop, KIND_WITHDRAW, id).is_none(), "the declined decision is erased");
    let wallet = wallet_of(chain, &coop, &person);
    assert_eq!((wallet.available, wallet.blocked), (rub("500.0000"), zero()));
    assert_eq!(assert_books(chain, &coop).paid_out, zero());
}

#[test]
fn a_whole_withdrawal_leaves_no_ram_behind() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = member_with(chain, &coop, "500.0000");
    let wallet_ram_before = ram_usage(chain, chain.peers.wallet);

    let request = chain.ok(chain.peers.wallet, &[person.name], &withdraw(&coop, &person, "200.0000"));
    let id: u64 = request.return_value();
    assert!(request.ram_delta(person.name) > 0, "the member pays the withdrawal");
    assert!(request.ram_delta(coop.name) > 0, "the cooperative pays the question on its agenda");
    let approval = approve(chain, &coop, decision(chain, &coop, KIND_WITHDRAW, id).id);
    for outcome in approval.votes.iter().chain([&approval.authorize]) {
        assert!(
            outcome.ram_deltas.iter().all(|(_, delta)| *delta == 0),
            "votes and the signature: {:?}",
            outcome.ram_deltas
        );
    }
    let payout = chain.ok(
        chain.peers.wallet,
        &[coop.name],
        &Payout { coopname: coop.name, withdraw_id: id, memo: "paid by bank transfer".into() },
    );

    let cycle: Vec<&PushOutcome> = [&request].into_iter().chain(approval.all()).chain([&payout]).collect();
    for account in [chain.peers.wallet, chain.peers.soviet, person.name, coop.name] {
        let total: i64 = cycle.iter().map(|outcome| outcome.ram_delta(account)).sum();
        assert_eq!(total, 0, "RAM of {account} over withdraw → vote → authorize → exec → payout");
    }
    assert_eq!(ram_usage(chain, chain.peers.wallet), wallet_ram_before, "the wallet account's RAM usage");
    assert!(!withdrawal_exists(chain, &coop, id));
    assert_eq!(assert_books(chain, &coop).paid_out, rub("200.0000"));
}
