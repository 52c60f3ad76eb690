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

pub use error::{LoadError, check_version, json_error, read_version};
pub use grain::Grain;
use grain::measure_grain;

use std::sync::OnceLock;

use crate::aggregate::cells::{Cell, cells_of_visits, totals_of};
use crate::aggregate::visits::Filter;
use crate::contract::{
    AuditsFile, ComplaintColumns, ComplaintsFile, Manifest, OutcomeColumns, files,
};
use crate::period::{Month, Period};
pub use index::{Choice, DatasetIndex, DatasetRef, INDEX_FILE, VersionRef, is_safe_folder};
pub use parse::{
    AuditsParse, GEO_FILE, check_checksum, check_digest, check_lengths, parse_audit_detail,
    parse_audit_detail_with_digest, parse_audits, parse_audits_with_digest, parse_complaint_detail,
    parse_complaint_detail_with_digest, parse_complaints, parse_complaints_with_digest, parse_geo,
    parse_manifest, parse_outcomes, parse_outcomes_with_digest, parse_visits,
};

/// A bundle that passed every check.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    /// The manifest.
    pub manifest: Manifest,
    /// The complaint counts.
    pub complaints: ComplaintsFile,
    /// [`Dataset::grain`], measured once by [`Dataset::new`]: the default period, the period picker
    /// and Play all ask for it, and each measurement is a pass over every record.
    grain: Grain,
    /// The visits as each unit's totals by published time (contract 3's `audits.json`), for the passes
    /// that count every service and channel.
    totals: CellIndex,
    /// The visits as cells by unit, time, service and channel (`audits-detail.json`), once they are
    /// there: the passes that break the figures down by service or channel read them.
    detail: OnceLock<CellIndex>,
    /// Contract 3's complaint cells by category (`complaints-detail.json`), once they are there; a
    /// version-2 bundle's are in `complaints` ([`Dataset::complaint_cells`]).
    complaint_detail: OnceLock<ComplaintColumns>,
    /// What came of the complaints (`outcomes.json`, optional), once it is there.
    outcomes: OnceLock<OutcomeColumns>,
}

/// The cells of each unit of the manifest, in its order, sorted by the first month of the time each is
/// published with: a pass over a period reads only the cells that can fall in it. A trend is a pass per
/// month, and a unit's page asks for its own cells only.
#[derive(Clone, Debug, Default, PartialEq)]
struct CellIndex {
    /// The cells: the first unit's, then the second's …, each by first month.
    cells: Vec<Cell>,
    /// The first month ([`Month::index`]) of each cell.
    firsts: Vec<u32>,
    /// Where each unit's cells start in `cells`, and where the last ends.
    starts: Vec<usize>,
}

impl CellIndex {
    fn new(units: usize, mut cells: Vec<Cell>) -> CellIndex {
        // Cells of a unit the manifest does not list are in no unit's pass.
        cells.retain(|c| c.unit < units);
        let cells = crate::aggregate::cells::sorted(cells);
        let mut starts = vec![0; units + 1];
        for cell in &cells {
            starts[cell.unit + 1] += 1;
        }
        for u in 0..units {
            starts[u + 1] += starts[u];
        }
        CellIndex {
            firsts: cells.iter().map(|c| c.time.months().0.index()).collect(),
            cells,
            starts,
        }
    }
}

impl Dataset {
    /// Opens a bundle from the bytes of its first view's three files: contract version 3's unit totals
    /// (its detail can be added later, [`Dataset::add_detail`]), or a version-2 bundle's visits, folded
    /// into cells and totals at once.
    pub fn open(manifest: &[u8], audits: &[u8], complaints: &[u8]) -> Result<Dataset, LoadError> {
        let manifest = parse_manifest(manifest)?;
        let cells = parse_audits(&manifest, audits)?;
        let complaints = parse_complaints(&manifest, complaints)?;
        if manifest.schema_version >= 3 {
            Ok(Dataset::of_totals(manifest, cells, complaints))
        } else {
            Ok(Dataset::new(manifest, cells, complaints))
        }
    }

    /// Opens a bundle by reading its files by name with `read`, as the pre-renderer, the feeds and the
    /// publisher's kept versions need it: [`Dataset::open`], then `audits-detail.json` where the manifest
    /// lists it (a version-2 bundle has no such file). `failed` turns a file that does not load into the
    /// caller's error.
    pub fn read<E>(
        read: impl Fn(&str) -> Result<Vec<u8>, E>,
        failed: impl Fn(LoadError) -> E,
    ) -> Result<Dataset, E> {
        let d = Dataset::open(
            &read(files::MANIFEST)?,
            &read(files::AUDITS)?,
            &read(files::COMPLAINTS)?,
        )
        .map_err(&failed)?;
        if d.lacks(files::AUDIT_DETAIL) {
            d.add_detail(&read(files::AUDIT_DETAIL)?).map_err(&failed)?;
        }
        if d.lacks(files::COMPLAINT_DETAIL) {
            let bytes = read(files::COMPLAINT_DETAIL)?;
            let cells = parse_complaint_detail(&d.manifest, &bytes).map_err(&failed)?;
            d.add_complaint_detail(cells);
        }
        if d.lacks(files::OUTCOMES) {
            let bytes = read(files::OUTCOMES)?;
            d.add_outcomes(parse_outcomes(&d.manifest, &bytes).map_err(&failed)?);
        }
        Ok(d)
    }

    /// [`Dataset::open`] with `audits-detail.json` and `complaints-detail.json` too: every view at once,
    /// as the pre-renderer and the tests read a bundle.
    pub fn open_with_detail(
        manifest: &[u8],
        audits: &[u8],
        detail: &[u8],
        complaints: &[u8],
        complaint_detail: &[u8],
    ) -> Result<Dataset, LoadError> {
        let d = Dataset::open(manifest, audits, complaints)?;
        d.add_detail(detail)?;
        d.add_complaint_detail(parse_complaint_detail(&d.manifest, complaint_detail)?);
        Ok(d)
    }

    /// A dataset of the cells by unit, time, service and channel, already parsed and checked: its totals
    /// are worked out from them.
    pub fn new(manifest: Manifest, cells: Vec<Cell>, complaints: ComplaintsFile) -> Dataset {
        let d = Dataset::of_totals(manifest, totals_of(&cells), complaints);
        let _ = d
            .detail
            .set(CellIndex::new(d.manifest.regions.len(), cells));
        d
    }

    /// A dataset of the unit totals alone (contract 3's `audits.json`, parsed and checked), whose detail
    /// is added when a view needs it.
    pub fn of_totals(manifest: Manifest, totals: Vec<Cell>, complaints: ComplaintsFile) -> Dataset {
        let grain = measure_grain(&manifest, &totals, &complaints);
        let totals = CellIndex::new(manifest.regions.len(), totals);
        Dataset {
            manifest,
            complaints,
            grain,
            totals,
            detail: OnceLock::new(),
            complaint_detail: OnceLock::new(),
            outcomes: OnceLock::new(),
        }
    }

    /// The complaints by unit, period and category: a version-2 bundle's from `complaints.json`,
    /// contract 3's once `complaints-detail.json` is added ([`Dataset::add_complaint_detail`]); `None`
    /// before that.
    pub fn complaint_cells(&self) -> Option<&ComplaintColumns> {
        if self.manifest.schema_version < 3 {
            return Some(&self.complaints.columns);
        }
        self.complaint_detail.get()
    }

    /// Adds the complaint cells of `complaints-detail.json`, parsed and checked
    /// ([`parse_complaint_detail`]). Nothing changes where they are already there.
    pub fn add_complaint_detail(&self, cells: ComplaintColumns) {
        let _ = self.complaint_detail.set(cells);
    }

    /// Whether the bundle publishes what came of the complaints (`outcomes.json` with the stages of
    /// `outcome_stages`): without it a page says that no outcome data is published, never zero.
    pub fn has_outcome_data(&self) -> bool {
        !self.manifest.outcome_stages.is_empty() && self.lists(files::OUTCOMES)
    }

    /// Whether the bundle publishes the recommendations given after the audits (`outcomes.json`'s
    /// `findings`, with the states of `finding_states`): without them a page says that none are
    /// published, never zero.
    pub fn has_findings(&self) -> bool {
        !self.manifest.finding_states.is_empty() && self.lists(files::OUTCOMES)
    }

    fn lists(&self, file: &str) -> bool {
        self.manifest.files.iter().any(|f| f.path == file)
    }

    /// The complaints by the stage of their outcome, once `outcomes.json` is added; `None` before, and
    /// always for a bundle without it.
    pub fn outcomes(&self) -> Option<&OutcomeColumns> {
        self.outcomes.get()
    }

    /// Adds the cells of `outcomes.json`, parsed and checked ([`parse_outcomes`]). Nothing changes where
    /// they are already there.
    pub fn add_outcomes(&self, cells: OutcomeColumns) {
        let _ = self.outcomes.set(cells);
    }

    /// A dataset of a version-2 bundle's visits, already parsed and checked ([`parse_visits`]).
    pub fn from_visits(
        manifest: Manifest,
        audits: &AuditsFile,
        complaints: ComplaintsFile,
    ) -> Dataset {
        let cells = cells_of_visits(&manifest, audits);
        Dataset::new(manifest, cells, complaints)
    }

    /// Adds the bytes of `audits-detail.json`, checked against the manifest and against the totals
    /// (the totals of its cells must be the first view's, to the visit: a forged detail is refused).
    /// Nothing changes where the detail is already there.
    pub fn add_detail(&self, bytes: &[u8]) -> Result<(), LoadError> {
        if self.has_detail() {
            return Ok(());
        }
        let cells = parse_audit_detail(&self.manifest, bytes)?;
        self.add_detail_cells(cells)
    }

    /// [`Dataset::add_detail`] for cells already parsed and checked ([`parse_audit_detail`]).
    pub fn add_detail_cells(&self, cells: Vec<Cell>) -> Result<(), LoadError> {
        let index = CellIndex::new(self.manifest.regions.len(), cells);
        if totals_of(&index.cells) != self.totals.cells {
            return Err(LoadError::Disagree {
                file: files::AUDIT_DETAIL.to_owned(),
                with: files::AUDITS.to_owned(),
            });
        }
        let _ = self.detail.set(index);
        Ok(())
    }

    /// Whether the manifest lists a detail file (`audits-detail.json`, `complaints-detail.json`) that
    /// is not added yet: a reader that shows every view at once (the pre-renderer, the feeds) adds them.
    pub fn lacks_listed_detail(&self) -> bool {
        self.lacks_any(&files::DETAIL)
    }

    /// Whether the manifest lists one of the detail files `files` that is not added yet.
    pub fn lacks_any(&self, files: &[&str]) -> bool {
        files.iter().any(|f| self.lacks(f))
    }

    /// Whether the manifest lists the detail file `file` and it is not added yet.
    pub fn lacks(&self, file: &str) -> bool {
        let added = match file {
            files::AUDIT_DETAIL => self.detail.get().is_some(),
            files::COMPLAINT_DETAIL => self.complaint_detail.get().is_some(),
            files::OUTCOMES => self.outcomes.get().is_some(),
            _ => true,
        };
        !added && self.manifest.files.iter().any(|f| f.path == file)
    }

    /// Whether the detail is there: the cells by service and channel and, where the manifest lists
    /// them, the complaints by category (always for a version-2 bundle).
    pub fn has_detail(&self) -> bool {
        self.detail.get().is_some() && !self.lacks(files::COMPLAINT_DETAIL)
    }

    /// Whether the figures of `filter` need the cells by service and channel and they are not there yet:
    /// a view asking for them fetches `audits-detail.json` first ([`Dataset::add_detail`]).
    pub fn needs_detail(&self, filter: &Filter) -> bool {
        by_detail(filter) && !self.has_detail()
    }

    /// Every cell of the bundle, unit by unit in the manifest's order, each unit's by first month: the
    /// cells by service and channel when they are there, else the unit totals.
    pub fn cells(&self) -> &[Cell] {
        &self.detail.get().unwrap_or(&self.totals).cells
    }

    /// The unit totals by published time, in the order of [`Dataset::cells`].
    pub fn totals(&self) -> &[Cell] {
        &self.totals.cells
    }

    /// The cells of unit `unit` (its place in the manifest) that can fall in `filter`'s period, in the
    /// order of the time they are published with: those placed from eleven months before the period (a
    /// year's label spans twelve months) to its end. The others cannot touch it. The unit totals where
    /// the filter counts every service and channel (far fewer cells to pass over); else the cells by
    /// service and channel (the totals until they are there: [`Dataset::needs_detail`]).
    pub fn cells_near(&self, unit: usize, filter: &Filter) -> &[Cell] {
        let v = if by_detail(filter) {
            self.detail.get().unwrap_or(&self.totals)
        } else {
            &self.totals
        };
        let period = filter.period;
        let (Some(&start), Some(&end)) = (v.starts.get(unit), v.starts.get(unit + 1)) else {
            return &[];
        };
        let firsts = &v.firsts[start..end];
        let (low, high) = (period.from.index().saturating_sub(11), period.to.index());
        let from = firsts.partition_point(|&f| f < low);
        let to = firsts.partition_point(|&f| f <= high);
        &v.cells[start + from..start + to]
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

/// Whether `filter` counts only some services or channels: its figures need the cells by both.
fn by_detail(filter: &Filter) -> bool {
    filter.service.is_some() || filter.channel.is_some()
}
