//! One rule for blocked cooperatives (`coop_protocol::blocked::RULES`): nothing new starts;
//! what is in flight finishes only where refusing would strand money or RAM.
use super::common::chain;
use antelope_test_harness::cooperative::{import_of, rub, Person, TestCoop};
use antelope_test_harness::fixture::TestChain;
use coop_protocol::consent::Consented;
use coop_protocol::operator;
use coop_protocol::registrator::{errors as reg, *};
use coop_protocol::soviet::{errors as sov, *};
use coop_protocol::wallet::{errors as wal, *};
use coop_runtime::n;
use eosio::Name;

/// The rows of the cooperative that no refused action may touch, printed for comparison.
fn snapshot(chain: &TestChain, coop: &TestCoop) -> Vec<String> {
    let (r, s, w) = (chain.peers.registrator, chain.peers.soviet, chain.peers.wallet);
    vec![
        format!("{:?}", chain.row::<Coops>(r, r, coop.name.as_u64())),
        format!("{:?}", chain.rows::<Participants>(r, coop.name)),
        format!("{:?}", chain.rows::<Applications>(r, coop.name)),
        format!("{:?}", chain.rows::<Branches>(r, coop.name)),
        format!("{:?}", chain.rows::<AgreementKinds>(r, coop.name)),
        format!("{:?}", chain.rows::<Agreements>(r, coop.name)),
        format!("{:?}", chain.row::<Boards>(s, s, coop.name.as_u64())),
        format!("{:?}", chain.rows::<Decisions>(s, coop.name)),
        format!("{:?}", chain.row::<Ledgers>(w, w, coop.name.as_u64())),
        format!("{:?}", chain.rows::<Wallets>(w, coop.name)),
        format!("{:?}", chain.rows::<Deposits>(w, coop.name)),
        format!("{:?}", chain.rows::<Withdrawals>(w, coop.name)),
    ]
}

/// An imported member with a confirmed share deposit of `amount`.
fn member_with_share(chain: &TestChain, coop: &TestCoop, amount: &str) -> Person {
    let person = chain.import_member(coop, "member");
    let id = share_deposit(chain, coop, &person, amount);
    chain.confirm_deposit(coop, id);
    person
}

/// A pending share deposit of `amount` by `person`; its id.
fn share_deposit(chain: &TestChain, coop: &TestCoop, person: &Person, amount: &str) -> u64 {
    let data = Deposit {
        coopname: coop.name,
        username: person.name,
        kind: KIND_SHARE,
        quantity: rub(amount),
        memo: "bank transfer".into(),
    };
    chain.ok(chain.peers.wallet, &[person.name], &data).return_value()
}

/// `person`'s withdrawal of `amount`, signed by them.
fn withdrawal(chain: &TestChain, coop: &TestCoop, person: &Person, amount: &str) -> Withdraw {
    let data =
        Withdraw { coopname: coop.name, username: person.name, quantity: rub(amount), statement: Default::default() };
    person.signs(&chain.peers, "I ask to return part of my share", data)
}

/// A withdrawal of `amount` by `person`, approved, authorised and executed: its id.
fn authorized_withdrawal(chain: &TestChain, coop: &TestCoop, person: &Person, amount: &str) -> u64 {
    let id: u64 = chain.ok(chain.peers.wallet, &[person.name], &withdrawal(chain, coop, person, amount)).return_value();
    let decision = chain.decision_about(coop, "withdraw", person.name).expect("on the agenda");
    for voter in coop.council() {
        chain.vote_for(coop, voter, decision.id);
    }
    chain.authorize(coop, decision.id);
    chain.exec(coop, coop.chairman.name, decision.id);
    id
}

/// A person with an account created by `coop` and nothing else.
fn newcomer(chain: &TestChain, coop: &TestCoop) -> Person {
    chain.new_member_account(coop, "newc", "individual").0
}

/// `data` with its document signed by `person`.
fn signed<A: Consented>(person: &Person, text: &str, data: A) -> A {
    person.signs(&chain().peers, text, data)
}

fn set_status(chain: &TestChain, coop: &TestCoop, status: Name) {
    let operator = chain.peers.operator;
    chain.ok(operator, &[operator], &operator::Setstatus { coopname: coop.name, status });
}

#[test]
fn a_blocked_cooperative_starts_nothing_new_and_finishes_only_what_returns_money() {
    let chain = chain();
    let (r, s, w) = (chain.peers.registrator, chain.peers.soviet, chain.peers.wallet);
    let coop = chain.new_cooperative();
    let chairman = coop.chairman.name;

    // In flight when the cooperative is blocked: two authorised withdrawals, two pending
    // share deposits, an unpaid application, a branch, and a paid application whose
    // decision is left to expire (a short lifetime set just before it).
    let (payee, failing) = (member_with_share(chain, &coop, "500.0000"), member_with_share(chain, &coop, "500.0000"));
    let paid_out = authorized_withdrawal(chain, &coop, &payee, "100.0000");
    let failed = authorized_withdrawal(chain, &coop, &failing, "100.0000");
    let to_confirm = share_deposit(chain, &coop, &payee, "50.0000");
    let to_cancel = share_deposit(chain, &coop, &failing, "50.0000");
    let unpaid = newcomer(chain, &coop);
    chain.apply(&coop, &unpaid, Name::new(0));
    let braname = chain.unique_name("branch");
    let branch = Createbranch { coopname: coop.name, braname, trustee: chairman, title: "B".into() };
    chain.ok(r, &[coop.name], &branch);
    let stranger = newcomer(chain, &coop);
    chain.ok(s, &[coop.name], &Setttl { coopname: coop.name, seconds: 2 });
    let applicant = newcomer(chain, &coop);
    chain.apply(&coop, &applicant, Name::new(0));
    let fee = chain.registration_fee(&coop, TYPE_INDIVIDUAL);
    let (registration, _) = chain.pay_registration(&coop, &applicant, fee);
    chain.confirm_deposit(&coop, registration);
    let expiring = chain.decision_about(&coop, "joincoop", applicant.name).expect("on the agenda").id;

    set_status(chain, &coop, COOP_BLOCKED);
    let before = snapshot(chain, &coop);

    // Refused: everything that would start something new.
    let refused_by_registrator = [
        chain.fails(
            r,
            &[coop.name],
            &Newaccount {
                coopname: coop.name,
                username: chain.unique_name("late"),
                r#type: TYPE_INDIVIDUAL,
                public_key: stranger.key.public_key(),
                referer: Name::new(0),
                meta: String::new(),
            },
        ),
        chain.fails(r, &[coop.name], &import_of(&coop, &Person::new(chain, "late"))),
        chain.fails(
            r,
            &[stranger.name],
            &signed(
                &stranger,
                "I apply",
                Joincoop {
                    coopname: coop.name,
                    braname: Name::new(0),
                    username: stranger.name,
                    statement: Default::default(),
                },
            ),
        ),
        chain.fails(
            r,
            &[stranger.name],
            &signed(
                &stranger,
                "I agree",
                Agree {
                    coopname: coop.name,
                    username: stranger.name,
                    kind: n("wallet"),
                    version: 1,
                    document: Default::default(),
                },
            ),
        ),
        chain.fails(
            r,
            &[payee.name],
            &signed(
                &payee,
                "My branch",
                Selectbranch { coopname: coop.name, username: payee.name, braname, statement: Default::default() },
            ),
        ),
        chain.fails(
            r,
            &[payee.name],
            &signed(
                &payee,
                "I leave",
                Leavecoop { coopname: coop.name, username: payee.name, statement: Default::default() },
            ),
        ),
        chain.fails(r, &[coop.name], &Createbranch { braname: chain.unique_name("branch"), ..branch.clone() }),
        chain.fails(r, &[coop.name], &Deletebranch { coopname: coop.name, braname }),
        chain.fails(
            r,
            &[coop.name],
            &Setfees {
                coopname: coop.name,
                initial: rub("1.0000"),
                minimum: rub("1.0000"),
                org_initial: rub("1.0000"),
                org_minimum: rub("1.0000"),
            },
        ),
        chain.fails(
            r,
            &[coop.name],
            &Setagreement { coopname: coop.name, kind: n("wallet"), version: 2, title: "v2".into() },
        ),
        chain.fails(r, &[coop.name], &Rmagreement { coopname: coop.name, kind: n("wallet") }),
    ];
    for (i, error) in refused_by_registrator.iter().enumerate() {
        assert_eq!(error, reg::ERR_COOP_NOT_ACTIVE, "registrator action #{i}");
    }
    let member = coop.members[0].name;
    let refused_by_soviet = [
        chain.fails(s, &[coop.name], &Setttl { coopname: coop.name, seconds: 60 }),
        chain.fails(
            s,
            &[coop.name],
            &Updateboard { coopname: coop.name, members: vec![BoardMember::voting(chairman, POSITION_CHAIRMAN)] },
        ),
        chain.fails(
            s,
            &[member],
            &signed(
                &coop.members[0],
                "A proposal",
                Freedecision { coopname: coop.name, proposer: member, statement: Default::default(), actions: vec![] },
            ),
        ),
        chain.fails(s, &[chairman], &Votefor { coopname: coop.name, member: chairman, decision_id: expiring }),
        chain.fails(s, &[chairman], &Voteagainst { coopname: coop.name, member: chairman, decision_id: expiring }),
        chain.fails(s, &[chairman], &Cancelvote { coopname: coop.name, member: chairman, decision_id: expiring }),
        chain.fails(s, &[chairman], &coop.chairman.authorization(&chain.peers, coop.name, expiring, &[], "Authorised")),
        chain.fails(s, &[chairman], &Exec { executer: chairman, coopname: coop.name, decision_id: expiring }),
    ];
    for (i, error) in refused_by_soviet.iter().enumerate() {
        assert_eq!(error, sov::ERR_COOP_NOT_ACTIVE, "soviet action #{i}");
    }
    let refused_by_wallet = [
        chain.fails(
            w,
            &[payee.name],
            &Deposit {
                coopname: coop.name,
                username: payee.name,
                kind: KIND_SHARE,
                quantity: rub("10.0000"),
                memo: String::new(),
            },
        ),
        chain.fails(w, &[coop.name], &Confirm { coopname: coop.name, deposit_id: to_confirm, memo: String::new() }),
        chain.fails(w, &[payee.name], &withdrawal(chain, &coop, &payee, "10.0000")),
    ];
    for (i, error) in refused_by_wallet.iter().enumerate() {
        assert_eq!(error, wal::ERR_COOP_NOT_ACTIVE, "wallet action #{i}");
    }
    assert_eq!(snapshot(chain, &coop), before, "a refused action changed nothing");

    // Allowed: what finishes something in flight.
    chain.ok(w, &[coop.name], &Payout { coopname: coop.name, withdraw_id: paid_out, memo: "paid".into() });
    chain.ok(w, &[coop.name], &Failwithdr { coopname: coop.name, withdraw_id: failed, reason: "bank refused".into() });
    assert!(chain.rows::<Withdrawals>(w, coop.name).is_empty());
    chain.ok(w, &[coop.name], &Cancel { coopname: coop.name, deposit_id: to_cancel, reason: "no payment".into() });
    assert!(chain.row::<Deposits>(w, coop.name, to_cancel).is_none());
    chain.ok(r, &[unpaid.name], &Cancelapp { coopname: coop.name, username: unpaid.name });
    assert!(chain.row::<Applications>(r, coop.name, unpaid.name.as_u64()).is_none());
    // The expired application is closed; its fee becomes due back and is paid back.
    let expires_at = chain.decision_about(&coop, "joincoop", applicant.name).unwrap().expires_at.as_secs();
    while chain.client.get_info().unwrap().head_block_secs().unwrap() <= expires_at {
        std::thread::sleep(std::time::Duration::from_millis(250));
    }
    let reason: Name = chain
        .ok(s, &[chairman], &Close { executer: chairman, coopname: coop.name, decision_id: expiring })
        .return_value();
    assert_eq!(reason, n("expired"));
    chain.ok(w, &[coop.name], &Payrefund { coopname: coop.name, deposit_id: registration, memo: "refund".into() });
    assert!(chain.row::<RegDeposits>(w, coop.name, applicant.name.as_u64()).is_none());
    // Read-only queries answer.
    let (agenda, _) = chain.agenda_all(coop.name, Name::new(0), Name::new(0), 10).unwrap();
    assert!(agenda.is_empty(), "{agenda:?}");

    // Active again: new things start.
    set_status(chain, &coop, COOP_ACTIVE);
    chain.apply(&coop, &stranger, Name::new(0));
    assert!(chain.row::<Applications>(r, coop.name, stranger.name.as_u64()).is_some());
}
