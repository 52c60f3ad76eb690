//! `adal publish`: raw files in, anonymised bundle out, with a report of every row.
//!
//! Nothing is written to the output folder unless the whole bundle can be written: files go to temporary
//! names first and are renamed into place at the end. Without `--skip-invalid`, a single invalid row
//! means no bundle at all.

use std::fs::{self, File};
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use adal_core::contract::{FileEntry, files};
use adal_core::period::Month;
use adal_core::regions;
use adal_publish::anonymise::{anonymise_visits, suppress_complaints, suppress_findings};
use adal_publish::bundle::{self, HashingWriter, OutcomeKeys};
use adal_publish::config::{PublisherConfig, Settings};
use adal_publish::publication_report::{FileReport, PublishReport};
use adal_publish::raw::{
    FileError, Parsed, Rejection, read_audits, read_complaints, read_findings,
};

use crate::cli::PublishArgs;
use crate::{Failure, Outcome};

/// How many rejected rows are printed on the terminal; the report lists them all.
const PRINTED_REJECTIONS: usize = 20;

pub fn run(args: &PublishArgs) -> Result<Outcome, Failure> {
    Ok(publish(args, |_, _| {}, true)?.outcome)
}

/// What a publication did: how it ended, its report, and the settings it applied.
pub struct Published {
    /// How it ended: `Done` when the bundle was written.
    pub outcome: Outcome,
    /// What happened to every row.
    pub report: PublishReport,
    /// The settings, after `adjust`.
    pub settings: Settings,
}

/// Publishes as `adal publish` does, the settings read from the config changed by `adjust` first (for
/// example the version that `adal site` gives a publication without one). Without `summary` the counts
/// of a written bundle are left to the caller to say (`adal site` says them in the publisher's language).
pub fn publish(
    args: &PublishArgs,
    adjust: impl FnOnce(&mut Settings, &str),
    summary: bool,
) -> Result<Published, Failure> {
    let mut settings = load_settings(args.config.as_deref())?;
    let generated_at = generation_date(args.generated_at.as_deref())?;
    adjust(&mut settings, &generated_at);
    let taxonomy = &settings.taxonomy;

    let audits = read_file(&args.audits, |f| read_audits(f, taxonomy))?;
    let complaints = read_file(&args.complaints, |f| read_complaints(f, taxonomy))?;
    // The recommendations count within the period of the audits and complaints: one given outside it
    // is a rejected row, so that the complaints' months are never stretched to zeros they do not hold.
    let span = match (&audits, &complaints) {
        (Ok(a), Ok(c)) => bundle::period_of(&a.records, &c.records),
        _ => None,
    };
    let findings = match &args.findings {
        Some(path) => Some(read_file(path, |f| read_findings(f, span))?),
        None => None,
    };
    let audits_name = file_name(&args.audits);
    let complaints_name = file_name(&args.complaints);
    let findings_name = args.findings.as_deref().map(file_name).unwrap_or_default();

    let (audits, complaints, findings) = match (audits, complaints, findings.transpose()) {
        (Ok(a), Ok(c), Ok(f)) => (a, c, f),
        (a, c, f) => {
            let audit_report = file_report(&audits_name, &a);
            let complaint_report = file_report(&complaints_name, &c);
            let finding_report = args.findings.as_ref().map(|_| match &f {
                Ok(Some(parsed)) => FileReport::read(&findings_name, parsed),
                Ok(None) => FileReport::default(),
                Err(e) => FileReport::unreadable(&findings_name, e.to_string()),
            });
            for (name, result) in [
                (&audits_name, a.err()),
                (&complaints_name, c.err()),
                (&findings_name, f.err()),
            ] {
                if let Some(e) = result {
                    eprintln!("{name}: {e}");
                }
            }
            let reports = Reports {
                audits: audit_report,
                complaints: complaint_report,
                findings: finding_report,
            };
            let report = write_report(args, &settings, false, reports)?;
            eprintln!("No bundle was written.");
            return Ok(Published {
                outcome: Outcome::Problems,
                report,
                settings,
            });
        }
    };

    let invalid = audits.rejected.len()
        + complaints.rejected.len()
        + findings.as_ref().map_or(0, |f| f.rejected.len());
    print_rejections(&audits_name, &audits.rejected);
    print_rejections(&complaints_name, &complaints.rejected);
    if let Some(f) = &findings {
        print_rejections(&findings_name, &f.rejected);
    }
    // The report of a run that stops before anonymisation: what was read and rejected.
    let unpublished_report = || {
        let reports = Reports {
            audits: FileReport::read(&audits_name, &audits),
            complaints: FileReport::read(&complaints_name, &complaints),
            findings: findings
                .as_ref()
                .map(|f| FileReport::read(&findings_name, f)),
        };
        write_report(args, &settings, false, reports)
    };
    if invalid > 0 && !args.skip_invalid {
        let report = unpublished_report()?;
        eprintln!(
            "{invalid} invalid row(s). No bundle was written: correct the rows, or publish the valid rows with --skip-invalid."
        );
        return Ok(Published {
            outcome: Outcome::Problems,
            report,
            settings,
        });
    }

    let Some(period) = span else {
        let report = unpublished_report()?;
        eprintln!(
            "Neither file has a valid row: there is nothing to publish. No bundle was written."
        );
        return Ok(Published {
            outcome: Outcome::Problems,
            report,
            settings,
        });
    };

    let visits = anonymise_visits(&audits.records, settings.k);
    let counts = suppress_complaints(
        &complaints.records,
        settings.k,
        regions::all().len(),
        period,
    );

    // The recommendations, where a file of them is given (even with no row: then zero are published).
    let recommendations = findings
        .as_ref()
        .map(|f| suppress_findings(&f.records, settings.k, regions::all().len(), period));

    let (totals, detail) = bundle::audit_files(&visits.published, &settings);
    // Only where the raw complaints record any outcome, or there are recommendations.
    let outcomes = bundle::outcomes_file(&counts, recommendations.as_ref());
    let keys = OutcomeKeys::of(&counts, recommendations.as_ref());
    write_bundle(&args.out, outcomes.is_some(), |dir| {
        let audits_entry = write_hashed(dir, files::AUDITS, |w| bundle::write_cells(w, &totals))?;
        let detail_entry = write_hashed(dir, files::AUDIT_DETAIL, |w| {
            bundle::write_cells(w, &detail)
        })?;
        let (complaint_totals, complaint_cells) = bundle::complaint_files(&counts, &settings);
        let complaints_entry = write_hashed(dir, files::COMPLAINTS, |w| {
            bundle::write_json(w, &complaint_totals)
        })?;
        let cells_entry = write_hashed(dir, files::COMPLAINT_DETAIL, |w| {
            bundle::write_json(w, &complaint_cells)
        })?;
        let mut entries = vec![audits_entry, detail_entry, complaints_entry, cells_entry];
        if let Some(outcomes) = &outcomes {
            entries.push(write_hashed(dir, files::OUTCOMES, |w| {
                bundle::write_json(w, outcomes)
            })?);
        }
        let manifest = bundle::manifest(&settings, period, &generated_at, entries, keys);
        let path = dir.join(tmp_name(files::MANIFEST));
        fs::write(&path, bundle::manifest_json(&manifest)).map_err(|e| write_error(&path, &e))
    })?;

    let audit_report = FileReport::read(&audits_name, &audits).with_visits(&visits);
    let complaint_report = FileReport::read(&complaints_name, &complaints).with_complaints(&counts);
    let finding_report = findings
        .as_ref()
        .zip(recommendations.as_ref())
        .map(|(f, r)| FileReport::read(&findings_name, f).with_complaints(r));
    if !summary {
        let reports = Reports {
            audits: audit_report,
            complaints: complaint_report,
            findings: finding_report,
        };
        let report = write_report(args, &settings, true, reports)?;
        return Ok(Published {
            outcome: Outcome::Done,
            report,
            settings,
        });
    }
    println!(
        "{audits_name}: {} rows read, {} published ({} generalised), {} suppressed, {} rejected",
        audit_report.rows_read,
        audit_report.published,
        audit_report.generalised,
        audit_report.suppressed,
        audit_report.rejected.len()
    );
    println!(
        "{complaints_name}: {} rows read, {} published (in totals by month, quarter or year; {} also by category), {} in suppressed totals, {} rejected",
        complaint_report.rows_read,
        complaint_report.published,
        counts.categories.in_published_cells,
        complaint_report.suppressed,
        complaint_report.rejected.len()
    );
    if let Some(o) = &complaint_report.outcomes {
        println!(
            "{complaints_name}: what came of them (outcomes.json): {} by the stage of their outcome, in {} cells ({} suppressed)",
            o.published_with_stage,
            o.cells,
            o.primary_suppressed + o.complementary_suppressed
        );
    }
    if let Some(r) = &finding_report {
        println!(
            "{findings_name}: {} rows read, {} published (in totals by month, quarter or year; {} also by state), {} in suppressed totals, {} rejected",
            r.rows_read,
            r.published,
            r.cells.as_ref().map_or(0, |c| c.published_with_category),
            r.suppressed,
            r.rejected.len()
        );
    }
    for (name, report) in [
        (&audits_name, &audit_report),
        (&complaints_name, &complaint_report),
    ]
    .into_iter()
    .chain(finding_report.as_ref().map(|r| (&findings_name, r)))
    {
        if !report.unknown_columns.is_empty() {
            println!(
                "{name}: unknown columns dropped: {}",
                report.unknown_columns.join(", ")
            );
        }
    }
    println!(
        "Bundle for {} to {} written to {} (k = {}).",
        period.from,
        period.to,
        args.out.display(),
        settings.k
    );
    let reports = Reports {
        audits: audit_report,
        complaints: complaint_report,
        findings: finding_report,
    };
    let report = write_report(args, &settings, true, reports)?;
    Ok(Published {
        outcome: Outcome::Done,
        report,
        settings,
    })
}

pub fn load_settings(path: Option<&Path>) -> Result<Settings, Failure> {
    let config = match path {
        None => PublisherConfig::default(),
        Some(path) => {
            let text = fs::read_to_string(path).map_err(|e| {
                Failure::Usage(format!("cannot read the config {}: {e}", path.display()))
            })?;
            toml::from_str(&text).map_err(|e| {
                Failure::Usage(format!("the config {} is not valid: {e}", path.display()))
            })?
        }
    };
    let text = path
        .and_then(|p| fs::read_to_string(p).ok())
        .unwrap_or_default();
    Settings::from_config(config).map_err(|e| {
        let message = e.to_string();
        let field = message.split([':', ' ']).next().unwrap_or_default();
        let at = config_line(&text, field).map_or_else(String::new, |l| format!(" (line {l})"));
        Failure::Usage(format!("the config is not valid{at}: {message}"))
    })
}

/// The line (from 1) of the config `text` where `field` (`table.key`, `list.id.key` or `key`) is given:
/// the key's line under the table's header, or the header's own line.
pub fn config_line(text: &str, field: &str) -> Option<usize> {
    let parts: Vec<&str> = field.split('.').map(str::trim).collect();
    let (table, key) = match parts.as_slice() {
        [] | [""] => return None,
        [key] => (None, *key),
        [table, .., key] => (Some(*table), *key),
    };
    let is_key = |line: &str, key: &str| {
        let line = line.trim_start();
        line.strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
    };
    let lines: Vec<&str> = text.lines().collect();
    let start = match table {
        None => 0,
        Some(t) => lines.iter().position(|l| {
            let l = l.trim();
            l == format!("[{t}]") || l == format!("[[{t}]]") || is_key(l, t)
        })?,
    };
    let found = lines[start..]
        .iter()
        .position(|l| is_key(l, key))
        .map(|i| start + i);
    match (found, table) {
        (Some(line), _) => Some(line + 1),
        (None, Some(_)) => Some(start + 1),
        (None, None) => None,
    }
}

/// The manifest's generation date: the argument, else `SOURCE_DATE_EPOCH`, else today (UTC). A date, not
/// a time, so that publishing the same input twice in a day gives byte-identical files.
fn generation_date(given: Option<&str>) -> Result<String, Failure> {
    if let Some(text) = given {
        return Month::from_date(text)
            .map(|_| text.to_owned())
            .map_err(|e| Failure::Usage(format!("--generated-at {text:?}: expected {e}")));
    }
    let moment = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(secs) => {
            let secs: i64 = secs.trim().parse().map_err(|_| {
                Failure::Usage(format!(
                    "SOURCE_DATE_EPOCH {secs:?} is not a number of seconds"
                ))
            })?;
            time::OffsetDateTime::from_unix_timestamp(secs)
                .map_err(|_| Failure::Usage(format!("SOURCE_DATE_EPOCH {secs} is out of range")))?
        }
        Err(_) => time::OffsetDateTime::now_utc(),
    };
    Ok(crate::demo::iso_date(moment.date()))
}

fn read_file<T>(
    path: &Path,
    read: impl FnOnce(BufReader<File>) -> Result<Parsed<T>, FileError>,
) -> Result<Result<Parsed<T>, FileError>, Failure> {
    let file = File::open(path)
        .map_err(|e| Failure::Usage(format!("cannot open {}: {e}", path.display())))?;
    Ok(read(BufReader::with_capacity(1 << 20, file)))
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn file_report<T>(name: &str, result: &Result<Parsed<T>, FileError>) -> FileReport {
    match result {
        Ok(parsed) => FileReport::read(name, parsed),
        Err(e) => FileReport::unreadable(name, e.to_string()),
    }
}

fn print_rejections(name: &str, rejected: &[Rejection]) {
    for r in rejected.iter().take(PRINTED_REJECTIONS) {
        let column = r
            .column
            .as_deref()
            .map(|c| format!(", column {c}"))
            .unwrap_or_default();
        eprintln!("{name} line {}{column}: {}", r.line, r.reason);
        for also in &r.also {
            eprintln!(
                "    column {}: expected {}, found {}",
                also.column, also.expected, also.found
            );
        }
    }
    if rejected.len() > PRINTED_REJECTIONS {
        eprintln!(
            "{name}: … and {} more invalid rows (all are listed in the report, --report R.json)",
            rejected.len() - PRINTED_REJECTIONS
        );
    }
}

/// The report of the run, written to `--report` if given.
/// The reports of the files read: the findings' where a file of them was given.
struct Reports {
    audits: FileReport,
    complaints: FileReport,
    findings: Option<FileReport>,
}

fn write_report(
    args: &PublishArgs,
    settings: &Settings,
    bundle_written: bool,
    reports: Reports,
) -> Result<PublishReport, Failure> {
    let report = PublishReport {
        bundle_written,
        k: settings.k,
        audits: reports.audits,
        complaints: reports.complaints,
        findings: reports.findings,
    };
    let Some(path) = &args.report else {
        return Ok(report);
    };
    let mut text = serde_json::to_vec_pretty(&report).map_err(|e| Failure::Io(e.to_string()))?;
    text.push(b'\n');
    fs::write(path, text).map_err(|e| write_error(path, &e))?;
    println!("Report written to {}.", path.display());
    Ok(report)
}

fn tmp_name(name: &str) -> String {
    format!(".{name}.tmp")
}

fn write_error(path: &Path, e: &std::io::Error) -> Failure {
    Failure::Io(format!("cannot write {}: {e}", path.display()))
}

fn write_hashed(
    dir: &Path,
    name: &str,
    write: impl FnOnce(&mut HashingWriter<BufWriter<File>>) -> std::io::Result<()>,
) -> Result<FileEntry, Failure> {
    let path = dir.join(tmp_name(name));
    let file = File::create(&path).map_err(|e| write_error(&path, &e))?;
    let mut w = HashingWriter::new(BufWriter::with_capacity(1 << 20, file));
    write(&mut w).map_err(|e| write_error(&path, &e))?;
    let (mut inner, entry) = w.finish(name);
    inner.flush().map_err(|e| write_error(&path, &e))?;
    Ok(entry)
}

/// Writes the bundle under temporary names with `write`, then renames every file into place.
/// With `outcomes`, `outcomes.json` is one of them; without, an `outcomes.json` left in `out` by an
/// earlier publication goes, since the new manifest does not list it.
fn write_bundle(
    out: &Path,
    outcomes: bool,
    write: impl FnOnce(&Path) -> Result<(), Failure>,
) -> Result<(), Failure> {
    fs::create_dir_all(out).map_err(|e| write_error(out, &e))?;
    let mut names = vec![
        files::AUDITS,
        files::AUDIT_DETAIL,
        files::COMPLAINTS,
        files::COMPLAINT_DETAIL,
    ];
    if outcomes {
        names.push(files::OUTCOMES);
    }
    names.push(files::MANIFEST);
    let result = write(out);
    let tmp: Vec<PathBuf> = names.iter().map(|n| out.join(tmp_name(n))).collect();
    if let Err(e) = result {
        for path in &tmp {
            let _ = fs::remove_file(path);
        }
        return Err(e);
    }
    for (name, path) in names.iter().zip(&tmp) {
        let target = out.join(name);
        fs::rename(path, &target).map_err(|e| write_error(&target, &e))?;
    }
    let stale = out.join(files::OUTCOMES);
    if !outcomes && stale.exists() {
        fs::remove_file(&stale).map_err(|e| write_error(&stale, &e))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::config_line;

    #[test]
    fn a_config_mistake_is_found_on_its_line() {
        let text = "k_anonymity = 1\n\n[dataset]\nid = \"../x\"\n\n[site]\nurl = \"x\"\nlogo = \"l.svg\"\n";
        assert_eq!(
            config_line(text, "k_anonymity must be at least 2, found 1"),
            None
        );
        assert_eq!(config_line(text, "k_anonymity"), Some(1));
        assert_eq!(config_line(text, "dataset.id"), Some(4));
        assert_eq!(config_line(text, "site.logo"), Some(8));
        assert_eq!(config_line(text, "services"), None);
    }
}
