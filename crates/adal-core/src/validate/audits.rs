//! The visits file's checks — a contract-3 file of cells ([`check_audit_cells`]) or a contract-2 file
//! of visits ([`check_audits`]): its columns agree in length and with the manifest, every value is one the
//! contract allows, and k-anonymity holds.

use std::collections::{HashMap, HashSet};

use super::manifest::check_version;
use super::problems::{Problem, Problems, load_error_detail};
use crate::aggregate::INDEX_UNIT;
use crate::aggregate::cells::{Cell, cells_of_file, totals_of};
use crate::contract::{AuditCellsFile, AuditsFile, Manifest, files};
use crate::dataset;
use crate::period::PeriodLabel;

/// A published visit's quasi-identifiers: region, period, service and channel (null where generalised).
type VisitKey<'a> = (&'a str, PeriodLabel, Option<&'a str>, Option<&'a str>);

/// The loader's column check ([`dataset::check_lengths`]); returns whether all columns agree.
pub(crate) fn columns_agree(
    p: &mut Problems,
    prefix: &str,
    lengths: &[(&str, usize)],
    rows: usize,
) -> bool {
    match dataset::check_lengths(p.file, lengths, rows) {
        Ok(()) => true,
        Err(e) => {
            p.push(format!("{prefix}{}", load_error_detail(p.file, &e)));
            false
        }
    }
}

/// The manifest's units, services and channels, and its period: what a visit's or cell's key must name.
struct Known<'m> {
    manifest: &'m Manifest,
    regions: HashSet<&'m str>,
    services: HashSet<&'m str>,
    channels: HashSet<&'m str>,
}

impl<'m> Known<'m> {
    fn new(m: &'m Manifest) -> Self {
        Known {
            manifest: m,
            regions: m.regions.iter().map(|r| r.code.as_str()).collect(),
            services: m.services.iter().map(|t| t.id.as_str()).collect(),
            channels: m.audit_channels.iter().map(|t| t.id.as_str()).collect(),
        }
    }

    /// Checks that the key of `what` (a row, a cell) names the manifest's units and terms, inside its
    /// period.
    fn check(
        &self,
        p: &mut Problems,
        what: &str,
        (region, period, service, channel): VisitKey<'_>,
    ) {
        let m = self.manifest;
        if !self.regions.contains(region) {
            p.push(format!(
                "{what}: region «{region}» is not one of the manifest's regions"
            ));
        }
        let inside = match period {
            PeriodLabel::Month(_) => m.period.covers(period),
            _ => m.period.overlaps(period),
        };
        if !inside {
            p.push(format!(
                "{what}: month {period} lies outside the period {} to {}",
                m.period.from, m.period.to
            ));
        }
        if let Some(service) = service
            && !self.services.contains(service)
        {
            p.push(format!(
                "{what}: service «{service}» is not one of the manifest's services"
            ));
        }
        if let Some(ch) = channel
            && !self.channels.contains(ch)
        {
            p.push(format!(
                "{what}: channel «{ch}» is not one of the manifest's audit channels"
            ));
        }
    }
}

/// The largest quality index of a visit in units of [`INDEX_UNIT`]: 100 points.
const MAX_INDEX_UNITS: u64 = (100.0 / INDEX_UNIT) as u64;

/// Checks a contract-3 `audits.json` (cells) against the manifest: every cell names the manifest's
/// unit, terms and period, no two share a key, each holds at least k visits (k-anonymity), and its
/// statistics are those some k or more visits can have — no more answers than visits, no more yes than
/// answers, index sums a set of indexes between 0 and 100 can give, waits ascending and no more than the
/// visits.
/// `file` is the file checked: `audits-detail.json`, or `audits.json` (the unit totals, which
/// [`check_audit_totals`] checks further).
pub fn check_audit_cells(m: &Manifest, a: &AuditCellsFile, file: &'static str) -> Vec<Problem> {
    let mut p = Problems::new(file);
    check_version(
        &mut p,
        a.schema_version,
        m.schema_version..=m.schema_version,
    );
    if !columns_agree(&mut p, "", &a.columns.lengths(), a.rows) {
        return p.finish();
    }
    let known = Known::new(m);
    let k = u64::from(m.k_anonymity.k);
    let c = &a.columns;
    let mut keys: HashSet<VisitKey<'_>> = HashSet::new();
    for i in 0..a.rows {
        let what = format!("cell {}", i + 1);
        let key = (
            &*c.region[i],
            c.month[i],
            c.service[i].as_deref(),
            c.channel[i].as_deref(),
        );
        known.check(&mut p, &what, key);
        if !keys.insert(key) {
            p.push(format!(
                "{what}: region {}, month {}, service {}, channel {} has another cell",
                key.0,
                key.1,
                key.2.unwrap_or("null"),
                key.3.unwrap_or("null")
            ));
        }
        let visits = c.visits[i];
        if visits < k {
            p.push(format!(
                "k-anonymity broken: {what} holds {visits} visit(s) of region {}, month {}, service {}, channel {}; k is {k}",
                key.0,
                key.1,
                key.2.unwrap_or("null"),
                key.3.unwrap_or("null")
            ));
        }
        for (name, yes, answered) in [
            (
                "informal_payment",
                c.informal_payment_yes[i],
                c.informal_payment_answered[i],
            ),
            (
                "intermediary",
                c.intermediary_yes[i],
                c.intermediary_answered[i],
            ),
            ("completed", c.completed_yes[i], c.completed_answered[i]),
        ] {
            if answered > visits || yes > answered {
                p.push(format!(
                    "{what}: {name} has {yes} yes of {answered} answered of {visits} visits"
                ));
            }
        }
        let (n, sum, sum_sq) = (c.index_n[i], c.index_sum[i], c.index_sum_sq[i]);
        let possible = n <= visits
            && u64::try_from(sum).is_ok_and(|sum| {
                // Each of n indexes x lies in 0..=MAX: Σx ≤ n·MAX, Σx² ≤ MAX·Σx, (Σx)² ≤ n·Σx².
                let (n, sum, sum_sq) = (u128::from(n), u128::from(sum), u128::from(sum_sq));
                let max = u128::from(MAX_INDEX_UNITS);
                sum <= n * max && sum_sq <= max * sum && sum * sum <= n * sum_sq
            });
        if !possible {
            p.push(format!(
                "{what}: the quality index's sums ({n} visits, sum {sum}, sum of squares {sum_sq}) are not those of {n} indexes between 0 and 100"
            ));
        }
        let waits = &c.waits[i];
        let recorded: u64 = waits.iter().map(|(_, n)| n).sum();
        let ascending = waits.windows(2).all(|w| w[0].0 < w[1].0);
        if !ascending || waits.iter().any(|(_, n)| *n == 0) || recorded > visits {
            p.push(format!(
                "{what}: the waits are not a histogram of at most {visits} visits in ascending minutes"
            ));
        }
    }
    p.finish()
}

/// Checks a contract-2 `audits.json` (every visit: a version kept from before contract 3) against the
/// manifest, including k-anonymity.
pub fn check_audits(m: &Manifest, a: &AuditsFile) -> Vec<Problem> {
    let mut p = Problems::new(files::AUDITS);
    check_version(
        &mut p,
        a.schema_version,
        m.schema_version..=m.schema_version,
    );
    if !columns_agree(&mut p, "", &a.columns.lengths(), a.rows) {
        return p.finish();
    }
    let known = Known::new(m);
    let c = &a.columns;
    let mut groups: HashMap<VisitKey<'_>, u32> = HashMap::new();
    for i in 0..a.rows {
        let row = i + 1;
        let period = c.month[i];
        known.check(
            &mut p,
            &format!("row {row}"),
            (
                &c.region[i],
                period,
                c.service[i].as_deref(),
                c.channel[i].as_deref(),
            ),
        );
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

/// Checks that contract 3's `audits.json` holds exactly the unit totals of `audits-detail.json`: no
/// service or channel named (both are all of them), and every total the sum of the detail's cells of its
/// unit and time — nothing the detail does not tell, and no visit more or less.
pub fn check_audit_totals(
    m: &Manifest,
    totals: &AuditCellsFile,
    detail: &AuditCellsFile,
) -> Vec<Problem> {
    let mut p = Problems::new(files::AUDITS);
    let c = &totals.columns;
    for i in 0..totals.rows.min(c.service.len()).min(c.channel.len()) {
        if c.service[i].is_some() || c.channel[i].is_some() {
            p.push(format!(
                "cell {}: a unit total names a service or a channel; both must be null (all of them)",
                i + 1
            ));
        }
    }
    let published = cells_of_file(m, totals.clone());
    let summed = totals_of(&cells_of_file(m, detail.clone()));
    if published != summed {
        let first = published
            .iter()
            .zip(&summed)
            .position(|(a, b)| a != b)
            .unwrap_or(published.len().min(summed.len()));
        let at = |cells: &[Cell]| {
            cells.get(first).map_or_else(
                || "none".to_owned(),
                |c| {
                    format!(
                        "{} {}",
                        m.regions.get(c.unit).map_or("?", |r| r.code.as_str()),
                        c.time
                    )
                },
            )
        };
        p.push(format!(
            "its {} unit totals are not those of {} ({} totals): the first that differs is {} here, {} there",
            published.len(),
            files::AUDIT_DETAIL,
            summed.len(),
            at(&published),
            at(&summed)
        ));
    }
    p.finish()
}
