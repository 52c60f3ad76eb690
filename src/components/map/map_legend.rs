//! The legend: the five classes with their ranges, "no data" and "few visits".

use adal_core::binning::class_colour;
use adal_core::format;
use leptos::prelude::*;

use crate::contexts::map_state::use_map_state;
use crate::contexts::view_state::use_view_state;
use crate::i18n::{t, t_string, use_i18n};

/// The legend.
#[component]
pub fn MapLegend() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_map_state();
    let lang = use_view_state().lang;
    let classes = move || {
        let metric = state.view.with(|(v, _)| v.metric);
        let lang = lang.get();
        state.classes.get().map(|classes| {
            (0..classes.count())
                .map(|i| {
                    let (low, high) = classes.range(i);
                    let colour = class_colour(i, classes.count(), metric.better());
                    let text = format!(
                        "{} – {}",
                        format::metric_value(metric, low, lang),
                        format::metric_value(metric, high, lang)
                    );
                    view! {
                        <li>
                            <svg class="swatch" viewBox="0 0 20 14" aria-hidden="true">
                                <rect width="20" height="14" fill=colour></rect>
                            </svg>
                            <span>{text}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let min_visits = move || state.view.with(|(v, _)| v.min_visits);
    view! {
        <div class="map-legend" role="group" aria-label=move || t_string!(i18n, legend_heading)>
            <ul>
                {classes}
                <li>
                    <svg class="swatch" viewBox="0 0 20 14" aria-hidden="true">
                        <rect width="20" height="14" fill="url(#map-no-data)"></rect>
                    </svg>
                    <span>{t!(i18n, legend_no_data)}</span>
                </li>
                <li>
                    <svg class="swatch" viewBox="0 0 20 14" aria-hidden="true">
                        <rect width="20" height="14" class="swatch-low-base"></rect>
                        <rect width="20" height="14" fill="url(#map-low-sample)"></rect>
                    </svg>
                    <span>{move || t_string!(i18n, legend_low_sample, n = min_visits())}</span>
                </li>
            </ul>
        </div>
    }
}
