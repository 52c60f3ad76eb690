//! Counting the visits: the filter a view applies ([`Filter`]), and one pass over a bundle's cells
//! ([`super::cells`]) that sums every metric of every unit at once ([`Acc`]). The pass over a
//! version-2 bundle's visits one by one ([`accumulate_visits`]) is what the cells are checked against.

use super::figure::RegionFigure;
use super::metric::MetricId;
use super::sums::{CellStats, INDEX_UNIT, IndexSums};
use crate::contract::{AuditColumns, AuditsFile, Manifest};
use crate::period::{Period, Placement};
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

/// How the filter counts visits of a published time placed so, of a service and channel (`None` where
/// generalised).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Counted {
    /// In the figure.
    Yes,
    /// Of the filter's service and channel, but their time reaches past the period's ends.
    Across,
    /// Inside the period, but the service or channel the filter names was generalised on them.
    Unseen,
    /// Not in the view.
    No,
}

impl Filter {
    /// How visits placed `placement`, of `service` and `channel`, count: a visit whose service or
    /// channel was not published matches only "all".
    pub(crate) fn counts(
        &self,
        placement: Placement,
        service: Option<&str>,
        channel: Option<&str>,
    ) -> Counted {
        if placement == Placement::Outside {
            return Counted::No;
        }
        let service_fits = self.service.as_deref().is_none_or(|s| service == Some(s));
        let channel_fits = self.channel.as_deref().is_none_or(|ch| channel == Some(ch));
        if !(service_fits && channel_fits) {
            let unseen = (self.service.is_some() && service.is_none())
                || (self.channel.is_some() && channel.is_none());
            return if placement == Placement::Inside && unseen {
                Counted::Unseen
            } else {
                Counted::No
            };
        }
        match placement {
            Placement::Across => Counted::Across,
            _ => Counted::Yes,
        }
    }
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
        self.add_sums(other.index, other.shares);
        self.waits.extend_from_slice(&other.waits);
        self.wait_counts.extend_from_slice(&other.wait_counts);
    }

    fn add_sums(&mut self, index: IndexSums, shares: [(u64, u64); 3]) {
        self.index.absorb(index);
        for (mine, theirs) in self.shares.iter_mut().zip(shares) {
            mine.0 += theirs.0;
            mine.1 += theirs.1;
        }
    }

    /// Adds a cell's sufficient statistics ([`super::cells::Cell`]) as if its visits were added one by
    /// one; its waits only where `waits` (the median's histogram is the one costly part to gather).
    pub fn absorb_cell(&mut self, stats: &CellStats, waits: bool) {
        self.visits += stats.visits;
        self.add_sums(stats.index, stats.shares);
        if waits {
            self.wait_counts.extend_from_slice(&stats.waits);
        }
    }

    /// What was gathered as a cell's sufficient statistics (the metrics added: all, for a cell).
    pub fn into_cell_stats(self) -> CellStats {
        CellStats {
            visits: self.visits,
            index: self.index,
            shares: self.shares,
            waits: self.wait_histogram(),
        }
    }

    /// The waits gathered, as (minutes, visits) in ascending order of minutes, each minute once.
    fn wait_histogram(&self) -> Vec<(u32, u64)> {
        stats::histogram(&self.waits, &self.wait_counts)
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

    pub(crate) fn figure(&mut self, metric: MetricId, code: &str, min_visits: u64) -> RegionFigure {
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

/// The reference pass over a version-2 bundle's visits one by one, gathering `metrics`: an accumulator
/// per unit of the manifest (in its order) and one for the whole country. [`accumulate`] over the
/// bundle's cells gives the same, to the last bit (the `cells` integration test).
pub fn accumulate_visits(
    manifest: &Manifest,
    audits: &AuditsFile,
    filter: &Filter,
    metrics: &[MetricId],
) -> (Vec<Acc>, Acc) {
    let c = &audits.columns;
    let bounds = manifest.period;
    let mut accs = vec![Acc::default(); manifest.regions.len()];
    for i in 0..audits.rows.min(c.region.len()) {
        let Some(acc) = manifest
            .regions
            .iter()
            .position(|r| *r.code == *c.region[i])
            .and_then(|u| accs.get_mut(u))
        else {
            continue;
        };
        let placement = filter.period.place(c.month[i], bounds);
        match filter.counts(placement, c.service[i].as_deref(), c.channel[i].as_deref()) {
            Counted::Yes => {
                acc.visits += 1;
                for metric in metrics {
                    acc.add(c, i, *metric);
                }
            }
            Counted::Across => acc.uncounted += 1,
            Counted::Unseen => acc.unseen += 1,
            Counted::No => {}
        }
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
