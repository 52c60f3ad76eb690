//! The root component: the query string ([`crate::contexts::location`]), the i18n context, the view
//! state and the dataset, and the one page of the app.

use leptos::prelude::*;

use crate::contexts::dataset::{LoadResult, provide_dataset};
use crate::contexts::location::provide_location;
use crate::contexts::ready::provide_ready;
use crate::contexts::view_state::provide_view_state;
use crate::i18n::I18nContextProvider;
use crate::shell::AppShell;

/// What the app starts from.
#[derive(Clone)]
pub struct Start {
    /// The view, as a query string: a pre-rendered page's own view when it is hydrated.
    pub search: String,
    /// The dataset, when it was loaded before the app started.
    pub dataset: Option<LoadResult>,
    /// The view the address asks for, when it differs from the pre-rendered page's: shown once the page
    /// is hydrated, changing only what differs.
    pub then: Option<String>,
}

/// The app.
#[component]
pub fn App(start: Start) -> impl IntoView {
    // The language comes from the view, never from a request's headers (natively there is no request).
    let no_header =
        leptos_i18n::context::UseLocalesOptions::default().ssr_lang_header_getter(|| None);
    view! {
        <I18nContextProvider ssr_lang_header_getter=no_header>
            <Root start=start.clone() />
        </I18nContextProvider>
    }
}

/// Inside the i18n context, so that the view state can set the language.
#[component]
fn Root(start: Start) -> impl IntoView {
    let ready = provide_ready();
    // Natively nothing sets it: the pre-rendered page is inert until the browser's app answers.
    #[cfg(not(feature = "hydrate"))]
    let _ = ready;
    let location = provide_location(start.search);
    provide_view_state();
    provide_dataset(start.dataset);
    // Effects run once the page is hydrated or drawn (and never natively): the address's own parameters,
    // then `<html data-ready>` — the page answers now (its buttons did nothing before); tests wait for it.
    let then = start.then;
    Effect::new(move |_| {
        if let Some(then) = &then {
            location.replace(then);
        }
        // After the first run of every other effect: hydration gives each a task of its own (boot.rs),
        // queued before this one's.
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            crate::api::yield_now().await;
            ready.set(true);
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("data-ready", "");
            }
        });
    });
    view! { <AppShell /> }
}
