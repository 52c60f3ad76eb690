//! The key figures of a period: service quality, informal payments, intermediaries, completion, waiting
//! and complaints, for the whole country or one unit, each with the sample behind it and a 95 % interval
//! where it is an estimate.
//!
//! A visit counts towards a period only when its published time lies wholly inside it: a visit published
//! as `2025` (generalised for anonymity) cannot be placed in "December 2025 – November 2026", and is
//! counted in [`KeyFigures::visits_unplaced`] instead, so that the page can say how many were left out.

use crate::contract::AuditsFile;
use crate::dataset::Dataset;
use crate::period::Period;
use crate::stats::{self, Estimate};

/// The complaints of a period, with how many unit-months had their total suppressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ComplaintCount {
    /// Complaints in the published totals.
    pub counted: u64,
    /// Unit-months of the period whose total is suppressed (each held 1 to k − 1 complaints, or more
    /// that could not be shown without revealing small cells): the true figure is higher by that much.
    pub suppressed_totals: u64,
}

/// The key figures of one period and area.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyFigures {
    /// The period.
    pub period: Period,
    /// Visits placed in the period.
    pub visits: u64,
    /// Visits published with a quarter or year that overlaps the period without lying inside it.
    pub visits_unplaced: u64,
    /// Service quality index 0–100: per visit, the mean of its assessed scores rescaled by (mean − 1) × 25;
    /// averaged over visits with at least one score.
    pub quality_index: Option<Estimate>,
    /// Share of visits with an informal-payment request (Wilson interval).
    pub informal_payment: Option<Estimate>,
    /// Share of visits where an intermediary was offered (Wilson interval).
    pub intermediary: Option<Estimate>,
    /// Share of visits where the service was delivered (Wilson interval).
    pub completion: Option<Estimate>,
    /// Median minutes waited.
    pub median_wait: Option<Estimate>,
    /// Complaints received.
    pub complaints: ComplaintCount,
    /// Complaints per 100,000 people.
    pub complaints_per_100k: Option<f64>,
    /// The population the rate uses.
    pub population: u64,
}

fn share(column: &[Option<bool>], rows: &[usize]) -> Option<Estimate> {
    let (yes, n) = rows
        .iter()
        .filter_map(|&i| column[i])
        .fold((0u64, 0u64), |(yes, n), b| (yes + u64::from(b), n + 1));
    stats::wilson(yes, n)
}

/// The rows of `audits` placed in `period`, and the number overlapping it without lying inside.
pub fn rows_in(audits: &AuditsFile, period: Period, region: Option<&str>) -> (Vec<usize>, u64) {
    let mut rows = Vec::new();
    let mut unplaced = 0;
    for (i, label) in audits.columns.month.iter().enumerate() {
        if region.is_some_and(|r| *audits.columns.region[i] != *r) {
            continue;
        }
        if period.covers(*label) {
            rows.push(i);
        } else if period.overlaps(*label) {
            unplaced += 1;
        }
    }
    (rows, unplaced)
}

/// The key figures of `period`, for the whole country (`region` `None`) or one unit.
pub fn key_figures(d: &Dataset, period: Period, region: Option<&str>) -> KeyFigures {
    let c = &d.audits.columns;
    let (rows, visits_unplaced) = rows_in(&d.audits, period, region);

    let visit_indices: Vec<f64> = rows
        .iter()
        .filter_map(|&i| {
            let scores: Vec<f64> = c
                .scores()
                .iter()
                .filter_map(|(_, col)| col[i])
                .map(f64::from)
                .collect();
            (!scores.is_empty())
                .then(|| (scores.iter().sum::<f64>() / scores.len() as f64 - 1.0) * 25.0)
        })
        .collect();
    let mut waits: Vec<u32> = rows.iter().filter_map(|&i| c.wait_minutes[i]).collect();

    let t = &d.complaints.totals.columns;
    let mut complaints = ComplaintCount {
        counted: 0,
        suppressed_totals: 0,
    };
    for i in 0..d.complaints.totals.rows {
        let inside = t.month[i] >= period.from && t.month[i] <= period.to;
        if !inside || region.is_some_and(|r| *t.region[i] != *r) {
            continue;
        }
        match t.count[i] {
            Some(n) => complaints.counted += u64::from(n),
            None => complaints.suppressed_totals += 1,
        }
    }
    let population: u64 = d
        .manifest
        .regions
        .iter()
        .filter(|r| region.is_none_or(|code| r.code == code))
        .map(|r| r.population.value)
        .sum();
    let complaints_per_100k =
        (population > 0).then(|| complaints.counted as f64 * 100_000.0 / population as f64);

    KeyFigures {
        period,
        visits: rows.len() as u64,
        visits_unplaced,
        quality_index: stats::mean(&visit_indices),
        informal_payment: share(&c.informal_payment_requested, &rows),
        intermediary: share(&c.intermediary_offered, &rows),
        completion: share(&c.service_completed, &rows),
        median_wait: stats::median(&mut waits),
        complaints,
        complaints_per_100k,
        population,
    }
}
