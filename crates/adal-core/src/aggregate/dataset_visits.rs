//! The visit figures of a [`Dataset`]: its cells near the period, summed as the filter counts them.

use super::figure::RegionFigure;
use super::metric::MetricId;
use super::visits::{Acc, Filter, national};
use crate::dataset::Dataset;

/// One pass over the bundle's cells matching `filter`, gathering `metrics`: an accumulator per unit of
/// the manifest (in its order) and one for the whole country.
pub fn accumulate(d: &Dataset, filter: &Filter, metrics: &[MetricId]) -> (Vec<Acc>, Acc) {
    let mut accs = vec![Acc::default(); d.manifest.regions.len()];
    for (unit, acc) in accs.iter_mut().enumerate() {
        accumulate_unit(d, unit, filter, metrics, acc);
    }
    let national = national(&accs);
    (accs, national)
}

/// [`accumulate`] for one unit (its place in the manifest): a pass over its cells near the period only.
pub fn accumulate_unit(
    d: &Dataset,
    unit: usize,
    filter: &Filter,
    metrics: &[MetricId],
    acc: &mut Acc,
) {
    let cells = d.cells_near(unit, filter);
    super::cells::absorb_cells(cells, d.manifest.period, filter, metrics, acc);
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
