//! The visits folded into cells — a unit, a published time, a service and a channel (`None` where it was
//! generalised) — each with the sufficient statistics of every visit figure ([`CellStats`]), and the figures
//! of a view summed over the cells: the same, to the last bit, as over the visits one by one (the
//! `cells` integration test compares them on the demo bundles). This is what a bundle whose size follows
//! its cells rather than its visits publishes.

use std::collections::HashMap;
use std::sync::Arc;

use super::metric::MetricId;
use super::sums::CellStats;
use super::visits::{Acc, Filter, national};
use crate::dataset::Dataset;
use crate::period::{Period, PeriodLabel, Placement};

/// A cell of visits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// The unit's place in the manifest.
    pub unit: usize,
    /// The published time of its visits.
    pub time: PeriodLabel,
    /// The service, or `None` where it was generalised.
    pub service: Option<Arc<str>>,
    /// The channel, or `None` where it was generalised.
    pub channel: Option<Arc<str>>,
    /// What its visits sum to.
    pub stats: CellStats,
}

type Key = (usize, PeriodLabel, Option<Arc<str>>, Option<Arc<str>>);

/// The bundle's visits as cells, in the order of unit, time, service and channel. Visits of a unit the
/// manifest does not list are left out, as the visit figures leave them out.
pub fn cells(d: &Dataset) -> Vec<Cell> {
    let c = &d.audits.columns;
    let units: HashMap<&str, usize> = d
        .manifest
        .regions
        .iter()
        .enumerate()
        .map(|(i, r)| (r.code.as_str(), i))
        .collect();
    let mut groups: HashMap<Key, Acc> = HashMap::new();
    for i in 0..d.audits.rows.min(c.region.len()) {
        let Some(&unit) = units.get(&*c.region[i]) else {
            continue;
        };
        let key = (unit, c.month[i], c.service[i].clone(), c.channel[i].clone());
        let acc = groups.entry(key).or_default();
        acc.visits += 1;
        for metric in MetricId::ALL.into_iter().filter(|m| m.from_visits()) {
            acc.add(c, i, metric);
        }
    }
    let mut cells: Vec<Cell> = groups
        .into_iter()
        .map(|((unit, time, service, channel), acc)| Cell {
            unit,
            time,
            service,
            channel,
            stats: acc.into_cell_stats(),
        })
        .collect();
    cells.sort_by(|a, b| {
        (a.unit, a.time, &a.service, &a.channel).cmp(&(b.unit, b.time, &b.service, &b.channel))
    });
    cells
}

/// [`super::accumulate`] over cells: an accumulator per unit of a manifest of `units` units and one for
/// the whole country, counting, leaving uncounted and unseen exactly what the pass over the visits does.
pub fn accumulate_cells(
    cells: &[Cell],
    units: usize,
    bounds: Period,
    filter: &Filter,
) -> (Vec<Acc>, Acc) {
    let mut accs = vec![Acc::default(); units];
    for cell in cells {
        let Some(acc) = accs.get_mut(cell.unit) else {
            continue;
        };
        let placement = filter.period.place(cell.time, bounds);
        if placement == Placement::Outside {
            continue;
        }
        let service_fits = filter
            .service
            .as_deref()
            .is_none_or(|s| cell.service.as_deref() == Some(s));
        let channel_fits = filter
            .channel
            .as_deref()
            .is_none_or(|ch| cell.channel.as_deref() == Some(ch));
        if !(service_fits && channel_fits) {
            let unseen = (filter.service.is_some() && cell.service.is_none())
                || (filter.channel.is_some() && cell.channel.is_none());
            if placement == Placement::Inside && unseen {
                acc.unseen += cell.stats.visits;
            }
            continue;
        }
        if placement == Placement::Across {
            acc.uncounted += cell.stats.visits;
            continue;
        }
        acc.absorb_cell(&cell.stats);
    }
    let national = national(&accs);
    (accs, national)
}
