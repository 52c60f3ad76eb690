//! The key figures of a period: service quality, informal payments, intermediaries, completion, waiting
//! and complaints, for the whole country or one unit, each with the sample behind it and a 95 % interval
//! where it is an estimate.
//!
//! A visit or complaint counts towards a period only when its published time lies wholly inside it: a
//! visit published as `2025` (generalised for anonymity) cannot be placed in "2025-Q2 – 2026-Q1", and is
//! counted in [`KeyFigures::visits_unplaced`] instead, so that the page can say how many were left out.
//! Periods made of whole calendar quarters ([`crate::dataset::Dataset::default_period`]) place nearly
//! every visit and complaint of a thin programme, whose records are mostly published by quarter.

use crate::aggregate::{self, Acc, Filter, MetricId};
use crate::dataset::Dataset;
use crate::period::Period;
use crate::stats::Estimate;

/// The complaints of a period, with how many could not be counted in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ComplaintCount {
    /// Complaints in the published totals that lie inside the period.
    pub counted: u64,
    /// Complaints published only by a quarter or year that reaches past the period.
    pub unplaced: u64,
    /// Totals of the period that are suppressed (each held 1 to k − 1 complaints): the true figure is
    /// higher by that much.
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

impl KeyFigures {
    /// The estimate of a visit metric; `None` without data, and for the complaint metrics (counts).
    pub fn estimate(&self, metric: MetricId) -> Option<Estimate> {
        match metric {
            MetricId::QualityIndex => self.quality_index,
            MetricId::InformalPayment => self.informal_payment,
            MetricId::Intermediary => self.intermediary,
            MetricId::Completion => self.completion,
            MetricId::MedianWait => self.median_wait,
            MetricId::Complaints | MetricId::ComplaintsPer100k => None,
        }
    }

    /// The value of any metric; `None` without data.
    pub fn value(&self, metric: MetricId) -> Option<f64> {
        match metric {
            MetricId::Complaints => Some(self.complaints.counted as f64),
            MetricId::ComplaintsPer100k => self.complaints_per_100k,
            visits => self.estimate(visits).map(|e| e.value),
        }
    }
}

/// The key figures of `period`, for the whole country (`region` `None`) or one unit. The same
/// accumulation as the map's ([`aggregate::accumulate`]), for all five visit metrics at once.
pub fn key_figures(d: &Dataset, period: Period, region: Option<&str>) -> KeyFigures {
    let filter = Filter {
        period,
        service: None,
        channel: None,
    };
    let metrics = [
        MetricId::QualityIndex,
        MetricId::InformalPayment,
        MetricId::Intermediary,
        MetricId::Completion,
        MetricId::MedianWait,
    ];
    let (complaints_per_unit, complaints_total) = aggregate::complaint_sums(d, period);
    let position = region.map(|code| d.manifest.regions.iter().position(|r| r.code == code));
    // A unit's figures read its own visits only.
    let (mut acc, sum, population) = match position {
        None => (
            aggregate::accumulate(d, &filter, &metrics).1,
            complaints_total,
            d.manifest.regions.iter().map(|r| r.population.value).sum(),
        ),
        Some(Some(i)) => {
            let mut acc = Acc::default();
            aggregate::accumulate_unit(d, i, &filter, &metrics, &mut acc);
            (
                acc,
                complaints_per_unit[i],
                d.manifest.regions[i].population.value,
            )
        }
        Some(None) => (Acc::default(), aggregate::ComplaintSum::default(), 0),
    };
    let acc = &mut acc;
    KeyFigures {
        period,
        visits: acc.visits,
        visits_unplaced: acc.uncounted,
        quality_index: acc.estimate(MetricId::QualityIndex),
        informal_payment: acc.estimate(MetricId::InformalPayment),
        intermediary: acc.estimate(MetricId::Intermediary),
        completion: acc.estimate(MetricId::Completion),
        median_wait: acc.estimate(MetricId::MedianWait),
        complaints: ComplaintCount {
            counted: sum.counted,
            unplaced: sum.uncounted,
            suppressed_totals: sum.suppressed_totals,
        },
        complaints_per_100k: aggregate::per_100k(sum.counted, population),
        population,
    }
}
