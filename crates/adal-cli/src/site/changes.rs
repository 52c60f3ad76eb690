//! What a publication changes, said to the publisher: the warnings of the run (rows skipped, columns
//! dropped, visits and totals suppressed, thin units), and against the version the site published before,
//! the figures that move most and the units that became thin.

use adal_core::aggregate::MetricId;
use adal_core::dataset::Dataset;
use adal_core::figures::key_figures;
use adal_core::format;
use adal_core::view::DEFAULT_MIN_VISITS;
use adal_publish::publication_report::PublishReport;

use super::versions::Current;
use super::words::Words;

/// How many moving figures are listed.
const LISTED: usize = 5;

/// The units with fewer than [`DEFAULT_MIN_VISITS`] visits in the bundle's default period, by name.
fn thin_units(d: &Dataset, say: &Words) -> Vec<(String, String)> {
    let period = d.default_period();
    d.manifest
        .regions
        .iter()
        .filter(|r| key_figures(d, period, Some(&r.code)).visits < DEFAULT_MIN_VISITS)
        .map(|r| (r.code.clone(), r.name.get(say.lang()).to_owned()))
        .collect()
}

/// The run's warnings, in the publisher's language. None of them holds a value from a raw row: the
/// report they come from holds counts, known column names and line numbers only.
pub fn warnings(report: &PublishReport, new: &Dataset, say: &Words) -> Vec<String> {
    let mut out = Vec::new();
    for file in [&report.audits, &report.complaints] {
        if !file.rejected.is_empty() {
            out.push(say.rows_skipped(&file.file, file.rejected.len()));
        }
        if !file.unknown_columns.is_empty() {
            out.push(say.unknown_columns(&file.file, &file.unknown_columns.join(", ")));
        }
    }
    if report.audits.suppressed > 0 {
        out.push(say.visits_suppressed(report.audits.suppressed, report.k));
    }
    if let Some(cells) = &report.complaints.cells
        && cells.totals_suppressed > 0
    {
        out.push(say.totals_suppressed(cells.totals_suppressed, report.k));
    }
    let thin = thin_units(new, say);
    if !thin.is_empty() {
        let names: Vec<&str> = thin.iter().map(|(_, n)| n.as_str()).collect();
        out.push(say.thin_units(
            thin.len(),
            DEFAULT_MIN_VISITS,
            &format::period(new.default_period(), say.lang()),
            &names.join(", "),
        ));
    }
    out
}

/// What the pages will count of `new`: its default period's visits and complaints, country-wide.
pub fn counted(new: &Dataset, say: &Words) -> super::report::Counted {
    let period = new.default_period();
    let country = key_figures(new, period, None);
    super::report::Counted {
        pin: format!(
            "{}@{}",
            new.manifest.dataset.id, new.manifest.dataset.version
        ),
        period: format::period(period, say.lang()),
        visits: country.visits,
        complaints: country.complaints.counted,
    }
}

/// Prints what `new` changes against `before` (the site's current bundle, if any).
pub fn print(before: Option<&Dataset>, new: &Dataset, current: Option<&Current>, say: &Words) {
    let lang = say.lang();
    let m = &new.manifest;
    let pin = format!("{}@{}", m.dataset.id, m.dataset.version);
    let period = new.default_period();
    let country = key_figures(new, period, None);
    println!(
        "{}",
        say.figures(
            &pin,
            &format::period(period, lang),
            country.visits,
            country.complaints.counted
        )
    );
    let (Some(before), Some(current)) = (before, current) else {
        println!("{}", say.first_version());
        return;
    };
    if current.id == m.dataset.id && current.version != m.dataset.version {
        println!(
            "{}",
            say.version_kept(
                &current.version,
                &format!("data/versions/{}/{}/", current.id, current.version)
            )
        );
    }
    let mut moves: Vec<(f64, String)> = Vec::new();
    for unit in &m.regions {
        let now = key_figures(new, period, Some(&unit.code));
        let then = key_figures(before, before.default_period(), Some(&unit.code));
        for metric in [MetricId::QualityIndex, MetricId::InformalPayment] {
            if let (Some(a), Some(b)) = (then.value(metric), now.value(metric)) {
                let label = m
                    .metrics
                    .iter()
                    .find(|x| x.id == metric.id())
                    .map_or_else(|| metric.id().to_owned(), |x| x.label.get(lang).to_owned());
                let scale = if metric == MetricId::QualityIndex {
                    1.0
                } else {
                    100.0
                };
                moves.push((
                    ((b - a) * scale).abs(),
                    format!(
                        "  {}: {label}: {} → {}",
                        unit.name.get(lang),
                        format::metric_value(metric, a, lang),
                        format::metric_value(metric, b, lang)
                    ),
                ));
            }
        }
    }
    moves.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!("{}", say.moving());
    for (_, line) in moves.iter().take(LISTED) {
        println!("{line}");
    }
    let was_thin: Vec<String> = thin_units(before, say)
        .into_iter()
        .map(|(c, _)| c)
        .collect();
    let became: Vec<String> = thin_units(new, say)
        .into_iter()
        .filter(|(c, _)| !was_thin.contains(c))
        .map(|(_, n)| n)
        .collect();
    if became.is_empty() {
        println!("{}", say.none_became_thin());
    } else {
        println!("{}", say.became_thin(&became.join(", ")));
    }
}
