//! Why a bundle could not be opened ([`LoadError`]), and the checks every file's reading starts
//! with: its JSON parses, its `schema_version` is the one this build reads.

use serde::Deserialize;

/// Why a dataset could not be shown.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// The request did not reach the server.
    #[error("{file}: the network request failed")]
    Network {
        /// The file asked for.
        file: String,
    },
    /// The server answered with an error status.
    #[error("{file}: the server answered HTTP {status}")]
    Http {
        /// The file asked for.
        file: String,
        /// The HTTP status.
        status: u16,
    },
    /// The file is not valid JSON, or not of the expected shape.
    #[error("{file}: invalid JSON at line {line}, column {column}: {detail}")]
    Json {
        /// The file.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's words.
        detail: String,
    },
    /// A contract version this app does not read: an older bundle (version 1) must be re-published with
    /// the current `adal`, a newer one needs a newer app.
    #[error("{file}: schema_version {found} is not supported (this app reads {}){}", versions(*.oldest, *.expected), older_hint(.found, *.oldest))]
    SchemaVersion {
        /// The file.
        file: String,
        /// The version found, if any.
        found: String,
        /// The oldest version this app reads for that file.
        oldest: u32,
        /// The newest version this app reads for that file.
        expected: u32,
    },
    /// The manifest does not list a file the app needs.
    #[error("{file}: not listed in the manifest")]
    NotInManifest {
        /// The file.
        file: String,
    },
    /// The file's bytes differ from the manifest's size or SHA-256.
    #[error("{file}: its checksum does not match the manifest")]
    Checksum {
        /// The file.
        file: String,
    },
    /// Columns of different lengths.
    #[error("{file}: column {column} has {len} entries, rows says {rows}")]
    UnequalColumns {
        /// The file.
        file: String,
        /// The column.
        column: String,
        /// Its length.
        len: usize,
        /// The declared number of rows.
        rows: usize,
    },
    /// A region code not among the manifest's regions.
    #[error("{file}: unknown region code «{code}»")]
    UnknownRegion {
        /// The file.
        file: String,
        /// The code found.
        code: String,
    },
    /// A file whose figures do not add up to another's (the cells by service and channel against the
    /// unit totals): one of them was changed after publication.
    #[error("{file}: its cells do not add up to those of {with}")]
    Disagree {
        /// The file read last.
        file: String,
        /// The file it should add up to.
        with: String,
    },
    /// The dataset list is unusable (an invalid entry or no default).
    #[error("datasets.json: {detail}")]
    BadIndex {
        /// What is wrong.
        detail: String,
    },
}

/// For a version older than the one read: what the publisher must do.
fn versions(oldest: u32, newest: u32) -> String {
    if oldest == newest {
        newest.to_string()
    } else {
        format!("{oldest} to {newest}")
    }
}

fn older_hint(found: &str, expected: u32) -> &'static str {
    if found.parse::<u32>().is_ok_and(|v| v < expected) {
        "; it is an older format: publish the bundle again from the raw files with the current `adal publish`"
    } else {
        ""
    }
}

/// The typed error of a JSON file that does not parse.
pub fn json_error(file: &str, e: &serde_json::Error) -> LoadError {
    LoadError::Json {
        file: file.to_owned(),
        line: e.line(),
        column: e.column(),
        detail: e.to_string(),
    }
}

#[derive(Deserialize)]
struct VersionProbe {
    schema_version: Option<serde_json::Value>,
}

/// Checks the `schema_version` before the full parse, so that a newer bundle is reported as such and not
/// as a shape error.
pub fn check_version(file: &str, bytes: &[u8], expected: u32) -> Result<(), LoadError> {
    read_version(file, bytes, expected..=expected).map(|_| ())
}

/// [`check_version`] for a file read in any of the versions `accepted`: the version found.
pub fn read_version(
    file: &str,
    bytes: &[u8],
    accepted: std::ops::RangeInclusive<u32>,
) -> Result<u32, LoadError> {
    // The publisher writes the version first: read there, it spares a second pass over a large file
    // (the probe below reads the whole document). Any other layout takes the probe.
    for version in accepted.clone() {
        let head = format!("{{\"schema_version\":{version}");
        if bytes.starts_with(head.as_bytes())
            && matches!(bytes.get(head.len()), Some(b',' | b'}' | b' ' | b'\n'))
        {
            return Ok(version);
        }
    }
    let probe: VersionProbe = serde_json::from_slice(bytes).map_err(|e| json_error(file, &e))?;
    match probe.schema_version {
        Some(serde_json::Value::Number(n))
            if n.as_u64()
                .and_then(|v| u32::try_from(v).ok())
                .is_some_and(|v| accepted.contains(&v)) =>
        {
            Ok(n.as_u64().and_then(|v| u32::try_from(v).ok()).unwrap_or(0))
        }
        other => Err(LoadError::SchemaVersion {
            file: file.to_owned(),
            found: other.map_or_else(|| "(none)".to_owned(), |v| v.to_string()),
            oldest: *accepted.start(),
            expected: *accepted.end(),
        }),
    }
}
