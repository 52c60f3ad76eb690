//! `findings.csv` (optional): one row per recommendation given to a service provider after an audit,
//! read into [`Finding`]s.

use std::io::Read;

use super::table::{Column, FileError, Parsed, RegionLookup, Role, TermLookup, read_table};
use super::values::ValueKind;
use crate::taxonomy::{TermList, finding_states};
use adal_core::period::{Month, Period};

/// The known columns of `findings.csv`. The order is the index used by the parser below.
pub const FINDING_COLUMNS: &[Column] = &[
    Column {
        name: "issued_date",
        role: Role::Published(ValueKind::Numeric),
    },
    Column {
        name: "region",
        role: Role::Published(ValueKind::Text),
    },
    Column {
        name: "state",
        role: Role::Published(ValueKind::Text),
    },
    Column {
        name: "finding_id",
        role: Role::Personal,
    },
    Column {
        name: "office",
        role: Role::Personal,
    },
    Column {
        name: "recommendation",
        role: Role::Personal,
    },
    Column {
        name: "responsible",
        role: Role::Personal,
    },
];

/// A valid recommendation, holding only what may be published.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Finding {
    /// Index into [`adal_core::regions::all`].
    pub region: u8,
    /// The month it was given.
    pub month: Month,
    /// Index into [`finding_states`]: how far it was put into practice.
    pub state: u8,
}

/// Reads `findings.csv`; with `within`, a recommendation given outside that period (the audits' and
/// complaints') is rejected, naming `issued_date`.
pub fn read_findings<R: Read>(
    input: R,
    within: Option<Period>,
) -> Result<Parsed<Finding>, FileError> {
    let mut regions = RegionLookup::new();
    let state_list = TermList::new(finding_states());
    let mut states = TermLookup::new(&state_list, "recommendation states");
    read_table(input, FINDING_COLUMNS, |row| {
        let month = row.parse(0, Month::from_date);
        let region = row.parse(1, |t| regions.resolve(t));
        let state = row.parse(2, |t| states.resolve(t).map(|i| i as u8));
        let month = month?;
        if let Some(p) = within
            && (month < p.from || month > p.to)
        {
            row.problem(
                0,
                format!(
                    "a date within the audits' and complaints' period, {} to {}",
                    p.from, p.to
                ),
                format!("a date in {month}"),
            );
            return None;
        }
        Some(Finding {
            region: region?,
            month,
            state: state?,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use adal_core::regions;

    #[test]
    fn findings_are_read_and_bad_rows_rejected() {
        let csv = "finding_id,issued_date,region,state,office,recommendation,responsible\n\
                   F1,2024-02-01,Жамбыл облысы,implemented,ЦОН №2,\"Убрать «помощников» у входа\",Иванов И.\n\
                   F2,2024-02-03,KZ-31,Выполнено частично,x,y,z\n\
                   F3,2024-02-03,KZ-31,lost,x,y,+77011234567\n\
                   F4,3.2.2024,KZ-31,overdue,x,y,z\n\
                   F5,2024-06-30,KZ-31,overdue,x,y,z\n";
        let within = Period {
            from: "2024-01".parse().expect("month"),
            to: "2024-05".parse().expect("month"),
        };
        let p = read_findings(csv.as_bytes(), Some(within)).expect("readable");
        assert_eq!(p.rows_read, 5);
        let got: Vec<_> = p
            .records
            .iter()
            .map(|f| {
                (
                    regions::all()[f.region as usize].code.as_str(),
                    f.month.to_string(),
                    f.state,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("KZ-31", "2024-02".to_owned(), 0),
                ("KZ-31", "2024-02".to_owned(), 1)
            ]
        );
        let why: Vec<_> = p
            .rejected
            .iter()
            .map(|r| (r.line, r.column.as_deref(), r.reason.as_str()))
            .collect();
        assert_eq!(
            why,
            [
                (
                    4,
                    Some("state"),
                    "expected one of the recommendation states (implemented, partly_implemented, not_implemented, overdue), found \"lost\""
                ),
                (
                    5,
                    Some("issued_date"),
                    "expected the form YYYY-MM-DD, found \"3.2.2024\""
                ),
                (
                    6,
                    Some("issued_date"),
                    "expected a date within the audits' and complaints' period, 2024-01 to 2024-05, found a date in 2024-06"
                ),
            ]
        );
        assert_eq!(
            p.personal_columns,
            ["finding_id", "office", "recommendation", "responsible"]
        );
    }
}
