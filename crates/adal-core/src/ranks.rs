//! Ranks with their uncertainty: the 95 % rank interval of each unit ("3rd to 7th"), by simulation.
//!
//! A rank is only as certain as the estimates behind it: two units whose intervals overlap may swap places
//! in another sample. The method, stated on the data page: each unit's estimate is drawn 1,000 times from
//! its sampling distribution — for a visit metric, a normal curve on each side of the value whose spread is
//! the 95 % interval's half-width on that side divided by 1.96 (so asymmetric Wilson intervals stay
//! asymmetric); for a complaint count, the count's Poisson variation (a normal curve of standard deviation
//! √count, scaled to the rate for complaints per 100,000). In every draw the units are ranked, and a unit's
//! rank interval runs from the 2.5th to the 97.5th percentile of its ranks. The generator is seeded by a
//! constant, so the same figures always give the same intervals.

use crate::contract::Better;

/// The number of simulated draws: the 2.5th and 97.5th percentiles are the 25th and 975th ranks.
pub const DRAWS: usize = 1_000;

/// What one unit's rank is drawn from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    /// The estimate.
    pub value: f64,
    /// Standard deviation below the value.
    pub below: f64,
    /// Standard deviation above the value.
    pub above: f64,
}

impl Spread {
    /// From a value and its 95 % interval.
    pub fn from_interval(value: f64, low: f64, high: f64) -> Spread {
        let z = crate::stats::Z95;
        Spread {
            value,
            below: ((value - low) / z).max(0.0),
            above: ((high - value) / z).max(0.0),
        }
    }

    /// From a count's Poisson variation, scaled by `scale` (1 for a count, 100,000 / population for a rate).
    pub fn from_count(count: u64, scale: f64) -> Spread {
        let sd = (count as f64).sqrt() * scale;
        Spread {
            value: count as f64 * scale,
            below: sd,
            above: sd,
        }
    }
}

/// SplitMix64: small, fast, and good enough to draw normal deviates for a simulation.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform deviate in (0, 1).
    fn uniform(&mut self) -> f64 {
        ((self.next() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }

    /// A standard normal deviate, as the sum of four uniforms, centred and scaled to variance 1
    /// (Irwin–Hall): close enough to the normal curve for ranking (its tails stop at ±3.46), cheap (the
    /// map re-ranks on every change), and it needs neither `ln` nor `cos`, whose code the page's wasm
    /// would otherwise carry.
    fn normal(&mut self) -> f64 {
        ((0..4).map(|_| self.uniform()).sum::<f64>() - 2.0) * 3f64.sqrt()
    }
}

/// The units that take part in the ranking, with their place in `spreads`: those with a finite value.
fn ranked(spreads: &[Option<Spread>]) -> Vec<(usize, Spread)> {
    spreads
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.filter(|s| s.value.is_finite()).map(|s| (i, s)))
        .collect()
}

/// An integer that orders drawn values best first: IEEE 754's total order (`f64::total_cmp`) as
/// integers, turned round where higher is better.
fn rank_key(v: f64, better: Better) -> i64 {
    let bits = v.to_bits() as i64;
    let key = bits ^ (((bits >> 63) as u64) >> 1) as i64;
    match better {
        Better::Lower => key,
        Better::Higher => !key,
    }
}

/// The 95 % rank interval `(best, worst)` of each unit with a spread (1 = best), among the units that have
/// one; `None` for a unit without.
///
/// ```
/// use adal_core::contract::Better;
/// use adal_core::ranks::{Spread, rank_intervals};
/// // Two units far apart and two that overlap: the overlapping ones share ranks 3–4.
/// let s = |v: f64, sd: f64| Some(Spread { value: v, below: sd, above: sd });
/// let r = rank_intervals(&[s(90.0, 1.0), s(80.0, 1.0), s(50.0, 5.0), s(49.0, 5.0), None], Better::Higher);
/// assert_eq!(r, vec![Some((1, 1)), Some((2, 2)), Some((3, 4)), Some((3, 4)), None]);
/// ```
pub fn rank_intervals(spreads: &[Option<Spread>], better: Better) -> Vec<Option<(usize, usize)>> {
    let present = ranked(spreads);
    let mut out = vec![None; spreads.len()];
    if present.is_empty() {
        return out;
    }
    let mut rng = SplitMix(0x4144_414c_2d52_414e); // "ADAL-RAN"
    // How often each unit drew each rank (`times[slot][rank - 1]`): its sorted ranks, without the sort.
    let mut times: Vec<Vec<u32>> = vec![vec![0; present.len()]; present.len()];
    // Each draw's (key, slot) sorted: by value best first, equal draws by slot, as a stable sort of
    // the values would place them; integers compare without a call.
    let mut order: Vec<(i64, usize)> = Vec::with_capacity(present.len());
    for _ in 0..DRAWS {
        order.clear();
        for (slot, (_, s)) in present.iter().enumerate() {
            let z = rng.normal();
            let v = s.value + z * if z < 0.0 { s.below } else { s.above };
            order.push((rank_key(v, better), slot));
        }
        order.sort_unstable();
        for (rank, (_, slot)) in order.iter().enumerate() {
            times[*slot][rank] += 1;
        }
    }
    for ((i, _), times) in present.iter().zip(times) {
        // The rank at 0-based position `k` of the unit's ranks in ascending order.
        let at = |q: f64| {
            let k = ((DRAWS - 1) as f64 * q).round() as u64;
            let mut seen = 0;
            let found = times.iter().position(|&t| {
                seen += u64::from(t);
                seen > k
            });
            found.map_or(times.len(), |r| r + 1)
        };
        out[*i] = Some((at(0.025), at(0.975)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certain_estimates_have_a_single_rank_and_lower_can_be_better() {
        let s = |v: f64| Some(Spread::from_interval(v, v, v));
        let r = rank_intervals(&[s(3.0), s(1.0), s(2.0)], Better::Lower);
        assert_eq!(r, vec![Some((3, 3)), Some((1, 1)), Some((2, 2))]);
    }

    #[test]
    fn overlapping_intervals_widen_the_ranks_and_contain_the_point_rank() {
        // Ten units 1 apart, each ±3 (95 %): the middle ones may take several places.
        let spreads: Vec<Option<Spread>> = (0..10)
            .map(|i| {
                Some(Spread::from_interval(
                    f64::from(i),
                    f64::from(i) - 3.0,
                    f64::from(i) + 3.0,
                ))
            })
            .collect();
        let r = rank_intervals(&spreads, Better::Higher);
        for (i, interval) in r.iter().enumerate() {
            let (best, worst) = interval.expect("interval");
            let point = 10 - i;
            assert!(best <= point && point <= worst, "{i}: {best}–{worst}");
            assert!(worst - best >= 2, "{i}: {best}–{worst}");
        }
        // Deterministic: the same figures, the same intervals.
        assert_eq!(r, rank_intervals(&spreads, Better::Higher));
    }

    /// The percentiles of each unit's ranks as first written: every draw's ranks kept and sorted.
    fn sorted_ranks(spreads: &[Option<Spread>], better: Better) -> Vec<Option<(usize, usize)>> {
        let present = ranked(spreads);
        let mut out = vec![None; spreads.len()];
        let mut rng = SplitMix(0x4144_414c_2d52_414e);
        let mut ranks: Vec<Vec<usize>> = vec![Vec::new(); present.len()];
        for _ in 0..DRAWS {
            let mut drawn: Vec<(f64, usize)> = present
                .iter()
                .enumerate()
                .map(|(slot, (_, s))| {
                    let z = rng.normal();
                    (s.value + z * if z < 0.0 { s.below } else { s.above }, slot)
                })
                .collect();
            drawn.sort_by(|a, b| match better {
                Better::Higher => b.0.total_cmp(&a.0),
                Better::Lower => a.0.total_cmp(&b.0),
            });
            for (rank, (_, slot)) in drawn.iter().enumerate() {
                ranks[*slot].push(rank + 1);
            }
        }
        for ((i, _), mut r) in present.iter().zip(ranks) {
            r.sort_unstable();
            let at = |q: f64| r[((r.len() - 1) as f64 * q).round() as usize];
            out[*i] = Some((at(0.025), at(0.975)));
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn counting_the_ranks_gives_the_sorted_ranks_percentiles(
            units in proptest::collection::vec(
                proptest::option::weighted(0.9, (
                    proptest::prop_oneof![0.0..100.0f64, proptest::sample::select(vec![-0.0, 0.0, 7.0])],
                    proptest::prop_oneof![0.0..10.0f64, proptest::strategy::Just(0.0)],
                    0.0..10.0f64,
                )),
                0..45,
            ),
            lower in proptest::bool::ANY,
        ) {
            let spreads: Vec<Option<Spread>> = units
                .iter()
                .map(|u| u.map(|(value, below, above)| Spread { value, below, above }))
                .collect();
            let better = if lower { Better::Lower } else { Better::Higher };
            proptest::prop_assert_eq!(rank_intervals(&spreads, better), sorted_ranks(&spreads, better));
        }
    }
}
