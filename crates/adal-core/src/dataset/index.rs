//! The allow-list of datasets the app may show (`datasets.json`): which datasets and versions, and
//! which one a view asks for.

use serde::Deserialize;

use super::error::{LoadError, check_version, json_error};
use crate::INDEX_VERSION;
use crate::labels::Labels;

/// The allow-list of datasets the app may show: `public/data/datasets.json`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct DatasetIndex {
    /// 1.
    pub schema_version: u32,
    /// The id shown when the URL names none.
    pub default: String,
    /// The datasets.
    pub datasets: Vec<DatasetRef>,
}

/// One dataset of the allow-list.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct DatasetRef {
    /// Its id, used in `?dataset=`.
    pub id: String,
    /// The folder of its bundle, relative to the data folder: empty, or segments ending in `/`.
    pub path: String,
    /// Its title, for a list of datasets.
    pub title: Option<Labels>,
    /// Earlier versions still published, so that links and embeds pinned to one
    /// (`?dataset=<id>@<version>`) keep showing the figures they were made with.
    #[serde(default)]
    pub versions: Vec<VersionRef>,
}

/// An earlier version of a dataset, kept.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct VersionRef {
    /// The manifest's `dataset.version` of that bundle.
    pub version: String,
    /// Its folder, relative to the data folder.
    pub path: String,
}

/// What `?dataset=` asked for, resolved against the allow-list.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Choice<'a> {
    /// The dataset shown.
    pub dataset: &'a DatasetRef,
    /// The folder of the bundle to load.
    pub path: &'a str,
    /// A version asked for that is not among the kept ones: the current bundle is loaded, and it is the
    /// version asked for only if its manifest says so.
    pub expect_version: Option<&'a str>,
    /// A dataset asked for that is not on the list (the default is shown).
    pub refused: bool,
}

/// The name of the allow-list file, relative to the data folder.
pub const INDEX_FILE: &str = "datasets.json";

/// Whether `path` is a folder inside the data folder: empty, or `a/b/` with plain segments. No `..`, no
/// leading `/`, no scheme: the app never fetches from anywhere else.
pub fn is_safe_folder(path: &str) -> bool {
    if path.is_empty() {
        return true;
    }
    let Some(inner) = path.strip_suffix('/') else {
        return false;
    };
    inner.split('/').all(|segment| {
        !segment.is_empty()
            && segment != "."
            && segment != ".."
            && segment
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    })
}

impl DatasetIndex {
    /// Parses and checks `datasets.json`.
    pub fn parse(bytes: &[u8]) -> Result<DatasetIndex, LoadError> {
        check_version(INDEX_FILE, bytes, INDEX_VERSION)?;
        let index: DatasetIndex =
            serde_json::from_slice(bytes).map_err(|e| json_error(INDEX_FILE, &e))?;
        let paths = index.datasets.iter().flat_map(|d| {
            std::iter::once((&d.id, &d.path))
                .chain(d.versions.iter().map(move |v| (&d.id, &v.path)))
        });
        for (id, path) in paths {
            if !is_safe_folder(path) {
                return Err(LoadError::BadIndex {
                    detail: format!(
                        "the path «{path}» of «{id}» is not a folder inside the data folder"
                    ),
                });
            }
        }
        if !index.datasets.iter().any(|d| d.id == index.default) {
            return Err(LoadError::BadIndex {
                detail: format!("the default «{}» is not among the datasets", index.default),
            });
        }
        Ok(index)
    }

    /// The bundle to show for `?dataset=<id>` or `?dataset=<id>@<version>`: the one named if it is on
    /// the list (the kept version asked for, else its current bundle), else the default.
    pub fn choose<'a>(&'a self, requested: Option<&'a str>) -> Choice<'a> {
        let (id, version) = match requested.map(|r| r.split_once('@')) {
            Some(Some((id, version))) => (Some(id), Some(version)),
            Some(None) => (requested, None),
            None => (None, None),
        };
        let default = self.datasets.iter().find(|d| d.id == self.default);
        let named = id.and_then(|id| self.datasets.iter().find(|d| d.id == id));
        let current = |dataset: &'a DatasetRef, refused| Choice {
            dataset,
            path: &dataset.path,
            expect_version: None,
            refused,
        };
        match (named, default) {
            (Some(d), _) => match version {
                Some(v) => match d.versions.iter().find(|k| k.version == v) {
                    Some(kept) => Choice {
                        path: &kept.path,
                        ..current(d, false)
                    },
                    None => Choice {
                        expect_version: Some(v),
                        ..current(d, false)
                    },
                },
                None => current(d, false),
            },
            (None, Some(d)) => current(d, requested.is_some()),
            // `parse` guarantees a default; the first entry is a safe answer for a hand-built index.
            (None, None) => current(&self.datasets[0], requested.is_some()),
        }
    }
}
