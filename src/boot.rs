//! The start in the browser. A page that `adal pages` wrote says in `#app` which view it shows
//! (`data-page`) and from which bundle (`data-pin`, `id@version`). When the address asks for that page,
//! the bundle is loaded first — the page's content is on screen meanwhile — and the app hydrates the page
//! in place; the address's other parameters (another metric, period…) are applied after that, changing
//! only what differs. A page made from another version of the bundle, a view no page was written for, or
//! a page that is not pre-rendered at all is drawn by the app instead.

use adal_core::pages::{PageKind, Shown, same_view, split_shown};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::{App, Start};
use crate::contexts::dataset::load;
use crate::contexts::location::address_view;
use crate::hydration::{hydrate_the_rest, while_hydrating};

/// Hydrates or renders the page.
pub fn start() {
    console_error_panic_hook::set_once();
    crate::hydration::init_executor();
    let Some(root) = document().get_element_by_id("app") else {
        return;
    };
    let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    let wanted = address_view();
    let page = root.get_attribute("data-page");
    let pin = root.get_attribute("data-pin");
    let shown = pin.as_deref().map(Shown::from_pin);
    let page_of = |search: &str| {
        split_shown(search, [code_of(search).as_str()], shown.as_ref()).map(|(p, _)| p)
    };
    let hydrates = page
        .as_deref()
        .and_then(page_of)
        .is_some_and(|p| page_of(&wanted) == Some(p));
    let Some(page) = page.filter(|_| hydrates) else {
        render(root, wanted, None);
        return;
    };
    let kind = page_of(&page).map(|p| p.kind);
    wasm_bindgen_futures::spawn_local(async move {
        let detail = kind
            .as_ref()
            .map_or(&[][..], adal_core::pages::detail_files);
        let result = load(None, detail, |_| {}).await;
        match result {
            Ok(loaded) if pin.as_deref() == Some(loaded.pin().as_str()) => {
                match kind {
                    Some(PageKind::Overview) => loaded.figure_overview().await,
                    Some(PageKind::EmbedMap) => loaded.figure_map(),
                    _ => {}
                }
                crate::api::mark("adal:figured");
                let then = (!same_view(&page, &wanted)).then_some(wanted);
                let start = Start {
                    search: page,
                    dataset: Some(Ok(loaded)),
                    then,
                };
                // Hydration starts a task of its own.
                crate::api::yield_now().await;
                crate::api::mark("adal:hydrate");
                while_hydrating(|| {
                    leptos::mount::hydrate_from(root, move || view! { <App start /> }).forget();
                });
                crate::api::mark("adal:hydrated");
                hydrate_the_rest().await;
            }
            other => render(root, wanted, Some(other)),
        }
    });
}

/// The unit the view names, so that `Page::split` accepts it (the page exists: the host served it).
fn code_of(search: &str) -> String {
    adal_core::query::get(search, adal_core::view::Key::Region.name()).unwrap_or_default()
}

/// Draws the view `search` in place of whatever `root` holds.
fn render(
    root: web_sys::HtmlElement,
    search: String,
    dataset: Option<crate::contexts::dataset::LoadResult>,
) {
    root.set_text_content(None);
    let _ = root.remove_attribute("data-page");
    let start = Start {
        search,
        dataset,
        then: None,
    };
    leptos::mount::mount_to(root, move || view! { <App start /> }).forget();
}
