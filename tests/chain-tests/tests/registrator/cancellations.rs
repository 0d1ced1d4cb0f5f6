//! `cancelapp`: an application nobody paid for is withdrawn by the applicant or dropped by
//! the cooperative, so a stranger's abandoned application cannot hold a branch forever.
use super::accounts::create_person;
use super::branches::branched_cooperative;
use antelope_test_harness::cooperative::Person;
use antelope_test_harness::fixture::TestChain;
use coop_protocol::registrator::{errors::*, *};
use coop_protocol::wallet::{Cancel, Deposit, KIND_REGISTRATION};
use eosio::Name;

fn apply(chain: &TestChain, coopname: Name, braname: Name, person: &Person) -> Joincoop {
    let data = Joincoop { coopname, braname, username: person.name, statement: Default::default() };
    let data = person.signs(&chain.peers, "I apply to join", data);
    chain.ok(chain.peers.registrator, &[person.name], &data);
    data
}

fn branch(chain: &TestChain, coopname: Name, braname: Name) -> Branch {
    chain.row::<Branches>(chain.peers.registrator, coopname, braname.as_u64()).expect("the branch exists")
}

#[test]
fn a_cooperative_drops_a_strangers_unpaid_application_and_can_delete_the_branch() {
    let chain = TestChain::shared();
    let (coop, branches) = branched_cooperative(chain);
    // The applicant's account was created by another cooperative.
    let elsewhere = chain.new_cooperative();
    let stranger = create_person(chain, &elsewhere, "strngr");
    chain.sign_agreements(&coop, &stranger);
    apply(chain, coop.name, branches[0], &stranger);
    assert_eq!(branch(chain, coop.name, branches[0]).applications, 1);
    let delete = Deletebranch { coopname: coop.name, braname: branches[0] };
    assert_eq!(chain.fails(chain.peers.registrator, &[coop.name], &delete), ERR_BRANCH_HAS_MEMBERS);

    let cancel = Cancelapp { coopname: coop.name, username: stranger.name };
    let outcome = chain.ok(chain.peers.registrator, &[coop.name], &cancel);

    assert!(chain.row::<Applications>(chain.peers.registrator, coop.name, stranger.name.as_u64()).is_none());
    assert!(outcome.ram_delta(stranger.name) < 0, "the applicant gets their RAM back: {:?}", outcome.ram_deltas);
    assert_eq!(branch(chain, coop.name, branches[0]).applications, 0);
    chain.ok(chain.peers.registrator, &[coop.name], &delete);
}

#[test]
fn an_applicant_withdraws_their_own_application_and_may_apply_again() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = create_person(chain, &coop, "appl");
    chain.sign_agreements(&coop, &person);
    let data = apply(chain, coop.name, Name::new(0), &person);

    chain.ok(chain.peers.registrator, &[person.name], &Cancelapp { coopname: coop.name, username: person.name });
    assert!(chain.row::<Applications>(chain.peers.registrator, coop.name, person.name.as_u64()).is_none());
    let again = person.signs(&chain.peers, "I apply again", data);
    chain.ok(chain.peers.registrator, &[person.name], &again);
}

#[test]
fn cancelapp_refuses_others_paid_applications_and_pending_deposits() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let person = create_person(chain, &coop, "appl");
    let cancel = Cancelapp { coopname: coop.name, username: person.name };
    let r = chain.peers.registrator;
    assert_eq!(chain.fails(r, &[person.name], &cancel), ERR_APPLICATION_NOT_FOUND);
    chain.sign_agreements(&coop, &person);
    apply(chain, coop.name, Name::new(0), &person);
    let before = chain.row::<Applications>(r, coop.name, person.name.as_u64());

    let stranger = create_person(chain, &coop, "other");
    assert_eq!(chain.fails(r, &[stranger.name], &cancel), ERR_CANCEL_AUTH);
    let other_coop = chain.new_cooperative();
    assert_eq!(chain.fails(r, &[other_coop.name], &cancel), ERR_CANCEL_AUTH);

    let fee = chain.registration_fee(&coop, TYPE_INDIVIDUAL);
    let deposit = Deposit {
        coopname: coop.name,
        username: person.name,
        kind: KIND_REGISTRATION,
        quantity: fee,
        memo: String::new(),
    };
    let deposit_id: u64 = chain.ok(chain.peers.wallet, &[person.name], &deposit).return_value();
    assert_eq!(chain.fails(r, &[person.name], &cancel), ERR_APPLICATION_HAS_DEPOSIT);
    assert_eq!(chain.row::<Applications>(r, coop.name, person.name.as_u64()), before, "nothing changed");

    // Paid: the council decides, the application cannot be withdrawn.
    chain.confirm_deposit(&coop, deposit_id);
    assert_eq!(chain.fails(r, &[person.name], &cancel), ERR_APPLICATION_NOT_OPEN);

    // A pending deposit cancelled first lets the application go.
    let other = create_person(chain, &coop, "appl");
    chain.sign_agreements(&coop, &other);
    apply(chain, coop.name, Name::new(0), &other);
    let deposit = Deposit { username: other.name, ..deposit };
    let deposit_id: u64 = chain.ok(chain.peers.wallet, &[other.name], &deposit).return_value();
    let cancel_deposit = Cancel { coopname: coop.name, deposit_id, reason: "no money came".into() };
    chain.ok(chain.peers.wallet, &[coop.name], &cancel_deposit);
    chain.ok(r, &[other.name], &Cancelapp { coopname: coop.name, username: other.name });
}
