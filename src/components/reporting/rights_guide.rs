//! «Your rights»: a short guide beside the reporting panel — that Kazakhstan has a law on combating
//! corruption, what counts as corruption in everyday terms, that an informal payment asked for is what
//! the mystery shoppers record, how the law protects people who report, where a report goes and the
//! stages its handling ends at (the ones the outcomes of the reports count, issue 21). Every
//! claim is one the project's reference notes support (`reference/README.md`, «The law, for the
//! citizens' guide»), and the sources are named on the page.

use adal_core::aggregate::MetricId;
use adal_core::labels::Lang;
use leptos::prelude::*;

use crate::contexts::map_state::use_map_state;
use crate::contexts::view_state::use_view_state;
use crate::i18n::{t, t_string, use_i18n};

/// The official text of a document on adilet.zan.kz, in the reader's language.
fn adilet(document: &str, lang: Lang) -> String {
    let section = match lang {
        Lang::Kk => "kaz",
        Lang::Ru => "rus",
        Lang::En => "eng",
    };
    format!("https://adilet.zan.kz/{section}/docs/{document}")
}

/// The guide.
#[component]
pub fn RightsGuide() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_map_state();
    let lang = use_view_state().lang;
    // What the mystery shoppers' metric is called in this bundle.
    let metric =
        move || crate::components::map::metric_label(&state, MetricId::InformalPayment, lang.get());
    let source = move |document: &'static str, text: String| {
        view! {
            <li>
                <a href=move || adilet(document, lang.get()) rel="noopener noreferrer">{text}</a>
            </li>
        }
    };
    view! {
        <section class="rights-guide" aria-labelledby="guide-heading">
            <h2 id="guide-heading">{t!(i18n, guide_heading)}</h2>
            <p>{t!(i18n, guide_law)}</p>
            <h3>{t!(i18n, guide_what_heading)}</h3>
            <p>{t!(i18n, guide_what)}</p>
            <p>{move || t_string!(i18n, guide_shoppers, metric = metric()).to_string()}</p>
            <h3>{t!(i18n, guide_report_heading)}</h3>
            <p>{t!(i18n, guide_protection)}</p>
            <p>{t!(i18n, guide_after)}</p>
            <h3>{t!(i18n, guide_stages_heading)}</h3>
            <p>{t!(i18n, guide_stages)}</p>
            <ul class="guide-stages">
                <li>{t!(i18n, guide_stage_registered)}</li>
                <li>{t!(i18n, guide_stage_forwarded)}</li>
                <li>{t!(i18n, guide_stage_explained)}</li>
                <li>{t!(i18n, guide_stage_closed)}</li>
                <li>{t!(i18n, guide_stage_investigation)}</li>
                <li>{t!(i18n, guide_stage_court)}</li>
            </ul>
            <p>{t!(i18n, guide_stages_writing)}</p>
            <h3>{t!(i18n, guide_sources)}</h3>
            <ul class="guide-sources">
                {move || source("Z1500000410", t_string!(i18n, guide_source_law).to_string())}
                {move || source("Z2300000188", t_string!(i18n, guide_source_2023).to_string())}
                {move || source("P2100000448", t_string!(i18n, guide_source_424).to_string())}
                <li>{t!(i18n, guide_source_egov)}</li>
            </ul>
        </section>
    }
}
