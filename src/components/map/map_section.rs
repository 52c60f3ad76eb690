//! The map section: controls, notices about ignored URL values, the map or the table, the legend and the
//! written summary.

use leptos::prelude::*;

use super::map_controls::MapControls;
use super::map_legend::MapLegend;
use super::map_summary::MapSummary;
use super::region_map::RegionMap;
use super::region_table::RegionTable;
use crate::contexts::map_state::use_map_state;
use crate::i18n::{t, t_string, use_i18n};

/// The section.
#[component]
pub fn MapSection() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_map_state();
    let notices = move || {
        state.view.with(|(_, notices)| {
            notices
                .iter()
                .map(|n| {
                    let (key, value) = (n.key(), n.value().to_owned());
                    view! {
                        <p class="notice" role="status">
                            {move || t_string!(i18n, invalid_param, key = key, value = value.clone()).to_string()}
                        </p>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="map-section" aria-labelledby="map-heading">
            <h2 id="map-heading">{t!(i18n, map_heading)}</h2>
            {notices}
            <MapControls />
            <Show when=move || state.show_table.get() fallback=|| view! { <RegionMap /> <MapLegend /> }>
                <RegionTable />
            </Show>
            <MapSummary />
        </section>
    }
}
