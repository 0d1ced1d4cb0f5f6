//! `joincoop` and the `braname` rule; the application's path through payment and the
//! council is in `tests/participant_flow.rs`.
use super::accounts::create_person;
use super::branches::{branched_cooperative, createbranch};
use antelope_test_harness::cooperative::Person;
use antelope_test_harness::fixture::TestChain;
use coop_protocol::registrator::{errors::*, *};
use eosio::Name;

fn application(coopname: Name, braname: Name, person: &Person) -> Joincoop {
    let data = Joincoop { coopname, braname, username: person.name, statement: Default::default() };
    person.signs(&TestChain::shared().peers, "I apply to join", data)
}

#[test]
fn joincoop_rejects_missing_braname_when_branched() {
    let chain = TestChain::shared();
    let (coop, _) = branched_cooperative(chain);
    let person = create_person(chain, &coop, "appl");
    let message = chain.fails(chain.peers.registrator, &[person.name], &application(coop.name, Name::new(0), &person));
    assert_eq!(message, ERR_BRANCH_REQUIRED);
    assert!(chain.row::<Applications>(chain.peers.registrator, coop.name, person.name.as_u64()).is_none());
}

#[test]
fn joincoop_rejects_a_branch_of_another_cooperative() {
    let chain = TestChain::shared();
    let (coop, _) = branched_cooperative(chain);
    let (_, other_branches) = branched_cooperative(chain);
    let person = create_person(chain, &coop, "appl");
    let message =
        chain.fails(chain.peers.registrator, &[person.name], &application(coop.name, other_branches[0], &person));
    assert_eq!(message, ERR_BRANCH_NOT_FOUND);
}

#[test]
fn joincoop_with_a_branch_of_a_branched_cooperative_opens_an_application() {
    let chain = TestChain::shared();
    let (coop, branches) = branched_cooperative(chain);
    let person = create_person(chain, &coop, "appl");
    chain.sign_agreements(&coop, &person);
    let data = application(coop.name, branches[1], &person);
    let outcome = chain.ok(chain.peers.registrator, &[person.name], &data);
    let row = chain.row::<Applications>(chain.peers.registrator, coop.name, person.name.as_u64()).unwrap();
    assert_eq!(row.braname, branches[1]);
    assert_eq!(row.status, APPLICATION_OPEN);
    assert_eq!(row.statement_hash, data.statement.hash, "the table keeps the statement's hash");
    // The signed statement itself is public in the action's data, and nothing else is sent.
    let published = outcome.first_action().unwrap().decode_data::<Joincoop>().unwrap();
    assert_eq!(published.statement, data.statement);
    assert_eq!(outcome.action_traces.len(), 1, "no event or inline action");
    assert!(outcome.ram_delta(person.name) > 0, "the applicant pays their application");
    assert_eq!(outcome.ram_delta(chain.peers.registrator), 0);
}

#[test]
fn joincoop_in_an_unbranched_cooperative_takes_empty_or_existing_branches() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let branch = chain.unique_name("branch");
    createbranch(chain, &coop, branch);

    let first = create_person(chain, &coop, "appl");
    chain.sign_agreements(&coop, &first);
    chain.ok(chain.peers.registrator, &[first.name], &application(coop.name, Name::new(0), &first));
    let second = create_person(chain, &coop, "appl");
    chain.sign_agreements(&coop, &second);
    chain.ok(chain.peers.registrator, &[coop.name], &application(coop.name, branch, &second));
    let third = create_person(chain, &coop, "appl");
    let missing = application(coop.name, chain.unique_name("nobr"), &third);
    assert_eq!(chain.fails(chain.peers.registrator, &[third.name], &missing), ERR_BRANCH_NOT_FOUND);
}

#[test]
fn joincoop_rejects_a_statement_not_signed_by_the_applicant() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = create_person(chain, &coop, "appl");
    let stranger = Person::new(chain, "strngr");

    let foreign = stranger.signs(&chain.peers, "I apply to join", application(coop.name, Name::new(0), &person));
    assert_eq!(chain.fails(chain.peers.registrator, &[person.name], &foreign), ERR_KEY_NOT_SIGNERS);

    let mut mismatched = application(coop.name, Name::new(0), &person);
    mismatched.statement.public_key = stranger.key.public_key();
    assert_eq!(chain.fails(chain.peers.registrator, &[person.name], &mismatched), ERR_BAD_SIGNATURE);
}

#[test]
fn joincoop_rejects_bad_applicants() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = create_person(chain, &coop, "appl");
    let registrator = chain.peers.registrator;

    let no_card = Person::new(chain, "nocard");
    chain.create_account(no_card.name, no_card.key.public_key(), None);
    assert_eq!(
        chain.fails(registrator, &[no_card.name], &application(coop.name, Name::new(0), &no_card)),
        ERR_CARD_NOT_FOUND
    );

    let member = &coop.members[0];
    assert_eq!(
        chain.fails(registrator, &[member.name], &application(coop.name, Name::new(0), member)),
        ERR_ALREADY_PARTICIPANT
    );

    chain.sign_agreements(&coop, &person);
    chain.ok(registrator, &[person.name], &application(coop.name, Name::new(0), &person));
    let again = person.signs(&chain.peers, "Second application", application(coop.name, Name::new(0), &person));
    assert_eq!(chain.fails(registrator, &[person.name], &again), ERR_APPLICATION_EXISTS);

    let other = create_person(chain, &coop, "appl");
    let by_stranger =
        chain.push(registrator, &[person.name], &application(coop.name, Name::new(0), &other)).unwrap_err();
    assert_eq!(by_stranger.assertion_message(), Some(ERR_NOT_AUTHORIZED));
}

#[test]
fn acceptjoin_and_paidjoin_come_only_from_their_contracts_and_never_before_payment() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = create_person(chain, &coop, "appl");
    chain.apply(&coop, &person, Name::new(0));

    let accept = Acceptjoin { coopname: coop.name, username: person.name, decision_id: 1 };
    chain.denied(coop.name, &accept);
    // Even the soviet cannot accept an unpaid application.
    assert_eq!(chain.fails(chain.peers.registrator, &[chain.peers.soviet], &accept), ERR_APPLICATION_NOT_PAID);
    let paid = Paidjoin { coopname: coop.name, username: person.name, deposit_id: 1 };
    chain.denied(coop.name, &paid);
    assert!(chain.row::<Participants>(chain.peers.registrator, coop.name, person.name.as_u64()).is_none());

    // Once paid, the soviet alone still cannot accept: the cooperative, which pays the new
    // member's rows, must authorise it too (its `contracts` permission, in `exec`).
    let (deposit_id, _) = chain.pay_registration(&coop, &person, chain.registration_fee(&coop, TYPE_INDIVIDUAL));
    chain.confirm_deposit(&coop, deposit_id);
    let accept = Acceptjoin { decision_id: chain.decision_about(&coop, "joincoop", person.name).unwrap().id, ..accept };
    chain.denied(chain.peers.soviet, &accept);
    let application = chain.row::<Applications>(chain.peers.registrator, coop.name, person.name.as_u64()).unwrap();
    assert_eq!(application.status, APPLICATION_PAID);
    assert!(chain.row::<Participants>(chain.peers.registrator, coop.name, person.name.as_u64()).is_none());
}
