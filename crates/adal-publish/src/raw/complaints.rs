//! `complaints.csv`: one row per corruption complaint, read into [`Complaint`]s.

use std::io::Read;

use super::table::{Column, FileError, Parsed, RegionLookup, Role, TermLookup, read_table};
use super::values::ValueKind;
use crate::taxonomy::Taxonomy;
use adal_core::period::Month;

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
}

/// Reads `complaints.csv`.
pub fn read_complaints<R: Read>(
    input: R,
    taxonomy: &Taxonomy,
) -> Result<Parsed<Complaint>, FileError> {
    let mut regions = RegionLookup::new();
    let mut categories = TermLookup::new(&taxonomy.complaint_categories, "categories");
    let mut channels = TermLookup::new(&taxonomy.complaint_channels, "channels");
    read_table(input, COMPLAINT_COLUMNS, |row| {
        let month = row.parse(0, Month::from_date);
        let region = row.parse(1, |t| regions.resolve(t));
        let category = row.parse(2, |t| categories.resolve(t).map(|i| i as u16));
        let channel = row.parse(3, |t| channels.resolve(t).map(|i| i as u8));
        Some(Complaint {
            region: region?,
            month: month?,
            category: category?,
            channel: channel?,
        })
    })
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
    }
}
