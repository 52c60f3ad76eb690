//! The loaded dataset, provided once: the allow-list, then the manifest, then the two data files, each
//! checked by `adal-core` before anything is shown. A retry loads everything again.

use std::sync::Arc;

use adal_core::contract::{Manifest, files};
use adal_core::dataset::{
    Dataset, DatasetIndex, GEO_FILE, INDEX_FILE, LoadError, parse_audits, parse_complaints,
    parse_geo, parse_manifest,
};
use adal_core::geo::GeoFile;
use leptos::prelude::*;

use crate::api::{Progress, fetch_bytes};
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
}

/// The dataset context.
#[derive(Clone, Copy)]
pub struct DatasetContext {
    /// `None` while loading.
    pub resource: LocalResource<Result<Arc<Loaded>, LoadError>>,
    /// Progress of the files being fetched.
    pub progress: RwSignal<Vec<Progress>>,
}

impl DatasetContext {
    /// Loads everything again.
    pub fn retry(&self) {
        self.progress.set(Vec::new());
        self.resource.refetch();
    }
}

async fn load(
    requested: Option<String>,
    progress: RwSignal<Vec<Progress>>,
) -> Result<Arc<Loaded>, LoadError> {
    let track = move |p: Progress| {
        progress.update(|list| match list.iter_mut().find(|q| q.file == p.file) {
            Some(q) => *q = p,
            None => list.push(p),
        });
    };
    // The outlines do not depend on the dataset: they load beside the whole chain.
    let (bundle, geo) = futures_join(
        load_bundle(requested, track),
        fetch_bytes(GEO_FILE, "kz-regions.json", track),
    )
    .await;
    let (manifest, audits, complaints, refused, base) = bundle?;
    let geo = parse_geo(&geo?)?;
    let audits = parse_audits(&manifest, &audits?)?;
    let complaints = parse_complaints(&manifest, &complaints?)?;
    Ok(Arc::new(Loaded {
        dataset: Dataset::new(manifest, audits, complaints),
        refused,
        geo,
        path: base,
    }))
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
        let shown = format!("{}@{}", manifest.dataset.id, manifest.dataset.version);
        refused = Some((requested.unwrap_or_default(), shown));
    }
    Ok((manifest, audits, complaints, refused, base))
}

/// Runs two futures at once.
async fn futures_join<A, B>(a: impl Future<Output = A>, b: impl Future<Output = B>) -> (A, B) {
    futures::join!(a, b)
}

/// Starts loading the dataset the URL asks for and provides it.
pub fn provide_dataset() {
    let view = use_view_state();
    let progress = RwSignal::new(Vec::new());
    let resource = LocalResource::new(move || {
        let requested = view.dataset.get();
        load(requested, progress)
    });
    provide_context(DatasetContext { resource, progress });
}

/// The dataset context provided by [`provide_dataset`].
pub fn use_dataset() -> DatasetContext {
    expect_context::<DatasetContext>()
}
