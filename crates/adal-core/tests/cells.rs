//! The visits summed as cells of sufficient statistics give every visit figure exactly as the visits
//! one by one do (issue 20): value, interval, n, and what is left uncounted or unseen, for every unit and
//! the country, over every period the picker offers, Play's frames and single months, with and without
//! a service and a channel, on the previous release's demo and thin demo bundles (contract version 2,
//! every visit) — and the contract-3 bundles published from the same raw files hold exactly their cells.
//! The 100,000-visit bundle is compared by the CLI's `cells` test, from its raw files.

mod common;

#[path = "common/compare.rs"]
mod compare;

use adal_core::dataset::Dataset;
use common::Previous;

fn compare(previous: &Previous) -> usize {
    compare::compare(&previous.manifest, &previous.visits, &previous.dataset)
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

/// The first view's unit totals give every figure that counts all services and channels exactly as the
/// cells by service and channel do; the detail is added only where it adds up to them.
#[test]
fn the_totals_are_the_cells_summed_and_a_detail_that_does_not_add_up_is_refused() {
    let manifest = include_bytes!("../../../public/data/manifest.json");
    let totals = include_bytes!("../../../public/data/audits.json");
    let detail = include_bytes!("../../../public/data/audits-detail.json");
    let complaints = include_bytes!("../../../public/data/complaints.json");
    let first_view = Dataset::open(manifest, totals, complaints).expect("the first view");
    assert!(!first_view.has_detail() && first_view.lacks_listed_detail());
    let full = common::demo();
    assert_eq!(
        first_view.totals(),
        adal_core::aggregate::totals_of(full.cells())
    );
    assert!(first_view.totals().len() * 2 < full.cells().len());
    let filter = common::filter(&full);
    assert!(!first_view.needs_detail(&filter));
    let all = adal_core::aggregate::MetricId::ALL;
    let (a, b) = (
        adal_core::aggregate::accumulate(&first_view, &filter, &all),
        adal_core::aggregate::accumulate(&full, &filter, &all),
    );
    assert_eq!(format!("{a:?}"), format!("{b:?}"));
    let by_service = adal_core::aggregate::Filter {
        service: Some("healthcare".into()),
        ..filter
    };
    assert!(first_view.needs_detail(&by_service));

    // One visit more in the first cell, the manifest's checksum made to fit: refused, and nothing added.
    let mut forged: serde_json::Value = serde_json::from_slice(detail).expect("json");
    let visits = forged["columns"]["visits"][0].as_u64().expect("visits");
    forged["columns"]["visits"][0] = (visits + 1).into();
    let forged = serde_json::to_vec(&forged).expect("json");
    let mut m: serde_json::Value = serde_json::from_slice(manifest).expect("json");
    for f in m["files"].as_array_mut().expect("files") {
        if f["path"] == "audits-detail.json" {
            f["bytes"] = forged.len().into();
            f["sha256"] = adal_core::checksum::sha256_hex(&forged).into();
        }
    }
    let m = serde_json::to_vec(&m).expect("json");
    let d = Dataset::open(&m, totals, complaints).expect("the first view");
    let err = d.add_detail(&forged).expect_err("forged");
    assert_eq!(
        err.to_string(),
        "audits-detail.json: its cells do not add up to those of audits.json"
    );
    assert!(!d.has_detail());
}
