//! The comparison of figures worked out visit by visit with those of the same visits as cells (issue
//! 20), shared by the core's `cells` test (the previous release's bundles) and the CLI's (the
//! 100,000-visit bundle that the test command publishes from raw files).

use adal_core::aggregate::{
    Acc, Filter, MetricId, accumulate, accumulate_cells, accumulate_visits, cells_of_visits,
};
use adal_core::contract::{AuditsFile, Manifest};
use adal_core::dataset::Dataset;
use adal_core::period::{Month, Period};

/// The periods compared: the picker's blocks, Play's frames, the default period, the whole bundle's,
/// and single months, which cut the published quarters and years.
fn periods(d: &Dataset) -> Vec<Period> {
    let mut periods = d.period_blocks();
    periods.extend(d.play_frames());
    periods.push(d.default_period());
    periods.push(d.manifest.period);
    // Single months, which cut the published quarters and years.
    let (from, to) = (d.manifest.period.from.index(), d.manifest.period.to.index());
    for index in (from..=to).step_by(5) {
        let month = Month::from_index(index).expect("month");
        periods.push(Period {
            from: month,
            to: month,
        });
    }
    periods
}

fn same(what: &str, by_visits: &mut Acc, by_cells: &mut Acc) {
    assert_eq!(
        (by_visits.visits, by_visits.uncounted, by_visits.unseen),
        (by_cells.visits, by_cells.uncounted, by_cells.unseen),
        "{what}: counts"
    );
    for metric in MetricId::ALL.into_iter().filter(|m| m.from_visits()) {
        assert_eq!(
            by_visits.estimate(metric),
            by_cells.estimate(metric),
            "{what}: {}",
            metric.id()
        );
    }
}

/// Compares every visit figure worked out from `visits` one by one with the dataset's (`d`, the same
/// visits published as cells): for every unit and the country, every period of [`periods`], with and
/// without three services and each channel. Returns how many comparisons were made.
pub fn compare(manifest: &Manifest, visits: &AuditsFile, d: &Dataset) -> usize {
    let cells = cells_of_visits(manifest, visits);
    assert_eq!(
        cells,
        d.cells(),
        "the dataset's cells are its visits folded"
    );
    let published: u64 = cells.iter().map(|c| c.stats.visits).sum();
    assert_eq!(published as usize, visits.rows, "every visit is in a cell");
    assert!(cells.len() < visits.rows / 2, "{} cells", cells.len());
    let services = [None].into_iter().chain(
        d.manifest
            .services
            .iter()
            .take(3)
            .map(|s| Some(s.id.clone())),
    );
    let channels: Vec<Option<String>> = [None]
        .into_iter()
        .chain(d.manifest.audit_channels.iter().map(|c| Some(c.id.clone())))
        .collect();
    let all = [
        MetricId::QualityIndex,
        MetricId::InformalPayment,
        MetricId::Intermediary,
        MetricId::Completion,
        MetricId::MedianWait,
    ];
    let mut compared = 0;
    for service in services {
        for channel in &channels {
            for period in periods(d) {
                let filter = Filter {
                    period,
                    service: service.clone(),
                    channel: channel.clone(),
                };
                let (mut units, mut national) = accumulate_visits(manifest, visits, &filter, &all);
                let (mut by_dataset, mut national_dataset) = accumulate(d, &filter, &all);
                let (mut unit_cells, mut national_cells) =
                    accumulate_cells(&cells, d.manifest.regions.len(), d.manifest.period, &filter);
                for (i, a) in units.iter_mut().enumerate() {
                    same(&format!("{filter:?}, unit {i}"), a, &mut by_dataset[i]);
                    same(&format!("{filter:?}, unit {i}"), a, &mut unit_cells[i]);
                }
                same(
                    &format!("{filter:?}, country"),
                    &mut national,
                    &mut national_dataset,
                );
                same(
                    &format!("{filter:?}, country"),
                    &mut national,
                    &mut national_cells,
                );
                compared += units.len() + 1;
            }
        }
    }
    compared
}
