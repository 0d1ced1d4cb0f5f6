//! The whole path driven only by cleos with JSON and the deployed ABIs: any client can
//! drive it. The application and the authorisation are signed as a cleos user signs them
//! (README, "Documents: what a signature covers"): the consent digest computed from the
//! action's context, signed by keosd (`/v1/wallet/sign_digest`).
use antelope_test_harness::cleos::{Cleos, Wallet};
use antelope_test_harness::cooperative::{sha256, Person, TestCoop};
use antelope_test_harness::fixture::TestChain;
use antelope_test_harness::keys::{public_key_to_legacy, signature_to_string};
use coop_protocol::consent::Consent;
use coop_protocol::registrator::{Agree, Participants};
use coop_protocol::wallet::Deposits;
use coop_runtime::{n, Document};
use serde_json::{json, Value};

fn document(doc: &Document) -> Value {
    json!({
        "hash": hex::encode(doc.hash.to_bytes()),
        "public_key": public_key_to_legacy(&doc.public_key),
        "signature": signature_to_string(&doc.signature),
        "meta": doc.meta,
    })
}

/// A document with this text signed by keosd with `person`'s key for `consent`: SHA-256 of
/// the text, then `sha256(hash ‖ packed consent)` signed through `sign_digest`.
fn signed_by_wallet(wallet: &Wallet, person: &Person, text: &str, consent: &Consent) -> Value {
    let hash = sha256(text.as_bytes());
    let digest = consent.digest(&hash, sha256);
    let public_key = public_key_to_legacy(&person.key.public_key());
    let signature = wallet.sign_digest(&hex::encode(digest), &public_key).expect("keosd signs the digest");
    json!({ "hash": hex::encode(hash), "public_key": public_key, "signature": signature, "meta": "{}" })
}

struct Client<'a> {
    cleos: Cleos,
    chain: &'a TestChain,
}

impl Client<'_> {
    fn push(&self, contract: eosio::Name, action: &str, data: Value, actor: eosio::Name) {
        self.cleos
            .push_action(&contract.to_string(), action, &data, &format!("{actor}@active"))
            .unwrap_or_else(|e| panic!("cleos {contract}::{action} failed: {}", e.reason()));
    }
}

#[test]
fn the_whole_path_through_cleos_with_json() {
    let chain = TestChain::shared();
    let p = chain.peers;
    let coop: TestCoop = chain.new_cooperative();
    let person = Person::new(chain, "cleos");
    let wallet = Wallet::start().unwrap();
    for key in [&coop.key, &person.key, &coop.chairman.key, &coop.members[0].key, &coop.members[1].key] {
        wallet.import(&key.to_wif()).unwrap();
    }
    let client = Client { cleos: Cleos::new(chain.url(), &wallet), chain };
    let name = |n: eosio::Name| n.to_string();

    client.push(
        p.registrator,
        "newaccount",
        json!({
            "coopname": name(coop.name), "username": name(person.name), "type": "individual",
            "public_key": public_key_to_legacy(&person.key.public_key()), "referer": "", "meta": "{}",
        }),
        coop.name,
    );
    for kind in ["wallet", "signature", "privacy", "user"] {
        let agree = Agree {
            coopname: coop.name,
            username: person.name,
            kind: n(kind),
            version: 1,
            document: Document::default(),
        };
        let agree = person.signs(&p, &format!("{kind} agreement"), agree);
        client.push(
            p.registrator,
            "agree",
            json!({
                "coopname": name(coop.name), "username": name(person.name), "kind": kind, "version": 1,
                "document": document(&agree.document),
            }),
            person.name,
        );
    }
    let application = Consent {
        contract: p.registrator,
        action: n("joincoop"),
        coopname: coop.name,
        signer: person.name,
        ..Consent::default()
    };
    client.push(
        p.registrator,
        "joincoop",
        json!({
            "coopname": name(coop.name), "braname": "", "username": name(person.name),
            "statement": signed_by_wallet(&wallet, &person, "I apply, through cleos", &application),
        }),
        person.name,
    );
    client.push(
        p.wallet,
        "deposit",
        json!({
            "coopname": name(coop.name), "username": name(person.name), "kind": "registration",
            "quantity": "400.0000 RUB", "memo": "via cleos",
        }),
        person.name,
    );
    let deposit =
        client.chain.rows::<Deposits>(p.wallet, coop.name).into_iter().find(|d| d.username == person.name).unwrap();
    client.push(
        p.wallet,
        "confirm",
        json!({
            "coopname": name(coop.name), "deposit_id": deposit.id, "memo": "received",
        }),
        coop.name,
    );
    let decision = chain.decision_about(&coop, "joincoop", person.name).unwrap();
    for voter in coop.council() {
        client.push(
            p.soviet,
            "votefor",
            json!({
                "coopname": name(coop.name), "member": name(voter.name), "decision_id": decision.id,
            }),
            voter.name,
        );
    }
    let authorization = Consent {
        contract: p.soviet,
        action: n("authorize"),
        coopname: coop.name,
        signer: coop.chairman.name,
        number: decision.id,
        ..Consent::default()
    };
    let text = "Decision of the council, through cleos";
    client.push(
        p.soviet,
        "authorize",
        json!({
            "coopname": name(coop.name), "chairman": name(coop.chairman.name), "decision_id": decision.id,
            "document": signed_by_wallet(&wallet, &coop.chairman, text, &authorization),
        }),
        coop.chairman.name,
    );
    client.push(
        p.soviet,
        "exec",
        json!({
            "executer": name(person.name), "coopname": name(coop.name), "decision_id": decision.id,
        }),
        person.name,
    );

    let participant = chain.row::<Participants>(p.registrator, coop.name, person.name.as_u64()).unwrap();
    assert!(participant.is_accepted_individual());
}
