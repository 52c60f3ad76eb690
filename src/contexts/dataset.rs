//! The loaded dataset, provided once: the allow-list, then the manifest and the two data files at once,
//! each checked by `adal-core` before anything is shown. A retry loads everything again. The pre-rendered
//! page's dataset is loaded before the app starts, so that it hydrates what the page shows.

use std::sync::{Arc, Mutex};

use adal_core::aggregate::{Filter, MapFigures, MetricId, comparison_period, region_figures};
use adal_core::figures::{KeyFigures, key_figures};
use adal_core::period::Period;
use adal_core::view::read_map_view;

use adal_core::contract::{Manifest, files};
use adal_core::dataset::{
    AuditsParse, Dataset, DatasetIndex, GEO_FILE, INDEX_FILE, LoadError,
    parse_audit_detail_with_digest, parse_complaint_detail_with_digest,
    parse_complaints_with_digest, parse_geo, parse_manifest, parse_outcomes_with_digest,
};
use adal_core::geo::GeoFile;
use leptos::prelude::*;

use crate::api::{Progress, fetch_bytes, mark, sha256_hex, yield_now};
use crate::contexts::view_state::use_view_state;

/// A dataset ready to show.
pub struct Loaded {
    /// The checked bundle.
    pub dataset: Dataset,
    /// The id requested in the URL but not on the allow-list, and the id shown instead.
    pub refused: Option<(String, String)>,
    /// The map's outlines.
    pub geo: GeoFile,
    /// The bundle's folder, relative to the data folder.
    pub path: String,
    /// `?dataset=` as it was asked for.
    pub requested: Option<String>,
    /// The key figures worked out so far ([`Loaded::key_figures`]).
    pub figures: FiguresCache,
}

/// Figures worked out once each: those the overview opens on are worked out before the pre-rendered
/// overview is hydrated, each in a task of its own ([`Loaded::figure_overview`]), so that hydrating it
/// only reads them.
#[derive(Debug, Default)]
pub struct FiguresCache {
    /// Key figures by period and unit (none for the whole country).
    keys: Mutex<Vec<Figured<KeyOf, KeyFigures>>>,
    /// The map's figures the overview opens on, by metric, filter and smallest sample: taken by the
    /// first map that asks for them (the others are worked out as they are asked for).
    opening_map: Mutex<Option<Figured<MapOf, MapFigures>>>,
}

/// Figures, and what they were worked out for.
type Figured<K, V> = (K, Arc<V>);
/// Key figures are of a period and a unit (none for the whole country).
type KeyOf = (Period, Option<String>);
/// The map's figures are of a metric, a filter and a smallest sample.
type MapOf = (MetricId, Filter, u64);

/// The value of `key` in `list`, worked out by `make` the first time.
fn cached<K: PartialEq, V>(
    list: &Mutex<Vec<(K, Arc<V>)>>,
    key: K,
    make: impl FnOnce() -> V,
) -> Arc<V> {
    let found = list
        .lock()
        .ok()
        .and_then(|l| l.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone()));
    found.unwrap_or_else(|| {
        let value = Arc::new(make());
        if let Ok(mut l) = list.lock() {
            l.push((key, value.clone()));
        }
        value
    })
}

impl Loaded {
    /// The key figures of `period` for the whole country, or for the unit `region`.
    pub fn key_figures(&self, period: Period, region: Option<&str>) -> Arc<KeyFigures> {
        let key = (period, region.map(str::to_owned));
        cached(&self.figures.keys, key, || {
            key_figures(&self.dataset, period, region)
        })
    }

    /// The map's figures ([`region_figures`]).
    pub fn map_figures(
        &self,
        metric: MetricId,
        filter: &Filter,
        min_visits: u64,
    ) -> Arc<MapFigures> {
        let key = (metric, filter.clone(), min_visits);
        let opening = self.figures.opening_map.lock().ok().and_then(|mut slot| {
            let matches = slot.as_ref().is_some_and(|(k, _)| *k == key);
            if matches { slot.take() } else { None }
        });
        match opening {
            Some((_, figures)) => figures,
            None => Arc::new(region_figures(&self.dataset, metric, filter, min_visits)),
        }
    }

    /// Works out the figures the map opens on (the overview's, the map embed's), so that hydrating a
    /// pre-rendered map only reads them.
    pub fn figure_map(&self) {
        let (view, _) = read_map_view("", &self.dataset.manifest, self.dataset.default_period());
        let filter = view.filter();
        let figures = region_figures(&self.dataset, view.metric, &filter, view.min_visits);
        if let Ok(mut slot) = self.figures.opening_map.lock() {
            *slot = Some(((view.metric, filter, view.min_visits), Arc::new(figures)));
        }
    }

    /// Works out, a task each, the figures the overview opens on (the map's, the key figures and those
    /// of the period before), so that hydrating the pre-rendered overview only reads them.
    pub async fn figure_overview(&self) {
        self.figure_map();
        yield_now().await;
        let national = self.dataset.default_period();
        for period in [Some(national), comparison_period(&self.dataset, national)]
            .into_iter()
            .flatten()
        {
            self.key_figures(period, None);
            yield_now().await;
        }
    }
}

impl Loaded {
    /// The units' codes: the units that have pages.
    pub fn codes(&self) -> Vec<String> {
        let regions = &self.dataset.manifest.regions;
        regions.iter().map(|r| r.code.clone()).collect()
    }

    /// The dataset as the pre-rendered pages name the bundle they were made from: `id@version`.
    pub fn pin(&self) -> String {
        self.dataset.manifest.dataset.pin()
    }
}

/// What loading gave: the dataset, or why not.
pub type LoadResult = Result<Arc<Loaded>, LoadError>;

/// Where the detail (`audits-detail.json`'s cells by service and channel, `complaints-detail.json`'s
/// complaints by category) is for the dataset shown: the first view reads the unit totals only, and a
/// view that breaks figures down by service, channel or category asks for it
/// ([`DatasetContext::want_detail`]).
#[derive(Clone, Debug, PartialEq)]
pub enum DetailLoad {
    /// Not asked for, or already in the dataset ([`Dataset::has_detail`]).
    Idle,
    /// Being fetched.
    Loading,
    /// Could not be had: why. Asking again tries again.
    Failed(LoadError),
}

/// The dataset context.
#[derive(Clone, Copy)]
pub struct DatasetContext {
    /// `None` while loading.
    pub state: RwSignal<Option<LoadResult>>,
    /// The cells by service and channel of the dataset shown; views that need them read this, so that
    /// they are drawn again once the detail is in.
    pub detail: RwSignal<DetailLoad>,
    /// Progress of the files being fetched.
    pub progress: RwSignal<Vec<Progress>>,
    /// Counts the loads started, so that only the last one's answer is shown.
    started: RwSignal<u32>,
    /// `?dataset=`.
    requested: Memo<Option<String>>,
}

impl DatasetContext {
    /// Fetches the shown dataset's detail (the cells by service and channel, the complaints by
    /// category) that `files` names and it lacks, unless they are on their way: with the progress and
    /// error handling of the first view's files.
    pub fn want_detail(&self, files: &'static [&'static str]) {
        let this = *self;
        let Some(Ok(loaded)) = this.state.get_untracked() else {
            return;
        };
        if !loaded.dataset.lacks_any(files) || this.detail.get_untracked() == DetailLoad::Loading {
            return;
        }
        this.detail.set(DetailLoad::Loading);
        let track = move |p: Progress| this.track(p);
        leptos::task::spawn_local(async move {
            let result = add_detail(&loaded, files, track).await;
            // Only for the dataset still shown.
            let shown = this
                .state
                .with_untracked(|s| matches!(s, Some(Ok(l)) if Arc::ptr_eq(l, &loaded)));
            if shown {
                this.progress
                    .update(|list| list.retain(|p| !files::UNIT_PAGE.contains(&&*p.file)));
                this.detail.set(match result {
                    Ok(()) => DetailLoad::Idle,
                    Err(e) => DetailLoad::Failed(e),
                });
            }
        });
    }

    /// Records a file's progress (the loading indicators read it).
    fn track(&self, p: Progress) {
        self.progress
            .update(|list| match list.iter_mut().find(|q| q.file == p.file) {
                Some(q) => *q = p,
                None => list.push(p),
            });
    }

    /// Loads everything again.
    pub fn retry(&self) {
        self.start(self.requested.get_untracked());
    }

    /// Starts loading the dataset `requested` (`?dataset=`; the default one for `None`).
    fn start(&self, requested: Option<String>) {
        let this = *self;
        this.progress.set(Vec::new());
        this.detail.set(DetailLoad::Idle);
        this.state.set(None);
        this.started.update(|n| *n += 1);
        let ticket = this.started.get_untracked();
        let track = move |p: Progress| this.track(p);
        leptos::task::spawn_local(async move {
            let result = load(requested, &[], track).await;
            if this.started.get_untracked() == ticket {
                this.state.set(Some(result));
            }
        });
    }
}

/// Fetches and adds what `loaded`'s bundle lists beside its first view and has not added yet: the cells
/// by service and channel (checked against its manifest and its unit totals) and the complaints' cells
/// by category, both at once.
async fn add_detail(
    loaded: &Loaded,
    wanted: &[&str],
    track: impl Fn(Progress) + Copy,
) -> Result<(), LoadError> {
    let d = &loaded.dataset;
    let fetch = |file: &'static str| {
        let path = format!("{}{}", loaded.path, file);
        async move {
            let bytes = fetch_bytes(&path, file, track).await?;
            let sum = sha256_hex(&bytes)
                .await
                .unwrap_or_else(|| adal_core::checksum::sha256_hex(&bytes));
            Ok::<_, LoadError>((bytes, sum))
        }
    };
    let lacks = |file: &str| wanted.contains(&file) && d.lacks(file);
    let (audits, complaints) = (lacks(files::AUDIT_DETAIL), lacks(files::COMPLAINT_DETAIL));
    let (audit_cells, complaint_cells) = futures_join(
        async {
            if audits {
                Some(fetch(files::AUDIT_DETAIL).await)
            } else {
                None
            }
        },
        async {
            if complaints {
                Some(fetch(files::COMPLAINT_DETAIL).await)
            } else {
                None
            }
        },
    )
    .await;
    if let Some(fetched) = complaint_cells {
        let (bytes, sum) = fetched?;
        yield_now().await;
        d.add_complaint_detail(parse_complaint_detail_with_digest(
            &d.manifest,
            &bytes,
            &sum,
        )?);
    }
    // What came of the complaints: a few kilobytes, after the others.
    if lacks(files::OUTCOMES) {
        let (bytes, sum) = fetch(files::OUTCOMES).await?;
        yield_now().await;
        d.add_outcomes(parse_outcomes_with_digest(&d.manifest, &bytes, &sum)?);
    }
    if let Some(fetched) = audit_cells {
        let (bytes, sum) = fetched?;
        yield_now().await;
        let cells = parse_audit_detail_with_digest(&d.manifest, &bytes, &sum)?;
        yield_now().await;
        d.add_detail_cells(cells)?;
    }
    Ok(())
}

/// Loads the dataset `requested` (`?dataset=`, or the default one), reporting the files' progress to
/// `track`; with the detail files `with_detail` (a pre-rendered page that shows them hydrates with
/// them).
pub async fn load(
    requested: Option<String>,
    with_detail: &[&str],
    track: impl Fn(Progress) + Copy,
) -> LoadResult {
    // The outlines do not depend on the dataset: they load beside the whole chain.
    let (bundle, geo) = futures_join(
        load_bundle(requested.clone(), track),
        fetch_bytes(GEO_FILE, "kz-regions.json", track),
    )
    .await;
    let (manifest, audits, complaints, refused, base) = bundle?;
    // Parsing and checking each file is a task of its own: none blocks a slow phone for long.
    mark("adal:fetched");
    let geo = parse_geo(&geo?)?;
    let (audits, complaints) = (audits?, complaints?);
    let (audits_sum, complaints_sum) =
        futures_join(sha256_hex(&audits), sha256_hex(&complaints)).await;
    mark("adal:summed");
    // The visits, a column per task (the whole file at once was a slow phone's longest task after
    // hydration's).
    let sum = audits_sum.unwrap_or_else(|| adal_core::checksum::sha256_hex(&audits));
    let mut parse = AuditsParse::new(&manifest, &audits, &sum)?;
    while parse.step()? {
        yield_now().await;
    }
    let audits = parse.finish(&manifest)?;
    mark("adal:audits-parsed");
    yield_now().await;
    let sum = complaints_sum.unwrap_or_else(|| adal_core::checksum::sha256_hex(&complaints));
    let complaints = parse_complaints_with_digest(&manifest, &complaints, &sum)?;
    // Contract 3's audits.json is the unit totals; a version-2 bundle's visits give both at once.
    let dataset = if manifest.schema_version >= 3 {
        Dataset::of_totals(manifest, audits, complaints)
    } else {
        Dataset::new(manifest, audits, complaints)
    };
    mark("adal:parsed");
    yield_now().await;
    let loaded = Arc::new(Loaded {
        dataset,
        refused,
        geo,
        path: base,
        requested,
        figures: FiguresCache::default(),
    });
    if loaded.dataset.lacks_any(with_detail) {
        add_detail(&loaded, with_detail, track).await?;
        mark("adal:detail-parsed");
    }
    Ok(loaded)
}

/// What [`load_bundle`] gives: the checked manifest, the data files' bytes (checked against it later),
/// the refused request, and the bundle's folder.
type Bundle = (
    Manifest,
    Result<Vec<u8>, LoadError>,
    Result<Vec<u8>, LoadError>,
    Option<(String, String)>,
    String,
);

/// The dataset list, then the chosen bundle's three files at once: the data files do not wait for the
/// manifest (they are checked against it once all have arrived), so the chain is two steps long, and for
/// the default bundle `index.html` has already asked for all of them beside the wasm.
async fn load_bundle(
    requested: Option<String>,
    track: impl Fn(Progress) + Copy,
) -> Result<Bundle, LoadError> {
    let index = DatasetIndex::parse(&fetch_bytes(INDEX_FILE, INDEX_FILE, track).await?)?;
    let chosen = index.choose(requested.as_deref());
    // `DatasetIndex::parse` has checked that the path is a plain folder inside the data folder.
    let base = chosen.path.to_owned();
    let expect_version = chosen.expect_version.map(str::to_owned);
    let mut refused = chosen.refused.then(|| {
        (
            requested.clone().unwrap_or_default(),
            chosen.dataset.id.clone(),
        )
    });
    let manifest_path = format!("{base}{}", files::MANIFEST);
    let audits_path = format!("{base}{}", files::AUDITS);
    let complaints_path = format!("{base}{}", files::COMPLAINTS);
    let (manifest, (audits, complaints)) = futures_join(
        fetch_bytes(&manifest_path, files::MANIFEST, track),
        futures_join(
            fetch_bytes(&audits_path, files::AUDITS, track),
            fetch_bytes(&complaints_path, files::COMPLAINTS, track),
        ),
    )
    .await;
    let manifest = parse_manifest(&manifest?)?;
    // A version asked for that is no longer kept: the current one is shown, and the reader told.
    if expect_version.is_some_and(|v| v != manifest.dataset.version) {
        refused = Some((requested.unwrap_or_default(), manifest.dataset.pin()));
    }
    Ok((manifest, audits, complaints, refused, base))
}

/// Runs two futures at once.
async fn futures_join<A, B>(a: impl Future<Output = A>, b: impl Future<Output = B>) -> (A, B) {
    futures::join!(a, b)
}

/// Provides the dataset: `initial` when it was loaded before the app started (the pre-rendered page's,
/// or the pre-renderer's own), and loads the one the URL asks for whenever `?dataset=` changes.
pub fn provide_dataset(initial: Option<LoadResult>) {
    let view = use_view_state();
    let location = crate::contexts::location::use_location();
    let context = DatasetContext {
        state: RwSignal::new(initial.clone()),
        detail: RwSignal::new(DetailLoad::Idle),
        progress: RwSignal::new(Vec::new()),
        started: RwSignal::new(0),
        requested: view.dataset,
    };
    // The pages exist for the default dataset only: its units and version, for the links.
    let pages_of = move |loaded: &Loaded| {
        if loaded.requested.is_none() {
            location.set_pages(loaded.codes(), &loaded.pin());
        }
    };
    Effect::new(move |_| {
        if let Some(Ok(loaded)) = context.state.get() {
            pages_of(&loaded);
        }
    });
    if let Some(Ok(loaded)) = &initial {
        pages_of(loaded);
    }
    let given = initial.map(|r| r.ok().and_then(|l| l.requested.clone()));
    // A request for the dataset already shown (by its id, or the version shown, as pinned embeds ask)
    // does not load it again.
    let shown = move |requested: &Option<String>| {
        context.state.with_untracked(|s| match (s, requested) {
            (Some(Ok(l)), None) => l.requested.is_none(),
            (Some(Ok(l)), Some(r)) => {
                l.requested.as_ref() == Some(r)
                    || *r == l.pin()
                    || (l.requested.is_none() && *r == l.dataset.manifest.dataset.id)
            }
            _ => false,
        })
    };
    Effect::new(move |previous: Option<Option<String>>| {
        let requested = view.dataset.get();
        let loaded = match &previous {
            None => given.as_ref() == Some(&requested),
            Some(_) => shown(&requested),
        };
        if !loaded {
            context.start(requested.clone());
        }
        requested
    });
    provide_context(context);
}

/// The dataset context provided by [`provide_dataset`].
pub fn use_dataset() -> DatasetContext {
    expect_context::<DatasetContext>()
}
