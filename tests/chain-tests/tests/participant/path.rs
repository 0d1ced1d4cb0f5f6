//! The path through payment and the council.
use antelope_test_harness::cooperative::{rub, TestCoop};
use antelope_test_harness::fixture::TestChain;
use coop_protocol::registrator::{errors as reg_errors, *};
use coop_protocol::soviet::errors::ERR_DECISION_ENDED;
use coop_protocol::soviet::tally::{OUTCOME_APPROVED, OUTCOME_DECLINED, OUTCOME_PENDING};
use coop_protocol::soviet::{Close, Decisions, Propose, VoteResult, Voteagainst, KIND_JOINCOOP};
use coop_protocol::wallet::{errors as wallet_errors, *};
use coop_runtime::n;
use eosio::Name;

fn branched(chain: &TestChain) -> (TestCoop, Vec<Name>) {
    let coop = chain.new_cooperative();
    let names: Vec<Name> = (0..3).map(|_| chain.unique_name("branch")).collect();
    for braname in &names {
        let data =
            Createbranch { coopname: coop.name, braname: *braname, trustee: coop.chairman.name, title: "B".into() };
        chain.ok(chain.peers.registrator, &[coop.name], &data);
    }
    (coop, names)
}

#[test]
fn an_applicant_becomes_a_participant_of_a_branched_cooperative() {
    let chain = TestChain::shared();
    let p = chain.peers;
    let (coop, branches) = branched(chain);
    assert!(chain.coop_row(&coop).is_branched);
    let (person, _) = chain.new_member_account(&coop, "appl", "individual");

    // Without a branch the application is refused; with one it is open.
    let without =
        Joincoop { coopname: coop.name, braname: Name::new(0), username: person.name, statement: Default::default() };
    let without = person.signs(&p, "I apply", without);
    assert_eq!(chain.fails(p.registrator, &[person.name], &without), reg_errors::ERR_BRANCH_REQUIRED);
    // The statement names the branch: it is signed again for it.
    let with_branch = person.signs(&p, "I apply", Joincoop { braname: branches[2], ..without });
    chain.sign_agreements(&coop, &person);
    chain.ok(p.registrator, &[person.name], &with_branch);

    // No decision, and no acceptance, before the payment is confirmed.
    assert!(chain.decision_about(&coop, "joincoop", person.name).is_none());
    let (deposit_id, _) = chain.pay_registration(&coop, &person, rub("400.0000"));
    assert!(chain.decision_about(&coop, "joincoop", person.name).is_none());
    let confirmed = chain.confirm_deposit(&coop, deposit_id);
    let decision = chain.decision_about(&coop, "joincoop", person.name).expect("on the agenda after payment");
    assert_eq!(decision.statement_hash, with_branch.statement.hash);
    assert_eq!(decision.ref_id, deposit_id);
    // The registrator put it on the agenda, and the cooperative pays for it.
    let proposed = confirmed.inline_actions(p.soviet, "propose");
    assert_eq!(proposed.len(), 1);
    let propose = proposed[0].decode_data::<Propose>().unwrap();
    assert_eq!(
        propose,
        Propose {
            coopname: coop.name,
            kind: KIND_JOINCOOP,
            username: person.name,
            ref_id: deposit_id,
            statement_hash: with_branch.statement.hash,
        }
    );
    assert!(confirmed.ram_delta(coop.name) > 0, "{:?}", confirmed.ram_deltas);
    for contract in [p.registrator, p.soviet, p.wallet] {
        assert_eq!(confirmed.ram_delta(contract), 0, "{contract} pays nothing");
    }
    let ledger = chain.row::<Ledgers>(p.wallet, p.wallet, coop.name.as_u64()).unwrap();
    assert_eq!(ledger.reg_received, rub("400.0000"));

    // Two of the three council members are a strict majority; voting costs no RAM.
    let first = chain.vote_for(&coop, &coop.chairman, decision.id);
    assert_eq!(
        first.return_value::<VoteResult>(),
        VoteResult { votes_for: 1, votes_against: 0, voting_members: 3, outcome: OUTCOME_PENDING }
    );
    let second = chain.vote_for(&coop, &coop.members[0], decision.id);
    assert_eq!(
        second.return_value::<VoteResult>(),
        VoteResult { votes_for: 2, votes_against: 0, voting_members: 3, outcome: OUTCOME_APPROVED }
    );
    assert!(first.ram_deltas.is_empty() && second.ram_deltas.is_empty(), "{:?}", second.ram_deltas);
    chain.authorize(&coop, decision.id);
    let outcome = chain.exec(&coop, person.name, decision.id);
    let accepted = outcome.inline_actions(p.registrator, "acceptjoin");
    assert_eq!(accepted.len(), 1);
    assert_eq!(
        accepted[0].decode_data::<Acceptjoin>().unwrap(),
        Acceptjoin { coopname: coop.name, username: person.name, decision_id: decision.id }
    );
    let booked = outcome.inline_actions(p.wallet, "addmember");
    assert_eq!(booked.len(), 1);
    assert_eq!(
        booked[0].decode_data::<Addmember>().unwrap(),
        Addmember {
            coopname: coop.name,
            username: person.name,
            deposit_id,
            initial: rub("100.0000"),
            minimum: rub("300.0000"),
        }
    );
    assert!(chain.row::<Decisions>(p.soviet, coop.name, decision.id).is_none(), "the decision is erased");
    // The application and the registration deposit are freed back to the applicant, who
    // signed them; the contracts pay for nothing.
    assert!(outcome.ram_delta(person.name) < 0, "{:?}", outcome.ram_deltas);
    for contract in [p.registrator, p.soviet, p.wallet] {
        assert_eq!(outcome.ram_delta(contract), 0, "{contract} pays nothing");
    }

    let participant = chain.row::<Participants>(p.registrator, coop.name, person.name.as_u64()).unwrap();
    assert!(participant.is_accepted_individual());
    assert_eq!(participant.braname, branches[2]);
    let card = chain.row::<Cards>(p.registrator, p.registrator, person.name.as_u64()).unwrap();
    assert_eq!(card.status, CARD_ACTIVE);
    assert!(chain.row::<Applications>(p.registrator, coop.name, person.name.as_u64()).is_none());
    let branch = chain.row::<Branches>(p.registrator, coop.name, branches[2].as_u64()).unwrap();
    assert_eq!(branch.members, 1);
    let wallet = chain.row::<Wallets>(p.wallet, coop.name, person.name.as_u64()).unwrap();
    assert_eq!((wallet.initial, wallet.minimum, wallet.available), (rub("100.0000"), rub("300.0000"), rub("0.0000")));
    let ledger = chain.row::<Ledgers>(p.wallet, p.wallet, coop.name.as_u64()).unwrap();
    assert_eq!(
        (ledger.entrance_fund, ledger.share_fund, ledger.reg_received),
        (rub("100.0000"), rub("300.0000"), rub("0.0000"))
    );
    assert!(chain.row::<Deposits>(p.wallet, coop.name, deposit_id).is_none(), "the accepted deposit is erased");
    assert!(chain.row::<RegDeposits>(p.wallet, coop.name, person.name.as_u64()).is_none());
}

#[test]
fn a_declined_application_marks_the_payment_for_refund() {
    let chain = TestChain::shared();
    let p = chain.peers;
    let coop = chain.new_cooperative();
    let (person, _) = chain.new_member_account(&coop, "appl", "individual");
    chain.apply(&coop, &person, Name::new(0));
    let (deposit_id, _) = chain.pay_registration(&coop, &person, rub("400.0000"));
    chain.confirm_deposit(&coop, deposit_id);
    let decision = chain.decision_about(&coop, "joincoop", person.name).unwrap();
    let against = |voter: Name| Voteagainst { coopname: coop.name, member: voter, decision_id: decision.id };
    let first = chain.ok(p.soviet, &[coop.chairman.name], &against(coop.chairman.name));
    assert_eq!(first.return_value::<VoteResult>().outcome, OUTCOME_PENDING, "one of three against");
    // The second vote against makes approval impossible: it ends the decision and runs the
    // declined path in its own transaction.
    let outcome = chain.ok(p.soviet, &[coop.members[0].name], &against(coop.members[0].name));

    let result: VoteResult = outcome.return_value();
    assert_eq!((result.votes_against, result.outcome), (2, OUTCOME_DECLINED));
    let declined = outcome.inline_actions(p.registrator, "declinejoin");
    assert_eq!(declined.len(), 1);
    assert_eq!(
        declined[0].decode_data::<Declinejoin>().unwrap(),
        Declinejoin { coopname: coop.name, username: person.name, decision_id: decision.id }
    );
    let refund = outcome.inline_actions(p.wallet, "refundreg");
    assert_eq!(refund.len(), 1);
    assert_eq!(
        refund[0].decode_data::<Refundreg>().unwrap(),
        Refundreg { coopname: coop.name, username: person.name, deposit_id }
    );
    assert!(chain.decision_about(&coop, "joincoop", person.name).is_none(), "the decision is erased");
    assert!(outcome.ram_delta(coop.name) < 0, "the cooperative gets the decision's RAM back");
    assert!(chain.row::<Participants>(p.registrator, coop.name, person.name.as_u64()).is_none());
    assert!(chain.row::<Applications>(p.registrator, coop.name, person.name.as_u64()).is_none());
    assert_eq!(chain.row::<Deposits>(p.wallet, coop.name, deposit_id).unwrap().status, DEPOSIT_REFUND);
    let ledger = chain.row::<Ledgers>(p.wallet, p.wallet, coop.name.as_u64()).unwrap();
    assert_eq!(
        (ledger.refunds_due, ledger.reg_received, ledger.share_fund),
        (rub("400.0000"), rub("0.0000"), rub("0.0000"))
    );
    assert_eq!(outcome.ram_delta(coop.members[0].name), 0, "the voter pays nothing");
    // A declined decision has ended: it can be neither closed nor voted on again.
    let close = Close { executer: person.name, coopname: coop.name, decision_id: decision.id };
    assert_eq!(chain.fails(p.soviet, &[person.name], &close), ERR_DECISION_ENDED);
    let vote = against(coop.members[1].name);
    assert_eq!(chain.fails(p.soviet, &[coop.members[1].name], &vote), ERR_DECISION_ENDED);

    // The cooperative pays the money back: the deposit is erased.
    let paid_back = Payrefund { coopname: coop.name, deposit_id, memo: "bank transfer 42".into() };
    let outcome = chain.ok(p.wallet, &[coop.name], &paid_back);
    assert!(outcome.ram_delta(person.name) < 0, "the deposit's RAM goes back to the person who signed it");
    assert!(chain.row::<Deposits>(p.wallet, coop.name, deposit_id).is_none());
    let ledger = chain.row::<Ledgers>(p.wallet, p.wallet, coop.name.as_u64()).unwrap();
    assert_eq!((ledger.refunds_due, ledger.refunded), (rub("0.0000"), rub("400.0000")));
    // The person may apply again.
    chain.apply(&coop, &person, Name::new(0));
}

#[test]
fn organisations_pay_the_organisation_fees() {
    let chain = TestChain::shared();
    let p = chain.peers;
    let coop = chain.new_cooperative();
    let (org, _) = chain.new_member_account(&coop, "org", "organization");
    chain.apply(&coop, &org, Name::new(0));
    let wrong = Deposit {
        coopname: coop.name,
        username: org.name,
        kind: KIND_REGISTRATION,
        quantity: rub("400.0000"),
        memo: String::new(),
    };
    assert_eq!(chain.fails(p.wallet, &[org.name], &wrong), wallet_errors::ERR_WRONG_REGISTRATION_AMOUNT);
    assert_eq!(chain.registration_fee(&coop, TYPE_ORGANIZATION), rub("4000.0000"));
    let (deposit_id, _) = chain.pay_registration(&coop, &org, rub("4000.0000"));
    chain.confirm_deposit(&coop, deposit_id);
    let decision = chain.decision_about(&coop, "joincoop", org.name).unwrap();
    for voter in coop.council() {
        chain.vote_for(&coop, voter, decision.id);
    }
    chain.authorize(&coop, decision.id);
    chain.exec(&coop, coop.chairman.name, decision.id);
    let wallet = chain.row::<Wallets>(p.wallet, coop.name, org.name.as_u64()).unwrap();
    assert_eq!((wallet.initial, wallet.minimum), (rub("1000.0000"), rub("3000.0000")));
    let participant = chain.row::<Participants>(p.registrator, coop.name, org.name.as_u64()).unwrap();
    assert_eq!(participant.r#type, n("organization"));
}

#[test]
fn the_admit_helper_walks_the_whole_path() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = chain.admit(&coop, "member", Name::new(0));
    let participant = chain.row::<Participants>(chain.peers.registrator, coop.name, person.name.as_u64());
    assert!(participant.is_some_and(|p| p.is_accepted_individual()));
}
