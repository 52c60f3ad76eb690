//! The visits summed as cells of sufficient statistics give every visit figure exactly as the visits
//! one by one do (issue 20): value, interval, n, and what is left uncounted or unseen, for every unit and
//! the country, over every period the picker offers, Play's frames and single months, with and without
//! a service and a channel, on the demo and the thin demo bundles, and — in the test command, which sets
//! `ADAL_BENCH_100K` after making it — on the 100,000-visit bundle in `target/bench-bundle`.

mod common;

use adal_core::aggregate::{Acc, Filter, MetricId, accumulate, accumulate_cells, cells};
use adal_core::dataset::Dataset;
use adal_core::period::{Month, Period};

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

fn compare(d: &Dataset) -> usize {
    let cells = cells(d);
    let published: u64 = cells.iter().map(|c| c.stats.visits).sum();
    assert_eq!(
        published as usize, d.audits.rows,
        "every visit is in a cell"
    );
    assert!(cells.len() < d.audits.rows / 2, "{} cells", cells.len());
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
    let mut compared = 0;
    for service in services {
        for channel in &channels {
            for period in periods(d) {
                let filter = Filter {
                    period,
                    service: service.clone(),
                    channel: channel.clone(),
                };
                let all = [
                    MetricId::QualityIndex,
                    MetricId::InformalPayment,
                    MetricId::Intermediary,
                    MetricId::Completion,
                    MetricId::MedianWait,
                ];
                let (mut units, mut national) = accumulate(d, &filter, &all);
                let (mut unit_cells, mut national_cells) =
                    accumulate_cells(&cells, d.manifest.regions.len(), d.manifest.period, &filter);
                for (i, (a, b)) in units.iter_mut().zip(&mut unit_cells).enumerate() {
                    same(&format!("{filter:?}, unit {i}"), a, b);
                }
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
fn the_demo_bundles_figures_are_the_same_from_cells() {
    assert!(compare(&common::demo()) > 1000);
    assert!(compare(&common::thin()) > 1000);
}

#[test]
fn the_100000_visit_bundles_figures_are_the_same_from_cells() {
    if std::env::var_os("ADAL_BENCH_100K").is_none() {
        eprintln!("ADAL_BENCH_100K unset: the 100,000-visit bundle is compared by scripts/test");
        return;
    }
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/bench-bundle");
    let read = |name: &str| {
        std::fs::read(format!("{folder}/{name}"))
            .unwrap_or_else(|e| panic!("{folder}/{name} (scripts/test makes it): {e}"))
    };
    let d = Dataset::open(
        &read("manifest.json"),
        &read("audits.json"),
        &read("complaints.json"),
    )
    .expect("the 100,000-visit bundle");
    assert!(d.audits.rows > 90_000);
    assert!(compare(&d) > 1000);
}
