//! `complaints.csv`: one row per corruption complaint, read into [`Complaint`]s.

use std::io::Read;

use super::table::{Column, FileError, Parsed, RegionLookup, Role, TermLookup, read_table};
use super::values::ValueKind;
use crate::taxonomy::{Taxonomy, TermList, outcome_stages};
use adal_core::period::{Month, day_number};

/// The known columns of `complaints.csv`. The order is the index used by the parser below.
pub const COMPLAINT_COLUMNS: &[Column] = &[
    Column {
        name: "received_date",
        role: Role::Published(ValueKind::Numeric),
    },
    Column {
        name: "region",
        role: Role::Published(ValueKind::Text),
    },
    Column {
        name: "category",
        role: Role::Published(ValueKind::Text),
    },
    Column {
        name: "channel",
        role: Role::Published(ValueKind::Text),
    },
    Column {
        name: "complaint_id",
        role: Role::Personal,
    },
    Column {
        name: "complainant",
        role: Role::Personal,
    },
    Column {
        name: "complainant_iin",
        role: Role::Personal,
    },
    Column {
        name: "text",
        role: Role::Personal,
    },
    // What came of it, where the publisher knows: the stage its handling ended at, and the date of that
    // last step (docs/data-format.md). Both may be left out of the file, or empty in a row.
    Column {
        name: "outcome",
        role: Role::Optional(ValueKind::Text),
    },
    Column {
        name: "outcome_date",
        role: Role::Optional(ValueKind::Numeric),
    },
];

/// A valid complaint, holding only what may be published.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Complaint {
    /// Index into [`regions::all`].
    pub region: u8,
    /// The month it was received.
    pub month: Month,
    /// Index into the complaint categories.
    pub category: u16,
    /// Index into the complaint channels.
    pub channel: u8,
    /// Index into [`outcome_stages`]: the stage its handling ended at, where the file says.
    pub outcome: Option<u8>,
    /// Days from its receipt to the last step, where the file dates it.
    pub outcome_days: Option<u16>,
}

/// Reads `complaints.csv`.
pub fn read_complaints<R: Read>(
    input: R,
    taxonomy: &Taxonomy,
) -> Result<Parsed<Complaint>, FileError> {
    let mut regions = RegionLookup::new();
    let mut categories = TermLookup::new(&taxonomy.complaint_categories, "categories");
    let mut channels = TermLookup::new(&taxonomy.complaint_channels, "channels");
    let stage_list = TermList::new(outcome_stages());
    let mut stages = TermLookup::new(&stage_list, "outcome stages");
    read_table(input, COMPLAINT_COLUMNS, |row| {
        let received = row.parse(0, |t| {
            Ok::<_, adal_core::period::PeriodError>((Month::from_date(t)?, day_number(t)?))
        });
        let region = row.parse(1, |t| regions.resolve(t));
        let category = row.parse(2, |t| categories.resolve(t).map(|i| i as u16));
        let channel = row.parse(3, |t| channels.resolve(t).map(|i| i as u8));
        let outcome = row.parse(8, |t| optional(t, |t| stages.resolve(t).map(|i| i as u8)));
        let last_step = row.parse(9, |t| optional(t, day_number));
        let (month, received_day) = received?;
        let (outcome, last_step) = (outcome?, last_step?);
        let outcome_days = match (outcome, last_step) {
            (_, None) => None,
            (None, Some(_)) => {
                row.problem(
                    9,
                    "a date only with a stage in «outcome»".to_owned(),
                    "a date and no stage".to_owned(),
                );
                return None;
            }
            (Some(_), Some(day)) if day < received_day => {
                row.problem(
                    9,
                    "the date of the last step, not before «received_date»".to_owned(),
                    "a date before it".to_owned(),
                );
                return None;
            }
            (Some(_), Some(day)) => Some(u16::try_from(day - received_day).unwrap_or(u16::MAX)),
        };
        Some(Complaint {
            region: region?,
            month,
            category: category?,
            channel: channel?,
            outcome,
            outcome_days,
        })
    })
}

/// An optional field: empty is `None`, anything else is read by `parse`.
fn optional<T, E>(text: &str, parse: impl FnOnce(&str) -> Result<T, E>) -> Result<Option<T>, E> {
    if text.is_empty() {
        Ok(None)
    } else {
        parse(text).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use adal_core::regions;

    #[test]
    fn complaints_are_read_and_bad_rows_rejected() {
        let csv = "complaint_id,received_date,region,category,channel,complainant,complainant_iin,text\n\
                   C1,2024-01-09,Жамбыл облысы,bribery,hotline_1424,Иван Петров,900101300123,\"Просили деньги, \"\"за скорость\"\"\"\n\
                   C2,2024-01-09,KZ-31,theft,hotline_1424,x,y,z\n\
                   C3,9.1.2024,KZ-31,bribery,fax,x,y,z\n";
        let p = read_complaints(csv.as_bytes(), &Taxonomy::default()).expect("readable");
        assert_eq!(p.rows_read, 3);
        assert_eq!(p.records.len(), 1);
        assert_eq!(regions::all()[p.records[0].region as usize].code, "KZ-31");
        assert_eq!(p.rejected[0].column.as_deref(), Some("category"));
        assert_eq!(p.rejected[1].column.as_deref(), Some("received_date"));
        assert_eq!(p.rejected[1].also[0].column, "channel");
        assert_eq!(
            p.personal_columns,
            ["complaint_id", "complainant", "complainant_iin", "text"]
        );
        assert_eq!(
            (p.records[0].outcome, p.records[0].outcome_days),
            (None, None)
        );
    }

    #[test]
    fn outcomes_are_read_where_the_file_has_them() {
        let csv = "received_date,region,category,channel,outcome,outcome_date\n\
                   2024-01-09,KZ-31,bribery,hotline_1424,investigation,2024-03-01\n\
                   2024-01-09,KZ-31,bribery,hotline_1424,Дело направлено в суд,\n\
                   2024-01-09,KZ-31,bribery,hotline_1424,,\n\
                   2024-01-09,KZ-31,bribery,hotline_1424,,2024-02-01\n\
                   2024-01-09,KZ-31,bribery,hotline_1424,court,2024-01-08\n\
                   2024-01-09,KZ-31,bribery,hotline_1424,acquitted,2024-02-01\n\
                   2024-01-09,KZ-31,bribery,hotline_1424,court,1.2.2024\n";
        let p = read_complaints(csv.as_bytes(), &Taxonomy::default()).expect("readable");
        let got: Vec<_> = p
            .records
            .iter()
            .map(|c| (c.outcome, c.outcome_days))
            .collect();
        // investigation (4) after 52 days; court (5) undated; none recorded.
        assert_eq!(got, [(Some(4), Some(52)), (Some(5), None), (None, None)]);
        let why: Vec<_> = p
            .rejected
            .iter()
            .map(|r| (r.line, r.column.as_deref(), r.reason.as_str()))
            .collect();
        assert_eq!(
            why,
            [
                (
                    5,
                    Some("outcome_date"),
                    "expected a date only with a stage in «outcome», found a date and no stage"
                ),
                (
                    6,
                    Some("outcome_date"),
                    "expected the date of the last step, not before «received_date», found a date before it"
                ),
                (
                    7,
                    Some("outcome"),
                    "expected one of the outcome stages (registered, forwarded, explained, closed_no_offence, investigation, court), found \"acquitted\""
                ),
                (
                    8,
                    Some("outcome_date"),
                    "expected the form YYYY-MM-DD, found \"1.2.2024\""
                ),
            ]
        );
    }
}
