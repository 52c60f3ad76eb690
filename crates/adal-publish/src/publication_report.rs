//! The publication report (`adal publish --report R.json`): what happened to every row read.
//!
//! For each input file, `rows_read = published + suppressed + rejected.len()`; generalised rows are
//! published and counted in `published` as well. The report holds counts, header names and the positions
//! of bad rows, never a value from a personal column.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use crate::anonymise::{AuditOutcome, ComplaintOutcome, LADDER};
use crate::raw::{Parsed, Rejection};

/// The whole report.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct PublishReport {
    /// Whether the bundle was written. False when invalid rows were found without `--skip-invalid`, or
    /// when a file could not be read.
    pub bundle_written: bool,
    /// The k applied.
    pub k: u32,
    /// `audits.csv`.
    pub audits: FileReport,
    /// `complaints.csv`.
    pub complaints: FileReport,
    /// `findings.csv`, where one was given: its totals and cells by state as the complaints' are
    /// (`cells.published_with_category` counts the recommendations whose state is published).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub findings: Option<FileReport>,
}

/// What happened to the rows of one input file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
pub struct FileReport {
    /// The file's name (without its directory).
    pub file: String,
    /// Why the file could not be read at all, if so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Data rows read.
    pub rows_read: u64,
    /// Rows published (including generalised ones). For complaints: complaints in published totals (by
    /// month, or by quarter or year where the months were too thin), which every page counts.
    pub published: u64,
    /// Rows published after generalisation. For complaints: complaints in totals by quarter or year.
    pub generalised: u64,
    /// Valid rows withheld to protect anonymity. For complaints: complaints in suppressed totals.
    pub suppressed: u64,
    /// Invalid rows, with line, column and reason.
    pub rejected: Vec<Rejection>,
    /// Header names that are not known columns; dropped unread.
    pub unknown_columns: Vec<String>,
    /// Personal columns present in the file; dropped unread.
    pub personal_columns_dropped: Vec<String>,
    /// Visits published at each step of the generalisation ladder (audits only).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub generalisation: BTreeMap<String, u64>,
    /// Cell suppression figures (complaints only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cells: Option<CellReport>,
    /// How what came of the complaints was published (`outcomes.json`), where the file records any
    /// outcome.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcomes: Option<OutcomeReport>,
}

/// How the complaints' outcomes were published: the cells by stage within the totals.
#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
pub struct OutcomeReport {
    /// Complaints in published totals whose stage (or whose lack of a recorded outcome) is published
    /// too, in cells of at least k.
    pub published_with_stage: u64,
    /// Listed (region, period, stage) cells.
    pub cells: u64,
    /// Cells hidden because they held fewer than k complaints.
    pub primary_suppressed: u64,
    /// Cells hidden so that the others cannot be worked out from the totals.
    pub complementary_suppressed: u64,
    /// Published totals that list no cell by stage, because no suppression pattern could protect them.
    pub totals_without_cells: u64,
}

/// How the complaints were published: totals by grain, and the category cells within them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
pub struct CellReport {
    /// Complaints in published totals by month.
    pub published_by_month: u64,
    /// Complaints in published totals by calendar quarter.
    pub published_by_quarter: u64,
    /// Complaints in published totals by calendar year.
    pub published_by_year: u64,
    /// Complaints whose category is published too (in cells of at least k).
    pub published_with_category: u64,
    /// Listed (region, period, category) cells.
    pub cells: u64,
    /// Cells hidden because they held fewer than k complaints.
    pub primary_suppressed: u64,
    /// Cells hidden so that the others cannot be worked out from the totals.
    pub complementary_suppressed: u64,
    /// Published totals that list no cell, because no suppression pattern could protect their cells.
    pub totals_without_cells: u64,
    /// Totals hidden (years of 1 to k − 1 complaints).
    pub totals_suppressed: u64,
}

impl FileReport {
    /// The report of a file that could not be read.
    pub fn unreadable(file: &str, error: String) -> FileReport {
        FileReport {
            file: file.to_owned(),
            error: Some(error),
            ..FileReport::default()
        }
    }

    /// The reading part of the report, before anonymisation.
    pub fn read<T>(file: &str, parsed: &Parsed<T>) -> FileReport {
        FileReport {
            file: file.to_owned(),
            error: None,
            rows_read: parsed.rows_read,
            published: 0,
            generalised: 0,
            suppressed: 0,
            rejected: parsed.rejected.clone(),
            unknown_columns: parsed.unknown_columns.clone(),
            personal_columns_dropped: parsed.personal_columns.clone(),
            generalisation: BTreeMap::new(),
            cells: None,
            outcomes: None,
        }
    }

    /// Adds the outcome of k-anonymity for visits.
    pub fn with_visits(mut self, outcome: &AuditOutcome) -> FileReport {
        self.published = outcome.published.len() as u64;
        self.generalised = outcome.generalised();
        self.suppressed = outcome.suppressed;
        self.generalisation = LADDER
            .iter()
            .zip(outcome.per_level)
            .map(|(level, n)| (level.name.to_owned(), n))
            .collect();
        self
    }

    /// Adds the outcome of cell suppression for complaints.
    pub fn with_complaints(mut self, outcome: &ComplaintOutcome) -> FileReport {
        self.published = outcome.published;
        self.generalised = outcome.published_by_grain[1] + outcome.published_by_grain[2];
        self.suppressed = outcome.suppressed;
        self.cells = Some(CellReport {
            published_by_month: outcome.published_by_grain[0],
            published_by_quarter: outcome.published_by_grain[1],
            published_by_year: outcome.published_by_grain[2],
            published_with_category: outcome.categories.in_published_cells,
            totals_without_cells: outcome.categories.totals_without_cells,
            cells: outcome.categories.cells.len() as u64,
            primary_suppressed: outcome.categories.primary_cells,
            complementary_suppressed: outcome.categories.complementary_cells,
            totals_suppressed: outcome.suppressed_totals,
        });
        self.outcomes = outcome.outcomes.as_ref().map(|b| OutcomeReport {
            published_with_stage: b.in_published_cells,
            cells: b.cells.len() as u64,
            primary_suppressed: b.primary_cells,
            complementary_suppressed: b.complementary_cells,
            totals_without_cells: b.totals_without_cells,
        });
        self
    }

    /// Whether `rows_read = published + suppressed + rejected`, as every finished report must satisfy.
    pub fn balances(&self) -> bool {
        self.rows_read == self.published + self.suppressed + self.rejected.len() as u64
    }
}
