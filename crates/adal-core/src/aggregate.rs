//! One metric for every unit: what the map colours, the table lists and the tooltips tell — the value, its
//! 95 % interval, the sample behind it, its rank among the units and its change against the previous period
//! of equal length.
//!
//! Visits are filtered by period (a visit counts only when its published time lies inside the period),
//! service and channel. Complaint metrics come from the published totals of each unit (by month, quarter
//! or year), which the service and channel filters do not split.

use std::collections::HashMap;

use crate::contract::{AuditColumns, AuditsFile, Better};
use crate::dataset::Dataset;
use crate::period::{Month, Period, PeriodLabel, Placement};
use crate::ranks::{Spread, rank_intervals};
use crate::stats::{self, Estimate};

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
    /// Complaint totals of the period that are suppressed (the value is then a lower bound).
    pub suppressed_months: u64,
    /// Visits or complaints of the unit published only by a quarter or year that reaches past the period:
    /// they happened in or near it but cannot be placed in it, so the figure does not count them.
    pub uncounted: u64,
    /// Visits of the period that the filter's service or channel cannot see, because theirs was
    /// generalised for k-anonymity (published as null): counted only under "all".
    pub unseen: u64,
    /// 1 for the best unit, among units with a value.
    pub rank: Option<usize>,
    /// The 95 % rank interval (best, worst), by the simulation of [`crate::ranks`].
    pub rank_interval: Option<(usize, usize)>,
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

/// What one pass over the visits of one unit (or of the country) gathers. Only the metrics asked for are
/// filled, so that the map's pass stays light; the key figures ask for all five.
#[derive(Clone, Debug, Default)]
pub struct Acc {
    /// Visits matching the filter.
    pub visits: u64,
    /// Visits matching the filter's service and channel whose published time overlaps the period
    /// without lying inside it (a quarter or year reaching past its ends): not counted.
    pub uncounted: u64,
    /// Visits of the period whose service or channel, generalised, a filter on it cannot see.
    pub unseen: u64,
    index_values: Vec<f64>,
    /// (yes, answered) for informal payment, intermediary, completion.
    shares: [(u64, u64); 3],
    waits: Vec<u32>,
}

fn share_slot(metric: MetricId) -> Option<usize> {
    match metric {
        MetricId::InformalPayment => Some(0),
        MetricId::Intermediary => Some(1),
        MetricId::Completion => Some(2),
        _ => None,
    }
}

impl Acc {
    fn add(&mut self, c: &AuditColumns, i: usize, metric: MetricId) {
        match metric {
            MetricId::QualityIndex => {
                let (sum, n) = c
                    .scores()
                    .iter()
                    .filter_map(|(_, col)| col[i])
                    .fold((0u32, 0u32), |(s, n), v| (s + u32::from(v), n + 1));
                if n > 0 {
                    self.index_values
                        .push((f64::from(sum) / f64::from(n) - 1.0) * 25.0);
                }
            }
            MetricId::InformalPayment | MetricId::Intermediary | MetricId::Completion => {
                let (column, slot) = match metric {
                    MetricId::InformalPayment => (&c.informal_payment_requested, 0),
                    MetricId::Intermediary => (&c.intermediary_offered, 1),
                    _ => (&c.service_completed, 2),
                };
                if let Some(b) = column[i] {
                    self.shares[slot].0 += u64::from(b);
                    self.shares[slot].1 += 1;
                }
            }
            MetricId::MedianWait => self.waits.extend(c.wait_minutes[i]),
            MetricId::Complaints | MetricId::ComplaintsPer100k => {}
        }
    }

    fn absorb(&mut self, other: &Acc) {
        self.visits += other.visits;
        self.uncounted += other.uncounted;
        self.unseen += other.unseen;
        self.index_values.extend_from_slice(&other.index_values);
        for (mine, theirs) in self.shares.iter_mut().zip(other.shares) {
            mine.0 += theirs.0;
            mine.1 += theirs.1;
        }
        self.waits.extend_from_slice(&other.waits);
    }

    /// The estimate of a visit metric from what was gathered; `None` for no data or a complaint metric.
    pub fn estimate(&mut self, metric: MetricId) -> Option<Estimate> {
        match metric {
            MetricId::QualityIndex => stats::mean(&self.index_values),
            MetricId::MedianWait => stats::median(&mut self.waits),
            m => share_slot(m)
                .and_then(|slot| stats::wilson(self.shares[slot].0, self.shares[slot].1)),
        }
    }

    fn figure(&mut self, metric: MetricId, code: &str, min_visits: u64) -> RegionFigure {
        let estimate = self.estimate(metric);
        RegionFigure {
            code: code.to_owned(),
            value: estimate.map(|e| e.value),
            interval: estimate.map(|e| (e.low, e.high)),
            n: estimate.map_or(0, |e| e.n),
            low_sample: estimate.is_some_and(|e| e.n < min_visits),
            suppressed_months: 0,
            uncounted: self.uncounted,
            unseen: self.unseen,
            rank: None,
            rank_interval: None,
            change: None,
        }
    }
}

/// Whether visit `i` has the filter's service and channel (a visit whose service or channel was not
/// published matches only "all").
fn matches_terms(audits: &AuditsFile, i: usize, filter: &Filter) -> bool {
    let c = &audits.columns;
    filter
        .service
        .as_deref()
        .is_none_or(|s| c.service[i].as_deref() == Some(s))
        && filter
            .channel
            .as_deref()
            .is_none_or(|ch| c.channel[i].as_deref() == Some(ch))
}

/// Whether the filter cannot see visit `i` because the service or channel it names was generalised on
/// that visit (published as null).
fn unseen_by(audits: &AuditsFile, i: usize, filter: &Filter) -> bool {
    let c = &audits.columns;
    (filter.service.is_some() && c.service[i].is_none())
        || (filter.channel.is_some() && c.channel[i].is_none())
}

/// One pass over the visits matching `filter`, gathering `metrics`: an accumulator per unit of the
/// manifest (in its order) and one for the whole country.
pub fn accumulate(d: &Dataset, filter: &Filter, metrics: &[MetricId]) -> (Vec<Acc>, Acc) {
    let mut accs = vec![Acc::default(); d.manifest.regions.len()];
    for (unit, acc) in accs.iter_mut().enumerate() {
        accumulate_unit(d, unit, filter, metrics, acc);
    }
    let mut national = Acc::default();
    for acc in &accs {
        national.absorb(acc);
    }
    (accs, national)
}

/// [`accumulate`] for one unit (its place in the manifest): a pass over its visits near the period only.
pub fn accumulate_unit(
    d: &Dataset,
    unit: usize,
    filter: &Filter,
    metrics: &[MetricId],
    acc: &mut Acc,
) {
    let c = &d.audits.columns;
    let bounds = d.manifest.period;
    // The visits come by published time: each time is placed once per run of equal ones.
    let mut month: Option<(PeriodLabel, Placement)> = None;
    for &i in d.visits_near(unit, filter.period) {
        let i = i as usize;
        let label = c.month[i];
        let placement = match month {
            Some((last, placement)) if last == label => placement,
            _ => {
                let placement = filter.period.place(label, bounds);
                month = Some((label, placement));
                placement
            }
        };
        if placement == Placement::Outside {
            continue;
        }
        if !matches_terms(&d.audits, i, filter) {
            if placement == Placement::Inside && unseen_by(&d.audits, i, filter) {
                acc.unseen += 1;
            }
            continue;
        }
        if placement == Placement::Across {
            acc.uncounted += 1;
            continue;
        }
        acc.visits += 1;
        for metric in metrics {
            acc.add(c, i, *metric);
        }
    }
}

fn visit_figures(
    d: &Dataset,
    metric: MetricId,
    filter: &Filter,
    min_visits: u64,
) -> (Vec<RegionFigure>, RegionFigure) {
    let (mut accs, mut national) = accumulate(d, filter, &[metric]);
    let regions = accs
        .iter_mut()
        .zip(&d.manifest.regions)
        .map(|(acc, r)| acc.figure(metric, &r.code, min_visits))
        .collect();
    (regions, national.figure(metric, "KZ", min_visits))
}

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

fn complaint_figures(
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
