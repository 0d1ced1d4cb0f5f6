//! Samples of pushed transactions and the statistics the report shows (median, p90).
use antelope_client::client::PushOutcome;

/// What one action cost, run after run.
#[derive(Clone, Debug, Default)]
pub struct Samples {
    /// Billed CPU of the transaction (µs), as the receipt says.
    pub cpu: Vec<u64>,
    /// The action's execution time: the `elapsed` of every trace the action caused (its own,
    /// its inline actions', its notifications'), summed (µs).
    pub elapsed: Vec<u64>,
    /// The `elapsed` of the top-level action's own trace alone (µs).
    pub elapsed_top: Vec<u64>,
    /// NET bytes billed.
    pub net: Vec<u64>,
    /// The transaction's net RAM change, all accounts together (bytes).
    pub ram: Vec<i64>,
}

impl Samples {
    /// Adds one run.
    pub fn add(&mut self, outcome: &PushOutcome) {
        self.cpu.push(outcome.cpu_usage_us);
        self.elapsed.push(outcome.action_traces.iter().map(|t| t.elapsed_us).sum());
        self.elapsed_top.push(outcome.first_action().map_or(0, |t| t.elapsed_us));
        self.net.push(outcome.net_usage_words * 8);
        self.ram.push(outcome.ram_deltas.iter().map(|(_, delta)| *delta).sum());
    }

    /// How many runs.
    pub fn runs(&self) -> usize {
        self.cpu.len()
    }
}

/// A sample value: microseconds, bytes.
pub trait Value: Copy {
    fn as_f64(self) -> f64;
}

impl Value for u64 {
    fn as_f64(self) -> f64 {
        self as f64
    }
}

impl Value for i64 {
    fn as_f64(self) -> f64 {
        self as f64
    }
}

impl Value for f64 {
    fn as_f64(self) -> f64 {
        self
    }
}

/// The `q` quantile (0 to 1) of `values`, linearly interpolated between the closest ranks;
/// 0 for no values.
pub fn quantile<T: Value>(values: &[T], q: f64) -> f64 {
    let mut sorted: Vec<f64> = values.iter().map(|v| v.as_f64()).collect();
    if sorted.is_empty() {
        return 0.0;
    }
    sorted.sort_by(f64::total_cmp);
    let position = q.clamp(0.0, 1.0) * (sorted.len() - 1) as f64;
    let (low, high) = (position.floor() as usize, position.ceil() as usize);
    sorted[low] + (sorted[high] - sorted[low]) * (position - low as f64)
}

/// The median of `values`.
pub fn median<T: Value>(values: &[T]) -> f64 {
    quantile(values, 0.5)
}

/// The 90th percentile of `values`.
pub fn p90<T: Value>(values: &[T]) -> f64 {
    quantile(values, 0.9)
}

/// `value / base`, or 0 when `base` is 0.
pub fn ratio(value: f64, base: f64) -> f64 {
    if base > 0.0 {
        value / base
    } else {
        0.0
    }
}

/// Growth from `first` to `last` in percent (0 when `first` is 0).
pub fn growth_pct(first: f64, last: f64) -> f64 {
    if first > 0.0 {
        (last / first - 1.0) * 100.0
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_interpolate_between_ranks() {
        let values: Vec<u64> = (1..=10).collect();
        assert_eq!(median(&values), 5.5);
        assert!((p90(&values) - 9.1).abs() < 1e-9);
        assert_eq!(median(&[7u64]), 7.0);
        assert_eq!(median::<u64>(&[]), 0.0);
        assert_eq!(growth_pct(100.0, 110.0).round(), 10.0);
        assert_eq!(ratio(3.0, 0.0), 0.0);
    }
}
