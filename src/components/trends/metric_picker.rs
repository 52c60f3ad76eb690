//! The metric of the charts: the same `metric=` as the map's.

use adal_core::aggregate::MetricId;
use leptos::prelude::*;

use crate::components::map::metric_label;
use crate::contexts::map_state::use_map_state;
use crate::contexts::view_state::use_view_state;
use crate::i18n::{t, use_i18n};

/// A labelled select of the metric.
#[component]
pub fn MetricPicker(
    /// The select's id (unique on the page).
    id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_map_state();
    let lang = use_view_state().lang;
    let options = move || {
        let current = state.view.with(|(v, _)| v.metric);
        MetricId::ALL
            .into_iter()
            .map(|m| {
                view! {
                    <option value=m.id() selected=current == m>
                        {metric_label(&state, m, lang.get())}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <div class="control">
            <label for=id>{t!(i18n, metric_label)}</label>
            <select
                id=id
                disabled=crate::contexts::ready::inert()
                on:change=move |ev| {
                    if let Some(m) = MetricId::parse(&event_target_value(&ev)) {
                        state.update(|v| v.metric = m);
                    }
                }
            >
                {options}
            </select>
        </div>
    }
}
