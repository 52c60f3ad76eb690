//! One key figure: the metric's name, its value, the 95 % interval, the sample behind it and the change
//! against the previous period, with the metric's definition for those who want it.

use leptos::prelude::*;

use crate::i18n::{t, use_i18n};

/// The texts of a card, already in the reader's language.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureText {
    /// Metric id, for tests and styling.
    pub id: String,
    /// The metric's name.
    pub label: String,
    /// What it means and how it is computed.
    pub description: String,
    /// The value; `None` when the period has no data for it.
    pub value: Option<String>,
    /// "95 % interval: a – b", where the value is an estimate.
    pub interval: Option<String>,
    /// The sample behind it.
    pub sample: Option<String>,
    /// "Change against the previous period: ±x", when the data reach back that far.
    pub change: Option<String>,
}

/// A card of the key figures.
#[component]
pub fn FigureCard(text: Signal<FigureText>) -> impl IntoView {
    let i18n = use_i18n();
    let id = move || text.with(|t| t.id.clone());
    let heading_id = move || format!("figure-{}", text.with(|t| t.id.clone()));
    view! {
        <li class="figure-card" data-metric=id aria-labelledby=heading_id>
            <h3 class="figure-label" id=heading_id>
                {move || text.with(|t| t.label.clone())}
            </h3>
            {move || match text.with(|t| t.value.clone()) {
                Some(value) => view! { <p class="figure-value">{value}</p> }.into_any(),
                None => view! { <p class="figure-value figure-missing">{t!(i18n, no_data)}</p> }.into_any(),
            }}
            {move || text.with(|t| t.interval.clone()).map(|i| view! { <p class="figure-interval">{i}</p> })}
            {move || text.with(|t| t.sample.clone()).map(|s| view! { <p class="figure-sample">{s}</p> })}
            {move || text.with(|t| t.change.clone()).map(|c| view! { <p class="figure-change">{c}</p> })}
            <details class="figure-definition">
                <summary>{t!(i18n, about_metric)}</summary>
                <p>{move || text.with(|t| t.description.clone())}</p>
            </details>
        </li>
    }
}
