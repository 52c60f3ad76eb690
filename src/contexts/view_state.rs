//! The site's part of the view state ([`adal_core::view::Site`]), read from the URL's query string:
//! language, theme and dataset.
//!
//! The query string is the only home of view state. The language is `?lang=` when valid, else Kazakh (the
//! site's root is the Kazakh page, pre-rendered: it cannot follow the browser's languages without showing
//! another language first); it is pushed into leptos_i18n and onto `<html lang>`. The theme is
//! `?theme=light|dark`, else the system's preference (CSS `prefers-color-scheme`).

use adal_core::labels::Lang;
use adal_core::query;
use adal_core::view::{Key, Site, Theme, read_embed};
use leptos::prelude::*;

use crate::i18n::{Locale, use_i18n};

/// The view state of the page.
#[derive(Clone, Copy)]
pub struct ViewState {
    /// The raw query string, `?…` or empty.
    pub search: Memo<String>,
    /// The language shown.
    pub lang: Memo<Lang>,
    /// The language, theme and dataset.
    pub site: Memo<Site>,
    /// `?dataset=`, if any.
    pub dataset: Memo<Option<String>>,
    /// Whether the page is dark: `?theme=dark`, or no `?theme=` and a system preference for dark.
    pub dark: Memo<bool>,
    /// `?embed=` names a piece: the page is that piece alone, without header and footer.
    pub embedded: Memo<bool>,
    /// Whether the reader asked for reduced motion, for what is drawn: `false` until the page is hydrated
    /// (a pre-rendered page cannot know), then the system's preference.
    pub reduced: RwSignal<bool>,
    location: crate::contexts::location::Location,
}

impl ViewState {
    /// A link to this view with `key` set to `value`, every other parameter kept: the address of its
    /// page.
    pub fn link_with(&self, key: Key, value: Option<&str>) -> String {
        self.location
            .href(&query::with_param(&self.search.get(), key.name(), value))
    }
}

/// Whether the CSS media query `query` matches now (`prefers-color-scheme`, `prefers-reduced-motion`).
/// Pre-rendered natively, no query matches: what depends on one is drawn by CSS, or after hydration.
pub fn media_matches(query: &str) -> bool {
    #[cfg(feature = "hydrate")]
    return window()
        .match_media(query)
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = query;
        false
    }
}

/// Whether the reader asked for reduced motion: no chart animation, no autoplay steps.
pub fn reduced_motion() -> bool {
    media_matches("(prefers-reduced-motion: reduce)")
}

fn locale_of(lang: Lang) -> Locale {
    match lang {
        Lang::Kk => Locale::kk,
        Lang::Ru => Locale::ru,
        Lang::En => Locale::en,
    }
}

/// Reads the view state from the URL and keeps the document in step with it.
pub fn provide_view_state() {
    let location = crate::contexts::location::use_location();
    let search = location.search;
    let site = Memo::new(move |_| Site::read(&search.get()).0);
    let lang = Memo::new(move |_| site.with(|s| s.lang));
    let theme = Memo::new(move |_| site.with(|s| s.theme));
    let dataset = Memo::new(move |_| site.with(|s| s.dataset.clone()));
    let embedded = Memo::new(move |_| read_embed(&search.get(), &mut Vec::new()).is_some());
    // The system's preferences, read once the page is hydrated (effects never run natively), so that
    // the first render in the browser is the pre-rendered page's.
    let system_dark = RwSignal::new(false);
    let reduced = RwSignal::new(false);
    Effect::new(move |_| {
        system_dark.set(media_matches("(prefers-color-scheme: dark)"));
        reduced.set(reduced_motion());
    });
    let dark = Memo::new(move |_| match theme.get() {
        Some(t) => t == Theme::Dark,
        None => system_dark.get(),
    });

    let i18n = use_i18n();
    // The first render is already in the right language; the effect follows later changes.
    i18n.set_locale(locale_of(lang.get_untracked()));
    Effect::new(move |_| {
        let lang = lang.get();
        i18n.set_locale(locale_of(lang));
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.code());
            match theme.get() {
                Some(t) => {
                    let _ = html.set_attribute("data-theme", t.id());
                }
                None => {
                    let _ = html.remove_attribute("data-theme");
                }
            }
        }
    });

    provide_context(ViewState {
        search,
        site,
        lang,
        dataset,
        dark,
        embedded,
        reduced,
        location,
    });
}

/// The view state provided by [`provide_view_state`].
pub fn use_view_state() -> ViewState {
    expect_context::<ViewState>()
}
