//! The report: `report.json` (for tools: `actions`, `wasm_bytes`, `ram_per_participant`,
//! `registrations_per_second`, and the rest) and `report.md` (for people), with the
//! issue's targets checked.
use crate::actions::{is_vote, round3, ActionStats, APPROVE, TRANSFER};
use crate::ram::{RamReport, RamShare};
use crate::scaling::ScalingReport;
use crate::throughput::ThroughputReport;
use crate::wasm::WasmReport;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// Most CPU growth from the smallest to the largest cooperative, in percent.
const SCALING_TARGET_PCT: f64 = 10.0;

/// Everything one run measured.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// When the run ended, `YYYY-MM-DD HH:MM UTC`.
    pub date: String,
    /// `full` or `quick`.
    pub mode: String,
    pub command: String,
    pub machine: Machine,
    /// The machine's 1-minute load average when the run began and when it ended (other
    /// processes make the figures noisier; the ratios hold).
    pub load_average: (f64, f64),
    pub node_version: String,
    /// CPU rounds (each runs every action once).
    pub rounds: usize,
    pub actions: Vec<ActionStats>,
    /// Bytes of each of our contracts and `total`.
    pub wasm_bytes: BTreeMap<String, u64>,
    /// Bytes of the shipped C++ contracts, for comparison.
    pub wasm_bytes_cpp: BTreeMap<String, u64>,
    /// RAM of our tables per accepted participant, by payer.
    pub ram_per_participant: RamShare,
    pub ram: RamReport,
    pub scaling: ScalingReport,
    /// Complete registrations per second on one node.
    pub registrations_per_second: f64,
    pub throughput: ThroughputReport,
    pub targets: Vec<Target>,
    /// Seconds each phase took, in order.
    pub phases: Vec<(String, f64)>,
    pub wall_seconds: f64,
}

/// The machine the run was on.
#[derive(Clone, Debug, Serialize)]
pub struct Machine {
    pub cores: usize,
    pub memory_gib: f64,
    pub cpu: String,
}

impl Machine {
    /// This machine, from `/proc`.
    pub fn this() -> Machine {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
        let kib: f64 = meminfo
            .lines()
            .find_map(|l| l.strip_prefix("MemTotal:"))
            .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
            .unwrap_or(0.0);
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let cpu = cpuinfo
            .lines()
            .find_map(|l| {
                l.strip_prefix("model name").map(|rest| rest.trim_start_matches([' ', '\t', ':']).to_string())
            })
            .unwrap_or_default();
        Machine { cores, memory_gib: (kib / 1024.0 / 1024.0 * 10.0).round() / 10.0, cpu }
    }
}

/// The 1-minute load average (`/proc/loadavg`), 0 when unknown.
pub fn load_average() -> f64 {
    let text = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    text.split_whitespace().next().and_then(|l| l.parse().ok()).unwrap_or(0.0)
}

/// One of the targets.
#[derive(Clone, Debug, Serialize)]
pub struct Target {
    pub what: String,
    pub value: f64,
    pub limit: f64,
    pub met: bool,
    /// How far over the limit, in percent of it (0 when met).
    pub over_pct: f64,
}

impl Target {
    fn new(what: String, value: f64, limit: f64) -> Target {
        let met = value <= limit;
        let over_pct = if met { 0.0 } else { ((value / limit - 1.0) * 1000.0).round() / 10.0 };
        Target { what, value, limit, met, over_pct }
    }
}

/// The targets, checked against the measurements.
pub fn targets(actions: &[ActionStats], wasm: &WasmReport, scaling: &ScalingReport) -> Vec<Target> {
    let mut targets = Vec::new();
    for a in actions.iter().filter(|a| is_vote(&a.name)) {
        if let Some(r) = a.ratio_approve {
            targets.push(Target::new(format!("`{}` ≤ 1.0× `{APPROVE}` (billed CPU)", a.name), r, 1.0));
        }
    }
    let money = ["wallet::deposit", "wallet::deposit (share)", "wallet::payout"];
    for a in actions.iter().filter(|a| money.contains(&a.name.as_str())) {
        targets.push(Target::new(format!("`{}` ≤ 1.0× `{TRANSFER}` (billed CPU)", a.name), a.ratio_transfer, 1.0));
    }
    targets.push(Target::new(
        "WASM of the four contracts ≤ 150,000 B".into(),
        wasm.total() as f64,
        wasm.target_total as f64,
    ));
    for g in &scaling.growth {
        let what = format!("`{}` billed CPU growth from {} to {} members ≤ 10 %", g.name, g.from_members, g.to_members);
        targets.push(Target::new(what, g.cpu_pct, SCALING_TARGET_PCT));
    }
    for t in &mut targets {
        t.value = round3(t.value);
    }
    targets
}

/// Writes `report.json` and `report.md` into `dir`.
pub fn write(report: &Report, dir: &Path, plot_has_text: bool) -> Result<(), String> {
    let json = serde_json::to_string_pretty(report).map_err(|e| e.to_string())?;
    let save = |file: &str, text: String| {
        let path = dir.join(file);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
    };
    save("report.json", json + "\n")?;
    save("report.md", markdown(report, plot_has_text))?;
    Ok(())
}

/// The Markdown report.
pub fn markdown(r: &Report, plot_has_text: bool) -> String {
    let mut md = String::new();
    let _ = writeln!(md, "# Benchmark ({} run)\n", r.mode);
    let _ = writeln!(
        md,
        "{} · {} cores, {} GiB ({}), load average {:.1} at the start, {:.1} at the end · node {} · `{}` · {:.0} s\n",
        r.date,
        r.machine.cores,
        r.machine.memory_gib,
        r.machine.cpu,
        r.load_average.0,
        r.load_average.1,
        r.node_version,
        r.command,
        r.wall_seconds
    );
    let _ = writeln!(md, "## CPU per action\n");
    let _ = writeln!(
        md,
        "{} rounds, round-robin: each round runs every action once, so drift hits all alike. Billed CPU is the receipt's `cpu_usage_us` (the whole transaction: signature \
         recovery and the chain's fixed costs included; the chain bills at least 100 µs); elapsed is the sum of the \
         `elapsed` of every trace of the action (its inline actions and notifications included). Ratios are of \
         medians, to `{TRANSFER}` and, for votes, to `{APPROVE}`, both C++ contracts shipped with the node.\n",
        r.rounds
    );
    md.push_str(&actions_table(&r.actions));
    let _ = writeln!(md, "\n## Targets\n");
    let _ = writeln!(md, "| target | value | met |\n|---|---:|---|");
    for t in &r.targets {
        let verdict = if t.met { "yes".to_string() } else { format!("no, {} % over", t.over_pct) };
        let _ = writeln!(md, "| {} | {} | {} |", t.what, t.value, verdict);
    }
    let _ = writeln!(md, "\n## RAM of our tables\n");
    let _ = writeln!(
        md,
        "Means over the rounds, from the RAM deltas of our contracts' action traces, in cooperatives that already \
         have members, open decisions and a branch (the first row of a table in a scope also pays the chain's \
         112-byte table entry).\n"
    );
    let _ = writeln!(md, "| what | bytes | who pays |\n|---|---:|---|");
    let ram = &r.ram;
    let rows: [(&str, &RamShare); 5] = [
        ("an accepted participant (card, participant, wallet, agreements; `newaccount` … `exec`)", &ram.participant),
        ("an open decision of the agenda (`confirm` puts it there; freed on `exec`/`close`)", &ram.decision),
        ("a proposer's first open free decision (with their counter row)", &ram.first_free_decision),
        ("a further open free decision", &ram.further_free_decision),
        ("a branch", &ram.branch),
    ];
    for (what, share) in rows {
        let _ = writeln!(md, "| {what} | {} | {} |", share.bytes, share.payers());
    }
    let _ = writeln!(md, "\nBudget: an accepted participant takes at most {} B of our tables.", ram.participant_budget);
    let _ = writeln!(md, "\n## WASM\n");
    let _ = writeln!(md, "| contract | bytes |\n|---|---:|");
    for (name, bytes) in r.wasm_bytes.iter().filter(|(n, _)| *n != "total") {
        let _ = writeln!(md, "| `{name}` | {bytes} |");
    }
    let _ = writeln!(md, "| **total** | **{}** |", r.wasm_bytes.get("total").copied().unwrap_or(0));
    for (name, bytes) in &r.wasm_bytes_cpp {
        let _ = writeln!(md, "| `{name}` (C++, for comparison) | {bytes} |");
    }
    md.push_str(&scaling_section(&r.scaling, plot_has_text));
    let t = &r.throughput;
    let _ = writeln!(md, "\n## Throughput\n");
    let _ = writeln!(
        md,
        "{} complete registrations ({} transactions: `newaccount`, each agreement, `joincoop`, `deposit`, \
         `confirm`, two votes for, `authorize`, `exec`) by {} concurrent clients in {} s: **{} registrations/s** \
         ({} transactions/s; the slowest tenth {} /s, the fastest {} /s). The clients sign on the same machine \
         (2 cores shared with the node).",
        t.registrations,
        t.transactions,
        t.clients,
        t.seconds,
        t.registrations_per_second,
        t.transactions_per_second,
        t.slowest_window_per_second,
        t.fastest_window_per_second
    );
    let _ = writeln!(md, "\n## Phases\n");
    for (phase, secs) in &r.phases {
        let _ = writeln!(md, "- {phase}: {secs:.0} s");
    }
    md
}

/// The CPU table.
pub fn actions_table(actions: &[ActionStats]) -> String {
    let mut md = String::new();
    md.push_str("| action | runs | CPU median µs | CPU p90 µs | × transfer | × approve | elapsed median µs | elapsed p90 µs | elapsed × transfer | NET B | RAM B | what |\n");
    md.push_str("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for a in actions {
        let approve = a.ratio_approve.map_or(String::new(), |r| format!("{r:.2}"));
        let _ = writeln!(
            md,
            "| `{}` | {} | {} | {} | {:.2} | {} | {} | {} | {:.2} | {} | {} | {} |",
            a.name,
            a.runs,
            a.cpu_median_us,
            a.cpu_p90_us,
            a.ratio_transfer,
            approve,
            a.elapsed_median_us,
            a.elapsed_p90_us,
            a.elapsed_ratio_transfer,
            a.net_bytes,
            a.ram_bytes,
            a.note
        );
    }
    md
}

fn scaling_section(s: &ScalingReport, plot_has_text: bool) -> String {
    let mut md = String::new();
    let _ = writeln!(md, "\n## Scaling\n");
    let _ = writeln!(
        md,
        "One cooperative of each size (members imported ten a transaction with `registrator::adduser`; open \
         decisions are free decisions of imported members), then {} rounds, each a transfer and one registration in \
         every cooperative in turn, so drift hits every size alike (each registration adds a member: the table \
         gives the members before and after). Medians, µs (billed CPU / elapsed):\n",
        s.samples
    );
    let Some(first) = s.points.first() else { return md };
    let names: Vec<&str> = first.actions.iter().map(|a| a.name.as_str()).collect();
    let _ = write!(md, "| members | open decisions |");
    for name in &names {
        let _ = write!(md, " `{name}` |");
    }
    let _ = writeln!(md, "\n|---:|---:|{}", "---:|".repeat(names.len()));
    for p in &s.points {
        let _ = write!(md, "| {} → {} | {} |", p.members, p.members_after, p.open_decisions);
        for name in &names {
            match p.actions.iter().find(|a| a.name == *name) {
                Some(a) => {
                    let _ = write!(md, " {} / {} |", a.cpu_median_us, a.elapsed_median_us);
                }
                None => md.push_str(" |"),
            }
        }
        md.push('\n');
    }
    let _ = writeln!(md, "\nGrowth from the smallest to the largest:\n");
    let _ = writeln!(md, "| action | billed CPU | elapsed |\n|---|---:|---:|");
    for g in &s.growth {
        let _ = writeln!(md, "| `{}` | {:+.1} % | {:+.1} % |", g.name, g.cpu_pct, g.elapsed_pct);
    }
    let _ = writeln!(md, "\n![scaling](scaling.png)");
    if !plot_has_text {
        let legend: Vec<String> = names
            .iter()
            .zip(crate::plot::COLOURS.iter())
            .map(|(name, (_, colour))| format!("{colour}: `{name}`"))
            .collect();
        let _ = writeln!(
            md,
            "\nThe plot has no text (no font was found): left billed CPU, right elapsed, x = members (log scale); {}.",
            legend.join(", ")
        );
    }
    md
}

/// `YYYY-MM-DD HH:MM UTC` of now.
pub fn now_utc() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rest) = ((secs / 86_400) as i64, secs % 86_400);
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02} {:02}:{:02} UTC", rest / 3600, rest % 3600 / 60)
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_gregorian() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }

    #[test]
    fn targets_say_by_how_much_they_are_missed() {
        let t = Target::new("x".into(), 1.25, 1.0);
        assert!(!t.met);
        assert_eq!(t.over_pct, 25.0);
        assert!(Target::new("y".into(), 0.9, 1.0).met);
    }
}
