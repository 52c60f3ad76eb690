//! `outcomes.json` (optional, contract 3): what came of the complaints, as the stage their handling
//! ended at, counted in cells of each unit's published complaint totals with the protection of the
//! cells by category (see `adal_publish::anonymise`). A bundle without it publishes no outcome data,
//! which is not the same as outcomes of zero.

use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::period::PeriodLabel;

/// The stage id of the complaints whose outcome the publisher's files do not record.
pub const NOT_RECORDED: &str = "not_recorded";

/// The published outcome counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OutcomesFile {
    /// The contract version, 3.
    pub schema_version: u32,
    /// The number of cells: the length of every column.
    pub rows: usize,
    /// One entry per (region, period, stage) cell with at least one complaint, where `period` is the
    /// period of one of the region's published totals in `complaints.json`, or a year whose totals are
    /// all published; a total whose small cells could not be protected lists none.
    pub columns: OutcomeColumns,
}

/// The cells of `outcomes.json`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OutcomeColumns {
    /// ISO 3166-2:KZ code.
    #[serde(deserialize_with = "super::interned::strings")]
    pub region: Vec<Arc<str>>,
    /// The month, quarter or year of the region's total the cell belongs to.
    pub period: Vec<PeriodLabel>,
    /// Stage id from the manifest's `outcome_stages`, the last of which is `not_recorded`.
    #[serde(deserialize_with = "super::interned::strings")]
    pub stage: Vec<Arc<str>>,
    /// The number of complaints, at least k; null where suppressed (fewer than k, or hidden so that a
    /// suppressed cell cannot be worked out from the total).
    pub count: Vec<Option<u32>>,
}

impl OutcomeColumns {
    /// The name and length of every column.
    pub fn lengths(&self) -> [(&'static str, usize); 4] {
        [
            ("region", self.region.len()),
            ("period", self.period.len()),
            ("stage", self.stage.len()),
            ("count", self.count.len()),
        ]
    }
}
