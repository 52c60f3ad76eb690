//! The visits file's checks: its columns agree in length and with the manifest, every value is
//! one the contract allows.

use std::collections::{HashMap, HashSet};

use super::manifest::check_version;
use super::problems::{Problem, Problems, load_error_detail};
use crate::contract::{AuditsFile, Manifest, files};
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
