//! `audits.csv`: one row per mystery-shopper visit, read into [`Visit`]s.

use std::io::Read;

use super::table::{Column, FileError, Parsed, RegionLookup, Role, TermLookup, read_table};
use super::values::{self, ValueKind};
use crate::taxonomy::Taxonomy;
use adal_core::period::Month;

const NUM: Role = Role::Published(ValueKind::Numeric);
const TEXT: Role = Role::Published(ValueKind::Text);

/// The known columns of `audits.csv`. The order is the index used by the parser below.
pub const AUDIT_COLUMNS: &[Column] = &[
    Column {
        name: "visit_date",
        role: NUM,
    },
    Column {
        name: "region",
        role: TEXT,
    },
    Column {
        name: "service",
        role: TEXT,
    },
    Column {
        name: "channel",
        role: TEXT,
    },
    Column {
        name: "score_waiting",
        role: NUM,
    },
    Column {
        name: "score_courtesy",
        role: NUM,
    },
    Column {
        name: "score_information",
        role: NUM,
    },
    Column {
        name: "score_accessibility",
        role: NUM,
    },
    Column {
        name: "score_outcome",
        role: NUM,
    },
    Column {
        name: "wait_minutes",
        role: NUM,
    },
    Column {
        name: "informal_payment_requested",
        role: TEXT,
    },
    Column {
        name: "intermediary_offered",
        role: TEXT,
    },
    Column {
        name: "service_completed",
        role: TEXT,
    },
    Column {
        name: "visit_id",
        role: Role::Personal,
    },
    Column {
        name: "office",
        role: Role::Personal,
    },
    Column {
        name: "shopper",
        role: Role::Personal,
    },
    Column {
        name: "shopper_phone",
        role: Role::Personal,
    },
    Column {
        name: "comment",
        role: Role::Personal,
    },
];

/// A valid visit, holding only what may be published. Indices refer to [`regions::all`] and to the
/// taxonomy's lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Visit {
    /// Index into [`regions::all`].
    pub region: u8,
    /// The month of the visit (the day is dropped on reading).
    pub month: Month,
    /// Index into the services.
    pub service: u16,
    /// Index into the audit channels.
    pub channel: u8,
    /// Waiting, courtesy, information, accessibility, outcome: 1–5 or not assessed.
    pub scores: [Option<u8>; 5],
    /// Minutes waited.
    pub wait_minutes: Option<u32>,
    /// An informal payment was requested.
    pub informal_payment: Option<bool>,
    /// An intermediary was offered.
    pub intermediary: Option<bool>,
    /// The service was delivered.
    pub completed: Option<bool>,
}

/// Reads `audits.csv`. File-level problems (no header, a required column missing) are errors; row-level
/// problems are collected in [`Parsed::rejected`].
pub fn read_audits<R: Read>(input: R, taxonomy: &Taxonomy) -> Result<Parsed<Visit>, FileError> {
    let mut regions = RegionLookup::new();
    let mut services = TermLookup::new(&taxonomy.services, "services");
    let mut channels = TermLookup::new(&taxonomy.audit_channels, "channels");
    read_table(input, AUDIT_COLUMNS, |row| {
        let month = row.parse(0, Month::from_date);
        let region = row.parse(1, |t| regions.resolve(t));
        let service = row.parse(2, |t| services.resolve(t).map(|i| i as u16));
        let channel = row.parse(3, |t| channels.resolve(t).map(|i| i as u8));
        let mut scores = [None; 5];
        let mut scores_ok = true;
        for (k, slot) in scores.iter_mut().enumerate() {
            match row.parse(4 + k, values::score) {
                Some(s) => *slot = s,
                None => scores_ok = false,
            }
        }
        let wait_minutes = row.parse(9, values::minutes);
        let informal_payment = row.parse(10, values::yes_no);
        let intermediary = row.parse(11, values::yes_no);
        let completed = row.parse(12, values::yes_no);
        scores_ok.then_some(())?;
        Some(Visit {
            region: region?,
            month: month?,
            service: service?,
            channel: channel?,
            scores,
            wait_minutes: wait_minutes?,
            informal_payment: informal_payment?,
            intermediary: intermediary?,
            completed: completed?,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use adal_core::regions;

    const HEADER: &str = "visit_id,visit_date,region,office,service,channel,shopper,shopper_phone,score_waiting,score_courtesy,score_information,score_accessibility,score_outcome,wait_minutes,informal_payment_requested,intermediary_offered,service_completed,comment\n";

    fn read(body: &str) -> Parsed<Visit> {
        read_audits(format!("{HEADER}{body}").as_bytes(), &Taxonomy::default()).expect("readable")
    }

    #[test]
    fn a_valid_row_keeps_only_publishable_fields() {
        let p = read(
            "V1,2024-03-15,KZ-75,ЦОН №2,healthcare,in_person,Айгерім Сейт,+77011234567,5,4,,3,2,17,нет,no,да,\"Кезек ұзын, бірақ\nжылдам\"\n",
        );
        assert_eq!(p.rows_read, 1);
        assert!(p.rejected.is_empty(), "{:?}", p.rejected);
        let v = p.records[0];
        assert_eq!(regions::all()[v.region as usize].code, "KZ-75");
        assert_eq!(v.month.to_string(), "2024-03");
        assert_eq!(v.scores, [Some(5), Some(4), None, Some(3), Some(2)]);
        assert_eq!(v.wait_minutes, Some(17));
        assert_eq!(
            (v.informal_payment, v.intermediary, v.completed),
            (Some(false), Some(false), Some(true))
        );
        assert_eq!(
            p.personal_columns,
            ["visit_id", "office", "shopper", "shopper_phone", "comment"]
        );
    }

    #[test]
    fn every_kind_of_bad_field_is_rejected_with_line_and_column() {
        let rows = [
            (
                "V,2024-02-30,KZ-75,o,healthcare,in_person,s,p,5,5,5,5,5,1,no,no,yes,c",
                "visit_date",
            ),
            (
                "V,2024-02-01,Atlantis,o,healthcare,in_person,s,p,5,5,5,5,5,1,no,no,yes,c",
                "region",
            ),
            (
                "V,2024-02-01,KZ-75,o,astrology,in_person,s,p,5,5,5,5,5,1,no,no,yes,c",
                "service",
            ),
            (
                "V,2024-02-01,KZ-75,o,healthcare,pigeon,s,p,5,5,5,5,5,1,no,no,yes,c",
                "channel",
            ),
            (
                "V,2024-02-01,KZ-75,o,healthcare,in_person,s,p,6,5,5,5,5,1,no,no,yes,c",
                "score_waiting",
            ),
            (
                "V,2024-02-01,KZ-75,o,healthcare,in_person,s,p,5,5,5,5,0,1,no,no,yes,c",
                "score_outcome",
            ),
            (
                "V,2024-02-01,KZ-75,o,healthcare,in_person,s,p,5,5,5,5,5,-4,no,no,yes,c",
                "wait_minutes",
            ),
            (
                "V,2024-02-01,KZ-75,o,healthcare,in_person,s,p,5,5,5,5,5,1,maybe,no,yes,c",
                "informal_payment_requested",
            ),
            (
                "V,2024-02-01,KZ-75,o,healthcare,in_person,s,p,5,5,5,5,5,1,no,2,yes,c",
                "intermediary_offered",
            ),
            (
                "V,2024-02-01,KZ-75,o,healthcare,in_person,s,p,5,5,5,5,5,1,no,no,?,c",
                "service_completed",
            ),
            (
                "V,,KZ-75,o,healthcare,in_person,s,p,5,5,5,5,5,1,no,no,yes,c",
                "visit_date",
            ),
        ];
        let body: String = rows.iter().map(|(r, _)| format!("{r}\n")).collect();
        let p = read(&body);
        assert_eq!(p.rows_read, rows.len() as u64);
        assert!(p.records.is_empty());
        for (i, ((_, column), rejection)) in rows.iter().zip(&p.rejected).enumerate() {
            assert_eq!(rejection.line, i as u64 + 2);
            assert_eq!(rejection.column.as_deref(), Some(*column), "{rejection:?}");
            assert!(rejection.reason.starts_with("expected "), "{rejection:?}");
        }
    }

    #[test]
    fn all_problems_of_a_row_are_reported_together() {
        let p = read("V,2024-13-01,Atlantis,o,healthcare,in_person,s,p,9,5,5,5,5,1,no,no,yes,c\n");
        let r = &p.rejected[0];
        assert_eq!(r.column.as_deref(), Some("visit_date"));
        let also: Vec<&str> = r.also.iter().map(|a| a.column.as_str()).collect();
        assert_eq!(also, ["region", "score_waiting"]);
        assert!(r.reason.contains("\"2024-13-01\""), "{}", r.reason);
    }

    #[test]
    fn a_row_with_the_wrong_number_of_fields_is_rejected_whole() {
        let p = read(
            "V,2024-02-01,KZ-75,o,healthcare,in_person,s,p,5,5,5,5,5,1,no,no,yes,c,extra, with comma\n",
        );
        assert_eq!(p.rejected[0].column, None);
        assert!(p.rejected[0].reason.contains("expected 18 fields"));
    }

    #[test]
    fn a_missing_required_column_is_a_file_error() {
        let csv = "visit_date,region,service\n2024-01-01,KZ-75,healthcare\n";
        let err = read_audits(csv.as_bytes(), &Taxonomy::default()).expect_err("missing columns");
        assert!(
            matches!(err, FileError::MissingColumns { ref missing, .. } if missing.contains(&"channel".to_owned()))
        );
        assert_eq!(
            read_audits(&b""[..], &Taxonomy::default()),
            Err(FileError::Empty)
        );
    }

    #[test]
    fn columns_are_found_in_any_order_and_unknown_ones_are_listed() {
        let csv = "\u{feff}Service,Region,Channel,Visit_Date,score_waiting,score_courtesy,score_information,score_accessibility,score_outcome,wait_minutes,informal_payment_requested,intermediary_offered,service_completed,inspector_notes\r\n\
                   Здравоохранение,Алматы қаласы,Лично,2023-05-02,1,2,3,4,5,,true,false,1,secret\r\n";
        let p = read_audits(csv.as_bytes(), &Taxonomy::default()).expect("readable");
        assert!(p.rejected.is_empty(), "{:?}", p.rejected);
        assert_eq!(p.unknown_columns, ["inspector_notes"]);
        assert!(p.personal_columns.is_empty());
        assert_eq!(regions::all()[p.records[0].region as usize].code, "KZ-75");
    }

    #[test]
    fn invalid_utf8_in_a_published_column_is_rejected_but_ignored_in_a_personal_one() {
        let mut bytes = HEADER.as_bytes().to_vec();
        bytes.extend_from_slice(
            b"V,2024-02-01,KZ-75,o,healthcare,in_person,\xff\xfe,p,5,5,5,5,5,1,no,no,yes,c\n",
        );
        bytes.extend_from_slice(
            b"V,2024-02-01,KZ-7\xff,o,healthcare,in_person,s,p,5,5,5,5,5,1,no,no,yes,c\n",
        );
        let p = read_audits(&bytes[..], &Taxonomy::default()).expect("readable");
        assert_eq!(p.records.len(), 1);
        assert_eq!(p.rejected.len(), 1);
        assert_eq!(p.rejected[0].column.as_deref(), Some("region"));
        assert!(p.rejected[0].reason.contains("UTF-8"));
    }
}
