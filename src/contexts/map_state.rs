//! The map's state, provided once a dataset is loaded: the view read from the URL, the figures of the
//! chosen metric for every unit, their colour classes, and the unit under the pointer or focus.
//!
//! Changing the view writes the URL (defaults left out); everything else follows from the URL.

use std::sync::Arc;

use adal_core::aggregate::{Filter, MapFigures, frame_values};
use adal_core::binning::{Classes, bin};
use adal_core::geo::Point;
use adal_core::period::Period;
use adal_core::view::{MapView, Notice, State, ViewKind, full_view_query};
use leptos::prelude::*;

use crate::contexts::dataset::Loaded;
use crate::contexts::view_state::use_view_state;

/// The map's state.
#[derive(Clone, Copy)]
pub struct MapState {
    /// The dataset.
    pub loaded: StoredValue<Arc<Loaded>>,
    /// The default period (the last twelve months of data).
    pub default_period: Period,
    /// The view, and the URL values that were ignored.
    pub view: Memo<(MapView, Vec<Notice>)>,
    /// The chosen metric for every unit.
    pub figures: Memo<Arc<MapFigures>>,
    /// Colour classes of the units' values.
    pub classes: Memo<Option<Classes>>,
    /// Unit centres, in the order of the map file.
    pub centres: StoredValue<Arc<Vec<Point>>>,
    /// The unit whose tooltip shows.
    pub hover: RwSignal<Option<String>>,
    /// Whether the table replaces the map.
    pub show_table: RwSignal<bool>,
    /// The site's part of the view state (language, theme, dataset).
    site: Memo<adal_core::view::Site>,
    /// The view's query string and address, captured here so that callbacks outside the component tree
    /// (timers, window listeners) can change the view without looking up a context.
    location: crate::contexts::location::Location,
}

/// Milliseconds since the page started, for the benchmark figures.
fn now() -> f64 {
    #[cfg(feature = "hydrate")]
    return window().performance().map_or(0.0, |p| p.now());
    #[cfg(not(feature = "hydrate"))]
    0.0
}

/// Leaves the last aggregation time where the browser benchmark reads it (`window.__adalAggregationMs`).
fn record_aggregation(ms: f64) {
    #[cfg(feature = "hydrate")]
    let _ = js_sys::Reflect::set(&window(), &"__adalAggregationMs".into(), &ms.into());
    #[cfg(not(feature = "hydrate"))]
    let _ = ms;
}

impl MapState {
    /// The view, without the notices.
    pub fn current(&self) -> MapView {
        self.view.with(|(v, _)| v.clone())
    }

    /// Changes the view by writing the URL.
    pub fn update(&self, change: impl FnOnce(&mut MapView)) {
        self.location.navigate(&self.view_query(change));
    }

    /// Opens the page of the unit `code`.
    pub fn open_region(&self, code: &str) {
        let code = code.to_owned();
        // An embed stays the piece it is: the unit opens in the full view, in a new tab.
        if self.view.with_untracked(|(v, _)| v.embed.is_some()) {
            let view = self.view_query(|v| {
                v.kind = ViewKind::Region;
                v.region = Some(code);
            });
            let href = self.location.href(&full_view_query(&view));
            let _ = window().open_with_url_and_target(&href, "_blank");
            return;
        }
        self.update(|v| {
            v.kind = ViewKind::Region;
            v.region = Some(code);
        });
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }

    /// The view changed by `change`, keeping the other parameters, as a query string.
    pub fn view_query(&self, change: impl FnOnce(&mut MapView)) -> String {
        let mut state = State {
            site: self.site.get_untracked(),
            view: self.current(),
        };
        change(&mut state.view);
        state.write(&self.location.search.get_untracked(), self.default_period)
    }

    /// A link to the view changed by `change`: the address of its page ([`Location::href`]).
    ///
    /// [`Location::href`]: crate::contexts::location::Location::href
    pub fn link(&self, change: impl FnOnce(&mut MapView)) -> String {
        self.location.href(&self.view_query(change))
    }
}

/// Provides the map state for `loaded`.
pub fn provide_map_state(loaded: Arc<Loaded>) -> MapState {
    let view_state = use_view_state();
    let default_period = loaded.dataset.default_period();
    let stored = StoredValue::new(loaded.clone());
    let view = Memo::new(move |_| {
        let search = view_state.search.get();
        let (state, notices) =
            stored.with_value(|l| State::read(&search, &l.dataset.manifest, default_period));
        (state.view, notices)
    });
    // Figures by service or channel are worked out again once the cells by both are in.
    let detail = crate::contexts::dataset::use_dataset().detail;
    let figures = Memo::new(move |_| {
        detail.track();
        let (v, _) = view.get();
        let start = now();
        let figures = stored.with_value(|l| l.map_figures(v.metric, &v.filter(), v.min_visits));
        record_aggregation(now() - start);
        figures
    });
    // While the map shows one of Play's frames, its classes are computed over all frames, so that a
    // colour means the same value in every frame; any other period is classed on its own values.
    let frames = Arc::new(loaded.dataset.play_frames());
    let frame_filter = Memo::new(move |_| {
        view.with(|(v, _)| (v.metric, v.service.clone(), v.channel.clone(), v.min_visits))
    });
    let frame_values = {
        let frames = frames.clone();
        Memo::new(move |_| {
            detail.track();
            let (metric, service, channel, min_visits) = frame_filter.get();
            let filter = Filter {
                period: default_period,
                service,
                channel,
            };
            stored.with_value(|l| frame_values(&l.dataset, metric, &filter, &frames, min_visits))
        })
    };
    let classes = Memo::new(move |_| {
        let (method, period) = view.with(|(v, _)| (v.method.clone(), v.period));
        if frames.contains(&period) {
            return frame_values.with(|values| bin(values, &method));
        }
        let values: Vec<Option<f64>> =
            figures.with(|f| f.regions.iter().map(|r| r.value).collect());
        bin(&values, &method)
    });
    let centres = loaded
        .geo
        .units
        .iter()
        .map(|u| u.centre())
        .collect::<Vec<_>>();
    let location = crate::contexts::location::use_location();
    let state = MapState {
        loaded: stored,
        default_period,
        view,
        figures,
        classes,
        centres: StoredValue::new(Arc::new(centres)),
        hover: RwSignal::new(None),
        show_table: RwSignal::new(false),
        site: view_state.site,
        location,
    };
    provide_context(state);
    state
}

/// The map state provided by [`provide_map_state`].
pub fn use_map_state() -> MapState {
    expect_context::<MapState>()
}
