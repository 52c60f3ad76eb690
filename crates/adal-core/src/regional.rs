//! One metric for every unit: what the map colours, the table lists and the tooltips tell — the value, its
//! 95 % interval, the sample behind it, its rank among the units and its change against the previous period
//! of equal length.
//!
//! Visits are filtered by period (a visit counts only when its published time lies inside the period),
//! service and channel. Complaint metrics come from the published (region, month) totals, which the service
//! and channel filters do not split.

use std::collections::HashMap;

use crate::contract::{AuditsFile, Better};
use crate::dataset::Dataset;
use crate::period::{Month, Period};
use crate::stats;

/// The seven metrics of the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MetricId {
    /// Service quality index, 0–100.
    QualityIndex,
    /// Share of visits with an informal-payment request.
    InformalPayment,
    /// Share of visits where an intermediary was offered.
    Intermediary,
    /// Share of visits where the service was delivered.
    Completion,
    /// Median minutes waited.
    MedianWait,
    /// Complaints received.
    Complaints,
    /// Complaints per 100,000 people.
    ComplaintsPer100k,
}

impl MetricId {
    /// All metrics, in the order of the selector.
    pub const ALL: [MetricId; 7] = [
        MetricId::QualityIndex,
        MetricId::InformalPayment,
        MetricId::Intermediary,
        MetricId::Completion,
        MetricId::MedianWait,
        MetricId::ComplaintsPer100k,
        MetricId::Complaints,
    ];

    /// The id used in the manifest and in links.
    pub fn id(self) -> &'static str {
        match self {
            MetricId::QualityIndex => "quality_index",
            MetricId::InformalPayment => "informal_payment_share",
            MetricId::Intermediary => "intermediary_share",
            MetricId::Completion => "completion_share",
            MetricId::MedianWait => "median_wait",
            MetricId::Complaints => "complaints",
            MetricId::ComplaintsPer100k => "complaints_per_100k",
        }
    }

    /// The metric with this id.
    pub fn parse(id: &str) -> Option<MetricId> {
        MetricId::ALL.into_iter().find(|m| m.id() == id)
    }

    /// Which direction is better.
    pub fn better(self) -> Better {
        match self {
            MetricId::QualityIndex | MetricId::Completion => Better::Higher,
            _ => Better::Lower,
        }
    }

    /// Whether it comes from visits (and so has a sample size in visits and responds to the filters).
    pub fn from_visits(self) -> bool {
        !matches!(self, MetricId::Complaints | MetricId::ComplaintsPer100k)
    }
}

/// What the map shows: a period and optional filters on visits.
#[derive(Clone, Debug, PartialEq)]
pub struct Filter {
    /// The months.
    pub period: Period,
    /// A service id, or all services.
    pub service: Option<String>,
    /// An audit channel id, or all channels (visits whose channel was generalised count only here).
    pub channel: Option<String>,
}

/// One unit's figure.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionFigure {
    /// ISO code.
    pub code: String,
    /// The value; `None` when there are no data.
    pub value: Option<f64>,
    /// The 95 % interval, where the value is an estimate.
    pub interval: Option<(f64, f64)>,
    /// Visits behind a visit metric; complaints counted for a complaint metric.
    pub n: u64,
    /// Fewer visits than the threshold: to be read with caution.
    pub low_sample: bool,
    /// Months whose complaint total is suppressed (the value is then a lower bound).
    pub suppressed_months: u64,
    /// 1 for the best unit, among units with a value.
    pub rank: Option<usize>,
    /// Value minus the value of the previous period of equal length.
    pub change: Option<f64>,
}

/// A metric for all units, and for the whole country.
#[derive(Clone, Debug, PartialEq)]
pub struct MapFigures {
    /// The metric.
    pub metric: MetricId,
    /// One entry per unit of the manifest, in its order.
    pub regions: Vec<RegionFigure>,
    /// The national figure.
    pub national: RegionFigure,
}

/// Per-unit accumulators of one pass over the visits.
#[derive(Clone, Default)]
struct Acc {
    index_values: Vec<f64>,
    yes: u64,
    answered: u64,
    waits: Vec<u32>,
    visits: u64,
}

impl Acc {
    fn absorb(&mut self, other: &Acc) {
        self.index_values.extend_from_slice(&other.index_values);
        self.yes += other.yes;
        self.answered += other.answered;
        self.waits.extend_from_slice(&other.waits);
        self.visits += other.visits;
    }

    fn figure(&mut self, metric: MetricId, code: &str, min_visits: u64) -> RegionFigure {
        let estimate = match metric {
            MetricId::QualityIndex => stats::mean(&self.index_values),
            MetricId::InformalPayment | MetricId::Intermediary | MetricId::Completion => {
                stats::wilson(self.yes, self.answered)
            }
            MetricId::MedianWait => stats::median(&mut self.waits),
            MetricId::Complaints | MetricId::ComplaintsPer100k => None,
        };
        RegionFigure {
            code: code.to_owned(),
            value: estimate.map(|e| e.value),
            interval: estimate.map(|e| (e.low, e.high)),
            n: estimate.map_or(0, |e| e.n),
            low_sample: estimate.is_some_and(|e| e.n < min_visits),
            suppressed_months: 0,
            rank: None,
            change: None,
        }
    }
}

fn matches_filter(audits: &AuditsFile, i: usize, filter: &Filter) -> bool {
    let c = &audits.columns;
    filter.period.covers(c.month[i])
        && filter
            .service
            .as_deref()
            .is_none_or(|s| *c.service[i] == *s)
        && filter
            .channel
            .as_deref()
            .is_none_or(|ch| c.channel[i].as_deref() == Some(ch))
}

fn visit_figures(
    d: &Dataset,
    metric: MetricId,
    filter: &Filter,
    min_visits: u64,
) -> (Vec<RegionFigure>, RegionFigure) {
    let codes: Vec<&str> = d.manifest.regions.iter().map(|r| r.code.as_str()).collect();
    let index: HashMap<&str, usize> = codes.iter().enumerate().map(|(i, c)| (*c, i)).collect();
    let mut accs = vec![Acc::default(); codes.len()];
    let c = &d.audits.columns;
    for i in 0..d.audits.rows {
        let Some(&r) = index.get(&*c.region[i]) else {
            continue;
        };
        if !matches_filter(&d.audits, i, filter) {
            continue;
        }
        let acc = &mut accs[r];
        acc.visits += 1;
        match metric {
            MetricId::QualityIndex => {
                let (sum, n) = c
                    .scores()
                    .iter()
                    .filter_map(|(_, col)| col[i])
                    .fold((0u32, 0u32), |(s, n), v| (s + u32::from(v), n + 1));
                if n > 0 {
                    acc.index_values
                        .push((f64::from(sum) / f64::from(n) - 1.0) * 25.0);
                }
            }
            MetricId::InformalPayment | MetricId::Intermediary | MetricId::Completion => {
                let column = match metric {
                    MetricId::InformalPayment => &c.informal_payment_requested,
                    MetricId::Intermediary => &c.intermediary_offered,
                    _ => &c.service_completed,
                };
                if let Some(b) = column[i] {
                    acc.answered += 1;
                    acc.yes += u64::from(b);
                }
            }
            MetricId::MedianWait => acc.waits.extend(c.wait_minutes[i]),
            MetricId::Complaints | MetricId::ComplaintsPer100k => {}
        }
    }
    let mut national = Acc::default();
    for acc in &accs {
        national.absorb(acc);
    }
    let regions = accs
        .iter_mut()
        .zip(&codes)
        .map(|(acc, code)| acc.figure(metric, code, min_visits))
        .collect();
    (regions, national.figure(metric, "KZ", min_visits))
}

fn complaint_figures(
    d: &Dataset,
    metric: MetricId,
    period: Period,
) -> (Vec<RegionFigure>, RegionFigure) {
    let t = &d.complaints.totals.columns;
    let mut sums: HashMap<&str, (u64, u64)> = HashMap::new();
    for i in 0..d.complaints.totals.rows {
        if t.month[i] < period.from || t.month[i] > period.to {
            continue;
        }
        let entry = sums.entry(&*t.region[i]).or_default();
        match t.count[i] {
            Some(n) => entry.0 += u64::from(n),
            None => entry.1 += 1,
        }
    }
    let figure = |code: &str, counted: u64, suppressed: u64, population: u64| RegionFigure {
        code: code.to_owned(),
        value: Some(match metric {
            MetricId::ComplaintsPer100k if population > 0 => {
                counted as f64 * 100_000.0 / population as f64
            }
            MetricId::ComplaintsPer100k => f64::NAN,
            _ => counted as f64,
        })
        .filter(|v| v.is_finite()),
        interval: None,
        n: counted,
        low_sample: false,
        suppressed_months: suppressed,
        rank: None,
        change: None,
    };
    let mut total = (0, 0, 0);
    let regions = d
        .manifest
        .regions
        .iter()
        .map(|r| {
            let (counted, suppressed) = sums.get(r.code.as_str()).copied().unwrap_or((0, 0));
            total = (
                total.0 + counted,
                total.1 + suppressed,
                total.2 + r.population.value,
            );
            figure(&r.code, counted, suppressed, r.population.value)
        })
        .collect();
    (regions, figure("KZ", total.0, total.1, total.2))
}

/// The period of equal length just before `period`.
pub fn previous(period: Period) -> Option<Period> {
    let len = period.to.index() - period.from.index() + 1;
    let to = Month::from_index(period.from.index().checked_sub(1)?)?;
    let from = Month::from_index(period.from.index().checked_sub(len)?)?;
    Some(Period { from, to })
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

/// The metric for every unit and the whole country, with ranks and the change against the previous
/// period of equal length (when the data reach back that far). `min_visits` is the low-sample threshold.
pub fn region_figures(
    d: &Dataset,
    metric: MetricId,
    filter: &Filter,
    min_visits: u64,
) -> MapFigures {
    let (mut regions, mut national) = raw_figures(d, metric, filter, min_visits);
    let earlier = previous(filter.period).filter(|p| p.from >= d.manifest.period.from);
    if let Some(p) = earlier {
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
