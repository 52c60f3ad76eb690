//! Figures over time and by group, for the charts: a metric month by month (or quarter by quarter where the
//! monthly samples are thin) for some units and the whole country; one unit's metric by service; and one
//! unit's complaints by category over time.
//!
//! Every figure is computed by the same accumulation as the map's ([`aggregate::accumulate`]), one pass per
//! step, so a point of a trend is exactly what the map shows for that month or quarter.

use crate::aggregate::{self, Filter, MetricId};
use crate::dataset::Dataset;
use crate::period::{Period, PeriodLabel, Placement};
pub use crate::steps::{PLACED_SHARE, Step, steps};

/// One figure: a point of a trend or a bar of a breakdown.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// The months it covers.
    pub period: Period,
    /// The value; `None` without data.
    pub value: Option<f64>,
    /// The 95 % interval, where the value is an estimate from visits.
    pub interval: Option<(f64, f64)>,
    /// Visits behind a visit metric, complaints counted for a complaint metric.
    pub n: u64,
    /// Months whose complaint total is suppressed (the value is then a lower bound).
    pub suppressed_months: u64,
    /// Visits or complaints published only by a longer period than the step, not counted in it.
    pub uncounted: u64,
}

/// A metric over time for some units and for the whole country.
#[derive(Clone, Debug, PartialEq)]
pub struct Trends {
    /// The step chosen.
    pub step: Step,
    /// The steps, in order.
    pub periods: Vec<Period>,
    /// One series per unit asked for, in the order asked, each with one point per step.
    pub units: Vec<Vec<Point>>,
    /// The whole country, one point per step; empty for the complaint count, whose national total is not
    /// comparable with a unit's.
    pub national: Vec<Point>,
    /// Whether the step is longer than the sample alone needs, because shorter steps would leave out
    /// records published only by quarter or year.
    pub coarse_data: bool,
}

fn position(d: &Dataset, code: &str) -> Option<usize> {
    d.manifest.regions.iter().position(|r| r.code == code)
}

/// The figures of one step for the units at `positions` (a `None` position gets an empty point) and for
/// the whole country.
fn step_points(
    d: &Dataset,
    metric: MetricId,
    filter: &Filter,
    positions: &[Option<usize>],
) -> (Vec<Point>, Point) {
    let empty = |n: u64, suppressed_months: u64, uncounted: u64| Point {
        n,
        suppressed_months,
        uncounted,
        ..no_data(filter.period)
    };
    if metric.from_visits() {
        let (mut accs, mut national) = aggregate::accumulate(d, filter, &[metric]);
        let point = |acc: &mut aggregate::Acc| match acc.estimate(metric) {
            Some(e) => Point {
                value: Some(e.value),
                interval: Some((e.low, e.high)),
                n: e.n,
                ..empty(0, 0, acc.uncounted)
            },
            None => empty(0, 0, acc.uncounted),
        };
        let units = positions
            .iter()
            .map(|p| p.map_or_else(|| empty(0, 0, 0), |i| point(&mut accs[i])))
            .collect();
        (units, point(&mut national))
    } else {
        let (per_unit, total) = aggregate::complaint_sums(d, filter.period);
        let point = |sum: aggregate::ComplaintSum, population: u64| Point {
            value: match metric {
                MetricId::ComplaintsPer100k => aggregate::per_100k(sum.counted, population),
                _ => Some(sum.counted as f64),
            },
            ..empty(sum.counted, sum.suppressed_totals, sum.uncounted)
        };
        let units = positions
            .iter()
            .map(|p| match p {
                Some(i) => point(per_unit[*i], d.manifest.regions[*i].population.value),
                None => empty(0, 0, 0),
            })
            .collect();
        let population = d.manifest.regions.iter().map(|r| r.population.value).sum();
        (units, point(total, population))
    }
}

/// Whether the (upper) median of `samples` is below `min`: fewer than half of them reach it.
fn median_below(samples: &[Point], min: u64) -> bool {
    let reaching = samples.iter().filter(|p| p.n >= min).count();
    reaching < samples.len() - samples.len() / 2
}

/// Whether each series (every unit's and the country's) places at least [`PLACED_SHARE`] of the records
/// near its steps: the country's many records must not hide a small unit's losses.
fn well_placed(t: &Trends) -> bool {
    t.units
        .iter()
        .chain(std::iter::once(&t.national))
        .all(|series| {
            let (counted, uncounted) = series
                .iter()
                .fold((0u64, 0u64), |(c, u), p| (c + p.n, u + p.uncounted));
            counted + uncounted == 0
                || counted as f64 >= PLACED_SHARE * (counted + uncounted) as f64
        })
}

/// The metric over `filter`'s period for the units `codes` and the whole country. The trend goes month
/// by month when the months place at least [`PLACED_SHARE`] of the records (the rest being published
/// only by quarter or year) and, for visit metrics, every unit asked for has a median monthly sample of
/// at least `min_visits`; else quarter by quarter, or year by year when even the quarters would leave
/// more than a tenth of the records out.
pub fn trends(
    d: &Dataset,
    metric: MetricId,
    filter: &Filter,
    codes: &[String],
    min_visits: u64,
) -> Trends {
    let positions: Vec<Option<usize>> = codes.iter().map(|c| position(d, c)).collect();
    let series = |step: Step| {
        let periods = steps(filter.period, step);
        let mut units = vec![Vec::with_capacity(periods.len()); codes.len()];
        let mut national = Vec::with_capacity(periods.len());
        for p in &periods {
            let f = Filter {
                period: *p,
                ..filter.clone()
            };
            let (points, whole) = step_points(d, metric, &f, &positions);
            for (series, point) in units.iter_mut().zip(points) {
                series.push(point);
            }
            national.push(whole);
        }
        if metric == MetricId::Complaints {
            national.clear();
        }
        Trends {
            step,
            periods,
            units,
            national,
            coarse_data: false,
        }
    };
    let monthly = series(Step::Month);
    let thin = metric.from_visits() && monthly.units.iter().any(|s| median_below(s, min_visits));
    let monthly_placed = well_placed(&monthly);
    if !thin && monthly_placed {
        return monthly;
    }
    let mut quarterly = series(Step::Quarter);
    quarterly.coarse_data = !monthly_placed;
    if well_placed(&quarterly) {
        return quarterly;
    }
    let mut yearly = series(Step::Year);
    yearly.coarse_data = true;
    if well_placed(&yearly) {
        yearly
    } else {
        quarterly
    }
}

/// One unit's figure over `filter`: the whole of what [`by_service`] splits.
pub fn unit_point(d: &Dataset, metric: MetricId, filter: &Filter, code: &str) -> Point {
    let (mut points, _) = step_points(d, metric, filter, &[position(d, code)]);
    points.pop().unwrap_or_else(|| no_data(filter.period))
}

/// One unit's visit metric for each service of the manifest (in its order), over `filter` with its service
/// filter ignored.
pub fn by_service(
    d: &Dataset,
    metric: MetricId,
    filter: &Filter,
    code: &str,
) -> Vec<(String, Point)> {
    d.manifest
        .services
        .iter()
        .map(|s| {
            let f = Filter {
                service: Some(s.id.clone()),
                ..filter.clone()
            };
            (s.id.clone(), unit_point(d, metric, &f, code))
        })
        .collect()
}

fn no_data(period: Period) -> Point {
    Point {
        period,
        value: None,
        interval: None,
        n: 0,
        suppressed_months: 0,
        uncounted: 0,
    }
}

/// One unit's complaints by category, quarter by quarter (or year by year).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CategoryBreakdown {
    /// The quarters or years (cut at the period's ends).
    pub periods: Vec<Period>,
    /// For each complaint category of the manifest (in its order), the complaints in published cells.
    pub categories: Vec<(String, Vec<u64>)>,
    /// Complaints counted in the published totals but whose category is not published (cells withheld as
    /// too small); `None` for a step with a suppressed total (then nothing more is known).
    pub withheld: Vec<Option<u64>>,
    /// Complaints of the unit published only by a year that reaches past a step: not in any bar.
    pub uncounted: u64,
}

/// One unit's complaints by category over `period`: by quarter, or by year where the unit's totals are
/// mostly published by year. `None` while contract 3's cells by category are not added
/// ([`Dataset::complaint_cells`]).
pub fn complaints_by_category(
    d: &Dataset,
    code: &str,
    period: Period,
) -> Option<CategoryBreakdown> {
    let c = d.complaint_cells()?;
    let t = &d.complaints.totals.columns;
    let bounds = d.manifest.period;
    let in_unit = |i: &usize| &*t.region[*i] == code;
    let placed_by = |step: Step| {
        let periods = steps(period, step);
        (0..d.complaints.totals.rows)
            .filter(in_unit)
            .filter(|&i| period.place(t.period[i], bounds) != Placement::Outside)
            .fold((0u64, 0u64), |(placed, all), i| {
                let n = u64::from(t.count[i].unwrap_or(0));
                let fits = periods
                    .iter()
                    .any(|p| p.place(t.period[i], bounds) == Placement::Inside);
                (placed + if fits { n } else { 0 }, all + n)
            })
    };
    let (placed, all) = placed_by(Step::Quarter);
    let step = if all > 0 && (placed as f64) < PLACED_SHARE * all as f64 {
        Step::Year
    } else {
        Step::Quarter
    };
    let periods = steps(period, step);
    let slot = |label: PeriodLabel| {
        periods
            .iter()
            .position(|p| p.place(label, bounds) == Placement::Inside)
    };
    let categories = &d.manifest.complaint_categories;
    let mut cells = vec![vec![0u64; periods.len()]; categories.len()];
    // The columns' lengths are checked equal.
    for i in 0..c.count.len() {
        if &*c.region[i] != code {
            continue;
        }
        let (Some(q), Some(n)) = (slot(c.period[i]), c.count[i]) else {
            continue;
        };
        if let Some(k) = categories.iter().position(|t| *t.id == *c.category[i]) {
            cells[k][q] += u64::from(n);
        }
    }
    let mut totals: Vec<Option<u64>> = vec![Some(0); periods.len()];
    let mut uncounted = 0;
    for i in 0..d.complaints.totals.rows {
        if &*t.region[i] != code || period.place(t.period[i], bounds) == Placement::Outside {
            continue;
        }
        let Some(q) = slot(t.period[i]) else {
            uncounted += u64::from(t.count[i].unwrap_or(0));
            continue;
        };
        totals[q] = match (totals[q], t.count[i]) {
            (Some(sum), Some(n)) => Some(sum + u64::from(n)),
            _ => None,
        };
    }
    let withheld = totals
        .iter()
        .enumerate()
        .map(|(q, total)| {
            let published: u64 = cells.iter().map(|row| row[q]).sum();
            total.map(|t| t.saturating_sub(published))
        })
        .collect();
    Some(CategoryBreakdown {
        categories: categories.iter().map(|t| t.id.clone()).zip(cells).collect(),
        periods,
        withheld,
        uncounted,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(from: &str, to: &str) -> Period {
        Period {
            from: from.parse().expect("month"),
            to: to.parse().expect("month"),
        }
    }

    #[test]
    fn quarters_are_calendar_quarters_cut_at_the_ends() {
        let p = period("2025-02", "2025-11");
        let q: Vec<String> = steps(p, Step::Quarter)
            .iter()
            .map(|s| format!("{}..{}", s.from, s.to))
            .collect();
        assert_eq!(
            q,
            [
                "2025-02..2025-03",
                "2025-04..2025-06",
                "2025-07..2025-09",
                "2025-10..2025-11"
            ]
        );
        assert_eq!(steps(p, Step::Month).len(), 10);
        let across = steps(period("2024-12", "2025-01"), Step::Quarter);
        assert_eq!(across.len(), 2);
    }
}
