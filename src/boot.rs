//! The start in the browser. A page that `adal pages` wrote says in `#app` which view it shows
//! (`data-page`) and from which bundle (`data-pin`, `id@version`). When the address asks for that page,
//! the bundle is loaded first — the page's content is on screen meanwhile — and the app hydrates the page
//! in place; the address's other parameters (another metric, period…) are applied after that, changing
//! only what differs. A page made from another version of the bundle, a view no page was written for, or
//! a page that is not pre-rendered at all is drawn by the app instead.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use adal_core::pages::{PageKind, Shown, same_view, split_shown};
use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::{App, Start};
use crate::contexts::dataset::load;
use crate::contexts::location::address_view;

/// Hydrates or renders the page.
pub fn start() {
    console_error_panic_hook::set_once();
    let _ = Executor::init_local_custom_executor(Tasks);
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
        let result = load(None, |_| {}).await;
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
                DEFER.set(true);
                leptos::mount::hydrate_from(root, move || view! { <App start /> }).forget();
                DEFER.set(false);
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

thread_local! {
    /// Set while the page (or a part of it, [`later`]) is hydrated.
    static DEFER: Cell<bool> = const { Cell::new(false) };
    /// The parts of the page to hydrate after the rest ([`later`]), in the page's order.
    static PARTS: RefCell<VecDeque<Box<dyn FnOnce()>>> = RefCell::default();
    /// The tasks spawned while hydrating: the first run of every effect.
    static FIRST_RUNS: RefCell<Vec<PinnedLocalFuture<()>>> = RefCell::default();
}

/// Whether the page is being hydrated now (not drawn): for [`crate::components::later::Later`].
pub fn hydrating() -> bool {
    DEFER.get()
}

/// Hydrates `part` after the rest of the page, in a task of its own: before any effect's first run, so
/// that every part is hydrated from the state the page was pre-rendered in.
pub fn later(part: impl FnOnce() + 'static) {
    PARTS.with_borrow_mut(|parts| parts.push_back(Box::new(part)));
}

/// Hydrates the parts left for later, each in a task of its own, then starts the first run of every
/// effect, each in a task of its own too.
async fn hydrate_the_rest() {
    while let Some(part) = PARTS.with_borrow_mut(VecDeque::pop_front) {
        crate::api::yield_now().await;
        DEFER.set(true);
        part();
        DEFER.set(false);
        crate::api::mark("adal:later");
    }
    for task in FIRST_RUNS.take() {
        wasm_bindgen_futures::spawn_local(async move {
            crate::api::yield_now().await;
            task.await;
        });
    }
}

/// The app's executor: wasm-bindgen's, except that the tasks spawned while the page is hydrated (the
/// first run of every effect) each start in a task of their own, after hydration's and its parts'
/// ([`later`]), instead of in its microtasks: on a slow phone they made it one long task.
struct Tasks;

impl CustomExecutor for Tasks {
    fn spawn(&self, task: PinnedFuture<()>) {
        self.spawn_local(task);
    }

    fn spawn_local(&self, task: PinnedLocalFuture<()>) {
        if DEFER.get() {
            FIRST_RUNS.with_borrow_mut(|tasks| tasks.push(task));
        } else {
            wasm_bindgen_futures::spawn_local(task);
        }
    }

    fn poll_local(&self) {}
}
