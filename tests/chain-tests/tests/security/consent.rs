//! Consent bound to context: a signed document is accepted only for the action, cooperative,
//! person, subject, number and terms it was signed for (`coop_protocol::consent`). Every
//! replay found on the localnet — a document accepted for one thing pushed again for
//! another — is refused with its exact message and writes nothing.
use super::common::chain;
use antelope_test_harness::client::PushOutcome;
use antelope_test_harness::cooperative::{council_action, rub, Person, TestCoop};
use antelope_test_harness::fixture::TestChain;
use antelope_test_harness::keys::PrivateKey;
use coop_protocol::operator::{Connect, ConnectionRequest, CoopnameClaim, Coopnames, Reject, Request, Requests};
use coop_protocol::registrator::{
    errors::ERR_BAD_SIGNATURE, Agree, Agreements, Createbranch, Joincoop, Newaccount, Selectbranch, Setagreement,
    TYPE_INDIVIDUAL,
};
use coop_protocol::soviet::{Authorize, CouncilAction, Decision, Decisions, Freedecision, Setttl, STATUS_OPEN};
use coop_protocol::wallet::{Confirm, Deposit, Wallets, Withdraw, KIND_SHARE};
use coop_runtime::{n, Document};
use eosio::Name;

/// A free decision of `coop` carrying `actions`, asked by a council member (each in turn:
/// a proposer has at most three open) and approved by the whole council (not authorised
/// yet); returns its id.
fn approved_question(chain: &TestChain, coop: &TestCoop, actions: Vec<CouncilAction>) -> u64 {
    let council = coop.council();
    let open = chain.rows::<Decisions>(chain.peers.soviet, coop.name).len();
    let proposer = council[open % council.len()];
    let data = Freedecision { coopname: coop.name, proposer: proposer.name, statement: Document::default(), actions };
    let data = proposer.signs(&chain.peers, "A question to the council", data);
    let id: u64 = chain.ok(chain.peers.soviet, &[proposer.name], &data).return_value();
    for voter in coop.council() {
        chain.vote_for(coop, voter, id);
    }
    id
}

/// Decision `id` of `coop`.
fn decision(chain: &TestChain, coop: &TestCoop, id: u64) -> Decision {
    chain.row::<Decisions>(chain.peers.soviet, coop.name, id).expect("the decision is on the agenda")
}

/// `soviet::setttl` of `coop` to `seconds`, as a decision carries it.
fn ttl(chain: &TestChain, coop: &TestCoop, seconds: u32) -> CouncilAction {
    council_action(chain.peers.soviet, &Setttl { coopname: coop.name, seconds })
}

/// A new cooperative whose chairman's account has `key`, as when one person chairs two.
fn cooperative_chaired_with(chain: &TestChain, key: &PrivateKey) -> TestCoop {
    let provider = chain.provider();
    let (request, coop_key, mut chairman, members) = chain.coop_request(provider, 2);
    chairman.key = key.clone();
    let request = Request { chairman: chairman.founder(), ..request };
    let request = chairman.signs(&chain.peers, "Application to connect the cooperative", request);
    let request_id: u64 = chain.ok(chain.peers.operator, &[provider], &request).return_value();
    chain.ok(chain.peers.operator, &[chain.peers.operator], &Connect { request_id });
    TestCoop { name: request.coopname, key: coop_key, provider, chairman, members, request_id }
}

#[test]
fn the_authorisation_of_one_decision_is_refused_for_another() {
    let chain = chain();
    let coop = chain.new_cooperative();
    let s = chain.peers.soviet;
    let actions = vec![ttl(chain, &coop, 3600)];
    let first = approved_question(chain, &coop, actions.clone());
    let same_actions = approved_question(chain, &coop, actions.clone());
    let other_actions = approved_question(chain, &coop, vec![ttl(chain, &coop, 60)]);
    let no_actions = approved_question(chain, &coop, vec![]);
    let authorized = coop.chairman.authorization(&chain.peers, coop.name, first, &actions, "Decision of the council");
    chain.ok(s, &[coop.chairman.name], &authorized);
    let before = chain.packed_tables(coop.name, &[(s, "decisions")]);

    for other in [same_actions, other_actions, no_actions] {
        let replayed = Authorize { decision_id: other, ..authorized.clone() };
        assert_eq!(chain.fails(s, &[coop.chairman.name], &replayed), ERR_BAD_SIGNATURE, "decision {other}");
        let row = decision(chain, &coop, other);
        assert_eq!((row.status, row.authorized_by), (STATUS_OPEN, Name::new(0)), "decision {other}");
    }
    assert_eq!(chain.packed_tables(coop.name, &[(s, "decisions")]), before, "nothing written");
}

#[test]
fn the_authorisation_of_a_decision_in_one_cooperative_is_refused_in_another() {
    let chain = chain();
    let s = chain.peers.soviet;
    let home = chain.new_cooperative();
    let id = approved_question(chain, &home, vec![]);
    let authorized = home.chairman.authorization(&chain.peers, home.name, id, &[], "Decision of the council");
    chain.ok(s, &[home.chairman.name], &authorized);
    // The same person chairs another cooperative, with the same key, where a decision has
    // the same id.
    let other = cooperative_chaired_with(chain, &home.chairman.key);
    let mut same_id = 0;
    while same_id < id {
        same_id = approved_question(chain, &other, vec![]);
    }
    assert_eq!(same_id, id, "decision ids count per cooperative");
    let before = chain.packed_tables(other.name, &[(s, "decisions")]);

    let replayed = Authorize { coopname: other.name, chairman: other.chairman.name, ..authorized };
    assert_eq!(chain.fails(s, &[other.chairman.name], &replayed), ERR_BAD_SIGNATURE);
    assert_eq!(chain.packed_tables(other.name, &[(s, "decisions")]), before, "nothing written");
}

#[test]
fn a_free_decision_statement_is_refused_as_its_authorisation() {
    let chain = chain();
    let coop = chain.new_cooperative();
    let s = chain.peers.soviet;
    // The chairman asks the question themselves: their statement is public.
    let question = Freedecision {
        coopname: coop.name,
        proposer: coop.chairman.name,
        statement: Document::default(),
        actions: vec![],
    };
    let question = coop.chairman.signs(&chain.peers, "A question to the council", question);
    let id: u64 = chain.ok(s, &[coop.chairman.name], &question).return_value();
    for voter in coop.council() {
        chain.vote_for(&coop, voter, id);
    }
    let before = chain.packed_tables(coop.name, &[(s, "decisions")]);

    let replayed =
        Authorize { coopname: coop.name, chairman: coop.chairman.name, decision_id: id, document: question.statement };
    assert_eq!(chain.fails(s, &[coop.chairman.name], &replayed), ERR_BAD_SIGNATURE);
    assert_eq!(decision(chain, &coop, id).status, STATUS_OPEN);
    assert_eq!(chain.packed_tables(coop.name, &[(s, "decisions")]), before, "nothing written");
}

#[test]
fn an_agreement_signature_is_refused_for_another_version_or_kind() {
    let chain = chain();
    let r = chain.peers.registrator;
    let coop = chain.new_cooperative();
    let (person, _) = chain.new_member_account(&coop, "agrees", "individual");
    let privacy = Agree {
        coopname: coop.name,
        username: person.name,
        kind: n("privacy"),
        version: 1,
        document: Document::default(),
    };
    let privacy = person.signs(&chain.peers, "Privacy policy, version 1", privacy);
    chain.ok(r, &[person.name], &privacy);
    let raise = Setagreement { coopname: coop.name, kind: n("privacy"), version: 2, title: "Privacy, 2027".into() };
    chain.ok(r, &[coop.name], &raise);
    let tables = [(r, "agreements")];
    let before = chain.packed_tables(coop.name, &tables);

    // The cooperative created the account, so it may push `agree` for the person: with the
    // document of version 1, copied from the history, for version 2 and for another kind.
    let as_v2 = Agree { version: 2, ..privacy.clone() };
    assert_eq!(chain.fails(r, &[coop.name], &as_v2), ERR_BAD_SIGNATURE);
    let as_user = Agree { kind: n("user"), ..privacy.clone() };
    assert_eq!(chain.fails(r, &[coop.name], &as_user), ERR_BAD_SIGNATURE);
    let row = chain.row::<Agreements>(r, coop.name, person.name.as_u64()).unwrap();
    assert_eq!((row.version_of(n("privacy")), row.version_of(n("user"))), (Some(1), None));
    assert_eq!(chain.packed_tables(coop.name, &tables), before, "nothing written");

    // The person's own signature of version 2 is accepted.
    let renewed = person.signs(&chain.peers, "Privacy policy, version 2", as_v2);
    chain.ok(r, &[coop.name], &renewed);
}

#[test]
fn an_application_to_one_cooperative_is_refused_in_another() {
    let chain = chain();
    let r = chain.peers.registrator;
    // `home` created the person's account, so it may push `joincoop` for them; the person
    // applied to `other` by themselves, and that statement is public.
    let home = chain.new_cooperative();
    let other = chain.new_cooperative();
    let (person, _) = chain.new_member_account(&home, "twocp", "individual");
    chain.sign_agreements(&home, &person);
    let applied: Joincoop = chain.apply(&other, &person, Name::new(0)).first_action().unwrap().decode_data().unwrap();
    let tables = [(r, "applications")];
    let before = chain.packed_tables(home.name, &tables);

    let replayed = Joincoop { coopname: home.name, ..applied };
    assert_eq!(chain.fails(r, &[home.name], &replayed), ERR_BAD_SIGNATURE);
    assert_eq!(chain.packed_tables(home.name, &tables), before, "no application in the other cooperative");
}

#[test]
fn a_persons_documents_are_refused_for_another_person_with_the_same_key() {
    let chain = chain();
    let r = chain.peers.registrator;
    let coop = chain.new_cooperative();
    let (person, _) = chain.new_member_account(&coop, "orig", "individual");
    let signed: Vec<Agree> = chain
        .sign_agreements(&coop, &person)
        .iter()
        .map(|outcome| outcome.first_action().unwrap().decode_data().unwrap())
        .collect();
    let applied: Joincoop = chain.apply(&coop, &person, Name::new(0)).first_action().unwrap().decode_data().unwrap();
    // Through its provider, the cooperative creates a second account with the person's
    // (public) key, then pushes the person's documents as that account's consent.
    let double = Person { name: chain.unique_name("double"), key: person.key.clone() };
    let account = Newaccount {
        coopname: coop.name,
        username: double.name,
        r#type: TYPE_INDIVIDUAL,
        public_key: person.key.public_key(),
        referer: Name::new(0),
        meta: "{}".into(),
    };
    chain.provider_act(&coop, r, &account).expect("the provider creates the account");
    let tables = [(r, "agreements"), (r, "applications")];
    let before = chain.packed_tables(coop.name, &tables);

    for agreement in signed {
        let replayed = Agree { username: double.name, ..agreement };
        let refused = chain.provider_act(&coop, r, &replayed).unwrap_err();
        assert_eq!(refused.assertion_message(), Some(ERR_BAD_SIGNATURE), "{}", replayed.kind);
    }
    let replayed = Joincoop { username: double.name, ..applied };
    assert_eq!(chain.provider_act(&coop, r, &replayed).unwrap_err().assertion_message(), Some(ERR_BAD_SIGNATURE));
    assert_eq!(chain.packed_tables(coop.name, &tables), before, "nothing written for the second account");
}

#[test]
fn a_branch_choice_is_refused_for_another_branch() {
    let chain = chain();
    let r = chain.peers.registrator;
    let coop = chain.new_cooperative();
    let branches: Vec<Name> = (0..2)
        .map(|_| {
            let braname = chain.unique_name("branch");
            let title = "Branch".into();
            chain.ok(
                r,
                &[coop.name],
                &Createbranch { coopname: coop.name, braname, trustee: coop.chairman.name, title },
            );
            braname
        })
        .collect();
    let member = &coop.members[0];
    let choice = Selectbranch {
        coopname: coop.name,
        username: member.name,
        braname: branches[0],
        statement: Document::default(),
    };
    let choice = member.signs(&chain.peers, "I choose my branch", choice);
    let tables = [(r, "participants"), (r, "branches")];
    let before = chain.packed_tables(coop.name, &tables);

    let elsewhere = Selectbranch { braname: branches[1], ..choice.clone() };
    assert_eq!(chain.fails(r, &[coop.name], &elsewhere), ERR_BAD_SIGNATURE);
    assert_eq!(chain.packed_tables(coop.name, &tables), before, "nothing written");
    chain.ok(r, &[coop.name], &choice);
}

#[test]
fn a_withdrawal_statement_is_refused_for_another_amount() {
    let chain = chain();
    let w = chain.peers.wallet;
    let coop = chain.new_cooperative();
    let member = &coop.members[0];
    let share = Deposit {
        coopname: coop.name,
        username: member.name,
        kind: KIND_SHARE,
        quantity: rub("500.0000"),
        memo: String::new(),
    };
    let deposit_id: u64 = chain.ok(w, &[member.name], &share).return_value();
    chain.ok(w, &[coop.name], &Confirm { coopname: coop.name, deposit_id, memo: String::new() });
    let asked = Withdraw {
        coopname: coop.name,
        username: member.name,
        quantity: rub("1.0000"),
        statement: Document::default(),
    };
    let asked = member.signs(&chain.peers, "I ask to return 1.0000 RUB of my share", asked);
    let tables = [(w, "wallets"), (w, "withdrawals"), (chain.peers.soviet, "decisions")];
    let before = chain.packed_tables(coop.name, &tables);

    let more = Withdraw { quantity: rub("400.0000"), ..asked.clone() };
    assert_eq!(chain.fails(w, &[member.name], &more), ERR_BAD_SIGNATURE);
    let wallet = chain.row::<Wallets>(w, coop.name, member.name.as_u64()).unwrap();
    assert_eq!((wallet.available, wallet.blocked), (rub("500.0000"), rub("0.0000")));
    assert_eq!(chain.packed_tables(coop.name, &tables), before, "nothing written");
    let outcome: PushOutcome = chain.ok(w, &[member.name], &asked);
    assert!(outcome.return_value::<u64>() > 0, "the statement is accepted for its own amount");
}

/// Whether the operator holds a claim or a request for `coopname` (requests of other
/// tests share the operator's scope, so only this name's rows are compared).
fn requested(chain: &TestChain, coopname: Name) -> (Option<CoopnameClaim>, Vec<ConnectionRequest>) {
    let operator = chain.peers.operator;
    let claim = chain.row::<Coopnames>(operator, operator, coopname.as_u64());
    let requests = chain.rows::<Requests>(operator, operator).into_iter().filter(|r| r.coopname == coopname).collect();
    (claim, requests)
}

#[test]
fn a_connection_statement_is_refused_for_another_cooperative_name_or_key() {
    let chain = chain();
    let operator = chain.peers.operator;
    let provider = chain.provider();
    let (request, ..) = chain.coop_request(provider, 1);
    let id: u64 = chain.ok(operator, &[provider], &request).return_value();

    let renamed = Request { coopname: chain.unique_name("coop"), ..request.clone() };
    assert_eq!(chain.fails(operator, &[provider], &renamed), ERR_BAD_SIGNATURE);
    assert_eq!(requested(chain, renamed.coopname), (None, vec![]), "nothing written");

    // Rejected, the name is free again; the provider asks for it once more with the same
    // statement but a cooperative key of its own, or fewer founders.
    chain.ok(operator, &[operator], &Reject { request_id: id, reason: "incomplete".into() });
    assert_eq!(requested(chain, request.coopname), (None, vec![]));
    let rekeyed = Request { coop_key: chain.new_key().public_key(), ..request.clone() };
    assert_eq!(chain.fails(operator, &[provider], &rekeyed), ERR_BAD_SIGNATURE);
    let fewer = Request { members: vec![], ..request.clone() };
    assert_eq!(chain.fails(operator, &[provider], &fewer), ERR_BAD_SIGNATURE);
    assert_eq!(requested(chain, request.coopname), (None, vec![]), "nothing written");
    chain.ok(operator, &[provider], &request);
}
