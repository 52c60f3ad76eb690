//! Complaint counts: coarsened, not withheld.
//!
//! **Totals.** For every unit, the months of the period are cut into published totals that never
//! overlap: a calendar quarter is published month by month when each of its months holds 0 or at least
//! k complaints; else as one quarter when the quarter holds 0 or at least k; and when any quarter of a
//! calendar year fails even that, the whole year is published as one total. A year that holds 1 to k − 1
//! complaints is suppressed (null). Because a unit's totals are a partition of its months, none is the
//! sum or difference of others: no published total can be taken from another to reveal a small count,
//! and the country's figures are sums of the units' totals, not a separate table.
//!
//! **Cells.** Within each published total, the complaints are counted by category, in cells with the
//! total's own period; or, for a unit and calendar year whose totals are all published, in cells of the
//! whole year, where that publishes clearly more complaints by category (more than a tenth more). A year
//! cell breaks down the year's total, which is the sum of its published totals; the totals below it say
//! nothing about categories, so nothing can be taken from a year cell to reveal a smaller count. Each
//! unit and year has one kind of cell or the other, never both. A cell with 1 to k − 1 complaints is suppressed (null). Because the total is
//! published, a lone suppressed cell could be worked out as the total minus the published cells, and
//! several small suppressed cells could be pinned down by their sum. So within each total the suppressed
//! cells must be at least two, and their sum S must leave every one of them room to reach k: with n
//! suppressed cells, each known to hold at least 1, a reader can bound a cell only by S − (n − 1), so
//! S − (n − 1) ≥ k is required. Further cells, smallest first, are suppressed until that holds; where it
//! cannot hold, the total keeps its count and lists no cell at all, so that the categories of those
//! complaints are unknown rather than bounded.
//!
//! **Outcomes.** Where the raw file records what came of any complaint (the stage its handling ended
//! at), the same totals are broken down a second time, by stage, with the same protection and the same
//! choice of periods, with one step more before the year: a quarter whose months are each a published
//! total is counted as one quarter where that publishes more (rare stages — an
//! investigation, a court case — are below k in most months, and a year's cells reach past the last
//! four quarters a page opens on); the complaints whose outcome is not recorded count in a cell of
//! their own ([`NOT_RECORDED`]), so that a total's cells add up to it as the categories' do. Each
//! breakdown partitions a published total on its own: a reader who holds both learns no cell of the
//! two crossed, which is never published. Where the raw file dates the last steps, the totals are
//! broken down a third time, as the stages are, by the time from the report to its last step in coarse
//! bins (a week, a month, a quarter, half a year, more), the undated ones in a cell of their own.

use std::collections::BTreeMap;

use crate::raw::{Complaint, Finding};
use adal_core::contract::time_bin;
use adal_core::period::{Month, Period, PeriodLabel};

/// One published cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cell {
    /// Index into [`adal_core::regions::all`].
    pub region: u8,
    /// The period of the total it belongs to.
    pub period: PeriodLabel,
    /// Index into the complaint categories.
    pub category: u16,
    /// The number of complaints.
    pub count: u32,
    /// Whether the count is hidden.
    pub suppressed: bool,
}

/// One unit's total over a month, quarter or year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Total {
    /// Index into [`adal_core::regions::all`].
    pub region: u8,
    /// Month, quarter or year.
    pub period: PeriodLabel,
    /// The number of complaints.
    pub count: u32,
    /// Whether the count is hidden.
    pub suppressed: bool,
}

/// Cells, totals, and the counts for the report.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ComplaintOutcome {
    /// The complaints by category: listed cells sorted by region, period, category, and their
    /// suppression counts.
    pub categories: Breakdown,
    /// Every unit's totals, a partition of the period's months, sorted by region and period.
    pub totals: Vec<Total>,
    /// Complaints in published totals: counted in every figure of a period that contains their total.
    pub published: u64,
    /// Complaints in suppressed totals.
    pub suppressed: u64,
    /// Complaints in published totals by the totals' grain: month, quarter, year.
    pub published_by_grain: [u64; 3],
    /// Totals suppressed.
    pub suppressed_totals: u64,
    /// The complaints by the stage their handling ended at, where the raw file records any outcome.
    pub outcomes: Option<Breakdown>,
    /// The complaints by the time to their last step (a bin of [`adal_core::contract::TIME_BINS`], or
    /// [`NOT_RECORDED`] where the last step is not dated), where the raw file dates any.
    pub times: Option<Breakdown>,
}

/// The cells of one breakdown of the totals, by category or by the stage of the outcome, each protected
/// within its totals (see the module's note).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Breakdown {
    /// Listed cells, sorted by region, period and key; `category` holds the key: the category's index,
    /// or for outcomes an index into [`crate::taxonomy::outcome_stages`] or [`NOT_RECORDED`].
    pub cells: Vec<Cell>,
    /// Complaints in published cells.
    pub in_published_cells: u64,
    /// Cells suppressed because they held fewer than k complaints.
    pub primary_cells: u64,
    /// Cells suppressed only to protect others.
    pub complementary_cells: u64,
    /// Published totals listed without cells, because no suppression pattern could protect them.
    pub totals_without_cells: u64,
}

/// The key of the complaints whose outcome the raw file does not record: counted in a cell of their
/// own, so that each total's cells still add up to it.
pub const NOT_RECORDED: u16 = u16::MAX;

fn grain(label: PeriodLabel) -> usize {
    match label {
        PeriodLabel::Month(_) => 0,
        PeriodLabel::Quarter { .. } => 1,
        PeriodLabel::Year(_) => 2,
    }
}

/// Cuts one unit's months (`counts`, in order, all inside one calendar year) into totals.
fn partition_year(year: &[(Month, u32)], k: u32) -> Vec<(PeriodLabel, u32)> {
    let fits = |n: u32| n == 0 || n >= k;
    let mut out = Vec::new();
    for months in year.chunk_by(|a, b| a.0.quarter() == b.0.quarter()) {
        let sum: u32 = months.iter().map(|(_, n)| n).sum();
        if months.iter().all(|(_, n)| fits(*n)) {
            out.extend(months.iter().map(|&(m, n)| (PeriodLabel::Month(m), n)));
        } else if fits(sum) {
            out.push((PeriodLabel::quarter_of(months[0].0), sum));
        } else {
            let all: u32 = year.iter().map(|(_, n)| n).sum();
            return vec![(PeriodLabel::Year(year[0].0.year()), all)];
        }
    }
    out
}

/// Counts `complaints` into totals and cells over `regions` × the months of `period`, coarsened and
/// suppressed as described in the module documentation. `k` below 2 is treated as 2.
pub fn suppress_complaints(
    complaints: &[Complaint],
    k: u32,
    regions: usize,
    period: Period,
) -> ComplaintOutcome {
    let k = k.max(2);
    let mut by_month: BTreeMap<(u8, Month), u32> = BTreeMap::new();
    let mut by_category: BTreeMap<(u8, Month, u16), u32> = BTreeMap::new();
    let mut by_stage: BTreeMap<(u8, Month, u16), u32> = BTreeMap::new();
    let mut by_time: BTreeMap<(u8, Month, u16), u32> = BTreeMap::new();
    for c in complaints {
        *by_month.entry((c.region, c.month)).or_default() += 1;
        *by_category
            .entry((c.region, c.month, c.category))
            .or_default() += 1;
        let stage = c.outcome.map_or(NOT_RECORDED, u16::from);
        *by_stage.entry((c.region, c.month, stage)).or_default() += 1;
        let bin = c
            .outcome_days
            .map_or(NOT_RECORDED, |days| time_bin(days) as u16);
        *by_time.entry((c.region, c.month, bin)).or_default() += 1;
    }

    let mut out = partition_totals(&by_month, k, regions, period);
    let totals = std::mem::take(&mut out.totals);
    out.categories = breakdown(&totals, &by_category, k, Steps::CATEGORIES);
    out.outcomes = complaints
        .iter()
        .any(|c| c.outcome.is_some())
        .then(|| breakdown(&totals, &by_stage, k, Steps::OUTCOMES));
    out.times = complaints
        .iter()
        .any(|c| c.outcome_days.is_some())
        .then(|| breakdown(&totals, &by_time, k, Steps::OUTCOMES));
    out.totals = totals;
    out
}

/// Every unit's totals over the months of `period`, from the counts `by_month`: the months cut by
/// [`partition_year`], each total published or suppressed, with the counts for the report.
fn partition_totals(
    by_month: &BTreeMap<(u8, Month), u32>,
    k: u32,
    regions: usize,
    period: Period,
) -> ComplaintOutcome {
    let mut out = ComplaintOutcome::default();
    let months: Vec<Month> = period.months().collect();
    for region in 0..regions as u8 {
        for year in months.chunk_by(|a, b| a.year() == b.year()) {
            let counts: Vec<(Month, u32)> = year
                .iter()
                .map(|&m| (m, by_month.get(&(region, m)).copied().unwrap_or(0)))
                .collect();
            for (label, count) in partition_year(&counts, k) {
                let suppressed = count > 0 && count < k;
                if suppressed {
                    out.suppressed += u64::from(count);
                    out.suppressed_totals += 1;
                } else {
                    out.published += u64::from(count);
                    out.published_by_grain[grain(label)] += u64::from(count);
                }
                out.totals.push(Total {
                    region,
                    period: label,
                    count,
                    suppressed,
                });
            }
        }
    }
    out
}

/// The recommendations given after the audits, counted as the complaints are (see the module's note):
/// every unit's totals by the month each was given, coarsened and suppressed alike, and broken down by
/// state with the outcomes' protection and choice of periods, in `categories` (the key is an index into
/// [`crate::taxonomy::finding_states`]). `k` below 2 is treated as 2.
pub fn suppress_findings(
    findings: &[Finding],
    k: u32,
    regions: usize,
    period: Period,
) -> ComplaintOutcome {
    let k = k.max(2);
    let mut by_month: BTreeMap<(u8, Month), u32> = BTreeMap::new();
    let mut by_state: BTreeMap<(u8, Month, u16), u32> = BTreeMap::new();
    for f in findings {
        *by_month.entry((f.region, f.month)).or_default() += 1;
        *by_state
            .entry((f.region, f.month, u16::from(f.state)))
            .or_default() += 1;
    }
    let mut out = partition_totals(&by_month, k, regions, period);
    out.categories = breakdown(&out.totals, &by_state, k, Steps::FINDINGS);
    out
}

/// The cells of `totals` by the key of `counts` (a category or a stage), one calendar year of one unit
/// at a time: by the periods of its totals, or by the whole year where that publishes clearly more
/// complaints by key (thin months and quarters hide most keys, a year seldom does). With
/// `steps.quarters` (the outcomes), a quarter published month by month is first counted as one quarter
/// where that publishes more: a period of a year's four quarters keeps its cells whole, where a year's
/// cells reach past it; `steps.year_gain` says how much more the year must publish. One choice per unit
/// and year, and per quarter within it, so that no two cells' periods overlap.
fn breakdown(
    totals: &[Total],
    counts: &BTreeMap<(u8, Month, u16), u32>,
    k: u32,
    steps: Steps,
) -> Breakdown {
    let Steps {
        quarters,
        year_gain,
    } = steps;
    let mut out = Breakdown::default();
    let unit_year = |t: &Total| (t.region, t.period.months().0.year());
    let published = |groups: &[Group]| groups.iter().map(Group::published).sum::<u64>();
    let clearly_more = |coarse: &[Group], fine: &[Group]| {
        published(coarse) as f64 > published(fine) as f64 * year_gain
    };
    let fine_groups = |totals: &[Total]| -> Vec<Group> {
        totals
            .iter()
            .filter(|t| !t.suppressed && t.count > 0)
            .map(|t| Group::of(t.region, t.period, counts, k))
            .collect()
    };
    for totals in totals.chunk_by(|a, b| unit_year(a) == unit_year(b)) {
        let (region, year) = unit_year(&totals[0]);
        let fine: Vec<Group> = if quarters {
            totals
                .chunk_by(|a, b| a.period.months().0.quarter() == b.period.months().0.quarter())
                .flat_map(|quarter| {
                    let months = fine_groups(quarter);
                    let whole =
                        (quarter.len() > 1 && quarter.iter().all(|t| !t.suppressed)).then(|| {
                            let label = PeriodLabel::quarter_of(quarter[0].period.months().0);
                            Group::of(region, label, counts, k)
                        });
                    // Any gain: a month's outcomes matter less than the rare stages a quarter
                    // can publish.
                    match whole {
                        Some(q) if published(std::slice::from_ref(&q)) > published(&months) => {
                            vec![q]
                        }
                        _ => months,
                    }
                })
                .collect()
        } else {
            fine_groups(totals)
        };
        let whole = (totals.len() > 1 && totals.iter().all(|t| !t.suppressed))
            .then(|| Group::of(region, PeriodLabel::Year(year), counts, k));
        let groups = match whole {
            Some(year_group) if clearly_more(std::slice::from_ref(&year_group), &fine) => {
                vec![year_group]
            }
            _ => fine,
        };
        for group in groups {
            if !group.protected {
                out.totals_without_cells += 1;
                continue;
            }
            out.primary_cells += group.primary;
            out.complementary_cells += group.complementary;
            out.in_published_cells += group.published();
            out.cells.extend(group.cells);
        }
    }
    out
}

/// How a breakdown coarsens its cells in time: whether a quarter published month by month may be
/// counted as one, and how many times more a year's cells must publish than its shorter periods' to be
/// chosen.
#[derive(Clone, Copy)]
struct Steps {
    quarters: bool,
    year_gain: f64,
}

impl Steps {
    /// The categories: months and quarters as the totals are, or the year where it publishes a tenth
    /// more.
    const CATEGORIES: Steps = Steps {
        quarters: false,
        year_gain: 1.1,
    };
    /// The stages and times: a quarter where it publishes more than its months.
    const OUTCOMES: Steps = Steps {
        quarters: true,
        year_gain: 1.1,
    };
    /// The recommendations' states, a few dozen per unit and quarter where the categories have
    /// hundreds: a year's cells reach past the four quarters a page opens on, so they are chosen only
    /// where they publish twice what the quarters do (a thin programme's year, not a wave's).
    const FINDINGS: Steps = Steps {
        quarters: true,
        year_gain: 2.0,
    };
}

/// The cells of one unit over one period by one key, after suppression.
struct Group {
    cells: Vec<Cell>,
    primary: u64,
    complementary: u64,
    protected: bool,
}

impl Group {
    fn of(
        region: u8,
        period: PeriodLabel,
        by_key: &BTreeMap<(u8, Month, u16), u32>,
        k: u32,
    ) -> Group {
        let (first, last) = period.months();
        let mut counts: BTreeMap<u16, u32> = BTreeMap::new();
        for ((_, _, category), n) in by_key.range((region, first, 0)..=(region, last, u16::MAX)) {
            *counts.entry(*category).or_default() += n;
        }
        let mut cells: Vec<Cell> = counts
            .into_iter()
            .map(|(category, count)| Cell {
                region,
                period,
                category,
                count,
                suppressed: false,
            })
            .collect();
        let (primary, complementary) = protect_group(&mut cells, k);
        let protected = protected(&cells, k);
        Group {
            cells,
            primary,
            complementary,
            protected,
        }
    }

    /// Complaints in its published cells; none when it cannot be protected (then no cell is listed).
    fn published(&self) -> u64 {
        if !self.protected {
            return 0;
        }
        self.cells
            .iter()
            .filter(|c| !c.suppressed)
            .map(|c| u64::from(c.count))
            .sum()
    }
}

/// Whether the suppressed cells of a group are safe: none, or at least two with S − (n − 1) ≥ k.
fn protected(group: &[Cell], k: u32) -> bool {
    let (n, sum) = group
        .iter()
        .filter(|c| c.suppressed)
        .fold((0u32, 0u32), |(n, s), c| (n + 1, s + c.count));
    n == 0 || (n >= 2 && sum - (n - 1) >= k)
}

/// Suppresses within one total's cells: every cell below k, then the smallest others until the
/// suppressed ones are [`protected`] or none is left. Returns (primary, complementary) suppressions.
fn protect_group(group: &mut [Cell], k: u32) -> (u64, u64) {
    let mut primary = 0;
    for c in group.iter_mut() {
        if c.count < k {
            c.suppressed = true;
            primary += 1;
        }
    }
    let mut complementary = 0;
    while !protected(group, k) {
        // The smallest published cell; ties go to the first in sort order, so the choice is deterministic.
        match group
            .iter_mut()
            .filter(|c| !c.suppressed)
            .min_by_key(|c| c.count)
        {
            Some(c) => {
                c.suppressed = true;
                complementary += 1;
            }
            None => break,
        }
    }
    (primary, complementary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complaints(month: &str, cells: &[(u16, usize)]) -> Vec<Complaint> {
        let month: Month = month.parse().expect("month");
        cells
            .iter()
            .flat_map(|&(category, n)| {
                std::iter::repeat_n(
                    Complaint {
                        region: 0,
                        month,
                        category,
                        channel: 0,
                        outcome: None,
                        outcome_days: None,
                    },
                    n,
                )
            })
            .collect()
    }

    fn period(from: &str, to: &str) -> Period {
        Period {
            from: from.parse().expect("month"),
            to: to.parse().expect("month"),
        }
    }

    /// (counts per cell of one month) → (which cells are listed and suppressed; whether any is listed).
    #[test]
    fn suppression_table() {
        let cases: Vec<(Vec<usize>, Vec<bool>)> = vec![
            (vec![7, 9], vec![false, false]),
            // A lone small cell would be total − the rest: the smallest other cell goes too.
            (vec![3, 9, 12], vec![true, true, false]),
            // Two small cells whose sum pins them (1 + 1): suppress more until S − (n − 1) ≥ k.
            (vec![1, 1, 20, 30], vec![true, true, true, false]),
            // Two small cells with enough room between them: 2 + 4, S − 1 = 5 ≥ 5.
            (vec![2, 4, 30], vec![true, true, false]),
            // Total ≥ k but only ones: no pattern protects them, so no cell is listed; the total stands.
            (vec![1, 1, 1, 1, 1, 1], vec![]),
        ];
        for (counts, want_cells) in cases {
            let spec: Vec<(u16, usize)> = counts
                .iter()
                .enumerate()
                .map(|(i, &n)| (i as u16, n))
                .collect();
            let out = suppress_complaints(
                &complaints("2024-01", &spec),
                5,
                1,
                period("2024-01", "2024-01"),
            );
            let got: Vec<bool> = out.categories.cells.iter().map(|c| c.suppressed).collect();
            assert_eq!(got, want_cells, "{counts:?}");
            let total: usize = counts.iter().sum();
            assert_eq!(out.totals[0].count as usize, total, "{counts:?}");
            assert!(!out.totals[0].suppressed, "{counts:?}");
            assert_eq!(out.published + out.suppressed, total as u64);
            for c in out.categories.cells.iter().filter(|c| !c.suppressed) {
                assert!(c.count >= 5);
            }
        }
    }

    #[test]
    fn thin_months_are_published_by_quarter_and_thinner_quarters_by_year() {
        let labels = |out: &ComplaintOutcome| -> Vec<(String, u32, bool)> {
            out.totals
                .iter()
                .map(|t| (t.period.to_string(), t.count, t.suppressed))
                .collect()
        };
        // January 6, February 3, March 0: Q1 by quarter (9); Q2 all zero: by month.
        let mut c = complaints("2024-01", &[(0, 6)]);
        c.extend(complaints("2024-02", &[(1, 3)]));
        let out = suppress_complaints(&c, 5, 1, period("2024-01", "2024-06"));
        assert_eq!(
            labels(&out),
            [
                ("2024-Q1".into(), 9, false),
                ("2024-04".into(), 0, false),
                ("2024-05".into(), 0, false),
                ("2024-06".into(), 0, false)
            ]
        );
        // A quarter of 3 makes the whole year one total; a year of 3 is suppressed.
        let c = complaints("2024-02", &[(1, 3)]);
        let out = suppress_complaints(&c, 5, 1, period("2024-01", "2024-06"));
        assert_eq!(labels(&out), [("2024".into(), 3, true)]);
        let mut c = complaints("2024-02", &[(1, 3)]);
        c.extend(complaints("2024-05", &[(0, 20)]));
        let out = suppress_complaints(&c, 5, 1, period("2024-01", "2024-06"));
        assert_eq!(labels(&out), [("2024".into(), 23, false)]);
        assert_eq!(out.published_by_grain, [0, 0, 23]);
        // The cells follow their total's period.
        assert!(
            out.categories
                .cells
                .iter()
                .all(|cell| cell.period.to_string() == "2024")
        );
    }

    #[test]
    fn totals_partition_every_unit_and_month_with_zeros() {
        let out = suppress_complaints(
            &complaints("2024-01", &[(0, 6)]),
            5,
            2,
            period("2024-01", "2024-03"),
        );
        assert_eq!(out.totals.len(), 6);
        assert_eq!(
            out.totals.iter().map(|t| t.count).collect::<Vec<_>>(),
            [6, 0, 0, 0, 0, 0]
        );
    }
}
