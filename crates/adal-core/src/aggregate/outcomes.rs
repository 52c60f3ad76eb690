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

use crate::contract::{NOT_RECORDED, OutcomeColumns};
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
    }
}
