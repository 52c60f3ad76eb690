//! The site's versions: which bundle it publishes now (`data/datasets.json`), and putting a new one in
//! its place while the earlier one moves to `data/versions/<id>/<version>/`, listed under `versions`, so
//! that a link or embed pinned with `?dataset=<id>@<version>` keeps showing what it showed.

use std::fs;
use std::path::Path;

use adal_core::contract::files;
use adal_core::dataset::{Dataset, DatasetIndex, INDEX_FILE, is_safe_folder};
use adal_publish::config::Settings;
use serde_json::{Value, json};

use crate::Failure;

/// The bundle files, moved together.
const BUNDLE: [&str; 3] = [files::MANIFEST, files::AUDITS, files::COMPLAINTS];
/// What may lie beside them and goes with them: the logo the manifest names, the Data Package.
const BESIDE: [&str; 9] = [
    // Contract 3's cells by service and channel, and its complaints by category (a version kept from
    // contract 2 has neither), and what came of the complaints where the bundle says.
    files::AUDIT_DETAIL,
    files::COMPLAINT_DETAIL,
    files::OUTCOMES,
    "logo.svg",
    adal_publish::datapackage::PACKAGE,
    adal_publish::datapackage::VISITS,
    adal_publish::datapackage::AUDIT_CELLS,
    adal_publish::datapackage::TOTALS,
    adal_publish::datapackage::CELLS,
];

/// The bundle a site publishes now: its dataset's id and version, and its folder inside `data/`.
#[derive(Clone, Debug, PartialEq)]
pub struct Current {
    pub id: String,
    pub version: String,
    pub path: String,
}

impl Current {
    pub fn open(&self, data: &Path) -> Result<Dataset, Failure> {
        open_bundle(&data.join(&self.path))
    }
}

fn io(path: &Path, what: &str, e: &std::io::Error) -> Failure {
    Failure::Io(format!("cannot {what} {}: {e}", path.display()))
}

/// The bundle the site at `data` publishes now (the default dataset of its `datasets.json`), or `None`
/// for a new site. A `datasets.json` that cannot be read stops the run: it is never overwritten blind.
pub fn current(data: &Path) -> Result<Option<Current>, Failure> {
    let index_path = data.join(INDEX_FILE);
    let bytes = match fs::read(&index_path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io(&index_path, "read", &e)),
    };
    let index = DatasetIndex::parse(&bytes).map_err(|e| {
        Failure::Usage(format!(
            "{} is not a valid list of datasets ({e:?}): correct it or start a new site folder",
            index_path.display()
        ))
    })?;
    let Some(entry) = index.datasets.iter().find(|d| d.id == index.default) else {
        return Ok(None);
    };
    let manifest = data.join(&entry.path).join(files::MANIFEST);
    let Ok(text) = fs::read(&manifest) else {
        return Ok(None);
    };
    let manifest: Value = serde_json::from_slice(&text)
        .map_err(|e| Failure::Usage(format!("{}: {e}", manifest.display())))?;
    let field = |k: &str| {
        manifest["dataset"][k]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    Ok(Some(Current {
        id: field("id"),
        version: field("version"),
        path: entry.path.clone(),
    }))
}

/// Moves the bundle files of `from` into `to` (created), replacing what is there.
fn move_bundle(from: &Path, to: &Path) -> Result<(), Failure> {
    fs::create_dir_all(to).map_err(|e| io(to, "create", &e))?;
    for name in BUNDLE {
        let (a, b) = (from.join(name), to.join(name));
        fs::rename(&a, &b).map_err(|e| io(&a, "move", &e))?;
    }
    for name in BESIDE {
        let (a, b) = (from.join(name), to.join(name));
        if a.is_file() {
            fs::rename(&a, &b).map_err(|e| io(&a, "move", &e))?;
        } else if b.is_file() {
            // What the earlier bundle had and this one has not (a logo taken away) goes.
            fs::remove_file(&b).map_err(|e| io(&b, "remove", &e))?;
        }
    }
    Ok(())
}

/// Puts the bundle staged in `staging` in its place in `data`, the earlier version of the same dataset
/// kept, and writes `datasets.json`; returns the bundle's folder inside `data`.
pub fn put_in_place(
    data: &Path,
    staging: &Path,
    current: Option<&Current>,
    settings: &Settings,
) -> Result<String, Failure> {
    let id = &settings.dataset.id;
    let index_path = data.join(INDEX_FILE);
    let mut index: Value = match fs::read(&index_path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map_err(|e| Failure::Usage(format!("{}: {e}", index_path.display())))?,
        Err(_) => json!({ "schema_version": 1, "default": id, "datasets": [] }),
    };
    if !index["datasets"].is_array() {
        index["datasets"] = json!([]);
    }
    let taken: Vec<String> = index["datasets"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["id"] != id.as_str())
        .filter_map(|d| d["path"].as_str().map(str::to_owned))
        .collect();
    let datasets = index["datasets"]
        .as_array_mut()
        .ok_or_else(|| Failure::Io(format!("{}: no list of datasets", index_path.display())))?;
    let position = match datasets.iter().position(|d| d["id"] == id.as_str()) {
        Some(p) => p,
        None => {
            let path = if taken.iter().any(String::is_empty) {
                format!("{id}/")
            } else {
                String::new()
            };
            datasets.push(json!({ "id": id, "path": path, "versions": [] }));
            datasets.len() - 1
        }
    };
    let entry = &mut datasets[position];
    let path = entry["path"].as_str().unwrap_or_default().to_owned();
    if !is_safe_folder(&path) {
        return Err(Failure::Usage(format!(
            "{}: the folder {path:?} of {id} is not a plain folder inside data/",
            index_path.display()
        )));
    }
    // The earlier version of this dataset moves aside and is listed, unless this run publishes it again.
    if let Some(old) = current.filter(|c| c.id == *id && c.version != settings.dataset.version) {
        let kept = format!("versions/{id}/{}/", old.version);
        move_bundle(&data.join(&old.path), &data.join(&kept))?;
        if !entry["versions"].is_array() {
            entry["versions"] = json!([]);
        }
        if let Some(list) = entry["versions"].as_array_mut() {
            list.retain(|v| v["version"] != old.version.as_str());
            list.insert(0, json!({ "version": old.version, "path": kept }));
        }
    }
    move_bundle(staging, &data.join(&path))?;
    let _ = fs::remove_dir_all(staging);
    entry["title"] = serde_json::to_value(&settings.title).unwrap_or(Value::Null);
    index["default"] = json!(id);
    let mut text = serde_json::to_string_pretty(&index).map_err(|e| Failure::Io(e.to_string()))?;
    text.push('\n');
    let tmp = data.join(".datasets.json.tmp");
    fs::write(&tmp, text).map_err(|e| io(&tmp, "write", &e))?;
    fs::rename(&tmp, &index_path).map_err(|e| io(&index_path, "write", &e))?;
    Ok(path)
}

/// A bundle folder opened as the app would open it.
pub fn open_bundle(dir: &Path) -> Result<Dataset, Failure> {
    let read = |name: &str| -> Result<Vec<u8>, Failure> {
        let path = dir.join(name);
        fs::read(&path).map_err(|e| Failure::Io(format!("cannot read {}: {e}", path.display())))
    };
    let failed =
        |e: adal_core::dataset::LoadError| Failure::Io(format!("{}: {e:?}", dir.display()));
    Dataset::read(read, failed)
}
