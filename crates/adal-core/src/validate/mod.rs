//! Checking a published bundle: what `adal validate` prints and what the web app relies on.
//!
//! The checks: the schema version; every file the manifest lists exists with the stated size and SHA-256;
//! every column of a file has `rows` entries; every region, month, service, channel and category refers to
//! the manifest; scores lie in 1–5; and the anonymisation guarantees hold — every cell of visits (a
//! distinct `region, month, service, channel`) holds at least k visits, with statistics some such visits
//! can have (a contract-2 bundle: every combination among its visits occurs at least k times), and no
//! complaint count is between 1 and k − 1 or can be worked out from the totals.
//!
//! Every problem is collected, not only the first. The bundle is untrusted: a forged manifest cannot make
//! the checker read outside the bundle, because file paths must be plain names.
//!
//! The checks the web app's loader runs too — version, checksum, JSON shape, column lengths — are the
//! loader's own functions in [`crate::dataset`], with its typed [`LoadError`], so that `adal validate`
//! and the app can never disagree about them; the publisher's guarantees are checked here on top.

mod audits;
mod complaints;
mod manifest;
mod problems;

pub use audits::{check_audit_cells, check_audit_totals, check_audits};
pub use complaints::{check_complaints, check_complaints_in, check_outcomes};
pub use manifest::check_manifest;
pub use problems::{MAX_LISTED_PER_FILE, Problem};

use std::collections::HashMap;

use manifest::is_plain_name;
use problems::load_error_detail;

use crate::checksum::sha256_hex;
use crate::contract::{
    AuditCellsFile, AuditsFile, ComplaintCellsFile, ComplaintsFile, Manifest, OutcomesFile, files,
};
use crate::dataset;

/// Reads a file of the bundle by its plain name.
pub trait BundleSource {
    /// The bytes of `name`, or a reason it cannot be read.
    fn read(&self, name: &str) -> Result<Vec<u8>, String>;
}

impl<F: Fn(&str) -> Result<Vec<u8>, String>> BundleSource for F {
    fn read(&self, name: &str) -> Result<Vec<u8>, String> {
        self(name)
    }
}

/// Parses JSON, saying which file and where it breaks (the loader's [`dataset::json_error`]).
pub fn parse_json<T: serde::de::DeserializeOwned>(file: &str, bytes: &[u8]) -> Result<T, Problem> {
    serde_json::from_slice(bytes).map_err(|e| Problem {
        file: file.to_owned(),
        message: load_error_detail(file, &dataset::json_error(file, &e)),
    })
}

/// Checks a whole bundle and returns every problem found; an empty list means the bundle is clean.
pub fn validate_bundle(source: &impl BundleSource) -> Vec<Problem> {
    let manifest_bytes = match source.read(files::MANIFEST) {
        Ok(b) => b,
        Err(e) => {
            return vec![Problem {
                file: files::MANIFEST.into(),
                message: format!("cannot be read: {e}"),
            }];
        }
    };
    let manifest: Manifest = match parse_json(files::MANIFEST, &manifest_bytes) {
        Ok(m) => m,
        Err(p) => return vec![p],
    };
    let mut problems = check_manifest(&manifest);

    let mut contents: HashMap<String, Vec<u8>> = HashMap::new();
    for entry in &manifest.files {
        if !is_plain_name(&entry.path) {
            continue; // reported by check_manifest; never read
        }
        match source.read(&entry.path) {
            Ok(bytes) => {
                // The loader's check, and then what differs, for the publisher.
                if dataset::check_checksum(&manifest, &entry.path, &bytes).is_err() {
                    problems.push(Problem {
                        file: entry.path.clone(),
                        message: format!(
                            "its checksum does not match the manifest: {} bytes and SHA-256 {}, the manifest says {} bytes and {}",
                            bytes.len(),
                            sha256_hex(&bytes),
                            entry.bytes,
                            entry.sha256
                        ),
                    });
                }
                contents.insert(entry.path.clone(), bytes);
            }
            Err(e) => problems.push(Problem {
                file: entry.path.clone(),
                message: format!("is listed in the manifest but cannot be read: {e}"),
            }),
        }
    }

    if manifest.schema_version >= 3 {
        // The unit totals and the cells by service and channel: each checked as cells, then the
        // totals against the detail's sums.
        let parsed = [files::AUDITS, files::AUDIT_DETAIL].map(|file| {
            let bytes = contents.get(file)?;
            match parse_json::<AuditCellsFile>(file, bytes) {
                Ok(cells) => {
                    problems.extend(check_audit_cells(&manifest, &cells, file));
                    Some(cells)
                }
                Err(p) => {
                    problems.push(p);
                    None
                }
            }
        });
        if let [Some(totals), Some(detail)] = &parsed {
            problems.extend(check_audit_totals(&manifest, totals, detail));
        }
    } else if let Some(bytes) = contents.get(files::AUDITS) {
        match parse_json::<AuditsFile>(files::AUDITS, bytes) {
            Ok(audits) => problems.extend(check_audits(&manifest, &audits)),
            Err(p) => problems.push(p),
        }
    }
    if let Some(bytes) = contents.get(files::COMPLAINTS) {
        match parse_json::<ComplaintsFile>(files::COMPLAINTS, bytes) {
            // Contract 3's cells by category are a file of their own: checked with the totals as one.
            Ok(complaints) if manifest.schema_version >= 3 => {
                // What came of the complaints, where the bundle says: cells of the same totals.
                if let Some(bytes) = contents.get(files::OUTCOMES) {
                    match parse_json::<OutcomesFile>(files::OUTCOMES, bytes) {
                        Ok(outcomes) => {
                            problems.extend(check_outcomes(&manifest, &complaints, &outcomes));
                        }
                        Err(p) => problems.push(p),
                    }
                }
                if complaints.rows > 0 || !complaints.columns.region.is_empty() {
                    problems.push(Problem {
                        file: files::COMPLAINTS.into(),
                        message: format!(
                            "holds cells by category: contract 3 publishes them in {}",
                            files::COMPLAINT_DETAIL
                        ),
                    });
                }
                let cells = contents
                    .get(files::COMPLAINT_DETAIL)
                    .map(|bytes| parse_json::<ComplaintCellsFile>(files::COMPLAINT_DETAIL, bytes));
                match cells {
                    Some(Ok(cells)) => {
                        // Its version as every file's is checked, then its cells against the totals.
                        let mut p = problems::Problems::new(files::COMPLAINT_DETAIL);
                        let v = manifest.schema_version;
                        manifest::check_version(&mut p, cells.schema_version, v..=v);
                        problems.extend(p.finish());
                        problems.extend(check_complaints_in(
                            &manifest,
                            &complaints.with_cells(cells),
                            files::COMPLAINT_DETAIL,
                        ));
                    }
                    Some(Err(p)) => problems.push(p),
                    None => {}
                }
            }
            Ok(complaints) => problems.extend(check_complaints(&manifest, &complaints)),
            Err(p) => problems.push(p),
        }
    }
    problems
}
