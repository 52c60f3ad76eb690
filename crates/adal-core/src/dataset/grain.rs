//! How finely a bundle places its records in time ([`Grain`]): by month, by quarter or by year.

use super::parse::unit_positions;
use crate::aggregate::cells::Cell;
use crate::contract::{ComplaintsFile, Manifest};
use crate::period::PeriodLabel;

/// How finely a bundle places its records in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grain {
    /// Most records carry their month.
    Month,
    /// Most carry at least their calendar quarter.
    Quarter,
    /// Many carry only their calendar year.
    Year,
}

/// [`Dataset::grain`], measured.
pub(crate) fn measure_grain(
    manifest: &Manifest,
    cells: &[Cell],
    complaints: &ComplaintsFile,
) -> Grain {
    let unit = unit_positions(manifest);
    // Per unit and kind (visits, complaints): records by finest grain (month, quarter, year).
    let mut counts = vec![[[0u64; 3]; 2]; unit.len()];
    let finest = |label: &PeriodLabel| match label {
        PeriodLabel::Month(_) => 0,
        PeriodLabel::Quarter { .. } => 1,
        PeriodLabel::Year(_) => 2,
    };
    for cell in cells {
        if let Some(c) = counts.get_mut(cell.unit) {
            c[0][finest(&cell.time)] += cell.stats.visits;
        }
    }
    let t = &complaints.totals.columns;
    for ((code, label), count) in t.region.iter().zip(&t.period).zip(&t.count) {
        if let Some(&u) = unit.get(&**code) {
            counts[u][1][finest(label)] += u64::from(count.unwrap_or(0));
        }
    }
    let placed = |c: &[u64; 3], grain: usize| {
        let all: u64 = c.iter().sum();
        let within: u64 = c[..=grain].iter().sum();
        all == 0 || within as f64 >= crate::steps::PLACED_SHARE * all as f64
    };
    let coarsest = counts
        .iter()
        .flatten()
        .map(|c| (0..2).find(|g| placed(c, *g)).unwrap_or(2))
        .max()
        .unwrap_or(0);
    [Grain::Month, Grain::Quarter, Grain::Year][coarsest]
}
