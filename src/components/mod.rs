//! Components, one per file, grouped by feature.

pub mod chart;
pub mod figures;
pub mod footer;
pub mod header;
pub mod later;
pub mod map;
pub mod reporting;
pub mod status;
pub mod trends;
