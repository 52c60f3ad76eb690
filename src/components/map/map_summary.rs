//! One written paragraph under the map for everyone: the highest and lowest unit and the national figure.

use adal_core::format;
use leptos::prelude::*;

use super::describe;
use crate::contexts::map_state::use_map_state;
use crate::contexts::view_state::use_view_state;
use crate::i18n::{t_string, use_i18n};

/// The summary.
#[component]
pub fn MapSummary() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_map_state();
    let lang = use_view_state().lang;
    let text = move || {
        let metric = state.view.with(|(v, _)| v.metric);
        let lang = lang.get();
        let figures = state.figures.get();
        let with_values: Vec<_> = figures
            .regions
            .iter()
            .filter(|r| r.value.is_some())
            .collect();
        let high = with_values
            .iter()
            .max_by(|a, b| a.value.unwrap_or(0.0).total_cmp(&b.value.unwrap_or(0.0)));
        let low = with_values
            .iter()
            .min_by(|a, b| a.value.unwrap_or(0.0).total_cmp(&b.value.unwrap_or(0.0)));
        match (high, low) {
            (Some(high), Some(low)) => {
                let high_d = describe(i18n, &state, high, metric, lang);
                let low_d = describe(i18n, &state, low, metric, lang);
                let national = figures
                    .national
                    .value
                    .map_or_else(|| "—".to_owned(), |v| format::metric_value(metric, v, lang));
                t_string!(
                    i18n,
                    summary,
                    high_region = high_d.name,
                    high = high_d.value,
                    low_region = low_d.name,
                    low = low_d.value,
                    national = national
                )
                .to_string()
            }
            _ => t_string!(i18n, summary_empty).to_string(),
        }
    };
    // What the figures could not count, said under them: records published only by a quarter or year
    // that reaches past the period, and visits a service or channel filter cannot see.
    let notes = move || {
        let lang = lang.get();
        let metric = state.view.with(|(v, _)| v.metric);
        let (uncounted, hidden) = state
            .figures
            .with(|f| (f.national.uncounted, f.national.unseen));
        let mut notes = Vec::new();
        if uncounted > 0 {
            let n = format::integer(uncounted, lang);
            notes.push(if metric.from_visits() {
                t_string!(i18n, unplaced_note, n = n).to_string()
            } else {
                t_string!(i18n, complaints_unplaced_note, n = n).to_string()
            });
        }
        if hidden > 0 {
            let n = format::integer(hidden, lang);
            notes.push(t_string!(i18n, filter_unpublished_note, n = n).to_string());
        }
        notes
            .into_iter()
            .map(|note| view! { <p class="note coverage-note">{note}</p> })
            .collect_view()
    };
    view! {
        <p class="map-summary" id="map-summary">
            {text}
        </p>
        {notes}
    }
}
