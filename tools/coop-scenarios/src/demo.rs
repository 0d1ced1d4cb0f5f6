//! The main job's scenario: the platform documents' registration sequence from the connection
//! of a cooperative to an accepted participant, then the council adopting new fees by decision,
//! printing each step with its transaction id. The `demo` command (`src/bin/demo.rs`, run by
//! `scripts/demo` on the localnet) runs it; so does the indexer's chain test.
use antelope_client::client::PushOutcome;
use antelope_test_harness::cooperative::{council_action, rub, Person, TestCoop};
use antelope_test_harness::fixture::TestChain;
use coop_protocol::operator::Connect;
use coop_protocol::registrator::{Acceptjoin, Createbranch, Joincoop, Participants, Setfees};
use coop_protocol::soviet::{Boards, Freedecision, Propose, VoteResult};
use coop_protocol::wallet::{Addmember, Deposit, Ledgers, Payout, Wallets, Withdraw, KIND_SHARE};
use coop_runtime::asset_text::asset_to_string;
use eosio::Name;

fn step(number: u32, text: &str, outcome: &PushOutcome) {
    println!(
        "{number:>2}. {text}\n    tx {} (block {}, {} µs CPU)",
        outcome.transaction_id, outcome.block_num, outcome.cpu_usage_us
    );
}

/// The scenario on `chain`; returns the cooperative it connected. Panics with the chain's
/// message when a step fails unexpectedly.
pub fn run(chain: &TestChain) -> Name {
    let p = chain.peers;
    println!("Cooperative platform demo on {}\n", chain.url());

    let provider = chain.new_provider();
    println!(" 1. provider {provider} registered with the operator");
    let (request, coop_key, chairman, members) = chain.coop_request(provider, 2);
    let outcome = chain.ok(p.operator, &[provider], &request);
    let request_id: u64 = outcome.return_value();
    step(2, &format!("provider asks to connect cooperative {} (request {request_id})", request.coopname), &outcome);
    let outcome = chain.ok(p.operator, &[p.operator], &Connect { request_id });
    step(
        3,
        &format!("operator connects {} in one transaction ({} actions)", request.coopname, outcome.action_traces.len()),
        &outcome,
    );
    let coop = TestCoop { name: request.coopname, key: coop_key, provider, chairman, members, request_id };
    let row = chain.coop_row(&coop);
    println!(
        "    registry: {} status {}, fees {} + {} (organisations {} + {}), branched: {}",
        row.username,
        row.status,
        asset_to_string(&row.initial),
        asset_to_string(&row.minimum),
        asset_to_string(&row.org_initial),
        asset_to_string(&row.org_minimum),
        row.is_branched
    );
    let board = chain.row::<Boards>(p.soviet, p.soviet, coop.name.as_u64()).expect("council");
    let council: Vec<String> = board.members.iter().map(|m| format!("{} ({})", m.username, m.position)).collect();
    println!("    council: {}", council.join(", "));
    let ledger = chain.row::<Ledgers>(p.wallet, p.wallet, coop.name.as_u64()).expect("ledger");
    println!(
        "    ledger: share fund {}, entrance-fee fund {}",
        asset_to_string(&ledger.share_fund),
        asset_to_string(&ledger.entrance_fund)
    );

    let mut branches = Vec::new();
    for i in 0..3 {
        let braname = chain.unique_name("branch");
        let data = Createbranch {
            coopname: coop.name,
            braname,
            trustee: coop.chairman.name,
            title: format!("Branch {}", i + 1),
        };
        let outcome = chain.ok(p.registrator, &[coop.name], &data);
        let row = chain.coop_row(&coop);
        step(
            4 + i,
            &format!("branch {braname} created: {} branches, is_branched = {}", row.branch_count, row.is_branched),
            &outcome,
        );
        branches.push(braname);
    }

    let (person, outcome) = chain.new_member_account(&coop, "member", "individual");
    step(7, &format!("account {} created for a new person, paid by the cooperative", person.name), &outcome);

    for (i, outcome) in chain.sign_agreements(&coop, &person).iter().enumerate() {
        let agreed = &outcome.action_traces[0];
        let kind =
            agreed.decode_data::<coop_protocol::registrator::Agree>().map(|a| a.kind.to_string()).unwrap_or_default();
        if i == 0 {
            println!(" 8. {} signs the agreements that come with every application", person.name);
        }
        println!("    {kind:<10} tx {}", outcome.transaction_id);
    }
    let without =
        Joincoop { coopname: coop.name, braname: Name::new(0), username: person.name, statement: Default::default() };
    let without = person.signs(&p, "I apply", without);
    let refused = chain.fails(p.registrator, &[person.name], &without);
    println!(" 9. joincoop without braname is refused: \"{refused}\"");
    let with_branch = person.signs(&p, "I apply to join", Joincoop { braname: branches[0], ..without });
    let outcome = chain.ok(p.registrator, &[person.name], &with_branch);
    step(10, &format!("{} applies with branch {} and a signed statement", person.name, branches[0]), &outcome);

    let fee = chain.registration_fee(&coop, coop_protocol::registrator::TYPE_INDIVIDUAL);
    let (deposit_id, outcome) = chain.pay_registration(&coop, &person, fee);
    step(11, &format!("registration payment of {} declared (deposit {deposit_id})", asset_to_string(&fee)), &outcome);
    let outcome = chain.confirm_deposit(&coop, deposit_id);
    step(12, "the cooperative confirms the money arrived; the application goes to the council", &outcome);
    for proposed in outcome.inline_actions(p.soviet, "propose") {
        let propose = proposed.decode_data::<Propose>().expect("soviet::propose data");
        println!(
            "    registrator -> soviet::propose {} about {} (deposit {}), paid by the cooperative ({:+} bytes of RAM)",
            propose.kind,
            propose.username,
            propose.ref_id,
            outcome.ram_delta(coop.name)
        );
    }

    // The decision is read while it is open: `exec` erases it.
    let decision = chain.decision_about(&coop, "joincoop", person.name).expect("decision");
    for (i, voter) in coop.council().into_iter().enumerate() {
        let outcome = chain.vote_for(&coop, voter, decision.id);
        let tally: VoteResult = outcome.return_value();
        step(
            13 + i as u32,
            &format!(
                "{} votes for decision {}: {} for, {} against of {} voting members, {}",
                voter.name, decision.id, tally.votes_for, tally.votes_against, tally.voting_members, tally.outcome
            ),
            &outcome,
        );
    }
    let outcome = chain.authorize(&coop, decision.id);
    step(16, "the chairman authorises the decision with the signed protocol", &outcome);
    let outcome = chain.exec(&coop, person.name, decision.id);
    step(17, &format!("decision {} is executed and erased", decision.id), &outcome);
    for accepted in outcome.inline_actions(p.registrator, "acceptjoin") {
        let accept = accepted.decode_data::<Acceptjoin>().expect("registrator::acceptjoin data");
        println!("    soviet -> registrator::acceptjoin {} (decision {})", accept.username, accept.decision_id);
    }
    for booked in outcome.inline_actions(p.wallet, "addmember") {
        let add = booked.decode_data::<Addmember>().expect("wallet::addmember data");
        println!(
            "    registrator -> wallet::addmember {}: entrance fee {}, minimum share {} from deposit {}",
            add.username,
            asset_to_string(&add.initial),
            asset_to_string(&add.minimum),
            add.deposit_id
        );
    }

    let participant = chain.row::<Participants>(p.registrator, coop.name, person.name.as_u64()).expect("participant");
    println!(
        "\nParticipant: {} — status {}, type {}, branch {}",
        participant.username, participant.status, participant.r#type, participant.braname
    );
    let wallet = chain.row::<Wallets>(p.wallet, coop.name, person.name.as_u64()).expect("wallet");
    println!(
        "Wallet: entrance fee {}, minimum share {}, available {}, blocked {}",
        asset_to_string(&wallet.initial),
        asset_to_string(&wallet.minimum),
        asset_to_string(&wallet.available),
        asset_to_string(&wallet.blocked)
    );
    let ledger = chain.row::<Ledgers>(p.wallet, p.wallet, coop.name.as_u64()).expect("ledger");
    println!(
        "Cooperative ledger: share fund {}, entrance-fee fund {}, registration money pending {}, refunds due {}",
        asset_to_string(&ledger.share_fund),
        asset_to_string(&ledger.entrance_fund),
        asset_to_string(&ledger.reg_received),
        asset_to_string(&ledger.refunds_due)
    );

    share_in_and_out(chain, &coop, &person);
    adopt_new_fees(chain, &coop);
    println!("\nDone: {} is a participant of {}, whose council has set new fees.", person.name, coop.name);
    coop.name
}

/// Prints the cooperative's ledger and `person`'s wallet.
fn print_books(chain: &TestChain, coop: &TestCoop, person: &Person) {
    let p = chain.peers;
    let ledger = chain.row::<Ledgers>(p.wallet, p.wallet, coop.name.as_u64()).expect("ledger");
    let wallet = chain.row::<Wallets>(p.wallet, coop.name, person.name.as_u64()).expect("wallet");
    println!(
        "    ledger: share fund {}, paid out {}; wallet of {}: available {}, blocked {}, minimum {}",
        asset_to_string(&ledger.share_fund),
        asset_to_string(&ledger.paid_out),
        person.name,
        asset_to_string(&wallet.available),
        asset_to_string(&wallet.blocked),
        asset_to_string(&wallet.minimum)
    );
}

/// After acceptance: a share deposit, a withdrawal the council approves, its payout.
fn share_in_and_out(chain: &TestChain, coop: &TestCoop, person: &Person) {
    let p = chain.peers;
    println!("\nThe member's share, in and out:");
    let deposit = Deposit {
        coopname: coop.name,
        username: person.name,
        kind: KIND_SHARE,
        quantity: rub("1000.0000"),
        memo: "bank transfer 17".into(),
    };
    let outcome = chain.ok(p.wallet, &[person.name], &deposit);
    let deposit_id: u64 = outcome.return_value();
    step(
        18,
        &format!("{} declares a share contribution of 1000.0000 RUB (deposit {deposit_id})", person.name),
        &outcome,
    );
    let outcome = chain.confirm_deposit(coop, deposit_id);
    step(19, "the cooperative confirms it: the share is credited, the deposit erased", &outcome);
    print_books(chain, coop, person);
    let withdraw = Withdraw {
        coopname: coop.name,
        username: person.name,
        quantity: rub("400.0000"),
        statement: Default::default(),
    };
    let withdraw = person.signs(&p, "I ask to withdraw 400.0000 RUB of my share contributions", withdraw);
    let outcome = chain.ok(p.wallet, &[person.name], &withdraw);
    let withdraw_id: u64 = outcome.return_value();
    step(
        20,
        &format!("{} asks to withdraw 400.0000 RUB (withdrawal {withdraw_id}); the council decides", person.name),
        &outcome,
    );
    print_books(chain, coop, person);
    let decision = chain.decision_about(coop, "withdraw", person.name).expect("a withdraw decision");
    for voter in coop.council() {
        chain.vote_for(coop, voter, decision.id);
    }
    chain.authorize(coop, decision.id);
    let outcome = chain.exec(coop, coop.chairman.name, decision.id);
    step(21, &format!("the council approves, the chairman authorises, decision {} is executed", decision.id), &outcome);
    let payout = Payout { coopname: coop.name, withdraw_id, memo: "paid by bank transfer".into() };
    let outcome = chain.ok(p.wallet, &[coop.name], &payout);
    step(22, "the cooperative pays it out; the withdrawal is erased", &outcome);
    print_books(chain, coop, person);
}

/// The council adopts new fees by a free decision that carries `registrator::setfees`.
fn adopt_new_fees(chain: &TestChain, coop: &TestCoop) {
    let p = chain.peers;
    println!("\nThe council adopts new fees by decision:");
    let fees = Setfees {
        coopname: coop.name,
        initial: rub("150.0000"),
        minimum: rub("350.0000"),
        org_initial: rub("1500.0000"),
        org_minimum: rub("3500.0000"),
    };
    let actions = vec![council_action(p.registrator, &fees)];
    let proposer = &coop.members[0];
    let question = Freedecision {
        coopname: coop.name,
        proposer: proposer.name,
        statement: Default::default(),
        actions: actions.clone(),
    };
    let question = proposer.signs(&p, "Proposal: new entrance fees and minimum share contributions", question);
    let outcome = chain.ok(p.soviet, &[proposer.name], &question);
    let id: u64 = outcome.return_value();
    step(23, &format!("{} proposes decision {id}, carrying registrator::setfees", proposer.name), &outcome);
    for voter in coop.council() {
        let outcome = chain.vote_for(coop, voter, id);
        let tally: VoteResult = outcome.return_value();
        println!("    {} votes for: {} of {}, {}", voter.name, tally.votes_for, tally.voting_members, tally.outcome);
    }
    let authorize = coop.chairman.authorization(&p, coop.name, id, &actions, &format!("Decision {id}: new fees"));
    let outcome = chain.ok(p.soviet, &[coop.chairman.name], &authorize);
    step(24, "the chairman authorises it, signing over the actions it carries", &outcome);
    let outcome = chain.exec(coop, coop.chairman.name, id);
    step(25, "the decision is executed: setfees runs through the cooperative's council permission", &outcome);
    let row = chain.coop_row(coop);
    println!(
        "    registry: fees now {} + {} (organisations {} + {}); applicants who already paid keep theirs",
        asset_to_string(&row.initial),
        asset_to_string(&row.minimum),
        asset_to_string(&row.org_initial),
        asset_to_string(&row.org_minimum)
    );
}
