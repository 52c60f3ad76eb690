//! Opening a published bundle as the web app receives it: the allow-list of datasets, then the manifest,
//! then the data files, each checked before use.
//!
//! Every failure is a [`LoadError`] with the facts a message needs (which file, where, what was found), so
//! that the app can tell people in their language what happened and what they can do. Nothing here panics
//! on any input.

use serde::Deserialize;

use crate::checksum::sha256_hex;
use crate::contract::{AuditColumns, AuditsFile, ComplaintsFile, Manifest, files};
use crate::labels::Labels;
use crate::period::{Month, Period, PeriodLabel};
use crate::{INDEX_VERSION, SCHEMA_VERSION};

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
    #[error("{file}: schema_version {found} is not supported (this app reads {expected}){}", older_hint(.found, *.expected))]
    SchemaVersion {
        /// The file.
        file: String,
        /// The version found, if any.
        found: String,
        /// The version this app reads for that file.
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
    /// The dataset list is unusable (an invalid entry or no default).
    #[error("datasets.json: {detail}")]
    BadIndex {
        /// What is wrong.
        detail: String,
    },
}

/// For a version older than the one read: what the publisher must do.
fn older_hint(found: &str, expected: u32) -> &'static str {
    if found.parse::<u32>().is_ok_and(|v| v < expected) {
        "; it is an older format: publish the bundle again from the raw files with the current `adal publish`"
    } else {
        ""
    }
}

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
    // The publisher writes the version first: read there, it spares a second pass over a large file
    // (the probe below reads the whole document). Any other layout takes the probe.
    let head = format!("{{\"schema_version\":{expected}");
    if bytes.starts_with(head.as_bytes())
        && matches!(bytes.get(head.len()), Some(b',' | b'}' | b' ' | b'\n'))
    {
        return Ok(());
    }
    let probe: VersionProbe = serde_json::from_slice(bytes).map_err(|e| json_error(file, &e))?;
    match probe.schema_version {
        Some(serde_json::Value::Number(n)) if n.as_u64() == Some(u64::from(expected)) => Ok(()),
        other => Err(LoadError::SchemaVersion {
            file: file.to_owned(),
            found: other.map_or_else(|| "(none)".to_owned(), |v| v.to_string()),
            expected,
        }),
    }
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

/// How finely a bundle places its records in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grain {
    /// Most records carry their month.
    Month,
    /// Most carry at least their calendar quarter.
    Quarter,
    /// Many carry only their calendar year.
    Year,
}

/// A bundle that passed every check.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    /// The manifest.
    pub manifest: Manifest,
    /// The visits.
    pub audits: AuditsFile,
    /// The complaint counts.
    pub complaints: ComplaintsFile,
    /// [`Dataset::grain`], measured once by [`Dataset::new`]: the default period, the period picker
    /// and Play all ask for it, and each measurement is a pass over every record.
    grain: Grain,
    /// The visits by unit and time, for [`Dataset::visits_near`].
    visits: VisitIndex,
}

/// The visits of each unit of the manifest, in its order, sorted by the first month of the time each is
/// published with: a pass over a period reads only the visits that can fall in it. A trend is a pass per
/// month, and a unit's page asks for its own visits only: without it, each pass read every visit.
#[derive(Clone, Debug, Default, PartialEq)]
struct VisitIndex {
    /// Rows of the visits file: the first unit's, then the second's …, each by first month, then row.
    rows: Vec<u32>,
    /// The first month ([`Month::index`]) of each entry of `rows`.
    firsts: Vec<u32>,
    /// Where each unit's entries start in `rows`, and where the last ends.
    starts: Vec<usize>,
}

impl VisitIndex {
    fn new(manifest: &Manifest, audits: &AuditsFile) -> VisitIndex {
        let units = unit_positions(manifest);
        let region = &audits.columns.region;
        let month = &audits.columns.month;
        // Visits of a unit the manifest does not list are in no unit's pass (the checks refuse them).
        let mut entries: Vec<(usize, u32, u32)> = (0..audits.rows)
            .filter_map(|i| {
                let unit = *units.get(&*region[i])?;
                Some((unit, month[i].months().0.index(), u32::try_from(i).ok()?))
            })
            .collect();
        entries.sort_unstable();
        let mut starts = vec![0; units.len() + 1];
        for (unit, _, _) in &entries {
            starts[unit + 1] += 1;
        }
        for u in 0..units.len() {
            starts[u + 1] += starts[u];
        }
        VisitIndex {
            rows: entries.iter().map(|e| e.2).collect(),
            firsts: entries.iter().map(|e| e.1).collect(),
            starts,
        }
    }
}

/// Each unit's place in the manifest, by code.
fn unit_positions(manifest: &Manifest) -> std::collections::HashMap<&str, usize> {
    manifest
        .regions
        .iter()
        .enumerate()
        .map(|(i, r)| (r.code.as_str(), i))
        .collect()
}

/// Parses and checks `manifest.json`: version, shape, and that it lists the two data files.
pub fn parse_manifest(bytes: &[u8]) -> Result<Manifest, LoadError> {
    check_version(files::MANIFEST, bytes, SCHEMA_VERSION)?;
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
    match codes.into_iter().find(|c| !known(c)) {
        Some(code) => Err(LoadError::UnknownRegion {
            file: file.to_owned(),
            code: code.to_owned(),
        }),
        None => Ok(()),
    }
}

/// Checks and parses `audits.json`.
pub fn parse_audits(manifest: &Manifest, bytes: &[u8]) -> Result<AuditsFile, LoadError> {
    parse_audits_with_digest(manifest, bytes, &sha256_hex(bytes))
}

/// [`parse_audits`] for bytes whose SHA-256 the caller computed ([`check_digest`]).
pub fn parse_audits_with_digest(
    manifest: &Manifest,
    bytes: &[u8],
    sha256: &str,
) -> Result<AuditsFile, LoadError> {
    let mut parse = AuditsParse::new(manifest, bytes, sha256)?;
    while parse.step()? {}
    parse.finish(manifest)
}

/// `audits.json` checked and parsed a column at a time: [`AuditsParse::step`] reads one, so that the
/// browser can let a slow phone breathe between them (the whole file at once was its longest task after
/// hydration's). The result, and any error, are those of parsing the file whole.
pub struct AuditsParse<'a> {
    bytes: &'a [u8],
    rows: usize,
    columns: Vec<(&'a str, &'a serde_json::value::RawValue)>,
    parsed: AuditColumns,
    done: usize,
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
    /// Checks the digest and version of `bytes` and reads the file's outline.
    pub fn new(manifest: &Manifest, bytes: &'a [u8], sha256: &str) -> Result<Self, LoadError> {
        let file = files::AUDITS;
        check_digest(manifest, file, bytes.len(), sha256)?;
        check_version(file, bytes, SCHEMA_VERSION)?;
        let Ok(AuditsOutline { rows, columns }) = serde_json::from_slice(bytes) else {
            return Err(whole_file_error(bytes));
        };
        Ok(AuditsParse {
            bytes,
            rows,
            columns,
            parsed: AuditColumns::default(),
            done: 0,
        })
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

    /// The visits, once every column has been read, with their lengths and units checked.
    pub fn finish(self, manifest: &Manifest) -> Result<AuditsFile, LoadError> {
        let file = files::AUDITS;
        let named = |column: &str| self.columns.iter().any(|(n, _)| *n == column);
        if self.done < self.columns.len() || !self.parsed.lengths().iter().all(|(c, _)| named(c)) {
            return Err(whole_file_error(self.bytes));
        }
        let audits = AuditsFile {
            schema_version: SCHEMA_VERSION,
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
    check_version(file, bytes, SCHEMA_VERSION)?;
    let complaints: ComplaintsFile =
        serde_json::from_slice(bytes).map_err(|e| json_error(file, &e))?;
    check_lengths(file, &complaints.columns.lengths(), complaints.rows)?;
    check_lengths(
        file,
        &complaints.totals.columns.lengths(),
        complaints.totals.rows,
    )?;
    let codes = complaints
        .columns
        .region
        .iter()
        .chain(&complaints.totals.columns.region);
    check_regions(manifest, file, codes.map(|r| &**r))?;
    Ok(complaints)
}

/// [`Dataset::grain`], measured.
fn measure_grain(manifest: &Manifest, audits: &AuditsFile, complaints: &ComplaintsFile) -> Grain {
    let unit = unit_positions(manifest);
    // Per unit and kind (visits, complaints): records by finest grain (month, quarter, year).
    let mut counts = vec![[[0u64; 3]; 2]; unit.len()];
    let finest = |label: &PeriodLabel| match label {
        PeriodLabel::Month(_) => 0,
        PeriodLabel::Quarter { .. } => 1,
        PeriodLabel::Year(_) => 2,
    };
    let a = &audits.columns;
    for (code, label) in a.region.iter().zip(&a.month) {
        if let Some(&u) = unit.get(&**code) {
            counts[u][0][finest(label)] += 1;
        }
    }
    let t = &complaints.totals.columns;
    for ((code, label), count) in t.region.iter().zip(&t.period).zip(&t.count) {
        if let Some(&u) = unit.get(&**code) {
            counts[u][1][finest(label)] += u64::from(count.unwrap_or(0));
        }
    }
    let placed = |c: &[u64; 3], grain: usize| {
        let all: u64 = c.iter().sum();
        let within: u64 = c[..=grain].iter().sum();
        all == 0 || within as f64 >= crate::series::PLACED_SHARE * all as f64
    };
    let coarsest = counts
        .iter()
        .flatten()
        .map(|c| (0..2).find(|g| placed(c, *g)).unwrap_or(2))
        .max()
        .unwrap_or(0);
    [Grain::Month, Grain::Quarter, Grain::Year][coarsest]
}

/// The map's outlines, shared by all datasets, relative to the data folder.
pub const GEO_FILE: &str = "geo/kz-regions.json";

/// Parses the map file.
pub fn parse_geo(bytes: &[u8]) -> Result<crate::geo::GeoFile, LoadError> {
    let name = "kz-regions.json";
    check_version(name, bytes, INDEX_VERSION)?;
    serde_json::from_slice(bytes).map_err(|e| json_error(name, &e))
}

impl Dataset {
    /// Opens a bundle from the bytes of its three files.
    pub fn open(manifest: &[u8], audits: &[u8], complaints: &[u8]) -> Result<Dataset, LoadError> {
        let manifest = parse_manifest(manifest)?;
        let audits = parse_audits(&manifest, audits)?;
        let complaints = parse_complaints(&manifest, complaints)?;
        Ok(Dataset::new(manifest, audits, complaints))
    }

    /// A dataset of files already parsed and checked ([`parse_manifest`], [`parse_audits`],
    /// [`parse_complaints`]).
    pub fn new(manifest: Manifest, audits: AuditsFile, complaints: ComplaintsFile) -> Dataset {
        let grain = measure_grain(&manifest, &audits, &complaints);
        let visits = VisitIndex::new(&manifest, &audits);
        Dataset {
            manifest,
            audits,
            complaints,
            grain,
            visits,
        }
    }

    /// The rows of the visits of unit `unit` (its place in the manifest) that can fall in `period`, in
    /// the order of the time they are published with: those placed from eleven months before the period
    /// (a year's label spans twelve months) to its end. The others cannot touch it.
    pub fn visits_near(&self, unit: usize, period: Period) -> &[u32] {
        let v = &self.visits;
        let (Some(&start), Some(&end)) = (v.starts.get(unit), v.starts.get(unit + 1)) else {
            return &[];
        };
        let firsts = &v.firsts[start..end];
        let (low, high) = (period.from.index().saturating_sub(11), period.to.index());
        let from = firsts.partition_point(|&f| f < low);
        let to = firsts.partition_point(|&f| f <= high);
        &v.rows[start + from..start + to]
    }

    /// How finely the bundle places its records in time, for every unit at once: [`Grain::Month`] when
    /// in every unit at least nine in ten visits and nine in ten published complaints carry their month;
    /// else [`Grain::Quarter`] when they carry at least their quarter; else [`Grain::Year`]. A thin
    /// programme is published mostly by quarter, and its smallest units by year.
    pub fn grain(&self) -> Grain {
        self.grain
    }

    /// The blocks a period may start and end with: the months, or where the bundle is published by
    /// quarter or year ([`Dataset::grain`]) the calendar quarters or years inside the data's period (the
    /// last one cut at the data's end), so that a period picked from them counts every record. Each is a
    /// run of months: a period starts at a block's first month and ends at a block's last.
    pub fn period_blocks(&self) -> Vec<Period> {
        let bounds = self.manifest.period;
        let step = match self.grain() {
            Grain::Month => crate::series::Step::Month,
            Grain::Quarter => crate::series::Step::Quarter,
            Grain::Year => crate::series::Step::Year,
        };
        crate::series::steps(bounds, step)
    }

    /// The frames the map's Play steps through: the calendar quarters wholly inside the data's period,
    /// or, where the bundle is published by year, the years (the first and last cut at the data's ends).
    pub fn play_frames(&self) -> Vec<Period> {
        let bounds = self.manifest.period;
        match self.grain() {
            Grain::Year => crate::series::steps(bounds, crate::series::Step::Year),
            _ => crate::series::steps(bounds, crate::series::Step::Quarter)
                .into_iter()
                .filter(|q| q.to.index() - q.from.index() == 2)
                .collect(),
        }
    }

    /// The period a page opens with: the last twelve months of data when the bundle has its months
    /// ([`Dataset::grain`]); else the last four whole calendar quarters, or the last whole calendar
    /// year, so that the records published by quarter or year are counted. Shorter where the data cover
    /// less.
    pub fn default_period(&self) -> Period {
        let bounds = self.manifest.period;
        let last_twelve = |to: Month| {
            let from = Month::from_index(to.index().saturating_sub(11))
                .filter(|m| *m >= bounds.from)
                .unwrap_or(bounds.from);
            Period { from, to }
        };
        let aligned = |months: u8| {
            // The last month ≤ bounds.to that ends a block of `months` (3: a quarter, 12: a year), and
            // the first month of the earliest whole block inside the last twelve months.
            let to = bounds.months().filter(|m| m.month() % months == 0).last()?;
            let from = last_twelve(to)
                .months()
                .find(|m| (m.month() - 1) % months == 0)?;
            (from <= to).then_some(Period { from, to })
        };
        match self.grain() {
            Grain::Month => None,
            Grain::Quarter => aligned(3),
            Grain::Year => aligned(12).or_else(|| aligned(3)),
        }
        .unwrap_or_else(|| last_twelve(bounds.to))
    }
}
