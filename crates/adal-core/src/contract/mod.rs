//! The published bundle: the types of `manifest.json`, `audits.json` (visits in contract version 2,
//! cells from version 3) and `complaints.json`.
//!
//! These types are the contract between the `adal` publisher, which writes them, and the web app, which
//! reads them. The JSON Schemas in `public/schema/` are generated from them (by `adal schema`) and
//! `docs/data-format.md` describes them for people.

mod audits;
mod cells;
mod complaints;
mod interned;
mod manifest;
mod metrics;
mod outcomes;
mod terms;

pub use audits::{AuditColumns, AuditsFile};
pub use cells::{AuditCellsFile, CellColumns};
pub use complaints::{
    ComplaintCellsFile, ComplaintColumns, ComplaintTotals, ComplaintTotalsColumns, ComplaintsFile,
};
pub use manifest::{
    DatasetId, FileEntry, KAnonymity, Licence, Manifest, Population, Publisher, RegionEntry,
    ReportChannel, Reporting,
};
pub use metrics::{Better, MetricDefinition, MetricSource, MetricUnit, default_metrics};
pub use outcomes::{
    FindingColumns, Findings, IMPLEMENTED, NOT_DATED, NOT_RECORDED, OutcomeColumns, OutcomeTimes,
    OutcomesFile, TIME_BINS, TimeColumns, time_bin,
};
pub use terms::Term;

/// The file names of a bundle.
pub mod files {
    /// The manifest, which lists and checksums the others.
    pub const MANIFEST: &str = "manifest.json";
    /// Anonymised visits: in contract version 3 the first view's cells, each unit's totals by published
    /// time (service and channel `null`: all of them); in version 2 every visit.
    pub const AUDITS: &str = "audits.json";
    /// Contract version 3's cells by unit, time, service and channel, of which `audits.json` holds the
    /// totals: fetched when a view breaks the figures down by service or channel.
    pub const AUDIT_DETAIL: &str = "audits-detail.json";
    /// Complaint counts: each unit's totals by month, quarter or year (in version 2 with their cells by
    /// category too).
    pub const COMPLAINTS: &str = "complaints.json";
    /// Contract version 3's complaint cells by unit, period and category: fetched with the views that
    /// show them (a unit's page, the complaints embed).
    pub const COMPLAINT_DETAIL: &str = "complaints-detail.json";
    /// Optional in contract 3: what came of the complaints, by the stage their handling ended at, in
    /// cells of the complaint totals, and of the audits, the recommendations given and their state.
    /// Absent where the publisher's files record neither.
    pub const OUTCOMES: &str = "outcomes.json";
    /// The files beside the first view, in the order a page that needs both asks for them.
    pub const DETAIL: [&str; 2] = [AUDIT_DETAIL, COMPLAINT_DETAIL];
    /// What a unit's page starts with beside the first view: the detail files, and what came of the
    /// complaints where the bundle has it.
    pub const UNIT_PAGE: [&str; 3] = [AUDIT_DETAIL, COMPLAINT_DETAIL, OUTCOMES];
    /// The Frictionless Data Package written beside the bundle (not part of it: no checksum), with its
    /// CSV files.
    pub const DATA_PACKAGE: &str = "datapackage.json";
}
