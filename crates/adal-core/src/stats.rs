//! Estimates with 95 % intervals: Wilson for shares, a normal interval for means, and a distribution-free
//! interval for medians.

use serde::Serialize;

/// The normal quantile of a two-sided 95 % interval.
pub const Z95: f64 = 1.959_963_984_540_054;

/// A point estimate with its 95 % interval and the number of observations behind it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Estimate {
    /// The estimate.
    pub value: f64,
    /// Lower end of the 95 % interval.
    pub low: f64,
    /// Upper end of the 95 % interval.
    pub high: f64,
    /// Observations behind it.
    pub n: u64,
}

/// The share `successes / n` with its Wilson score interval; `None` when `n` is 0.
///
/// ```
/// use adal_core::stats::wilson;
/// let e = wilson(10, 100).unwrap();
/// assert!((e.value - 0.10).abs() < 1e-12);
/// assert!((e.low - 0.0552).abs() < 1e-4 && (e.high - 0.1744).abs() < 1e-4);
/// ```
pub fn wilson(successes: u64, n: u64) -> Option<Estimate> {
    if n == 0 || successes > n {
        return None;
    }
    let (k, n_f) = (successes as f64, n as f64);
    let p = k / n_f;
    let z2 = Z95 * Z95;
    let denominator = 1.0 + z2 / n_f;
    let centre = (p + z2 / (2.0 * n_f)) / denominator;
    let half = Z95 * (p * (1.0 - p) / n_f + z2 / (4.0 * n_f * n_f)).sqrt() / denominator;
    Some(Estimate {
        value: p,
        // Rounding can leave an end a hair inside the estimate at 0 % or 100 %.
        low: (centre - half).clamp(0.0, p),
        high: (centre + half).clamp(p, 1.0),
        n,
    })
}

/// The mean with a normal 95 % interval (mean ± 1.96 standard errors); `None` for no values. With a single
/// value the interval is that value alone.
pub fn mean(values: &[f64]) -> Option<Estimate> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    let n_f = n as f64;
    let m = values.iter().sum::<f64>() / n_f;
    let half = if n > 1 {
        let variance = values.iter().map(|v| (v - m).powi(2)).sum::<f64>() / (n_f - 1.0);
        Z95 * (variance / n_f).sqrt()
    } else {
        0.0
    };
    Some(Estimate {
        value: m,
        low: m - half,
        high: m + half,
        n: n as u64,
    })
}

/// The median with a distribution-free 95 % interval from the order statistics at ranks
/// n/2 ± 1.96·√n/2 (the normal approximation of the binomial); `None` for no values.
///
/// ```
/// use adal_core::stats::median;
/// let mut waits: Vec<u32> = (1..=100).collect();
/// let e = median(&mut waits).unwrap();
/// assert_eq!(e.value, 50.5);
/// assert_eq!((e.low, e.high), (40.0, 61.0));
/// ```
pub fn median(values: &mut [u32]) -> Option<Estimate> {
    values.sort_unstable();
    let mut counts = Vec::new();
    tally(values, &mut counts);
    median_of_counts(&counts)
}

/// Appends `sorted` (ascending) to `counts` as (value, count), one entry per run of equal values.
pub fn tally(sorted: &[u32], counts: &mut Vec<(u32, u64)>) {
    for &v in sorted {
        match counts.last_mut() {
            Some((last, c)) if *last == v => *c += 1,
            _ => counts.push((v, 1)),
        }
    }
}

/// The histogram of `values` (in any order) and of the (value, count) pairs `counts` (in any order, a value
/// possibly more than once) together: (value, count) in ascending order of values, each value once.
/// Waits are minutes: where the largest is small next to the number of entries, they are counted into a
/// table indexed by value, a pass without sorting (a unit's months of cells are merged at every change on
/// the map); otherwise sorted and merged. Entries of count 0 are left out.
///
/// ```
/// use adal_core::stats::histogram;
/// assert_eq!(histogram(&[3, 1, 3], &[(7, 2), (1, 4)]), vec![(1, 5), (3, 2), (7, 2)]);
/// ```
pub fn histogram(values: &[u32], counts: &[(u32, u64)]) -> Vec<(u32, u64)> {
    let max = values.iter().chain(counts.iter().map(|(v, _)| v)).max();
    let Some(&max) = max else {
        return Vec::new();
    };
    let entries = values.len() + counts.len();
    let dense = usize::try_from(max).is_ok_and(|m| m < 256 || m / 16 < entries);
    if dense {
        let mut table = vec![0u64; max as usize + 1];
        for &v in values {
            table[v as usize] += 1;
        }
        for &(v, c) in counts {
            table[v as usize] += c;
        }
        return (0..=max).zip(table).filter(|(_, c)| *c > 0).collect();
    }
    let mut all: Vec<(u32, u64)> = values.iter().map(|&v| (v, 1)).collect();
    all.extend_from_slice(counts);
    all.sort_unstable_by_key(|(v, _)| *v);
    let mut out: Vec<(u32, u64)> = Vec::with_capacity(all.len());
    for (v, c) in all {
        match out.last_mut() {
            Some((last, n)) if *last == v => *n += c,
            _ => out.push((v, c)),
        }
    }
    out.retain(|(_, c)| *c > 0);
    out
}

/// The mean with the interval of [`mean`], from sufficient statistics kept exactly: `n` values, each
/// `unit` times an integer, whose integers sum to `sum` and their squares to `sum_sq`. Sums of integers
/// come out the same in any order, so the figure is the same to the last bit whether the values were
/// summed one by one or as the published cells of a bundle.
///
/// ```
/// use adal_core::stats::mean_of_sums;
/// // 1, 2, 3, 4 in units of 0.5: 0.5, 1, 1.5, 2.
/// let e = mean_of_sums(4, 10, 30, 0.5).unwrap();
/// assert_eq!(e.value, 1.25);
/// ```
pub fn mean_of_sums(n: u64, sum: i64, sum_sq: u64, unit: f64) -> Option<Estimate> {
    if n == 0 {
        return None;
    }
    let n_f = n as f64;
    let value = unit * sum as f64 / n_f;
    let half = if n > 1 {
        // n·Σx² − (Σx)², exact in integers, is n(n−1) times the sample variance.
        let spread = i128::from(n) * i128::from(sum_sq) - i128::from(sum) * i128::from(sum);
        let variance = unit * unit * spread.max(0) as f64 / (n_f * (n_f - 1.0));
        Z95 * (variance / n_f).sqrt()
    } else {
        0.0
    };
    Some(Estimate {
        value,
        low: value - half,
        high: value + half,
        n,
    })
}

/// [`median`] of values given as (value, count) in ascending order of value: the same order statistics,
/// so the same estimate, as of the values one by one. Zero counts are allowed; `None` for no values.
///
/// ```
/// use adal_core::stats::{median, median_of_counts};
/// let mut waits = [3, 1, 1, 7, 3, 3];
/// assert_eq!(median_of_counts(&[(1, 2), (3, 3), (7, 1)]), median(&mut waits));
/// ```
pub fn median_of_counts(counts: &[(u32, u64)]) -> Option<Estimate> {
    let n: u64 = counts.iter().map(|(_, c)| c).sum();
    if n == 0 {
        return None;
    }
    // The value at 1-based rank `rank`.
    let at = |rank: u64| {
        let mut seen = 0;
        for &(value, count) in counts {
            seen += count;
            if seen >= rank {
                return value;
            }
        }
        counts.last().map_or(0, |(v, _)| *v)
    };
    let value = if n % 2 == 1 {
        f64::from(at(n / 2 + 1))
    } else {
        (f64::from(at(n / 2)) + f64::from(at(n / 2 + 1))) / 2.0
    };
    let n_f = n as f64;
    let spread = Z95 * n_f.sqrt() / 2.0;
    let low_rank = ((n_f / 2.0 - spread).floor() as u64).clamp(1, n);
    let high_rank = ((n_f / 2.0 + spread).ceil() as u64 + 1).clamp(1, n);
    Some(Estimate {
        value,
        low: f64::from(at(low_rank)).min(value),
        high: f64::from(at(high_rank)).max(value),
        n,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_matches_published_values() {
        // (k, n) → (low, high), from the Wilson formula computed independently.
        let cases = [
            (0, 10, 0.0, 0.2775),
            (5, 10, 0.2366, 0.7634),
            (10, 10, 0.7225, 1.0),
            (1, 1000, 0.0002, 0.0056),
        ];
        for (k, n, low, high) in cases {
            let e = wilson(k, n).expect("estimate");
            assert!((e.low - low).abs() < 1e-4, "{k}/{n}: {}", e.low);
            assert!((e.high - high).abs() < 1e-4, "{k}/{n}: {}", e.high);
            assert!(e.low <= e.value && e.value <= e.high);
        }
        assert_eq!(wilson(0, 0), None);
        assert_eq!(wilson(3, 2), None);
    }

    #[test]
    fn mean_interval_shrinks_with_n() {
        let small = mean(&[1.0, 2.0, 3.0, 4.0]).expect("mean");
        assert_eq!(small.value, 2.5);
        let large: Vec<f64> = (0..400).map(|i| f64::from(i % 4 + 1)).collect();
        let large = mean(&large).expect("mean");
        assert!((large.value - 2.5).abs() < 1e-12);
        assert!(large.high - large.low < small.high - small.low);
        assert_eq!(mean(&[]), None);
        let one = mean(&[3.0]).expect("mean");
        assert_eq!((one.low, one.high), (3.0, 3.0));
    }

    proptest::proptest! {
        #[test]
        fn the_median_of_counts_is_the_median_of_the_values_one_by_one(
            values in proptest::collection::vec(0u32..40, 0..300),
            split in proptest::collection::vec(0u64..3, 40),
        ) {
            // The reference: the order statistics read off the sorted values by index.
            let mut sorted = values.clone();
            sorted.sort_unstable();
            let reference = (!sorted.is_empty()).then(|| {
                let n = sorted.len();
                let value = if n % 2 == 1 {
                    f64::from(sorted[n / 2])
                } else {
                    (f64::from(sorted[n / 2 - 1]) + f64::from(sorted[n / 2])) / 2.0
                };
                let spread = Z95 * (n as f64).sqrt() / 2.0;
                let low = ((n as f64 / 2.0 - spread).floor() as usize).clamp(1, n);
                let high = ((n as f64 / 2.0 + spread).ceil() as usize + 1).clamp(1, n);
                Estimate {
                    value,
                    low: f64::from(sorted[low - 1]).min(value),
                    high: f64::from(sorted[high - 1]).max(value),
                    n: n as u64,
                }
            });
            // Counts as cells give them: a value's visits split over several entries, some empty.
            let mut counts: Vec<(u32, u64)> = Vec::new();
            for v in 0u32..40 {
                let total = sorted.iter().filter(|x| **x == v).count() as u64;
                let first = split[v as usize].min(total);
                counts.push((v, first));
                counts.push((v, total - first));
            }
            proptest::prop_assert_eq!(median_of_counts(&counts), reference);
            proptest::prop_assert_eq!(median(&mut values.clone()), reference);
        }

        #[test]
        fn a_histogram_counts_every_value_once_whether_dense_or_sorted(
            values in proptest::collection::vec(proptest::prop_oneof![0u32..300, 0u32..100_000], 0..200),
            counts in proptest::collection::vec((proptest::prop_oneof![0u32..300, 0u32..100_000], 1u64..50), 0..50),
        ) {
            let mut expected = std::collections::BTreeMap::new();
            for v in &values {
                *expected.entry(*v).or_insert(0u64) += 1;
            }
            for (v, c) in &counts {
                *expected.entry(*v).or_insert(0u64) += c;
            }
            let expected: Vec<(u32, u64)> = expected.into_iter().collect();
            proptest::prop_assert_eq!(histogram(&values, &counts), expected);
        }

        #[test]
        fn the_mean_of_sums_agrees_with_the_mean_of_the_values(
            values in proptest::collection::vec(0i64..241, 1..300),
        ) {
            let unit = 5.0 / 12.0;
            let sum = values.iter().sum::<i64>();
            let sum_sq = values.iter().map(|v| (v * v) as u64).sum::<u64>();
            let direct = mean(&values.iter().map(|v| *v as f64 * unit).collect::<Vec<_>>()).unwrap();
            let of_sums = mean_of_sums(values.len() as u64, sum, sum_sq, unit).unwrap();
            for (a, b) in [(direct.value, of_sums.value), (direct.low, of_sums.low), (direct.high, of_sums.high)] {
                proptest::prop_assert!((a - b).abs() < 1e-9, "{} vs {}", a, b);
            }
        }
    }

    #[test]
    fn median_of_odd_and_even_samples() {
        assert_eq!(median(&mut [5, 1, 3]).map(|e| e.value), Some(3.0));
        assert_eq!(median(&mut [4, 1, 3, 2]).map(|e| e.value), Some(2.5));
        assert_eq!(median(&mut []), None);
        let e = median(&mut [7]).expect("median");
        assert_eq!((e.low, e.value, e.high), (7.0, 7.0, 7.0));
    }
}
