//! What came of the complaints of a period, from `outcomes.json`: how many ended at each stage, and the
//! path they took — of those whose stage is published, the share that led to a pre-trial investigation
//! and the share sent to court, each with its 95 % interval and n.
//!
//! A cell counts when its period lies inside the period asked for, as a complaint total does
//! ([`super::complaints::complaint_sums`]). Suppressed cells (1 to k − 1 complaints, or hidden to
//! protect such a cell) are counted as *withheld*: their complaints are received but their stage is not
//! known, so they are left out of the shares' n rather than guessed; [`Funnel::bounds`] says what the
//! shares can be with them.

use std::collections::HashMap;

use crate::contract::{NOT_RECORDED, OutcomeColumns, TIME_BINS, TimeColumns};
use crate::dataset::Dataset;
use crate::period::{Period, Placement};
use crate::stats::{Estimate, wilson};

/// The stage of an investigation opened, and the one after it: a complaint at either led to an
/// investigation.
pub const INVESTIGATION: &str = "investigation";
/// The last stage: sent to court.
pub const COURT: &str = "court";

/// The complaints of a period by what came of them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Funnel {
    /// Complaints received: those in published totals inside the period
    /// ([`super::complaints::complaint_sums`]).
    pub received: u64,
    /// Published counts by stage id, in the manifest's order (`not_recorded` last), for the cells inside
    /// the period; a stage with no published cell is 0.
    pub by_stage: Vec<(String, u64)>,
    /// Complaints in published cells whose outcome is recorded: the n of the shares.
    pub known: u64,
    /// Complaints in published cells whose outcome the publisher's file does not record.
    pub not_recorded: u64,
    /// Complaints received whose stage is withheld: in suppressed cells, or in totals that list none.
    pub withheld: u64,
    /// Of `known`, those that led to a pre-trial investigation (opened, or sent on to court).
    pub investigated: Option<Estimate>,
    /// Of `known`, those sent to court.
    pub court: Option<Estimate>,
    /// How long the handling took, where the bundle publishes the times to the last step.
    pub times: Option<Times>,
}

/// The time from a report to the last step of its handling, over the reports of a period whose last
/// step is dated, in the bins of [`TIME_BINS`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Times {
    /// Published counts by bin, in the order of [`TIME_BINS`].
    pub by_bin: Vec<u64>,
    /// Reports in published cells with a dated last step: the n of the median.
    pub dated: u64,
    /// Reports in published cells whose last step is not dated (or whose outcome is not recorded).
    pub not_dated: u64,
    /// Reports received whose time is withheld (in suppressed cells, or in totals that list none).
    pub withheld: u64,
    /// The bins the median can fall in, as indices into [`TIME_BINS`]: one bin where nothing is
    /// withheld, else the lowest and highest the published cells allow (every withheld report dated
    /// in the first bin, in the last, or not dated at all); `None` where no published report is dated.
    pub median: Option<(usize, usize)>,
}

/// The bin of the median of `counts` by bin (the first whose running sum reaches half), `None` for none.
fn median_bin(counts: &[u64]) -> Option<usize> {
    let n: u64 = counts.iter().sum();
    let mut seen = 0;
    counts.iter().position(|c| {
        seen += c;
        n > 0 && seen * 2 >= n
    })
}

fn times(columns: &TimeColumns, received: u64, keep: impl Fn(usize) -> bool) -> Times {
    let mut by_bin = vec![0u64; TIME_BINS.len()];
    let mut published = 0u64;
    for i in (0..columns.region.len()).filter(|&i| keep(i)) {
        let Some(n) = columns.count[i] else { continue };
        published += u64::from(n);
        if let Some(b) = TIME_BINS
            .iter()
            .position(|(id, _)| **id == *columns.days[i])
        {
            by_bin[b] += u64::from(n);
        }
    }
    let dated: u64 = by_bin.iter().sum();
    let withheld = received.saturating_sub(published);
    let median = (dated > 0).then(|| {
        let with = |bin: usize| {
            let mut c = by_bin.clone();
            c[bin] += withheld;
            median_bin(&c)
        };
        let options = [median_bin(&by_bin), with(0), with(TIME_BINS.len() - 1)];
        let bins = options.into_iter().flatten();
        (bins.clone().min().unwrap_or(0), bins.max().unwrap_or(0))
    });
    Times {
        by_bin,
        dated,
        not_dated: published - dated,
        withheld,
        median,
    }
}

impl Funnel {
    /// Where some reports' stage is withheld, the share of the reports whose outcome is recorded or
    /// withheld that ended at one of `stages`, as the bounds the published cells allow: every withheld
    /// report at another stage, or every one at these. Small stages are the ones suppressed, so the
    /// share among the published alone would understate them; `None` where nothing is withheld (the
    /// share is then [`Funnel::investigated`] or [`Funnel::court`]) or nothing is known.
    pub fn bounds(&self, stages: &[&str]) -> Option<(f64, f64)> {
        let base = self.known + self.withheld;
        if self.withheld == 0 || base == 0 {
            return None;
        }
        let n: u64 = self
            .by_stage
            .iter()
            .filter(|(id, _)| stages.contains(&id.as_str()))
            .map(|(_, n)| n)
            .sum();
        Some((
            n as f64 / base as f64,
            (n + self.withheld) as f64 / base as f64,
        ))
    }
}

/// The funnel of `period` for one unit (`unit`, an ISO code) or, with `None`, the whole country (the sum
/// of the units' cells). `outcomes` are `outcomes.json`'s columns; `None` where the bundle has none.
pub fn funnel(
    d: &Dataset,
    outcomes: &OutcomeColumns,
    period: Period,
    unit: Option<&str>,
) -> Funnel {
    let wanted = |region: &str| unit.is_none_or(|u| u == region);
    let inside = |label| period.place(label, d.manifest.period) == Placement::Inside;
    let (per_unit, national) = super::complaints::complaint_sums(d, period);
    let received = match unit {
        None => national.counted,
        Some(code) => d
            .manifest
            .regions
            .iter()
            .position(|r| r.code == code)
            .map_or(0, |i| per_unit[i].counted),
    };
    let mut published: HashMap<&str, u64> = HashMap::new();
    for i in 0..outcomes.region.len() {
        if !wanted(&outcomes.region[i]) || !inside(outcomes.period[i]) {
            continue;
        }
        if let Some(n) = outcomes.count[i] {
            *published.entry(&*outcomes.stage[i]).or_default() += u64::from(n);
        }
    }
    let by_stage: Vec<(String, u64)> = d
        .manifest
        .outcome_stages
        .iter()
        .map(|t| {
            (
                t.id.clone(),
                published.get(t.id.as_str()).copied().unwrap_or(0),
            )
        })
        .collect();
    let count = |id: &str| published.get(id).copied().unwrap_or(0);
    let all: u64 = published.values().sum();
    let not_recorded = count(NOT_RECORDED);
    let known = all - not_recorded;
    Funnel {
        received,
        by_stage,
        known,
        not_recorded,
        withheld: received.saturating_sub(all),
        investigated: wilson(count(INVESTIGATION) + count(COURT), known),
        court: wilson(count(COURT), known),
        times: outcomes
            .times
            .as_ref()
            .map(|t| times(t, received, |i| wanted(&t.region[i]) && inside(t.period[i]))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_bin_is_where_half_the_reports_are_reached() {
        assert_eq!(median_bin(&[]), None);
        assert_eq!(median_bin(&[0, 0, 0]), None);
        assert_eq!(median_bin(&[5, 0, 0]), Some(0));
        assert_eq!(median_bin(&[4, 5, 1]), Some(1));
        assert_eq!(median_bin(&[5, 5, 0]), Some(0));
    }

    #[test]
    fn withheld_times_widen_the_median_to_the_bins_they_allow() {
        let columns = TimeColumns {
            region: ["KZ-11", "KZ-11", "KZ-11", "KZ-11"]
                .map(Into::into)
                .to_vec(),
            period: vec!["2025-01".parse().expect("a month"); 4],
            days: ["days_0_7", "days_31_90", "days_181_plus", NOT_DATED_ID]
                .map(Into::into)
                .to_vec(),
            count: vec![Some(10), Some(12), None, Some(6)],
        };
        // 28 received, as many published: the median is in one bin.
        let t = times(&columns, 28, |_| true);
        assert_eq!((t.dated, t.not_dated, t.withheld), (22, 6, 0));
        assert_eq!(t.by_bin, vec![10, 0, 12, 0, 0]);
        assert_eq!(t.median, Some((2, 2)));
        // Three withheld (the suppressed cell): all in the first week would bring the median there.
        let t = times(&columns, 31, |_| true);
        assert_eq!((t.withheld, t.median), (3, Some((0, 2))));
        // Many withheld: the median could be in the first bin or the last.
        let t = times(&columns, 80, |_| true);
        assert_eq!(t.median, Some((0, 4)));
        // Nothing dated: no median.
        let none = TimeColumns {
            count: vec![None, None, None, Some(6)],
            ..columns
        };
        assert_eq!(times(&none, 31, |_| true).median, None);
    }

    const NOT_DATED_ID: &str = crate::contract::NOT_DATED;
}
