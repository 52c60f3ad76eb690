//! `complaints.json`: counts of corruption complaints by region, month, category and channel, with the
//! total per region and month.

use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::period::Month;

/// The published complaint counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ComplaintsFile {
    /// The contract version, 1.
    pub schema_version: u32,
    /// The number of cells: the length of every column.
    pub rows: usize,
    /// One entry per (region, month, category, channel) cell with at least one complaint; cells with no
    /// complaint are left out.
    pub columns: ComplaintColumns,
    /// The number of complaints per region and month, over all categories and channels, for every region
    /// and every month of the period (zeros included).
    pub totals: ComplaintTotals,
}

/// The cells of `complaints.json`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ComplaintColumns {
    /// ISO 3166-2:KZ code.
    pub region: Vec<Arc<str>>,
    /// The month the complaint was received.
    pub month: Vec<Month>,
    /// Category id from the manifest's `complaint_categories`.
    pub category: Vec<Arc<str>>,
    /// Channel id from the manifest's `complaint_channels`.
    pub channel: Vec<Arc<str>>,
    /// The number of complaints, at least k; null where suppressed (fewer than k, or hidden so that a
    /// suppressed cell cannot be worked out from the totals).
    pub count: Vec<Option<u32>>,
}

impl ComplaintColumns {
    /// The name and length of every column.
    pub fn lengths(&self) -> [(&'static str, usize); 5] {
        [
            ("region", self.region.len()),
            ("month", self.month.len()),
            ("category", self.category.len()),
            ("channel", self.channel.len()),
            ("count", self.count.len()),
        ]
    }
}

/// Totals per region and month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ComplaintTotals {
    /// The number of (region, month) entries.
    pub rows: usize,
    /// The entries, in columns.
    pub columns: ComplaintTotalsColumns,
}

/// The columns of the totals.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ComplaintTotalsColumns {
    /// ISO 3166-2:KZ code.
    pub region: Vec<Arc<str>>,
    /// The month.
    pub month: Vec<Month>,
    /// All complaints of the region in the month: 0, or at least k; null where suppressed.
    pub count: Vec<Option<u32>>,
}

impl ComplaintTotalsColumns {
    /// The name and length of every column.
    pub fn lengths(&self) -> [(&'static str, usize); 3] {
        [
            ("region", self.region.len()),
            ("month", self.month.len()),
            ("count", self.count.len()),
        ]
    }
}
