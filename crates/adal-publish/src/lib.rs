//! Adal Atlas publisher: what only the publisher needs, on top of `adal-core` (the contract and its
//! checks, which the web app shares). The web app never compiles this crate, nor its CSV reader.
//!
//! - [`raw`] — reading the raw CSV files a monitoring organisation holds into validated records; every
//!   input rule lives here. [`taxonomy`] — the lists records are classified by, with their defaults;
//!   [`config`] — the publisher's config file.
//! - [`anonymise`] — k-anonymity for visits and coarsening with cell suppression for complaint counts.
//! - [`bundle`] — writing the published files with their checksums; [`schema`] — their JSON Schemas.
//! - [`publication_report`] — what happened to every row read (`adal publish --report`).
//! - [`previews`] — the static preview pages and cards for shared links (`adal share`); [`feeds`] — the
//!   Atom feeds of the published versions (`adal pages`).

pub mod anonymise;
pub mod bundle;
pub mod config;
pub mod datapackage;
pub mod feeds;
pub mod previews;
pub mod publication_report;
pub mod raw;
pub mod schema;
pub mod taxonomy;
