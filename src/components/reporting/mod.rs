//! Where to report corruption.

pub mod reporting_panel;
pub mod rights_guide;
