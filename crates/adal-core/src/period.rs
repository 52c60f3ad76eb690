//! Calendar months, quarters and years as published.
//!
//! Raw files carry dates (`YYYY-MM-DD`); the bundle carries only [`Month`]s, or a coarser
//! [`PeriodLabel`] (`YYYY-Qn`, `YYYY`) where k-anonymity generalised a visit's date.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar month between year 1900 and 2999.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: u16,
    /// 1 to 12.
    month: u8,
}

/// Why a text is not a date, month or period. The messages say what was expected, to follow "expected".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    /// Not of the form asked for.
    #[error("the form {expected}")]
    Form {
        /// The form, for example `YYYY-MM-DD`.
        expected: &'static str,
    },
    /// Of the right form but not a day of the calendar, for example 2023-02-30.
    #[error("a date that exists in the calendar (YYYY-MM-DD)")]
    NoSuchDay,
    /// A year outside 1900–2999.
    #[error("a year from 1900 to 2999")]
    Year,
}

impl Month {
    /// The month `month` (1–12) of `year`; `None` outside 1900–2999 or 1–12.
    pub fn new(year: u16, month: u8) -> Option<Month> {
        ((1900..=2999).contains(&year) && (1..=12).contains(&month))
            .then_some(Month { year, month })
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month of the year, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The quarter of the year, 1 to 4.
    pub fn quarter(self) -> u8 {
        (self.month - 1) / 3 + 1
    }

    /// Months since January of year 0: consecutive months have consecutive indices.
    pub fn index(self) -> u32 {
        u32::from(self.year) * 12 + u32::from(self.month) - 1
    }

    /// The month with the given [`Month::index`].
    pub fn from_index(index: u32) -> Option<Month> {
        let year = u16::try_from(index / 12).ok()?;
        Month::new(year, (index % 12) as u8 + 1)
    }

    /// The month after this one.
    pub fn next(self) -> Option<Month> {
        Month::from_index(self.index() + 1)
    }

    /// Parses a strict `YYYY-MM-DD` date, checking the calendar, and returns its month.
    ///
    /// ```
    /// use adal_core::period::Month;
    /// assert_eq!(Month::from_date("2024-02-29").unwrap().to_string(), "2024-02");
    /// assert!(Month::from_date("2023-02-29").is_err());
    /// ```
    pub fn from_date(text: &str) -> Result<Month, PeriodError> {
        let date = calendar_date(text)?;
        Ok(Month {
            year: date.year() as u16,
            month: date.month() as u8,
        })
    }
}

/// The day `text` (`YYYY-MM-DD`, as [`Month::from_date`] reads it) names, as a day number: the
/// difference of two is the days between them.
pub fn day_number(text: &str) -> Result<i32, PeriodError> {
    calendar_date(text).map(time::Date::to_julian_day)
}

/// `YYYY-MM-DD`, a day that exists, of the years 1900 to 2999.
fn calendar_date(text: &str) -> Result<time::Date, PeriodError> {
    const FORM: PeriodError = PeriodError::Form {
        expected: "YYYY-MM-DD",
    };
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(FORM);
    }
    let year = digits(&b[0..4]).ok_or(FORM)?;
    let month = digits(&b[5..7]).ok_or(FORM)?;
    let day = digits(&b[8..10]).ok_or(FORM)?;
    if !(1900..=2999).contains(&year) {
        return Err(PeriodError::Year);
    }
    let calendar_month = time::Month::try_from(month as u8).map_err(|_| PeriodError::NoSuchDay)?;
    time::Date::from_calendar_date(i32::from(year), calendar_month, day as u8)
        .map_err(|_| PeriodError::NoSuchDay)
}

fn digits(b: &[u8]) -> Option<u16> {
    b.iter().try_fold(0u16, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + u16::from(c - b'0'))
    })
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for Month {
    type Err = PeriodError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const FORM: PeriodError = PeriodError::Form {
            expected: "YYYY-MM",
        };
        let b = s.as_bytes();
        if b.len() != 7 || b[4] != b'-' {
            return Err(FORM);
        }
        let year = digits(&b[0..4]).ok_or(FORM)?;
        let month = digits(&b[5..7]).ok_or(FORM)?;
        if !(1900..=2999).contains(&year) {
            return Err(PeriodError::Year);
        }
        Month::new(year, month as u8).ok_or(FORM)
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        text.parse()
            .map_err(|e| serde::de::Error::custom(format!("month «{text}»: expected {e}")))
    }
}

impl JsonSchema for Month {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Month".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A calendar month, YYYY-MM.",
            "pattern": "^[12][0-9]{3}-(0[1-9]|1[0-2])$"
        })
    }
}

/// The time a published visit is placed in: its month, or its quarter or year where k-anonymity
/// generalised it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PeriodLabel {
    /// `YYYY-MM`.
    Month(Month),
    /// `YYYY-Qn`.
    Quarter {
        /// The year.
        year: u16,
        /// 1 to 4.
        quarter: u8,
    },
    /// `YYYY`.
    Year(u16),
}

impl PeriodLabel {
    /// The first and last month the label covers.
    pub fn months(self) -> (Month, Month) {
        let whole_year = |year| (Month { year, month: 1 }, Month { year, month: 12 });
        match self {
            PeriodLabel::Month(m) => (m, m),
            PeriodLabel::Quarter { year, quarter } => (
                Month {
                    year,
                    month: quarter * 3 - 2,
                },
                Month {
                    year,
                    month: quarter * 3,
                },
            ),
            PeriodLabel::Year(year) => whole_year(year),
        }
    }

    /// The quarter containing a month.
    pub fn quarter_of(m: Month) -> PeriodLabel {
        PeriodLabel::Quarter {
            year: m.year,
            quarter: m.quarter(),
        }
    }
}

impl fmt::Display for PeriodLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PeriodLabel::Month(m) => m.fmt(f),
            PeriodLabel::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            PeriodLabel::Year(year) => write!(f, "{year:04}"),
        }
    }
}

impl FromStr for PeriodLabel {
    type Err = PeriodError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const FORM: PeriodError = PeriodError::Form {
            expected: "YYYY-MM, YYYY-Qn or YYYY",
        };
        let b = s.as_bytes();
        let year = b.get(0..4).and_then(digits).ok_or(FORM)?;
        if !(1900..=2999).contains(&year) {
            return Err(PeriodError::Year);
        }
        match b.len() {
            4 => Ok(PeriodLabel::Year(year)),
            7 if &b[4..6] == b"-Q" && (b'1'..=b'4').contains(&b[6]) => Ok(PeriodLabel::Quarter {
                year,
                quarter: b[6] - b'0',
            }),
            7 => s.parse().map(PeriodLabel::Month).map_err(|_| FORM),
            _ => Err(FORM),
        }
    }
}

impl Serialize for PeriodLabel {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PeriodLabel {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A visitor rather than a `String`: no allocation per cell of a bundle's period columns.
        struct Label;
        impl serde::de::Visitor<'_> for Label {
            type Value = PeriodLabel;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a period: YYYY-MM, YYYY-Qn or YYYY")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<PeriodLabel, E> {
                text.parse()
                    .map_err(|e| E::custom(format!("period «{text}»: expected {e}")))
            }
        }
        d.deserialize_str(Label)
    }
}

impl JsonSchema for PeriodLabel {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PeriodLabel".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A month (YYYY-MM), or a quarter (YYYY-Qn) or year (YYYY) where k-anonymity generalised the month.",
            "pattern": "^[12][0-9]{3}(-(0[1-9]|1[0-2])|-Q[1-4])?$"
        })
    }
}

/// A closed range of months, `from ..= to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// The first month.
    pub from: Month,
    /// The last month, included.
    pub to: Month,
}

impl Period {
    /// Whether the whole of `label` lies inside the period.
    pub fn covers(&self, label: PeriodLabel) -> bool {
        let (first, last) = label.months();
        first >= self.from && last <= self.to
    }

    /// Whether `label` overlaps the period (a year may run past the period's ends).
    pub fn overlaps(&self, label: PeriodLabel) -> bool {
        let (first, last) = label.months();
        last >= self.from && first <= self.to
    }

    /// Where a published `label` falls against this period, within the data's `bounds`: a quarter or year
    /// is first cut to the months the data cover (a bundle ending in September publishes its last year
    /// as `2026`, which then means January to September), so that a period ending with the data places it.
    pub fn place(&self, label: PeriodLabel, bounds: Period) -> Placement {
        let (first, last) = label.months();
        let (first, last) = (first.max(bounds.from), last.min(bounds.to));
        if last < self.from || first > self.to {
            Placement::Outside
        } else if first >= self.from && last <= self.to {
            Placement::Inside
        } else {
            Placement::Across
        }
    }

    /// Every month of the period, in order.
    pub fn months(&self) -> impl Iterator<Item = Month> + use<> {
        let (from, to) = (self.from.index(), self.to.index());
        (from..=to).filter_map(Month::from_index)
    }
}

/// Where a published time falls against a period: see [`Period::place`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// Wholly inside: counted.
    Inside,
    /// Partly inside: the record happened in or near the period but cannot be placed in it.
    Across,
    /// Wholly outside.
    Outside,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_against_the_calendar() {
        let cases = [
            ("2024-02-29", Ok("2024-02")),
            ("2023-12-31", Ok("2023-12")),
            ("2023-02-29", Err(PeriodError::NoSuchDay)),
            ("2023-04-31", Err(PeriodError::NoSuchDay)),
            ("2023-13-01", Err(PeriodError::NoSuchDay)),
            ("2023-00-10", Err(PeriodError::NoSuchDay)),
            (
                "2023-1-01",
                Err(PeriodError::Form {
                    expected: "YYYY-MM-DD",
                }),
            ),
            (
                "01.02.2023",
                Err(PeriodError::Form {
                    expected: "YYYY-MM-DD",
                }),
            ),
            (
                "2023-01-01T10:00",
                Err(PeriodError::Form {
                    expected: "YYYY-MM-DD",
                }),
            ),
            ("0023-01-01", Err(PeriodError::Year)),
            (
                "",
                Err(PeriodError::Form {
                    expected: "YYYY-MM-DD",
                }),
            ),
            (
                "２０２３-01-01",
                Err(PeriodError::Form {
                    expected: "YYYY-MM-DD",
                }),
            ),
        ];
        for (text, want) in cases {
            let got = Month::from_date(text).map(|m| m.to_string());
            assert_eq!(got, want.map(str::to_owned), "{text:?}");
        }
    }

    #[test]
    fn day_numbers_count_the_days_between_dates() {
        let day = |t: &str| day_number(t).unwrap();
        assert_eq!(day("2024-03-01") - day("2024-02-28"), 2);
        assert_eq!(day("2025-01-01") - day("2024-01-01"), 366);
        assert_eq!(day("2024-01-09") - day("2024-01-09"), 0);
        assert_eq!(day_number("2023-02-29"), Err(PeriodError::NoSuchDay));
        assert_eq!(
            day_number("9.1.2024"),
            Err(PeriodError::Form {
                expected: "YYYY-MM-DD"
            })
        );
    }

    #[test]
    fn period_labels_round_trip() {
        for text in ["2024-03", "2024-Q1", "2024-Q4", "2024"] {
            let label: PeriodLabel = text.parse().unwrap();
            assert_eq!(label.to_string(), text);
        }
        for bad in ["2024-Q5", "2024-13", "24", "2024-", "2024-Q", "abcd"] {
            assert!(bad.parse::<PeriodLabel>().is_err(), "{bad}");
        }
    }

    #[test]
    fn labels_cover_their_months() {
        let q: PeriodLabel = "2024-Q2".parse().unwrap();
        assert_eq!(q.months().0.to_string(), "2024-04");
        assert_eq!(q.months().1.to_string(), "2024-06");
        let period = Period {
            from: "2023-01".parse().unwrap(),
            to: "2024-05".parse().unwrap(),
        };
        assert!(!period.covers(q));
        assert!(period.overlaps(q));
        assert!(period.overlaps("2024".parse().unwrap()));
        assert!(!period.overlaps("2025-Q1".parse().unwrap()));
        assert_eq!(period.months().count(), 17);
        // The data end in May 2024: the year 2024 then means January to May, inside the period.
        assert_eq!(
            period.place("2024".parse().unwrap(), period),
            Placement::Inside
        );
        let wide = Period {
            from: "2020-01".parse().unwrap(),
            to: "2030-12".parse().unwrap(),
        };
        assert_eq!(
            period.place("2024".parse().unwrap(), wide),
            Placement::Across
        );
        assert_eq!(
            period.place("2022".parse().unwrap(), wide),
            Placement::Outside
        );
    }

    #[test]
    fn month_index_is_consecutive() {
        let dec: Month = "2023-12".parse().unwrap();
        assert_eq!(dec.next().unwrap().to_string(), "2024-01");
        assert_eq!(Month::from_index(dec.index()), Some(dec));
    }
}
