//! Checking a published bundle: what `adal validate` prints and what the web app relies on.
//!
//! The checks: the schema version; every file the manifest lists exists with the stated size and SHA-256;
//! every column of a file has `rows` entries; every region, month, service, channel and category refers to
//! the manifest; scores lie in 1–5; and the anonymisation guarantees hold — every distinct combination of
//! `region, month, service, channel` among the visits occurs at least k times, and no complaint count is
//! between 1 and k − 1 or can be worked out from the totals.
//!
//! Every problem is collected, not only the first. The bundle is untrusted: a forged manifest cannot make
//! the checker read outside the bundle, because file paths must be plain names.
//!
//! The checks the web app's loader runs too — version, checksum, JSON shape, column lengths — are the
//! loader's own functions in [`crate::dataset`], with its typed [`LoadError`], so that `adal validate`
//! and the app can never disagree about them; the publisher's guarantees are checked here on top.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use crate::SCHEMA_VERSION;
use crate::checksum::sha256_hex;
use crate::contract::{AuditsFile, ComplaintsFile, Manifest, files};
use crate::dataset::{self, LoadError};
use crate::labels::Lang;
use crate::period::{Month, Period, PeriodLabel};
use crate::regions;

/// A problem found in a bundle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file it is in.
    pub file: String,
    /// What is wrong, and where.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

/// At most this many problems of one file are listed one by one; the rest are counted.
pub const MAX_LISTED_PER_FILE: usize = 100;

struct Problems {
    file: &'static str,
    list: Vec<Problem>,
    unlisted: usize,
}

impl Problems {
    fn new(file: &'static str) -> Self {
        Problems {
            file,
            list: Vec::new(),
            unlisted: 0,
        }
    }

    fn push(&mut self, message: String) {
        if self.list.len() < MAX_LISTED_PER_FILE {
            self.list.push(Problem {
                file: self.file.to_owned(),
                message,
            });
        } else {
            self.unlisted += 1;
        }
    }

    fn finish(mut self) -> Vec<Problem> {
        if self.unlisted > 0 {
            self.list.push(Problem {
                file: self.file.to_owned(),
                message: format!("… and {} more problems of the kinds above", self.unlisted),
            });
        }
        self.list
    }
}

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

/// A [`LoadError`] of `file` in the words a [`Problem`] of that file takes: without the file's name,
/// which the problem carries itself.
fn load_error_detail(file: &str, e: &LoadError) -> String {
    let text = e.to_string();
    text.strip_prefix(&format!("{file}: "))
        .unwrap_or(&text)
        .to_owned()
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

    if let Some(bytes) = contents.get(files::AUDITS) {
        match parse_json::<AuditsFile>(files::AUDITS, bytes) {
            Ok(audits) => problems.extend(check_audits(&manifest, &audits)),
            Err(p) => problems.push(p),
        }
    }
    if let Some(bytes) = contents.get(files::COMPLAINTS) {
        match parse_json::<ComplaintsFile>(files::COMPLAINTS, bytes) {
            Ok(complaints) => problems.extend(check_complaints(&manifest, &complaints)),
            Err(p) => problems.push(p),
        }
    }
    problems
}

fn is_plain_name(path: &str) -> bool {
    !path.is_empty()
        && path.len() <= 64
        && path != files::MANIFEST
        && path.ends_with(".json")
        && path.chars().all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-' || c == '.'
        })
        && !path.starts_with('.')
        && !path.contains("..")
}

/// Checks the manifest on its own.
pub fn check_manifest(m: &Manifest) -> Vec<Problem> {
    let mut p = Problems::new(files::MANIFEST);
    check_version(&mut p, m.schema_version);
    if m.k_anonymity.k < 2 {
        p.push(format!(
            "k_anonymity.k is {}, it must be at least 2",
            m.k_anonymity.k
        ));
    }
    if m.period.from > m.period.to {
        p.push(format!(
            "period runs backwards: from {} to {}",
            m.period.from, m.period.to
        ));
    }
    let mut codes = HashSet::new();
    for r in &m.regions {
        if regions::by_code(&r.code).is_none() {
            p.push(format!(
                "region «{}» is not an ISO 3166-2:KZ code of the 20 units",
                r.code
            ));
        }
        if !codes.insert(r.code.as_str()) {
            p.push(format!("region «{}» is listed twice", r.code));
        }
    }
    let mut labelled = vec![
        ("title".to_owned(), &m.title),
        ("publisher.name".to_owned(), &m.publisher.name),
    ];
    for (list, terms) in [
        ("services", &m.services),
        ("audit_channels", &m.audit_channels),
        ("complaint_categories", &m.complaint_categories),
        ("complaint_channels", &m.complaint_channels),
    ] {
        let mut ids = HashSet::new();
        for t in terms {
            if !ids.insert(t.id.as_str()) {
                p.push(format!("{list}: the id «{}» is listed twice", t.id));
            }
            labelled.push((format!("{list}.{}", t.id), &t.label));
        }
    }
    for r in &m.regions {
        labelled.push((format!("regions.{}", r.code), &r.name));
    }
    for metric in &m.metrics {
        labelled.push((format!("metrics.{}", metric.id), &metric.label));
    }
    for (field, labels) in labelled {
        let missing: Vec<&str> = labels.missing().into_iter().map(Lang::code).collect();
        if !missing.is_empty() {
            p.push(format!(
                "{field}: the label is empty in {}",
                missing.join(", ")
            ));
        }
    }
    let mut paths = HashSet::new();
    for f in &m.files {
        if !is_plain_name(&f.path) {
            p.push(format!(
                "files: «{}» is not a plain file name of this bundle; it is not read",
                f.path
            ));
        }
        if !paths.insert(f.path.as_str()) {
            p.push(format!("files: «{}» is listed twice", f.path));
        }
    }
    for required in [files::AUDITS, files::COMPLAINTS] {
        if !paths.contains(required) {
            p.push(format!("files does not list {required}"));
        }
    }
    p.finish()
}

impl Problems {
    /// Notes one of the checks the web app's loader runs, as the loader words it ([`LoadError`]).
    fn push_load_error(&mut self, e: &LoadError) {
        self.push(load_error_detail(self.file, e));
    }
}

/// The loader's version check on an already parsed file.
fn check_version(p: &mut Problems, version: u32) {
    let probe = format!("{{\"schema_version\":{version}}}");
    if let Err(e) = dataset::check_version(p.file, probe.as_bytes(), SCHEMA_VERSION) {
        p.push_load_error(&e);
    }
}

/// The loader's column check ([`dataset::check_lengths`]); returns whether all columns agree.
fn columns_agree(p: &mut Problems, prefix: &str, lengths: &[(&str, usize)], rows: usize) -> bool {
    match dataset::check_lengths(p.file, lengths, rows) {
        Ok(()) => true,
        Err(e) => {
            p.push(format!("{prefix}{}", load_error_detail(p.file, &e)));
            false
        }
    }
}

/// Checks `audits.json` against the manifest, including k-anonymity.
pub fn check_audits(m: &Manifest, a: &AuditsFile) -> Vec<Problem> {
    let mut p = Problems::new(files::AUDITS);
    check_version(&mut p, a.schema_version);
    if !columns_agree(&mut p, "", &a.columns.lengths(), a.rows) {
        return p.finish();
    }
    let regions: HashSet<&str> = m.regions.iter().map(|r| r.code.as_str()).collect();
    let services: HashSet<&str> = m.services.iter().map(|t| t.id.as_str()).collect();
    let channels: HashSet<&str> = m.audit_channels.iter().map(|t| t.id.as_str()).collect();
    let c = &a.columns;
    let mut groups: HashMap<VisitKey<'_>, u32> = HashMap::new();
    for i in 0..a.rows {
        let row = i + 1;
        if !regions.contains(&*c.region[i]) {
            p.push(format!(
                "row {row}: region «{}» is not one of the manifest's regions",
                c.region[i]
            ));
        }
        let period = c.month[i];
        let inside = match period {
            PeriodLabel::Month(_) => m.period.covers(period),
            _ => m.period.overlaps(period),
        };
        if !inside {
            p.push(format!(
                "row {row}: month {period} lies outside the period {} to {}",
                m.period.from, m.period.to
            ));
        }
        if let Some(service) = &c.service[i]
            && !services.contains(&**service)
        {
            p.push(format!(
                "row {row}: service «{service}» is not one of the manifest's services"
            ));
        }
        if let Some(ch) = &c.channel[i]
            && !channels.contains(&**ch)
        {
            p.push(format!(
                "row {row}: channel «{ch}» is not one of the manifest's audit channels"
            ));
        }
        for (name, column) in c.scores() {
            if let Some(s) = column[i]
                && !(1..=5).contains(&s)
            {
                p.push(format!("row {row}: {name} is {s}, scores run from 1 to 5"));
            }
        }
        *groups
            .entry((
                &*c.region[i],
                period,
                c.service[i].as_deref(),
                c.channel[i].as_deref(),
            ))
            .or_default() += 1;
    }
    let k = m.k_anonymity.k;
    let mut small: Vec<_> = groups.into_iter().filter(|(_, n)| *n < k).collect();
    small.sort();
    for ((region, period, service, channel), n) in small {
        p.push(format!(
            "k-anonymity broken: only {n} visit(s) share region {region}, month {period}, service {}, channel {}; k is {k}",
            service.unwrap_or("null"),
            channel.unwrap_or("null")
        ));
    }
    p.finish()
}

/// A published visit's quasi-identifiers: region, period, service and channel (null where generalised).
type VisitKey<'a> = (&'a str, PeriodLabel, Option<&'a str>, Option<&'a str>);

/// The published complaints a cell of `region` over `period` breaks down: the total of that period, or
/// for a year, the sum of the region's totals in it when all of them are published; `None` otherwise.
fn group_total(
    totals: &BTreeMap<(&str, PeriodLabel), Option<u32>>,
    region: &str,
    period: PeriodLabel,
) -> Option<u64> {
    if let Some(total) = totals.get(&(region, period)) {
        return total.map(u64::from);
    }
    let PeriodLabel::Year(year) = period else {
        return None;
    };
    let within: Vec<Option<u32>> = totals
        .iter()
        .filter(|((r, label), _)| *r == region && label.months().0.year() == year)
        .map(|(_, count)| *count)
        .collect();
    if within.is_empty() {
        return None;
    }
    within
        .into_iter()
        .map(|c| c.map(u64::from))
        .sum::<Option<u64>>()
}

/// Checks `complaints.json` against the manifest: every unit's totals cover each month of the period
/// exactly once, no published count lies between 1 and k − 1, every cell belongs to a published total,
/// and within a total the suppressed cells cannot be worked out or bounded below k from the total.
pub fn check_complaints(m: &Manifest, f: &ComplaintsFile) -> Vec<Problem> {
    let mut p = Problems::new(files::COMPLAINTS);
    check_version(&mut p, f.schema_version);
    let cells_agree = columns_agree(&mut p, "", &f.columns.lengths(), f.rows);
    if !(columns_agree(
        &mut p,
        "totals ",
        &f.totals.columns.lengths(),
        f.totals.rows,
    ) && cells_agree)
    {
        return p.finish();
    }
    let k = m.k_anonymity.k;
    let regions: HashSet<&str> = m.regions.iter().map(|r| r.code.as_str()).collect();
    let categories: HashSet<&str> = m
        .complaint_categories
        .iter()
        .map(|t| t.id.as_str())
        .collect();

    let t = &f.totals.columns;
    let mut totals: BTreeMap<(&str, PeriodLabel), Option<u32>> = BTreeMap::new();
    let mut covered: HashMap<(&str, Month), u32> = HashMap::new();
    for i in 0..f.totals.rows {
        let row = i + 1;
        let key = (&*t.region[i], t.period[i]);
        if !regions.contains(key.0) || !m.period.overlaps(key.1) {
            p.push(format!(
                "totals row {row}: region «{}», period {} is outside the manifest",
                key.0, key.1
            ));
        }
        if totals.insert(key, t.count[i]).is_some() {
            p.push(format!(
                "totals row {row}: region {}, period {} appears twice",
                key.0, key.1
            ));
        }
        let (first, last) = key.1.months();
        let span = Period {
            from: first,
            to: last,
        };
        for month in span
            .months()
            .filter(|m2| *m2 >= m.period.from && *m2 <= m.period.to)
        {
            *covered.entry((key.0, month)).or_default() += 1;
        }
        if let Some(n) = t.count[i]
            && n > 0
            && n < k
        {
            p.push(format!(
                "totals row {row}: count {n} is below k = {k} and should have been suppressed"
            ));
        }
    }
    for r in &m.regions {
        for month in m.period.months() {
            match covered.get(&(r.code.as_str(), month)).copied().unwrap_or(0) {
                1 => {}
                0 => p.push(format!(
                    "totals: no total covers region {}, month {month}",
                    r.code
                )),
                n => p.push(format!(
                    "totals: {n} totals of region {} overlap in month {month}, so one could be taken from another",
                    r.code
                )),
            }
        }
    }

    // Per (region, period) of a total: published sum, suppressed cells.
    #[derive(Default)]
    struct Group {
        published: u64,
        suppressed: u32,
    }
    let mut groups: BTreeMap<(&str, PeriodLabel), Group> = BTreeMap::new();
    let mut seen = HashSet::new();
    let c = &f.columns;
    for i in 0..f.rows {
        let row = i + 1;
        let (region, period) = (&*c.region[i], c.period[i]);
        if !regions.contains(region) {
            p.push(format!(
                "row {row}: region «{region}» is not one of the manifest's regions"
            ));
        }
        if group_total(&totals, region, period).is_none() {
            p.push(format!(
                "row {row}: region {region}, period {period} is neither the period of one of its published totals nor a year whose totals are all published"
            ));
        }
        if !categories.contains(&*c.category[i]) {
            p.push(format!(
                "row {row}: category «{}» is not one of the manifest's categories",
                c.category[i]
            ));
        }
        if !seen.insert((region, period, &*c.category[i])) {
            p.push(format!("row {row}: the same cell appears twice"));
        }
        let group = groups.entry((region, period)).or_default();
        match c.count[i] {
            Some(n) if n < k => p.push(format!(
                "row {row}: count {n} is below k = {k} and should have been suppressed"
            )),
            Some(n) => group.published += u64::from(n),
            None => group.suppressed += 1,
        }
    }
    let mut cell_years: HashMap<(&str, u16), (bool, bool)> = HashMap::new();
    for (region, period) in groups.keys() {
        let entry = cell_years
            .entry((*region, period.months().0.year()))
            .or_default();
        match period {
            PeriodLabel::Year(_) => entry.0 = true,
            _ => entry.1 = true,
        }
    }
    for ((region, year), (whole, finer)) in cell_years {
        if whole && finer {
            p.push(format!(
                "region {region}, {year}: cells of the whole year and of shorter periods overlap, so one could be taken from the other"
            ));
        }
    }
    for ((region, period), g) in &groups {
        let Some(total) = group_total(&totals, region, *period) else {
            continue; // reported above: nothing to subtract from
        };
        if g.published > total {
            p.push(format!(
                "region {region}, period {period}: published cells add up to {}, more than the total {total}",
                g.published
            ));
            continue;
        }
        let hidden = total - g.published;
        match g.suppressed {
            0 if hidden != 0 => p.push(format!(
                "region {region}, period {period}: cells add up to {}, the total says {total}",
                g.published
            )),
            0 => {}
            1 => p.push(format!(
                "region {region}, period {period}: a single suppressed cell can be worked out from the total ({hidden})"
            )),
            n if hidden < u64::from(n) || hidden - u64::from(n - 1) < u64::from(k) => p.push(format!(
                "region {region}, period {period}: the {n} suppressed cells add up to {hidden}, which bounds each below k = {k}"
            )),
            _ => {}
        }
    }
    p.finish()
}
