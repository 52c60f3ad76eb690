//! The visits summed as cells of sufficient statistics give every visit figure exactly as the visits
//! one by one do (issue 20): value, interval, n, and what is left uncounted or unseen, for every unit and
//! the country, over every period the picker offers, Play's frames and single months, with and without
//! a service and a channel, on the previous release's demo and thin demo bundles (contract version 2,
//! every visit) — and the contract-3 bundles published from the same raw files hold exactly their cells.
//! The 100,000-visit bundle is compared by the publisher's tests (`adal-cli`'s `cells` test).

mod common;

use adal_core::aggregate::{
    Acc, Filter, MetricId, accumulate, accumulate_cells, accumulate_visits, cells_of_visits,
};
use adal_core::dataset::Dataset;
use adal_core::period::{Month, Period};
use common::Previous;

fn periods(d: &Dataset) -> Vec<Period> {
    let mut periods = d.period_blocks();
    periods.extend(d.play_frames());
    periods.push(common::filter(d).period);
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

fn compare(previous: &Previous) -> usize {
    let d = &previous.dataset;
    let visits = &previous.visits;
    let cells = cells_of_visits(&previous.manifest, visits);
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
                let (mut units, mut national) =
                    accumulate_visits(&previous.manifest, visits, &filter, &all);
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

#[test]
fn the_previous_releases_figures_are_the_same_from_cells() {
    assert!(compare(&Previous::demo()) > 1000);
    assert!(compare(&Previous::thin()) > 1000);
}

/// The committed bundles (contract version 3) are the previous release's visits as cells: published
/// again from the same raw files, not one count or sum moved.
#[test]
fn the_committed_bundles_hold_the_previous_releases_cells() {
    let (demo, thin) = (common::demo(), common::thin());
    assert_eq!(demo.manifest.schema_version, adal_core::SCHEMA_VERSION);
    assert_eq!(demo.cells(), Previous::demo().dataset.cells());
    assert_eq!(thin.cells(), Previous::thin().dataset.cells());
}
