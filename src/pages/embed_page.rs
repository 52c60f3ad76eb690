//! `?embed=…`: one piece of a view alone, for an `<iframe>` in an article — the map with its legend, a
//! chart, the key figures or what came of the reports — with a title and a source line that links to the full view (both left out
//! with `plain=1`; `static=1` turns interaction off). Demonstration data is labelled in every form. The page tells its parent how tall it is whenever
//! that changes, as `{"adal-atlas-height": {"<frame name>": px}}` and in AMP's `embed-size` form, so that
//! the snippet's script can fit the frame to it.

use crate::components::status::detail_gate::{DetailGate, filtered};
use std::sync::Arc;

use adal_core::view::{Embed, EmbedKind, full_view_query};
use js_sys::{Object, Reflect};
use leptos::html::Div;
use leptos::prelude::*;

use crate::components::chart::export::source_line;
use crate::components::chart::{Observing, on_resize};
use crate::components::figures::key_figures::KeyFiguresSection;
use crate::components::figures::outcome_funnel::OutcomeFunnel;
use crate::components::later::Later;
use crate::components::map::map_legend::MapLegend;
use crate::components::map::region_map::RegionMap;
use crate::components::map::region_table::caption;
use crate::components::trends::complaint_chart::ComplaintChart;
use crate::components::trends::ranking_chart::RankingChart;
use crate::components::trends::scatter_chart::ScatterChart;
use crate::components::trends::service_chart::ServiceChart;
use crate::components::trends::trend_chart::TrendChart;
use crate::contexts::dataset::Loaded;
use crate::contexts::map_state::use_map_state;
use crate::contexts::view_state::use_view_state;
use crate::i18n::use_i18n;

/// Posts `height` to the parent page in both forms.
fn post_height(height: f64) {
    let window = window();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let name = window.name().ok().filter(|n| !n.is_empty());
    let ours = Object::new();
    let _ = Reflect::set(
        &ours,
        &name.as_deref().unwrap_or("adal-atlas").into(),
        &height.into(),
    );
    let message = Object::new();
    let _ = Reflect::set(&message, &"adal-atlas-height".into(), &ours);
    let _ = parent.post_message(&message, "*");
    let amp = Object::new();
    let _ = Reflect::set(&amp, &"sentinel".into(), &"amp".into());
    let _ = Reflect::set(&amp, &"type".into(), &"embed-size".into());
    let _ = Reflect::set(&amp, &"height".into(), &height.into());
    let _ = parent.post_message(&amp, "*");
}

/// The embedded piece.
#[component]
pub fn EmbedPage(loaded: Arc<Loaded>, embed: Embed) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_map_state();
    let view_state = use_view_state();
    let lang = view_state.lang.get_untracked();
    let region = state.view.with_untracked(|(v, _)| v.region.clone());
    let compare = Signal::derive(move || state.view.with(|(v, _)| v.compare.clone()));
    let piece = match (embed.kind, region) {
        (EmbedKind::Trend, region) => {
            let codes: Vec<String> = region.into_iter().collect();
            view! {
                <DetailGate needed=filtered()>
                    <TrendChart codes=codes.clone() />
                </DetailGate>
            }
            .into_any()
        }
        (EmbedKind::Compare, _) => view! {
            <DetailGate needed=filtered()>
                <TrendChart codes=compare />
            </DetailGate>
        }
        .into_any(),
        (EmbedKind::Ranking, region) => {
            let selected = region.unwrap_or_default();
            view! {
                <DetailGate needed=filtered()>
                    <RankingChart selected=selected.clone() />
                </DetailGate>
            }
            .into_any()
        }
        (EmbedKind::Scatter, _) => view! {
            <DetailGate needed=filtered()>
                <ScatterChart highlight=compare />
            </DetailGate>
        }
        .into_any(),
        (EmbedKind::Figures, region) => {
            let period = state.view.with_untracked(|(v, _)| v.period);
            match region {
                Some(region) => {
                    view! { <KeyFiguresSection loaded=loaded.clone() period region /> }.into_any()
                }
                None => view! { <KeyFiguresSection loaded=loaded.clone() period /> }.into_any(),
            }
        }
        (EmbedKind::Services, Some(code)) => view! {
            <DetailGate needed=true>
                <ServiceChart code=code.clone() />
            </DetailGate>
        }
        .into_any(),
        (EmbedKind::Complaints, Some(code)) => view! {
            // The complaints by category only: not the cells by service and channel.
            <DetailGate needed=true files=&[adal_core::contract::files::COMPLAINT_DETAIL]>
                <ComplaintChart code=code.clone() />
            </DetailGate>
        }
        .into_any(),
        (EmbedKind::Outcomes, region) => {
            let period = Signal::derive(move || state.view.with(|(v, _)| v.period));
            view! { <OutcomeFunnel loaded=loaded.clone() code=region period /> }.into_any()
        }
        // The map, and the unit's charts asked for without a unit.
        _ => view! {
            <section class="map-section" aria-labelledby="map-heading">
                <h2 id="map-heading">{caption(i18n, &state, lang)}</h2>
                <RegionMap />
                // Hydrated in a task of its own (see `Later`).
                <Later>
                    <MapLegend />
                </Later>
            </section>
        }
        .into_any(),
    };
    // An embed has no language switcher: its words are written once.
    let source = (!embed.plain).then(|| {
        let text = source_line(i18n, lang, &loaded.dataset.manifest);
        let location = crate::contexts::location::use_location();
        // Reactive: the address's own parameters arrive after the page is hydrated.
        let href = move || location.href(&full_view_query(&view_state.search.get()));
        view! {
            <p class="embed-source">
                <a href=href target="_blank" rel="noopener">{text}</a>
            </p>
        }
    });
    // Demonstration data says so wherever it is shown, plain=1 or not.
    let demo = loaded.dataset.manifest.is_demo.then(|| {
        view! { <p class="embed-demo" role="note">{crate::i18n::t!(i18n, csv_demo)}</p> }
    });
    // Tell the parent page the height, now and whenever it changes.
    let node = NodeRef::<Div>::new();
    let observer = StoredValue::new_local(None::<Observing<web_sys::ResizeObserver>>);
    node.on_load(move |element| {
        let measured = element.clone();
        let observing = on_resize(&element, move || {
            post_height(f64::from(
                measured.offset_top() + measured.offset_height() + 16,
            ));
        });
        observer.set_value(observing);
    });
    on_cleanup(move || {
        if let Some((o, _)) = observer.try_update_value(Option::take).flatten() {
            o.disconnect();
        }
    });
    view! {
        <div class="embed" class:plain=embed.plain class:still=embed.still data-embed=embed.kind.id() node_ref=node>
            {piece}
            {demo}
            <Later>{source}</Later>
        </div>
    }
}
