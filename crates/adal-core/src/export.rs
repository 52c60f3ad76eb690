//! The CSV downloads of the charts and the map, as a journalist computes with them: one row per figure
//! (a unit, or the country, in a period, optionally for one service, category or series), with value,
//! lower and upper ends of the 95 % interval, n and the rank interval in their own numeric columns (a dot
//! as decimal separator, no thousands separators), the metric id, the period, the dataset id and version,
//! whether it is demonstration data, and a flag column for what a number alone cannot say. The headings
//! are in the reader's language; the flags are stable codes, documented in `docs/data-format.md`.

use crate::aggregate::{MetricId, RegionFigure};
use crate::period::Period;
use crate::series::{CategoryBreakdown, Point};

/// What a number alone cannot say about a figure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Flag {
    /// Nothing to add.
    #[default]
    None,
    /// Fewer visits than the low-sample threshold: read with caution.
    LowSample,
    /// Records published only by a quarter or year reaching past the period are not counted.
    PartlyCounted,
    /// Some totals of the period are suppressed: the true count is higher.
    Suppressed,
    /// Complaints whose category is not published (the rest of a total).
    CategoryWithheld,
    /// Complaints whose outcome's stage is not published (the rest of a total).
    StageWithheld,
    /// Lower and upper are the bounds the published cells allow, not an interval (some stages withheld).
    Bounds,
    /// No data.
    NoData,
}

impl Flag {
    /// The code written in the flag column.
    pub fn code(self) -> &'static str {
        match self {
            Flag::None => "",
            Flag::LowSample => "low_sample",
            Flag::PartlyCounted => "partly_counted",
            Flag::Suppressed => "suppressed_totals",
            Flag::CategoryWithheld => "category_withheld",
            Flag::StageWithheld => "stage_withheld",
            Flag::Bounds => "bounds",
            Flag::NoData => "no_data",
        }
    }
}

/// One figure.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureRow {
    /// The metric.
    pub metric: MetricId,
    /// The months it covers.
    pub period: Period,
    /// ISO 3166-2:KZ code, or `KZ` for the whole country.
    pub unit: String,
    /// The unit's name in the reader's language.
    pub unit_name: String,
    /// A service, category or series id, where the chart splits the unit's figure.
    pub group: Option<String>,
    /// The value as the pages show it (shares in per cent).
    pub value: Option<f64>,
    /// The 95 % interval, in the value's unit.
    pub interval: Option<(f64, f64)>,
    /// Visits behind a visit metric, complaints counted for a complaint metric.
    pub n: Option<u64>,
    /// The rank, 1 = best.
    pub rank: Option<usize>,
    /// The 95 % rank interval.
    pub rank_interval: Option<(usize, usize)>,
    /// What the number alone cannot say.
    pub flag: Flag,
}

/// The dataset a download comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// The dataset's id.
    pub dataset: String,
    /// Its version.
    pub version: String,
    /// Whether it is demonstration data.
    pub is_demo: bool,
}

/// The column headings in the reader's language, in the order [`records`] writes the columns.
pub type Headings = [String; COLUMNS];

/// The number of columns.
pub const COLUMNS: usize = 18;

/// The value of `metric` as the pages show it: shares in per cent, the rest as they are.
pub fn shown(metric: MetricId, value: f64) -> f64 {
    match metric {
        MetricId::InformalPayment | MetricId::Intermediary | MetricId::Completion => value * 100.0,
        _ => value,
    }
}

/// A number with a dot as decimal separator and no grouping, to `decimals` places, trailing zeros cut.
///
/// ```
/// assert_eq!(adal_core::export::number(8.1251, 2), "8.13");
/// assert_eq!(adal_core::export::number(12000.0, 1), "12000");
/// assert_eq!(adal_core::export::number(-0.0, 1), "0");
/// ```
pub fn number(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    };
    if text == "-0" { "0".to_owned() } else { text }
}

fn decimals(metric: MetricId) -> usize {
    match metric {
        MetricId::Complaints => 0,
        MetricId::MedianWait => 1,
        _ => 3,
    }
}

/// The unit of `metric`'s value column: `percent`, `index_0_100`, `minutes`, `count` or `per_100000`.
pub fn unit(metric: MetricId) -> &'static str {
    match metric {
        MetricId::QualityIndex => "index_0_100",
        MetricId::InformalPayment | MetricId::Intermediary | MetricId::Completion => "percent",
        MetricId::MedianWait => "minutes",
        MetricId::Complaints => "count",
        MetricId::ComplaintsPer100k => "per_100000",
    }
}

fn flag(value: Option<f64>, low_sample: bool, suppressed: u64, uncounted: u64) -> Flag {
    if value.is_none() {
        Flag::NoData
    } else if suppressed > 0 {
        Flag::Suppressed
    } else if uncounted > 0 {
        Flag::PartlyCounted
    } else if low_sample {
        Flag::LowSample
    } else {
        Flag::None
    }
}

/// The row of a unit's (or the country's) figure on the map or in the ranking.
pub fn region_row(metric: MetricId, period: Period, f: &RegionFigure, name: String) -> FigureRow {
    FigureRow {
        metric,
        period,
        unit: f.code.clone(),
        unit_name: name,
        group: None,
        value: f.value.map(|v| shown(metric, v)),
        interval: f
            .interval
            .map(|(l, h)| (shown(metric, l), shown(metric, h))),
        n: Some(f.n),
        rank: f.rank,
        rank_interval: f.rank_interval,
        flag: flag(f.value, f.low_sample, f.suppressed_months, f.uncounted),
    }
}

/// The row of a point of a trend or a bar of a breakdown (`group`: its service or category).
pub fn point_row(
    metric: MetricId,
    code: &str,
    name: String,
    group: Option<String>,
    p: &Point,
    min_visits: u64,
) -> FigureRow {
    let low_sample = metric.from_visits() && p.value.is_some() && p.n < min_visits;
    FigureRow {
        metric,
        period: p.period,
        unit: code.to_owned(),
        unit_name: name,
        group,
        value: p.value.map(|v| shown(metric, v)),
        interval: p
            .interval
            .map(|(l, h)| (shown(metric, l), shown(metric, h))),
        n: Some(p.n),
        rank: None,
        rank_interval: None,
        flag: flag(p.value, low_sample, p.suppressed_months, p.uncounted),
    }
}

/// The rows of one unit's complaints by category: per step, one row per category and one for the
/// complaints whose category is withheld (flagged; a suppressed total has no count).
pub fn category_rows(code: &str, name: &str, b: &CategoryBreakdown) -> Vec<FigureRow> {
    let row = |period: Period, group: &str, count: Option<u64>, flag: Flag| FigureRow {
        metric: MetricId::Complaints,
        period,
        unit: code.to_owned(),
        unit_name: name.to_owned(),
        group: Some(group.to_owned()),
        value: count.map(|n| n as f64),
        interval: None,
        n: count,
        rank: None,
        rank_interval: None,
        flag: if count.is_none() {
            Flag::Suppressed
        } else {
            flag
        },
    };
    let mut rows = Vec::new();
    for (q, p) in b.periods.iter().enumerate() {
        for (id, counts) in &b.categories {
            rows.push(row(*p, id, Some(counts[q]), Flag::None));
        }
        rows.push(row(*p, "", b.withheld[q], Flag::CategoryWithheld));
    }
    rows
}

/// The CSV records: `headings` first, then one record per row. Values are given as the pages show them
/// (see [`shown`]).
pub fn records(source: &Source, headings: &Headings, rows: &[FigureRow]) -> Vec<Vec<String>> {
    std::iter::once(headings.to_vec())
        .chain(
            rows.iter()
                .map(|r| record(source, r, r.metric.id(), unit(r.metric), decimals(r.metric))),
        )
        .collect()
}

/// One record of `r`, whose metric is `metric` in `unit`, its values to `decimals` places.
fn record(
    source: &Source,
    r: &FigureRow,
    metric: &str,
    unit: &str,
    decimals: usize,
) -> Vec<String> {
    let int = |v: Option<usize>| v.map(|v| v.to_string()).unwrap_or_default();
    let opt = |v: Option<f64>| v.map(|v| number(v, decimals)).unwrap_or_default();
    vec![
        metric.to_owned(),
        unit.to_owned(),
        r.period.from.to_string(),
        r.period.to.to_string(),
        r.unit.clone(),
        r.unit_name.clone(),
        r.group.clone().unwrap_or_default(),
        opt(r.value),
        opt(r.interval.map(|i| i.0)),
        opt(r.interval.map(|i| i.1)),
        r.n.map(|n| n.to_string()).unwrap_or_default(),
        int(r.rank),
        int(r.rank_interval.map(|i| i.0)),
        int(r.rank_interval.map(|i| i.1)),
        r.flag.code().to_owned(),
        source.dataset.clone(),
        source.version.clone(),
        source.is_demo.to_string(),
    ]
}

/// The metric ids of the outcomes' download: the complaints by the stage their handling ended at, and
/// the shares that led to a pre-trial investigation and to court.
pub const OUTCOME_STAGE: &str = "complaints_by_outcome";
/// See [`OUTCOME_STAGE`].
pub const INVESTIGATION_SHARE: &str = "investigation_share";
/// See [`OUTCOME_STAGE`].
pub const COURT_SHARE: &str = "court_share";
/// See [`OUTCOME_STAGE`]: the reports by the time to their last step, one row per bin.
pub const TIME_TO_LAST_STEP: &str = "complaints_by_days_to_last_step";
/// The metric ids of the recommendations' download: the recommendations given after the audits by
/// their state, and the share implemented.
pub const RECOMMENDATION_STATE: &str = "recommendations_by_state";
/// See [`RECOMMENDATION_STATE`].
pub const IMPLEMENTED_SHARE: &str = "recommendations_implemented_share";

/// The CSV records of what came of the reports of unit `code` (`KZ`: the country) over `period`
/// ([`crate::aggregate::funnel`]), in the columns of [`records`]: the complaints received, one record per
/// stage and one for those whose stage is withheld (flagged), and the two shares in per cent with their
/// 95 % interval and n, or, where stages are withheld, the bounds the published cells allow (flagged
/// `bounds`, no value).
pub fn outcome_records(
    source: &Source,
    headings: &Headings,
    period: Period,
    (code, name): (&str, &str),
    f: &crate::aggregate::Funnel,
) -> Vec<Vec<String>> {
    use crate::aggregate::{COURT, INVESTIGATION};
    let row = |group: Option<&str>, value: Option<f64>, n: Option<u64>, flag: Flag| FigureRow {
        metric: MetricId::Complaints,
        period,
        unit: code.to_owned(),
        unit_name: name.to_owned(),
        group: group.map(str::to_owned),
        value,
        interval: None,
        n,
        rank: None,
        rank_interval: None,
        flag,
    };
    let count_of = |metric: &str, group: Option<&str>, n: u64, flag: Flag| {
        record(
            source,
            &row(group, Some(n as f64), Some(n), flag),
            metric,
            "count",
            0,
        )
    };
    let count = |group: Option<&str>, n: u64, flag: Flag| count_of(OUTCOME_STAGE, group, n, flag);
    let mut out = vec![headings.to_vec(), count(None, f.received, Flag::None)];
    out.extend(
        f.by_stage
            .iter()
            .map(|(id, n)| count(Some(id), *n, Flag::None)),
    );
    if f.withheld > 0 {
        out.push(count(Some("withheld"), f.withheld, Flag::StageWithheld));
    }
    let share = |metric: &str, estimate: Option<crate::stats::Estimate>, stages: &[&str]| {
        let base = f.known + f.withheld;
        let r = share_row(f.bounds(stages), estimate, base, |v, n, flag| {
            row(None, v, n, flag)
        });
        record(source, &r, metric, "percent", 3)
    };
    out.push(share(
        INVESTIGATION_SHARE,
        f.investigated,
        &[INVESTIGATION, COURT],
    ));
    out.push(share(COURT_SHARE, f.court, &[COURT]));
    if let Some(times) = &f.times {
        let bins = crate::contract::TIME_BINS.iter().zip(&times.by_bin);
        out.extend(bins.map(|((id, _), n)| count_of(TIME_TO_LAST_STEP, Some(id), *n, Flag::None)));
        if times.withheld > 0 {
            let flag = Flag::StageWithheld;
            out.push(count_of(
                TIME_TO_LAST_STEP,
                Some("withheld"),
                times.withheld,
                flag,
            ));
        }
    }
    out
}

/// The CSV records of the recommendations given after the audits of unit `code` (`KZ`: the country)
/// over `period` ([`crate::aggregate::recommendations`]), headings first, in the columns of [`records`]:
/// those given, one record per state and one for those whose state is withheld (flagged), and the
/// share implemented in per cent with its 95 % interval and n, or, where states are withheld, the bounds
/// the published cells allow (flagged `bounds`, no value).
pub fn recommendation_records(
    source: &Source,
    headings: &Headings,
    period: Period,
    (code, name): (&str, &str),
    r: &crate::aggregate::Recommendations,
) -> Vec<Vec<String>> {
    let row = |group: Option<&str>, value: Option<f64>, n: Option<u64>, flag: Flag| FigureRow {
        metric: MetricId::Complaints,
        period,
        unit: code.to_owned(),
        unit_name: name.to_owned(),
        group: group.map(str::to_owned),
        value,
        interval: None,
        n,
        rank: None,
        rank_interval: None,
        flag,
    };
    let count = |group: Option<&str>, n: u64, flag: Flag| {
        let r = row(group, Some(n as f64), Some(n), flag);
        record(source, &r, RECOMMENDATION_STATE, "count", 0)
    };
    let mut out = vec![headings.to_vec(), count(None, r.given, Flag::None)];
    out.extend(
        r.by_state
            .iter()
            .map(|(id, n)| count(Some(id), *n, Flag::None)),
    );
    if r.withheld > 0 {
        out.push(count(Some("withheld"), r.withheld, Flag::StageWithheld));
    }
    let base = r.known + r.withheld;
    let share = share_row(r.bounds(), r.implemented, base, |v, n, flag| {
        row(None, v, n, flag)
    });
    out.push(record(source, &share, IMPLEMENTED_SHARE, "percent", 3));
    out
}

/// The row of a share in per cent: the `bounds` the published cells allow where some are withheld
/// (flagged, no value, n the `base` they are of), else the `estimate` with its interval and n, else
/// none; `row` makes the row of a value, an n and a flag.
fn share_row(
    bounds: Option<(f64, f64)>,
    estimate: Option<crate::stats::Estimate>,
    base: u64,
    row: impl Fn(Option<f64>, Option<u64>, Flag) -> FigureRow,
) -> FigureRow {
    match (bounds, estimate) {
        (Some((low, high)), _) => FigureRow {
            interval: Some((low * 100.0, high * 100.0)),
            ..row(None, Some(base), Flag::Bounds)
        },
        (None, Some(e)) => FigureRow {
            interval: Some((e.low * 100.0, e.high * 100.0)),
            ..row(Some(e.value * 100.0), Some(e.n), Flag::None)
        },
        (None, None) => row(None, Some(0), Flag::NoData),
    }
}

/// The file name of a download: `adal-atlas_<metric>_<period>_<what>` (without extension), where the
/// period is `2025`, `2025-Q2`, `2025-03` or `2025-10_2026-09`.
///
/// ```
/// use adal_core::export::file_name;
/// use adal_core::period::Period;
/// use adal_core::aggregate::MetricId;
/// let year = Period { from: "2025-01".parse().unwrap(), to: "2025-12".parse().unwrap() };
/// assert_eq!(file_name(MetricId::InformalPayment, year, "by-unit"), "adal-atlas_informal_payment_share_2025_by-unit");
/// let q = Period { from: "2025-04".parse().unwrap(), to: "2025-06".parse().unwrap() };
/// assert_eq!(file_name(MetricId::MedianWait, q, "trend"), "adal-atlas_median_wait_2025-Q2_trend");
/// ```
pub fn file_name(metric: MetricId, period: Period, what: &str) -> String {
    file_name_of(metric.id(), period, what)
}

/// [`file_name`] for a chart of more than one metric, named by `metrics` (for example
/// `quality_index_and_complaints_per_100k`).
pub fn file_name_of(metrics: &str, period: Period, what: &str) -> String {
    let (from, to) = (period.from, period.to);
    let span = if from.month() == 1 && to.month() == 12 && from.year() == to.year() {
        from.year().to_string()
    } else if from.month() % 3 == 1 && to.index() == from.index() + 2 {
        format!("{}-Q{}", from.year(), from.quarter())
    } else if from == to {
        from.to_string()
    } else {
        format!("{from}_{to}")
    };
    format!("adal-atlas_{metrics}_{span}_{what}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_rows_give_each_step_its_categories_and_the_withheld_rest() {
        let q = |from: &str, to: &str| Period {
            from: from.parse().expect("month"),
            to: to.parse().expect("month"),
        };
        let b = CategoryBreakdown {
            periods: vec![q("2025-01", "2025-03"), q("2025-04", "2025-06")],
            categories: vec![
                ("bribery".into(), vec![7, 0]),
                ("red_tape".into(), vec![5, 9]),
            ],
            withheld: vec![Some(3), None],
            uncounted: 0,
        };
        let rows = category_rows("KZ-31", "Jambyl Region", &b);
        let cells: Vec<(String, Option<u64>, Flag)> = rows
            .iter()
            .map(|r| (r.group.clone().unwrap_or_default(), r.n, r.flag))
            .collect();
        assert_eq!(
            cells,
            [
                ("bribery".into(), Some(7), Flag::None),
                ("red_tape".into(), Some(5), Flag::None),
                (String::new(), Some(3), Flag::CategoryWithheld),
                ("bribery".into(), Some(0), Flag::None),
                ("red_tape".into(), Some(9), Flag::None),
                (String::new(), None, Flag::Suppressed),
            ]
        );
        assert!(
            rows.iter()
                .all(|r| r.metric == MetricId::Complaints && r.unit == "KZ-31")
        );
        assert_eq!(rows[3].period, b.periods[1]);
    }

    /// The demo's source, placeholder headings and the year 2025, for the records' tests.
    fn setting(is_demo: bool) -> (Source, Headings, Period) {
        let source = Source {
            dataset: "demo".into(),
            version: "2026-11".into(),
            is_demo,
        };
        let period = Period {
            from: "2025-01".parse().expect("month"),
            to: "2025-12".parse().expect("month"),
        };
        (source, std::array::from_fn(|i| format!("h{i}")), period)
    }

    #[test]
    fn records_have_numbers_in_their_own_columns() {
        let (source, headings, period) = setting(true);
        let rows = [FigureRow {
            metric: MetricId::InformalPayment,
            period,
            unit: "KZ-62".into(),
            unit_name: "Ulytau Region".into(),
            value: Some(shown(MetricId::InformalPayment, 0.081_25)),
            interval: Some((5.0, 12.5)),
            n: Some(1234),
            rank: Some(3),
            rank_interval: Some((2, 7)),
            flag: Flag::LowSample,
            group: None,
        }];
        let r = records(&source, &headings, &rows);
        assert_eq!(r[0].len(), COLUMNS);
        assert_eq!(
            r[1],
            [
                "informal_payment_share",
                "percent",
                "2025-01",
                "2025-12",
                "KZ-62",
                "Ulytau Region",
                "",
                "8.125",
                "5",
                "12.5",
                "1234",
                "3",
                "2",
                "7",
                "low_sample",
                "demo",
                "2026-11",
                "true"
            ]
        );
    }

    #[test]
    fn outcome_records_give_every_stage_the_withheld_rest_and_the_shares() {
        let (source, headings, period) = setting(false);
        let stages = |court: u64| {
            vec![
                ("registered".to_owned(), 60),
                ("investigation".to_owned(), 10),
                ("court".to_owned(), court),
            ]
        };
        let full = crate::aggregate::Funnel {
            received: 80,
            by_stage: stages(10),
            known: 80,
            not_recorded: 0,
            withheld: 0,
            investigated: crate::stats::wilson(20, 80),
            court: crate::stats::wilson(10, 80),
            times: None,
        };
        let r = outcome_records(&source, &headings, period, ("KZ-31", "Jambyl"), &full);
        // Headings, received, three stages, two shares.
        assert_eq!(r.len(), 7);
        assert_eq!(
            r[1][..8],
            [
                "complaints_by_outcome",
                "count",
                "2025-01",
                "2025-12",
                "KZ-31",
                "Jambyl",
                "",
                "80"
            ]
        );
        assert_eq!(r[4][6..8], ["court", "10"]);
        assert_eq!(r[5][0], "investigation_share");
        assert_eq!(r[5][7], "25");
        assert!(r[5][8].parse::<f64>().expect("lower") < 25.0);
        assert_eq!(r[5][10], "80");
        assert_eq!(r[5][14], "");
        // Court's 10 withheld: its row says so, and the shares are bounds without a value.
        let part = crate::aggregate::Funnel {
            by_stage: stages(0),
            known: 70,
            withheld: 10,
            ..full
        };
        let r = outcome_records(&source, &headings, period, ("KZ-31", "Jambyl"), &part);
        assert_eq!(r.len(), 8);
        assert_eq!(r[5][6..8], ["withheld", "10"]);
        assert_eq!(r[5][14], "stage_withheld");
        let court = &r[7];
        assert_eq!(court[0], "court_share");
        assert_eq!(
            (court[7].as_str(), court[8].as_str(), court[9].as_str()),
            ("", "0", "12.5")
        );
        assert_eq!(court[14], "bounds");
    }
}
