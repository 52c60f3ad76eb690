//! The 100,000-visit bundle that the test command publishes (`target/bench-bundle`, from the raw files in
//! `target/bench-raw`) gives every visit figure exactly as its visits one by one do (issue 20): the raw
//! audits are anonymised again here, as `adal publish` does, and the figures of the published visits are
//! compared with those of the bundle's cells. The core's `cells` test does the same on the demo bundles.
//! The test command sets `ADAL_BENCH_100K` once it has made the bundle; without it there is nothing to
//! compare, and the test says so.

#[path = "../../adal-core/tests/common/compare.rs"]
mod compare;

use std::fs::File;

use adal_core::dataset::Dataset;
use adal_publish::anonymise::anonymise_visits;
use adal_publish::bundle::visits_file;
use adal_publish::config::{PublisherConfig, Settings};
use adal_publish::raw::read_audits;

fn folder(name: &str) -> String {
    format!("{}/../../target/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_100000_visit_bundles_figures_are_the_same_as_its_visits_one_by_one() {
    if std::env::var_os("ADAL_BENCH_100K").is_none() {
        eprintln!(
            "ADAL_BENCH_100K unset: scripts/test makes the 100,000-visit bundle and compares it"
        );
        return;
    }
    let bundle = folder("bench-bundle");
    let read = |name: &str| {
        std::fs::read(format!("{bundle}/{name}"))
            .unwrap_or_else(|e| panic!("{bundle}/{name} (scripts/test makes it): {e}"))
    };
    let d = Dataset::open_with_detail(
        &read("manifest.json"),
        &read("audits.json"),
        &read("audits-detail.json"),
        &read("complaints.json"),
        &read("complaints-detail.json"),
    )
    .expect("the 100,000-visit bundle");
    // Published as the test command publishes it: with the default settings.
    let settings = Settings::from_config(PublisherConfig::default()).expect("the default settings");
    let raw = format!("{}/audits.csv", folder("bench-raw"));
    let file = File::open(&raw).unwrap_or_else(|e| panic!("{raw}: {e}"));
    let audits = read_audits(file, &settings.taxonomy).expect("the raw audits");
    assert!(
        audits.records.len() >= 100_000,
        "{} visits",
        audits.records.len()
    );
    let published = anonymise_visits(&audits.records, settings.k).published;
    let visits = visits_file(&published, &settings);
    assert!(visits.rows > 90_000, "{} visits published", visits.rows);
    assert!(compare::compare(&d.manifest, &visits, &d) > 1000);
}
