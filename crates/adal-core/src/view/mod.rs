//! The view state: one typed value, [`State`], that a URL's query string is read into and printed from.
//! [`KEYS`] is the one table of its keys: `lang`, `theme`, `dataset`, `view`, `region`, `compare`,
//! `metric`, `period`, the filters (`service`, `channel`, `classes`, `min_visits`), and for an
//! `<iframe>` `embed` with `plain` and `static`; `v` is the link format's version. Reading never fails:
//! an invalid value falls back to its default and leaves a [`Notice`] for a short message. Printing
//! leaves defaults out, keeps parameters that are not view state, and reads back as the same value.
//!
//! [`Site`], the language, theme and dataset, is read before any dataset is loaded; [`MapView`], the rest,
//! is checked against the dataset's manifest.

mod embed;
mod keys;
mod kind;
mod map_view;
mod notice;
mod site;

pub use embed::{Embed, LINK_VERSION, embed_query, full_view_query, link_query, read_embed};
pub use keys::{KEYS, Key, KeyInfo, Place};
pub use kind::{EmbedKind, ViewKind};
pub use map_view::{
    DEFAULT_MIN_VISITS, MAX_COMPARE, MapView, classes_param, parse_period, period_param,
    read_map_view, write_map_view,
};
pub use notice::Notice;
pub use site::{Site, Theme};

use crate::contract::Manifest;
use crate::period::Period;

/// The whole view state: the site's part and the view of the dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The language, theme and dataset.
    pub site: Site,
    /// The page and what it shows.
    pub view: MapView,
}

impl State {
    /// Reads the view state from a query string, checking the view against the dataset's manifest.
    pub fn read(search: &str, manifest: &Manifest, default_period: Period) -> (State, Vec<Notice>) {
        let (site, mut notices) = Site::read(search);
        let (view, more) = read_map_view(search, manifest, default_period);
        notices.extend(more);
        (State { site, view }, notices)
    }

    /// `search` with the view state written: defaults left out, other parameters kept in their place.
    pub fn write(&self, search: &str, default_period: Period) -> String {
        write_map_view(&self.site.write(search), &self.view, default_period)
    }
}
