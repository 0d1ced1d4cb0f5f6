//! The wallet's questions going through the council (`soviet`): an application paid,
//! accepted or declined; a withdrawal allowed and paid, or declined.
use super::common::*;
use antelope_test_harness::cooperative::{rub, TestCoop};
use antelope_test_harness::fixture::TestChain;
use coop_protocol::registrator::{Participants, PARTICIPANT_ACCEPTED, TYPE_INDIVIDUAL};
use coop_protocol::soviet::{
    Authorize, Close, Decision, Decisions, Exec, Voteagainst, Votefor, KIND_JOINCOOP, KIND_WITHDRAW,
};
use coop_protocol::wallet::*;
use eosio::Name;

/// The council's decision of `kind` about `ref_id`.
pub fn decision(chain: &TestChain, coop: &TestCoop, kind: Name, ref_id: u64) -> Decision {
    chain
        .rows::<Decisions>(chain.peers.soviet, coop.name)
        .into_iter()
        .find(|d| d.kind == kind && d.ref_id == ref_id)
        .expect("the question is on the council's agenda")
}

/// Two of the three council members vote for; the chairman signs; the chairman executes.
pub fn approve(chain: &TestChain, coop: &TestCoop, decision_id: u64) {
    for member in coop.council().into_iter().take(2) {
        chain.ok(
            chain.peers.soviet,
            &[member.name],
            &Votefor { coopname: coop.name, member: member.name, decision_id },
        );
    }
    chain.ok(
        chain.peers.soviet,
        &[coop.chairman.name],
        &Authorize {
            coopname: coop.name,
            chairman: coop.chairman.name,
            decision_id,
            document: coop.chairman.sign(&format!("Decision {decision_id} of the council")),
        },
    );
    chain.ok(
        chain.peers.soviet,
        &[coop.chairman.name],
        &Exec { executer: coop.chairman.name, coopname: coop.name, decision_id },
    );
}

/// Two of the three council members vote against; anyone closes the declined decision.
pub fn decline(chain: &TestChain, coop: &TestCoop, decision_id: u64) {
    for member in coop.council().into_iter().take(2) {
        chain.ok(
            chain.peers.soviet,
            &[member.name],
            &Voteagainst { coopname: coop.name, member: member.name, decision_id },
        );
    }
    chain.ok(
        chain.peers.soviet,
        &[coop.chairman.name],
        &Close { executer: coop.chairman.name, coopname: coop.name, decision_id },
    );
}

fn withdraw(coop: &TestCoop, person: &antelope_test_harness::cooperative::Person, amount: &str) -> Withdraw {
    Withdraw {
        coopname: coop.name,
        username: person.name,
        quantity: rub(amount),
        statement: person.sign("I ask to return part of my share contribution"),
    }
}

#[test]
fn an_accepted_application_books_the_registration_payment() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let (person, id) = paid_applicant(chain, &coop, TYPE_INDIVIDUAL);
    let question = decision(chain, &coop, KIND_JOINCOOP, id);
    assert_eq!(question.username, person.name);

    approve(chain, &coop, question.id);

    let participant = chain.row::<Participants>(chain.peers.registrator, coop.name, person.name.as_u64()).unwrap();
    assert_eq!(participant.status, PARTICIPANT_ACCEPTED);
    assert_eq!(deposit_row(chain, &coop, id).status, DEPOSIT_ACCEPTED);
    let wallet = wallet_of(chain, &coop, &person);
    assert_eq!((wallet.initial, wallet.minimum), fees(TYPE_INDIVIDUAL));
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
    decline(chain, &coop, decision(chain, &coop, KIND_JOINCOOP, id).id);

    assert_eq!(deposit_row(chain, &coop, id).status, DEPOSIT_REFUND);
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

    approve(chain, &coop, question.id);
    let withdrawal = withdrawal_row(chain, &coop, id);
    assert_eq!(withdrawal.status, WITHDRAWAL_AUTHORIZED);
    assert_eq!(withdrawal.decision_id, question.id);

    chain.ok(
        chain.peers.wallet,
        &[coop.name],
        &Payout { coopname: coop.name, withdraw_id: id, memo: "paid by bank transfer".into() },
    );
    assert_eq!(withdrawal_row(chain, &coop, id).status, WITHDRAWAL_PAID);
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
    decline(chain, &coop, decision(chain, &coop, KIND_WITHDRAW, id).id);

    let withdrawal = withdrawal_row(chain, &coop, id);
    assert_eq!(withdrawal.status, WITHDRAWAL_DECLINED);
    let wallet = wallet_of(chain, &coop, &person);
    assert_eq!((wallet.available, wallet.blocked), (rub("500.0000"), zero()));
    assert_eq!(assert_books(chain, &coop).paid_out, zero());
}
