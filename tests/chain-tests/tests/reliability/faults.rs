//! Node faults (issue 11, item 4) on a 3-node localnet of its own: real flows pushed
//! round-robin to every node (see [`super::stream`]); mid-stream a follower is killed with
//! SIGKILL and started again, then the producer; the stream goes on while each is down.
//! Afterwards every node must have the same rows in every table of our contracts, every
//! transaction that was in an irreversible block — before the producer died included — must
//! still be in the same block on every node, and every person's flow must have happened
//! exactly once. Then the whole network is stopped and started again: nothing may change.
//!
//! `FAULTS_LANES` (default 6) people go through their flows at once; `FAULTS_ROUNDS`
//! (default 1) is how many people each lane takes in turn, with one follower kill (node 2,
//! then node 1, in turn) and one producer kill per round.
use super::common::{env_u64, snapshot, Snapshot};
use super::network::TempLocalnet;
use super::stream::{step, transaction_ids, Step, Stream};
use antelope_test_harness::boot::core;
use antelope_test_harness::cooperative::{rub, Person, TestCoop};
use antelope_test_harness::fixture::TestChain;
use coop_protocol::registrator::{
    Agree, AgreementKind, AgreementKinds, Applications, Joincoop, Leavecoop, Newaccount, Participants,
    PARTICIPANT_ACCEPTED, TYPE_INDIVIDUAL,
};
use coop_protocol::soviet::{Decisions, Exec, Votefor};
use coop_protocol::wallet::{
    Confirm, Deposit, Deposits, Payout, RegDeposits, Wallets, Withdraw, Withdrawals, DEPOSIT_PENDING,
    KIND_REGISTRATION, KIND_SHARE, WITHDRAWAL_AUTHORIZED,
};
use coop_runtime::system::{BuyRamBytes, DelegateBw, TokenTransfer, SYSTEM, TOKEN};
use eosio::{Asset, Name};
use serde_json::json;
use std::time::{Duration, Instant};

/// What each person pays in as a share, and takes out again.
const SHARE: &str = "50.0000";
const WITHDRAWN: &str = "20.0000";

#[test]
fn faults_kill_9_of_a_follower_and_of_the_producer_and_a_full_restart_lose_nothing_irreversible() {
    let started = Instant::now();
    let lanes = env_u64("FAULTS_LANES", 6) as usize;
    let rounds = env_u64("FAULTS_ROUNDS", 1) as usize;
    let (net, summary) = TempLocalnet::start(3);
    let chains: Vec<TestChain> =
        (0..3).map(|i| TestChain::attach(&net.url(i), summary.peers).expect("attach to the node")).collect();
    let (coop, kinds) = setup(&chains[0]);
    let from = wait_synced(&chains);
    let up_at = started.elapsed();

    let mut stream = Stream::new(chains, from);
    for key in std::iter::once(&coop.key).chain(coop.council().into_iter().map(|p| &p.key)) {
        stream.add_key(key.clone());
    }
    let mut people = Vec::new();
    for lane in 0..lanes {
        let mut steps = Vec::new();
        for round in 0..rounds {
            let person = Person::new(&stream.nodes[0].chain, "flow");
            stream.add_key(person.key.clone());
            let leaves = (lane + round) % 2 == 1;
            steps.extend(flow(&stream.nodes[0].chain, &coop, &kinds, &person, leaves));
            people.push((person, leaves));
        }
        stream.add_lane(format!("lane {lane}"), steps);
    }
    let counters_before = counters(&stream.nodes[0].chain, &coop);
    let total = stream.remaining();

    let mut at_risk = Vec::new();
    let mut irreversible_at_kill = 0;
    let mut reversible = Vec::new();
    for round in 0..rounds {
        let pushed = |fraction: f64| ((round as f64 + fraction) / rounds as f64 * total as f64) as usize;
        stream.run_until(Duration::from_secs(300), "the follower's kill", |s| s.pushes >= pushed(0.25) || s.finished());
        let follower = 2 - round % 2;
        net.kill(follower);
        stream.nodes[follower].live = false;
        run_for(&mut stream, Duration::from_secs(4));
        net.up();
        stream.nodes[follower].live = true;

        stream.run_until(Duration::from_secs(300), "the producer's kill", |s| s.pushes >= pushed(0.6) || s.finished());
        // What the chain guarantees from here: every transaction in a block that is
        // irreversible now. Read up to node 0's last irreversible block, then kill it at once.
        stream.catch_up(0);
        let guaranteed = stream.index.clone();
        irreversible_at_kill = guaranteed.txs.len();
        at_risk.extend(
            stream.acknowledged.iter().filter(|(id, _)| !guaranteed.txs.contains_key(id)).map(|(id, _)| id.clone()),
        );
        reversible.extend(reversible_blocks(&stream.nodes[0].chain, guaranteed.scanned));
        net.kill(0);
        stream.nodes[0].live = false;
        run_for(&mut stream, Duration::from_secs(3));
        net.up();
        stream.nodes[0].live = true;
        stream.run_until(Duration::from_secs(60), "irreversibility after the restart", |s| {
            s.index.scanned > guaranteed.scanned
        });
        for (id, block) in &guaranteed.txs {
            assert_eq!(stream.index.txs.get(id), Some(block), "transaction {id} left irreversible block {block}");
        }
    }
    stream.run_until(Duration::from_secs(600), "the end of every flow", Stream::finished);
    let stream_at = started.elapsed();

    let head = stream.nodes[0].chain.client.get_info().unwrap().head_block_num;
    wait_irreversible(&stream.nodes.iter().map(|n| &n.chain).collect::<Vec<_>>(), head);
    stream.catch_up(0);
    let chains: Vec<&TestChain> = stream.nodes.iter().map(|n| &n.chain).collect();
    let tables = same_tables(&chains, "after the faults");
    same_blocks(&chains, &stream.index.blocks);
    assert!(
        stream.acknowledged.iter().all(|(id, _)| stream.index.txs.contains_key(id)),
        "every acknowledged transaction ends up irreversible (sent again until it does)"
    );
    each_flow_once(chains[0], &coop, &people, &counters_before);
    // The producer's last blocks, reversible when it died: what of them was lost with it
    // (and applied later, from a resend) — allowed, and counted.
    let in_reversible: Vec<&String> = reversible.iter().flat_map(|(_, _, txs)| txs).collect();
    let lost = reversible
        .iter()
        .flat_map(|(num, id, txs)| txs.iter().map(move |tx| (num, id, tx)))
        .filter(|(num, id, tx)| stream.index.txs.get(*tx) != Some(*num) || stream.index.blocks.get(*num) != Some(*id))
        .count();
    // What was acknowledged but not yet irreversible when it died: how much of it a node
    // took as new when it was sent again (so it had been lost).
    let revived = at_risk.iter().filter(|id| stream.revived.contains(*id)).count();

    // The whole network stopped and started again.
    let before = stream.nodes[0].chain.client.get_info().unwrap();
    net.down();
    net.up();
    let after = same_tables(&chains, "after the restart of every node");
    let changed = tables.differences(&after);
    assert!(changed.is_empty(), "a full restart changed our tables:\n  {}", changed.join("\n  "));
    same_blocks(&chains, &stream.index.blocks);
    let info = chains[0].client.get_info().unwrap();
    assert!(info.last_irreversible_block_num >= before.last_irreversible_block_num);
    assert_eq!(block_id(chains[0], before.last_irreversible_block_num), before.last_irreversible_block_id);

    let (people, pushes, resends, expired) = (people.len(), stream.pushes, stream.resends, stream.expired);
    let (at_risk, reversible) = (at_risk.len(), in_reversible.len());
    eprintln!(
        "faults: {people} people in {lanes} lanes × {rounds} rounds; {pushes} transactions, {resends} sent \
         again, {expired} signed anew after expiring unseen; at the producer's kills {at_risk} acknowledged \
         but not yet irreversible ({revived} of them lost, taken as new when sent again), {reversible} in its \
         reversible blocks ({lost} lost with them), {irreversible_at_kill} irreversible at the last (all \
         kept); localnet up in {up_at:.0?}, stream done at {stream_at:.0?}, all {:.0?}",
        started.elapsed()
    );
}

/// A provider, a cooperative with a chairman and two council members, tokens, RAM and
/// bandwidth for the many people it takes in; returns it with its agreement kinds.
fn setup(chain: &TestChain) -> (TestCoop, Vec<AgreementKind>) {
    let coop = chain.new_cooperative();
    let memo = "for the stream".to_string();
    chain.ok(TOKEN, &[SYSTEM], &TokenTransfer { from: SYSTEM, to: coop.name, quantity: core("200.0000"), memo });
    chain.ok(SYSTEM, &[SYSTEM], &BuyRamBytes { payer: SYSTEM, receiver: coop.name, bytes: 1024 * 1024 });
    for receiver in std::iter::once(coop.name).chain(coop.council().into_iter().map(|p| p.name)) {
        let stake = core("50.0000");
        let data = DelegateBw {
            from: SYSTEM,
            receiver,
            stake_net_quantity: stake,
            stake_cpu_quantity: stake,
            transfer: false,
        };
        chain.ok(SYSTEM, &[SYSTEM], &data);
    }
    let kinds = chain.rows::<AgreementKinds>(chain.peers.registrator, coop.name);
    (coop, kinds)
}

/// One person's way in, a share deposit, a withdrawal through the council and its payout,
/// and (if `leaves`) leaving with the rest of the share paid out: one transaction per step.
fn flow(chain: &TestChain, coop: &TestCoop, kinds: &[AgreementKind], person: &Person, leaves: bool) -> Vec<Step> {
    let (r, w) = (chain.peers.registrator, chain.peers.wallet);
    let peers = chain.peers;
    let (coopname, username) = (coop.name, person.name);
    let mut steps = vec![step("newaccount", r, coopname, {
        let key = person.key.public_key();
        move |_| Newaccount {
            coopname,
            username,
            r#type: TYPE_INDIVIDUAL,
            public_key: key,
            referer: Name::new(0),
            meta: "{}".into(),
        }
    })];
    for kind in kinds {
        let (person, kind) = (person.clone(), kind.clone());
        steps.push(step(format!("agree {}", kind.kind), r, username, move |_| {
            let data =
                Agree { coopname, username, kind: kind.kind, version: kind.version, document: Default::default() };
            person.signs(&peers, &format!("{} agreement, version {}", kind.title, kind.version), data)
        }));
    }
    let signer = person.clone();
    steps.push(step("joincoop", r, username, move |_| {
        let data = Joincoop { coopname, braname: Name::new(0), username, statement: Default::default() };
        signer.signs(&peers, &format!("Statement: {username} applies to join {coopname}"), data)
    }));
    let deposit = |kind: Name, quantity: Option<Asset>| {
        let coop = coop.clone();
        step(format!("deposit {kind}"), w, username, move |chain: &TestChain| Deposit {
            coopname,
            username,
            kind,
            quantity: quantity.unwrap_or_else(|| chain.registration_fee(&coop, TYPE_INDIVIDUAL)),
            memo: "bank transfer".into(),
        })
    };
    let confirm = |kind: Name| {
        step(format!("confirm {kind}"), w, coopname, move |chain: &TestChain| {
            let deposit = chain
                .rows::<Deposits>(chain.peers.wallet, coopname)
                .into_iter()
                .find(|d| d.username == username && d.kind == kind && d.status == DEPOSIT_PENDING);
            let deposit_id = deposit.unwrap_or_else(|| panic!("{username}'s {kind} deposit is not on the node")).id;
            Confirm { coopname, deposit_id, memo: "received".into() }
        })
    };
    steps.push(deposit(KIND_REGISTRATION, None));
    steps.push(confirm(KIND_REGISTRATION));
    steps.extend(decided(coop, "joincoop", username));
    steps.push(deposit(KIND_SHARE, Some(rub(SHARE))));
    steps.push(confirm(KIND_SHARE));
    let signer = person.clone();
    steps.push(step("withdraw", w, username, move |_| {
        let data = Withdraw { coopname, username, quantity: rub(WITHDRAWN), statement: Default::default() };
        signer.signs(&peers, "I withdraw part of my share", data)
    }));
    steps.extend(decided(coop, "withdraw", username));
    let payout = || {
        step("payout", w, coopname, move |chain: &TestChain| {
            let due = chain
                .rows::<Withdrawals>(chain.peers.wallet, coopname)
                .into_iter()
                .find(|x| x.username == username && x.status == WITHDRAWAL_AUTHORIZED);
            let withdraw_id = due.unwrap_or_else(|| panic!("{username} has no authorised withdrawal on the node")).id;
            Payout { coopname, withdraw_id, memo: "bank transfer".into() }
        })
    };
    steps.push(payout());
    if leaves {
        let signer = person.clone();
        steps.push(step("leavecoop", r, username, move |_| {
            let data = Leavecoop { coopname, username, statement: Default::default() };
            signer.signs(&peers, "I leave the cooperative", data)
        }));
        steps.extend(decided(coop, "leave", username));
        steps.push(payout());
    }
    steps
}

/// The council's cycle for the latest decision of `kind` about `username`: every member's
/// vote, the chairman's authorisation, execution.
fn decided(coop: &TestCoop, kind: &'static str, username: Name) -> Vec<Step> {
    let soviet = coop_runtime::n("soviet");
    let id = move |chain: &TestChain, coop: &TestCoop| {
        chain.decision_about(coop, kind, username).unwrap_or_else(|| panic!("no {kind} decision of {username}")).id
    };
    let mut steps: Vec<Step> = coop
        .council()
        .into_iter()
        .map(|voter| {
            let (coop, member) = (coop.clone(), voter.name);
            step(format!("votefor {kind}"), soviet, member, move |chain: &TestChain| Votefor {
                coopname: coop.name,
                member,
                decision_id: id(chain, &coop),
            })
        })
        .collect();
    let c = coop.clone();
    steps.push(step(format!("authorize {kind}"), soviet, coop.chairman.name, move |chain: &TestChain| {
        chain.authorization(&c, id(chain, &c))
    }));
    let c = coop.clone();
    steps.push(step(format!("exec {kind}"), soviet, username, move |chain: &TestChain| Exec {
        executer: username,
        coopname: c.name,
        decision_id: id(chain, &c),
    }));
    steps
}

/// The blocks after `lib` up to the head of `chain`: number, id and transactions.
fn reversible_blocks(chain: &TestChain, lib: u32) -> Vec<(u32, String, Vec<String>)> {
    let head = chain.client.get_info().unwrap().head_block_num;
    (lib + 1..=head)
        .map(|num| {
            let block = chain.client.call("/v1/chain/get_block", &json!({ "block_num_or_id": num })).unwrap();
            (num, block["id"].as_str().unwrap_or_default().to_string(), transaction_ids(&block))
        })
        .collect()
}

/// Ticks the stream for `duration`.
fn run_for(stream: &mut Stream, duration: Duration) {
    let until = Instant::now() + duration;
    stream.run_until(duration + Duration::from_secs(30), "a pause", |_| Instant::now() >= until);
}

/// Waits until every node's last irreversible block is at least node 0's head now; returns it.
fn wait_synced(chains: &[TestChain]) -> u32 {
    let head = chains[0].client.get_info().unwrap().head_block_num;
    wait_irreversible(&chains.iter().collect::<Vec<_>>(), head);
    head
}

fn wait_irreversible(chains: &[&TestChain], block: u32) {
    let deadline = Instant::now() + Duration::from_secs(60);
    for (index, chain) in chains.iter().enumerate() {
        loop {
            let info = chain.client.get_info();
            if info.as_ref().is_ok_and(|i| i.last_irreversible_block_num >= block) {
                break;
            }
            assert!(Instant::now() < deadline, "node {index} never made block {block} irreversible: {info:?}");
            std::thread::sleep(Duration::from_millis(200));
        }
    }
}

/// Every node's snapshot of our tables, all equal; returns node 0's.
#[track_caller]
fn same_tables(chains: &[&TestChain], when: &str) -> Snapshot {
    let snapshots: Vec<Snapshot> = chains.iter().map(|c| snapshot(c)).collect();
    for (index, other) in snapshots.iter().enumerate().skip(1) {
        let differences = snapshots[0].differences(other);
        assert!(differences.is_empty(), "{when}, node {index} differs from node 0:\n  {}", differences.join("\n  "));
    }
    snapshots.into_iter().next().unwrap()
}

/// Every node has each of `blocks` (number → id) with that id.
#[track_caller]
fn same_blocks(chains: &[&TestChain], blocks: &std::collections::BTreeMap<u32, String>) {
    for (index, chain) in chains.iter().enumerate() {
        for (num, id) in blocks {
            assert_eq!(&block_id(chain, *num), id, "node {index}: block {num}");
        }
    }
}

fn block_id(chain: &TestChain, num: u32) -> String {
    let block = chain.client.call("/v1/chain/get_block", &json!({ "block_num_or_id": num })).unwrap();
    block["id"].as_str().unwrap_or_default().to_string()
}

/// The cooperative's numbered deposits, withdrawals and decisions so far.
fn counters(chain: &TestChain, coop: &TestCoop) -> (u64, u64, u64) {
    let (s, w) = (chain.peers.soviet, chain.peers.wallet);
    let wallet = chain.row::<coop_protocol::wallet::Counters>(w, w, coop.name.as_u64()).unwrap_or_default();
    let soviet = chain.row::<coop_protocol::soviet::Counters>(s, s, coop.name.as_u64()).unwrap_or_default();
    (wallet.deposits, wallet.withdrawals, soviet.last_id)
}

/// Each person's flow happened exactly once: two deposits, a withdrawal (two for a leaver)
/// and two decisions (three) numbered each, their wallets exactly what the flow leaves, no
/// deposit, withdrawal, application or decision left open.
fn each_flow_once(chain: &TestChain, coop: &TestCoop, people: &[(Person, bool)], before: &(u64, u64, u64)) {
    let (r, s, w) = (chain.peers.registrator, chain.peers.soviet, chain.peers.wallet);
    let leavers = people.iter().filter(|(_, leaves)| *leaves).count() as u64;
    let count = people.len() as u64;
    let expected = (before.0 + 2 * count, before.1 + count + leavers, before.2 + 2 * count + leavers);
    assert_eq!(counters(chain, coop), expected, "numbered deposits, withdrawals and decisions");
    let kept = rub(&format!("{:.4}", SHARE.parse::<f64>().unwrap() - WITHDRAWN.parse::<f64>().unwrap()));
    for (person, leaves) in people {
        let participant = chain.row::<Participants>(r, coop.name, person.name.as_u64());
        let wallet = chain.row::<Wallets>(w, coop.name, person.name.as_u64()).expect("a wallet");
        let books = (wallet.available, wallet.blocked, wallet.minimum, wallet.initial);
        if *leaves {
            assert!(participant.is_none(), "{} left", person.name);
            assert_eq!(books, (rub("0.0000"), rub("0.0000"), rub("0.0000"), rub("100.0000")), "{}", person.name);
        } else {
            assert_eq!(participant.map(|p| p.status), Some(PARTICIPANT_ACCEPTED), "{}", person.name);
            assert_eq!(books, (kept, rub("0.0000"), rub("300.0000"), rub("100.0000")), "{}", person.name);
        }
    }
    assert!(chain.rows::<Deposits>(w, coop.name).is_empty());
    assert!(chain.rows::<RegDeposits>(w, coop.name).is_empty());
    assert!(chain.rows::<Withdrawals>(w, coop.name).is_empty());
    assert!(chain.rows::<Applications>(r, coop.name).is_empty());
    assert!(chain.rows::<Decisions>(s, coop.name).is_empty());
}
