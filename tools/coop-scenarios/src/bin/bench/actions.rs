//! The measured actions: what each one is, its samples in run order, and its statistics
//! with the ratios to the C++ references.
use crate::stats::{median, p90, ratio, Samples};
use antelope_client::client::PushOutcome;
use serde::Serialize;
use std::collections::BTreeMap;

/// The C++ reference every action is compared with.
pub const TRANSFER: &str = "eosio.token::transfer";
/// The C++ reference votes are compared with too.
pub const APPROVE: &str = "eosio.msig::approve";

/// What each measured action is (shown next to its name), in report order. Names are
/// `contract::action`, with the case in parentheses where one action is measured in two.
pub const CATALOGUE: &[(&str, &str)] = &[
    (TRANSFER, "C++ reference: a token transfer between two accounts"),
    (APPROVE, "C++ reference for votes: one approval of a proposal with three requested approvers"),
    ("eosio.msig::unapprove", "C++: takes that approval back"),
    ("eosio.token::open", "C++ that does nearly nothing: the balance exists, two rows read, nothing written"),
    ("floor::noop", "the floor: the empty action of a trivial contract (an `apply` that returns at once)"),
    ("operator::request", "a provider asks to connect a cooperative"),
    ("operator::connect", "accounts, permissions, registry, council, ledger, agreements: one transaction"),
    ("registrator::newaccount", "account, RAM, stake, card"),
    ("registrator::agree", "the first agreement kind"),
    ("registrator::agree (more kinds)", "each further kind"),
    ("registrator::joincoop", "the application"),
    ("wallet::deposit", "the registration payment announced"),
    ("wallet::confirm", "the payment arrived: + registrator::paidjoin, soviet::propose (on the agenda)"),
    ("soviet::votefor", "a first vote for"),
    ("soviet::voteagainst", "a vote against that does not seal the decision"),
    ("soviet::cancelvote", "that vote withdrawn"),
    ("soviet::votefor (approving)", "the vote for that makes the majority"),
    ("soviet::authorize", "the chairman's signed authorisation"),
    ("soviet::exec", "+ acceptjoin, wallet::addmember; erases decision, application, deposit"),
    ("wallet::deposit (share)", "a member's share contribution announced"),
    ("wallet::confirm (share)", "credited to the member's wallet and the share fund"),
    ("wallet::withdraw", "+ soviet::propose (the council decides)"),
    ("soviet::exec (withdraw)", "+ wallet::allowwithdr"),
    ("wallet::payout", "the withdrawal paid; erased"),
    ("soviet::freedecision", "a participant's question without actions"),
    ("soviet::close (expired)", "ends an expired free decision; erases it"),
    ("registrator::createbranch", "a branch"),
    ("registrator::deletebranch", "that branch deleted"),
];

/// Whether `name` is a vote (compared with `eosio.msig::approve` too).
pub fn is_vote(name: &str) -> bool {
    name.starts_with("soviet::votefor") || name.starts_with("soviet::voteagainst") || name == "soviet::cancelvote"
}

/// Samples by action name.
#[derive(Default)]
pub struct Measurements {
    samples: BTreeMap<String, Samples>,
}

impl Measurements {
    /// Adds one run of `name`.
    pub fn record(&mut self, name: &str, outcome: &PushOutcome) {
        self.samples.entry(name.to_string()).or_default().add(outcome);
    }

    /// Statistics of every action that ran: the catalogue's first, in its order, then any
    /// other by name.
    pub fn summarize(&self) -> Vec<ActionStats> {
        let base = |name: &str| self.samples.get(name).map(|s| (median(&s.cpu), median(&s.elapsed)));
        let (transfer, approve) = (base(TRANSFER).unwrap_or_default(), base(APPROVE).unwrap_or_default());
        let note = |name: &str| CATALOGUE.iter().find(|(n, _)| *n == name).map_or("", |(_, note)| note);
        let mut names: Vec<&String> = self.samples.keys().collect();
        names.sort_by_key(|name| (CATALOGUE.iter().position(|(n, _)| n == name).unwrap_or(usize::MAX), name.as_str()));
        names
            .into_iter()
            .map(|name| {
                let s = &self.samples[name];
                let (cpu, elapsed) = (median(&s.cpu), median(&s.elapsed));
                let vote = is_vote(name);
                ActionStats {
                    name: name.clone(),
                    note: note(name).to_string(),
                    runs: s.runs(),
                    cpu_median_us: round1(cpu),
                    cpu_p90_us: round1(p90(&s.cpu)),
                    elapsed_median_us: round1(elapsed),
                    elapsed_p90_us: round1(p90(&s.elapsed)),
                    elapsed_top_median_us: round1(median(&s.elapsed_top)),
                    ratio_transfer: round3(ratio(cpu, transfer.0)),
                    elapsed_ratio_transfer: round3(ratio(elapsed, transfer.1)),
                    ratio_approve: vote.then(|| round3(ratio(cpu, approve.0))),
                    elapsed_ratio_approve: vote.then(|| round3(ratio(elapsed, approve.1))),
                    net_bytes: round1(median(&s.net)),
                    ram_bytes: round1(median(&s.ram)),
                }
            })
            .collect()
    }
}

/// One action's statistics.
#[derive(Clone, Debug, Serialize)]
pub struct ActionStats {
    /// `contract::action`, e.g. `soviet::votefor`.
    pub name: String,
    /// What it is (see [`CATALOGUE`]).
    pub note: String,
    /// How many runs.
    pub runs: usize,
    /// Median of the billed CPU (`cpu_usage_us` of the receipt: the whole transaction,
    /// signature recovery and the chain's fixed costs included).
    pub cpu_median_us: f64,
    pub cpu_p90_us: f64,
    /// Median of the action's execution time: the `elapsed` of each of its traces (its
    /// own, its inline actions', its notifications'), summed.
    pub elapsed_median_us: f64,
    pub elapsed_p90_us: f64,
    /// Median `elapsed` of the top-level action's trace alone.
    pub elapsed_top_median_us: f64,
    /// `cpu_median_us` / that of `eosio.token::transfer`.
    pub ratio_transfer: f64,
    /// `elapsed_median_us` / that of `eosio.token::transfer`.
    pub elapsed_ratio_transfer: f64,
    /// For votes: `cpu_median_us` / that of `eosio.msig::approve`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ratio_approve: Option<f64>,
    /// For votes: `elapsed_median_us` / that of `eosio.msig::approve`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub elapsed_ratio_approve: Option<f64>,
    /// Median NET billed (bytes).
    pub net_bytes: f64,
    /// Median net RAM change of the whole transaction, all accounts (bytes).
    pub ram_bytes: f64,
}

/// `value` to one decimal.
pub fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// `value` to three decimals.
pub fn round3(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}
