//! The sufficient statistics of the visit figures: what a group of visits must keep so that every figure
//! the pages show comes out the same as from the visits one by one.

/// The quality index's sufficient statistics, exact: a visit's index is [`INDEX_UNIT`] times an integer
/// (its mean score less 1, times 25, has a denominator of 1 to 5, so 60 times it over 25 is whole).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IndexSums {
    /// Visits with at least one score.
    pub n: u64,
    /// The sum of their indexes, in units of [`INDEX_UNIT`].
    pub sum: i64,
    /// The sum of their indexes' squares, in units of [`INDEX_UNIT`] squared.
    pub sum_sq: u64,
}

/// The quality index's unit in [`IndexSums`]: 5/12 of an index point.
pub const INDEX_UNIT: f64 = 5.0 / 12.0;

impl IndexSums {
    /// Adds a visit whose `scored` scores sum to `sum` (no visit for no scores).
    pub fn add(&mut self, sum: u32, scored: u32) {
        if scored == 0 || scored > 5 {
            return;
        }
        let units = i64::from(60 * (sum.saturating_sub(scored)) / scored);
        self.n += 1;
        self.sum += units;
        self.sum_sq += units.unsigned_abs() * units.unsigned_abs();
    }

    /// Adds other sums.
    pub fn absorb(&mut self, other: IndexSums) {
        self.n += other.n;
        self.sum += other.sum;
        self.sum_sq += other.sum_sq;
    }
}

/// What a cell of visits keeps: enough for every visit figure.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CellStats {
    /// Its visits.
    pub visits: u64,
    /// The quality index's sums.
    pub index: IndexSums,
    /// (yes, answered) for informal payment, intermediary, completion.
    pub shares: [(u64, u64); 3],
    /// The waits recorded, as (minutes, visits), ascending: the median and its order statistics are
    /// exact from it.
    pub waits: Vec<(u32, u64)>,
}
