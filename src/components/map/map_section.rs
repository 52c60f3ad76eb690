//! The map section: the unit search, the controls (folded behind one button on a phone), the map or the
//! table, the legend and the written summary.

use crate::components::status::detail_gate::{DetailGate, filtered};
use leptos::prelude::*;

use super::map_controls::MapControls;
use super::map_legend::MapLegend;
use super::map_summary::MapSummary;
use super::region_map::RegionMap;
use super::unit_search::UnitSearch;
use adal_core::view::EmbedKind;

use super::region_table::{RegionTable, caption, map_table};
use crate::components::chart::export::{self, DownloadButtons};
use crate::components::chart::share_dialog::{embed_offer, open};
use crate::components::later::Later;
use crate::contexts::map_state::use_map_state;
use crate::contexts::view_state::use_view_state;
use crate::i18n::{t, use_i18n};

/// The section.
#[component]
pub fn MapSection() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_map_state();
    let lang = use_view_state().lang;
    let on_download = Callback::new(move |format| {
        let lang = lang.get_untracked();
        let table = map_table(i18n, &state, lang);
        let (source, records) = state
            .loaded
            .with_value(|l| export::download_texts(i18n, lang, &l.dataset.manifest, &table));
        let find = |selector: &str| document().query_selector(selector).ok().flatten();
        let drawing = find(".map-frame svg.region-map");
        let legend = find(".map-legend");
        export::download(
            format,
            export::Export {
                drawing,
                styled_by_page: true,
                legend,
                title: &table.caption,
                source: &source,
                table: &table,
                records,
                name: "adal-atlas-map",
            },
        );
    });
    let on_embed = (!use_view_state().embedded.get_untracked()).then(|| {
        Callback::new(move |()| {
            let title = caption(i18n, &state, lang.get_untracked()) + " · Adal Atlas";
            let search = use_view_state().search.get_untracked();
            open(embed_offer(&search, EmbedKind::Map, title));
        })
    });
    let settings = RwSignal::new(false);
    view! {
        <section class="map-section" aria-labelledby="map-heading">
            <h2 id="map-heading">{t!(i18n, map_heading)}</h2>
            // The search and, on a phone, the button that unfolds the controls; on a wide screen the
            // controls are always shown. The controls and what follows the map are hydrated in tasks of
            // their own (see `Later`).
            <div class="map-tools">
                <UnitSearch />
                <button
                    type="button"
                    class="settings-toggle"
                    disabled=crate::contexts::ready::inert()
                    aria-expanded=move || settings.get().to_string()
                    aria-controls="map-settings"
                    on:click=move |_| settings.update(|open| *open = !*open)
                >
                    {t!(i18n, map_settings)}
                </button>
            </div>
            <div id="map-settings" class="map-settings" class:open=move || settings.get()>
                <Later>
                    <MapControls />
                </Later>
            </div>
            <DetailGate needed=filtered()>
                <Show when=move || state.show_table.get() fallback=|| view! { <RegionMap /> <Later><MapLegend /></Later> }>
                    <RegionTable />
                </Show>
            </DetailGate>
            <Later>
                <DetailGate needed=filtered() quiet=true>
                    <MapSummary />
                </DetailGate>
                <DownloadButtons name="map" on_download on_embed=on_embed />
            </Later>
        </section>
    }
}
