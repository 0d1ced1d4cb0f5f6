//! Scaling: `joincoop`, `confirm`, `votefor` and `exec` in a cooperative of 10, 1,000 and
//! 10,000 members and as many open decisions. One cooperative per size: members are
//! imported (`registrator::adduser`, ten a transaction), open decisions are free decisions
//! of the imported members (three each); then the registrations of all sizes run
//! interleaved, with a transfer each round.
use crate::actions::{round1, round3, TRANSFER};
use crate::coops::{funds, BenchCoop};
use crate::progress::Progress;
use crate::push::person;
use crate::reference::References;
use crate::registration::{register, Votes, VOTE};
use crate::stats::{growth_pct, median, p90, ratio, Samples};
use antelope_test_harness::fixture::TestChain;
use eosio::Name;
use serde::Serialize;
use std::collections::BTreeMap;

/// The actions measured at each scale.
pub const SCALED: [&str; 4] = ["registrator::joincoop", "wallet::confirm", VOTE, "soviet::exec"];
/// RAM the cooperative buys per member it will have (its rows and the member's stake
/// record: about 650 B), with room to spare.
const RAM_PER_MEMBER: u32 = 1000;

/// One scale's measurements.
#[derive(Clone, Debug, Serialize)]
pub struct ScalePoint {
    /// Participants of the cooperative when its measured registrations began.
    pub members: usize,
    /// Participants when they ended (each added one).
    pub members_after: usize,
    /// Its open decisions then.
    pub open_decisions: usize,
    pub actions: Vec<ScaledAction>,
}

/// One action at one scale.
#[derive(Clone, Debug, Serialize)]
pub struct ScaledAction {
    pub name: String,
    pub runs: usize,
    pub cpu_median_us: f64,
    pub cpu_p90_us: f64,
    pub elapsed_median_us: f64,
    pub elapsed_p90_us: f64,
    /// `cpu_median_us` / the transfers' at the same scale.
    pub ratio_transfer: f64,
}

/// Growth of one action from the first scale to the last, in percent.
#[derive(Clone, Debug, Serialize)]
pub struct Growth {
    pub name: String,
    pub from_members: usize,
    pub to_members: usize,
    /// Of the median billed CPU.
    pub cpu_pct: f64,
    /// Of the median elapsed time.
    pub elapsed_pct: f64,
}

/// The scaling part of the report.
#[derive(Clone, Debug, Serialize)]
pub struct ScalingReport {
    pub points: Vec<ScalePoint>,
    pub growth: Vec<Growth>,
    /// Registrations measured at each scale (one each round, with one transfer a round).
    pub samples: usize,
}

/// Grows one cooperative per scale to that many members and open decisions, then runs
/// `samples` rounds, each a transfer and one registration in every cooperative (the first
/// one rotating), so that the machine's drift hits every size alike.
pub fn run(chain: &TestChain, refs: &References, provider: Name, scales: &[usize], samples: usize) -> ScalingReport {
    let mut coops = Vec::new();
    for &scale in scales {
        let ram = u32::try_from(scale + samples).unwrap_or(u32::MAX).saturating_mul(RAM_PER_MEMBER) + 512 * 1024;
        let mut coop = BenchCoop::connect(chain, provider, &funds(scale + samples, ram), ram);
        grow(chain, &mut coop, scale);
        coops.push(coop);
    }
    let sizes: Vec<(usize, usize)> = coops.iter().map(|c| (c.members, c.open_decisions)).collect();
    let mut transfers = Samples::default();
    let mut measured: Vec<BTreeMap<&str, Samples>> = vec![BTreeMap::new(); coops.len()];
    let mut progress = Progress::new("registrations at every size, interleaved", samples * coops.len());
    for i in 0..samples {
        transfers.add(&refs.transfer(chain, i));
        for k in 0..coops.len() {
            let j = (i + k) % coops.len();
            let into = &mut measured[j];
            register(chain, &coops[j], &person("scaled"), Votes::Majority, &mut |name, outcome| {
                if SCALED.contains(&name) {
                    into.entry(name).or_default().add(&outcome);
                }
            });
            coops[j].members += 1;
            progress.step();
        }
    }
    progress.finish();
    let transfer = median(&transfers.cpu);
    let points = sizes
        .into_iter()
        .zip(&coops)
        .zip(measured)
        .map(|(((members, open_decisions), coop), mut measured)| {
            measured.insert(TRANSFER, transfers.clone());
            let actions = std::iter::once(TRANSFER)
                .chain(SCALED)
                .filter_map(|name| measured.get(name).map(|s| (name, s)))
                .map(|(name, s)| ScaledAction {
                    name: name.to_string(),
                    runs: s.runs(),
                    cpu_median_us: round1(median(&s.cpu)),
                    cpu_p90_us: round1(p90(&s.cpu)),
                    elapsed_median_us: round1(median(&s.elapsed)),
                    elapsed_p90_us: round1(p90(&s.elapsed)),
                    ratio_transfer: round3(ratio(median(&s.cpu), transfer)),
                })
                .collect();
            ScalePoint { members, members_after: coop.members, open_decisions, actions }
        })
        .collect::<Vec<_>>();
    let growth = growth(&points);
    ScalingReport { points, growth, samples }
}

/// Imports members and opens free decisions until `coop` has `scale` of each.
fn grow(chain: &TestChain, coop: &mut BenchCoop, scale: usize) {
    if coop.members < scale {
        let mut progress = Progress::new(&format!("importing members up to {scale}"), scale - coop.members);
        coop.import(chain, scale - coop.members, &mut |done| progress.set(done));
        progress.finish();
    }
    if coop.open_decisions < scale {
        let mut progress = Progress::new(&format!("opening decisions up to {scale}"), scale - coop.open_decisions);
        coop.open_free_decisions(chain, scale - coop.open_decisions, &mut |done| progress.set(done));
        progress.finish();
    }
}

/// Each scaled action's growth from the first point to the last.
fn growth(points: &[ScalePoint]) -> Vec<Growth> {
    let (Some(first), Some(last)) = (points.first(), points.last()) else { return Vec::new() };
    let find = |point: &ScalePoint, name: &str| point.actions.iter().find(|a| a.name == name).cloned();
    SCALED
        .iter()
        .filter_map(|name| Some((name, find(first, name)?, find(last, name)?)))
        .map(|(name, a, b)| Growth {
            name: name.to_string(),
            from_members: first.members,
            to_members: last.members,
            cpu_pct: round1(growth_pct(a.cpu_median_us, b.cpu_median_us)),
            elapsed_pct: round1(growth_pct(a.elapsed_median_us, b.elapsed_median_us)),
        })
        .collect()
}
