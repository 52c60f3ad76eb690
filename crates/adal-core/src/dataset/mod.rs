//! Opening a published bundle as the web app receives it: the allow-list of datasets, then the manifest,
//! then the data files, each checked before use.
//!
//! Every failure is a [`LoadError`] with the facts a message needs (which file, where, what was found), so
//! that the app can tell people in their language what happened and what they can do. Nothing here panics
//! on any input.

mod error;
mod grain;
mod index;
mod parse;

pub use error::{LoadError, check_version, json_error};
pub use grain::Grain;
use grain::measure_grain;
use parse::unit_positions;

use crate::contract::{AuditsFile, ComplaintsFile, Manifest};
use crate::period::{Month, Period};
pub use index::{Choice, DatasetIndex, DatasetRef, INDEX_FILE, VersionRef, is_safe_folder};
pub use parse::{
    AuditsParse, GEO_FILE, check_checksum, check_digest, check_lengths, parse_audits,
    parse_audits_with_digest, parse_complaints, parse_complaints_with_digest, parse_geo,
    parse_manifest,
};

/// A bundle that passed every check.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    /// The manifest.
    pub manifest: Manifest,
    /// The visits.
    pub audits: AuditsFile,
    /// The complaint counts.
    pub complaints: ComplaintsFile,
    /// [`Dataset::grain`], measured once by [`Dataset::new`]: the default period, the period picker
    /// and Play all ask for it, and each measurement is a pass over every record.
    grain: Grain,
    /// The visits by unit and time, for [`Dataset::visits_near`].
    visits: VisitIndex,
}

/// The visits of each unit of the manifest, in its order, sorted by the first month of the time each is
/// published with: a pass over a period reads only the visits that can fall in it. A trend is a pass per
/// month, and a unit's page asks for its own visits only: without it, each pass read every visit.
#[derive(Clone, Debug, Default, PartialEq)]
struct VisitIndex {
    /// Rows of the visits file: the first unit's, then the second's …, each by first month, then row.
    rows: Vec<u32>,
    /// The first month ([`Month::index`]) of each entry of `rows`.
    firsts: Vec<u32>,
    /// Where each unit's entries start in `rows`, and where the last ends.
    starts: Vec<usize>,
}

impl VisitIndex {
    fn new(manifest: &Manifest, audits: &AuditsFile) -> VisitIndex {
        let units = unit_positions(manifest);
        let region = &audits.columns.region;
        let month = &audits.columns.month;
        // Visits of a unit the manifest does not list are in no unit's pass (the checks refuse them).
        let mut entries: Vec<(usize, u32, u32)> = (0..audits.rows)
            .filter_map(|i| {
                let unit = *units.get(&*region[i])?;
                Some((unit, month[i].months().0.index(), u32::try_from(i).ok()?))
            })
            .collect();
        entries.sort_unstable();
        let mut starts = vec![0; units.len() + 1];
        for (unit, _, _) in &entries {
            starts[unit + 1] += 1;
        }
        for u in 0..units.len() {
            starts[u + 1] += starts[u];
        }
        VisitIndex {
            rows: entries.iter().map(|e| e.2).collect(),
            firsts: entries.iter().map(|e| e.1).collect(),
            starts,
        }
    }
}

impl Dataset {
    /// Opens a bundle from the bytes of its three files.
    pub fn open(manifest: &[u8], audits: &[u8], complaints: &[u8]) -> Result<Dataset, LoadError> {
        let manifest = parse_manifest(manifest)?;
        let audits = parse_audits(&manifest, audits)?;
        let complaints = parse_complaints(&manifest, complaints)?;
        Ok(Dataset::new(manifest, audits, complaints))
    }

    /// A dataset of files already parsed and checked ([`parse_manifest`], [`parse_audits`],
    /// [`parse_complaints`]).
    pub fn new(manifest: Manifest, audits: AuditsFile, complaints: ComplaintsFile) -> Dataset {
        let grain = measure_grain(&manifest, &audits, &complaints);
        let visits = VisitIndex::new(&manifest, &audits);
        Dataset {
            manifest,
            audits,
            complaints,
            grain,
            visits,
        }
    }

    /// The rows of the visits of unit `unit` (its place in the manifest) that can fall in `period`, in
    /// the order of the time they are published with: those placed from eleven months before the period
    /// (a year's label spans twelve months) to its end. The others cannot touch it.
    pub fn visits_near(&self, unit: usize, period: Period) -> &[u32] {
        let v = &self.visits;
        let (Some(&start), Some(&end)) = (v.starts.get(unit), v.starts.get(unit + 1)) else {
            return &[];
        };
        let firsts = &v.firsts[start..end];
        let (low, high) = (period.from.index().saturating_sub(11), period.to.index());
        let from = firsts.partition_point(|&f| f < low);
        let to = firsts.partition_point(|&f| f <= high);
        &v.rows[start + from..start + to]
    }

    /// How finely the bundle places its records in time, for every unit at once: [`Grain::Month`] when
    /// in every unit at least nine in ten visits and nine in ten published complaints carry their month;
    /// else [`Grain::Quarter`] when they carry at least their quarter; else [`Grain::Year`]. A thin
    /// programme is published mostly by quarter, and its smallest units by year.
    pub fn grain(&self) -> Grain {
        self.grain
    }

    /// The blocks a period may start and end with: the months, or where the bundle is published by
    /// quarter or year ([`Dataset::grain`]) the calendar quarters or years inside the data's period (the
    /// last one cut at the data's end), so that a period picked from them counts every record. Each is a
    /// run of months: a period starts at a block's first month and ends at a block's last.
    pub fn period_blocks(&self) -> Vec<Period> {
        let bounds = self.manifest.period;
        let step = match self.grain() {
            Grain::Month => crate::steps::Step::Month,
            Grain::Quarter => crate::steps::Step::Quarter,
            Grain::Year => crate::steps::Step::Year,
        };
        crate::steps::steps(bounds, step)
    }

    /// The frames the map's Play steps through: the calendar quarters wholly inside the data's period,
    /// or, where the bundle is published by year, the years (the first and last cut at the data's ends).
    pub fn play_frames(&self) -> Vec<Period> {
        let bounds = self.manifest.period;
        match self.grain() {
            Grain::Year => crate::steps::steps(bounds, crate::steps::Step::Year),
            _ => crate::steps::steps(bounds, crate::steps::Step::Quarter)
                .into_iter()
                .filter(|q| q.to.index() - q.from.index() == 2)
                .collect(),
        }
    }

    /// The period a page opens with: the last twelve months of data when the bundle has its months
    /// ([`Dataset::grain`]); else the last four whole calendar quarters, or the last whole calendar
    /// year, so that the records published by quarter or year are counted. Shorter where the data cover
    /// less.
    pub fn default_period(&self) -> Period {
        let bounds = self.manifest.period;
        let last_twelve = |to: Month| {
            let from = Month::from_index(to.index().saturating_sub(11))
                .filter(|m| *m >= bounds.from)
                .unwrap_or(bounds.from);
            Period { from, to }
        };
        let aligned = |months: u8| {
            // The last month ≤ bounds.to that ends a block of `months` (3: a quarter, 12: a year), and
            // the first month of the earliest whole block inside the last twelve months.
            let to = bounds.months().filter(|m| m.month() % months == 0).last()?;
            let from = last_twelve(to)
                .months()
                .find(|m| (m.month() - 1) % months == 0)?;
            (from <= to).then_some(Period { from, to })
        };
        match self.grain() {
            Grain::Month => None,
            Grain::Quarter => aligned(3),
            Grain::Year => aligned(12).or_else(|| aligned(3)),
        }
        .unwrap_or_else(|| last_twelve(bounds.to))
    }
}
