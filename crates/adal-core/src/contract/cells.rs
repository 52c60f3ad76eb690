//! `audits.json` from contract version 3: the anonymised visits as cells — one entry per group of visits
//! sharing a unit, a published time, a service and a channel — each with the sufficient statistics of
//! every visit figure the pages show, in columns. The file grows with the cells, not with the visits.

use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::period::PeriodLabel;

/// The published cells: `{"schema_version":3,"rows":N,"columns":{...}}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuditCellsFile {
    /// The contract version, 3.
    pub schema_version: u32,
    /// The number of cells: the length of every column.
    pub rows: usize,
    /// One array per field, all of length `rows`.
    pub columns: CellColumns,
}

/// The columns of a contract-3 `audits.json`. Entry `i` of every array describes cell `i`. A cell holds
/// at least k visits (the manifest's `k_anonymity.k`); no two cells share unit, month, service and
/// channel.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CellColumns {
    /// ISO 3166-2:KZ code of the unit, one of the manifest's `regions`.
    #[serde(deserialize_with = "super::interned::strings")]
    pub region: Vec<Arc<str>>,
    /// `YYYY-MM`; `YYYY-Qn` or `YYYY` where the month was generalised for k-anonymity.
    pub month: Vec<PeriodLabel>,
    /// Service id from the manifest's `services`; null where the service was generalised.
    #[serde(deserialize_with = "super::interned::nullable")]
    pub service: Vec<Option<Arc<str>>>,
    /// Channel id from the manifest's `audit_channels`; null where the channel was generalised.
    #[serde(deserialize_with = "super::interned::nullable")]
    pub channel: Vec<Option<Arc<str>>>,
    /// The cell's visits.
    pub visits: Vec<u64>,
    /// Visits with at least one score: the quality index's n.
    pub index_n: Vec<u64>,
    /// The sum of those visits' quality indexes, in units of 5/12 of an index point (a visit's index,
    /// 25 × (its mean score − 1), is a whole number of these units: the sum is exact).
    pub index_sum: Vec<i64>,
    /// The sum of the squares of those indexes, in the same units squared.
    pub index_sum_sq: Vec<u64>,
    /// Visits where someone asked for an informal payment.
    pub informal_payment_yes: Vec<u64>,
    /// Visits where that question was answered.
    pub informal_payment_answered: Vec<u64>,
    /// Visits where an intermediary offered to arrange the service for money.
    pub intermediary_yes: Vec<u64>,
    /// Visits where that question was answered.
    pub intermediary_answered: Vec<u64>,
    /// Visits where the service was delivered.
    pub completed_yes: Vec<u64>,
    /// Visits where that question was answered.
    pub completed_answered: Vec<u64>,
    /// The waits recorded, as `[minutes, visits]` pairs in ascending order of minutes (each minute
    /// once): the median and its interval come out exact.
    pub waits: Vec<Vec<(u32, u64)>>,
}

impl CellColumns {
    /// The name and length of every column, for checking that they are equal.
    pub fn lengths(&self) -> [(&'static str, usize); 15] {
        [
            ("region", self.region.len()),
            ("month", self.month.len()),
            ("service", self.service.len()),
            ("channel", self.channel.len()),
            ("visits", self.visits.len()),
            ("index_n", self.index_n.len()),
            ("index_sum", self.index_sum.len()),
            ("index_sum_sq", self.index_sum_sq.len()),
            ("informal_payment_yes", self.informal_payment_yes.len()),
            (
                "informal_payment_answered",
                self.informal_payment_answered.len(),
            ),
            ("intermediary_yes", self.intermediary_yes.len()),
            ("intermediary_answered", self.intermediary_answered.len()),
            ("completed_yes", self.completed_yes.len()),
            ("completed_answered", self.completed_answered.len()),
            ("waits", self.waits.len()),
        ]
    }
}
