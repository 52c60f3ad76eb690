//! Adal Atlas core: everything that is not drawing or I/O.
//!
//! - [`contract`] — the published bundle's types (`manifest.json`, `audits.json`, `complaints.json`),
//!   from which the JSON Schemas in `public/schema/` are generated.
//! - [`regions`] and [`taxonomy`] — the 20 units of Kazakhstan and the lists of services, channels and
//!   complaint categories, with labels in Kazakh, Russian and English.
//! - [`raw`] — reading the raw CSV files a monitoring organisation holds into validated records; every
//!   input rule lives here.
//! - [`anonymise`] — k-anonymity for visits and cell suppression for complaint counts.
//! - [`bundle`] — assembling the published files with their checksums, and [`validate`] — checking a
//!   published bundle as `adal validate` receives it.
//! - [`dataset`] — opening a bundle in the web app, with typed load errors; [`figures`] and [`stats`] —
//!   the key figures with their 95 % intervals; [`format`] — numbers and months per language;
//!   [`export`] — the figures of a chart or the map as CSV records.
//! - [`regional`] — one metric for every unit, with [`ranks`] — each rank's 95 % interval; [`binning`] — colour classes; [`geo`] — the map's outlines
//!   and keyboard neighbours; [`series`] — figures over time and by group, for the charts; [`view`] and [`query`] — the view state in the URL.
//!
//! The crate has no web dependencies and builds for `wasm32-unknown-unknown`, so the web app and the
//! `adal` command-line tool share one implementation of the contract.

pub mod anonymise;
pub mod binning;
pub mod bundle;
pub mod config;
pub mod contract;
pub mod dataset;
pub mod export;
pub mod figures;
pub mod format;
pub mod geo;
pub mod labels;
pub mod period;
pub mod query;
pub mod ranks;
pub mod raw;
pub mod regional;
pub mod regions;
pub mod report;
pub mod schema;
pub mod series;
pub mod share;
pub mod stats;
pub mod taxonomy;
pub mod validate;
pub mod view;

/// The version of the published data contract (`manifest.json`, `audits.json`, `complaints.json`) this
/// crate reads and writes. Version 2 publishes complaint totals by month, quarter or year and a visit's
/// generalised service as null; version 1 bundles are refused with a message asking to re-publish them.
pub const SCHEMA_VERSION: u32 = 2;

/// The version of `datasets.json` and of the map's outlines, which version 2 of the bundle left alone.
pub const INDEX_VERSION: u32 = 1;

/// The default k of k-anonymity: no published combination of quasi-identifiers describes fewer visits.
pub const DEFAULT_K: u32 = 5;
