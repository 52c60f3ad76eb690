//! One screen each: the overview (map, key figures, reporting) and a unit's page.

pub mod overview_page;
pub mod region_page;
