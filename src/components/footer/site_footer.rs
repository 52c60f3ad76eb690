//! The footer: the source line (publisher, title, version, licence) and the anonymisation note.

use std::sync::Arc;

use leptos::prelude::*;

use crate::contexts::dataset::Loaded;
use crate::contexts::location::use_location;
use crate::contexts::view_state::use_view_state;
use adal_core::contract::Manifest;
use adal_core::labels::Lang;
use adal_core::pages::{Page, PageKind};
use leptos_i18n::I18nContext;

use crate::i18n::{Locale, t_string, use_i18n};

/// «Source: publisher, title, version. Licence: …» in `lang`: the footer's line, also drawn under
/// downloaded pictures.
pub fn source_sentence(i18n: I18nContext<Locale>, lang: Lang, m: &Manifest) -> String {
    t_string!(
        i18n,
        source,
        publisher = m.publisher.name.get(lang).to_owned(),
        title = m.title.get(lang).to_owned(),
        version = m.dataset.version.clone(),
        licence = m.licence.name.clone()
    )
    .to_string()
}

/// Links to every unit's page, under their names: without JavaScript as with it, each is a page.
fn unit_links(i18n: I18nContext<Locale>, lang: Lang, m: &Manifest) -> impl IntoView + use<> {
    let location = use_location();
    let links = m
        .regions
        .iter()
        .map(|r| {
            let page = Page {
                lang,
                kind: PageKind::Region(r.code.clone()),
            };
            let href = location.href(&page.query());
            view! { <li><a href=href>{r.name.get(lang).to_owned()}</a></li> }
        })
        .collect_view();
    view! {
        <nav class="unit-links" aria-label=t_string!(i18n, units_nav).to_string()>
            <ul>{links}</ul>
        </nav>
    }
}

/// The footer; empty until a dataset is loaded.
#[component]
pub fn SiteFooter(loaded: Signal<Option<Arc<Loaded>>>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_view_state().lang;
    let lines = move || {
        loaded.get().map(|l| {
            let m = &l.dataset.manifest;
            let source = source_sentence(i18n, lang.get(), m);
            let method = t_string!(i18n, method_note, k = m.k_anonymity.k).to_string();
            view! {
                {unit_links(i18n, lang.get(), m)}
                <p>{source}</p>
                <p>{method}</p>
            }
        })
    };
    view! { <footer class="site-footer">{lines}</footer> }
}
