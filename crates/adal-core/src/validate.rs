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

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use crate::SCHEMA_VERSION;
use crate::bundle::sha256_hex;
use crate::contract::{AuditsFile, ComplaintsFile, Manifest, files};
use crate::labels::Lang;
use crate::period::{Month, PeriodLabel};
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

/// Parses JSON, saying which file and where it breaks.
pub fn parse_json<T: serde::de::DeserializeOwned>(file: &str, bytes: &[u8]) -> Result<T, Problem> {
    serde_json::from_slice(bytes).map_err(|e| Problem {
        file: file.to_owned(),
        message: format!("not a valid {file}: {e}"),
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
                if bytes.len() as u64 != entry.bytes {
                    problems.push(Problem {
                        file: entry.path.clone(),
                        message: format!(
                            "has {} bytes, the manifest says {}",
                            bytes.len(),
                            entry.bytes
                        ),
                    });
                }
                let sum = sha256_hex(&bytes);
                if sum != entry.sha256 {
                    problems.push(Problem {
                        file: entry.path.clone(),
                        message: format!("SHA-256 is {sum}, the manifest says {}", entry.sha256),
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
    if m.schema_version != SCHEMA_VERSION {
        p.push(format!(
            "schema_version is {}, this version of Adal Atlas reads {SCHEMA_VERSION}",
            m.schema_version
        ));
    }
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

fn check_version(p: &mut Problems, version: u32) {
    if version != SCHEMA_VERSION {
        p.push(format!(
            "schema_version is {version}, expected {SCHEMA_VERSION}"
        ));
    }
}

/// Notes every column whose length differs from `rows`; returns whether all agree.
fn columns_agree(p: &mut Problems, prefix: &str, lengths: &[(&str, usize)], rows: usize) -> bool {
    let mut agree = true;
    for (name, len) in lengths {
        if *len != rows {
            p.push(format!(
                "{prefix}column {name} has {len} entries, {prefix}rows says {rows}"
            ));
            agree = false;
        }
    }
    agree
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
    let mut groups: HashMap<(&str, PeriodLabel, &str, Option<&str>), u32> = HashMap::new();
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
        if !services.contains(&*c.service[i]) {
            p.push(format!(
                "row {row}: service «{}» is not one of the manifest's services",
                c.service[i]
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
                &*c.service[i],
                c.channel[i].as_deref(),
            ))
            .or_default() += 1;
    }
    let k = m.k_anonymity.k;
    let mut small: Vec<_> = groups.into_iter().filter(|(_, n)| *n < k).collect();
    small.sort();
    for ((region, period, service, channel), n) in small {
        p.push(format!(
            "k-anonymity broken: only {n} visit(s) share region {region}, month {period}, service {service}, channel {}; k is {k}",
            channel.unwrap_or("null")
        ));
    }
    p.finish()
}

/// Checks `complaints.json` against the manifest, including the suppression of small counts.
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
    let channels: HashSet<&str> = m.complaint_channels.iter().map(|t| t.id.as_str()).collect();
    let in_period = |month: Month| month >= m.period.from && month <= m.period.to;

    // Per (region, month): published sum, suppressed cells.
    #[derive(Default)]
    struct Group {
        published: u64,
        suppressed: u32,
    }
    let mut groups: BTreeMap<(&str, Month), Group> = BTreeMap::new();
    let mut seen = HashSet::new();
    let c = &f.columns;
    for i in 0..f.rows {
        let row = i + 1;
        let (region, month) = (&*c.region[i], c.month[i]);
        if !regions.contains(region) {
            p.push(format!(
                "row {row}: region «{region}» is not one of the manifest's regions"
            ));
        }
        if !in_period(month) {
            p.push(format!("row {row}: month {month} lies outside the period"));
        }
        if !categories.contains(&*c.category[i]) {
            p.push(format!(
                "row {row}: category «{}» is not one of the manifest's categories",
                c.category[i]
            ));
        }
        if !channels.contains(&*c.channel[i]) {
            p.push(format!(
                "row {row}: channel «{}» is not one of the manifest's complaint channels",
                c.channel[i]
            ));
        }
        if !seen.insert((region, month, &*c.category[i], &*c.channel[i])) {
            p.push(format!("row {row}: the same cell appears twice"));
        }
        let group = groups.entry((region, month)).or_default();
        match c.count[i] {
            Some(n) if n < k => p.push(format!(
                "row {row}: count {n} is below k = {k} and should have been suppressed"
            )),
            Some(n) => group.published += u64::from(n),
            None => group.suppressed += 1,
        }
    }

    let t = &f.totals.columns;
    let mut totals: BTreeMap<(&str, Month), Option<u32>> = BTreeMap::new();
    for i in 0..f.totals.rows {
        let row = i + 1;
        let key = (&*t.region[i], t.month[i]);
        if !regions.contains(key.0) || !in_period(key.1) {
            p.push(format!(
                "totals row {row}: region «{}», month {} is outside the manifest",
                key.0, key.1
            ));
        }
        if totals.insert(key, t.count[i]).is_some() {
            p.push(format!(
                "totals row {row}: region {}, month {} appears twice",
                key.0, key.1
            ));
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
            if !totals.contains_key(&(r.code.as_str(), month)) {
                p.push(format!(
                    "totals: no entry for region {}, month {month}",
                    r.code
                ));
            }
        }
    }
    for ((region, month), g) in &groups {
        let Some(Some(total)) = totals.get(&(*region, *month)) else {
            continue; // total suppressed or missing (reported above): nothing to subtract from
        };
        let total = u64::from(*total);
        if g.published > total {
            p.push(format!(
                "region {region}, month {month}: published cells add up to {}, more than the total {total}",
                g.published
            ));
            continue;
        }
        let hidden = total - g.published;
        match g.suppressed {
            0 if hidden != 0 => p.push(format!(
                "region {region}, month {month}: cells add up to {}, the total says {total}",
                g.published
            )),
            0 => {}
            1 => p.push(format!(
                "region {region}, month {month}: a single suppressed cell can be worked out from the total ({hidden})"
            )),
            n if hidden < u64::from(n) || hidden - u64::from(n - 1) < u64::from(k) => p.push(format!(
                "region {region}, month {month}: the {n} suppressed cells add up to {hidden}, which bounds each below k = {k}"
            )),
            _ => {}
        }
    }
    for ((region, month), total) in &totals {
        if let Some(total) = total
            && *total > 0
            && !groups.contains_key(&(*region, *month))
        {
            p.push(format!(
                "region {region}, month {month}: the total is {total} but no cell is listed"
            ));
        }
    }
    p.finish()
}
