//! The charts' figures on the demo bundle: every point of a trend is the map's figure for that step, the
//! step follows the sample, and the complaint breakdown adds up to the published totals.

use adal_core::aggregate::{Filter, MetricId, region_figures};
use adal_core::series::{Step, by_service, complaints_by_category, steps, trends};

mod common;
use common::{demo, filter};

#[test]
fn each_point_of_a_trend_is_the_maps_figure_for_its_step() {
    let d = demo();
    let f = filter(&d);
    let codes = vec!["KZ-75".to_owned(), "KZ-11".to_owned()];
    for metric in MetricId::ALL {
        let t = trends(&d, metric, &f, &codes, 30);
        assert_eq!(t.periods, steps(f.period, t.step), "{metric:?}");
        assert_eq!(t.units.len(), 2);
        for (k, p) in t.periods.iter().enumerate() {
            let map = region_figures(
                &d,
                metric,
                &Filter {
                    period: *p,
                    ..f.clone()
                },
                30,
            );
            for (series, code) in t.units.iter().zip(&codes) {
                let on_map = map.regions.iter().find(|r| &r.code == code).expect("unit");
                assert_eq!(series[k].value, on_map.value, "{metric:?} {code} {p:?}");
                assert_eq!(series[k].n, on_map.n);
            }
            if metric == MetricId::Complaints {
                assert!(t.national.is_empty());
            } else {
                assert_eq!(t.national[k].value, map.national.value);
            }
        }
    }
}

#[test]
fn thin_monthly_samples_make_a_quarterly_trend() {
    let d = demo();
    let f = filter(&d);
    let one = vec!["KZ-11".to_owned()];
    // The demo has 26–38 visits per unit and quarter, in one month of each: too few for a monthly line …
    let t = trends(&d, MetricId::QualityIndex, &f, &one, 30);
    assert_eq!(t.step, Step::Quarter);
    assert!(
        t.periods.len() >= 4 && t.periods.len() <= 5,
        "{}",
        t.periods.len()
    );
    // (its visits come in quarterly waves, so most months have none); complaint counts are monthly.
    let full_quarters = t.units[0]
        .iter()
        .filter(|p| p.period.to.index() - p.period.from.index() == 2);
    assert!(full_quarters.clone().count() >= 3);
    assert!(full_quarters.into_iter().all(|p| p.n >= 26));
    let complaints = trends(&d, MetricId::ComplaintsPer100k, &f, &one, 30);
    assert_eq!(
        (complaints.step, complaints.periods.len()),
        (Step::Month, 12)
    );
}

#[test]
fn services_split_the_units_visits() {
    let d = demo();
    let f = filter(&d);
    let bars = by_service(&d, MetricId::InformalPayment, &f, "KZ-75");
    assert_eq!(bars.len(), d.manifest.services.len());
    let whole = region_figures(&d, MetricId::InformalPayment, &f, 30);
    let unit = whole
        .regions
        .iter()
        .find(|r| r.code == "KZ-75")
        .expect("unit");
    // Visits whose service was generalised (published as null) are in the unit's figure, in no bar.
    let split: u64 = bars.iter().map(|(_, p)| p.n).sum();
    let unit_index = d
        .manifest
        .regions
        .iter()
        .position(|r| r.code == "KZ-75")
        .expect("KZ-75");
    let unpublished: u64 = d
        .cells()
        .iter()
        .filter(|c| c.unit == unit_index && c.service.is_none())
        .filter(|c| f.period.covers(c.time))
        .map(|c| c.stats.shares[0].1)
        .sum();
    assert!(unpublished > 0);
    assert_eq!(split + unpublished, unit.n);
    for (_, p) in &bars {
        if let (Some(v), Some((lo, hi))) = (p.value, p.interval) {
            assert!(lo <= v && v <= hi);
        }
    }
}

#[test]
fn complaint_categories_and_the_withheld_rest_add_up_to_the_totals() {
    let d = demo();
    let f = filter(&d);
    let b = complaints_by_category(&d, "KZ-75", f.period).expect("the cells by category");
    assert_eq!(b.categories.len(), d.manifest.complaint_categories.len());
    let mut checked = 0;
    for (q, p) in b.periods.iter().enumerate() {
        let by_category: u64 = b.categories.iter().map(|(_, v)| v[q]).sum();
        let t = trends(
            &d,
            MetricId::Complaints,
            &Filter {
                period: *p,
                ..f.clone()
            },
            &["KZ-75".to_owned()],
            30,
        );
        let total: u64 = t.units[0].iter().map(|p| p.n).sum();
        let suppressed: u64 = t.units[0].iter().map(|p| p.suppressed_months).sum();
        match b.withheld[q] {
            Some(rest) => {
                assert_eq!(suppressed, 0);
                assert_eq!(by_category + rest, total, "{p:?}");
                checked += 1;
            }
            None => assert!(suppressed > 0),
        }
    }
    assert!(checked > 0);
}
