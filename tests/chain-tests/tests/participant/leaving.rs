//! Leaving the cooperative (spec 3.2 step 9): `leavecoop` puts a `leave` decision on the
//! agenda; on exec the person is no longer a participant (and off the council), their
//! whole share becomes a withdrawal due, paid with `payout`; declined → nothing changes;
//! they may apply again later.
use antelope_test_harness::cooperative::{rub, Person, TestCoop};
use antelope_test_harness::fixture::TestChain;
use coop_protocol::registrator::{errors::*, *};
use coop_protocol::soviet::{Boards, Voteagainst};
use coop_protocol::wallet::{
    errors as wallet_errors, Confirm, Deposit, Ledgers, Payout, Wallets, Withdraw, Withdrawals, KIND_SHARE,
    WITHDRAWAL_AUTHORIZED,
};
use eosio::Name;

fn leave(coop: &TestCoop, person: &Person) -> Leavecoop {
    let data = Leavecoop { coopname: coop.name, username: person.name, statement: Default::default() };
    person.signs(&TestChain::shared().peers, "I leave the cooperative", data)
}

/// `person`'s `withdraw` of `amount`, signed by them.
fn withdraw(coop: &TestCoop, person: &Person, amount: &str) -> Withdraw {
    let data =
        Withdraw { coopname: coop.name, username: person.name, quantity: rub(amount), statement: Default::default() };
    person.signs(&TestChain::shared().peers, "w", data)
}

/// A share deposit of `amount` by `person`, confirmed.
fn add_share(chain: &TestChain, coop: &TestCoop, person: &Person, amount: &str) {
    let id: u64 = chain.ok(chain.peers.wallet, &[person.name], &share(coop, person, amount)).return_value();
    chain.ok(chain.peers.wallet, &[coop.name], &Confirm { coopname: coop.name, deposit_id: id, memo: String::new() });
}

fn share(coop: &TestCoop, person: &Person, amount: &str) -> Deposit {
    Deposit { coopname: coop.name, username: person.name, kind: KIND_SHARE, quantity: rub(amount), memo: String::new() }
}

/// The council approves, the chairman authorises, someone executes decision `id`.
fn approve_and_exec(chain: &TestChain, coop: &TestCoop, id: u64) -> antelope_test_harness::client::PushOutcome {
    for voter in coop.council() {
        chain.vote_for(coop, voter, id);
    }
    chain.authorize(coop, id);
    chain.exec(coop, coop.chairman.name, id)
}

#[test]
fn a_member_leaves_their_share_is_paid_out_and_they_may_apply_again() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = chain.admit(&coop, "leaver", Name::new(0));
    add_share(chain, &coop, &person, "50.0000");
    let r = chain.peers.registrator;

    chain.ok(r, &[person.name], &leave(&coop, &person));
    let participant = chain.row::<Participants>(r, coop.name, person.name.as_u64()).unwrap();
    assert_eq!(participant.status, PARTICIPANT_LEAVING);
    // While the decision is open: no money in or out, no second request.
    assert_eq!(chain.fails(r, &[person.name], &leave(&coop, &person)), ERR_ALREADY_LEAVING);
    let w = chain.peers.wallet;
    assert_eq!(chain.fails(w, &[person.name], &share(&coop, &person, "1.0000")), wallet_errors::ERR_MEMBER_LEAVING);
    let withdraw = withdraw(&coop, &person, "1.0000");
    assert_eq!(chain.fails(w, &[person.name], &withdraw), wallet_errors::ERR_MEMBER_LEAVING);

    let decision = chain.decision_about(&coop, "leave", person.name).expect("a leave decision");
    let executed = approve_and_exec(chain, &coop, decision.id);

    assert!(chain.row::<Participants>(r, coop.name, person.name.as_u64()).is_none(), "no longer a participant");
    let card = chain.row::<Cards>(r, r, person.name.as_u64()).unwrap();
    assert_eq!(card.status, CARD_PENDING);
    let wallet = chain.row::<Wallets>(w, coop.name, person.name.as_u64()).unwrap();
    assert_eq!(
        (wallet.available, wallet.minimum, wallet.blocked, wallet.initial),
        (rub("0.0000"), rub("0.0000"), rub("350.0000"), rub("100.0000")),
        "the whole share is due; the entrance fee stays"
    );
    let due = executed.inline_actions(w, "leftcoop");
    assert_eq!(due.len(), 1);
    let withdraw_id: u64 = due[0].decode_return_value().unwrap();
    let withdrawal = chain.row::<Withdrawals>(w, coop.name, withdraw_id).unwrap();
    assert_eq!((withdrawal.quantity, withdrawal.status), (rub("350.0000"), WITHDRAWAL_AUTHORIZED));
    assert!(executed.ram_delta(coop.name) != 0, "the cooperative pays the withdrawal row: {:?}", executed.ram_deltas);

    let payout = Payout { coopname: coop.name, withdraw_id, memo: "bank transfer".into() };
    chain.ok(w, &[coop.name], &payout);
    let ledger = chain.row::<Ledgers>(w, w, coop.name.as_u64()).unwrap();
    assert_eq!(ledger.paid_out, rub("350.0000"));
    assert_eq!(chain.row::<Wallets>(w, coop.name, person.name.as_u64()).unwrap().blocked, rub("0.0000"));

    // They may apply again, and are booked on top of what stayed (the entrance fee).
    let again = chain.admit_existing(&coop, &person);
    assert_eq!(again.status, PARTICIPANT_ACCEPTED);
    let wallet = chain.row::<Wallets>(w, coop.name, person.name.as_u64()).unwrap();
    assert_eq!((wallet.initial, wallet.minimum), (rub("200.0000"), rub("300.0000")));
}

#[test]
fn a_council_member_who_leaves_leaves_the_council_and_a_declined_leave_changes_nothing() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative_with(chain.provider(), 3);
    let member = &coop.members[0];
    let r = chain.peers.registrator;
    chain.ok(r, &[member.name], &leave(&coop, member));
    let id = chain.decision_about(&coop, "leave", member.name).expect("a leave decision").id;
    // Declined by the council: the member stays.
    for voter in [&coop.members[1], &coop.members[2]] {
        let data = Voteagainst { coopname: coop.name, member: voter.name, decision_id: id };
        chain.ok(chain.peers.soviet, &[voter.name], &data);
    }
    let participant = chain.row::<Participants>(r, coop.name, member.name.as_u64()).unwrap();
    assert_eq!(participant.status, PARTICIPANT_ACCEPTED, "a declined leave changes nothing");

    chain.ok(r, &[member.name], &leave(&coop, member));
    let id = chain.decision_about(&coop, "leave", member.name).expect("a second leave decision").id;
    let executed = approve_and_exec(chain, &coop, id);

    // A founder who never paid a share has no wallet: nothing is due, no withdrawal.
    let due = executed.inline_actions(chain.peers.wallet, "leftcoop");
    assert_eq!(due[0].decode_return_value::<u64>().unwrap(), 0);
    assert!(chain.rows::<Withdrawals>(chain.peers.wallet, coop.name).is_empty());
    let board = chain.row::<Boards>(chain.peers.soviet, chain.peers.soviet, coop.name.as_u64()).unwrap();
    assert!(board.members.iter().all(|m| m.username != member.name), "off the council");
    assert_eq!(board.members.len(), 3);
    assert!(chain.row::<Participants>(r, coop.name, member.name.as_u64()).is_none());
}

#[test]
fn leavecoop_refuses_others_non_participants_the_chairman_and_open_withdrawals() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let r = chain.peers.registrator;
    let member = &coop.members[0];
    let error = chain.push(r, &[coop.members[1].name], &leave(&coop, member)).unwrap_err();
    assert_eq!(error.name(), Some("missing_auth_exception"), "someone else: {error}");
    let (stranger, _) = chain.new_member_account(&coop, "strngr", "individual");
    assert_eq!(chain.fails(r, &[stranger.name], &leave(&coop, &stranger)), ERR_NOT_PARTICIPANT);
    assert_eq!(chain.fails(r, &[coop.chairman.name], &leave(&coop, &coop.chairman)), ERR_CHAIRMAN_CANNOT_LEAVE);
    let forged = coop.members[1].signs(&chain.peers, "I leave", leave(&coop, member));
    assert_eq!(chain.fails(r, &[member.name], &forged), ERR_KEY_NOT_SIGNERS);
    add_share(chain, &coop, member, "5.0000");
    chain.ok(chain.peers.wallet, &[member.name], &withdraw(&coop, member, "1.0000"));
    assert_eq!(chain.fails(r, &[member.name], &leave(&coop, member)), ERR_LEAVE_WITH_WITHDRAWAL);
    let participant = chain.row::<Participants>(r, coop.name, member.name.as_u64()).unwrap();
    assert_eq!(participant.status, PARTICIPANT_ACCEPTED, "nothing changed");
}

#[test]
fn a_share_deposit_of_someone_who_left_is_refused_at_confirm() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = chain.admit(&coop, "late", Name::new(0));
    let w = chain.peers.wallet;
    let deposit_id: u64 = chain.ok(w, &[person.name], &share(&coop, &person, "10.0000")).return_value();
    chain.ok(chain.peers.registrator, &[person.name], &leave(&coop, &person));
    let id = chain.decision_about(&coop, "leave", person.name).unwrap().id;
    approve_and_exec(chain, &coop, id);

    let confirm = Confirm { coopname: coop.name, deposit_id, memo: String::new() };
    assert_eq!(chain.fails(w, &[coop.name], &confirm), wallet_errors::ERR_NOT_PARTICIPANT);
    assert_eq!(chain.fails(w, &[person.name], &share(&coop, &person, "1.0000")), wallet_errors::ERR_NOT_PARTICIPANT);
}
