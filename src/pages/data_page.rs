//! «Data and method» (`view=data`): what each metric means and how it is computed, how the data were
//! anonymised, the sample behind each unit, and the dataset's version, publisher, licence and sources.
//!
//! The page is text: it is drawn as a whole for the language and period shown, and again when either
//! changes.

use std::sync::Arc;

use adal_core::contract::Better;
use adal_core::contract::files;
use adal_core::figures::key_figures;
use adal_core::format;
use adal_core::labels::Lang;
use adal_core::period::Period;
use leptos::prelude::*;

use crate::components::reporting::reporting_panel::safe_url;
use crate::components::trends::{FigureTable, TableData};
use crate::contexts::dataset::Loaded;
use crate::contexts::map_state::use_map_state;
use crate::contexts::view_state::use_view_state;
use crate::i18n::{Locale, t_string, use_i18n};
use leptos_i18n::I18nContext;

/// A name, linked when it has a safe address.
fn linked(text: String, url: Option<&str>) -> AnyView {
    match url.and_then(safe_url) {
        Some(url) => view! { <a href=url rel="noopener">{text}</a> }.into_any(),
        None => view! { <span>{text}</span> }.into_any(),
    }
}

/// A step of the generalisation ladder in words.
fn ladder_step(i18n: I18nContext<Locale>, step: &str) -> String {
    match step {
        "full_detail" => t_string!(i18n, gen_full_detail).to_string(),
        "channel_hidden" => t_string!(i18n, gen_channel_hidden).to_string(),
        "month_to_quarter" => t_string!(i18n, gen_month_to_quarter).to_string(),
        "month_to_quarter_channel_hidden" => {
            t_string!(i18n, gen_month_to_quarter_channel_hidden).to_string()
        }
        "month_to_year" => t_string!(i18n, gen_month_to_year).to_string(),
        "month_to_year_channel_hidden" => {
            t_string!(i18n, gen_month_to_year_channel_hidden).to_string()
        }
        "quarter_service_and_channel_hidden" => {
            t_string!(i18n, gen_quarter_service_hidden).to_string()
        }
        "year_service_and_channel_hidden" => t_string!(i18n, gen_year_service_hidden).to_string(),
        other => other.to_owned(),
    }
}

/// Visits and complaints per unit and for the country in `period`.
fn samples(i18n: I18nContext<Locale>, loaded: &Loaded, period: Period, l: Lang) -> TableData {
    let d = &loaded.dataset;
    let row = |name: String, region: Option<&str>| {
        let f = key_figures(d, period, region);
        vec![
            name,
            format::integer(f.visits, l),
            format::integer(f.complaints.counted, l),
        ]
    };
    let mut rows: Vec<Vec<String>> = d
        .manifest
        .regions
        .iter()
        .map(|r| row(r.name.get(l).to_owned(), Some(&r.code)))
        .collect();
    rows.push(row(t_string!(i18n, whole_country).to_string(), None));
    TableData {
        caption: t_string!(i18n, samples_caption, period = format::period(period, l)).to_string(),
        head: vec![
            t_string!(i18n, table_region).to_string(),
            t_string!(i18n, samples_visits).to_string(),
            t_string!(i18n, samples_complaints).to_string(),
        ],
        rows,
        ..TableData::default()
    }
}

/// The page.
#[component]
pub fn DataPage(loaded: Arc<Loaded>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_map_state();
    let lang = use_view_state().lang;
    let page = move || {
        let l = lang.get();
        let (period, min_visits) = state.view.with(|(v, _)| (v.period, v.min_visits));
        let m = &loaded.dataset.manifest;
        let k = m.k_anonymity.k;
        // The whole bundle: the manifest and the two data files it lists, from the bundle's own folder.
        let file = |name: &'static str| format!("{}{}{name}", crate::api::DATA_ROOT, loaded.path);
        let package = file(files::DATA_PACKAGE);
        // The manifest, then the data files it lists, in its order (only the contract's names: the
        // manifest is data).
        let listed = std::iter::once(files::MANIFEST).chain(m.files.iter().filter_map(|f| {
            [
                files::AUDITS,
                files::AUDIT_DETAIL,
                files::COMPLAINTS,
                files::COMPLAINT_DETAIL,
            ]
            .into_iter()
            .find(|name| *name == f.path)
        }));
        let bundle_links = listed
            .enumerate()
            .map(|(i, name)| {
                let href = file(name);
                view! {
                    {(i > 0).then_some(" · ")}
                    <a href=href download>{name}</a>
                }
            })
            .collect_view();
        let metrics = m
            .metrics
            .iter()
            .map(|d| {
                let direction = match d.better {
                    Better::Higher => t_string!(i18n, better_higher),
                    Better::Lower => t_string!(i18n, better_lower),
                };
                let text = format!("{} {direction}", d.description.get(l));
                view! {
                    <dt>{d.label.get(l).to_owned()}</dt>
                    <dd>{text}</dd>
                }
            })
            .collect_view();
        let ladder = m
            .k_anonymity
            .generalisation
            .iter()
            .map(|s| view! { <li>{ladder_step(i18n, s)}</li> })
            .collect_view();
        let mut sources: Vec<String> = Vec::new();
        for r in &m.regions {
            if !sources.contains(&r.population.source) {
                sources.push(r.population.source.clone());
            }
        }
        sources.push(loaded.geo.source.clone());
        let sources = sources
            .into_iter()
            .map(|s| view! { <li>{s}</li> })
            .collect_view();
        let table = samples(i18n, &loaded, period, l);
        view! {
            <h2 id="data-heading" tabindex="-1">{t_string!(i18n, data_heading)}</h2>
            <section aria-labelledby="data-dataset">
                <h3 id="data-dataset">{t_string!(i18n, data_dataset)}</h3>
                <dl class="facts">
                    <dt>{t_string!(i18n, data_title)}</dt>
                    <dd>{m.title.get(l).to_owned()}</dd>
                    <dt>{t_string!(i18n, data_version)}</dt>
                    <dd>{format!("{} · {}", m.dataset.id, m.dataset.version)}</dd>
                    <dt>{t_string!(i18n, period)}</dt>
                    <dd>{format::period(m.period, l)}</dd>
                    <dt>{t_string!(i18n, published_on)}</dt>
                    <dd>{format::date(&m.generated_at, l)}</dd>
                    <dt>{t_string!(i18n, publisher)}</dt>
                    <dd>{linked(m.publisher.name.get(l).to_owned(), m.publisher.url.as_deref())}</dd>
                    {m.publisher.contact_href().map(|href| {
                        let shown = m.publisher.contact.clone().unwrap_or_default();
                        view! {
                            <dt>{t_string!(i18n, data_contact)}</dt>
                            <dd><a href=href>{shown}</a></dd>
                        }
                    })}
                    <dt>{t_string!(i18n, data_licence)}</dt>
                    <dd>{linked(m.licence.name.clone(), m.licence.url.as_deref())}</dd>
                </dl>
            </section>
            <section aria-labelledby="data-metrics">
                <h3 id="data-metrics">{t_string!(i18n, data_metrics)}</h3>
                <dl class="metric-definitions">{metrics}</dl>
                <p>{t_string!(i18n, data_intervals)}</p>
                <p>{t_string!(i18n, data_ranks)}</p>
                <p>{t_string!(i18n, data_trend_steps, n = min_visits).to_string()}</p>
            </section>
            <section aria-labelledby="data-method">
                <h3 id="data-method">{t_string!(i18n, data_method)}</h3>
                <p>{m.methodology.get(l).to_owned()}</p>
            </section>
            <section aria-labelledby="data-anonymisation">
                <h3 id="data-anonymisation">{t_string!(i18n, data_anonymisation)}</h3>
                <p>{t_string!(i18n, data_k, k = k).to_string()}</p>
                <ol class="ladder">{ladder}</ol>
                <p>{t_string!(i18n, data_suppression, k = k).to_string()}</p>
            </section>
            <section aria-labelledby="data-samples">
                <h3 id="data-samples">{t_string!(i18n, data_samples)}</h3>
                <FigureTable table=Signal::stored(table) />
            </section>
            <section aria-labelledby="data-sources">
                <h3 id="data-sources">{t_string!(i18n, data_sources)}</h3>
                <ul>{sources}</ul>
                <p>
                    <a href="schema/manifest.schema.json">{t_string!(i18n, data_format)}</a>
                </p>
                <p class="bundle-files">
                    {t_string!(i18n, data_download)} " "
                    {bundle_links}
                </p>
                // The same figures as CSV with their table schemas, for spreadsheets and scripts
                // (written beside the bundle by `adal pages`).
                <p class="data-package">
                    <a href=package>{t_string!(i18n, data_package)}</a>
                </p>
            </section>
        }
    };
    view! { <article class="data-page">{page}</article> }
}
