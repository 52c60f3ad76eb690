//! The pages pre-rendered natively (`ssr`): the same components as in the browser, rendered to HTML for a
//! bundle on disk. `adal pages` writes them; the browser hydrates them ([`crate::boot`]).

use std::cell::RefCell;
use std::path::Path;
use std::sync::Arc;

use adal_core::dataset::{Dataset, DatasetIndex, GEO_FILE, INDEX_FILE, LoadError, parse_geo};
use adal_core::pages::Page;
use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use futures::executor::{LocalPool, LocalSpawner};
use futures::task::LocalSpawnExt;
use leptos::prelude::*;

use crate::app::{App, Start};
pub use crate::contexts::dataset::Loaded;
pub use crate::static_charts::StaticChart;
use crate::static_charts::StaticCharts;

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
    // The pages show every view, the services' too: the pre-renderer reads the detail at once.
    let dataset = Dataset::read(file, |e| e)?;
    let geo = parse_geo(&read(GEO_FILE, "kz-regions.json")?)?;
    Ok(Arc::new(Loaded {
        dataset,
        refused: None,
        geo,
        path: base,
        requested: None,
        figures: Default::default(),
    }))
}

/// What [`render`] gives.
#[derive(Clone, Debug, PartialEq)]
pub struct Rendered {
    /// The HTML of `#app`: what the browser hydrates.
    pub html: String,
    /// The page's charts, in the order of their markers.
    pub charts: Vec<StaticChart>,
}

/// Renders `page`; with `charts`, its charts are listed and marked for static drawing.
pub fn render(loaded: &Arc<Loaded>, page: &Page, charts: bool) -> Rendered {
    let start = Start {
        search: page.query(),
        dataset: Some(Ok(loaded.clone())),
        then: None,
    };
    // Tasks spawned while rendering (the i18n context spawns one at its start; natively it has nothing to
    // do) run on this thread, before the render's reactive owner is gone.
    let _ = Executor::init_local_custom_executor(Tasks);
    let list = StaticCharts::default();
    let owner = Owner::new();
    let html = owner.with(|| {
        if charts {
            list.provide();
        }
        view! { <App start /> }.to_html()
    });
    owner.with(Executor::poll_local);
    drop(owner);
    let charts = list.taken();
    Rendered { html, charts }
}

/// The pre-renderer's executor: every task runs on the rendering thread, when [`render`] polls it.
struct Tasks;

thread_local! {
    static POOL: RefCell<LocalPool> = RefCell::new(LocalPool::new());
    static SPAWNER: LocalSpawner = POOL.with(|pool| pool.borrow().spawner());
}

impl CustomExecutor for Tasks {
    fn spawn(&self, task: PinnedFuture<()>) {
        self.spawn_local(task);
    }

    fn spawn_local(&self, task: PinnedLocalFuture<()>) {
        // Fails only once the pool is gone, with the thread.
        SPAWNER.with(|spawner| {
            let _ = spawner.spawn_local(task);
        });
    }

    fn poll_local(&self) {
        POOL.with(|pool| {
            // A task polling the pool again finds it busy.
            if let Ok(mut pool) = pool.try_borrow_mut() {
                pool.run_until_stalled();
            }
        });
    }
}
