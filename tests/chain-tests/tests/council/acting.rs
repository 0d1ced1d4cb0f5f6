//! Decisions that act: a free decision carries governance actions from the allow-list,
//! the chairman's signature covers exactly them, and `exec` runs them through the
//! cooperative's `council` permission.
use super::common::{authorization, authorized, coop_row, propose};
use antelope_test_harness::cooperative::{council_action, rub, TestCoop};
use antelope_test_harness::fixture::TestChain;
use coop_protocol::registrator::{errors as reg_errors, Adduser, Branches, Createbranch, Setfees, TYPE_INDIVIDUAL};
use coop_protocol::soviet::council::{COUNCIL_PERMISSION, MAX_DECISION_ACTIONS};
use coop_protocol::soviet::{errors::*, BoardMember, Decisions, Setttl, Updateboard, POSITION_CHAIRMAN};
use coop_protocol::wallet::{errors as wallet_errors, Deposit, Wallets, KIND_REGISTRATION};
use coop_runtime::action::level;
use eosio::{Asset, Name, TimePointSec};

fn new_fees(coop: &TestCoop) -> Setfees {
    Setfees {
        coopname: coop.name,
        initial: rub("150.0000"),
        minimum: rub("350.0000"),
        org_initial: rub("1500.0000"),
        org_minimum: rub("3500.0000"),
    }
}

fn branch(coop: &TestCoop, braname: Name) -> Createbranch {
    Createbranch { coopname: coop.name, braname, trustee: coop.chairman.name, title: "Decided branch".into() }
}

/// Everything up to a confirmed registration payment (the application on the agenda).
fn paid_applicant(chain: &TestChain, coop: &TestCoop, prefix: &str) -> antelope_test_harness::cooperative::Person {
    let (person, _) = chain.new_member_account(coop, prefix, "individual");
    chain.apply(coop, &person, Name::new(0));
    let (deposit_id, _) = chain.pay_registration(coop, &person, chain.registration_fee(coop, TYPE_INDIVIDUAL));
    chain.confirm_deposit(coop, deposit_id);
    person
}

/// The council accepts `person` (votes, authorisation, exec of their `joincoop` decision).
fn accept(chain: &TestChain, coop: &TestCoop, person: &antelope_test_harness::cooperative::Person) {
    let decision = chain.decision_about(coop, "joincoop", person.name).expect("on the agenda");
    for voter in coop.council() {
        chain.vote_for(coop, voter, decision.id);
    }
    chain.authorize(coop, decision.id);
    chain.exec(coop, person.name, decision.id);
}

#[test]
fn a_decision_changes_the_fees_and_creates_a_branch_and_each_applicant_is_booked_with_what_they_paid() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let earlier = paid_applicant(chain, &coop, "early");
    let braname = chain.unique_name("branch");
    let actions = vec![
        council_action(chain.peers.registrator, &new_fees(&coop)),
        council_action(chain.peers.registrator, &branch(&coop, braname)),
    ];
    let id = authorized(chain, &coop, actions);

    let executed = chain.exec(&coop, coop.members[1].name, id);

    let row = coop_row(chain, &coop);
    assert_eq!((row.initial, row.minimum), (rub("150.0000"), rub("350.0000")));
    assert_eq!((row.org_initial, row.org_minimum), (rub("1500.0000"), rub("3500.0000")));
    assert!(chain.row::<Branches>(chain.peers.registrator, coop.name, braname.as_u64()).is_some());
    for (account, name) in [(chain.peers.registrator, "setfees"), (chain.peers.registrator, "createbranch")] {
        let sent = executed.inline_actions(account, name);
        assert_eq!(sent.len(), 1, "{name} runs once");
    }
    assert!(chain.row::<Decisions>(chain.peers.soviet, coop.name, id).is_none(), "the decision is erased");

    // A later applicant pays the new fees; the old amount is refused.
    let (later, _) = chain.new_member_account(&coop, "later", "individual");
    chain.apply(&coop, &later, Name::new(0));
    let old = Deposit {
        coopname: coop.name,
        username: later.name,
        kind: KIND_REGISTRATION,
        quantity: rub("400.0000"),
        memo: String::new(),
    };
    assert_eq!(chain.fails(chain.peers.wallet, &[later.name], &old), wallet_errors::ERR_WRONG_REGISTRATION_AMOUNT);
    let (deposit_id, _) = chain.pay_registration(&coop, &later, rub("500.0000"));
    chain.confirm_deposit(&coop, deposit_id);

    accept(chain, &coop, &earlier);
    accept(chain, &coop, &later);
    let wallet = |name: Name| chain.row::<Wallets>(chain.peers.wallet, coop.name, name.as_u64()).expect("a wallet");
    let (early_wallet, later_wallet) = (wallet(earlier.name), wallet(later.name));
    assert_eq!((early_wallet.initial, early_wallet.minimum), (rub("100.0000"), rub("300.0000")), "what they paid");
    assert_eq!((later_wallet.initial, later_wallet.minimum), (rub("150.0000"), rub("350.0000")), "the new fees");
}

#[test]
fn the_chairmans_signature_must_cover_exactly_the_actions() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let actions = vec![council_action(chain.peers.soviet, &Setttl { coopname: coop.name, seconds: 3600 })];
    let id: u64 = propose(chain, &coop, &coop.members[0], actions.clone()).return_value();
    for voter in coop.council() {
        chain.vote_for(&coop, voter, id);
    }
    let soviet = chain.peers.soviet;
    let chairman = [coop.chairman.name];

    let plain = authorization(chain, &coop, id, &[]);
    assert_eq!(chain.fails(soviet, &chairman, &plain), ERR_BAD_SIGNATURE, "a signature that leaves the actions out");
    let other = vec![council_action(chain.peers.soviet, &Setttl { coopname: coop.name, seconds: 60 })];
    assert_eq!(chain.fails(soviet, &chairman, &authorization(chain, &coop, id, &other)), ERR_BAD_SIGNATURE);
    assert_eq!(chain.row::<Decisions>(soviet, coop.name, id).unwrap().authorized_by, Name::new(0));

    chain.ok(soviet, &chairman, &authorization(chain, &coop, id, &actions));
    chain.exec(&coop, coop.chairman.name, id);
    let settings = chain.row::<coop_protocol::soviet::Settings>(soviet, soviet, coop.name.as_u64()).unwrap();
    assert_eq!(settings.decision_ttl, 3600);
}

#[test]
fn freedecision_refuses_actions_outside_the_allow_list() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let other = chain.new_cooperative();
    let proposer = &coop.members[0];
    let r = chain.peers.registrator;
    let refused = |actions| {
        let data = coop_protocol::soviet::Freedecision {
            coopname: coop.name,
            proposer: proposer.name,
            statement: Default::default(),
            actions,
        };
        let data = proposer.signs(&chain.peers, "A proposal", data);
        chain.fails(chain.peers.soviet, &[proposer.name], &data)
    };
    let fees = council_action(r, &new_fees(&coop));
    let adduser = Adduser {
        coopname: coop.name,
        username: chain.unique_name("sneak"),
        r#type: TYPE_INDIVIDUAL,
        public_key: proposer.key.public_key(),
        braname: Name::new(0),
        joined_at: TimePointSec::from(1_600_000_000),
        initial: rub("1.0000"),
        minimum: rub("1.0000"),
        meta: String::new(),
    };
    assert_eq!(refused(vec![council_action(r, &adduser)]), ERR_ACTION_NOT_ALLOWED);
    let transfer = coop_runtime::system::TokenTransfer {
        from: coop.name,
        to: proposer.name,
        quantity: antelope_test_harness::boot::core("1.0000"),
        memo: String::new(),
    };
    assert_eq!(refused(vec![council_action(coop_runtime::system::TOKEN, &transfer)]), ERR_ACTION_NOT_ALLOWED);
    assert_eq!(refused(vec![council_action(chain.peers.soviet, &new_fees(&coop))]), ERR_ACTION_NOT_ALLOWED);
    assert_eq!(refused(vec![council_action(r, &new_fees(&other))]), ERR_ACTION_OTHER_COOP);
    let mut bad = fees.clone();
    bad.data.truncate(10);
    assert_eq!(refused(vec![bad]), ERR_ACTION_DATA);
    assert_eq!(refused(vec![fees; MAX_DECISION_ACTIONS + 1]), ERR_TOO_MANY_ACTIONS);
    assert!(chain.rows::<Decisions>(chain.peers.soviet, coop.name).is_empty(), "nothing written");
}

#[test]
fn setfees_refuses_bad_amounts_and_only_the_council_or_the_cooperative_may_set_fees() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let r = chain.peers.registrator;
    let before = coop_row(chain, &coop);
    let with = |change: &dyn Fn(&mut Setfees)| {
        let mut data = new_fees(&coop);
        change(&mut data);
        chain.fails(r, &[coop.name], &data)
    };
    assert_eq!(with(&|f| f.initial = rub("0.0000")), reg_errors::ERR_BAD_FEES);
    assert_eq!(with(&|f| f.org_minimum = rub("-1.0000")), reg_errors::ERR_BAD_FEES);
    let foreign = Asset { amount: 10_000, symbol: coop_runtime::sym(4, "USD") };
    assert_eq!(with(&|f| f.minimum = foreign), reg_errors::ERR_BAD_FEES);
    assert_eq!(coop_row(chain, &coop), before, "nothing changed");

    // The provider's permission no longer reaches governance; nor can a client use the
    // council's permission, which only the soviet's code satisfies.
    for permission in [coop_protocol::operator::PROVIDER_PERMISSION, COUNCIL_PERMISSION] {
        let error = chain.push_as(r, &[level(coop.name, permission)], &new_fees(&coop)).unwrap_err();
        assert!(
            matches!(error.name(), Some("irrelevant_auth_exception" | "unsatisfied_authorization")),
            "{permission}: {error}"
        );
    }
    assert_eq!(coop_row(chain, &coop), before);
    // The cooperative's own key may.
    chain.ok(r, &[coop.name], &new_fees(&coop));
    assert_eq!(coop_row(chain, &coop).initial, rub("150.0000"));
}

#[test]
fn a_council_of_someone_who_is_not_an_accepted_individual_is_refused_on_exec() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let (outsider, _) = chain.new_member_account(&coop, "outsd", "individual");
    let (org, _) = chain.new_member_account(&coop, "orgn", "organization");
    for stranger in [outsider.name, org.name] {
        let members = vec![
            BoardMember::voting(coop.chairman.name, POSITION_CHAIRMAN),
            BoardMember::voting(stranger, coop_protocol::soviet::POSITION_MEMBER),
        ];
        let actions = vec![council_action(chain.peers.soviet, &Updateboard { coopname: coop.name, members })];
        let id = authorized(chain, &coop, actions);
        let error = chain.push(
            chain.peers.soviet,
            &[coop.chairman.name],
            &coop_protocol::soviet::Exec { executer: coop.chairman.name, coopname: coop.name, decision_id: id },
        );
        assert_eq!(
            error.unwrap_err().assertion_message(),
            Some(ERR_MEMBER_NOT_INDIVIDUAL),
            "{stranger} on the council"
        );
        assert!(chain.row::<Decisions>(chain.peers.soviet, coop.name, id).is_some(), "nothing changed");
    }
}

#[test]
fn connect_gives_the_council_its_permission_linked_to_the_allow_list_only() {
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let account = chain.client.get_account(coop.name).unwrap();
    let council = account["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["perm_name"] == "council")
        .expect("a council permission")
        .clone();
    assert_eq!(council["parent"], "active");
    let auth = &council["required_auth"];
    assert_eq!(auth["threshold"], 1);
    assert!(auth["keys"].as_array().unwrap().is_empty());
    let accounts = auth["accounts"].as_array().unwrap();
    assert_eq!(accounts.len(), 1);
    assert_eq!(accounts[0]["permission"]["actor"], chain.peers.soviet.to_string());
    assert_eq!(accounts[0]["permission"]["permission"], "eosio.code");
    let mut linked: Vec<String> = council["linked_actions"]
        .as_array()
        .expect("linked actions")
        .iter()
        .map(|l| format!("{}::{}", l["account"].as_str().unwrap(), l["action"].as_str().unwrap()))
        .collect();
    linked.sort();
    let (r, s) = (chain.peers.registrator, chain.peers.soviet);
    let mut expected: Vec<String> =
        ["setfees", "createbranch", "deletebranch", "setagreement", "rmagreement", "changekey"]
            .iter()
            .map(|a| format!("{r}::{a}"))
            .chain(["setttl", "updateboard"].iter().map(|a| format!("{s}::{a}")))
            .collect();
    expected.sort();
    assert_eq!(linked, expected);
}

#[test]
fn one_decision_goes_through_every_state_as_the_agenda_shows() {
    use coop_protocol::soviet::{STATE_APPROVED, STATE_AUTHORIZED, STATE_OPEN};
    let chain = TestChain::shared();
    let coop = chain.new_cooperative();
    let state_of = |id: u64| {
        let (items, _) = chain.agenda_all(coop.name, Name::new(0), Name::new(0), 10).expect("the agenda");
        items.into_iter().find(|item| item.id == id).map(|item| item.state)
    };
    let actions = vec![council_action(chain.peers.soviet, &Setttl { coopname: coop.name, seconds: 7200 })];
    let id: u64 = propose(chain, &coop, &coop.members[0], actions.clone()).return_value();
    assert_eq!(state_of(id), Some(STATE_OPEN));
    chain.vote_for(&coop, &coop.chairman, id);
    assert_eq!(state_of(id), Some(STATE_OPEN), "one of three");
    chain.vote_for(&coop, &coop.members[0], id);
    assert_eq!(state_of(id), Some(STATE_APPROVED));
    chain.ok(chain.peers.soviet, &[coop.chairman.name], &authorization(chain, &coop, id, &actions));
    assert_eq!(state_of(id), Some(STATE_AUTHORIZED));
    let vote = coop_protocol::soviet::Votefor { coopname: coop.name, member: coop.members[1].name, decision_id: id };
    assert_eq!(chain.fails(chain.peers.soviet, &[coop.members[1].name], &vote), ERR_DECISION_AUTHORIZED);

    chain.exec(&coop, coop.members[1].name, id);

    assert_eq!(state_of(id), None, "executed: off the agenda");
    assert_eq!(chain.fails(chain.peers.soviet, &[coop.members[1].name], &vote), ERR_DECISION_ENDED);
    let settings =
        chain.row::<coop_protocol::soviet::Settings>(chain.peers.soviet, chain.peers.soviet, coop.name.as_u64());
    assert_eq!(settings.map(|s| s.decision_ttl), Some(7200), "the action ran");
}
