//! The visits as cells — a unit, a published time, a service and a channel (`None` where it was
//! generalised) — each with the sufficient statistics of every visit figure ([`CellStats`]), and the figures
//! of a view summed over the cells: the same, to the last bit, as over the visits one by one (the
//! `cells` integration test compares them on the demo bundles). Contract version 3 publishes the cells
//! ([`AuditCellsFile`]); a version-2 bundle's visits are folded into them when it is opened.

use std::collections::HashMap;
use std::sync::Arc;

use super::metric::MetricId;
use super::sums::{CellStats, IndexSums};
use super::visits::{Acc, Counted, Filter, national};
use crate::contract::{AuditCellsFile, AuditsFile, CellColumns, Manifest};
use crate::period::{Period, PeriodLabel};

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

/// Cells in the order a bundle publishes them and a dataset reads them: by unit, the first month of their
/// time, their time, service and channel.
pub(crate) fn sorted(mut cells: Vec<Cell>) -> Vec<Cell> {
    let order = |a: &Cell, b: &Cell| {
        let key = |c: &Cell| (c.unit, c.time.months().0, c.time);
        (key(a), &a.service, &a.channel).cmp(&(key(b), &b.service, &b.channel))
    };
    // A published file is in this order already: checking costs a pass, sorting a good deal more.
    if !cells.is_sorted_by(|a, b| order(a, b).is_le()) {
        cells.sort_by(order);
    }
    cells
}

/// A version-2 bundle's visits as cells, in [`sorted`] order. Visits of a
/// unit the manifest does not list are left out, as the visit figures leave them out.
pub fn cells_of_visits(manifest: &Manifest, audits: &AuditsFile) -> Vec<Cell> {
    cells_of_units(&unit_codes(manifest), audits)
}

/// [`cells_of_visits`] for the units of codes `units`, in their order (the publisher's, before it writes
/// the manifest).
pub fn cells_of_units(units: &[&str], audits: &AuditsFile) -> Vec<Cell> {
    let c = &audits.columns;
    let units: HashMap<&str, usize> = units.iter().enumerate().map(|(i, u)| (*u, i)).collect();
    let mut groups: HashMap<Key, Acc> = HashMap::new();
    for i in 0..audits.rows.min(c.region.len()) {
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
    sorted(
        groups
            .into_iter()
            .map(|((unit, time, service, channel), acc)| Cell {
                unit,
                time,
                service,
                channel,
                stats: acc.into_cell_stats(),
            })
            .collect(),
    )
}

/// The totals of `cells` by unit and published time, all services and channels together (`None`): what
/// contract 3's `audits.json` publishes, the first view's cells. Every figure not broken down by service
/// or channel is the same from the totals as from `cells`, to the bit: each sum is a sum of the cells',
/// and each total's wait histogram the merged histograms. A total adds up cells of at least k visits
/// each, and tells nothing the cells do not.
pub fn totals_of(cells: &[Cell]) -> Vec<Cell> {
    let mut groups: HashMap<(usize, PeriodLabel), Acc> = HashMap::new();
    for cell in cells {
        groups
            .entry((cell.unit, cell.time))
            .or_default()
            .absorb_cell(&cell.stats, true);
    }
    sorted(
        groups
            .into_iter()
            .map(|((unit, time), acc)| Cell {
                unit,
                time,
                service: None,
                channel: None,
                stats: acc.into_cell_stats(),
            })
            .collect(),
    )
}

fn unit_codes(manifest: &Manifest) -> Vec<&str> {
    manifest.regions.iter().map(|r| r.code.as_str()).collect()
}

/// The cells of a contract-3 `audits.json` whose columns agree in length (cells of a unit the manifest
/// does not list are left out, as [`cells_of_visits`] leaves such visits out).
///
/// Takes the file: its wait histograms, most of what it holds, move into the cells uncopied.
pub fn cells_of_file(manifest: &Manifest, file: AuditCellsFile) -> Vec<Cell> {
    let mut c = file.columns;
    let rows = c.lengths().iter().map(|(_, n)| *n).min().unwrap_or(0);
    let mut waits = std::mem::take(&mut c.waits);
    let units: HashMap<&str, usize> = unit_codes(manifest)
        .into_iter()
        .enumerate()
        .map(|(i, u)| (u, i))
        .collect();
    sorted(
        (0..rows)
            .filter_map(|i| {
                Some(Cell {
                    unit: *units.get(&*c.region[i])?,
                    time: c.month[i],
                    service: c.service[i].clone(),
                    channel: c.channel[i].clone(),
                    stats: CellStats {
                        visits: c.visits[i],
                        index: IndexSums {
                            n: c.index_n[i],
                            sum: c.index_sum[i],
                            sum_sq: c.index_sum_sq[i],
                        },
                        shares: [
                            (c.informal_payment_yes[i], c.informal_payment_answered[i]),
                            (c.intermediary_yes[i], c.intermediary_answered[i]),
                            (c.completed_yes[i], c.completed_answered[i]),
                        ],
                        waits: std::mem::take(&mut waits[i]),
                    },
                })
            })
            .collect(),
    )
}

/// The contract-3 `audits.json` of `cells` of the units of codes `units`, in the cells' order.
pub fn cells_file(units: &[&str], cells: &[Cell]) -> AuditCellsFile {
    let codes: Vec<Arc<str>> = units.iter().map(|u| Arc::from(*u)).collect();
    let mut c = CellColumns::default();
    for cell in cells {
        let Some(code) = codes.get(cell.unit) else {
            continue;
        };
        let s = &cell.stats;
        c.region.push(code.clone());
        c.month.push(cell.time);
        c.service.push(cell.service.clone());
        c.channel.push(cell.channel.clone());
        c.visits.push(s.visits);
        c.index_n.push(s.index.n);
        c.index_sum.push(s.index.sum);
        c.index_sum_sq.push(s.index.sum_sq);
        c.informal_payment_yes.push(s.shares[0].0);
        c.informal_payment_answered.push(s.shares[0].1);
        c.intermediary_yes.push(s.shares[1].0);
        c.intermediary_answered.push(s.shares[1].1);
        c.completed_yes.push(s.shares[2].0);
        c.completed_answered.push(s.shares[2].1);
        c.waits.push(s.waits.clone());
    }
    AuditCellsFile {
        schema_version: crate::SCHEMA_VERSION,
        rows: c.region.len(),
        columns: c,
    }
}

/// Adds `cells` (all of one unit, or any) to `acc` as the filter counts them, gathering `metrics`.
pub(crate) fn absorb_cells<'a>(
    cells: impl IntoIterator<Item = &'a Cell>,
    bounds: Period,
    filter: &Filter,
    metrics: &[MetricId],
    acc: &mut Acc,
) {
    let waits = metrics.contains(&MetricId::MedianWait);
    for cell in cells {
        let placement = filter.period.place(cell.time, bounds);
        match filter.counts(placement, cell.service.as_deref(), cell.channel.as_deref()) {
            Counted::Yes => acc.absorb_cell(&cell.stats, waits),
            Counted::Across => acc.uncounted += cell.stats.visits,
            Counted::Unseen => acc.unseen += cell.stats.visits,
            Counted::No => {}
        }
    }
}

/// The accumulators over any cells, not only a [`crate::dataset::Dataset`]'s: one per unit of a manifest
/// of `units` units and one for the whole country, counting, leaving uncounted and unseen exactly what
/// the pass over the visits does.
pub fn accumulate_cells(
    cells: &[Cell],
    units: usize,
    bounds: Period,
    filter: &Filter,
) -> (Vec<Acc>, Acc) {
    let mut accs = vec![Acc::default(); units];
    for cell in cells {
        if let Some(acc) = accs.get_mut(cell.unit) {
            absorb_cells([cell], bounds, filter, &MetricId::ALL, acc);
        }
    }
    let national = national(&accs);
    (accs, national)
}
