//! The app's built files that a site carries: `index.html` (the template whose asset tags the pages
//! copy), `assets/` (the wasm, JS, CSS, the chart worker and the vendored ECharts, all content-hashed)
//! and `data/geo/` (the units' shapes). The project's build makes them once (`trunk build --release`);
//! the release archive carries them in `share/adal-atlas/app/` beside `bin/adal`.

use std::fs;
use std::path::{Path, PathBuf};

use crate::Failure;

/// What an app folder must hold.
const NEEDED: [&str; 3] = ["index.html", "assets", "data/geo/kz-regions.json"];

/// The app folder: `--app`, else `share/adal-atlas/app` beside the program's folder (`bin/`), else
/// `app/` beside the program.
pub fn find(given: Option<&Path>) -> Result<PathBuf, Failure> {
    let candidates: Vec<PathBuf> = match given {
        Some(dir) => vec![dir.to_path_buf()],
        None => {
            let exe = std::env::current_exe().ok();
            let bin = exe.as_deref().and_then(Path::parent);
            let mut list = Vec::new();
            if let Some(bin) = bin {
                if let Some(root) = bin.parent() {
                    list.push(root.join("share").join("adal-atlas").join("app"));
                }
                list.push(bin.join("app"));
            }
            list
        }
    };
    for dir in &candidates {
        if NEEDED.iter().all(|n| dir.join(n).exists()) {
            return Ok(dir.clone());
        }
    }
    let tried: Vec<String> = candidates.iter().map(|c| c.display().to_string()).collect();
    Err(Failure::Usage(format!(
        "the app's files (index.html, assets/, data/geo/) are not in {}: use the release archive as \
unpacked (bin/adal beside share/adal-atlas/app), or give --app DIR (a site built by `trunk build --release`)",
        tried.join(" or ")
    )))
}

fn copy_tree(from: &Path, to: &Path) -> Result<usize, Failure> {
    fs::create_dir_all(to)
        .map_err(|e| Failure::Io(format!("cannot create {}: {e}", to.display())))?;
    let mut copied = 0;
    let entries = fs::read_dir(from)
        .map_err(|e| Failure::Io(format!("cannot read {}: {e}", from.display())))?;
    for entry in entries.flatten() {
        let (a, b) = (entry.path(), to.join(entry.file_name()));
        if a.is_dir() {
            copied += copy_tree(&a, &b)?;
        } else {
            fs::copy(&a, &b).map_err(|e| {
                Failure::Io(format!(
                    "cannot copy {} to {}: {e}",
                    a.display(),
                    b.display()
                ))
            })?;
            copied += 1;
        }
    }
    Ok(copied)
}

/// Copies the app's files into the site `out`. Files of an earlier build in `assets/` stay: their names
/// are hashed, so they never clash, and a page opened before the upload still finds its own.
pub fn copy(app: &Path, out: &Path) -> Result<usize, Failure> {
    fs::create_dir_all(out)
        .map_err(|e| Failure::Io(format!("cannot create {}: {e}", out.display())))?;
    // A site that is its own app folder (--app SITE) has its files already.
    if fs::canonicalize(app).ok() == fs::canonicalize(out).ok() {
        return Ok(0);
    }
    let mut copied = copy_tree(&app.join("assets"), &out.join("assets"))?;
    copied += copy_tree(&app.join("data").join("geo"), &out.join("data").join("geo"))?;
    let (a, b) = (app.join("index.html"), out.join("index.html"));
    fs::copy(&a, &b).map_err(|e| Failure::Io(format!("cannot copy {}: {e}", a.display())))?;
    Ok(copied + 1)
}
