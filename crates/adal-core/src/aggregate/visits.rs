//! Counting the visits: the filter a view applies ([`Filter`]), and one pass over the visits that
//! sums every metric of every unit at once ([`Acc`]).

use super::figure::RegionFigure;
use super::metric::MetricId;
use super::sums::{CellStats, INDEX_UNIT, IndexSums};
use crate::contract::{AuditColumns, AuditsFile};
use crate::dataset::Dataset;
use crate::period::{Period, PeriodLabel, Placement};
use crate::stats;
use crate::stats::Estimate;

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
    index: IndexSums,
    /// (yes, answered) for informal payment, intermediary, completion.
    shares: [(u64, u64); 3],
    /// Waits of visits added one by one.
    waits: Vec<u32>,
    /// Waits as (minutes, visits), from cells; any order.
    wait_counts: Vec<(u32, u64)>,
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
    pub(crate) fn add(&mut self, c: &AuditColumns, i: usize, metric: MetricId) {
        match metric {
            MetricId::QualityIndex => {
                let (sum, n) = c
                    .scores()
                    .iter()
                    .filter_map(|(_, col)| col[i])
                    .fold((0u32, 0u32), |(s, n), v| (s + u32::from(v), n + 1));
                self.index.add(sum, n);
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
        self.index.absorb(other.index);
        for (mine, theirs) in self.shares.iter_mut().zip(other.shares) {
            mine.0 += theirs.0;
            mine.1 += theirs.1;
        }
        self.waits.extend_from_slice(&other.waits);
        self.wait_counts.extend_from_slice(&other.wait_counts);
    }

    /// Adds a cell's sufficient statistics ([`super::cells::Cell`]) as if its visits were added one by one.
    pub fn absorb_cell(&mut self, stats: &CellStats) {
        self.visits += stats.visits;
        self.index.absorb(stats.index);
        for (mine, theirs) in self.shares.iter_mut().zip(stats.shares) {
            mine.0 += theirs.0;
            mine.1 += theirs.1;
        }
        self.wait_counts.extend_from_slice(&stats.waits);
    }

    /// What was gathered as a cell's sufficient statistics (the metrics added: all, for a cell).
    pub fn into_cell_stats(mut self) -> CellStats {
        CellStats {
            visits: self.visits,
            index: self.index,
            shares: self.shares,
            waits: self.wait_histogram(),
        }
    }

    /// The waits gathered, as (minutes, visits) in ascending order of minutes.
    fn wait_histogram(&mut self) -> Vec<(u32, u64)> {
        self.waits.sort_unstable();
        let mut counts = self.wait_counts.clone();
        stats::tally(&self.waits, &mut counts);
        counts.sort_by_key(|(w, _)| *w);
        counts
    }

    /// The estimate of a visit metric from what was gathered; `None` for no data or a complaint metric.
    pub fn estimate(&mut self, metric: MetricId) -> Option<Estimate> {
        match metric {
            MetricId::QualityIndex => {
                stats::mean_of_sums(self.index.n, self.index.sum, self.index.sum_sq, INDEX_UNIT)
            }
            MetricId::MedianWait => stats::median_of_counts(&self.wait_histogram()),
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
    let national = national(&accs);
    (accs, national)
}

/// The whole country's accumulator: the units' together.
pub(crate) fn national(accs: &[Acc]) -> Acc {
    let mut national = Acc::default();
    for acc in accs {
        national.absorb(acc);
    }
    national
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

pub(crate) fn visit_figures(
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
