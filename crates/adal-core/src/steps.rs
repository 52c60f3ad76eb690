//! The period cut into steps — months, calendar quarters, calendar years — and how many of the records
//! near a step a series must place in it for that step to be used. Below the dataset and the series,
//! which both cut periods so.

use crate::period::Period;

/// The length of a trend's steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Calendar months.
    Month,
    /// Calendar quarters (the first and last may be cut by the period's ends).
    Quarter,
    /// Calendar years (cut likewise).
    Year,
}

/// The share of the records near a step that a series must place in it for that step to be used: below
/// it, the trend goes by the next longer step, where the records published by quarter or year fit.
pub const PLACED_SHARE: f64 = 0.9;

/// The period cut into steps: every month, or every calendar quarter cut at the period's ends.
pub fn steps(period: Period, step: Step) -> Vec<Period> {
    let mut out: Vec<Period> = Vec::new();
    for month in period.months() {
        let same = match (step, out.last()) {
            (Step::Quarter, Some(last)) => {
                last.to.year() == month.year() && last.to.quarter() == month.quarter()
            }
            (Step::Year, Some(last)) => last.to.year() == month.year(),
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
