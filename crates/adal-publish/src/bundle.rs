//! Assembling the published files: `audits.json` and `complaints.json` from anonymised records, and
//! `manifest.json` with the checksums of both.
//!
//! Writers take any [`std::io::Write`] so that the CLI can stream a million visits to disk through a
//! [`HashingWriter`] without holding the JSON in memory. Output is deterministic: the same records and
//! settings give the same bytes.

use std::io::{self, Write};
use std::sync::Arc;

use adal_core::checksum::hex;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::anonymise::{Cell, ComplaintOutcome, LADDER, PublishedVisit};
use crate::config::Settings;
use crate::raw::{Complaint, Visit};
use crate::taxonomy::TermList;
use adal_core::SCHEMA_VERSION;
use adal_core::contract::{
    ComplaintColumns, ComplaintTotals, ComplaintTotalsColumns, ComplaintsFile, FileEntry,
    KAnonymity, Manifest, Population, RegionEntry, default_metrics,
};
use adal_core::period::{Month, Period};
use adal_core::regions::{self, POPULATION_REFERENCE_DATE, POPULATION_SOURCE};

/// A writer that counts and hashes what passes through it.
pub struct HashingWriter<W> {
    inner: W,
    hasher: Sha256,
    bytes: u64,
}

impl<W: Write> HashingWriter<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> Self {
        HashingWriter {
            inner,
            hasher: Sha256::new(),
            bytes: 0,
        }
    }

    /// The inner writer and the manifest entry for what was written under `path`.
    pub fn finish(self, path: &str) -> (W, FileEntry) {
        let entry = FileEntry {
            path: path.to_owned(),
            bytes: self.bytes,
            sha256: hex(&self.hasher.finalize()),
        };
        (self.inner, entry)
    }
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// The months covered by the valid records, or `None` when there are none.
pub fn period_of(visits: &[Visit], complaints: &[Complaint]) -> Option<Period> {
    let months = visits
        .iter()
        .map(|v| v.month)
        .chain(complaints.iter().map(|c| c.month));
    let (from, to) = months.fold(None, |acc: Option<(Month, Month)>, m| match acc {
        None => Some((m, m)),
        Some((a, b)) => Some((a.min(m), b.max(m))),
    })?;
    Some(Period { from, to })
}

fn shared_ids(list: &TermList) -> Vec<Arc<str>> {
    list.terms()
        .iter()
        .map(|t| Arc::from(t.id.as_str()))
        .collect()
}

fn region_codes() -> Vec<Arc<str>> {
    regions::all()
        .iter()
        .map(|r| Arc::from(r.code.as_str()))
        .collect()
}

/// Writes `audits.json`. The field order matches [`adal_core::contract::AuditsFile`].
pub fn write_audits<W: Write>(
    mut w: W,
    visits: &[PublishedVisit],
    settings: &Settings,
) -> io::Result<()> {
    let regions = region_codes();
    let services = shared_ids(&settings.taxonomy.services);
    let channels = shared_ids(&settings.taxonomy.audit_channels);
    write!(
        w,
        "{{\"schema_version\":{SCHEMA_VERSION},\"rows\":{},\"columns\":{{",
        visits.len()
    )?;
    let mut first = true;
    let mut column =
        |w: &mut W, name: &str, value: &dyn Fn(&mut W, &PublishedVisit) -> io::Result<()>| {
            if !first {
                w.write_all(b",")?;
            }
            first = false;
            write!(w, "\"{name}\":[")?;
            for (i, v) in visits.iter().enumerate() {
                if i > 0 {
                    w.write_all(b",")?;
                }
                value(w, v)?;
            }
            w.write_all(b"]")
        };
    fn json<W: Write, T: Serialize + ?Sized>(w: &mut W, value: &T) -> io::Result<()> {
        serde_json::to_writer(w, value).map_err(io::Error::other)
    }
    column(&mut w, "region", &|w, v| {
        json(w, &*regions[v.region as usize])
    })?;
    column(&mut w, "month", &|w, v| json(w, &v.period))?;
    column(&mut w, "service", &|w, v| {
        json(w, &v.service.map(|s| &*services[s as usize]))
    })?;
    column(&mut w, "channel", &|w, v| {
        json(w, &v.channel.map(|c| &*channels[c as usize]))
    })?;
    for (i, name) in [
        "score_waiting",
        "score_courtesy",
        "score_information",
        "score_accessibility",
        "score_outcome",
    ]
    .into_iter()
    .enumerate()
    {
        column(&mut w, name, &|w, v| json(w, &v.scores[i]))?;
    }
    column(&mut w, "wait_minutes", &|w, v| json(w, &v.wait_minutes))?;
    column(&mut w, "informal_payment_requested", &|w, v| {
        json(w, &v.informal_payment)
    })?;
    column(&mut w, "intermediary_offered", &|w, v| {
        json(w, &v.intermediary)
    })?;
    column(&mut w, "service_completed", &|w, v| json(w, &v.completed))?;
    w.write_all(b"}}")?;
    w.flush()
}

/// The contents of `complaints.json`.
pub fn complaints_file(outcome: &ComplaintOutcome, settings: &Settings) -> ComplaintsFile {
    let regions = region_codes();
    let categories = shared_ids(&settings.taxonomy.complaint_categories);
    // Published by category, region, period: the category column becomes long runs and the periods
    // repeat in the same sequence, which gzips smaller than the outcome's region-first order. Readers do
    // not depend on the order.
    let mut cells: Vec<&Cell> = outcome.cells.iter().collect();
    cells.sort_unstable_by_key(|c| (c.category, c.region, c.period));
    let mut columns = ComplaintColumns::default();
    for c in cells {
        columns.region.push(regions[c.region as usize].clone());
        columns.period.push(c.period);
        columns
            .category
            .push(categories[c.category as usize].clone());
        columns.count.push((!c.suppressed).then_some(c.count));
    }
    let mut totals = ComplaintTotalsColumns::default();
    for t in &outcome.totals {
        totals.region.push(regions[t.region as usize].clone());
        totals.period.push(t.period);
        totals.count.push((!t.suppressed).then_some(t.count));
    }
    ComplaintsFile {
        schema_version: SCHEMA_VERSION,
        rows: outcome.cells.len(),
        columns,
        totals: ComplaintTotals {
            rows: outcome.totals.len(),
            columns: totals,
        },
    }
}

/// Writes `complaints.json`.
pub fn write_complaints<W: Write>(
    mut w: W,
    outcome: &ComplaintOutcome,
    settings: &Settings,
) -> io::Result<()> {
    serde_json::to_writer(&mut w, &complaints_file(outcome, settings)).map_err(io::Error::other)?;
    w.flush()
}

/// The manifest of a bundle whose other files are `files`.
pub fn manifest(
    settings: &Settings,
    period: Period,
    generated_at: &str,
    files: Vec<FileEntry>,
) -> Manifest {
    let terms = |list: &TermList| list.terms().to_vec();
    Manifest {
        schema_version: SCHEMA_VERSION,
        dataset: settings.dataset.clone(),
        title: settings.title.clone(),
        description: settings.description.clone(),
        methodology: settings.methodology.clone(),
        publisher: settings.publisher.clone(),
        licence: settings.licence.clone(),
        period,
        generated_at: generated_at.to_owned(),
        is_demo: settings.is_demo,
        k_anonymity: KAnonymity {
            k: settings.k,
            quasi_identifiers: ["region", "month", "service", "channel"]
                .map(str::to_owned)
                .to_vec(),
            generalisation: LADDER.iter().map(|l| l.name.to_owned()).collect(),
        },
        metrics: default_metrics(),
        services: terms(&settings.taxonomy.services),
        audit_channels: terms(&settings.taxonomy.audit_channels),
        complaint_categories: terms(&settings.taxonomy.complaint_categories),
        complaint_channels: terms(&settings.taxonomy.complaint_channels),
        regions: regions::all()
            .iter()
            .map(|r| RegionEntry {
                code: r.code.clone(),
                kind: r.kind,
                name: r.name.clone(),
                population: Population {
                    value: r.population_2023,
                    reference_date: POPULATION_REFERENCE_DATE.to_owned(),
                    source: POPULATION_SOURCE.to_owned(),
                },
            })
            .collect(),
        reporting: settings.reporting.clone(),
        files,
    }
}

/// Pretty JSON of the manifest, ending in a newline.
pub fn manifest_json(manifest: &Manifest) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(manifest).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anonymise::anonymise_visits;
    use adal_core::contract::AuditsFile;

    #[test]
    fn the_streamed_audits_file_parses_as_the_contract_type() {
        let month: Month = "2024-05".parse().expect("month");
        let visit = Visit {
            region: 3,
            month,
            service: 0,
            channel: 1,
            scores: [Some(1), None, Some(3), Some(4), Some(5)],
            wait_minutes: None,
            informal_payment: Some(true),
            intermediary: None,
            completed: Some(false),
        };
        let outcome = anonymise_visits(&[visit; 6], 5);
        let mut bytes = Vec::new();
        write_audits(&mut bytes, &outcome.published, &Settings::default()).expect("written");
        let file: AuditsFile = serde_json::from_slice(&bytes).expect("parses");
        assert_eq!(file.rows, 6);
        assert_eq!(&*file.columns.region[0], "KZ-19");
        assert_eq!(file.columns.month[0].to_string(), "2024-05");
        assert_eq!(file.columns.channel[0].as_deref(), Some("online"));
        assert_eq!(file.columns.score_courtesy[0], None);
        assert_eq!(file.columns.informal_payment_requested[0], Some(true));
        assert!(file.columns.lengths().iter().all(|(_, n)| *n == 6));
        // Serialising the parsed value again gives the same bytes: the writer follows the type exactly.
        assert_eq!(serde_json::to_vec(&file).expect("json"), bytes);
    }

    #[test]
    fn hashing_writer_matches_a_direct_digest() {
        let mut w = HashingWriter::new(Vec::new());
        w.write_all(b"abc").expect("write");
        let (inner, entry) = w.finish("x.json");
        assert_eq!(inner, b"abc");
        assert_eq!(entry.bytes, 3);
        assert_eq!(
            entry.sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(adal_core::checksum::sha256_hex(b"abc"), entry.sha256);
    }
}
