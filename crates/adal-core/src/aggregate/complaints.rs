//! Counting the complaints: the sums of the published counts by unit ([`ComplaintSum`]), and per
//! 100,000 residents.

use std::collections::HashMap;

use super::figure::RegionFigure;
use super::metric::MetricId;
use crate::dataset::Dataset;
use crate::period::{Period, Placement};

/// The complaints of a period as the published totals give them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ComplaintSum {
    /// Complaints in the published totals that lie inside the period.
    pub counted: u64,
    /// Complaints in published totals (quarters or years) that overlap the period without lying inside
    /// it: received in or near the period, but not countable in it.
    pub uncounted: u64,
    /// Suppressed totals overlapping the period (each held 1 to k − 1 complaints).
    pub suppressed_totals: u64,
}

impl ComplaintSum {
    fn add(&mut self, other: ComplaintSum) {
        self.counted += other.counted;
        self.uncounted += other.uncounted;
        self.suppressed_totals += other.suppressed_totals;
    }
}

/// The complaints of `period` in the published totals: per unit of the manifest (in its order), and for
/// the whole country (the sum of the units: the country has no totals of its own).
pub fn complaint_sums(d: &Dataset, period: Period) -> (Vec<ComplaintSum>, ComplaintSum) {
    let t = &d.complaints.totals.columns;
    let mut sums: HashMap<&str, ComplaintSum> = HashMap::new();
    for i in 0..d.complaints.totals.rows {
        let placement = period.place(t.period[i], d.manifest.period);
        if placement == Placement::Outside {
            continue;
        }
        let entry = sums.entry(&*t.region[i]).or_default();
        match t.count[i] {
            Some(n) if placement == Placement::Inside => entry.counted += u64::from(n),
            Some(n) => entry.uncounted += u64::from(n),
            None => entry.suppressed_totals += 1,
        }
    }
    let per_unit: Vec<ComplaintSum> = d
        .manifest
        .regions
        .iter()
        .map(|r| sums.get(r.code.as_str()).copied().unwrap_or_default())
        .collect();
    let mut total = ComplaintSum::default();
    for sum in &per_unit {
        total.add(*sum);
    }
    (per_unit, total)
}

/// Complaints per 100,000 people; `None` without a population.
pub fn per_100k(complaints: u64, population: u64) -> Option<f64> {
    (population > 0).then(|| complaints as f64 * 100_000.0 / population as f64)
}

pub(crate) fn complaint_figures(
    d: &Dataset,
    metric: MetricId,
    period: Period,
) -> (Vec<RegionFigure>, RegionFigure) {
    let figure = |code: &str, sum: ComplaintSum, population: u64| RegionFigure {
        code: code.to_owned(),
        value: match metric {
            MetricId::ComplaintsPer100k => per_100k(sum.counted, population),
            _ => Some(sum.counted as f64),
        },
        interval: None,
        n: sum.counted,
        low_sample: false,
        suppressed_months: sum.suppressed_totals,
        uncounted: sum.uncounted,
        unseen: 0,
        rank: None,
        rank_interval: None,
        change: None,
    };
    let (per_unit, total) = complaint_sums(d, period);
    let regions = d
        .manifest
        .regions
        .iter()
        .zip(per_unit)
        .map(|(r, sums)| figure(&r.code, sums, r.population.value))
        .collect();
    let population = d.manifest.regions.iter().map(|r| r.population.value).sum();
    (regions, figure("KZ", total, population))
}
