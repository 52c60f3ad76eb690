//! The pages pre-rendered natively (`ssr`): the same components as in the browser, rendered to HTML for a
//! bundle on disk. `adal pages` writes them; the browser hydrates them ([`crate::boot`]).

use std::path::Path;
use std::sync::Arc;

use adal_core::contract::files;
use adal_core::dataset::{Dataset, DatasetIndex, GEO_FILE, INDEX_FILE, LoadError, parse_geo};
use adal_core::pages::Page;
use leptos::prelude::*;

use crate::app::{App, Start};
pub use crate::contexts::dataset::Loaded;

/// Opens the default dataset of the data folder `data` (its `datasets.json`), as the app loads it.
pub fn open(data: &Path) -> Result<Arc<Loaded>, LoadError> {
    let read = |path: &str, file: &str| {
        std::fs::read(data.join(path)).map_err(|_| LoadError::Network {
            file: file.to_owned(),
        })
    };
    let index = DatasetIndex::parse(&read(INDEX_FILE, INDEX_FILE)?)?;
    let base = index.choose(None).path.to_owned();
    let file = |name: &str| read(&format!("{base}{name}"), name);
    let dataset = Dataset::open(
        &file(files::MANIFEST)?,
        &file(files::AUDITS)?,
        &file(files::COMPLAINTS)?,
    )?;
    let geo = parse_geo(&read(GEO_FILE, "kz-regions.json")?)?;
    Ok(Arc::new(Loaded {
        dataset,
        refused: None,
        geo,
        path: base,
        requested: None,
    }))
}

/// The HTML of `#app` for `page`: what the browser hydrates.
pub fn render(loaded: &Arc<Loaded>, page: &Page) -> String {
    let start = Start {
        search: page.query(),
        dataset: Some(Ok(loaded.clone())),
        then: None,
    };
    // The i18n context spawns a task at its start (natively it has nothing to do).
    let _ = any_spawner::Executor::init_futures_executor();
    let owner = Owner::new();
    owner.with(move || view! { <App start /> }.to_html())
}
