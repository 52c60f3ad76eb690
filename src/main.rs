//! Adal Atlas in the browser: a Leptos single-page app, rendered on the client, built by `scripts/build.mjs`
//! into static files that any static host serves from any sub-path.
//!
//! - [`app`] — the root: router (for the query string), i18n and dataset contexts, the page.
//! - [`api`] — the only module that fetches: bytes of the bundle's files, with progress, as typed errors.
//! - [`contexts`] — what is provided once at the top: the URL's view state and the loaded dataset.
//! - [`pages`] — one screen each; [`components`] — one component per file.
//!
//! Everything that is not drawing or I/O lives in `adal-core`.

mod api;
mod app;
mod components;
mod contexts;
mod pages;

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

fn main() {
    console_error_panic_hook::set_once();
    let Some(root) = leptos::prelude::document().get_element_by_id("app") else {
        return;
    };
    // The static "loading" text in index.html is replaced by the app.
    root.set_text_content(None);
    if let Ok(root) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root) {
        leptos::mount::mount_to(root, app::App).forget();
    }
}
