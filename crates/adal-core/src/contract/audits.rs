//! `audits.json`: anonymised mystery-shopper visits, one entry per visit, in columns.

use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::period::PeriodLabel;

/// The published visits: `{"schema_version":2,"rows":N,"columns":{...}}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AuditsFile {
    /// The contract version, 2.
    pub schema_version: u32,
    /// The number of visits: the length of every column.
    pub rows: usize,
    /// One array per field, all of length `rows`.
    pub columns: AuditColumns,
}

/// The columns of `audits.json`. Entry `i` of every array describes visit `i`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AuditColumns {
    /// ISO 3166-2:KZ code of the unit, one of the manifest's `regions`.
    #[serde(deserialize_with = "super::interned::strings")]
    pub region: Vec<Arc<str>>,
    /// `YYYY-MM`; `YYYY-Qn` or `YYYY` where the month was generalised for k-anonymity.
    pub month: Vec<PeriodLabel>,
    /// Service id from the manifest's `services`; null where the service was generalised for k-anonymity.
    #[serde(deserialize_with = "super::interned::nullable")]
    pub service: Vec<Option<Arc<str>>>,
    /// Channel id from the manifest's `audit_channels`; null where the channel was generalised.
    #[serde(deserialize_with = "super::interned::nullable")]
    pub channel: Vec<Option<Arc<str>>>,
    /// Waiting (1–5); null where not assessed.
    #[schemars(inner(range(min = 1, max = 5)))]
    pub score_waiting: Vec<Option<u8>>,
    /// Courtesy of staff (1–5); null where not assessed.
    #[schemars(inner(range(min = 1, max = 5)))]
    pub score_courtesy: Vec<Option<u8>>,
    /// Quality of information (1–5); null where not assessed.
    #[schemars(inner(range(min = 1, max = 5)))]
    pub score_information: Vec<Option<u8>>,
    /// Accessibility of the office or service (1–5); null where not assessed.
    #[schemars(inner(range(min = 1, max = 5)))]
    pub score_accessibility: Vec<Option<u8>>,
    /// The outcome of the visit (1–5); null where not assessed.
    #[schemars(inner(range(min = 1, max = 5)))]
    pub score_outcome: Vec<Option<u8>>,
    /// Minutes waited before being served; null where not recorded.
    pub wait_minutes: Vec<Option<u32>>,
    /// Whether someone asked for an informal payment; null where not recorded.
    pub informal_payment_requested: Vec<Option<bool>>,
    /// Whether an intermediary offered to arrange the service for money; null where not recorded.
    pub intermediary_offered: Vec<Option<bool>>,
    /// Whether the service was delivered; null where not recorded.
    pub service_completed: Vec<Option<bool>>,
}

impl AuditColumns {
    /// Reads the column `name` from its JSON text `text`, as the whole file's parse reads it; `Ok(false)`
    /// for a name that is not a column (ignored, as there). Lets a caller parse a large file a column at
    /// a time ([`crate::dataset::AuditsParse`]).
    pub fn parse_column(&mut self, name: &str, text: &str) -> Result<bool, serde_json::Error> {
        let mut d = serde_json::Deserializer::from_str(text);
        match name {
            "region" => self.region = super::interned::strings(&mut d)?,
            "month" => self.month = Deserialize::deserialize(&mut d)?,
            "service" => self.service = super::interned::nullable(&mut d)?,
            "channel" => self.channel = super::interned::nullable(&mut d)?,
            "score_waiting" => self.score_waiting = Deserialize::deserialize(&mut d)?,
            "score_courtesy" => self.score_courtesy = Deserialize::deserialize(&mut d)?,
            "score_information" => self.score_information = Deserialize::deserialize(&mut d)?,
            "score_accessibility" => self.score_accessibility = Deserialize::deserialize(&mut d)?,
            "score_outcome" => self.score_outcome = Deserialize::deserialize(&mut d)?,
            "wait_minutes" => self.wait_minutes = Deserialize::deserialize(&mut d)?,
            "informal_payment_requested" => {
                self.informal_payment_requested = Deserialize::deserialize(&mut d)?
            }
            "intermediary_offered" => self.intermediary_offered = Deserialize::deserialize(&mut d)?,
            "service_completed" => self.service_completed = Deserialize::deserialize(&mut d)?,
            _ => return Ok(false),
        }
        d.end()?;
        Ok(true)
    }

    /// The name and length of every column, for checking that they are equal.
    pub fn lengths(&self) -> [(&'static str, usize); 13] {
        [
            ("region", self.region.len()),
            ("month", self.month.len()),
            ("service", self.service.len()),
            ("channel", self.channel.len()),
            ("score_waiting", self.score_waiting.len()),
            ("score_courtesy", self.score_courtesy.len()),
            ("score_information", self.score_information.len()),
            ("score_accessibility", self.score_accessibility.len()),
            ("score_outcome", self.score_outcome.len()),
            ("wait_minutes", self.wait_minutes.len()),
            (
                "informal_payment_requested",
                self.informal_payment_requested.len(),
            ),
            ("intermediary_offered", self.intermediary_offered.len()),
            ("service_completed", self.service_completed.len()),
        ]
    }

    /// The five score columns with their names.
    pub fn scores(&self) -> [(&'static str, &[Option<u8>]); 5] {
        [
            ("score_waiting", &self.score_waiting),
            ("score_courtesy", &self.score_courtesy),
            ("score_information", &self.score_information),
            ("score_accessibility", &self.score_accessibility),
            ("score_outcome", &self.score_outcome),
        ]
    }
}
