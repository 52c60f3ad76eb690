//! Where to report corruption.

pub mod reporting_panel;
