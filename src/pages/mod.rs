//! One routed screen each. This version has the overview; the region, compare and data views follow.

pub mod overview_page;
