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
    /// The time from a report to the last step of its handling, where the publisher's file dates any
    /// last step: the same totals broken down a second time, by [`TIME_BINS`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times: Option<OutcomeTimes>,
    /// The recommendations given to the service providers after the audits, and their state, where
    /// the publisher's files have any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub findings: Option<Findings>,
}

impl OutcomesFile {
    /// The cells by stage, with the times beside them, as a reader keeps them.
    pub fn into_columns(self) -> OutcomeColumns {
        OutcomeColumns {
            times: self.times.map(|t| t.columns),
            findings: self.findings,
            ..self.columns
        }
    }
}

/// The bins of the time from a report's receipt to the last step of its handling: id and the last day
/// of the bin (the last bin has no end). Coarse, so that a bin's cells reach k; a median is read as the
/// bin it falls in.
pub const TIME_BINS: [(&str, Option<u16>); 5] = [
    ("days_0_7", Some(7)),
    ("days_8_30", Some(30)),
    ("days_31_90", Some(90)),
    ("days_91_180", Some(180)),
    ("days_181_plus", None),
];

/// The bin id of the complaints whose last step the publisher's file does not date (or whose outcome
/// it does not record).
pub const NOT_DATED: &str = "not_dated";

/// The index in [`TIME_BINS`] of a time of `days`.
pub fn time_bin(days: u16) -> usize {
    TIME_BINS
        .iter()
        .position(|(_, last)| last.is_none_or(|last| days <= last))
        .unwrap_or(TIME_BINS.len() - 1)
}

/// The cells of the times to the last step.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OutcomeTimes {
    /// The number of cells: the length of every column.
    pub rows: usize,
    /// One entry per (region, period, bin) cell with at least one complaint, with the periods and the
    /// protection of the cells by stage.
    pub columns: TimeColumns,
}

/// The columns of [`OutcomeTimes`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimeColumns {
    /// ISO 3166-2:KZ code.
    #[serde(deserialize_with = "super::interned::strings")]
    pub region: Vec<Arc<str>>,
    /// The month, quarter or year of the region's total the cell belongs to.
    pub period: Vec<PeriodLabel>,
    /// A bin id of [`TIME_BINS`], or [`NOT_DATED`].
    #[serde(deserialize_with = "super::interned::strings")]
    pub days: Vec<Arc<str>>,
    /// The number of complaints, at least k; null where suppressed.
    pub count: Vec<Option<u32>>,
}

impl TimeColumns {
    /// The name and length of every column.
    pub fn lengths(&self) -> [(&'static str, usize); 4] {
        [
            ("region", self.region.len()),
            ("period", self.period.len()),
            ("days", self.days.len()),
            ("count", self.count.len()),
        ]
    }
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
    /// The file's [`OutcomesFile::times`], kept beside the cells by stage when a reader loads it.
    #[serde(skip)]
    #[schemars(skip)]
    pub times: Option<TimeColumns>,
    /// The file's [`OutcomesFile::findings`], kept beside the cells by stage when a reader loads it.
    #[serde(skip)]
    #[schemars(skip)]
    pub findings: Option<Findings>,
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

/// The state id of a recommendation put into practice: the share the pages lead with.
pub const IMPLEMENTED: &str = "implemented";

/// The recommendations given to the service providers after the audits, by the month they were
/// given: each unit's totals, a partition of the period's months as the complaints' are, and their
/// cells by state, with the protection of the complaints' cells.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Findings {
    /// Recommendations given, per region and month, quarter or year: 0, or at least k; null where
    /// suppressed. Every region's totals cover each month of the manifest's period once.
    pub totals: super::complaints::ComplaintTotals,
    /// The number of cells: the length of every column.
    pub rows: usize,
    /// One entry per (region, period, state) cell with at least one recommendation, where `period` is
    /// the period of one of the region's published totals, or a quarter or year whose totals are all
    /// published.
    pub columns: FindingColumns,
}

/// The columns of the cells of [`Findings`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FindingColumns {
    /// ISO 3166-2:KZ code.
    #[serde(deserialize_with = "super::interned::strings")]
    pub region: Vec<Arc<str>>,
    /// The month, quarter or year of the region's totals the cell belongs to.
    pub period: Vec<PeriodLabel>,
    /// A state id of the manifest's `finding_states`.
    #[serde(deserialize_with = "super::interned::strings")]
    pub state: Vec<Arc<str>>,
    /// The number of recommendations, at least k; null where suppressed.
    pub count: Vec<Option<u32>>,
}

impl FindingColumns {
    /// The name and length of every column.
    pub fn lengths(&self) -> [(&'static str, usize); 4] {
        [
            ("region", self.region.len()),
            ("period", self.period.len()),
            ("state", self.state.len()),
            ("count", self.count.len()),
        ]
    }
}
