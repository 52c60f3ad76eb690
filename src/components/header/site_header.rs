//! The page header: the app's name, the dataset's title, publisher and period, the language switcher, where
//! to report corruption, and the demonstration banner when the manifest says `is_demo`.

use std::sync::Arc;

use adal_core::format;
use adal_core::pages::{Page, PageKind};
use adal_core::view::{Key, ViewKind};
use leptos::prelude::*;

use super::demo_banner::DemoBanner;
use super::language_switcher::LanguageSwitcher;
use crate::components::reporting::reporting_panel::tel_href;
use crate::contexts::dataset::Loaded;
use crate::contexts::location::use_location;
use crate::contexts::view_state::use_view_state;
use crate::i18n::{t, t_string, use_i18n};

/// The header; `loaded` is `None` while loading or after a failure.
#[component]
pub fn SiteHeader(loaded: Signal<Option<Arc<Loaded>>>) -> impl IntoView {
    let i18n = use_i18n();
    let view_state = use_view_state();
    let dataset_line = move || {
        let lang = view_state.lang.get();
        loaded.get().map(|l| {
            let m = &l.dataset.manifest;
            let title = m.title.get(lang).to_owned();
            let publisher = m.publisher.name.get(lang).to_owned();
            let period = format::period(m.period, lang);
            let generated = m.generated_at.clone();
            // The publisher's logo, from the bundle's own folder (checked by `adal site`), named by it.
            let logo = m
                .publisher
                .logo
                .as_deref()
                .filter(|name| adal_core::contract::Publisher::logo_is_plain(name))
                .map(|name| {
                    let src = format!("{}{}{name}", crate::api::DATA_ROOT, l.path);
                    view! { <img class="publisher-logo" src=src alt=publisher.clone() height="40" /> }
                });
            view! {
                {logo}
                <p class="dataset-title">{title}</p>
                <dl class="dataset-facts">
                    <div>
                        <dt>{t!(i18n, publisher)}</dt>
                        <dd>{publisher}</dd>
                    </div>
                    <div>
                        <dt>{t!(i18n, period)}</dt>
                        <dd>{period}</dd>
                    </div>
                    <div>
                        <dt>{t!(i18n, published_on)}</dt>
                        <dd>
                            <time datetime=generated.clone()>{format::date(&generated, lang)}</time>
                        </dd>
                    </div>
                </dl>
            }
        })
    };
    // Where to report, one tap away on every page: the first phone line of the manifest's ways to report
    // (1424), then the reporting panel — this page's, or the overview's where this page has none.
    let location = use_location();
    let report = move || {
        loaded.get().map(|l| {
            let phone = l
                .dataset
                .manifest
                .reporting
                .channels
                .iter()
                .find_map(|c| c.phone.clone());
            let search = view_state.search.get();
            let view = adal_core::query::get(&search, Key::View.name());
            let elsewhere = [ViewKind::Compare, ViewKind::Data].map(ViewKind::id);
            let here = !view.is_some_and(|v| elsewhere.contains(&v.as_str()));
            let panel = if here {
                location.fragment("report")
            } else {
                let overview = Page {
                    lang: view_state.lang.get(),
                    kind: PageKind::Overview,
                };
                format!("{}#report", location.href(&overview.query()))
            };
            view! {
                <nav class="report-link" aria-label=move || t_string!(i18n, report_nav).to_string()>
                    {phone.map(|phone| {
                        let href = tel_href(&phone);
                        let name = phone.clone();
                        view! {
                            <a
                                class="report-call"
                                href=href
                                aria-label=move || t_string!(i18n, call, phone = name.clone()).to_string()
                            >
                                "☎ "{phone}
                            </a>
                        }
                    })}
                    <a class="report-other" href=panel>{t!(i18n, report_where)}</a>
                </nav>
            }
        })
    };
    let is_demo = move || loaded.get().is_some_and(|l| l.dataset.manifest.is_demo);
    view! {
        <header class="site-header">
            <div class="header-top">
                <div class="brand">
                    <h1>{t!(i18n, app_name)}</h1>
                    <p class="tagline">{t!(i18n, tagline)}</p>
                </div>
                <LanguageSwitcher />
            </div>
            {report}
            {dataset_line}
            <Show when=is_demo>
                <DemoBanner />
            </Show>
        </header>
    }
}
