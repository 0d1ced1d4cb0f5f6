//! The `agreements` table: one row per person and cooperative, with one entry per kind
//! holding the version and the hash of the document the person signed (the document
//! itself is the data of their `agree` action).
use super::accounts::create_person;
use antelope_test_harness::client::PushOutcome;
use antelope_test_harness::fixture::TestChain;
use coop_protocol::registrator::{errors::*, *};
use coop_runtime::n;

fn agreed(outcome: &PushOutcome) -> Agree {
    outcome.first_action().unwrap().decode_data::<Agree>().unwrap()
}

#[test]
fn a_persons_row_holds_one_entry_per_kind_and_a_raised_version_replaces_its_entry() {
    let chain = TestChain::shared();
    let r = chain.peers.registrator;
    let coop = chain.new_cooperative();
    let person = create_person(chain, &coop, "signer");
    assert!(chain.row::<Agreements>(r, coop.name, person.name.as_u64()).is_none());

    let outcomes = chain.sign_agreements(&coop, &person);
    assert_eq!(outcomes.len(), 4);
    for outcome in &outcomes {
        assert!(outcome.ram_delta(person.name) > 0, "the signer pays the row");
        assert_eq!(outcome.ram_delta(r), 0, "the registrator pays nothing");
    }
    let expected: Vec<SignedAgreement> = outcomes
        .iter()
        .map(agreed)
        .map(|a| SignedAgreement { kind: a.kind, version: a.version, hash: a.document.hash })
        .collect();
    let row = chain.row::<Agreements>(r, coop.name, person.name.as_u64()).unwrap();
    assert_eq!(row.username, person.name);
    assert_eq!(row.signed, expected, "one entry per kind, in the order signed, with the documents' hashes");
    let mut kinds: Vec<String> = row.signed.iter().map(|s| s.kind.to_string()).collect();
    kinds.sort();
    assert_eq!(kinds, ["privacy", "signature", "user", "wallet"]);
    assert_eq!(chain.rows::<Agreements>(r, coop.name).len(), 1, "one row for the one person who signed");

    // A raised version: signing it again replaces that entry; the row keeps its size.
    let raise = Setagreement { coopname: coop.name, kind: n("user"), version: 2, title: "User agreement, 2027".into() };
    chain.ok(r, &[coop.name], &raise);
    let resign =
        Agree { coopname: coop.name, username: person.name, kind: n("user"), version: 2, document: Default::default() };
    let resign = person.signs(&chain.peers, "User agreement, 2027, version 2", resign);
    let outcome = chain.ok(r, &[person.name], &resign);
    assert_eq!(outcome.ram_delta(person.name), 0, "the entry is replaced, not added");
    let row = chain.row::<Agreements>(r, coop.name, person.name.as_u64()).unwrap();
    assert_eq!(row.signed.len(), 4);
    assert_eq!(row.version_of(n("user")), Some(2));
    let user = SignedAgreement { kind: n("user"), version: 2, hash: resign.document.hash };
    assert_eq!(row.signed.iter().filter(|s| s.kind == n("user")).collect::<Vec<_>>(), vec![&user]);
    for entry in expected.iter().filter(|e| e.kind != n("user")) {
        assert!(row.signed.contains(entry), "{} is untouched", entry.kind);
    }
    assert_eq!(chain.rows::<Agreements>(r, coop.name).len(), 1, "still one row per person");
    let twice = person.signs(&chain.peers, "User agreement, version 2, again", resign.clone());
    assert_eq!(chain.fails(r, &[person.name], &twice), ERR_ALREADY_SIGNED);
    let old = person.signs(&chain.peers, "User agreement, version 1, again", Agree { version: 1, ..resign });
    assert_eq!(chain.fails(r, &[person.name], &old), ERR_WRONG_VERSION);

    // A removed kind leaves the row at the person's next signature. The cooperative that
    // created the account signs this one for them, and takes the row's RAM over.
    chain.ok(r, &[coop.name], &Rmagreement { coopname: coop.name, kind: n("privacy") });
    chain.ok(r, &[coop.name], &Setagreement { coopname: coop.name, kind: n("wallet"), version: 2, title: "W".into() });
    let by_coop = Agree {
        coopname: coop.name,
        username: person.name,
        kind: n("wallet"),
        version: 2,
        document: Default::default(),
    };
    let by_coop = person.signs(&chain.peers, "Wallet agreement, version 2", by_coop);
    let outcome = chain.ok(r, &[coop.name], &by_coop);
    assert!(outcome.ram_delta(person.name) < 0 && outcome.ram_delta(coop.name) > 0, "{:?}", outcome.ram_deltas);
    let row = chain.row::<Agreements>(r, coop.name, person.name.as_u64()).unwrap();
    assert_eq!(row.version_of(n("privacy")), None);
    assert_eq!(row.version_of(n("wallet")), Some(2));
    assert_eq!(row.version_of(n("user")), Some(2));
    assert_eq!(row.version_of(n("signature")), Some(1));
    assert_eq!(row.signed.len(), 3);
    assert_eq!(chain.rows::<Agreements>(r, coop.name).len(), 1);
}
