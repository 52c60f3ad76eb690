//! The visits summed as cells of sufficient statistics give every visit figure exactly as the visits
//! one by one do (issue 20): value, interval, n, and what is left uncounted or unseen, for every unit and
//! the country, over every period the picker offers, Play's frames and single months, with and without
//! a service and a channel, on the previous release's demo and thin demo bundles (contract version 2,
//! every visit) — and the contract-3 bundles published from the same raw files hold exactly their cells.
//! The 100,000-visit bundle is compared by the CLI's `cells` test, from its raw files.

mod common;

#[path = "common/compare.rs"]
mod compare;

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
