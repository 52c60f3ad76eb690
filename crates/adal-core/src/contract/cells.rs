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
    /// The waits recorded, as `(minutes, visits)` pairs in ascending order of minutes (each minute
    /// once): the median and its interval come out exact. In JSON each cell's pairs are a flat
    /// `[gap, visits, gap, visits, …]`, a gap being the minutes since the previous pair's (the first's
    /// since 0).
    #[serde(with = "gaps")]
    #[schemars(with = "Vec<Vec<u64>>")]
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

/// The wait histograms' JSON form: per cell a flat `[gap, visits, gap, visits, …]`, each gap the minutes
/// from the previous entry's minutes (the first's from 0), so that the many runs of one-minute steps
/// compress well: a 100,000-visit bundle's waits are 28 % smaller in gzip than as `[minutes, visits]`
/// pairs. In memory they are the `(minutes, visits)` pairs.
mod gaps {
    use std::fmt;

    use serde::de::{Error as _, SeqAccess, Visitor};
    use serde::ser::{Error as _, SerializeSeq};
    use serde::{Deserialize, Deserializer, Serializer};

    /// The pairs as gaps; minutes must ascend (the publisher's histograms do).
    pub fn serialize<S: Serializer>(waits: &[Vec<(u32, u64)>], s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(waits.len()))?;
        let mut flat = Vec::new();
        for cell in waits {
            flat.clear();
            let mut previous = 0;
            for &(minutes, visits) in cell {
                let gap = minutes.checked_sub(previous).ok_or_else(|| {
                    S::Error::custom("a wait histogram whose minutes do not ascend")
                })?;
                flat.extend([u64::from(gap), visits]);
                previous = minutes;
            }
            seq.serialize_element(&flat)?;
        }
        seq.end()
    }

    /// The gaps read back as pairs: a cell of an odd number of values, or minutes beyond `u32`, is an
    /// error; whether the minutes ascend strictly (no gap of 0 after the first) is `adal validate`'s.
    /// Each cell is read straight into its pairs (no list of numbers in between: the first view's
    /// histograms are most of `audits.json`, and a slow phone parses them).
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Vec<(u32, u64)>>, D::Error> {
        Ok(Vec::<Pairs>::deserialize(d)?
            .into_iter()
            .map(|p| p.0)
            .collect())
    }

    /// One cell's waits.
    struct Pairs(Vec<(u32, u64)>);

    impl<'de> Deserialize<'de> for Pairs {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_seq(PairsVisitor)
        }
    }

    struct PairsVisitor;

    impl<'de> Visitor<'de> for PairsVisitor {
        type Value = Pairs;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list of gap, visits pairs")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Pairs, A::Error> {
            let mut pairs = Vec::with_capacity(seq.size_hint().unwrap_or(0) / 2);
            let mut minutes = 0u64;
            while let Some(gap) = seq.next_element::<u64>()? {
                let visits = seq.next_element::<u64>()?.ok_or_else(|| {
                    A::Error::custom(
                        "a cell's waits must be gap, visits pairs: it holds an odd number of values",
                    )
                })?;
                minutes = minutes.saturating_add(gap);
                let m = u32::try_from(minutes)
                    .map_err(|_| A::Error::custom("a wait of more minutes than can be"))?;
                pairs.push((m, visits));
            }
            Ok(Pairs(pairs))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Waits(#[serde(with = "gaps")] Vec<Vec<(u32, u64)>>);

    #[test]
    fn waits_are_written_as_gaps_and_read_back_as_minutes() {
        let waits = Waits(vec![vec![(0, 2), (5, 1), (6, 3), (40, 1)], vec![]]);
        let json = serde_json::to_string(&waits).expect("written");
        assert_eq!(json, "[[0,2,5,1,1,3,34,1],[]]");
        assert_eq!(serde_json::from_str::<Waits>(&json).expect("read"), waits);
    }

    #[test]
    fn waits_of_an_odd_length_or_beyond_any_minutes_are_refused() {
        let odd = serde_json::from_str::<Waits>("[[5,1,2]]").expect_err("odd");
        assert!(odd.to_string().contains("odd number of values"), "{odd}");
        let far = serde_json::from_str::<Waits>("[[4294967295,1,1,1]]").expect_err("too far");
        assert!(far.to_string().contains("more minutes"), "{far}");
        let descending = Waits(vec![vec![(9, 1), (3, 1)]]);
        assert!(serde_json::to_string(&descending).is_err());
    }
}
