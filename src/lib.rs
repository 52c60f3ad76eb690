//! Adal Atlas in the browser: a Leptos app whose pages `adal pages` renders natively to static HTML (the
//! `ssr` feature, [`prerender`]) and the browser hydrates (the `hydrate` feature, [`boot`]); both from the
//! same components. Built by Trunk (index.html, Trunk.toml) into static files that any static host serves from any
//! sub-path.
//!
//! - [`app`] — the root: the query string ([`contexts::location`]), i18n and dataset contexts, the page.
//! - [`api`] — the only module that fetches: bytes of the bundle's files, with progress, as typed errors.
//! - [`contexts`] — what is provided once at the top: the URL's view state and the loaded dataset.
//! - [`shell`] — the header, navigation, footer, loading and errors around every page.
//! - [`pages`] — one screen each; [`components`] — one component per file.
//! - the small helpers below them all: `contexts::ready` (`inert`: the controls wait for the app),
//!   `hydration` (hydrating in parts, `later`), `static_charts` (the charts handed to pre-rendering).
//!
//! Imports run one way: entry (`boot`, `prerender`) → `app`, `shell` → `pages` → `components` →
//! `contexts` → helpers (`api`, `hydration`, `static_charts`) → `adal-core`; `tests/module_graph.rs`
//! fails on an import that goes up, or on any circle between files.
//!
//! Everything that is not drawing or I/O lives in `adal-core`.

#![recursion_limit = "256"]

mod api;
mod app;
#[cfg(feature = "hydrate")]
pub mod boot;
mod components;
mod contexts;
#[cfg(feature = "hydrate")]
mod hydration;
mod pages;
#[cfg(feature = "ssr")]
pub mod prerender;
mod shell;
#[cfg(feature = "ssr")]
mod static_charts;

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));
