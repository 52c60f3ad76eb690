//! The map section: controls, the map or the table, the legend and the written summary.

use leptos::prelude::*;

use super::map_controls::MapControls;
use super::map_legend::MapLegend;
use super::map_summary::MapSummary;
use super::region_map::RegionMap;
use super::region_table::RegionTable;
use crate::contexts::map_state::use_map_state;
use crate::i18n::{t, use_i18n};

/// The section.
#[component]
pub fn MapSection() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_map_state();
    view! {
        <section class="map-section" aria-labelledby="map-heading">
            <h2 id="map-heading">{t!(i18n, map_heading)}</h2>
            <MapControls />
            <Show when=move || state.show_table.get() fallback=|| view! { <RegionMap /> <MapLegend /> }>
                <RegionTable />
            </Show>
            <MapSummary />
        </section>
    }
}
