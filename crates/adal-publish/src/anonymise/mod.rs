//! Anonymisation: k-anonymity for visits by generalisation, and cell suppression for complaint counts.
//!
//! Both take validated records ([`crate::raw`]) and return what may be published, with the counts the
//! report needs. The guarantees hold by construction and are re-checked by [`adal_core::validate`].

mod audits;
mod complaints;

pub use audits::{AuditOutcome, LADDER, Level, PublishedVisit, anonymise_visits};
pub use complaints::{
    Breakdown, Cell, ComplaintOutcome, NOT_RECORDED, Total, suppress_complaints, suppress_findings,
};
