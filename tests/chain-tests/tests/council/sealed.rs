//! Sealed outcomes: the vote that makes approval impossible ends the decision in the same
//! transaction and runs the owner's declined path; after that every vote, authorisation,
//! exec or close gets `ERR_DECISION_ENDED`. A decline a board change brings about is ended
//! by `close`.
use super::common::{authorization, propose};
use antelope_test_harness::cooperative::{rub, Person, TestCoop};
use antelope_test_harness::fixture::TestChain;
use coop_protocol::registrator::{Applications, TYPE_INDIVIDUAL};
use coop_protocol::soviet::tally::OUTCOME_DECLINED;
use coop_protocol::soviet::{
    errors::*, BoardMember, Cancelvote, Close, Decisions, Exec, Updateboard, VoteResult, Voteagainst, Votefor,
    POSITION_CHAIRMAN, POSITION_MEMBER, REASON_DECLINED,
};
use coop_protocol::wallet::{Confirm, Deposit, Deposits, Ledgers, Wallets, Withdraw, DEPOSIT_REFUND, KIND_SHARE};
use eosio::Name;

fn vote_against(chain: &TestChain, coop: &TestCoop, voter: &Person, id: u64) -> VoteResult {
    let data = Voteagainst { coopname: coop.name, member: voter.name, decision_id: id };
    chain.ok(chain.peers.soviet, &[voter.name], &data).return_value()
}

/// Every way to act on a finished decision gets `ERR_DECISION_ENDED`.
#[track_caller]
fn assert_ended(chain: &TestChain, coop: &TestCoop, id: u64) {
    let s = chain.peers.soviet;
    let member = &coop.chairman;
    let ended = Some(ERR_DECISION_ENDED);
    let vote = Votefor { coopname: coop.name, member: member.name, decision_id: id };
    assert_eq!(chain.push(s, &[member.name], &vote).unwrap_err().assertion_message(), ended);
    let against = Voteagainst { coopname: coop.name, member: member.name, decision_id: id };
    assert_eq!(chain.push(s, &[member.name], &against).unwrap_err().assertion_message(), ended);
    let cancel = Cancelvote { coopname: coop.name, member: member.name, decision_id: id };
    assert_eq!(chain.push(s, &[member.name], &cancel).unwrap_err().assertion_message(), ended);
    let authorize = authorization(chain, coop, id, &[]);
    assert_eq!(chain.push(s, &[coop.chairman.name], &authorize).unwrap_err().assertion_message(), ended);
    let exec = Exec { executer: member.name, coopname: coop.name, decision_id: id };
    assert_eq!(chain.push(s, &[member.name], &exec).unwrap_err().assertion_message(), ended);
    let close = Close { executer: member.name, coopname: coop.name, decision_id: id };
    assert_eq!(chain.push(s, &[member.name], &close).unwrap_err().assertion_message(), ended);
}

#[test]
fn the_vote_that_makes_approval_impossible_declines_an_application_at_once() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let (person, _) = chain.new_member_account(&coop, "declnd", "individual");
    chain.apply(&coop, &person, Name::new(0));
    let (deposit_id, _) = chain.pay_registration(&coop, &person, chain.registration_fee(&coop, TYPE_INDIVIDUAL));
    chain.confirm_deposit(&coop, deposit_id);
    let id = chain.decision_about(&coop, "joincoop", person.name).expect("on the agenda").id;

    let first = vote_against(chain, &coop, &coop.members[0], id);
    assert_ne!(first.outcome, OUTCOME_DECLINED, "one of three against: still possible");
    assert!(chain.row::<Decisions>(chain.peers.soviet, coop.name, id).is_some());
    let data = Voteagainst { coopname: coop.name, member: coop.members[1].name, decision_id: id };
    let sealing = chain.ok(chain.peers.soviet, &[coop.members[1].name], &data);

    let result: VoteResult = sealing.return_value();
    assert_eq!((result.votes_against, result.outcome), (2, OUTCOME_DECLINED));
    assert!(chain.row::<Decisions>(chain.peers.soviet, coop.name, id).is_none(), "ended in the same transaction");
    assert_eq!(sealing.inline_actions(chain.peers.registrator, "declinejoin").len(), 1);
    assert_eq!(sealing.inline_actions(chain.peers.wallet, "refundreg").len(), 1);
    assert!(chain.row::<Applications>(chain.peers.registrator, coop.name, person.name.as_u64()).is_none());
    let deposit = chain.row::<Deposits>(chain.peers.wallet, coop.name, deposit_id).expect("a refund is due");
    assert_eq!(deposit.status, DEPOSIT_REFUND);
    let ledger = chain.row::<Ledgers>(chain.peers.wallet, chain.peers.wallet, coop.name.as_u64()).unwrap();
    assert_eq!(ledger.refunds_due, rub("400.0000"));
    assert_eq!(sealing.ram_delta(coop.members[1].name), 0, "sealing costs the voter nothing");
    assert_ended(chain, &coop, id);

    let unknown = Votefor { coopname: coop.name, member: coop.members[0].name, decision_id: id + 1000 };
    let error = chain.push(chain.peers.soviet, &[coop.members[0].name], &unknown).unwrap_err();
    assert_eq!(error.assertion_message(), Some(ERR_DECISION_NOT_FOUND), "an id never given out");
}

#[test]
fn a_withdrawal_declined_by_the_council_is_unblocked_at_once() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let member = &coop.members[0];
    let deposit = Deposit {
        coopname: coop.name,
        username: member.name,
        kind: KIND_SHARE,
        quantity: rub("10.0000"),
        memo: String::new(),
    };
    let deposit_id: u64 = chain.ok(chain.peers.wallet, &[member.name], &deposit).return_value();
    chain.ok(chain.peers.wallet, &[coop.name], &Confirm { coopname: coop.name, deposit_id, memo: String::new() });
    let withdraw =
        Withdraw { coopname: coop.name, username: member.name, quantity: rub("4.0000"), statement: Default::default() };
    let withdraw = member.signs(&chain.peers, "I withdraw 4", withdraw);
    chain.ok(chain.peers.wallet, &[member.name], &withdraw);
    let id = chain.decision_about(&coop, "withdraw", member.name).expect("on the agenda").id;

    vote_against(chain, &coop, &coop.chairman, id);
    let result = vote_against(chain, &coop, &coop.members[1], id);

    assert_eq!(result.outcome, OUTCOME_DECLINED);
    let wallet = chain.row::<Wallets>(chain.peers.wallet, coop.name, member.name.as_u64()).unwrap();
    assert_eq!((wallet.available, wallet.blocked), (rub("10.0000"), rub("0.0000")), "unblocked");
    assert_ended(chain, &coop, id);
}

#[test]
fn a_decline_brought_about_by_a_board_change_is_ended_by_close() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let id: u64 = propose(chain, &coop, &coop.members[0], vec![]).return_value();
    vote_against(chain, &coop, &coop.members[1], id);
    // The council shrinks to the chairman and the member who voted against: one of two
    // against makes approval impossible, but no vote was cast, so the decision stays.
    let members = vec![
        BoardMember::voting(coop.chairman.name, POSITION_CHAIRMAN),
        BoardMember::voting(coop.members[1].name, POSITION_MEMBER),
    ];
    chain.ok(chain.peers.soviet, &[coop.name], &Updateboard { coopname: coop.name, members });
    assert!(chain.row::<Decisions>(chain.peers.soviet, coop.name, id).is_some());

    let close = Close { executer: coop.members[0].name, coopname: coop.name, decision_id: id };
    let reason: Name = chain.ok(chain.peers.soviet, &[coop.members[0].name], &close).return_value();

    assert_eq!(reason, REASON_DECLINED);
    assert!(chain.row::<Decisions>(chain.peers.soviet, coop.name, id).is_none());
    assert_ended(chain, &coop, id);
}
