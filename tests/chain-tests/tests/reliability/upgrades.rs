//! Upgrades (issue 11, item 5): the contracts of a fixed earlier commit
//! ([`FROM_COMMIT`](super::old_release::FROM_COMMIT)) on a node of their own, state made by
//! every flow of that release — finished and in flight —, then today's build deployed on top
//! with the code `scripts/deploy` runs. Every row of every table in every scope must read
//! with today's row types (all of its bytes), the upgrade must rewrite no row, everything in
//! flight must finish under the new code and every flow must still work. And the layout
//! rule: every table of every ABI committed since that commit must be a prefix of today's
//! row, extended only by binary extensions.
use super::common::{snapshot, Snapshot, AUTHORITY_ERRORS};
use super::layouts::{abi_at, abi_commits_since, extension_problems, require_commit};
use super::old_release::{self as old, FROM_COMMIT};
use antelope_test_harness::abi_files::{abi_json, contract_abis};
use antelope_test_harness::cooperative::{council_action, import_of, newaccount_of, rub, Person, TestCoop};
use antelope_test_harness::deploy::{create_and_deploy, permission_authority};
use antelope_test_harness::fixture::{expect_assertion, TestChain};
use antelope_test_harness::keys::PrivateKey;
use antelope_test_harness::localnet::with_retries;
use antelope_test_harness::tools::{contract_wasm, workspace_root};
use coop_protocol::operator::errors::{ERR_NOT_PROVIDERS_COOP, ERR_PROVIDER_NOT_FOUND};
use coop_protocol::operator::{Connect, Connections, Rmprovider, PROVIDER_PERMISSION};
use coop_protocol::registrator::*;
use coop_protocol::soviet::{Decisions, Settings, Setttl, Voteagainst, Votefor, KIND_FREE};
use coop_protocol::wallet::{Cancel, Confirm, Deposit, Payout, Payrefund, RegDeposits, Withdraw, Withdrawals};
use coop_protocol::wallet::{Deposits, DEPOSIT_REFUND, KIND_SHARE, WITHDRAWAL_AUTHORIZED};
use coop_runtime::action::level;
use coop_runtime::system::{Authority, UpdateAuth, ACTIVE, EOSIO_CODE, SYSTEM};
use coop_runtime::{n, Peers};
use eosio::{Name, Read, Table};
use serde_json::Value;
use std::collections::BTreeSet;
use std::time::Instant;

#[test]
fn upgrades_keep_every_row_readable_and_every_flow_working() {
    let started = Instant::now();
    let release = old::release();
    let chain = old::start_chain(release);
    let before = Before::populate(&chain);
    let rows = snapshot(&chain);
    every_table_has_rows(&rows, release);
    every_row_reads(&chain.peers, &rows);

    // The upgrade: today's WASM and ABI, deployed as `scripts/deploy` deploys (every `init`
    // again, `eosio@connect` kept).
    let mut quiet = |_: &str| {};
    with_retries(&mut quiet, std::time::Duration::from_millis(500), |progress| {
        create_and_deploy(&chain.client, &chain.peers, progress)
    })
    .unwrap_or_else(|e| panic!("deploying today's build on top: {e}"));
    for contract in old::CONTRACTS {
        let account: Name = contract.parse().unwrap();
        let wasm = std::fs::read(contract_wasm(contract)).unwrap();
        let hash = hex::encode(antelope_test_harness::cooperative::sha256(&wasm));
        assert_eq!(chain.client.get_code_hash(account).unwrap(), hash, "{contract} runs today's code");
    }
    let upgraded = snapshot(&chain);
    let changed = rows.differences(&upgraded);
    assert!(changed.is_empty(), "the upgrade rewrote rows:\n  {}", changed.join("\n  "));

    before.finish_under_the_new_code(&chain);
    before.flows_still_work(&chain);
    before.cooperatives_connected_before_keep_their_provider(&chain);
    every_row_reads(&chain.peers, &snapshot(&chain));
    eprintln!("upgrade from {FROM_COMMIT}: {:.0?}", started.elapsed());
}

/// The guard: a table layout that changes other than by appending binary extensions fails
/// here, against the ABIs of [`FROM_COMMIT`] and of every later commit that changed `abi/`
/// (so a field appended since cannot be changed either).
#[test]
fn upgrades_need_table_layouts_that_only_gain_trailing_binary_extensions() {
    let root = workspace_root();
    require_commit(&root, FROM_COMMIT);
    let commits = abi_commits_since(&root, FROM_COMMIT);
    let mut problems = Vec::new();
    for (contract, abi) in contract_abis() {
        let today: Value = serde_json::from_str(&abi_json(&abi)).unwrap();
        for commit in &commits {
            for problem in extension_problems(contract, &abi_at(&root, commit, contract), &today) {
                problems.push(format!("against {commit}: {problem}"));
            }
        }
    }
    assert!(problems.is_empty(), "table layouts changed:\n  {}", problems.join("\n  "));
}

/// Without the fixed commit in the clone (a shallow clone) the upgrade tests fail and say
/// why; they never pass by skipping.
#[test]
#[should_panic(expected = "is not in this clone")]
fn upgrades_fail_loudly_without_the_earlier_commit_in_the_history() {
    require_commit(&workspace_root(), "0123456789abcdef0123456789abcdef01234567");
}

/// The guard itself: what it refuses and what it lets through.
#[test]
fn upgrades_guard_refuses_any_layout_change_but_an_appended_binary_extension() {
    let abi = |fields: Value| {
        serde_json::json!({
            "types": [{ "new_type_name": "amount", "type": "uint64" }],
            "structs": [
                { "name": "row", "base": "", "fields": fields },
                { "name": "entry", "base": "", "fields": [{ "name": "a", "type": "name" }] },
            ],
            "tables": [{ "name": "rows", "index_type": "i64", "key_names": [], "key_types": [], "type": "row" }],
            "variants": [],
        })
    };
    let field = |name: &str, ty: &str| serde_json::json!({ "name": name, "type": ty });
    let old = abi(serde_json::json!([field("id", "uint64"), field("entries", "entry[]")]));
    let check = |fields: Value| extension_problems("test", &old, &abi(fields));
    assert!(check(serde_json::json!([field("id", "uint64"), field("entries", "entry[]")])).is_empty());
    // An alias of the same type is the same layout.
    assert!(check(serde_json::json!([field("id", "amount"), field("entries", "entry[]")])).is_empty());
    let appended = check(serde_json::json!([field("id", "uint64"), field("entries", "entry[]"), field("x", "bool$")]));
    assert!(appended.is_empty(), "{appended:?}");
    for (fields, expected) in [
        (serde_json::json!([field("id", "uint64"), field("entries", "entry[]"), field("x", "bool")]), "not a binary"),
        (serde_json::json!([field("id", "uint64"), field("x", "bool$"), field("entries", "entry[]")]), "field 1"),
        (serde_json::json!([field("id", "uint32"), field("entries", "entry[]")]), "field 0"),
        (serde_json::json!([field("key", "uint64"), field("entries", "entry[]")]), "field 0"),
        (serde_json::json!([field("id", "uint64")]), "are gone"),
        (serde_json::json!([field("id", "uint64"), field("entries", "entry")]), "field 1"),
    ] {
        let problems = check(fields);
        assert!(problems.iter().any(|p| p.contains(expected)), "{expected}: {problems:?}");
    }
    // A nested struct may not change at all, not even at its end.
    let mut nested = abi(serde_json::json!([field("id", "uint64"), field("entries", "entry[]")]));
    nested["structs"][1]["fields"].as_array_mut().unwrap().push(field("b", "bool$"));
    assert!(extension_problems("test", &old, &nested).iter().any(|p| p.contains("field 1")));
    let mut renamed = abi(serde_json::json!([field("id", "uint64"), field("entries", "entry[]")]));
    renamed["tables"][0]["name"] = "rows2".into();
    assert!(extension_problems("test", &old, &renamed).iter().any(|p| p.contains("is gone")));
}

/// Every table of the release's ABIs holds a row somewhere: the state covers every table.
#[track_caller]
fn every_table_has_rows(rows: &Snapshot, release: &old::Release) {
    let present: BTreeSet<(String, String)> =
        rows.tables.iter().filter(|(_, r)| !r.is_empty()).map(|((c, t, _), _)| (c.clone(), t.clone())).collect();
    let mut missing = Vec::new();
    for contract in old::CONTRACTS {
        let abi: Value = serde_json::from_str(&release.abi(contract)).unwrap();
        for table in abi["tables"].as_array().unwrap() {
            let table = table["name"].as_str().unwrap().to_string();
            if !present.contains(&(contract.to_string(), table.clone())) {
                missing.push(format!("{contract}.{table}"));
            }
        }
    }
    assert!(missing.is_empty(), "the release's state has no rows in {missing:?}");
}

/// Reads a row as `T`, requiring every byte to be used.
fn read_all<T: Read>(bytes: &[u8]) -> Result<(), String> {
    let mut pos = 0;
    T::read(bytes, &mut pos).map_err(|e| format!("{e:?}"))?;
    match bytes.len() - pos {
        0 => Ok(()),
        left => Err(format!("{left} of {} bytes left over", bytes.len())),
    }
}

type Reader = fn(&[u8]) -> Result<(), String>;

macro_rules! readers {
    ($($contract:ident: [$($table:ty),* $(,)?]),* $(,)?) => {
        vec![$($((
            stringify!($contract),
            Name::new(<$table as Table>::NAME.as_u64()).to_string(),
            read_all::<<$table as Table>::Row> as Reader,
        ),)*)*]
    };
}

/// Today's row type of every table of every contract: `(contract, table, reader)`.
fn row_readers() -> Vec<(&'static str, String, Reader)> {
    use coop_protocol::{operator as o, soviet as s, wallet as w};
    use coop_runtime::peers::PeersTable;
    readers! {
        operator: [PeersTable, o::OperatorSettings, o::RequestCounters, o::Providers, o::Requests, o::Coopnames,
            o::Connections],
        registrator: [PeersTable, Config, Cards, Coops, Participants, Branches, Applications, AgreementKinds,
            RetiredKinds, Agreements],
        soviet: [PeersTable, s::Boards, s::Settings, s::Counters, s::Decisions, s::Proposers],
        wallet: [PeersTable, w::Ledgers, w::Counters, w::Wallets, w::Deposits, w::RegDeposits, w::Withdrawals],
    }
}

/// Every row in `rows` reads with today's row type of its table, all of its bytes; and
/// [`row_readers`] knows every table of today's ABIs.
#[track_caller]
fn every_row_reads(peers: &Peers, rows: &Snapshot) {
    let readers = row_readers();
    let known: BTreeSet<(String, String)> = readers.iter().map(|(c, t, _)| (c.to_string(), t.clone())).collect();
    let mut tables = BTreeSet::new();
    for (contract, abi) in contract_abis() {
        let abi: Value = serde_json::from_str(&abi_json(&abi)).unwrap();
        for table in abi["tables"].as_array().unwrap() {
            tables.insert((contract.to_string(), table["name"].as_str().unwrap().to_string()));
        }
    }
    assert_eq!(known, tables, "row_readers must list exactly the tables of today's ABIs");
    let contract_of = |account: &str| {
        [("operator", peers.operator), ("registrator", peers.registrator), ("soviet", peers.soviet)]
            .into_iter()
            .chain([("wallet", peers.wallet)])
            .find(|(_, a)| a.to_string() == account)
            .map(|(c, _)| c)
            .unwrap_or_else(|| panic!("{account} is none of our contracts"))
    };
    let mut failures = Vec::new();
    let mut count = 0;
    for ((account, table, scope), table_rows) in &rows.tables {
        let contract = contract_of(account);
        let (_, _, read) = readers
            .iter()
            .find(|(c, t, _)| *c == contract && t == table)
            .unwrap_or_else(|| panic!("{contract}.{table} is not a table of today's ABI"));
        for (index, (_, hex_row)) in table_rows.iter().enumerate() {
            count += 1;
            let bytes = hex::decode(hex_row).unwrap();
            if let Err(e) = read(&bytes) {
                failures.push(format!("{contract}.{table}@{scope} row {index}: {e}"));
            }
        }
    }
    assert!(count > 0, "no rows at all");
    assert!(failures.is_empty(), "rows that today's types cannot read:\n  {}", failures.join("\n  "));
}

/// `registrator::newaccount` of a fresh person for `coop` (not pushed), and the person.
fn new_account(chain: &TestChain, coop: &TestCoop) -> (Newaccount, Person) {
    let person = Person::new(chain, "late");
    (newaccount_of(coop.name, &person), person)
}

/// `registrator::newaccount` for `coop`, signed by the cooperative itself.
fn new_account_by_the_cooperative(chain: &TestChain, coop: &TestCoop) {
    let (data, person) = new_account(chain, coop);
    chain.ok(chain.peers.registrator, &[coop.name], &data);
    assert!(chain.client.account_exists(person.name));
}

/// What the release left: one cooperative with something of every flow, finished or in
/// flight, and a connection request not yet connected.
struct Before {
    alpha: TestCoop,
    branches: [Name; 3],
    /// An accepted participant (branch changed once), with a share deposit not yet confirmed.
    joined: Person,
    pending_share: u64,
    /// A withdrawal whose decision has one vote so far.
    voting: (Person, u64),
    /// A withdrawal approved and authorised by the council, not yet paid out.
    authorized: (Person, u64),
    /// A member whose leave decision is authorised, not yet executed.
    leaving: (Person, u64),
    /// A member imported on paper (`adduser`).
    imported: Person,
    /// An application not yet paid; one paid but not confirmed (its deposit); one declined
    /// by the council with the refund not yet paid (its deposit).
    unpaid: Person,
    unconfirmed: (Person, u64),
    declined: u64,
    /// A free decision carrying `setfees`, authorised, not yet executed, and its fees.
    fees: (u64, Setfees),
    /// A connection request of a second provider, pending.
    pending: TestCoop,
}

impl Before {
    fn populate(chain: &TestChain) -> Before {
        let (r, s, w) = (chain.peers.registrator, chain.peers.soviet, chain.peers.wallet);
        let provider = chain.new_provider();
        let alpha = old::cooperative(chain, provider);
        let coopname = alpha.name;
        // An agreement kind set and removed (`retiredkinds`), three branches.
        chain.ok(r, &[coopname], &Setagreement { coopname, kind: n("extra"), version: 1, title: "Extra".into() });
        chain.ok(r, &[coopname], &Rmagreement { coopname, kind: n("extra") });
        let branches = [n("north"), n("south"), n("east")];
        for braname in branches {
            let data = Createbranch { coopname, braname, trustee: alpha.chairman.name, title: "Branch".into() };
            chain.ok(r, &[coopname], &data);
        }
        // An executed free decision (`settings`).
        let ttl = council_action(s, &Setttl { coopname, seconds: 30 * 24 * 3600 });
        let id = old::propose(chain, &alpha, &alpha.members[0], vec![ttl]);
        old::approve(chain, &alpha, id);
        chain.exec(&alpha, alpha.chairman.name, id);

        let joined = old::admit(chain, &alpha, "joined", branches[0]);
        old::select_branch(chain, &alpha, &joined, branches[1]);
        let share = |person: &Person, amount: &str| Deposit {
            coopname,
            username: person.name,
            kind: KIND_SHARE,
            quantity: rub(amount),
            memo: "share".into(),
        };
        let pending_share: u64 = chain.ok(w, &[joined.name], &share(&joined, "70.0000")).return_value();
        let with_share = |prefix: &str, braname: Name, amount: &str| {
            let person = old::admit(chain, &alpha, prefix, braname);
            let id: u64 = chain.ok(w, &[person.name], &share(&person, amount)).return_value();
            chain.ok(w, &[coopname], &Confirm { coopname, deposit_id: id, memo: "received".into() });
            person
        };
        let voter = with_share("voting", branches[0], "1000.0000");
        let withdrawal = old::withdraw(chain, &alpha, &voter, rub("200.0000"));
        let decision = chain.decision_about(&alpha, "withdraw", voter.name).expect("a withdraw decision").id;
        chain.vote_for(&alpha, &alpha.chairman, decision);
        let voting = (voter, decision);
        let paid = with_share("paid", branches[1], "500.0000");
        let authorized_id = old::withdraw(chain, &alpha, &paid, rub("100.0000"));
        let decision = chain.decision_about(&alpha, "withdraw", paid.name).expect("a withdraw decision").id;
        old::approve(chain, &alpha, decision);
        chain.exec(&alpha, paid.name, decision);
        let authorized = (paid, authorized_id);
        assert!(chain.row::<Withdrawals>(w, coopname, withdrawal).is_some(), "the withdrawal waits for the council");
        let leaver = old::admit(chain, &alpha, "leaver", branches[2]);
        old::leave(chain, &alpha, &leaver);
        let decision = chain.decision_about(&alpha, "leave", leaver.name).expect("a leave decision").id;
        old::approve(chain, &alpha, decision);
        let leaving = (leaver, decision);

        let imported = Person::new(chain, "import");
        chain.ok(r, &[coopname], &Adduser { braname: branches[0], ..import_of(&alpha, &imported) });
        let (unpaid, _) = chain.new_member_account(&alpha, "unpaid", "individual");
        old::apply(chain, &alpha, &unpaid, branches[0]);
        let (person, _) = chain.new_member_account(&alpha, "unconf", "individual");
        old::apply(chain, &alpha, &person, branches[1]);
        let fee = chain.registration_fee(&alpha, n("individual"));
        let (deposit, _) = chain.pay_registration(&alpha, &person, fee);
        let unconfirmed = (person, deposit);
        let (person, _) = chain.new_member_account(&alpha, "decl", "individual");
        old::apply(chain, &alpha, &person, branches[2]);
        let decision = old::pay(chain, &alpha, &person);
        for voter in &alpha.members {
            chain.ok(s, &[voter.name], &Voteagainst { coopname, member: voter.name, decision_id: decision });
        }
        let declined = chain
            .rows::<Deposits>(w, coopname)
            .into_iter()
            .find(|d| d.username == person.name && d.status == DEPOSIT_REFUND)
            .expect("a declined registration waits for its refund")
            .id;

        let setfees = Setfees {
            coopname,
            initial: rub("150.0000"),
            minimum: rub("350.0000"),
            org_initial: rub("1500.0000"),
            org_minimum: rub("3500.0000"),
        };
        let id = old::propose(chain, &alpha, &alpha.members[1], vec![council_action(r, &setfees)]);
        old::approve(chain, &alpha, id);

        let (request, mut pending) = old::request(chain, chain.new_provider(), 2);
        pending.request_id = chain.ok(chain.peers.operator, &[pending.provider], &request).return_value();
        Before {
            alpha,
            branches,
            joined,
            pending_share,
            voting,
            authorized,
            leaving,
            imported,
            unpaid,
            unconfirmed,
            declined,
            fees: (id, setfees),
            pending,
        }
    }

    /// Everything the release left in flight finishes under today's code.
    fn finish_under_the_new_code(&self, chain: &TestChain) {
        let (r, s, w) = (chain.peers.registrator, chain.peers.soviet, chain.peers.wallet);
        let alpha = &self.alpha;
        let coopname = alpha.name;
        let pay = |withdraw_id: u64| {
            chain.ok(w, &[coopname], &Payout { coopname, withdraw_id, memo: "bank transfer".into() });
            assert!(chain.row::<Withdrawals>(w, coopname, withdraw_id).is_none(), "paid out and erased");
        };
        // The withdrawal half voted: the rest of the council, today's authorisation, payout.
        let (person, decision) = &self.voting;
        for voter in &alpha.members {
            chain.ok(s, &[voter.name], &Votefor { coopname, member: voter.name, decision_id: *decision });
        }
        chain.authorize(alpha, *decision);
        chain.exec(alpha, person.name, *decision);
        let open = chain.rows::<Withdrawals>(w, coopname);
        let approved = open.iter().find(|x| x.username == person.name).expect("the withdrawal");
        assert_eq!(approved.status, WITHDRAWAL_AUTHORIZED);
        pay(approved.id);
        pay(self.authorized.1);
        // The authorised leave: executed, the whole share due and paid.
        let (leaver, decision) = &self.leaving;
        let executed = chain.exec(alpha, leaver.name, *decision);
        assert!(chain.row::<Participants>(r, coopname, leaver.name.as_u64()).is_none(), "left");
        pay(executed.inline_actions(w, "leftcoop")[0].decode_return_value::<u64>().unwrap());
        // The authorised free decision runs the `setfees` the release's chairman signed.
        let (id, fees) = &self.fees;
        chain.exec(alpha, alpha.chairman.name, *id);
        let row = chain.coop_row(alpha);
        assert_eq!((row.initial, row.minimum), (fees.initial, fees.minimum));
        // Applications: the unpaid one withdrawn, the paid one confirmed and accepted, the
        // declined one refunded.
        chain.ok(r, &[self.unpaid.name], &Cancelapp { coopname, username: self.unpaid.name });
        let (person, deposit) = &self.unconfirmed;
        chain.confirm_deposit(alpha, *deposit);
        let decision = chain.decision_about(alpha, "joincoop", person.name).expect("on the agenda").id;
        for voter in alpha.council() {
            chain.vote_for(alpha, voter, decision);
        }
        chain.authorize(alpha, decision);
        chain.exec(alpha, person.name, decision);
        let participant = chain.row::<Participants>(r, coopname, person.name.as_u64()).expect("accepted");
        assert_eq!(participant.status, PARTICIPANT_ACCEPTED);
        chain.ok(w, &[coopname], &Payrefund { coopname, deposit_id: self.declined, memo: "refund".into() });
        chain.ok(w, &[coopname], &Cancel { coopname, deposit_id: self.pending_share, reason: "never arrived".into() });
        assert!(chain.rows::<Deposits>(w, coopname).is_empty(), "every deposit finished");
        assert!(chain.rows::<RegDeposits>(w, coopname).is_empty(), "every registration payment finished");
        assert!(chain.rows::<Withdrawals>(w, coopname).is_empty(), "every withdrawal finished");
        assert!(chain.rows::<Applications>(r, coopname).is_empty(), "every application finished");
        assert!(chain.rows::<Decisions>(s, coopname).is_empty(), "every decision finished");
        // The pending request is connected by today's operator, today's way: `coop@provider`
        // is the operator's code, and the provider acts through `operator::act`.
        let pending = &self.pending;
        let operator = chain.peers.operator;
        chain.ok(operator, &[operator], &Connect { request_id: pending.request_id });
        assert_eq!(chain.rows::<Connections>(operator, pending.provider).len(), 1);
        let provider = permission_authority(&chain.client, pending.name, PROVIDER_PERMISSION).unwrap();
        assert_eq!(provider.accounts[0].permission, level(operator, EOSIO_CODE));
        let (data, _) = new_account(chain, pending);
        chain.provider_act(pending, chain.peers.registrator, &data).expect("the provider acts through the operator");
    }

    /// Today's flows on the upgraded state: a registration end to end, a branch change, a
    /// share deposit and a withdrawal, a free decision, a leave.
    fn flows_still_work(&self, chain: &TestChain) {
        let (r, s, w) = (chain.peers.registrator, chain.peers.soviet, chain.peers.wallet);
        let alpha = &self.alpha;
        let coopname = alpha.name;
        let newcomer = chain.admit(alpha, "newbie", self.branches[2]);
        let selected = Selectbranch {
            coopname,
            username: newcomer.name,
            braname: self.branches[0],
            statement: Default::default(),
        };
        chain.ok(r, &[newcomer.name], &newcomer.signs(&chain.peers, "A branch nearer home", selected));
        let participant = chain.row::<Participants>(r, coopname, newcomer.name.as_u64()).unwrap();
        assert_eq!((participant.status, participant.braname), (PARTICIPANT_ACCEPTED, self.branches[0]));

        let member = &self.joined;
        let deposit = Deposit {
            coopname,
            username: member.name,
            kind: KIND_SHARE,
            quantity: rub("90.0000"),
            memo: "share".into(),
        };
        let id: u64 = chain.ok(w, &[member.name], &deposit).return_value();
        chain.confirm_deposit(alpha, id);
        let withdraw =
            Withdraw { coopname, username: member.name, quantity: rub("40.0000"), statement: Default::default() };
        let withdraw_id: u64 =
            chain.ok(w, &[member.name], &member.signs(&chain.peers, "Withdraw 40", withdraw)).return_value();
        let decision = chain.decision_about(alpha, "withdraw", member.name).expect("a withdraw decision").id;
        for voter in alpha.council() {
            chain.vote_for(alpha, voter, decision);
        }
        chain.authorize(alpha, decision);
        chain.exec(alpha, member.name, decision);
        chain.ok(w, &[coopname], &Payout { coopname, withdraw_id, memo: "bank transfer".into() });

        let seconds = 7 * 24 * 3600;
        chain.council_decides(alpha, vec![council_action(s, &Setttl { coopname, seconds })]).expect("a free decision");
        let settings = chain.row::<Settings>(s, s, coopname.as_u64()).expect("settings");
        assert_eq!(settings.decision_ttl, seconds);
        assert!(chain.rows::<Decisions>(s, coopname).iter().all(|d| d.kind != KIND_FREE));

        let person = &self.imported;
        let leave = Leavecoop { coopname, username: person.name, statement: Default::default() };
        chain.ok(r, &[person.name], &person.signs(&chain.peers, "I leave", leave));
        let decision = chain.decision_about(alpha, "leave", person.name).expect("a leave decision").id;
        for voter in alpha.council() {
            chain.vote_for(alpha, voter, decision);
        }
        chain.authorize(alpha, decision);
        let executed = chain.exec(alpha, person.name, decision);
        assert!(chain.row::<Participants>(r, coopname, person.name.as_u64()).is_none(), "left");
        let due: u64 = executed.inline_actions(w, "leftcoop")[0].decode_return_value().unwrap();
        chain.ok(w, &[coopname], &Payout { coopname, withdraw_id: due, memo: "bank transfer".into() });
    }

    /// The migration note. The release made `coop@provider` the provider's own `active` and
    /// kept no `connections` record; today `coop@provider` is the operator's code and a
    /// provider acts only through `operator::act`, for the cooperatives it is recorded to
    /// have connected. So for a cooperative connected before the upgrade, `rmprovider`
    /// cannot take the provider's power back (it still holds the permission itself), and
    /// `act` refuses every provider (no record); its old link of `changekey` to
    /// `coop@provider` gives nothing (today's `changekey` wants `coop@council`). Only the cooperative's own key can move
    /// `coop@provider` to the operator's code; after that no provider acts for it until an
    /// operator action records the connection (today there is none: the cooperative acts
    /// with its own key).
    fn cooperatives_connected_before_keep_their_provider(&self, chain: &TestChain) {
        let operator = chain.peers.operator;
        let alpha = &self.alpha;
        assert!(chain.rows::<Connections>(operator, alpha.provider).is_empty(), "no record of the release's");
        let provider = permission_authority(&chain.client, alpha.name, PROVIDER_PERMISSION).unwrap();
        assert_eq!(provider.accounts[0].permission, level(alpha.provider, ACTIVE), "the provider's own key");
        // The provider's key alone (the development key here) satisfies `alpha@provider`.
        let directly = |chain: &TestChain| {
            let (data, _) = new_account(chain, alpha);
            let provider = [level(alpha.name, PROVIDER_PERMISSION)];
            chain.push_signed(chain.peers.registrator, &provider, &data, &[PrivateKey::dev()]).map(|_| ())
        };
        let (data, _) = new_account(chain, alpha);
        let refused = expect_assertion(chain.provider_act(alpha, chain.peers.registrator, &data), operator, n("act"));
        assert_eq!(refused, ERR_NOT_PROVIDERS_COOP, "act: no record of the connection");

        let more: bool = chain.ok(operator, &[operator], &Rmprovider { provider: alpha.provider }).return_value();
        assert!(!more, "nothing recorded to erase");
        directly(chain).expect("the removed provider still acts for a cooperative connected before the upgrade");
        // The release also linked `changekey` to `coop@provider`; today's `changekey` wants
        // `coop@council`, sent by the soviet: the old link gives the provider nothing.
        let key = PrivateKey::generate().public_key();
        let rekey = Changekey { coopname: alpha.name, username: self.joined.name, public_key: key };
        let provider = [level(alpha.name, PROVIDER_PERMISSION)];
        match chain.push_signed(chain.peers.registrator, &provider, &rekey, &[PrivateKey::dev()]) {
            Ok(_) => panic!("the provider changed a member's key"),
            Err(refused) => assert!(refused.name().is_some_and(|e| AUTHORITY_ERRORS.contains(&e)), "{refused}"),
        }

        // The remedy, by the cooperative's own key: `provider` becomes the operator's code.
        let adopt = UpdateAuth {
            account: alpha.name,
            permission: PROVIDER_PERMISSION,
            parent: ACTIVE,
            auth: Authority::accounts(&[level(operator, EOSIO_CODE)]),
        };
        chain.ok(SYSTEM, &[alpha.name], &adopt);
        match directly(chain) {
            Ok(()) => panic!("the removed provider still acts for the cooperative after the remedy"),
            Err(refused) => assert!(refused.name().is_some_and(|e| AUTHORITY_ERRORS.contains(&e)), "{refused}"),
        }
        // The cooperative still administers itself with its own key.
        new_account_by_the_cooperative(chain, alpha);

        // A cooperative connected after the upgrade loses its provider with `rmprovider`.
        let pending = &self.pending;
        let more: bool = chain.ok(operator, &[operator], &Rmprovider { provider: pending.provider }).return_value();
        assert!(!more);
        let (data, _) = new_account(chain, pending);
        let refused = expect_assertion(chain.provider_act(pending, chain.peers.registrator, &data), operator, n("act"));
        assert_eq!(refused, ERR_PROVIDER_NOT_FOUND);
    }
}
