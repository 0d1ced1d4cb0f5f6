//! Resource exhaustion: a cooperative, a person and the operator without the RAM or the
//! tokens a flow needs. Every flow that needs them fails with a clear error — the chain's
//! `ram_usage_exceeded` naming the payer, or the contract's own message (`ERR_COOP_CANNOT_PAY`)
//! — and leaves nothing half-done: every row of our contracts byte-identical, no account
//! created, a connection request still pending. What costs no RAM (votes, the chairman's
//! authorisation) or frees more than it writes (executing a decision) goes on at zero free
//! RAM.
use super::common::{assert_unchanged, chain, serial, snapshot, Outcome};
use super::world::{add_share, free_question, paid_application, provider_with_key, share_deposit};
use antelope_test_harness::boot::core;
use antelope_test_harness::cooperative::{import_of, rub, Person, TestCoop};
use antelope_test_harness::fixture::TestChain;
use coop_protocol::operator::{Addprovider, Connect, Requests, REQUEST_PENDING};
use coop_protocol::registrator::errors::ERR_COOP_CANNOT_PAY;
use coop_protocol::registrator::{
    Agree, Createbranch, Leavecoop, Newaccount, Participants, Setagreement, TYPE_INDIVIDUAL,
};
use coop_protocol::soviet::{Cancelvote, Freedecision, Voteagainst};
use coop_protocol::wallet::{Deposit, Withdraw, KIND_SHARE};
use coop_runtime::system::{BuyRamBytes, TokenTransfer, SYSTEM, TOKEN};
use coop_runtime::{n, ActionData, Document};
use eosio::{Asset, Name};

/// Asserts that `outcome` is the chain's refusal for lack of `payer`'s RAM.
#[track_caller]
fn out_of_ram(outcome: Outcome, payer: Name) {
    match &outcome {
        Outcome::Chain { name, message }
            if name == "ram_usage_exceeded" && message.contains(&format!("account {payer} has insufficient ram")) => {}
        other => panic!("expected {payer} to be out of RAM, got {other}"),
    }
}

/// Pushes `data` to `contract` signed by `signers`.
fn push<A: ActionData>(contract: Name, signers: &[Name], data: &A) -> Outcome {
    Outcome::of(chain().push(contract, signers, data))
}

/// `registrator::newaccount` of a fresh person in `coop`.
fn new_account(chain: &TestChain, coop: &TestCoop) -> Newaccount {
    let person = Person::new(chain, "spent");
    Newaccount {
        coopname: coop.name,
        username: person.name,
        r#type: TYPE_INDIVIDUAL,
        public_key: person.key.public_key(),
        referer: Name::new(0),
        meta: "{}".into(),
    }
}

/// `account`'s core tokens.
fn core_balance(chain: &TestChain, account: Name) -> Asset {
    let balances = chain.client.get_currency_balance(TOKEN, account, "AXON").expect("a balance");
    balances.first().map_or(core("0.0000"), |b| core(b.trim_end_matches(" AXON")))
}

/// Sends all of `account`'s core tokens to `eosio`; returns how much.
fn spend_all_tokens(chain: &TestChain, account: Name) -> Asset {
    let balance = core_balance(chain, account);
    let transfer = TokenTransfer { from: account, to: SYSTEM, quantity: balance, memo: "spent".into() };
    chain.ok(TOKEN, &[account], &transfer);
    balance
}

#[test]
fn a_cooperative_without_ram_starts_nothing_it_pays_for_and_its_council_still_decides() {
    let _serial = serial();
    let chain = chain();
    let (r, s, w) = (chain.peers.registrator, chain.peers.soviet, chain.peers.wallet);
    let coop = chain.new_cooperative();
    let (chairman, first, second) = (&coop.chairman, &coop.members[0], &coop.members[1]);
    // Work in flight, started while the cooperative had RAM.
    let (applicant, _, joining) = paid_application(chain, &coop, "late");
    add_share(chain, &coop, first, "10.0000");
    let founders_deposit = share_deposit(chain, &coop, second, "1.0000");
    let question = free_question(chain, &coop, first);
    chain.leave_free_ram(coop.name, 0);
    let before = snapshot(chain);

    let data = new_account(chain, &coop);
    out_of_ram(push(r, &[coop.name], &data), coop.name);
    assert!(!chain.client.account_exists(data.username));
    let newcomer = Person::new(chain, "import");
    out_of_ram(push(r, &[coop.name], &import_of(&coop, &newcomer)), coop.name);
    assert!(!chain.client.account_exists(newcomer.name));
    let branch =
        Createbranch { coopname: coop.name, braname: n("north"), trustee: chairman.name, title: "North".into() };
    out_of_ram(push(r, &[coop.name], &branch), coop.name);
    let agreement = Setagreement { coopname: coop.name, kind: n("extra"), version: 1, title: "Extra".into() };
    out_of_ram(push(r, &[coop.name], &agreement), coop.name);
    // A founder's first share opens their wallet, which the cooperative pays.
    let confirm =
        coop_protocol::wallet::Confirm { coopname: coop.name, deposit_id: founders_deposit, memo: String::new() };
    out_of_ram(push(w, &[coop.name], &confirm), coop.name);
    // A withdrawal's and a leaving member's questions go on the agenda the cooperative pays
    // (the members have RAM for their own rows).
    let withdraw =
        Withdraw { coopname: coop.name, username: first.name, quantity: rub("1.0000"), statement: Document::default() };
    let withdraw = first.signs(&chain.peers, "Withdrawal", withdraw);
    out_of_ram(push(w, &[first.name], &withdraw), coop.name);
    let leave = Leavecoop { coopname: coop.name, username: second.name, statement: Document::default() };
    let leave = second.signs(&chain.peers, "I leave", leave);
    out_of_ram(push(r, &[second.name], &leave), coop.name);
    assert_unchanged(chain, &before, "the refused flows of a cooperative without RAM");

    // Votes and the authorisation fill slots the decision was made with: no RAM, not even
    // from voters without any.
    for voter in coop.council() {
        chain.leave_free_ram(voter.name, 0);
    }
    let ram_before: Vec<i64> = [coop.name, chairman.name, first.name, second.name].map(|a| chain.ram_usage(a)).to_vec();
    chain.ok(s, &[second.name], &Voteagainst { coopname: coop.name, member: second.name, decision_id: question });
    chain.ok(s, &[second.name], &Cancelvote { coopname: coop.name, member: second.name, decision_id: question });
    for decision in [joining, question] {
        for voter in coop.council() {
            chain.vote_for(&coop, voter, decision);
        }
        chain.authorize(&coop, decision);
    }
    let ram_after: Vec<i64> = [coop.name, chairman.name, first.name, second.name].map(|a| chain.ram_usage(a)).to_vec();
    assert_eq!(ram_after, ram_before, "voting and authorising cost nobody RAM");

    // Executing frees more than it writes: the decision (with its vote slots), the
    // application and the deposit go; the new member's participant row and wallet, paid by
    // the cooperative, take less. So the applicant is accepted at zero free RAM, and the
    // free decision ends, giving its proposer's RAM back.
    let coops_ram = chain.ram_usage(coop.name);
    chain.exec(&coop, chairman.name, joining);
    assert!(chain.row::<Participants>(r, coop.name, applicant.name.as_u64()).is_some());
    assert!(chain.ram_usage(coop.name) <= coops_ram);
    chain.exec(&coop, chairman.name, question);
    assert!(chain.ram_usage(first.name) < ram_before[2]);
}

#[test]
fn a_cooperative_without_tokens_cannot_create_accounts() {
    let _serial = serial();
    let chain = chain();
    let r = chain.peers.registrator;
    let coop = chain.new_cooperative();
    spend_all_tokens(chain, coop.name);
    let before = snapshot(chain);

    let data = new_account(chain, &coop);
    assert_eq!(push(r, &[coop.name], &data), Outcome::Assert(ERR_COOP_CANNOT_PAY.into()));
    assert!(!chain.client.account_exists(data.username));
    let newcomer = Person::new(chain, "import");
    assert_eq!(push(r, &[coop.name], &import_of(&coop, &newcomer)), Outcome::Assert(ERR_COOP_CANNOT_PAY.into()));
    assert!(!chain.client.account_exists(newcomer.name));
    assert_unchanged(chain, &before, "account creation by a cooperative without tokens");
}

#[test]
fn a_person_without_ram_starts_nothing_they_pay_for_and_their_cooperative_may_pay_instead() {
    let _serial = serial();
    let chain = chain();
    let (r, s, w) = (chain.peers.registrator, chain.peers.soviet, chain.peers.wallet);
    let coop = chain.new_cooperative();
    let (person, _) = chain.new_member_account(&coop, "broke", "individual");
    let member = chain.import_member(&coop, "broke");
    chain.leave_free_ram(person.name, 0);
    chain.leave_free_ram(member.name, 0);
    let before = snapshot(chain);

    let agree = Agree {
        coopname: coop.name,
        username: person.name,
        kind: n("wallet"),
        version: 1,
        document: Document::default(),
    };
    let agree = person.signs(&chain.peers, "Wallet agreement", agree);
    out_of_ram(push(r, &[person.name], &agree), person.name);
    let deposit = Deposit {
        coopname: coop.name,
        username: member.name,
        kind: KIND_SHARE,
        quantity: rub("1.0000"),
        memo: String::new(),
    };
    out_of_ram(push(w, &[member.name], &deposit), member.name);
    let question =
        Freedecision { coopname: coop.name, proposer: member.name, statement: Document::default(), actions: vec![] };
    let question = member.signs(&chain.peers, "A question", question);
    out_of_ram(push(s, &[member.name], &question), member.name);
    assert_unchanged(chain, &before, "the refused flows of a person without RAM");

    // Signed by the cooperative, the same rows are the cooperative's to pay.
    chain.ok(r, &[coop.name], &agree);
    chain.ok(w, &[coop.name], &deposit);
}

/// Puts the operator's tokens or RAM back when a test ends, also when it fails.
struct Restore {
    tokens: Option<Asset>,
    ram_bytes: i64,
}

impl Drop for Restore {
    fn drop(&mut self) {
        let chain = chain();
        let operator = chain.peers.operator;
        if let Some(quantity) = self.tokens.take() {
            let transfer = TokenTransfer { from: SYSTEM, to: operator, quantity, memo: "back".into() };
            chain.ok(TOKEN, &[SYSTEM], &transfer);
        }
        if self.ram_bytes > 0 {
            let bytes = u32::try_from(self.ram_bytes).expect("a RAM size");
            chain.ok(SYSTEM, &[SYSTEM], &BuyRamBytes { payer: SYSTEM, receiver: operator, bytes });
        }
    }
}

#[test]
fn the_operator_without_tokens_or_ram_cannot_connect_and_the_request_stays_pending() {
    let _serial = serial();
    let chain = chain();
    let operator = chain.peers.operator;
    let provider = provider_with_key(chain).name;
    let (request, ..) = chain.coop_request(provider, 1);
    let request_id: u64 = chain.ok(operator, &[provider], &request).return_value();
    let pending = |chain: &TestChain| {
        let row = chain.row::<Requests>(operator, operator, request_id).expect("the request");
        row.status == REQUEST_PENDING
    };
    let connect = Connect { request_id };

    // No tokens: the cooperative's and the founders' accounts cannot be bought.
    {
        let _restore = Restore { tokens: Some(spend_all_tokens(chain, operator)), ram_bytes: 0 };
        let before = snapshot(chain);
        let refused = push(operator, &[operator], &connect);
        let message = coop_protocol::operator::errors::ERR_OPERATOR_CANNOT_PAY;
        assert_eq!(refused, Outcome::Assert(message.into()), "{refused}");
        assert_unchanged(chain, &before, "a connection the operator cannot pay for");
        assert!(pending(chain) && !chain.client.account_exists(request.coopname));
        assert!(!chain.client.account_exists(request.chairman.username));
    }
    // No RAM: the registry, the council and the ledger are the operator's rows.
    {
        let ram = chain.ram(operator);
        chain.leave_free_ram(operator, 0);
        let _restore = Restore { tokens: None, ram_bytes: ram.quota - chain.ram(operator).quota };
        let before = snapshot(chain);
        out_of_ram(push(operator, &[operator], &connect), operator);
        let newcomer = chain.unique_name("prov");
        chain.create_account(newcomer, chain.new_key().public_key(), None);
        let provider = Addprovider { provider: newcomer, title: "A provider".into() };
        out_of_ram(push(operator, &[operator], &provider), operator);
        assert_unchanged(chain, &before, "the operator's flows without RAM");
        assert!(pending(chain) && !chain.client.account_exists(request.coopname));
    }
    // A provider without RAM cannot ask for a connection: the request is its row.
    chain.leave_free_ram(provider, 0);
    let (another, ..) = chain.coop_request(provider, 0);
    let before = snapshot(chain);
    out_of_ram(push(operator, &[provider], &another), provider);
    assert_unchanged(chain, &before, "a request by a provider without RAM");

    // With its resources back, the operator connects the same request.
    chain.ok(operator, &[operator], &connect);
    assert!(!pending(chain) && chain.client.account_exists(request.coopname));
}
