//! Contexts provided once at the top of the app.

pub mod dataset;
pub mod location;
pub mod map_state;
pub mod ready;
pub mod view_state;
