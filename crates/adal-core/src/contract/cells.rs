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
    /// once): the median and its interval come out exact. In JSON each cell's pairs are one string of
    /// whole numbers separated by single spaces, `"gap visits gap visits …"`, a gap being the minutes
    /// since the previous pair's (the first's since 0); `""` for a cell without a recorded wait.
    #[serde(with = "gaps")]
    #[schemars(with = "Vec<String>")]
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
    use std::fmt::{self, Write as _};

    use serde::de::{Error as _, SeqAccess, Visitor};
    use serde::ser::{Error as _, SerializeSeq};
    use serde::{Deserialize, Deserializer, Serializer};

    /// The pairs as gaps, each cell's numbers one string; minutes must ascend (the publisher's
    /// histograms do).
    pub fn serialize<S: Serializer>(waits: &[Vec<(u32, u64)>], s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(waits.len()))?;
        let mut text = String::new();
        for cell in waits {
            text.clear();
            let mut previous = 0;
            for &(minutes, visits) in cell {
                let gap = minutes.checked_sub(previous).ok_or_else(|| {
                    S::Error::custom("a wait histogram whose minutes do not ascend")
                })?;
                let space = if text.is_empty() { "" } else { " " };
                let _ = write!(text, "{space}{gap} {visits}");
                previous = minutes;
            }
            seq.serialize_element(&text)?;
        }
        seq.end()
    }

    /// The gaps read back as pairs: a cell of an odd number of values, anything but digits and single
    /// spaces, or minutes beyond `u32`, is an error; whether the minutes ascend strictly (no gap of 0
    /// after the first) is `adal validate`'s. The histograms are most of the first view's
    /// `audits.json`: a cell is one JSON string read by a loop over its bytes, not a JSON number each.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Vec<(u32, u64)>>, D::Error> {
        d.deserialize_seq(CellsVisitor)
    }

    struct CellsVisitor;

    impl<'de> Visitor<'de> for CellsVisitor {
        type Value = Vec<Vec<(u32, u64)>>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list of strings of gap, visits pairs")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut cells = Vec::with_capacity(seq.size_hint().unwrap_or(0));
            while let Some(text) = seq.next_element::<Text<'de>>()? {
                cells.push(pairs(&text.0).map_err(A::Error::custom)?);
            }
            Ok(cells)
        }
    }

    /// A string, borrowed from the file where it can be (it has no escapes).
    struct Text<'a>(std::borrow::Cow<'a, str>);

    impl<'de> Deserialize<'de> for Text<'de> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct TextVisitor;
            impl<'de> Visitor<'de> for TextVisitor {
                type Value = Text<'de>;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("a string of gap, visits pairs")
                }
                fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Text<'de>, E> {
                    Ok(Text(v.into()))
                }
                fn visit_str<E>(self, v: &str) -> Result<Text<'de>, E> {
                    Ok(Text(v.to_owned().into()))
                }
            }
            d.deserialize_str(TextVisitor)
        }
    }

    /// One cell's string of numbers as (minutes, visits) pairs, in one pass over its bytes.
    fn pairs(text: &str) -> Result<Vec<(u32, u64)>, &'static str> {
        const NOT_NUMBERS: &str = "a cell's waits must be whole numbers separated by single spaces";
        const ODD: &str =
            "a cell's waits must be gap, visits pairs: it holds an odd number of values";
        const TOO_LARGE: &str = "a wait of more minutes than can be";
        let mut pairs = Vec::with_capacity(text.len() / 4);
        if text.is_empty() {
            return Ok(pairs);
        }
        let mut minutes = 0u64;
        let mut gap: Option<u64> = None;
        let (mut n, mut digits) = (0u64, 0usize);
        let mut end_number = |n: u64, digits: usize| -> Result<(), &'static str> {
            if digits == 0 {
                return Err(NOT_NUMBERS);
            }
            match gap.take() {
                None => gap = Some(n),
                Some(g) => {
                    minutes = minutes.saturating_add(g);
                    let m = u32::try_from(minutes).map_err(|_| TOO_LARGE)?;
                    pairs.push((m, n));
                }
            }
            Ok(())
        };
        for &b in text.as_bytes() {
            if b == b' ' {
                end_number(n, digits)?;
                (n, digits) = (0, 0);
                continue;
            }
            let d = b.wrapping_sub(b'0');
            if d > 9 {
                return Err(NOT_NUMBERS);
            }
            // Checked without a 128-bit multiplication (a call of its own in wasm).
            if n > (u64::MAX - 9) / 10 {
                return Err(TOO_LARGE);
            }
            n = n * 10 + u64::from(d);
            digits += 1;
        }
        end_number(n, digits)?;
        if gap.is_some() {
            return Err(ODD);
        }
        Ok(pairs)
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
        assert_eq!(json, r#"["0 2 5 1 1 3 34 1",""]"#);
        assert_eq!(serde_json::from_str::<Waits>(&json).expect("read"), waits);
    }

    #[test]
    fn waits_of_an_odd_length_or_beyond_any_minutes_are_refused() {
        let odd = serde_json::from_str::<Waits>(r#"["5 1 2"]"#).expect_err("odd");
        assert!(odd.to_string().contains("odd number of values"), "{odd}");
        let far = serde_json::from_str::<Waits>(r#"["4294967295 1 1 1"]"#).expect_err("too far");
        assert!(far.to_string().contains("more minutes"), "{far}");
        let huge =
            serde_json::from_str::<Waits>(r#"["1 99999999999999999999"]"#).expect_err("huge");
        assert!(huge.to_string().contains("more minutes"), "{huge}");
        for bad in [
            r#"["5  1"]"#,
            r#"["5 1 "]"#,
            r#"[" 5 1"]"#,
            r#"["5 -1"]"#,
            r#"["5,1"]"#,
            "[[5,1]]",
        ] {
            assert!(serde_json::from_str::<Waits>(bad).is_err(), "{bad}");
        }
        let escaped = serde_json::from_str::<Waits>(r#"["5\u00201"]"#).expect("an escaped space");
        assert_eq!(escaped, Waits(vec![vec![(5, 1)]]));
        let descending = Waits(vec![vec![(9, 1), (3, 1)]]);
        assert!(serde_json::to_string(&descending).is_err());
    }
}
