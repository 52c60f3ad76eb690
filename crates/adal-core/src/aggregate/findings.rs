//! The recommendations given to the service providers after the audits, from `outcomes.json`'s
//! `findings`: how many were given in a period and how far they were put into practice — by state, and
//! the share implemented with its 95 % interval and n.
//!
//! As with the complaints' outcomes ([`super::funnel`]), a total or a cell counts when its period lies
//! inside the period asked for; recommendations in suppressed cells are *withheld*: given, but of no
//! published state, so they are left out of the share's n, and [`Recommendations::bounds`] says what the
//! share can be with them.

use std::collections::HashMap;

use crate::contract::{Findings, IMPLEMENTED};
use crate::dataset::Dataset;
use crate::period::{Period, Placement};
use crate::stats::{Estimate, wilson};

/// The recommendations of a period by their state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Recommendations {
    /// Given: those in published totals inside the period.
    pub given: u64,
    /// In published totals (quarters, years) that overlap the period without lying inside it: given
    /// in or near the period, but not countable in it.
    pub uncounted: u64,
    /// Suppressed totals overlapping the period (each held 1 to k − 1 recommendations).
    pub suppressed_totals: u64,
    /// Published counts by state id, in the manifest's order; a state with no published cell is 0.
    pub by_state: Vec<(String, u64)>,
    /// Recommendations in published cells: the n of the share.
    pub known: u64,
    /// Given, but their state withheld: in suppressed cells, or in totals that list none.
    pub withheld: u64,
    /// Of `known`, those implemented.
    pub implemented: Option<Estimate>,
}

impl Recommendations {
    /// Where some states are withheld, the share implemented among the recommendations given, as the
    /// bounds the published cells allow: every withheld one not implemented, or every one implemented;
    /// `None` where nothing is withheld (the share is then [`Recommendations::implemented`]) or nothing
    /// was given.
    pub fn bounds(&self) -> Option<(f64, f64)> {
        let base = self.known + self.withheld;
        if self.withheld == 0 || base == 0 {
            return None;
        }
        let n = self.count(IMPLEMENTED);
        Some((
            n as f64 / base as f64,
            (n + self.withheld) as f64 / base as f64,
        ))
    }

    /// The published count of the state `id` (0 where it has none).
    pub fn count(&self, id: &str) -> u64 {
        self.by_state
            .iter()
            .find(|(s, _)| s == id)
            .map_or(0, |(_, n)| *n)
    }
}

/// The recommendations of `period` for one unit (`unit`, an ISO code) or, with `None`, the whole country
/// (the sum of the units' totals and cells).
pub fn recommendations(
    d: &Dataset,
    findings: &Findings,
    period: Period,
    unit: Option<&str>,
) -> Recommendations {
    let wanted = |region: &str| unit.is_none_or(|u| u == region);
    let mut out = Recommendations::default();
    let t = &findings.totals.columns;
    for i in (0..t.region.len()).filter(|&i| wanted(&t.region[i])) {
        let placement = period.place(t.period[i], d.manifest.period);
        match (placement, t.count[i]) {
            (Placement::Outside, _) => {}
            (Placement::Inside, Some(n)) => out.given += u64::from(n),
            (_, Some(n)) => out.uncounted += u64::from(n),
            (_, None) => out.suppressed_totals += 1,
        }
    }
    let c = &findings.columns;
    let mut published: HashMap<&str, u64> = HashMap::new();
    for i in 0..c.region.len() {
        let inside = period.place(c.period[i], d.manifest.period) == Placement::Inside;
        if let (true, true, Some(n)) = (wanted(&c.region[i]), inside, c.count[i]) {
            *published.entry(&*c.state[i]).or_default() += u64::from(n);
        }
    }
    out.by_state = d
        .manifest
        .finding_states
        .iter()
        .map(|s| {
            let n = published.get(s.id.as_str()).copied().unwrap_or(0);
            (s.id.clone(), n)
        })
        .collect();
    out.known = published.values().sum();
    out.withheld = out.given.saturating_sub(out.known);
    out.implemented = wilson(out.count(IMPLEMENTED), out.known);
    out
}
