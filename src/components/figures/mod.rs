//! The key figures.

pub mod figure_card;
pub mod key_figures;
pub mod outcome_funnel;
