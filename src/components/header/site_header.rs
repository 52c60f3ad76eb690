//! The page header: the app's name, the dataset's title, publisher and period, the language switcher, and
//! the demonstration banner when the manifest says `is_demo`.

use std::sync::Arc;

use adal_core::format;
use leptos::prelude::*;

use super::demo_banner::DemoBanner;
use super::language_switcher::LanguageSwitcher;
use crate::contexts::dataset::Loaded;
use crate::contexts::view_state::use_view_state;
use crate::i18n::{t, use_i18n};

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
            view! {
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
            {dataset_line}
            <Show when=is_demo>
                <DemoBanner />
            </Show>
        </header>
    }
}
