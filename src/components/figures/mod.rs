//! The key figures.

pub mod figure_card;
pub mod funnel_parts;
pub mod key_figures;
pub mod outcome_funnel;
pub mod recommendations;
