//! Up to five units side by side (`view=compare&compare=KZ-11,KZ-75`): chosen from a searchable list or
//! from a unit's page, their trends overlaid against the country, and the scatter of service quality
//! against complaints for every unit, where a click opens that unit.

use crate::components::status::detail_gate::{DetailGate, filtered};
use adal_core::view::MAX_COMPARE;
use leptos::prelude::*;

use crate::components::map::region_name;
use crate::components::trends::metric_picker::MetricPicker;
use crate::components::trends::scatter_chart::ScatterChart;
use crate::components::trends::trend_chart::TrendChart;
use crate::contexts::map_state::use_map_state;
use crate::contexts::view_state::use_view_state;
use crate::i18n::{t, t_string, use_i18n};

/// The page.
#[component]
pub fn ComparePage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_map_state();
    let lang = use_view_state().lang;
    let chosen = Signal::derive(move || state.view.with(|(v, _)| v.compare.clone()));
    let search = RwSignal::new(String::new());
    let codes: Vec<String> = state.loaded.with_value(|l| {
        l.dataset
            .manifest
            .regions
            .iter()
            .map(|r| r.code.clone())
            .collect()
    });
    let toggle = move |code: String, on: bool| {
        state.update(|v| {
            v.compare.retain(|c| *c != code);
            if on && v.compare.len() < MAX_COMPARE {
                v.compare.push(code);
            }
        });
    };
    let list = move || {
        // The browser's lower-casing, which knows Cyrillic, rather than a second copy of Unicode's tables
        // (natively, pre-rendered, the search box is empty).
        #[cfg(feature = "hydrate")]
        let lower = |text: &str| String::from(js_sys::JsString::from(text).to_lower_case());
        #[cfg(not(feature = "hydrate"))]
        let lower = |text: &str| text.to_lowercase();
        let needle = lower(&search.get());
        let l = lang.get();
        codes
            .iter()
            .filter(|c| needle.is_empty() || lower(&region_name(&state, c, l)).contains(&needle))
            .map(|code| {
                let code = code.clone();
                let id = format!("compare-{code}");
                let checked = chosen.with(|c| c.contains(&code));
                let full = chosen.with(|c| c.len() >= MAX_COMPARE);
                let name = region_name(&state, &code, l);
                let code_for_change = code.clone();
                view! {
                    <li>
                        <input
                            type="checkbox"
                            id=id.clone()
                            data-compare=code.clone()
                            prop:checked=checked
                            disabled=full && !checked
                            on:change=move |ev| toggle(code_for_change.clone(), event_target_checked(&ev))
                        />
                        <label for=id>{name}</label>
                    </li>
                }
            })
            .collect_view()
    };
    let count = move || {
        t_string!(
            i18n,
            compare_count,
            n = chosen.with(Vec::len),
            max = MAX_COMPARE
        )
        .to_string()
    };
    view! {
        <article class="compare-page">
            <h2 id="compare-heading" tabindex="-1">{t!(i18n, compare_heading)}</h2>
            <p>{t!(i18n, compare_intro)}</p>
            <fieldset class="compare-picker">
                <legend>{count}</legend>
                <label for="compare-search">{t!(i18n, compare_search)}</label>
                <input
                    id="compare-search"
                    type="search"
                    autocomplete="off"
                    prop:value=move || search.get()
                    on:input=move |ev| search.set(event_target_value(&ev))
                />
                <ul class="compare-list">{list}</ul>
            </fieldset>
            <div class="chart-controls">
                <MetricPicker id="compare-metric" />
            </div>
            <Show
                when=move || chosen.with(|c| !c.is_empty())
                fallback=move || view! { <p class="note">{t!(i18n, compare_empty)}</p> }
            >
                <DetailGate needed=filtered()>
                    <TrendChart codes=chosen />
                </DetailGate>
            </Show>
            // With units chosen, the trend above gives the status of the cells by service and channel.
            <DetailGate needed=filtered() quiet=Signal::derive(move || chosen.with(|c| !c.is_empty()))>
                <ScatterChart highlight=chosen />
            </DetailGate>
        </article>
    }
}
