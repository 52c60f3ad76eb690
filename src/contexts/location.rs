//! The view's query string as a signal, without a router.
//!
//! All view state is one query string ([`adal_core::view`]); the address shown puts the language and the
//! page into the path ([`adal_core::pages`]: `ru/region/KZ-75/?metric=median_wait`), relative to the
//! site's root, which every page names in `<base href>`. The signal starts from the page's own view (a
//! pre-rendered page, before it is hydrated) or the address, follows Back and Forward (`popstate`), and
//! follows the page's own links: a plain left click on an `<a>` to one of the site's pages is taken over
//! (`history.pushState`, then the signal), so that the view changes without reloading the wasm. Links to
//! files, other sites, new tabs, downloads and `#fragment` links are the browser's.
//! [`Location::navigate`] is the same step for the controls, which change the view in code.

use adal_core::pages;
#[cfg(feature = "hydrate")]
use adal_core::pages::Page;
use leptos::prelude::*;

/// The view's query string, and the units that have pages (the dataset's).
#[derive(Clone, Copy)]
pub struct Location {
    /// The view as a query string, `?…` or empty.
    pub search: Memo<String>,
    set: WriteSignal<String>,
    codes: RwSignal<Vec<String>>,
    shown: RwSignal<Option<pages::Shown>>,
}

#[cfg(feature = "hydrate")]
/// A unit code as the pages' paths carry it (the host has the page only if it was written).
fn looks_like_code(code: &str) -> bool {
    code.len() <= 8
        && code.starts_with("KZ-")
        && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// The view the browser's address asks for: the page in its path joined with its query string; at the
/// site's root (or a path that is no page) the query string alone.
#[cfg(feature = "hydrate")]
pub fn address_view() -> String {
    let search = window().location().search().unwrap_or_default();
    match site_path().and_then(|p| Page::from_path(&p, looks_like_code)) {
        Some(page) if !page.path().is_empty() => page.join(&search),
        _ => search,
    }
}

/// The address's path relative to the site's root (`document.baseURI`), when it is inside the site.
#[cfg(feature = "hydrate")]
fn site_path() -> Option<String> {
    let base = document().base_uri().ok()??;
    let here = window().location();
    let page = format!("{}{}", here.origin().ok()?, here.pathname().ok()?);
    relative_to(&base, &page)
}

#[cfg(feature = "hydrate")]
fn relative_to(base: &str, url: &str) -> Option<String> {
    let base = base.split(['?', '#']).next()?;
    let base = &base[..base.rfind('/')? + 1];
    url.strip_prefix(base).map(str::to_owned)
}

/// Provides the [`Location`] of the page, starting from the view `initial`.
pub fn provide_location(initial: String) -> Location {
    let (raw, set) = signal(initial);
    let search = Memo::new(move |_| raw.get());
    let location = Location {
        search,
        set,
        codes: RwSignal::new(Vec::new()),
        shown: RwSignal::new(None),
    };
    #[cfg(feature = "hydrate")]
    listen(location);
    provide_context(location);
    location
}

#[cfg(feature = "hydrate")]
fn listen(location: Location) {
    use leptos::ev;
    // These listeners live as long as the page: the app is never unmounted.
    // Back and Forward show the entry's view and put focus back where the reader left it ([`show`]).
    let popstate = window_event_listener(ev::popstate, move |ev| {
        let focus = ev.state().as_string();
        location.set.set(address_view());
        if let Some(selector) = focus {
            // Once the view is drawn: its effects run before the next frame.
            request_animation_frame(move || {
                request_animation_frame(move || focus_selector(&selector));
            });
        }
    });
    let click = window_event_listener(ev::click, move |ev| {
        if let Some(search) = own_link(&ev) {
            ev.prevent_default();
            location.show(&search, true);
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    std::mem::forget((popstate, click));
}

/// The view of the link clicked, when the click is a plain left click on a link to one of the site's
/// pages.
#[cfg(feature = "hydrate")]
fn own_link(ev: &web_sys::MouseEvent) -> Option<String> {
    use wasm_bindgen::JsCast;
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
    if !anchor.target().is_empty() || anchor.has_attribute("download") || !anchor.hash().is_empty()
    {
        return None;
    }
    let base = document().base_uri().ok()??;
    let path = relative_to(&base, &format!("{}{}", anchor.origin(), anchor.pathname()))?;
    let search = anchor.search();
    if path.is_empty() || path == "index.html" {
        return Some(search);
    }
    Page::from_path(&path, looks_like_code).map(|page| page.join(&search))
}

/// Puts keyboard focus on the first element `selector` finds, HTML or SVG.
pub fn focus_selector(selector: &str) {
    use wasm_bindgen::JsCast;
    if let Ok(Some(element)) = document().query_selector(selector) {
        if let Ok(html) = element.clone().dyn_into::<web_sys::HtmlElement>() {
            let _ = html.focus();
        } else if let Ok(svg) = element.dyn_into::<web_sys::SvgElement>() {
            let _ = svg.focus();
        }
    }
}

/// A selector that finds the element that has focus now once its view is drawn again: a unit of the map,
/// a row's link in the table, an element with an id, a tab of the navigation.
#[cfg(feature = "hydrate")]
fn focused_selector() -> Option<String> {
    let element = document().active_element()?;
    if let Some(code) = element.get_attribute("data-region") {
        return Some(format!("[data-region=\"{code}\"]"));
    }
    if let Some(row) = element
        .closest("[data-region-row]")
        .ok()
        .flatten()
        .and_then(|r| r.get_attribute("data-region-row"))
    {
        return Some(format!("[data-region-row=\"{row}\"] a"));
    }
    let id = element.id();
    if !id.is_empty() {
        return Some(format!("#{id}"));
    }
    element
        .get_attribute("data-view")
        .map(|view| format!("[data-view=\"{view}\"]"))
}

impl Location {
    /// The address of the view `search`, relative to the site's root: its page's path and the other
    /// parameters ([`pages::href`]).
    pub fn href(&self, search: &str) -> String {
        let shown = self.shown.get_untracked();
        self.codes.with_untracked(|codes| {
            pages::href(search, codes.iter().map(String::as_str), shown.as_ref())
        })
    }

    /// The address of the view shown now, with `#fragment`: for in-page links, which `<base href>` would
    /// otherwise send to the site's root.
    pub fn fragment(&self, id: &str) -> String {
        let here = self.href(&self.search.get());
        format!("{here}#{id}")
    }

    /// The units that have pages and the dataset they show (`id@version`): set once the dataset is
    /// loaded.
    pub fn set_pages(&self, codes: Vec<String>, pin: &str) {
        self.codes.set(codes);
        self.shown.set(Some(pages::Shown::from_pin(pin)));
    }

    /// Shows the view `search` (`?…` or empty) as a new history entry. A method, not a context lookup,
    /// so that event callbacks (outside any reactive owner) can call it.
    pub fn navigate(&self, search: &str) {
        if self.search.get_untracked() != search {
            self.show(search, true);
        }
    }

    /// Shows the view `search` in place of the current history entry (the pre-rendered page's view
    /// becoming the one its address asks for).
    pub fn replace(&self, search: &str) {
        self.show(search, false);
    }

    /// Shows the view `search`, its address as a new history entry (`push`) or in place of the current
    /// one.
    fn show(&self, search: &str, push: bool) {
        #[cfg(feature = "hydrate")]
        if let Ok(history) = window().history() {
            let url = Some(self.href(search));
            let null = wasm_bindgen::JsValue::NULL;
            // The entry left keeps where focus was, for Back to put it there again.
            if push && let Some(selector) = focused_selector() {
                let _ = history.replace_state(&selector.into(), "");
            }
            let _ = if push {
                history.push_state_with_url(&null, "", url.as_deref())
            } else {
                history.replace_state_with_url(&null, "", url.as_deref())
            };
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = push;
        self.set.set(search.to_owned());
    }
}

/// The [`Location`] provided by [`provide_location`].
pub fn use_location() -> Location {
    expect_context::<Location>()
}
