//! A cooperative acts for a person only when it created their account; otherwise the
//! person signs. Statements are public, so another cooperative must not be able to replay
//! them to make someone its member, sign agreements for them, or take their account.
use antelope_test_harness::cooperative::{council_action, rub, TestCoop};
use antelope_test_harness::deploy::permission_authority;
use antelope_test_harness::fixture::{expect_assertion, TestChain};
use antelope_test_harness::keys::public_key_to_legacy;
use coop_protocol::registrator::{errors::*, *};
use coop_runtime::n;
use coop_runtime::system::ACTIVE;
use eosio::Name;

/// `person` (created by another cooperative) joins `coop` by signing themselves.
fn join_by_themselves(chain: &TestChain, coop: &TestCoop, person: &antelope_test_harness::cooperative::Person) {
    chain.apply(coop, person, Name::new(0));
    let (deposit_id, _) = chain.pay_registration(coop, person, rub("400.0000"));
    chain.confirm_deposit(coop, deposit_id);
    let decision = chain.decision_about(coop, "joincoop", person.name).unwrap();
    for voter in coop.council() {
        chain.vote_for(coop, voter, decision.id);
    }
    chain.authorize(coop, decision.id);
    chain.exec(coop, person.name, decision.id);
}

#[test]
fn another_cooperative_cannot_apply_or_agree_for_someone_elses_member() {
    let chain = TestChain::shared();
    let r = chain.peers.registrator;
    let home = chain.new_cooperative();
    let other = chain.new_cooperative();
    let (person, _) = chain.new_member_account(&home, "victim", "individual");
    // The signed agreements are public: they are the data of the person's `agree` actions.
    let signed: Vec<Agree> = chain
        .sign_agreements(&home, &person)
        .iter()
        .map(|outcome| outcome.first_action().unwrap().decode_data::<Agree>().unwrap())
        .collect();
    let published = signed.into_iter().find(|a| a.kind == n("wallet")).unwrap();

    let replayed = Agree { coopname: other.name, ..published };
    assert_eq!(chain.fails(r, &[other.name], &replayed), ERR_NOT_AUTHORIZED);
    assert!(chain.row::<Agreements>(r, other.name, person.name.as_u64()).is_none());
    let application =
        Joincoop { coopname: other.name, braname: Name::new(0), username: person.name, statement: Default::default() };
    let application = person.signs(&chain.peers, "x", application);
    assert_eq!(chain.fails(r, &[other.name], &application), ERR_NOT_AUTHORIZED);
    // The home cooperative, which created the account, may act for the person.
    let home_application = person.signs(&chain.peers, "x", Joincoop { coopname: home.name, ..application });
    chain.ok(r, &[home.name], &home_application);
}

#[test]
fn changekey_is_only_for_the_cooperative_that_created_the_account() {
    let chain = TestChain::shared();
    let home = chain.new_cooperative();
    let other = chain.new_cooperative();
    let (person, _) = chain.new_member_account(&home, "twocp", "individual");
    join_by_themselves(chain, &other, &person);
    assert!(chain.row::<Participants>(chain.peers.registrator, other.name, person.name.as_u64()).is_some());

    // Even the other cooperative's council, the only way to `changekey`, cannot take the
    // account: the decision is authorised but its execution is refused.
    let takeover = Changekey { coopname: other.name, username: person.name, public_key: other.key.public_key() };
    let action = council_action(chain.peers.registrator, &takeover);
    let refused = chain.council_decides(&other, vec![action]);
    assert_eq!(expect_assertion(refused, chain.peers.soviet, n("exec")), ERR_NOT_COOPS_CARD);
    let active = permission_authority(&chain.client, person.name, ACTIVE).unwrap();
    assert_eq!(public_key_to_legacy(&active.keys[0].key), public_key_to_legacy(&person.key.public_key()));
}

#[test]
fn a_branch_named_by_an_application_cannot_be_deleted_and_long_metas_are_refused() {
    let chain = TestChain::shared();
    let r = chain.peers.registrator;
    let coop = chain.new_cooperative();
    let braname = chain.unique_name("branch");
    let branch = Createbranch { coopname: coop.name, braname, trustee: coop.chairman.name, title: "B".into() };
    chain.ok(r, &[coop.name], &branch);
    let (person, _) = chain.new_member_account(&coop, "appl", "individual");

    let long = Joincoop { coopname: coop.name, braname, username: person.name, statement: Default::default() };
    let mut long = person.signs(&chain.peers, "I apply", long);
    long.statement.meta = "x".repeat(coop_protocol::soviet::MAX_DOCUMENT_META + 1);
    assert_eq!(chain.fails(r, &[person.name], &long), ERR_META_TOO_LONG);

    chain.apply(&coop, &person, braname);
    assert_eq!(chain.row::<Branches>(r, coop.name, braname.as_u64()).unwrap().applications, 1);
    let delete = Deletebranch { coopname: coop.name, braname };
    assert_eq!(chain.fails(r, &[coop.name], &delete), ERR_BRANCH_HAS_MEMBERS);
}
