//! The page footer.

pub mod site_footer;
