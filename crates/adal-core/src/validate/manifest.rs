//! The manifest's checks: the schema version, the files it lists and their names, the units and
//! the metrics.

use std::collections::HashSet;

use super::problems::{Problem, Problems};
use crate::contract::{Manifest, files};
use crate::labels::Lang;
use std::ops::RangeInclusive;

use crate::{OLDEST_READ_VERSION, SCHEMA_VERSION, dataset, regions};

pub(crate) fn is_plain_name(path: &str) -> bool {
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
    check_version(
        &mut p,
        m.schema_version,
        OLDEST_READ_VERSION..=SCHEMA_VERSION,
    );
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
    if m.publisher.contact.is_some() && m.publisher.contact_href().is_none() {
        p.push("publisher.contact: not an e-mail address or an https:// address".to_owned());
    }
    if let Some(logo) = &m.publisher.logo
        && !crate::contract::Publisher::logo_is_plain(logo)
    {
        p.push(format!(
            "publisher.logo «{logo}»: not a plain SVG file name of the bundle's folder"
        ));
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
    let v3 = m.schema_version >= 3;
    let detail = v3.then_some(files::AUDIT_DETAIL);
    let complaint_detail = v3.then_some(files::COMPLAINT_DETAIL);
    for required in [
        Some(files::AUDITS),
        detail,
        Some(files::COMPLAINTS),
        complaint_detail,
    ]
    .into_iter()
    .flatten()
    {
        if !paths.contains(required) {
            p.push(format!("files does not list {required}"));
        }
    }
    // Outcome data is optional, and all or nothing: the file and the stages it is counted by.
    match (paths.contains(files::OUTCOMES), m.outcome_stages.is_empty()) {
        (true, _) if !v3 => p.push(format!(
            "files lists {}, a file of contract 3; the manifest is of version {}",
            files::OUTCOMES,
            m.schema_version
        )),
        (true, true) if m.finding_states.is_empty() => p.push(format!(
            "files lists {} but outcome_stages and finding_states, the ids its cells are counted by, are empty",
            files::OUTCOMES
        )),
        (false, false) => p.push(format!(
            "outcome_stages is given but files does not list {}",
            files::OUTCOMES
        )),
        _ => {}
    }
    if !paths.contains(files::OUTCOMES) && !m.finding_states.is_empty() {
        p.push(format!(
            "finding_states is given but files does not list {}",
            files::OUTCOMES
        ));
    }
    p.finish()
}

/// The loader's version check on an already parsed file: one of `accepted`.
pub(crate) fn check_version(p: &mut Problems, version: u32, accepted: RangeInclusive<u32>) {
    let probe = format!("{{\"schema_version\":{version}}}");
    if let Err(e) = dataset::read_version(p.file, probe.as_bytes(), accepted) {
        p.push_load_error(&e);
    }
}
