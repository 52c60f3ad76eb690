//! Reading the raw CSV files a monitoring organisation holds, and turning each row into a validated
//! record or a [`Rejection`] that says where and why.
//!
//! Raw rows are untrusted and full of personal data. Only the allow-listed columns are ever decoded:
//! the personal ones (`visit_id, office, shopper, shopper_phone, comment, complaint_id, complainant,
//! complainant_iin, text`, and the recommendations' `finding_id, office, recommendation, responsible`)
//! and unknown columns are skipped unread, so their values cannot reach a record, a report or a
//! message. Values echoed in a rejection are shown only when they cannot be a phone number, an IIN or
//! an e-mail address ([`values::describe_found`]).

mod audits;
mod complaints;
mod findings;
mod table;
pub mod values;

pub use audits::{AUDIT_COLUMNS, Visit, read_audits};
pub use complaints::{COMPLAINT_COLUMNS, Complaint, read_complaints};
pub use findings::{FINDING_COLUMNS, Finding, read_findings};
pub use table::{Column, FileError, Parsed, Rejection, Role};
