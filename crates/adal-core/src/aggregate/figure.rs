//! What the map and the ranking show for a unit ([`RegionFigure`]) and for all of them
//! ([`MapFigures`]).

use super::metric::MetricId;

/// One unit's figure.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionFigure {
    /// ISO code.
    pub code: String,
    /// The value; `None` when there are no data.
    pub value: Option<f64>,
    /// The 95 % interval, where the value is an estimate.
    pub interval: Option<(f64, f64)>,
    /// Visits behind a visit metric; complaints counted for a complaint metric.
    pub n: u64,
    /// Fewer visits than the threshold: to be read with caution.
    pub low_sample: bool,
    /// Complaint totals of the period that are suppressed (the value is then a lower bound).
    pub suppressed_months: u64,
    /// Visits or complaints of the unit published only by a quarter or year that reaches past the period:
    /// they happened in or near it but cannot be placed in it, so the figure does not count them.
    pub uncounted: u64,
    /// Visits of the period that the filter's service or channel cannot see, because theirs was
    /// generalised for k-anonymity (published as null): counted only under "all".
    pub unseen: u64,
    /// 1 for the best unit, among units with a value.
    pub rank: Option<usize>,
    /// The 95 % rank interval (best, worst), by the simulation of [`crate::ranks`].
    pub rank_interval: Option<(usize, usize)>,
    /// Value minus the value of the previous period of equal length.
    pub change: Option<f64>,
}

/// A metric for all units, and for the whole country.
#[derive(Clone, Debug, PartialEq)]
pub struct MapFigures {
    /// The metric.
    pub metric: MetricId,
    /// One entry per unit of the manifest, in its order.
    pub regions: Vec<RegionFigure>,
    /// The national figure.
    pub national: RegionFigure,
}
