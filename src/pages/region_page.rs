//! A unit's own page, opened from the map by click, Enter or Space (`region=` in the URL). Until the trends
//! arrive it shows the unit's key figures for the map's period, a link back to the map with the same
//! metric and period, and Escape returns to the map with focus on the unit.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::figures::key_figures::KeyFiguresSection;
use crate::contexts::dataset::Loaded;
use crate::contexts::map_state::{MapState, use_map_state};
use crate::contexts::view_state::use_view_state;
use crate::i18n::{t, use_i18n};

fn focus_selector(selector: &str) {
    if let Ok(Some(element)) = document().query_selector(selector) {
        if let Ok(html) = element.clone().dyn_into::<web_sys::HtmlElement>() {
            let _ = html.focus();
        } else if let Ok(svg) = element.dyn_into::<web_sys::SvgElement>() {
            let _ = svg.focus();
        }
    }
}

/// Goes back to the map and puts focus on `code`'s unit once it is drawn.
pub fn back_to_map(state: MapState, code: String) {
    state.update(|v| v.region = None);
    request_animation_frame(move || focus_selector(&format!("[data-region=\"{code}\"]")));
}

/// The page.
#[component]
pub fn RegionPage(loaded: Arc<Loaded>, code: String) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_map_state();
    let lang = use_view_state().lang;
    let name = loaded
        .dataset
        .manifest
        .regions
        .iter()
        .find(|r| r.code == code)
        .map(|r| r.name.clone());
    let period = state.view.with_untracked(|(v, _)| v.period);
    let back = state.link(|v| v.region = None);
    let code_for_escape = code.clone();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            back_to_map(state, code_for_escape.clone());
        }
    });
    on_cleanup(move || handle.remove());
    request_animation_frame(|| focus_selector("#region-heading"));
    let code_for_link = code.clone();
    view! {
        <article class="region-page" data-region-page=code.clone()>
            <p>
                <a
                    href=back
                    class="back-link"
                    on:click=move |ev| {
                        ev.prevent_default();
                        back_to_map(state, code_for_link.clone());
                    }
                >
                    {t!(i18n, back_to_map)}
                </a>
            </p>
            <h2 id="region-heading" tabindex="-1">
                {move || name.as_ref().map(|n| n.get(lang.get()).to_owned()).unwrap_or_default()}
            </h2>
            <p class="note">{t!(i18n, region_placeholder)}</p>
            <KeyFiguresSection loaded=loaded.clone() period region=code.clone() />
        </article>
    }
}
