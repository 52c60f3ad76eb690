//! Loading, errors and notices.

pub mod dataset_notice;
pub mod detail_gate;
pub mod load_error;
pub mod loading_status;
