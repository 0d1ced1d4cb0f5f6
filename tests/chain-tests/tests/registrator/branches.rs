//! Branches and the `braname` rule.
use antelope_test_harness::cooperative::TestCoop;
use antelope_test_harness::fixture::TestChain;
use coop_protocol::registrator::{errors::*, *};
use eosio::Name;

pub fn createbranch(chain: &TestChain, coop: &TestCoop, braname: Name) {
    let data = Createbranch { coopname: coop.name, braname, trustee: coop.chairman.name, title: "Branch".into() };
    chain.ok(chain.peers.registrator, &[coop.name], &data);
}

fn coop_row(chain: &TestChain, coop: &TestCoop) -> Cooperative {
    chain.row::<Coops>(chain.peers.registrator, chain.peers.registrator, coop.name.as_u64()).unwrap()
}

/// A cooperative with three branches; returns their names.
pub fn branched_cooperative(chain: &TestChain) -> (TestCoop, Vec<Name>) {
    let coop = chain.new_cooperative();
    let names: Vec<Name> = (0..3).map(|_| chain.unique_name("branch")).collect();
    for name in &names {
        createbranch(chain, &coop, *name);
    }
    (coop, names)
}

#[test]
fn the_cooperative_becomes_branched_at_the_third_branch_and_stops_below_three() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let names: Vec<Name> = (0..3).map(|_| chain.unique_name("branch")).collect();
    createbranch(chain, &coop, names[0]);
    createbranch(chain, &coop, names[1]);
    assert!(!coop_row(chain, &coop).is_branched);
    assert_eq!(coop_row(chain, &coop).branch_count, 2);
    createbranch(chain, &coop, names[2]);
    assert!(coop_row(chain, &coop).is_branched);

    chain.ok(chain.peers.registrator, &[coop.name], &Deletebranch { coopname: coop.name, braname: names[1] });
    let row = coop_row(chain, &coop);
    assert!(!row.is_branched);
    assert_eq!(row.branch_count, 2);
    assert!(chain.row::<Branches>(chain.peers.registrator, coop.name, names[1].as_u64()).is_none());
}

#[test]
fn createbranch_rejects_bad_input() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let braname = chain.unique_name("branch");
    let make = |braname: Name, trustee: Name| Createbranch { coopname: coop.name, braname, trustee, title: "B".into() };

    let stranger = chain.unique_name("strngr");
    assert_eq!(
        chain.fails(chain.peers.registrator, &[coop.name], &make(braname, stranger)),
        ERR_TRUSTEE_NOT_INDIVIDUAL
    );
    assert_eq!(
        chain.fails(chain.peers.registrator, &[coop.name], &make(Name::new(0), coop.chairman.name)),
        ERR_BAD_BRANCH_NAME
    );
    createbranch(chain, &coop, braname);
    let mut again = make(braname, coop.chairman.name);
    again.title = "again".into();
    assert_eq!(chain.fails(chain.peers.registrator, &[coop.name], &again), ERR_BRANCH_EXISTS);
    let error = chain.push(
        chain.peers.registrator,
        &[coop.chairman.name],
        &make(chain.unique_name("branch"), coop.chairman.name),
    );
    assert_eq!(error.unwrap_err().name(), Some("missing_auth_exception"));
}

#[test]
fn a_branch_with_members_cannot_be_deleted() {
    let chain = TestChain::shared();
    let (coop, names) = branched_cooperative(chain);
    let member = &coop.members[0];
    let choose =
        Selectbranch { coopname: coop.name, username: member.name, braname: names[0], statement: Default::default() };
    let choose = member.signs(&chain.peers, "I choose my branch", choose);
    chain.ok(chain.peers.registrator, &[member.name], &choose);
    let participant = chain.row::<Participants>(chain.peers.registrator, coop.name, member.name.as_u64()).unwrap();
    assert_eq!(participant.braname, names[0]);
    let branch = chain.row::<Branches>(chain.peers.registrator, coop.name, names[0].as_u64()).unwrap();
    assert_eq!(branch.members, 1);

    let delete = Deletebranch { coopname: coop.name, braname: names[0] };
    assert_eq!(chain.fails(chain.peers.registrator, &[coop.name], &delete), ERR_BRANCH_HAS_MEMBERS);
    assert!(coop_row(chain, &coop).is_branched);

    // Moving to another branch frees the first one.
    let moved = member.signs(&chain.peers, "I move", Selectbranch { braname: names[1], ..choose.clone() });
    chain.ok(chain.peers.registrator, &[member.name], &moved);
    chain.ok(chain.peers.registrator, &[coop.name], &delete);
    assert!(!coop_row(chain, &coop).is_branched);
}

#[test]
fn selectbranch_rejects_bad_input() {
    let chain = TestChain::shared();
    let (coop, names) = branched_cooperative(chain);
    let member = &coop.members[1];
    let base =
        Selectbranch { coopname: coop.name, username: member.name, braname: names[2], statement: Default::default() };
    let base = member.signs(&chain.peers, "choice", base);

    let unknown = Selectbranch { braname: chain.unique_name("nobr"), ..base.clone() };
    assert_eq!(chain.fails(chain.peers.registrator, &[member.name], &unknown), ERR_BRANCH_NOT_FOUND);
    let forged = coop.chairman.signs(&chain.peers, "choice", base.clone());
    assert_eq!(chain.fails(chain.peers.registrator, &[member.name], &forged), ERR_KEY_NOT_SIGNERS);
    let (not_yet_member, _) = chain.new_member_account(&coop, "outsdr", "individual");
    let outsider = Selectbranch { username: not_yet_member.name, ..base.clone() };
    assert_eq!(chain.fails(chain.peers.registrator, &[coop.name], &outsider), ERR_NOT_PARTICIPANT);
    chain.ok(chain.peers.registrator, &[member.name], &base);
    let same = member.signs(&chain.peers, "again", base.clone());
    assert_eq!(chain.fails(chain.peers.registrator, &[member.name], &same), ERR_SAME_BRANCH);
    let by_stranger = chain.push(chain.peers.registrator, &[coop.chairman.name], &same).unwrap_err();
    assert_eq!(by_stranger.assertion_message(), Some(ERR_NOT_AUTHORIZED));
}

#[test]
fn only_the_cooperative_deletes_its_branch() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let other = chain.new_cooperative();
    let braname = chain.unique_name("branch");
    createbranch(chain, &coop, braname);
    let delete = Deletebranch { coopname: coop.name, braname };
    let r = chain.peers.registrator;
    for signer in [coop.chairman.name, coop.members[0].name, other.name, coop.provider] {
        chain.denied(signer, &delete);
    }
    // Neither the provider's permission nor the council's (only the soviet's code) reaches it.
    for permission in [coop_protocol::operator::PROVIDER_PERMISSION, coop_protocol::soviet::council::COUNCIL_PERMISSION]
    {
        let level = coop_runtime::action::level(coop.name, permission);
        let error = chain.push_as(r, &[level], &delete).unwrap_err();
        assert!(
            matches!(error.name(), Some("irrelevant_auth_exception" | "unsatisfied_authorization")),
            "{permission}: {error}"
        );
    }
    assert!(chain.row::<Branches>(r, coop.name, braname.as_u64()).is_some(), "the branch stays");
    chain.ok(r, &[coop.name], &delete);
    assert!(chain.row::<Branches>(r, coop.name, braname.as_u64()).is_none());
}
