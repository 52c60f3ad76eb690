//! `complaints.json`: counts of corruption complaints per unit, for months, quarters or years that never
//! overlap (the totals), and by category within each total (the cells). See
//! [`crate::anonymise`] for how the grain of each total is chosen.

use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::period::PeriodLabel;

/// The published complaint counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ComplaintsFile {
    /// The contract version, 2.
    pub schema_version: u32,
    /// The number of cells: the length of every column.
    pub rows: usize,
    /// One entry per (region, period, category) cell with at least one complaint, where `period` is the
    /// period of one of the region's totals; cells with no complaint are left out, and a total whose
    /// small cells could not be protected lists none.
    pub columns: ComplaintColumns,
    /// The number of complaints per region over months, quarters or years: for each region, the totals'
    /// periods cover every month of the bundle's period exactly once (zeros included).
    pub totals: ComplaintTotals,
}

/// Contract 3's `complaints-detail.json`: the cells by category that version 2 kept in `complaints.json`
/// (whose `columns` are then empty and `rows` 0).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ComplaintCellsFile {
    /// The contract version, 3.
    pub schema_version: u32,
    /// The number of cells: the length of every column.
    pub rows: usize,
    /// One entry per (region, period, category) cell, as [`ComplaintsFile::columns`].
    pub columns: ComplaintColumns,
}

impl ComplaintsFile {
    /// The file with the cells of contract 3's `complaints-detail.json` in place of its own (empty) ones.
    pub fn with_cells(self, cells: ComplaintCellsFile) -> ComplaintsFile {
        ComplaintsFile {
            rows: cells.rows,
            columns: cells.columns,
            ..self
        }
    }
}

/// The cells of `complaints.json`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ComplaintColumns {
    /// ISO 3166-2:KZ code.
    #[serde(deserialize_with = "super::interned::strings")]
    pub region: Vec<Arc<str>>,
    /// The month, quarter or year of the region's total the cell belongs to.
    pub period: Vec<PeriodLabel>,
    /// Category id from the manifest's `complaint_categories`.
    #[serde(deserialize_with = "super::interned::strings")]
    pub category: Vec<Arc<str>>,
    /// The number of complaints, at least k; null where suppressed (fewer than k, or hidden so that a
    /// suppressed cell cannot be worked out from the totals).
    pub count: Vec<Option<u32>>,
}

impl ComplaintColumns {
    /// The name and length of every column.
    pub fn lengths(&self) -> [(&'static str, usize); 4] {
        [
            ("region", self.region.len()),
            ("period", self.period.len()),
            ("category", self.category.len()),
            ("count", self.count.len()),
        ]
    }
}

/// Totals per region and month, quarter or year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ComplaintTotals {
    /// The number of (region, period) entries.
    pub rows: usize,
    /// The entries, in columns.
    pub columns: ComplaintTotalsColumns,
}

/// The columns of the totals.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ComplaintTotalsColumns {
    /// ISO 3166-2:KZ code.
    #[serde(deserialize_with = "super::interned::strings")]
    pub region: Vec<Arc<str>>,
    /// A month, or a calendar quarter or year where the months held too few complaints to publish.
    pub period: Vec<PeriodLabel>,
    /// All complaints of the region in the period: 0, or at least k; null where suppressed.
    pub count: Vec<Option<u32>>,
}

impl ComplaintTotalsColumns {
    /// The name and length of every column.
    pub fn lengths(&self) -> [(&'static str, usize); 3] {
        [
            ("region", self.region.len()),
            ("period", self.period.len()),
            ("count", self.count.len()),
        ]
    }
}
