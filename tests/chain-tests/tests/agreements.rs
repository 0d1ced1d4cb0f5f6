//! Agreements (spec 3.2 step 1b): the kinds a cooperative keeps, signing them, the
//! application refused until all are signed, and raised versions.
use antelope_test_harness::cooperative::{Person, TestCoop};
use antelope_test_harness::fixture::TestChain;
use coop_protocol::registrator::{errors::*, *};
use coop_runtime::n;
use eosio::Name;

fn agree(coop: &TestCoop, person: &Person, kind: &str, version: u32) -> Agree {
    let data =
        Agree { coopname: coop.name, username: person.name, kind: n(kind), version, document: Default::default() };
    person.signs(&TestChain::shared().peers, &format!("{kind} agreement v{version}"), data)
}

fn applicant(chain: &TestChain, coop: &TestCoop) -> Person {
    chain.new_member_account(coop, "appl", "individual").0
}

fn joincoop(coop: &TestCoop, person: &Person) -> Joincoop {
    let data =
        Joincoop { coopname: coop.name, braname: Name::new(0), username: person.name, statement: Default::default() };
    person.signs(&TestChain::shared().peers, "I apply", data)
}

#[test]
fn connect_sets_the_four_default_agreements_at_version_one() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let kinds = chain.rows::<AgreementKinds>(chain.peers.registrator, coop.name);
    let mut names: Vec<String> = kinds.iter().map(|k| k.kind.to_string()).collect();
    names.sort();
    assert_eq!(names, ["privacy", "signature", "user", "wallet"]);
    assert!(kinds.iter().all(|k| k.version == 1));
}

#[test]
fn an_application_is_refused_until_every_agreement_is_signed() {
    let chain = TestChain::shared();
    let r = chain.peers.registrator;
    let coop = chain.new_cooperative();
    let person = applicant(chain, &coop);
    let first_kind = chain.rows::<AgreementKinds>(r, coop.name)[0].kind;
    assert_eq!(
        chain.fails(r, &[person.name], &joincoop(&coop, &person)),
        format!("{ERR_AGREEMENT_MISSING}{first_kind}")
    );

    for (count, kind) in ["wallet", "signature", "privacy"].into_iter().enumerate() {
        let data = agree(&coop, &person, kind, 1);
        let outcome = chain.ok(r, &[person.name], &data);
        // The signed document is public in the action's data; the person's row keeps its hash.
        assert_eq!(outcome.first_action().unwrap().decode_data::<Agree>().unwrap().document, data.document);
        let row = chain.row::<Agreements>(r, coop.name, person.name.as_u64()).unwrap();
        assert_eq!(row.signed.len(), count + 1);
        assert_eq!(
            row.signed.iter().find(|s| s.kind == n(kind)),
            Some(&SignedAgreement { kind: n(kind), version: 1, hash: data.document.hash })
        );
    }
    assert_eq!(chain.fails(r, &[person.name], &joincoop(&coop, &person)), format!("{ERR_AGREEMENT_MISSING}user"));
    chain.ok(r, &[person.name], &agree(&coop, &person, "user", 1));
    chain.ok(r, &[person.name], &joincoop(&coop, &person));
    assert!(chain.row::<Applications>(r, coop.name, person.name.as_u64()).is_some());
}

#[test]
fn agree_rejects_bad_input() {
    let chain = TestChain::shared();
    let r = chain.peers.registrator;
    let coop = chain.new_cooperative();
    let person = applicant(chain, &coop);

    assert_eq!(chain.fails(r, &[person.name], &agree(&coop, &person, "bylaws", 1)), ERR_UNKNOWN_AGREEMENT);
    assert_eq!(chain.fails(r, &[person.name], &agree(&coop, &person, "wallet", 2)), ERR_WRONG_VERSION);
    let foreign = coop.chairman.signs(&chain.peers, "wallet agreement v1", agree(&coop, &person, "wallet", 1));
    assert_eq!(chain.fails(r, &[person.name], &foreign), ERR_KEY_NOT_SIGNERS);
    chain.ok(r, &[person.name], &agree(&coop, &person, "wallet", 1));
    let twice = person.signs(&chain.peers, "again", agree(&coop, &person, "wallet", 1));
    assert_eq!(chain.fails(r, &[person.name], &twice), ERR_ALREADY_SIGNED);

    let stranger = Person::new(chain, "nocard");
    chain.create_account(stranger.name, stranger.key.public_key(), None);
    assert_eq!(chain.fails(r, &[stranger.name], &agree(&coop, &stranger, "wallet", 1)), ERR_CARD_NOT_FOUND);
    let mut unknown_coop = agree(&coop, &person, "privacy", 1);
    unknown_coop.coopname = chain.unique_name("nocoop");
    assert_eq!(chain.fails(r, &[person.name], &unknown_coop), ERR_COOP_NOT_FOUND);
    let error = chain.push(r, &[coop.chairman.name], &agree(&coop, &person, "privacy", 1)).unwrap_err();
    assert_eq!(error.assertion_message(), Some(ERR_NOT_AUTHORIZED));
}

#[test]
fn setagreement_and_rmagreement_belong_to_the_cooperative_and_check_versions() {
    let chain = TestChain::shared();
    let r = chain.peers.registrator;
    let coop = chain.new_cooperative();
    let set =
        |kind: &str, version: u32| Setagreement { coopname: coop.name, kind: n(kind), version, title: "T".into() };

    assert_eq!(chain.fails(r, &[coop.name], &set("wallet", 1)), ERR_VERSION_NOT_GREATER);
    assert_eq!(chain.fails(r, &[coop.name], &set("bylaws", 0)), ERR_VERSION_NOT_GREATER);
    chain.denied(coop.chairman.name, &set("wallet", 2));
    chain.ok(r, &[coop.name], &set("bylaws", 1));
    assert_eq!(chain.rows::<AgreementKinds>(r, coop.name).len(), 5);
    chain.ok(r, &[coop.name], &Rmagreement { coopname: coop.name, kind: n("bylaws") });
    let again = Rmagreement { coopname: coop.name, kind: n("bylaws") };
    assert_eq!(chain.fails(r, &[coop.name], &again), ERR_UNKNOWN_AGREEMENT);
    let other = chain.new_cooperative();
    chain.denied(other.name, &set("wallet", 2));
}

#[test]
fn a_raised_version_lists_who_must_sign_again_and_undoes_nothing() {
    let chain = TestChain::shared();
    let r = chain.peers.registrator;
    let coop = chain.new_cooperative();
    let member = chain.admit(&coop, "member", Name::new(0));
    let applicant_person = applicant(chain, &coop);
    chain.sign_agreements(&coop, &applicant_person);
    assert!(chain.outdated_agreements(coop.name, n("privacy"), 1).is_empty());

    let raise =
        Setagreement { coopname: coop.name, kind: n("privacy"), version: 2, title: "Privacy policy, 2027".into() };
    chain.ok(r, &[coop.name], &raise);
    let mut outdated: Vec<Name> =
        chain.outdated_agreements(coop.name, n("privacy"), 2).iter().map(|a| a.username).collect();
    outdated.sort_by_key(|n| n.as_u64());
    let mut expected = vec![member.name, applicant_person.name];
    expected.sort_by_key(|n| n.as_u64());
    assert_eq!(outdated, expected);
    assert!(chain.row::<Participants>(r, coop.name, member.name.as_u64()).is_some(), "nothing is undone");
    assert_eq!(
        chain.fails(r, &[applicant_person.name], &joincoop(&coop, &applicant_person)),
        format!("{ERR_AGREEMENT_MISSING}privacy")
    );

    // The outdated rows are whole rows: their other signatures are still current.
    for row in chain.outdated_agreements(coop.name, n("privacy"), 2) {
        assert_eq!(row.version_of(n("privacy")), Some(1));
        assert_eq!(row.signed.len(), 4, "{} signed every kind", row.username);
        assert!(row.signed.iter().all(|s| s.version == 1));
    }

    // Signing the new version replaces the old record.
    let resign = agree(&coop, &member, "privacy", 2);
    chain.ok(r, &[member.name], &resign);
    let remaining: Vec<Name> =
        chain.outdated_agreements(coop.name, n("privacy"), 2).iter().map(|a| a.username).collect();
    assert_eq!(remaining, vec![applicant_person.name]);
    let rows: Vec<Agreement> =
        chain.rows::<Agreements>(r, coop.name).into_iter().filter(|a| a.username == member.name).collect();
    assert_eq!(rows.len(), 1, "one row per person");
    let privacy: Vec<&SignedAgreement> = rows[0].signed.iter().filter(|s| s.kind == n("privacy")).collect();
    assert_eq!(privacy, vec![&SignedAgreement { kind: n("privacy"), version: 2, hash: resign.document.hash }]);
    assert_eq!(rows[0].signed.len(), 4);
}

#[test]
fn agreement_versions_only_grow_also_across_rmagreement() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let r = chain.peers.registrator;
    let set = |version: u32| Setagreement { coopname: coop.name, kind: n("privacy"), version, title: "Privacy".into() };
    chain.ok(r, &[coop.name], &set(2));
    let person = applicant(chain, &coop);
    chain.sign_agreements(&coop, &person);

    chain.ok(r, &[coop.name], &Rmagreement { coopname: coop.name, kind: n("privacy") });
    let retired = chain.row::<RetiredKinds>(r, coop.name, n("privacy").as_u64()).expect("the removed kind's version");
    assert_eq!(retired.version, 2);
    // Back at version 1 (or 2) would strand everyone who signed version 2: refused.
    for version in [1, 2] {
        assert_eq!(chain.fails(r, &[coop.name], &set(version)), ERR_VERSION_NOT_GREATER, "version {version}");
    }
    assert!(chain.row::<AgreementKinds>(r, coop.name, n("privacy").as_u64()).is_none(), "nothing written");

    chain.ok(r, &[coop.name], &set(3));
    assert!(chain.row::<RetiredKinds>(r, coop.name, n("privacy").as_u64()).is_none(), "no longer retired");
    // The person signs the new version and may apply.
    chain.ok(r, &[person.name], &agree(&coop, &person, "privacy", 3));
    chain.ok(r, &[person.name], &joincoop(&coop, &person));
}
