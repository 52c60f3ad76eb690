//! Cell suppression for complaint counts.
//!
//! Complaints are counted per (region, month, category, channel) cell, and in total per (region, month).
//! A cell with 1 to k − 1 complaints is suppressed (published as null). Because the total is published, a
//! lone suppressed cell could be worked out as the total minus the published cells, and several small
//! suppressed cells could be pinned down by their sum. So within each (region, month) the suppressed cells
//! must be at least two, and their sum S must leave every one of them room to reach k: with n suppressed
//! cells, each known to hold at least 1, a reader can bound a cell only by S − (n − 1), so S − (n − 1) ≥ k
//! is required. Further cells, smallest first, are suppressed until that holds; where it cannot hold, the
//! total is suppressed too. A total from 1 to k − 1 is suppressed with all its cells.

use std::collections::{BTreeMap, BTreeSet};

use crate::period::{Month, Period};
use crate::raw::Complaint;

/// One published cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cell {
    /// Index into [`crate::regions::all`].
    pub region: u8,
    /// Month received.
    pub month: Month,
    /// Index into the complaint categories.
    pub category: u16,
    /// Index into the complaint channels.
    pub channel: u8,
    /// The number of complaints.
    pub count: u32,
    /// Whether the count is hidden.
    pub suppressed: bool,
}

/// One (region, month) total.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Total {
    /// Index into [`crate::regions::all`].
    pub region: u8,
    /// Month.
    pub month: Month,
    /// The number of complaints.
    pub count: u32,
    /// Whether the count is hidden.
    pub suppressed: bool,
}

/// Cells, totals, and the counts for the report.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ComplaintOutcome {
    /// Non-empty cells, sorted by region, month, category, channel.
    pub cells: Vec<Cell>,
    /// A total for every region and every month of the period, zeros included.
    pub totals: Vec<Total>,
    /// Complaints in published cells.
    pub published: u64,
    /// Complaints in suppressed cells.
    pub suppressed: u64,
    /// Cells suppressed because they held fewer than k complaints.
    pub primary_cells: u64,
    /// Cells suppressed only to protect others.
    pub complementary_cells: u64,
    /// Totals suppressed.
    pub suppressed_totals: u64,
}

/// Counts `complaints` into cells and totals over `regions` × the months of `period`, and suppresses
/// as described in the module documentation. `k` below 2 is treated as 2.
pub fn suppress_complaints(
    complaints: &[Complaint],
    k: u32,
    regions: usize,
    period: Period,
) -> ComplaintOutcome {
    let k = k.max(2);
    let mut sorted = complaints.to_vec();
    sorted.sort_unstable();

    let mut cells: Vec<Cell> = Vec::new();
    for c in &sorted {
        match cells.last_mut() {
            Some(last)
                if (last.region, last.month, last.category, last.channel)
                    == (c.region, c.month, c.category, c.channel) =>
            {
                last.count += 1;
            }
            _ => cells.push(Cell {
                region: c.region,
                month: c.month,
                category: c.category,
                channel: c.channel,
                count: 1,
                suppressed: false,
            }),
        }
    }

    let mut out = ComplaintOutcome::default();
    let mut suppressed_totals = BTreeSet::new();
    let mut start = 0;
    while start < cells.len() {
        let (region, month) = (cells[start].region, cells[start].month);
        let end = start
            + cells[start..]
                .iter()
                .take_while(|c| (c.region, c.month) == (region, month))
                .count();
        if !protect_group(&mut cells[start..end], k, &mut out) {
            suppressed_totals.insert((region, month));
        }
        start = end;
    }

    let mut sums: BTreeMap<(u8, Month), u32> = BTreeMap::new();
    for c in &cells {
        if c.suppressed {
            out.suppressed += u64::from(c.count);
        } else {
            out.published += u64::from(c.count);
        }
        *sums.entry((c.region, c.month)).or_default() += c.count;
    }
    for region in 0..regions as u8 {
        for month in period.months() {
            let count = sums.get(&(region, month)).copied().unwrap_or(0);
            let suppressed = suppressed_totals.contains(&(region, month));
            out.totals.push(Total {
                region,
                month,
                count,
                suppressed,
            });
        }
    }
    out.suppressed_totals = suppressed_totals.len() as u64;
    out.cells = cells;
    out
}

/// Suppresses within one (region, month) group; returns whether its total may be published.
fn protect_group(group: &mut [Cell], k: u32, out: &mut ComplaintOutcome) -> bool {
    let total: u32 = group.iter().map(|c| c.count).sum();
    for c in group.iter_mut() {
        if c.count < k {
            c.suppressed = true;
            out.primary_cells += 1;
        }
    }
    if total < k {
        return false;
    }
    loop {
        let (n, sum) = group
            .iter()
            .filter(|c| c.suppressed)
            .fold((0u32, 0u32), |(n, s), c| (n + 1, s + c.count));
        if n == 0 || (n >= 2 && sum - (n - 1) >= k) {
            return true;
        }
        // The smallest published cell; ties go to the first in sort order, so the choice is deterministic.
        let next = group
            .iter_mut()
            .filter(|c| !c.suppressed)
            .min_by_key(|c| c.count);
        match next {
            Some(c) => {
                c.suppressed = true;
                out.complementary_cells += 1;
            }
            None => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complaints(cells: &[(u16, u8, usize)]) -> Vec<Complaint> {
        let month: Month = "2024-01".parse().expect("month");
        cells
            .iter()
            .flat_map(|&(category, channel, n)| {
                std::iter::repeat_n(
                    Complaint {
                        region: 0,
                        month,
                        category,
                        channel,
                    },
                    n,
                )
            })
            .collect()
    }

    fn period() -> Period {
        let m: Month = "2024-01".parse().expect("month");
        Period { from: m, to: m }
    }

    /// (counts per cell) → (which cells are suppressed, whether the total is).
    #[test]
    fn suppression_table() {
        let cases: Vec<(Vec<usize>, Vec<bool>, bool)> = vec![
            (vec![7, 9], vec![false, false], false),
            // A lone small cell would be total − the rest: the smallest other cell goes too.
            (vec![3, 9, 12], vec![true, true, false], false),
            // Two small cells whose sum pins them (1 + 1): suppress more until S − (n − 1) ≥ k.
            (vec![1, 1, 20, 30], vec![true, true, true, false], false),
            // Two small cells with enough room between them: 2 + 4, S − 1 = 5 ≥ 5.
            (vec![2, 4, 30], vec![true, true, false], false),
            // All small, total under k: everything hidden, the total too.
            (vec![1, 2], vec![true, true], true),
            // Total ≥ k but only ones: no way to protect them, so the total is hidden.
            (vec![1, 1, 1, 1, 1, 1], vec![true; 6], true),
        ];
        for (counts, want_cells, want_total) in cases {
            let spec: Vec<(u16, u8, usize)> = counts
                .iter()
                .enumerate()
                .map(|(i, &n)| (i as u16, 0, n))
                .collect();
            let out = suppress_complaints(&complaints(&spec), 5, 1, period());
            let got: Vec<bool> = out.cells.iter().map(|c| c.suppressed).collect();
            assert_eq!(got, want_cells, "{counts:?}");
            assert_eq!(out.totals[0].suppressed, want_total, "{counts:?}");
            assert_eq!(
                out.published + out.suppressed,
                counts.iter().sum::<usize>() as u64
            );
            for c in out.cells.iter().filter(|c| !c.suppressed) {
                assert!(c.count >= 5);
            }
        }
    }

    #[test]
    fn totals_cover_every_region_and_month_with_zeros() {
        let from: Month = "2024-01".parse().expect("month");
        let to: Month = "2024-03".parse().expect("month");
        let out = suppress_complaints(&complaints(&[(0, 0, 6)]), 5, 2, Period { from, to });
        assert_eq!(out.totals.len(), 6);
        assert_eq!(
            out.totals.iter().map(|t| t.count).collect::<Vec<_>>(),
            [6, 0, 0, 0, 0, 0]
        );
    }
}
