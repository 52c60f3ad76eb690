//! Adal Atlas core: the reader's side, and what both sides share. Everything the web app compiles lives
//! here, with no web dependencies and no CSV reader; what only the publisher needs (raw files,
//! anonymisation, config, bundle writing, the publication report, previews) is the `adal-publish` crate.
//!
//! - [`contract`] — the published bundle's types (`manifest.json`, `audits.json`, `complaints.json`),
//!   from which the JSON Schemas in `public/schema/` are generated; [`checksum`] — their SHA-256.
//! - [`regions`] — the 20 units of Kazakhstan, with their names and spellings in Kazakh, Russian and
//!   English; [`labels`] — texts in the three languages; [`period`] — months, quarters and years.
//! - [`dataset`] — opening and checking a bundle in the web app, with typed load errors, and
//!   [`validate`] — every check of a published bundle, as `adal validate` and the app's tests run it.
//! - [`aggregate`] — one metric for every unit, with [`ranks`] — each rank's 95 % interval;
//!   [`figures`] and [`stats`] — the key figures with their 95 % intervals; [`series`] — figures over
//!   time and by group, for the charts; [`binning`] — colour classes; [`geo`] — the map's outlines and
//!   keyboard neighbours.
//! - [`format`] — numbers and months per language; [`export`] — the figures of a chart or the map as
//!   CSV records; [`view`] and [`query`] — the view state in the URL.
//!
//! The crate builds for `wasm32-unknown-unknown`, so the web app and the `adal` command-line tool share
//! one implementation of the contract.

pub mod aggregate;
pub mod binning;
pub mod checksum;
pub mod contract;
pub mod dataset;
pub mod export;
pub mod figures;
pub mod format;
pub mod geo;
pub mod labels;
pub mod pages;
pub mod period;
pub mod query;
pub mod ranks;
pub mod regions;
pub mod search;
pub mod series;
pub mod stats;
pub mod steps;
pub mod validate;
pub mod view;

/// The version of the published data contract (`manifest.json`, `audits.json`, `complaints.json`) this
/// crate writes. Version 3 publishes the visits as cells with their sufficient statistics
/// ([`contract::AuditCellsFile`]); version 2 published every visit ([`contract::AuditsFile`]) and is
/// still read ([`OLDEST_READ_VERSION`]), so that versions kept from before open the same figures.
/// Version 2 introduced complaint totals by month, quarter or year and a visit's generalised service as
/// null; version 1 bundles are refused with a message asking to re-publish them.
pub const SCHEMA_VERSION: u32 = 3;

/// The oldest contract version the app and `adal validate` read: 2. Its `complaints.json` has the same
/// shape as version 3's.
pub const OLDEST_READ_VERSION: u32 = 2;

/// The version of `datasets.json` and of the map's outlines, which version 2 of the bundle left alone.
pub const INDEX_VERSION: u32 = 1;

/// The default k of k-anonymity: no published combination of quasi-identifiers describes fewer visits.
pub const DEFAULT_K: u32 = 5;
