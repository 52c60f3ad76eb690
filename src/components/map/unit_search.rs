//! «Find your region or city»: a combobox over the 20 units (ARIA 1.2: an input that controls a
//! listbox). Typing offers the units `adal_core::search::find` matches — by the unit's name or its
//! administrative centre's, in any of the three languages and scripts; ↓/↑ move through the offers, Enter
//! opens the one chosen (the first unless another was), Escape closes the list, and a click or tap opens
//! an offer. How many were found is said in a polite live region.

use adal_core::search::{self, Found};
use leptos::prelude::*;

use crate::contexts::map_state::use_map_state;
use crate::contexts::view_state::use_view_state;
use crate::i18n::{t, t_string, use_i18n};

/// At most this many offers: a name typed halfway should still fit a phone's screen.
const MAX_OFFERS: usize = 8;

/// The id of an offer's element, for `aria-activedescendant`.
fn option_id(code: &str) -> String {
    format!("unit-search-{code}")
}

/// The search box.
#[component]
pub fn UnitSearch() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_map_state();
    let lang = use_view_state().lang;
    let query = RwSignal::new(String::new());
    let chosen = RwSignal::new(0_usize);
    let open = RwSignal::new(false);
    let found = Memo::new(move |_| {
        query.with(|q| {
            let mut found = search::find(q);
            found.truncate(MAX_OFFERS);
            found
        })
    });
    let expanded = move || open.get() && found.with(|f| !f.is_empty());
    let go = move |code: &str| {
        open.set(false);
        query.set(String::new());
        state.open_region(code);
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let count = found.with(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" if count > 0 => {
                ev.prevent_default();
                if open.get_untracked() {
                    chosen.update(|c| *c = (*c + 1) % count);
                } else {
                    open.set(true);
                }
            }
            "ArrowUp" if count > 0 => {
                ev.prevent_default();
                open.set(true);
                chosen.update(|c| *c = (*c + count - 1) % count);
            }
            "Enter" => {
                let pick = found.with(|f| f.get(chosen.get_untracked()).map(|f| f.code));
                if let Some(code) = pick {
                    ev.prevent_default();
                    go(code);
                }
            }
            "Escape" => {
                if open.get_untracked() {
                    ev.prevent_default();
                    open.set(false);
                } else {
                    query.set(String::new());
                }
            }
            _ => {}
        }
    };
    let active = move || {
        expanded()
            .then(|| found.with(|f| f.get(chosen.get()).map(|f| option_id(f.code))))
            .flatten()
    };
    let offers = move || {
        let lang = lang.get();
        found
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, f): (usize, Found)| {
                let code = f.code;
                view! {
                    <li
                        role="option"
                        id=option_id(code)
                        data-code=code
                        aria-selected=move || (chosen.get() == i).to_string()
                        // Keeps the focus in the box, so that the list stays until the click.
                        on:mousedown=|ev| ev.prevent_default()
                        on:click=move |_| go(code)
                    >
                        {search::offer_text(&f, lang)}
                    </li>
                }
            })
            .collect_view()
    };
    let status = move || {
        let typed = query.with(|q| !q.trim().is_empty());
        let count = found.with(Vec::len);
        match (typed, count) {
            (false, _) => String::new(),
            (true, 0) => t_string!(i18n, search_none).to_string(),
            (true, n) => t_string!(i18n, search_found, count = n).to_string(),
        }
    };
    view! {
        <div class="unit-search">
            <label for="unit-search">{t!(i18n, search_label)}</label>
            <input
                id="unit-search"
                type="text"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                enterkeyhint="go"
                aria-autocomplete="list"
                aria-controls="unit-search-list"
                aria-expanded=move || expanded().to_string()
                aria-activedescendant=active
                placeholder=move || t_string!(i18n, search_placeholder).to_string()
                disabled=crate::contexts::ready::inert()
                prop:value=move || query.get()
                on:input=move |ev| {
                    query.set(event_target_value(&ev));
                    chosen.set(0);
                    open.set(true);
                }
                on:keydown=on_keydown
                on:blur=move |_| open.set(false)
                on:focus=move |_| open.set(true)
            />
            <ul id="unit-search-list" role="listbox" aria-label=move || t_string!(i18n, search_label).to_string() hidden=move || !expanded()>
                {offers}
            </ul>
            <p class="visually-hidden" aria-live="polite">{status}</p>
        </div>
    }
}
