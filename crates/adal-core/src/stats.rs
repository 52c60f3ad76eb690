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
    let n = values.len();
    if n == 0 {
        return None;
    }
    values.sort_unstable();
    let value = if !n.is_multiple_of(2) {
        f64::from(values[n / 2])
    } else {
        (f64::from(values[n / 2 - 1]) + f64::from(values[n / 2])) / 2.0
    };
    let n_f = n as f64;
    let spread = Z95 * n_f.sqrt() / 2.0;
    // 1-based ranks, clamped to the sample.
    let low_rank = ((n_f / 2.0 - spread).floor() as usize).clamp(1, n);
    let high_rank = ((n_f / 2.0 + spread).ceil() as usize + 1).clamp(1, n);
    Some(Estimate {
        value,
        low: f64::from(values[low_rank - 1]).min(value),
        high: f64::from(values[high_rank - 1]).max(value),
        n: n as u64,
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

    #[test]
    fn median_of_odd_and_even_samples() {
        assert_eq!(median(&mut [5, 1, 3]).map(|e| e.value), Some(3.0));
        assert_eq!(median(&mut [4, 1, 3, 2]).map(|e| e.value), Some(2.5));
        assert_eq!(median(&mut []), None);
        let e = median(&mut [7]).expect("median");
        assert_eq!((e.low, e.value, e.high), (7.0, 7.0, 7.0));
    }
}
