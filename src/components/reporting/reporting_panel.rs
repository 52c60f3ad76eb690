//! «How to report corruption»: the manifest's ways to report (call centre 1424 and the others), with the
//! legal protection of people who report.

use std::sync::Arc;

use leptos::prelude::*;

use crate::contexts::dataset::Loaded;
use crate::contexts::view_state::use_view_state;
use crate::i18n::{t, t_string, use_i18n};

/// Only web addresses of the usual kinds become links; anything else from the data is shown as text.
pub fn safe_url(url: &str) -> Option<&str> {
    (url.starts_with("https://") || url.starts_with("http://")).then_some(url)
}

/// Keeps the digits and a leading `+` of a phone number, for a `tel:` link.
pub fn tel_href(phone: &str) -> String {
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    format!("tel:{digits}")
}

/// The panel.
#[component]
pub fn ReportingPanel(loaded: Arc<Loaded>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_view_state().lang;
    let reporting = loaded.dataset.manifest.reporting.clone();
    let protection = reporting.protection.clone();
    let channels = reporting
        .channels
        .into_iter()
        .map(|c| {
            let label = c.label.clone();
            let description = c.description.clone();
            let phone = c.phone.clone().map(|phone| {
                let href = tel_href(&phone);
                view! {
                    <p>
                        <a class="report-phone" href=href>
                            {move || t_string!(i18n, call, phone = phone.clone())}
                        </a>
                    </p>
                }
            });
            let url = c
                .url
                .clone()
                .and_then(|u| safe_url(&u).map(str::to_owned))
                .map(|url| {
                    view! {
                        <p>
                            <a href=url.clone() rel="noopener noreferrer">
                                {url.clone()}
                            </a>
                        </p>
                    }
                });
            view! {
                <li class="report-channel">
                    <h3>{move || label.get(lang.get()).to_owned()}</h3>
                    <p>{move || description.get(lang.get()).to_owned()}</p>
                    {phone}
                    {url}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="report-panel" id="report" aria-labelledby="report-heading" tabindex="-1">
            <h2 id="report-heading">{t!(i18n, report_heading)}</h2>
            <p>{t!(i18n, report_intro)}</p>
            <ul class="report-channels">{channels}</ul>
            <p class="report-protection">{move || protection.get(lang.get()).to_owned()}</p>
        </section>
    }
}
