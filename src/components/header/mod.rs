//! The page header.

pub mod demo_banner;
pub mod language_switcher;
pub mod site_header;
pub mod view_nav;
