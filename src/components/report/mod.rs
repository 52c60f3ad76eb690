//! Where to report corruption.

pub mod report_panel;
