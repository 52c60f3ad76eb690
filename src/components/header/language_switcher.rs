//! The language switcher: three links that change `lang=` and keep the rest of the URL. Each language's
//! name is written in that language, so that everyone finds their own.

use adal_core::labels::Lang;
use adal_core::view::Key;
use leptos::prelude::*;

use crate::contexts::view_state::use_view_state;
use crate::i18n::{t_string, use_i18n};

fn own_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Kk => "Қазақша",
        Lang::Ru => "Русский",
        Lang::En => "English",
    }
}

/// The switcher.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let view_state = use_view_state();
    let links = Lang::ALL
        .into_iter()
        .map(|lang| {
            let href = move || view_state.link_with(Key::Lang, Some(lang.code()));
            let current = move || (view_state.lang.get() == lang).then_some("true");
            view! {
                <li>
                    <a href=href hreflang=lang.code() lang=lang.code() aria-current=current>
                        {own_name(lang)}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="language-switcher" aria-label=move || t_string!(i18n, language)>
            <ul>{links}</ul>
        </nav>
    }
}
