//! The key national figures of the default period (the last twelve months of data), one card per metric,
//! each with the sample behind it and its 95 % interval where it is an estimate.

use std::sync::Arc;

use adal_core::aggregate::{self, MetricId};
use adal_core::contract::MetricDefinition;
use adal_core::figures::KeyFigures;
use adal_core::format;
use adal_core::labels::Lang;
use adal_core::period::Period;
use adal_core::stats::Estimate;
use leptos::prelude::*;

use super::figure_card::{FigureCard, FigureText};
use crate::contexts::dataset::Loaded;
use crate::contexts::view_state::use_view_state;
use crate::i18n::{t_string, use_i18n};

/// A metric's value as text: the value, its interval ends, and the number of visits behind it.
struct MetricValue {
    value: String,
    interval: Option<(String, String)>,
    visits: Option<u64>,
}

/// How a metric's value reads in `lang`, written by the same formatter as the map's; `None` when there is
/// nothing to show.
fn metric_value(metric: MetricId, f: &KeyFigures, lang: Lang) -> Option<MetricValue> {
    let show = |v: f64| format::metric_value(metric, v, lang);
    let estimate = |e: &Estimate| MetricValue {
        value: show(e.value),
        interval: Some((show(e.low), show(e.high))),
        visits: Some(e.n),
    };
    let count = |v: f64| MetricValue {
        value: show(v),
        interval: None,
        visits: None,
    };
    if metric.from_visits() {
        f.estimate(metric).as_ref().map(estimate)
    } else {
        f.value(metric).map(count)
    }
}

/// The section of key figures, for the whole country or for `region`, over `period`.
#[component]
pub fn KeyFiguresSection(
    loaded: Arc<Loaded>,
    period: Period,
    #[prop(optional)] region: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let view_state = use_view_state();
    let dataset = &loaded.dataset;
    let figures = loaded.key_figures(period, region.as_deref());
    // The previous period of equal length, when the data reach back that far.
    let before = aggregate::comparison_period(dataset, period)
        .map(|p| loaded.key_figures(p, region.as_deref()));
    let region_name = region
        .as_deref()
        .and_then(|code| dataset.manifest.regions.iter().find(|r| r.code == code))
        .map(|r| r.name.clone());
    let unplaced = figures.visits_unplaced;
    let complaints_unplaced = figures.complaints.unplaced;
    let suppressed = figures.complaints.suppressed_totals;
    let population_date = dataset
        .manifest
        .regions
        .first()
        .map(|r| r.population.reference_date.clone())
        .unwrap_or_default();

    let card = move |metric: MetricDefinition| {
        let figures = figures.clone();
        let before = before.clone();
        let population_date = population_date.clone();
        let text = Signal::derive(move || {
            let lang = view_state.lang.get();
            let id = MetricId::parse(&metric.id);
            let value = id.and_then(|m| metric_value(m, &figures, lang));
            // Against the period of equal length just before, named, so that the reader knows what is
            // compared (a trend's first and last points may be other periods).
            let change = id.zip(before.as_deref()).and_then(|(m, then)| {
                let c = figures.value(m)? - then.value(m)?;
                let change = format::metric_change(m, c, lang);
                let period = format::period(then.period, lang);
                Some(t_string!(i18n, change_against, period = period, change = change).to_string())
            });
            let sample = match metric.id.as_str() {
                "complaints" => Some(t_string!(i18n, complaints_behind).to_string()),
                "complaints_per_100k" => {
                    let population = format::integer(figures.population, lang);
                    let date = format::date(&population_date, lang);
                    Some(
                        t_string!(i18n, population_note, population = population, date = date)
                            .to_string(),
                    )
                }
                _ => value.as_ref().and_then(|v| v.visits).map(|n| {
                    t_string!(i18n, visits_behind, n = format::integer(n, lang)).to_string()
                }),
            };
            let interval = value
                .as_ref()
                .and_then(|v| v.interval.clone())
                .map(|(low, high)| t_string!(i18n, interval, low = low, high = high).to_string());
            FigureText {
                id: metric.id.clone(),
                label: metric.label.get(lang).to_owned(),
                description: metric.description.get(lang).to_owned(),
                value: value.map(|v| v.value),
                interval,
                sample,
                change,
            }
        });
        view! { <FigureCard text /> }
    };
    let cards = dataset
        .manifest
        .metrics
        .iter()
        .cloned()
        .map(card)
        .collect_view();

    let lang = view_state.lang;
    view! {
        <section class="key-figures" aria-labelledby="figures-heading">
            <h2 id="figures-heading">
                {move || match &region_name {
                    Some(name) => {
                        t_string!(i18n, region_figures_heading, region = name.get(lang.get()).to_owned()).to_string()
                    }
                    None => t_string!(i18n, figures_heading).to_string(),
                }}
            </h2>
            <p class="figures-period">{move || format::period(period, lang.get())}</p>
            <ul class="figure-grid">{cards}</ul>
            <Show when=move || { unplaced > 0 }>
                <p class="note">
                    {move || t_string!(i18n, unplaced_note, n = format::integer(unplaced, lang.get()))}
                </p>
            </Show>
            <Show when=move || { complaints_unplaced > 0 }>
                <p class="note">
                    {move || t_string!(i18n, complaints_unplaced_note, n = format::integer(complaints_unplaced, lang.get()))}
                </p>
            </Show>
            <Show when=move || { suppressed > 0 }>
                <p class="note">
                    {move || t_string!(i18n, suppressed_totals_note, n = format::integer(suppressed, lang.get()))}
                </p>
            </Show>
        </section>
    }
}
