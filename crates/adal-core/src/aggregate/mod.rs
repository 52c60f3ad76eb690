//! One metric for every unit: what the map colours, the table lists and the tooltips tell — the value, its
//! 95 % interval, the sample behind it, its rank among the units and its change against the previous period
//! of equal length.
//!
//! Visits are filtered by period (a visit counts only when its published time lies inside the period),
//! service and channel. Complaint metrics come from the published totals of each unit (by month, quarter
//! or year), which the service and channel filters do not split.

pub(crate) mod cells;
mod complaints;
mod dataset_visits;
mod figure;
mod findings;
mod metric;
mod outcomes;
mod sums;
pub(crate) mod visits;

pub use cells::{
    Cell, accumulate_cells, cells_file, cells_of_file, cells_of_units, cells_of_visits, totals_of,
};
pub use complaints::{ComplaintSum, complaint_sums, per_100k};
pub use dataset_visits::{accumulate, accumulate_unit};
pub use figure::{MapFigures, RegionFigure};
pub use findings::{Recommendations, recommendations};
pub use metric::MetricId;
pub use outcomes::{COURT, Funnel, INVESTIGATION, Times, funnel};
pub use sums::{CellStats, INDEX_UNIT, IndexSums};
pub use visits::{Acc, Filter, accumulate_visits};

use complaints::complaint_figures;
use dataset_visits::visit_figures;

use crate::contract::Better;
use crate::dataset::Dataset;
use crate::period::{Month, Period};
use crate::ranks::{Spread, rank_intervals};

/// The period of equal length just before `period`.
pub fn previous(period: Period) -> Option<Period> {
    let len = period.to.index() - period.from.index() + 1;
    let to = Month::from_index(period.from.index().checked_sub(1)?)?;
    let from = Month::from_index(period.from.index().checked_sub(len)?)?;
    Some(Period { from, to })
}

/// What a figure's change compares against: the [`previous`] period, when the data reach back that far.
/// The map, the key figures and the trend's note all name this one period.
pub fn comparison_period(d: &Dataset, period: Period) -> Option<Period> {
    previous(period).filter(|p| p.from >= d.manifest.period.from)
}

fn raw_figures(
    d: &Dataset,
    metric: MetricId,
    filter: &Filter,
    min_visits: u64,
) -> (Vec<RegionFigure>, RegionFigure) {
    if metric.from_visits() {
        visit_figures(d, metric, filter, min_visits)
    } else {
        complaint_figures(d, metric, filter.period)
    }
}

/// The units' values of `metric` over every one of `frames` (the frames of the map's Play), with the
/// filter's service and channel: the values one set of colour classes is computed over, so that a
/// colour means the same value in every frame.
pub fn frame_values(
    d: &Dataset,
    metric: MetricId,
    filter: &Filter,
    frames: &[Period],
    min_visits: u64,
) -> Vec<Option<f64>> {
    frames
        .iter()
        .flat_map(|p| {
            let f = Filter {
                period: *p,
                ..filter.clone()
            };
            let (regions, _) = raw_figures(d, metric, &f, min_visits);
            regions.into_iter().map(|r| r.value)
        })
        .collect()
}

/// The metric for every unit and the whole country, with ranks and the change against the previous
/// period of equal length (when the data reach back that far). `min_visits` is the low-sample threshold.
pub fn region_figures(
    d: &Dataset,
    metric: MetricId,
    filter: &Filter,
    min_visits: u64,
) -> MapFigures {
    let (mut regions, mut national) = raw_figures(d, metric, filter, min_visits);
    if let Some(p) = comparison_period(d, filter.period) {
        let before = Filter {
            period: p,
            ..filter.clone()
        };
        let (old_regions, old_national) = raw_figures(d, metric, &before, min_visits);
        for (now, then) in regions.iter_mut().zip(&old_regions) {
            now.change = now.value.zip(then.value).map(|(a, b)| a - b);
        }
        national.change = national.value.zip(old_national.value).map(|(a, b)| a - b);
    }
    let mut ranked: Vec<(usize, f64)> = regions
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.value.map(|v| (i, v)))
        .collect();
    ranked.sort_by(|a, b| match metric.better() {
        Better::Higher => b.1.total_cmp(&a.1),
        Better::Lower => a.1.total_cmp(&b.1),
    });
    for (rank, (i, _)) in ranked.iter().enumerate() {
        regions[*i].rank = Some(rank + 1);
    }
    let spreads: Vec<Option<Spread>> = regions
        .iter()
        .zip(&d.manifest.regions)
        .map(|(r, entry)| {
            let value = r.value?;
            match (metric, r.interval) {
                (MetricId::Complaints, _) => Some(Spread::from_count(r.n, 1.0)),
                (MetricId::ComplaintsPer100k, _) => {
                    let population = entry.population.value;
                    (population > 0).then(|| Spread::from_count(r.n, 100_000.0 / population as f64))
                }
                (_, Some((low, high))) => Some(Spread::from_interval(value, low, high)),
                (_, None) => None,
            }
        })
        .collect();
    for (r, interval) in regions
        .iter_mut()
        .zip(rank_intervals(&spreads, metric.better()))
    {
        r.rank_interval = interval;
    }
    MapFigures {
        metric,
        regions,
        national,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metric_ids_round_trip() {
        for m in MetricId::ALL {
            assert_eq!(MetricId::parse(m.id()), Some(m));
        }
        assert_eq!(MetricId::parse("bogus"), None);
    }

    #[test]
    fn previous_periods_have_equal_length() {
        let p = Period {
            from: "2025-12".parse().expect("month"),
            to: "2026-11".parse().expect("month"),
        };
        let before = previous(p).expect("previous");
        assert_eq!(
            (before.from.to_string(), before.to.to_string()),
            ("2024-12".into(), "2025-11".into())
        );
        let first = Period {
            from: "1900-01".parse().expect("month"),
            to: "1900-03".parse().expect("month"),
        };
        assert_eq!(previous(first), None);
    }
}
