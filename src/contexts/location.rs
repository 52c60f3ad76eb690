//! The page's query string as a signal, without a router: the app has one page, and all its view state
//! lives in the query string, so a router's path matching is dead weight in the first view's wasm.
//!
//! The signal starts from `location.search`, follows Back and Forward (`popstate`), and follows the
//! page's own links: a plain left click on an `<a>` whose address differs from the page's only in its
//! query string is taken over (`history.pushState`, then the signal), so that the view changes without
//! reloading the wasm. Links to other pages, new tabs, downloads and `#fragment` links are the browser's.
//! [`Location::navigate`] is the same step for the map's controls, which replace the query string in code.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The query string, `?…` or empty.
#[derive(Clone, Copy)]
pub struct Location {
    /// The query string as it is now.
    pub search: Memo<String>,
    set: WriteSignal<String>,
}

fn current_search() -> String {
    window().location().search().unwrap_or_default()
}

/// Provides the [`Location`] of the page.
pub fn provide_location() -> Location {
    let (raw, set) = signal(current_search());
    let search = Memo::new(move |_| raw.get());
    let location = Location { search, set };
    // These listeners live as long as the page: the app is never unmounted.
    let popstate = window_event_listener(ev::popstate, move |_| set.set(current_search()));
    let click = window_event_listener(ev::click, move |ev| {
        if let Some(search) = own_link(&ev) {
            ev.prevent_default();
            push(&search, set);
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    std::mem::forget((popstate, click));
    provide_context(location);
    location
}

/// The query string of the link clicked, when the click is a plain left click on a link to this page
/// that changes only its query string.
fn own_link(ev: &web_sys::MouseEvent) -> Option<String> {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.ctrl_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return None;
    }
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let anchor: web_sys::HtmlAnchorElement = target.closest("a[href]").ok()??.dyn_into().ok()?;
    if !anchor.target().is_empty() || anchor.has_attribute("download") {
        return None;
    }
    let here = window().location();
    let same_page = anchor.origin() == here.origin().ok()?
        && anchor.pathname() == here.pathname().ok()?
        && anchor.hash().is_empty();
    same_page.then(|| anchor.search())
}

fn push(search: &str, set: WriteSignal<String>) {
    let here = window().location();
    let path = here.pathname().unwrap_or_default();
    if let Ok(history) = window().history() {
        let _ = history.push_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}")),
        );
    }
    set.set(search.to_owned());
}

impl Location {
    /// Replaces the query string with `search` (`?…` or empty), as a new history entry. A method, not a
    /// context lookup, so that event callbacks (outside any reactive owner) can call it.
    pub fn navigate(&self, search: &str) {
        if self.search.get_untracked() != search {
            push(search, self.set);
        }
    }
}

/// The [`Location`] provided by [`provide_location`].
pub fn use_location() -> Location {
    expect_context::<Location>()
}
