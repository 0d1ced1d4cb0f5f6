//! A small deterministic generator (SplitMix64): the same seed gives the same choices, so a
//! sequence is reproduced from its seed alone.

/// SplitMix64 (Steele, Lea, Flood 2014): 64 bits of state, every seed is fine.
#[derive(Clone, Debug)]
pub struct Rng {
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        assert!(n > 0, "below(0)");
        // Multiply-shift: unbiased enough for test choices.
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A number in `low..=high`.
    pub fn range(&mut self, low: i64, high: i64) -> i64 {
        assert!(low <= high, "range({low}, {high})");
        let span = (high as i128 - low as i128 + 1) as u128;
        let offset =
            if span > u128::from(u64::MAX) { u128::from(self.next_u64()) } else { u128::from(self.below(span as u64)) };
        (low as i128 + offset as i128) as i64
    }

    /// `true` with probability `percent` / 100.
    pub fn percent(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// An index of `len` items (`len` > 0).
    pub fn index(&mut self, len: usize) -> usize {
        self.below(len as u64) as usize
    }

    /// One of `items` (not empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.index(items.len())]
    }

    /// An index of `weights` with probability proportional to its weight; `None` when
    /// every weight is zero.
    pub fn weighted(&mut self, weights: &[u32]) -> Option<usize> {
        let total: u64 = weights.iter().map(|w| u64::from(*w)).sum();
        if total == 0 {
            return None;
        }
        let mut roll = self.below(total);
        for (i, weight) in weights.iter().enumerate() {
            let weight = u64::from(*weight);
            if roll < weight {
                return Some(i);
            }
            roll -= weight;
        }
        unreachable!("the roll is below the total")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_numbers() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        let xs: Vec<u64> = (0..100).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..100).map(|_| b.next_u64()).collect();
        assert_eq!(xs, ys);
        assert_ne!(Rng::new(8).next_u64(), xs[0]);
    }

    #[test]
    fn ranges_and_weights_stay_in_bounds() {
        let mut rng = Rng::new(1);
        for _ in 0..10_000 {
            let x = rng.range(-3, 3);
            assert!((-3..=3).contains(&x));
            assert!(rng.below(5) < 5);
            assert_ne!(rng.weighted(&[0, 2, 0, 1]), Some(0));
        }
        assert_eq!(rng.weighted(&[0, 0]), None);
        let _ = rng.range(i64::MIN, i64::MAX);
    }
}
