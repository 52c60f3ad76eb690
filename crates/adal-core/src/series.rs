//! Figures over time and by group, for the charts: a metric month by month (or quarter by quarter where the
//! monthly samples are thin) for some units and the whole country; one unit's metric by service; and one
//! unit's complaints by category over time.
//!
//! Every figure is computed by the same accumulation as the map's ([`regional::accumulate`]), one pass per
//! step, so a point of a trend is exactly what the map shows for that month or quarter.

use crate::dataset::Dataset;
use crate::period::{Month, Period};
use crate::regional::{self, Filter, MetricId};

/// The length of a trend's steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Calendar months.
    Month,
    /// Calendar quarters (the first and last may be cut by the period's ends).
    Quarter,
}

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
}

/// The period cut into steps: every month, or every calendar quarter cut at the period's ends.
pub fn steps(period: Period, step: Step) -> Vec<Period> {
    let mut out: Vec<Period> = Vec::new();
    for month in period.months() {
        let same = match (step, out.last()) {
            (Step::Quarter, Some(last)) => {
                last.to.year() == month.year() && last.to.quarter() == month.quarter()
            }
            _ => false,
        };
        match out.last_mut() {
            Some(last) if same => last.to = month,
            _ => out.push(Period {
                from: month,
                to: month,
            }),
        }
    }
    out
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
    let empty = |n: u64, suppressed_months: u64| Point {
        n,
        suppressed_months,
        ..no_data(filter.period)
    };
    if metric.from_visits() {
        let (mut accs, mut national) = regional::accumulate(d, filter, &[metric]);
        let point = |acc: &mut regional::Acc| match acc.estimate(metric) {
            Some(e) => Point {
                value: Some(e.value),
                interval: Some((e.low, e.high)),
                n: e.n,
                ..empty(0, 0)
            },
            None => empty(0, 0),
        };
        let units = positions
            .iter()
            .map(|p| p.map_or_else(|| empty(0, 0), |i| point(&mut accs[i])))
            .collect();
        (units, point(&mut national))
    } else {
        let (per_unit, total) = regional::complaint_sums(d, filter.period);
        let point = |(counted, suppressed): (u64, u64), population: u64| Point {
            value: match metric {
                MetricId::ComplaintsPer100k => regional::per_100k(counted, population),
                _ => Some(counted as f64),
            },
            ..empty(counted, suppressed)
        };
        let units = positions
            .iter()
            .map(|p| match p {
                Some(i) => point(per_unit[*i], d.manifest.regions[*i].population.value),
                None => empty(0, 0),
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

/// The metric over `filter`'s period for the units `codes` and the whole country. Visit metrics go month
/// by month when every unit asked for has a median monthly sample of at least `min_visits`, else quarter
/// by quarter; complaint metrics always go month by month.
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
        }
    };
    let monthly = series(Step::Month);
    let thin = metric.from_visits() && monthly.units.iter().any(|s| median_below(s, min_visits));
    if thin { series(Step::Quarter) } else { monthly }
}

/// One unit's visit metric for each service of the manifest (in its order), over `filter` with its service
/// filter ignored.
pub fn by_service(
    d: &Dataset,
    metric: MetricId,
    filter: &Filter,
    code: &str,
) -> Vec<(String, Point)> {
    let positions = [position(d, code)];
    d.manifest
        .services
        .iter()
        .map(|s| {
            let f = Filter {
                service: Some(s.id.clone()),
                ..filter.clone()
            };
            let (mut points, _) = step_points(d, metric, &f, &positions);
            let point = points.pop().unwrap_or_else(|| no_data(f.period));
            (s.id.clone(), point)
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
    }
}

/// One unit's complaints by category, quarter by quarter.
#[derive(Clone, Debug, PartialEq)]
pub struct CategoryBreakdown {
    /// The quarters (cut at the period's ends).
    pub periods: Vec<Period>,
    /// For each complaint category of the manifest (in its order), the complaints in published cells.
    pub categories: Vec<(String, Vec<u64>)>,
    /// Complaints counted in the published totals but in cells withheld as too small to publish;
    /// `None` for a quarter with a suppressed monthly total (then nothing more is known).
    pub withheld: Vec<Option<u64>>,
}

/// One unit's complaints by category over `period`, by quarter.
pub fn complaints_by_category(d: &Dataset, code: &str, period: Period) -> CategoryBreakdown {
    let periods = steps(period, Step::Quarter);
    let slot = |m: Month| periods.iter().position(|p| p.from <= m && m <= p.to);
    let categories = &d.manifest.complaint_categories;
    let mut cells = vec![vec![0u64; periods.len()]; categories.len()];
    let c = &d.complaints.columns;
    for i in 0..d.complaints.rows {
        if &*c.region[i] != code {
            continue;
        }
        let (Some(q), Some(n)) = (slot(c.month[i]), c.count[i]) else {
            continue;
        };
        if let Some(k) = categories.iter().position(|t| *t.id == *c.category[i]) {
            cells[k][q] += u64::from(n);
        }
    }
    let mut totals: Vec<Option<u64>> = vec![Some(0); periods.len()];
    let t = &d.complaints.totals.columns;
    for i in 0..d.complaints.totals.rows {
        if &*t.region[i] != code {
            continue;
        }
        let Some(q) = slot(t.month[i]) else {
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
    CategoryBreakdown {
        categories: categories.iter().map(|t| t.id.clone()).zip(cells).collect(),
        periods,
        withheld,
    }
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
