//! Reading and checking each file of a bundle: the manifest, the visits and the complaint counts
//! (checksums, column lengths, units), and the outlines of the map.

use serde::Deserialize;

use super::error::{LoadError, check_version, json_error, read_version};
use crate::aggregate::cells::{Cell, cells_of_file, cells_of_visits};
use crate::checksum::sha256_hex;
use crate::contract::{
    AuditCellsFile, AuditColumns, AuditsFile, ComplaintCellsFile, ComplaintColumns,
    ComplaintTotals, ComplaintsFile, Manifest, OutcomeColumns, OutcomesFile, files,
};
use crate::{INDEX_VERSION, OLDEST_READ_VERSION, SCHEMA_VERSION};

/// Each unit's place in the manifest, by code.
pub(crate) fn unit_positions(manifest: &Manifest) -> std::collections::HashMap<&str, usize> {
    manifest
        .regions
        .iter()
        .enumerate()
        .map(|(i, r)| (r.code.as_str(), i))
        .collect()
}

/// Parses and checks `manifest.json`: version, shape, and that it lists the two data files.
pub fn parse_manifest(bytes: &[u8]) -> Result<Manifest, LoadError> {
    read_version(files::MANIFEST, bytes, OLDEST_READ_VERSION..=SCHEMA_VERSION)?;
    let manifest: Manifest =
        serde_json::from_slice(bytes).map_err(|e| json_error(files::MANIFEST, &e))?;
    for file in [files::AUDITS, files::COMPLAINTS] {
        if !manifest.files.iter().any(|f| f.path == file) {
            return Err(LoadError::NotInManifest {
                file: file.to_owned(),
            });
        }
    }
    Ok(manifest)
}

/// Checks a data file's bytes against the manifest's size and SHA-256.
pub fn check_checksum(manifest: &Manifest, file: &str, bytes: &[u8]) -> Result<(), LoadError> {
    check_digest(manifest, file, bytes.len(), &sha256_hex(bytes))
}

/// Checks a data file's size and SHA-256 (lower-case hex), computed by the caller, against the
/// manifest's: the browser has its own, much faster SHA-256 (SubtleCrypto).
pub fn check_digest(
    manifest: &Manifest,
    file: &str,
    len: usize,
    sha256: &str,
) -> Result<(), LoadError> {
    let entry = manifest
        .files
        .iter()
        .find(|f| f.path == file)
        .ok_or_else(|| LoadError::NotInManifest {
            file: file.to_owned(),
        })?;
    if entry.bytes != len as u64 || entry.sha256 != sha256 {
        return Err(LoadError::Checksum {
            file: file.to_owned(),
        });
    }
    Ok(())
}

/// Checks that every column has `rows` entries.
pub fn check_lengths(file: &str, lengths: &[(&str, usize)], rows: usize) -> Result<(), LoadError> {
    match lengths.iter().find(|(_, len)| *len != rows) {
        Some((column, len)) => Err(LoadError::UnequalColumns {
            file: file.to_owned(),
            column: (*column).to_owned(),
            len: *len,
            rows,
        }),
        None => Ok(()),
    }
}

fn check_regions<'a>(
    manifest: &Manifest,
    file: &str,
    codes: impl IntoIterator<Item = &'a str>,
) -> Result<(), LoadError> {
    let known = |code: &str| {
        manifest.regions.iter().any(|r| r.code == code) && crate::regions::by_code(code).is_some()
    };
    // A column lists its unit's rows together: a code like the row's before is known already (each
    // lookup is two passes over the units, and a file has thousands of rows).
    let mut last = None;
    let unknown = codes.into_iter().find(|&c| {
        let seen = last == Some(c);
        last = Some(c);
        !seen && !known(c)
    });
    match unknown {
        Some(code) => Err(LoadError::UnknownRegion {
            file: file.to_owned(),
            code: code.to_owned(),
        }),
        None => Ok(()),
    }
}

/// Checks and parses `audits.json`: its cells (contract version 3), or a version-2 bundle's visits
/// folded into cells. Its version is the manifest's.
pub fn parse_audits(manifest: &Manifest, bytes: &[u8]) -> Result<Vec<Cell>, LoadError> {
    parse_audits_with_digest(manifest, bytes, &sha256_hex(bytes))
}

/// [`parse_audits`] for bytes whose SHA-256 the caller computed ([`check_digest`]).
pub fn parse_audits_with_digest(
    manifest: &Manifest,
    bytes: &[u8],
    sha256: &str,
) -> Result<Vec<Cell>, LoadError> {
    let mut parse = AuditsParse::new(manifest, bytes, sha256)?;
    while parse.step()? {}
    parse.finish(manifest)
}

/// Checks and parses contract 3's `audits-detail.json`: the cells by unit, time, service and channel.
/// Whether they add up to the unit totals is [`super::Dataset::add_detail_cells`]'s check.
pub fn parse_audit_detail(manifest: &Manifest, bytes: &[u8]) -> Result<Vec<Cell>, LoadError> {
    parse_audit_detail_with_digest(manifest, bytes, &sha256_hex(bytes))
}

/// [`parse_audit_detail`] for bytes whose SHA-256 the caller computed ([`check_digest`]).
pub fn parse_audit_detail_with_digest(
    manifest: &Manifest,
    bytes: &[u8],
    sha256: &str,
) -> Result<Vec<Cell>, LoadError> {
    check_digest(manifest, files::AUDIT_DETAIL, bytes.len(), sha256)?;
    parse_cells(manifest, files::AUDIT_DETAIL, bytes)
}

/// A contract-3 cells file (`audits.json`'s unit totals or `audits-detail.json`) whose digest was checked:
/// its version, its columns' lengths and units, and its cells.
fn parse_cells(manifest: &Manifest, file: &str, bytes: &[u8]) -> Result<Vec<Cell>, LoadError> {
    check_version(file, bytes, manifest.schema_version)?;
    let cells: AuditCellsFile = serde_json::from_slice(bytes).map_err(|e| json_error(file, &e))?;
    check_lengths(file, &cells.columns.lengths(), cells.rows)?;
    check_regions(manifest, file, cells.columns.region.iter().map(|r| &**r))?;
    Ok(cells_of_file(manifest, cells))
}

/// Checks and parses a version-2 bundle's `audits.json`, visit by visit: what the cells of a bundle
/// published again from the same raw files are checked against.
pub fn parse_visits(manifest: &Manifest, bytes: &[u8]) -> Result<AuditsFile, LoadError> {
    let mut parse = AuditsParse::new(manifest, bytes, &sha256_hex(bytes))?;
    while parse.step()? {}
    parse.finish_visits(manifest)
}

/// `audits.json` checked and parsed: a version-3 file (cells, small) at once, a version-2 file (every
/// visit) a column at a time — [`AuditsParse::step`] reads one, so that the browser can let a slow phone
/// breathe between them (the whole file at once was its longest task after hydration's). The result,
/// and any error, are those of parsing the file whole.
pub struct AuditsParse<'a> {
    bytes: &'a [u8],
    rows: usize,
    columns: Vec<(&'a str, &'a serde_json::value::RawValue)>,
    parsed: AuditColumns,
    done: usize,
    /// A version-3 file's cells, checked.
    cells: Option<Vec<Cell>>,
}

/// The file's outline, `{"schema_version":…,"rows":…,"columns":{…}}`: the columns as raw JSON, in their
/// order, each read when its turn comes.
#[derive(Deserialize)]
struct AuditsOutline<'a> {
    rows: usize,
    #[serde(borrow, deserialize_with = "in_order")]
    columns: Vec<(&'a str, &'a serde_json::value::RawValue)>,
}

impl<'a> AuditsParse<'a> {
    /// Checks the digest and version of `bytes` (the manifest's) and reads the file's outline, or a
    /// version-3 file whole.
    pub fn new(manifest: &Manifest, bytes: &'a [u8], sha256: &str) -> Result<Self, LoadError> {
        let file = files::AUDITS;
        check_digest(manifest, file, bytes.len(), sha256)?;
        let mut parse = AuditsParse {
            bytes,
            rows: 0,
            columns: Vec::new(),
            parsed: AuditColumns::default(),
            done: 0,
            cells: None,
        };
        if manifest.schema_version >= 3 {
            parse.cells = Some(parse_cells(manifest, file, bytes)?);
            return Ok(parse);
        }
        check_version(file, bytes, manifest.schema_version)?;
        let Ok(AuditsOutline { rows, columns }) = serde_json::from_slice(bytes) else {
            return Err(whole_file_error(bytes));
        };
        parse.rows = rows;
        parse.columns = columns;
        Ok(parse)
    }

    /// Reads the next column; `false` when every column has been read.
    pub fn step(&mut self) -> Result<bool, LoadError> {
        let Some((name, raw)) = self.columns.get(self.done) else {
            return Ok(false);
        };
        self.done += 1;
        // A column named twice, like a broken one, is reported as the whole file's parse reports it.
        let twice = self.columns[..self.done - 1].iter().any(|(n, _)| n == name);
        if twice || self.parsed.parse_column(name, raw.get()).is_err() {
            return Err(whole_file_error(self.bytes));
        }
        Ok(self.done < self.columns.len())
    }

    /// The cells, once every column has been read: a version-2 file's visits folded into them.
    pub fn finish(mut self, manifest: &Manifest) -> Result<Vec<Cell>, LoadError> {
        match self.cells.take() {
            Some(cells) => Ok(cells),
            None => Ok(cells_of_visits(manifest, &self.finish_visits(manifest)?)),
        }
    }

    /// A version-2 file's visits, once every column has been read, with their lengths and units checked.
    fn finish_visits(self, manifest: &Manifest) -> Result<AuditsFile, LoadError> {
        let file = files::AUDITS;
        if self.cells.is_some() {
            return Err(LoadError::SchemaVersion {
                file: file.to_owned(),
                found: manifest.schema_version.to_string(),
                oldest: OLDEST_READ_VERSION,
                expected: OLDEST_READ_VERSION,
            });
        }
        let named = |column: &str| self.columns.iter().any(|(n, _)| *n == column);
        if self.done < self.columns.len() || !self.parsed.lengths().iter().all(|(c, _)| named(c)) {
            return Err(whole_file_error(self.bytes));
        }
        let audits = AuditsFile {
            schema_version: OLDEST_READ_VERSION,
            rows: self.rows,
            columns: self.parsed,
        };
        check_lengths(file, &audits.columns.lengths(), audits.rows)?;
        check_regions(manifest, file, audits.columns.region.iter().map(|r| &**r))?;
        Ok(audits)
    }
}

/// A JSON object's entries, in order, values raw.
fn in_order<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Vec<(&'de str, &'de serde_json::value::RawValue)>, D::Error> {
    struct Entries;
    impl<'de> serde::de::Visitor<'de> for Entries {
        type Value = Vec<(&'de str, &'de serde_json::value::RawValue)>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object of columns")
        }
        fn visit_map<M: serde::de::MapAccess<'de>>(
            self,
            mut map: M,
        ) -> Result<Self::Value, M::Error> {
            let mut entries = Vec::new();
            while let Some(entry) = map.next_entry()? {
                entries.push(entry);
            }
            Ok(entries)
        }
    }
    d.deserialize_map(Entries)
}

/// The error of parsing `audits.json` whole: where it is broken, as a reader of the file would see it.
fn whole_file_error(bytes: &[u8]) -> LoadError {
    let file = files::AUDITS;
    match serde_json::from_slice::<AuditsFile>(bytes) {
        Err(e) => json_error(file, &e),
        // Whole, the file reads: a shape only the outline refuses (a column name with an escape).
        Ok(_) => LoadError::Json {
            file: file.to_owned(),
            line: 0,
            column: 0,
            detail: "the columns cannot be read one by one".to_owned(),
        },
    }
}

/// Checks and parses `complaints.json`.
pub fn parse_complaints(manifest: &Manifest, bytes: &[u8]) -> Result<ComplaintsFile, LoadError> {
    parse_complaints_with_digest(manifest, bytes, &sha256_hex(bytes))
}

/// [`parse_complaints`] for bytes whose SHA-256 the caller computed ([`check_digest`]).
pub fn parse_complaints_with_digest(
    manifest: &Manifest,
    bytes: &[u8],
    sha256: &str,
) -> Result<ComplaintsFile, LoadError> {
    let file = files::COMPLAINTS;
    check_digest(manifest, file, bytes.len(), sha256)?;
    check_version(file, bytes, manifest.schema_version)?;
    let complaints: ComplaintsFile =
        serde_json::from_slice(bytes).map_err(|e| json_error(file, &e))?;
    check_complaint_totals(manifest, &complaints.totals)?;
    check_complaint_cells(manifest, file, &complaints.columns, complaints.rows)?;
    Ok(complaints)
}

/// Checks and parses contract 3's `complaints-detail.json`: the complaints' cells by category.
pub fn parse_complaint_detail(
    manifest: &Manifest,
    bytes: &[u8],
) -> Result<ComplaintColumns, LoadError> {
    parse_complaint_detail_with_digest(manifest, bytes, &sha256_hex(bytes))
}

/// [`parse_complaint_detail`] for bytes whose SHA-256 the caller computed ([`check_digest`]).
pub fn parse_complaint_detail_with_digest(
    manifest: &Manifest,
    bytes: &[u8],
    sha256: &str,
) -> Result<ComplaintColumns, LoadError> {
    let file = files::COMPLAINT_DETAIL;
    check_digest(manifest, file, bytes.len(), sha256)?;
    check_version(file, bytes, manifest.schema_version)?;
    let cells: ComplaintCellsFile =
        serde_json::from_slice(bytes).map_err(|e| json_error(file, &e))?;
    check_complaint_cells(manifest, file, &cells.columns, cells.rows)?;
    Ok(cells.columns)
}

/// Parses and checks contract 3's optional `outcomes.json` (the complaints by the stage of their
/// outcome) against `manifest`.
pub fn parse_outcomes(manifest: &Manifest, bytes: &[u8]) -> Result<OutcomeColumns, LoadError> {
    parse_outcomes_with_digest(manifest, bytes, &sha256_hex(bytes))
}

/// [`parse_outcomes`] for bytes whose SHA-256 the caller computed ([`check_digest`]).
pub fn parse_outcomes_with_digest(
    manifest: &Manifest,
    bytes: &[u8],
    sha256: &str,
) -> Result<OutcomeColumns, LoadError> {
    let file = files::OUTCOMES;
    check_digest(manifest, file, bytes.len(), sha256)?;
    check_version(file, bytes, manifest.schema_version)?;
    let outcomes: OutcomesFile = serde_json::from_slice(bytes).map_err(|e| json_error(file, &e))?;
    check_lengths(file, &outcomes.columns.lengths(), outcomes.rows)?;
    check_regions(manifest, file, outcomes.columns.region.iter().map(|r| &**r))?;
    if let Some(times) = &outcomes.times {
        check_lengths(file, &times.columns.lengths(), times.rows)?;
        check_regions(manifest, file, times.columns.region.iter().map(|r| &**r))?;
    }
    if let Some(findings) = &outcomes.findings {
        let totals = &findings.totals;
        check_lengths(file, &totals.columns.lengths(), totals.rows)?;
        check_regions(manifest, file, totals.columns.region.iter().map(|r| &**r))?;
        check_lengths(file, &findings.columns.lengths(), findings.rows)?;
        check_regions(manifest, file, findings.columns.region.iter().map(|r| &**r))?;
    }
    Ok(outcomes.into_columns())
}

fn check_complaint_totals(manifest: &Manifest, totals: &ComplaintTotals) -> Result<(), LoadError> {
    let file = files::COMPLAINTS;
    check_lengths(file, &totals.columns.lengths(), totals.rows)?;
    check_regions(manifest, file, totals.columns.region.iter().map(|r| &**r))
}

fn check_complaint_cells(
    manifest: &Manifest,
    file: &str,
    cells: &ComplaintColumns,
    rows: usize,
) -> Result<(), LoadError> {
    check_lengths(file, &cells.lengths(), rows)?;
    check_regions(manifest, file, cells.region.iter().map(|r| &**r))
}

/// The map's outlines, shared by all datasets, relative to the data folder.
pub const GEO_FILE: &str = "geo/kz-regions.json";

/// Parses the map file.
pub fn parse_geo(bytes: &[u8]) -> Result<crate::geo::GeoFile, LoadError> {
    let name = "kz-regions.json";
    check_version(name, bytes, INDEX_VERSION)?;
    serde_json::from_slice(bytes).map_err(|e| json_error(name, &e))
}
