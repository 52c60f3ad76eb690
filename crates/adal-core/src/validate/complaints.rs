//! The complaint counts' checks: their columns, and that the published groups add up (k-anonymity
//! kept by suppressing small cells, and the totals that reveal them).

use std::collections::{BTreeMap, HashMap, HashSet};

use super::audits::columns_agree;
use super::manifest::check_version;
use super::problems::{Problem, Problems};
use crate::contract::{
    ComplaintTotalsColumns, ComplaintsFile, Manifest, NOT_DATED, OutcomesFile, TIME_BINS, files,
};
use crate::period::{Month, Period, PeriodLabel};

/// The published complaints a cell of `region` over `period` breaks down: the total of that period, or
/// for a year or a quarter, the sum of the region's totals in it when they cover it and all of them are
/// published; `None` otherwise.
fn group_total(
    totals: &BTreeMap<(&str, PeriodLabel), Option<u32>>,
    region: &str,
    period: PeriodLabel,
) -> Option<u64> {
    if let Some(total) = totals.get(&(region, period)) {
        return total.map(u64::from);
    }
    // A year or a quarter that is not itself a total: the sum of the totals inside it, where they
    // exactly cover it and all are published.
    if matches!(period, PeriodLabel::Month(_)) {
        return None;
    }
    let (first, last) = period.months();
    let within: Vec<Option<u32>> = totals
        .iter()
        .filter(|((r, label), _)| *r == region && label.months().0.year() == first.year())
        .filter_map(|((_, label), count)| {
            let (a, b) = label.months();
            if b < first || a > last {
                None
            } else if a >= first && b <= last {
                Some(Some(*count))
            } else {
                // A total reaching past the period: it does not break down into it.
                Some(None)
            }
        })
        .map(|count| count.flatten())
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
    check_complaints_in(m, f, files::COMPLAINTS)
}

/// [`check_complaints`] where the cells by category were read from `cells_file` (contract 3's
/// `complaints-detail.json`): what is wrong with a cell names that file, what is wrong with a total
/// names `complaints.json`.
pub fn check_complaints_in(
    m: &Manifest,
    f: &ComplaintsFile,
    cells_file: &'static str,
) -> Vec<Problem> {
    let mut p = Problems::new(files::COMPLAINTS);
    check_version(
        &mut p,
        f.schema_version,
        m.schema_version..=m.schema_version,
    );
    p.file = cells_file;
    let cells_agree = columns_agree(&mut p, "", &f.columns.lengths(), f.rows);
    p.file = files::COMPLAINTS;
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
    let totals = check_totals(&mut p, m, &f.totals.columns, f.totals.rows, "totals");

    // From here on, the cells.
    p.file = cells_file;
    let categories: HashSet<&str> = m
        .complaint_categories
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    let c = &f.columns;
    let cells = Cells {
        region: &c.region,
        period: &c.period,
        key: &c.category,
        count: &c.count,
    };
    check_cells(
        &mut p,
        k,
        &regions,
        &totals,
        cells,
        (&categories, "category", "categories"),
    );
    p.finish()
}

/// Checks one file's totals (`complaints.json`'s, or the recommendations' in `outcomes.json`, called
/// `name` in the messages) against the manifest: every unit's totals cover each month of the period
/// exactly once, and no published count lies between 1 and k − 1. Returns them by unit and period.
fn check_totals<'a>(
    p: &mut Problems,
    m: &'a Manifest,
    t: &'a ComplaintTotalsColumns,
    rows: usize,
    name: &str,
) -> BTreeMap<(&'a str, PeriodLabel), Option<u32>> {
    let k = m.k_anonymity.k;
    let regions: HashSet<&str> = m.regions.iter().map(|r| r.code.as_str()).collect();
    let mut totals: BTreeMap<(&str, PeriodLabel), Option<u32>> = BTreeMap::new();
    let mut covered: HashMap<(&str, Month), u32> = HashMap::new();
    for i in 0..rows {
        let row = i + 1;
        let key = (&*t.region[i], t.period[i]);
        if !regions.contains(key.0) || !m.period.overlaps(key.1) {
            p.push(format!(
                "{name} row {row}: region «{}», period {} is outside the manifest",
                key.0, key.1
            ));
        }
        if totals.insert(key, t.count[i]).is_some() {
            p.push(format!(
                "{name} row {row}: region {}, period {} appears twice",
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
                "{name} row {row}: count {n} is below k = {k} and should have been suppressed"
            ));
        }
    }
    for r in &m.regions {
        for month in m.period.months() {
            match covered.get(&(r.code.as_str(), month)).copied().unwrap_or(0) {
                1 => {}
                0 => p.push(format!(
                    "{name}: no total covers region {}, month {month}",
                    r.code
                )),
                n => p.push(format!(
                    "{name}: {n} totals of region {} overlap in month {month}, so one could be taken from another",
                    r.code
                )),
            }
        }
    }
    totals
}

/// The columns of one breakdown of the complaint totals: by category (`complaints-detail.json`) or by
/// the stage of the outcome (`outcomes.json`); all of one length.
struct Cells<'a> {
    region: &'a [std::sync::Arc<str>],
    period: &'a [PeriodLabel],
    key: &'a [std::sync::Arc<str>],
    count: &'a [Option<u32>],
}

/// Checks one breakdown's cells against the published `totals`: known regions and keys (`keys`, a
/// `key_word` of the manifest's `list` in the messages), each cell of a published total or of a year
/// whose totals are all published, no cell twice, no published count below k, no year's cells beside
/// shorter periods' of the same unit, and within a group, suppressed cells that cannot be worked out
/// or bounded below k.
fn check_cells(
    p: &mut Problems,
    k: u32,
    regions: &HashSet<&str>,
    totals: &BTreeMap<(&str, PeriodLabel), Option<u32>>,
    cells: Cells<'_>,
    (keys, key_word, list): (&HashSet<&str>, &str, &str),
) {
    #[derive(Default)]
    struct Group {
        published: u64,
        suppressed: u32,
    }
    let mut groups: BTreeMap<(&str, PeriodLabel), Group> = BTreeMap::new();
    let mut seen = HashSet::new();
    for i in 0..cells.region.len() {
        let row = i + 1;
        let (region, period, key) = (&*cells.region[i], cells.period[i], &*cells.key[i]);
        if !regions.contains(region) {
            p.push(format!(
                "row {row}: region «{region}» is not one of the manifest's regions"
            ));
        }
        if group_total(totals, region, period).is_none() {
            p.push(format!(
                "row {row}: region {region}, period {period} is neither the period of one of its published totals nor a quarter or year whose totals are all published"
            ));
        }
        if !keys.contains(key) {
            p.push(format!(
                "row {row}: {key_word} «{key}» is not one of the manifest's {list}"
            ));
        }
        if !seen.insert((region, period, key)) {
            p.push(format!("row {row}: the same cell appears twice"));
        }
        let group = groups.entry((region, period)).or_default();
        match cells.count[i] {
            Some(n) if n < k => p.push(format!(
                "row {row}: count {n} is below k = {k} and should have been suppressed"
            )),
            Some(n) => group.published += u64::from(n),
            None => group.suppressed += 1,
        }
    }
    // No two cells' periods of a unit overlap (a year's and a quarter's or a month's inside it, a
    // quarter's and its months'): else one could be taken from the other.
    let mut spans: Vec<(&str, Month, Month, PeriodLabel)> = groups
        .keys()
        .map(|(region, period)| {
            let (a, b) = period.months();
            (*region, a, b, *period)
        })
        .collect();
    spans.sort();
    for pair in spans.windows(2) {
        let ((r1, _, end, first), (r2, start, _, second)) = (pair[0], pair[1]);
        if r1 == r2 && start <= end {
            p.push(format!(
                "region {r1}: cells of {first} and of {second} overlap, so one could be taken from the other"
            ));
        }
    }
    for ((region, period), g) in &groups {
        let Some(total) = group_total(totals, region, *period) else {
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
}

/// Checks `outcomes.json` against the manifest and the complaint totals of `complaints` (whose own
/// problems [`check_complaints_in`] reports): its cells by stage are held to the rules of the cells by
/// category, with the manifest's `outcome_stages` as the keys.
pub fn check_outcomes(m: &Manifest, complaints: &ComplaintsFile, f: &OutcomesFile) -> Vec<Problem> {
    let mut p = Problems::new(files::OUTCOMES);
    check_version(
        &mut p,
        f.schema_version,
        m.schema_version..=m.schema_version,
    );
    let t = &complaints.totals.columns;
    let totals_agree = t
        .lengths()
        .iter()
        .all(|(_, n)| *n == complaints.totals.rows);
    if !(columns_agree(&mut p, "", &f.columns.lengths(), f.rows) && totals_agree) {
        return p.finish();
    }
    let totals: BTreeMap<(&str, PeriodLabel), Option<u32>> = (0..complaints.totals.rows)
        .map(|i| ((&*t.region[i], t.period[i]), t.count[i]))
        .collect();
    let regions: HashSet<&str> = m.regions.iter().map(|r| r.code.as_str()).collect();
    let stages: HashSet<&str> = m.outcome_stages.iter().map(|t| t.id.as_str()).collect();
    // Each breakdown of the same totals, under the same rules.
    let check = |p: &mut Problems, cells, keys| {
        check_cells(p, m.k_anonymity.k, &regions, &totals, cells, keys);
    };
    let c = &f.columns;
    let cells = Cells {
        region: &c.region,
        period: &c.period,
        key: &c.stage,
        count: &c.count,
    };
    check(&mut p, cells, (&stages, "stage", "outcome_stages"));
    // The times to the last step, where the file has them.
    if let Some(times) = &f.times
        && columns_agree(&mut p, "times ", &times.columns.lengths(), times.rows)
    {
        let bins: HashSet<&str> = TIME_BINS
            .iter()
            .map(|(id, _)| *id)
            .chain([NOT_DATED])
            .collect();
        let c = &times.columns;
        let cells = Cells {
            region: &c.region,
            period: &c.period,
            key: &c.days,
            count: &c.count,
        };
        check(&mut p, cells, (&bins, "time bin", "time bins"));
    }
    // The recommendations: totals of their own, broken down by state under the same rules.
    match &f.findings {
        Some(_) if m.finding_states.is_empty() => p.push(
            "findings are given but the manifest's finding_states, the ids of their cells, is empty"
                .to_owned(),
        ),
        None if !m.finding_states.is_empty() => p.push(
            "the manifest gives finding_states but the file has no findings".to_owned(),
        ),
        _ => {}
    }
    if let Some(findings) = &f.findings
        && columns_agree(
            &mut p,
            "findings totals ",
            &findings.totals.columns.lengths(),
            findings.totals.rows,
        )
        && columns_agree(
            &mut p,
            "findings ",
            &findings.columns.lengths(),
            findings.rows,
        )
    {
        let totals = check_totals(
            &mut p,
            m,
            &findings.totals.columns,
            findings.totals.rows,
            "findings totals",
        );
        let states: HashSet<&str> = m.finding_states.iter().map(|t| t.id.as_str()).collect();
        let c = &findings.columns;
        let cells = Cells {
            region: &c.region,
            period: &c.period,
            key: &c.state,
            count: &c.count,
        };
        check_cells(
            &mut p,
            m.k_anonymity.k,
            &regions,
            &totals,
            cells,
            (&states, "state", "finding_states"),
        );
    }
    p.finish()
}
