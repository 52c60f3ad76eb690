//! Assembling the published files: `audits.json` (the visits as cells) and `complaints.json` from
//! anonymised records, and `manifest.json` with the checksums of both.
//!
//! Writers take any [`std::io::Write`] so that the CLI can write to disk through a [`HashingWriter`].
//! Output is deterministic: the same records and settings give the same bytes.

use std::io::{self, Write};
use std::sync::Arc;

use adal_core::checksum::hex;
use sha2::{Digest, Sha256};

use crate::anonymise::{Cell, ComplaintOutcome, LADDER, PublishedVisit, Total};
use crate::config::Settings;
use crate::raw::{Complaint, Visit};
use crate::taxonomy::TermList;
use adal_core::SCHEMA_VERSION;
use adal_core::aggregate;
use adal_core::contract::{
    AuditCellsFile, AuditColumns, AuditsFile, ComplaintCellsFile, ComplaintColumns,
    ComplaintTotals, ComplaintTotalsColumns, ComplaintsFile, FileEntry, FindingColumns, Findings,
    KAnonymity, Manifest, NOT_DATED, NOT_RECORDED, OutcomeColumns, OutcomeTimes, OutcomesFile,
    Population, RegionEntry, TIME_BINS, TimeColumns, default_metrics,
};
use adal_core::period::{Month, Period, PeriodLabel};
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

/// The published visits one by one, in the shape of a contract-2 `audits.json` ([`AuditsFile`]), in
/// memory: what the cells are folded from, and what the publisher's tests compare the cells' figures
/// with. Never written.
pub fn visits_file(visits: &[PublishedVisit], settings: &Settings) -> AuditsFile {
    let regions = region_codes();
    let services = shared_ids(&settings.taxonomy.services);
    let channels = shared_ids(&settings.taxonomy.audit_channels);
    let mut c = AuditColumns::default();
    for v in visits {
        c.region.push(regions[v.region as usize].clone());
        c.month.push(v.period);
        c.service
            .push(v.service.map(|s| services[s as usize].clone()));
        c.channel
            .push(v.channel.map(|ch| channels[ch as usize].clone()));
        c.score_waiting.push(v.scores[0]);
        c.score_courtesy.push(v.scores[1]);
        c.score_information.push(v.scores[2]);
        c.score_accessibility.push(v.scores[3]);
        c.score_outcome.push(v.scores[4]);
        c.wait_minutes.push(v.wait_minutes);
        c.informal_payment_requested.push(v.informal_payment);
        c.intermediary_offered.push(v.intermediary);
        c.service_completed.push(v.completed);
    }
    AuditsFile {
        schema_version: adal_core::OLDEST_READ_VERSION,
        rows: visits.len(),
        columns: c,
    }
}

/// The contents of `audits-detail.json` (contract version 3): the published visits as cells of unit,
/// time, service and channel with their sufficient statistics. The anonymiser published each visit in a
/// class of at least k visits sharing those four, so every cell holds at least k visits.
pub fn cells_file(visits: &[PublishedVisit], settings: &Settings) -> AuditCellsFile {
    audit_files(visits, settings).1
}

/// The contents of `audits.json` and `audits-detail.json` (contract version 3): the unit totals by
/// published time that the first view reads, and the cells by service and channel they add up from.
pub fn audit_files(
    visits: &[PublishedVisit],
    settings: &Settings,
) -> (AuditCellsFile, AuditCellsFile) {
    let codes = region_codes();
    let units: Vec<&str> = codes.iter().map(|c| &**c).collect();
    let cells = aggregate::cells_of_units(&units, &visits_file(visits, settings));
    let totals = aggregate::totals_of(&cells);
    (
        aggregate::cells_file(&units, &totals),
        aggregate::cells_file(&units, &cells),
    )
}

/// Writes a cells file (`audits.json` or `audits-detail.json`, [`audit_files`]). The field order is
/// [`AuditCellsFile`]'s.
pub fn write_cells<W: Write>(mut w: W, cells: &AuditCellsFile) -> io::Result<()> {
    serde_json::to_writer(&mut w, cells).map_err(io::Error::other)?;
    w.flush()
}

/// The contents of `complaints.json`.
pub fn complaints_file(outcome: &ComplaintOutcome, settings: &Settings) -> ComplaintsFile {
    let regions = region_codes();
    let categories = shared_ids(&settings.taxonomy.complaint_categories);
    // Published by category, region, period: the category column becomes long runs and the periods
    // repeat in the same sequence, which gzips smaller than the outcome's region-first order. Readers do
    // not depend on the order.
    let mut cells: Vec<&Cell> = outcome.categories.cells.iter().collect();
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
    ComplaintsFile {
        schema_version: SCHEMA_VERSION,
        rows: outcome.categories.cells.len(),
        columns,
        totals: totals_columns(&outcome.totals),
    }
}

/// Every unit's published totals (complaints', recommendations'), a suppressed one as null.
fn totals_columns(totals: &[Total]) -> ComplaintTotals {
    let regions = region_codes();
    let mut columns = ComplaintTotalsColumns::default();
    for t in totals {
        columns.region.push(regions[t.region as usize].clone());
        columns.period.push(t.period);
        columns.count.push((!t.suppressed).then_some(t.count));
    }
    ComplaintTotals {
        rows: totals.len(),
        columns,
    }
}

/// The contents of contract 3's `complaints.json` (the totals, its cells empty) and
/// `complaints-detail.json` (the cells by category): the first view reads only the totals.
pub fn complaint_files(
    outcome: &ComplaintOutcome,
    settings: &Settings,
) -> (ComplaintsFile, ComplaintCellsFile) {
    let mut totals = complaints_file(outcome, settings);
    let cells = ComplaintCellsFile {
        schema_version: totals.schema_version,
        rows: std::mem::take(&mut totals.rows),
        columns: std::mem::take(&mut totals.columns),
    };
    (totals, cells)
}

/// The contents of `outcomes.json`, where the raw complaints record any outcome or the publisher has
/// recommendations (`findings`, counted by [`crate::anonymise::suppress_findings`]): the cells by
/// stage, published by stage, region and period as the categories are, the cells by the time to the
/// last step where any is dated, and the recommendations' totals and cells by state.
pub fn outcomes_file(
    outcome: &ComplaintOutcome,
    findings: Option<&ComplaintOutcome>,
) -> Option<OutcomesFile> {
    if outcome.outcomes.is_none() && findings.is_none() {
        return None;
    }
    let ids = |terms: Vec<adal_core::contract::Term>| -> Vec<Arc<str>> {
        terms.iter().map(|t| Arc::from(t.id.as_str())).collect()
    };
    let stages = ids(crate::taxonomy::outcome_stages());
    let no_cells = Vec::new();
    let stage_cells = outcome.outcomes.as_ref().map_or(&no_cells, |b| &b.cells);
    let (region, period, stage, count) = keyed_columns(stage_cells, &stages, NOT_RECORDED);
    let times = outcome.times.as_ref().map(|times| {
        let bins: Vec<Arc<str>> = TIME_BINS.iter().map(|(id, _)| Arc::from(*id)).collect();
        let (region, period, days, count) = keyed_columns(&times.cells, &bins, NOT_DATED);
        OutcomeTimes {
            rows: times.cells.len(),
            columns: TimeColumns {
                region,
                period,
                days,
                count,
            },
        }
    });
    let findings = findings.map(|f| {
        let states = ids(crate::taxonomy::finding_states());
        let (region, period, state, count) = keyed_columns(&f.categories.cells, &states, "");
        Findings {
            totals: totals_columns(&f.totals),
            rows: f.categories.cells.len(),
            columns: FindingColumns {
                region,
                period,
                state,
                count,
            },
        }
    });
    Some(OutcomesFile {
        schema_version: SCHEMA_VERSION,
        rows: stage_cells.len(),
        columns: OutcomeColumns {
            region,
            period,
            stage,
            count,
            times: None,
            findings: None,
        },
        times,
        findings,
    })
}

/// The region, period, key and count columns of a breakdown's `cells`, written by key, region and
/// period; a cell's key is its index into `keys`, or beyond them the key `rest`.
#[allow(clippy::type_complexity)]
fn keyed_columns(
    cells: &[Cell],
    keys: &[Arc<str>],
    rest: &str,
) -> (
    Vec<Arc<str>>,
    Vec<PeriodLabel>,
    Vec<Arc<str>>,
    Vec<Option<u32>>,
) {
    let regions = region_codes();
    let rest: Arc<str> = Arc::from(rest);
    let mut cells: Vec<&Cell> = cells.iter().collect();
    cells.sort_unstable_by_key(|c| (c.category, c.region, c.period));
    let mut columns = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for c in cells {
        columns.0.push(regions[c.region as usize].clone());
        columns.1.push(c.period);
        columns
            .2
            .push(keys.get(usize::from(c.category)).unwrap_or(&rest).clone());
        columns.3.push((!c.suppressed).then_some(c.count));
    }
    columns
}

/// Writes a JSON file of the bundle (`complaints.json`, `complaints-detail.json`, `outcomes.json`).
pub fn write_json<W: Write, T: serde::Serialize>(mut w: W, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut w, value).map_err(io::Error::other)?;
    w.flush()
}

/// The key lists of `outcomes.json` a manifest gives: the stages where the complaints record any outcome,
/// the recommendations' states where there are findings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OutcomeKeys {
    /// The complaints' outcomes are published (`outcome_stages`).
    pub stages: bool,
    /// The recommendations are published (`finding_states`).
    pub findings: bool,
}

impl OutcomeKeys {
    /// The keys of what `outcomes_file` publishes from the same counts.
    pub fn of(complaints: &ComplaintOutcome, findings: Option<&ComplaintOutcome>) -> OutcomeKeys {
        OutcomeKeys {
            stages: complaints.outcomes.is_some(),
            findings: findings.is_some(),
        }
    }
}

/// The manifest of a bundle whose other files are `files`, with the key lists `keys` of its
/// `outcomes.json`.
pub fn manifest(
    settings: &Settings,
    period: Period,
    generated_at: &str,
    files: Vec<FileEntry>,
    keys: OutcomeKeys,
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
        // The keys of `outcomes.json`, where the bundle has it.
        outcome_stages: if keys.stages {
            crate::taxonomy::outcome_terms()
        } else {
            Vec::new()
        },
        finding_states: if keys.findings {
            crate::taxonomy::finding_states()
        } else {
            Vec::new()
        },
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
    #[test]
    fn the_audits_file_holds_the_visits_as_cells() {
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
        let mut visits = vec![visit; 6];
        visits[0].wait_minutes = Some(12);
        visits[1].wait_minutes = Some(12);
        visits[2].wait_minutes = Some(5);
        visits[3].scores = [None; 5];
        let outcome = anonymise_visits(&visits, 5);
        let mut bytes = Vec::new();
        let detail = cells_file(&outcome.published, &Settings::default());
        write_cells(&mut bytes, &detail).expect("written");
        let file: AuditCellsFile = serde_json::from_slice(&bytes).expect("parses");
        assert_eq!(file.schema_version, SCHEMA_VERSION);
        assert_eq!(file.rows, 1);
        let c = &file.columns;
        assert_eq!(&*c.region[0], "KZ-19");
        assert_eq!(c.month[0].to_string(), "2024-05");
        assert_eq!(c.channel[0].as_deref(), Some("online"));
        assert_eq!(c.visits[0], 6);
        // Scores 1, 3, 4, 5: mean 13/4, index 25 × 9/4 = 56.25, which is 135 units of 5/12.
        assert_eq!(
            (c.index_n[0], c.index_sum[0], c.index_sum_sq[0]),
            (5, 675, 5 * 135 * 135)
        );
        assert_eq!(c.informal_payment_yes[0], 6);
        assert_eq!((c.intermediary_yes[0], c.intermediary_answered[0]), (0, 0));
        assert_eq!((c.completed_yes[0], c.completed_answered[0]), (0, 6));
        assert_eq!(c.waits[0], vec![(5, 1), (12, 2)]);
        assert!(c.lengths().iter().all(|(_, n)| *n == 1));
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
