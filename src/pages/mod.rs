//! One screen each: the overview (map, ranking, key figures, reporting), a unit's page, the comparison,
//! and the data and method.

pub mod compare_page;
pub mod data_page;
pub mod embed_page;
pub mod overview_page;
pub mod region_page;
