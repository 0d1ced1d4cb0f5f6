//! The chain runs at Antelope's default limits — the localnet's and every test node's
//! genesis (`localnet/genesis.json`) is Leap's defaults — and our deepest flows fit them:
//! the inline depth and the billed CPU of each, measured from the traces of real pushes.
use super::common::chain;
use antelope_test_harness::client::{PushOutcome, TraceSummary};
use antelope_test_harness::cooperative::{council_action, rub, Person, TestCoop};
use antelope_test_harness::fixture::TestChain;
use antelope_test_harness::tools::localnet_dir;
use coop_protocol::operator::Connect;
use coop_protocol::registrator::{Createbranch, Leavecoop, Setfees, TYPE_INDIVIDUAL};
use coop_protocol::soviet::{BoardMember, Close, Setttl, Updateboard, Voteagainst, POSITION_CHAIRMAN, POSITION_MEMBER};
use coop_protocol::wallet::{Confirm, Deposit, Payout, Payrefund, Refundreg, Withdraw, KIND_SHARE};
use coop_runtime::n;
use eosio::Name;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// Leap's defaults of the consensus parameters (`libraries/chain/include/eosio/chain/config.hpp`
/// of AntelopeIO/leap), under the names nodeos gives them.
const DEFAULT_CHAIN_CONFIG: &[(&str, u64)] = &[
    ("max_block_net_usage", 1024 * 1024),
    ("target_block_net_usage_pct", 1000),
    ("max_transaction_net_usage", 512 * 1024),
    ("base_per_transaction_net_usage", 12),
    ("net_usage_leeway", 500),
    ("context_free_discount_net_usage_num", 20),
    ("context_free_discount_net_usage_den", 100),
    ("max_block_cpu_usage", 200_000),
    ("target_block_cpu_usage_pct", 1000),
    ("max_transaction_cpu_usage", 150_000),
    ("min_transaction_cpu_usage", 100),
    ("max_transaction_lifetime", 3600),
    ("deferred_trx_expiration_window", 600),
    ("max_transaction_delay", 45 * 24 * 3600),
    ("max_inline_action_size", 512 * 1024),
    ("max_inline_action_depth", 4),
    ("max_authority_depth", 6),
    // Not in the genesis: set by the chain when ACTION_RETURN_VALUE is activated. Read-only
    // transactions (our paged queries) are not held to it.
    ("max_action_return_value_size", 256),
];

/// Leap's defaults of the WebAssembly limits (`eosio::setwparams`; same file).
const DEFAULT_WASM_CONFIG: &[(&str, u64)] = &[
    ("max_mutable_global_bytes", 1024),
    ("max_table_elements", 1024),
    ("max_section_elements", 8192),
    ("max_linear_memory_init", 64 * 1024),
    ("max_func_local_bytes", 8192),
    ("max_nested_structures", 1024),
    ("max_symbol_bytes", 8192),
    ("max_module_bytes", 20 * 1024 * 1024),
    ("max_code_bytes", 20 * 1024 * 1024),
    ("max_pages", 528),
    ("max_call_depth", 251),
];

/// A producer's own limit on one transaction in Leap (`--max-transaction-time`, 30 ms by
/// default; the consensus limit is 150 ms): every flow must fit it, with room to spare.
const PRODUCER_DEFAULT_TRANSACTION_US: u64 = 30_000;

/// `/v1/chain/get_consensus_parameters`: `{chain_config, wasm_config}` as the chain holds them.
fn consensus_parameters(chain: &TestChain) -> Value {
    chain.client.call("/v1/chain/get_consensus_parameters", &json!({})).expect("get_consensus_parameters")
}

#[test]
fn the_chain_runs_at_antelopes_default_limits() {
    let parameters = consensus_parameters(chain());
    for (section, defaults) in [("chain_config", DEFAULT_CHAIN_CONFIG), ("wasm_config", DEFAULT_WASM_CONFIG)] {
        for (field, default) in defaults {
            let value = parameters[section][field].as_u64();
            assert_eq!(value, Some(*default), "{section}.{field} is not Leap's default: {}", parameters[section]);
        }
    }
    // The localnet boots from the same genesis as the test nodes: it says the same.
    let path = localnet_dir().join("genesis.json");
    let genesis: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("genesis.json")).unwrap();
    let initial = genesis["initial_configuration"].as_object().expect("initial_configuration");
    for (field, value) in initial {
        let default = DEFAULT_CHAIN_CONFIG.iter().find(|(f, _)| f == field).map(|(_, d)| *d);
        assert_eq!(value.as_u64(), default, "{}: {field} is not Leap's default", path.display());
    }
    assert_eq!(initial.len(), DEFAULT_CHAIN_CONFIG.len() - 1, "every genesis parameter is set");
}

/// One pushed transaction's inline depth and cost.
struct Measured {
    what: String,
    /// The deepest action's depth: 0 for a top-level action, its creator's + 1 for an
    /// inline action; a notification has the depth of the action it notifies of, as the
    /// chain counts against `max_inline_action_depth`.
    depth: u32,
    /// The chain down to the deepest action, each with its depth.
    path: String,
    cpu_us: u64,
    traces: usize,
}

fn measure(what: &str, outcome: &PushOutcome) -> Measured {
    let traces: BTreeMap<u32, &TraceSummary> = outcome.action_traces.iter().map(|t| (t.action_ordinal, t)).collect();
    // Each trace with its creators up to the top-level action, and its depth: an inline
    // action is one deeper than the action that sent it; a notification (its receiver is not
    // the action's account) runs at the depth of the action it notifies of, as the chain counts.
    let lineage = |mut ordinal: u32| {
        let mut line = Vec::new();
        while let Some(trace) = traces.get(&ordinal) {
            line.push(*trace);
            ordinal = trace.creator_action_ordinal;
        }
        line.reverse();
        line
    };
    let depths = |line: &[&TraceSummary]| -> Vec<u32> {
        let mut depth = 0;
        line.iter()
            .enumerate()
            .map(|(i, t)| {
                if i > 0 && t.receiver == t.account {
                    depth += 1;
                }
                depth
            })
            .collect()
    };
    let deepest = traces
        .keys()
        .map(|o| lineage(*o))
        .max_by_key(|line| (depths(line).last().copied().unwrap_or(0), std::cmp::Reverse(line.len())))
        .unwrap_or_default();
    let levels = depths(&deepest);
    let path = deepest
        .iter()
        .zip(&levels)
        .map(|(t, depth)| {
            let notified = if t.receiver != t.account { format!(" (notified {})", t.receiver) } else { String::new() };
            format!("{}::{}{notified} [{depth}]", t.account, t.name)
        })
        .collect::<Vec<_>>()
        .join(" → ");
    Measured {
        what: what.into(),
        depth: levels.last().copied().unwrap_or(0),
        path,
        cpu_us: outcome.cpu_usage_us,
        traces: outcome.action_traces.len(),
    }
}

/// `operator::request` + `operator::connect` of a cooperative with a chairman and two members:
/// the cooperative and the connect outcome.
fn connect(chain: &TestChain) -> (TestCoop, PushOutcome) {
    let provider = chain.provider();
    let (request, key, chairman, members) = chain.coop_request(provider, 2);
    let request_id: u64 = chain.ok(chain.peers.operator, &[provider], &request).return_value();
    let outcome = chain.ok(chain.peers.operator, &[chain.peers.operator], &Connect { request_id });
    (TestCoop { name: request.coopname, key, provider, chairman, members, request_id }, outcome)
}

/// A person with an account, agreements, a paid and confirmed application on the agenda:
/// the person and the joincoop decision's id.
fn applicant(chain: &TestChain, coop: &TestCoop, out: &mut Vec<Measured>) -> (Person, u64) {
    let (person, created) = chain.new_member_account(coop, "limit", "individual");
    out.push(measure("registrator::newaccount", &created));
    out.push(measure("registrator::joincoop", &chain.apply(coop, &person, Name::new(0))));
    let fee = chain.registration_fee(coop, n("individual"));
    let (deposit_id, deposited) = chain.pay_registration(coop, &person, fee);
    out.push(measure("wallet::deposit (registration)", &deposited));
    out.push(measure("wallet::confirm (registration)", &chain.confirm_deposit(coop, deposit_id)));
    let decision = chain.decision_about(coop, "joincoop", person.name).expect("on the agenda");
    (person, decision.id)
}

/// Every council member votes for decision `id`, the chairman authorises, the chairman
/// executes: the `exec` outcome.
fn approve_and_exec(chain: &TestChain, coop: &TestCoop, id: u64, out: &mut Vec<Measured>, what: &str) -> PushOutcome {
    for voter in coop.council() {
        out.push(measure("soviet::votefor", &chain.vote_for(coop, voter, id)));
    }
    out.push(measure("soviet::authorize", &chain.authorize(coop, id)));
    let executed = chain.exec(coop, coop.chairman.name, id);
    out.push(measure(what, &executed));
    executed
}

#[test]
fn the_deepest_flows_fit_four_inline_levels_and_the_cpu_limit() {
    let chain = chain();
    let parameters = consensus_parameters(chain);
    let max_depth = parameters["chain_config"]["max_inline_action_depth"].as_u64().unwrap() as u32;
    let max_cpu = parameters["chain_config"]["max_transaction_cpu_usage"].as_u64().unwrap();
    assert_eq!((max_depth, max_cpu), (4, 150_000));
    let (s, r, w) = (chain.peers.soviet, chain.peers.registrator, chain.peers.wallet);
    let mut out = Vec::new();

    // Connection: accounts, permissions, registry, council, ledger, agreements.
    let (coop, connected) = connect(chain);
    out.push(measure("operator::connect", &connected));

    // Registration, accepted: exec → acceptjoin → addmember.
    let (member, id) = applicant(chain, &coop, &mut out);
    approve_and_exec(chain, &coop, id, &mut out, "soviet::exec (joincoop)");

    // Declined by the vote that makes approval impossible: → declinejoin → refundreg; refund.
    let (_, id) = applicant(chain, &coop, &mut out);
    let against = |voter: &Person, decision_id| Voteagainst { coopname: coop.name, member: voter.name, decision_id };
    chain.ok(s, &[coop.members[0].name], &against(&coop.members[0], id));
    let sealed = chain.ok(s, &[coop.members[1].name], &against(&coop.members[1], id));
    out.push(measure("soviet::voteagainst (sealing a joincoop)", &sealed));
    let refunds = sealed.inline_actions(w, "refundreg");
    let deposit_id = refunds[0].decode_data::<Refundreg>().expect("refundreg data").deposit_id;
    let refund = Payrefund { coopname: coop.name, deposit_id, memo: "back".into() };
    out.push(measure("wallet::payrefund", &chain.ok(w, &[coop.name], &refund)));

    // A share, a withdrawal through the council: exec → allowwithdr; payout.
    let share = Deposit {
        coopname: coop.name,
        username: member.name,
        kind: KIND_SHARE,
        quantity: rub("50.0000"),
        memo: String::new(),
    };
    let deposit_id: u64 = chain.ok(w, &[member.name], &share).return_value();
    out.push(measure(
        "wallet::confirm (share)",
        &chain.ok(w, &[coop.name], &Confirm { coopname: coop.name, deposit_id, memo: String::new() }),
    ));
    // A provider's confirmation of a registration payment, forwarded by the operator:
    // act → confirm → paidjoin → propose.
    let (payer, _) = chain.new_member_account(&coop, "viaact", "individual");
    chain.apply(&coop, &payer, Name::new(0));
    let fee = chain.registration_fee(&coop, TYPE_INDIVIDUAL);
    let (deposit_id, _) = chain.pay_registration(&coop, &payer, fee);
    let confirm = Confirm { coopname: coop.name, deposit_id, memo: String::new() };
    let forwarded = chain.provider_act(&coop, w, &confirm).expect("the provider confirms");
    out.push(measure("operator::act (wallet::confirm of a registration)", &forwarded));
    let withdraw = Withdraw {
        coopname: coop.name,
        username: member.name,
        quantity: rub("10.0000"),
        statement: Default::default(),
    };
    let withdraw = member.signs(&chain.peers, "I ask for my contribution back", withdraw);
    let withdrawn = chain.ok(w, &[member.name], &withdraw);
    out.push(measure("wallet::withdraw", &withdrawn));
    let withdraw_id: u64 = withdrawn.return_value();
    let decision = chain.decision_about(&coop, "withdraw", member.name).expect("a withdraw decision");
    approve_and_exec(chain, &coop, decision.id, &mut out, "soviet::exec (withdraw)");
    let payout = Payout { coopname: coop.name, withdraw_id, memo: "bank".into() };
    out.push(measure("wallet::payout", &chain.ok(w, &[coop.name], &payout)));

    // Leaving: leavecoop → propose; exec → acceptleave → leftcoop.
    let leave = Leavecoop { coopname: coop.name, username: member.name, statement: Default::default() };
    let leave = member.signs(&chain.peers, "I leave the cooperative", leave);
    out.push(measure("registrator::leavecoop", &chain.ok(r, &[member.name], &leave)));
    let decision = chain.decision_about(&coop, "leave", member.name).expect("a leave decision");
    approve_and_exec(chain, &coop, decision.id, &mut out, "soviet::exec (leave)");

    // A free decision carrying four governance actions: exec → each action.
    let fees = Setfees {
        coopname: coop.name,
        initial: rub("110.0000"),
        minimum: rub("310.0000"),
        org_initial: rub("1100.0000"),
        org_minimum: rub("3100.0000"),
    };
    let actions = vec![
        council_action(r, &fees),
        council_action(
            r,
            &Createbranch {
                coopname: coop.name,
                braname: n("north"),
                trustee: coop.chairman.name,
                title: "North".into(),
            },
        ),
        council_action(s, &Setttl { coopname: coop.name, seconds: 7 * 24 * 3600 }),
        council_action(
            r,
            &Createbranch {
                coopname: coop.name,
                braname: n("south"),
                trustee: coop.chairman.name,
                title: "South".into(),
            },
        ),
    ];
    let executed = chain.council_decides(&coop, actions).expect("the free decision executes");
    out.push(measure("soviet::exec (free decision, 4 actions)", &executed));

    // Declined by a board change, ended by `close`: → declinejoin → refundreg.
    let (_, id) = applicant(chain, &coop, &mut out);
    chain.ok(s, &[coop.members[0].name], &against(&coop.members[0], id));
    let board = vec![
        BoardMember::voting(coop.chairman.name, POSITION_CHAIRMAN),
        BoardMember::voting(coop.members[0].name, POSITION_MEMBER),
    ];
    chain.ok(s, &[coop.name], &Updateboard { coopname: coop.name, members: board });
    let executer = coop.chairman.name;
    out.push(measure(
        "soviet::close (declined joincoop)",
        &chain.ok(s, &[executer], &Close { executer, coopname: coop.name, decision_id: id }),
    ));

    eprintln!("| transaction | depth | CPU µs | traces | deepest chain |\n|---|---|---|---|---|");
    for m in &out {
        eprintln!("| {} | {} | {} | {} | {} |", m.what, m.depth, m.cpu_us, m.traces, m.path);
    }
    for m in &out {
        assert!(m.depth <= max_depth, "{} goes {} inline levels deep (limit {max_depth}): {}", m.what, m.depth, m.path);
        assert!(
            m.cpu_us < PRODUCER_DEFAULT_TRANSACTION_US,
            "{} billed {} µs, more than a producer's default {PRODUCER_DEFAULT_TRANSACTION_US} µs",
            m.what,
            m.cpu_us
        );
    }
    let deepest = out.iter().map(|m| m.depth).max().unwrap_or(0);
    assert!(deepest >= 2, "the flows do reach other contracts inline");
}
