//! Reading a raw CSV file by header name: the shared part of `audits.csv` and `complaints.csv`.
//!
//! Columns are found by name in any order. Personal and unknown columns are never decoded; a row's
//! problems are collected field by field, so that one rejection says everything that is wrong with it.

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::io::Read;
use std::rc::Rc;

use serde::Serialize;

use super::values::{ValueKind, describe_found};
use crate::taxonomy::TermList;
use adal_core::regions::{self, RegionError};

/// What a known column is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Personal data: read past, never decoded, never published.
    Personal,
    /// Published, possibly after generalisation; its header must be present.
    Published(ValueKind),
    /// Published like [`Role::Published`] where the file has it; a file may leave it out, and then each
    /// row reads as empty there.
    Optional(ValueKind),
}

/// A known column of a raw file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    /// The header name.
    pub name: &'static str,
    /// Personal or published.
    pub role: Role,
}

/// A problem with one field of a row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct FieldProblem {
    /// The column's header name.
    pub column: String,
    /// What the column accepts.
    pub expected: String,
    /// What it held, quoted only when it cannot be personal data.
    pub found: String,
}

/// A row that was not published because it is invalid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Rejection {
    /// The line of the file where the row starts (the header is line 1).
    pub line: u64,
    /// The first column at fault; null when the row as a whole is malformed.
    pub column: Option<String>,
    /// What was expected and what was found.
    pub reason: String,
    /// The other faulty fields of the same row, if any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<FieldProblem>,
}

/// A file that cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    /// Reading failed.
    #[error("the file could not be read: {0}")]
    Io(String),
    /// No header line.
    #[error("the file is empty: it needs a header line naming the columns")]
    Empty,
    /// A required column is absent from the header. The first line may be a data row (a file without its
    /// header line, or a header overwritten by a row): so the message names only the column names this
    /// tool knows and describes every other field of the line by its count and lengths, never its text.
    #[error(
        "the first line lacks the required column(s) {}; {}. If the first line is a data row, add the header line",
        .missing.join(", "),
        describe_header(.recognised, .others)
    )]
    MissingColumns {
        /// The required columns not found.
        missing: Vec<String>,
        /// The fields of the first line that are column names of this file kind.
        recognised: Vec<String>,
        /// The lengths, in characters, of the other fields of the first line (their text is not kept).
        others: Vec<usize>,
    },
    /// A known column name appears twice.
    #[error("the column «{0}» appears more than once in the header")]
    DuplicateColumn(String),
}

/// «the recognised columns are a, b; 3 other fields of 4 to 17 characters are not column names»
fn describe_header(recognised: &[String], others: &[usize]) -> String {
    let known = if recognised.is_empty() {
        "no field of it is a known column name".to_owned()
    } else {
        format!("the known columns found are {}", recognised.join(", "))
    };
    let (Some(min), Some(max)) = (others.iter().min(), others.iter().max()) else {
        return known;
    };
    let lengths = if min == max {
        format!("{min}")
    } else {
        format!("{min} to {max}")
    };
    format!(
        "{known}; {} other field(s) of {lengths} characters are not column names (their text is not shown: it may be personal data)",
        others.len()
    )
}

/// Whether an unknown header name may be echoed in the report: it reads like a column name (lowercase
/// ASCII letters, digits and underscores, not only digits, at most 40 characters). Anything else, a
/// name, a phone number or an IIN from a data row where the header should be, is described by position.
fn echoable(name: &str) -> bool {
    (1..=40).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && !name.bytes().all(|b| b.is_ascii_digit())
}

/// The outcome of reading one raw file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Parsed<T> {
    /// The valid rows.
    pub records: Vec<T>,
    /// The invalid rows, in file order.
    pub rejected: Vec<Rejection>,
    /// All data rows read (valid and invalid).
    pub rows_read: u64,
    /// Header names that are not known columns: dropped unread.
    pub unknown_columns: Vec<String>,
    /// Personal columns present in the file: dropped unread.
    pub personal_columns: Vec<String>,
}

/// The decoded, trimmed fields of one row, by the index of the column in the file kind's column list.
pub(crate) struct Row<'a> {
    record: &'a csv::ByteRecord,
    positions: &'a [Option<usize>],
    columns: &'static [Column],
    problems: Vec<FieldProblem>,
}

impl<'a> Row<'a> {
    /// The trimmed text of column `index` of the column list, or `None` after noting a problem. The text
    /// borrows the record, not the row, so that problems can be noted while it is held.
    pub(crate) fn text(&mut self, index: usize) -> Option<&'a str> {
        let record: &'a csv::ByteRecord = self.record;
        let bytes = self.positions[index]
            .and_then(|p| record.get(p))
            .unwrap_or(b"");
        match std::str::from_utf8(bytes) {
            Ok(text) => Some(text.trim()),
            Err(_) => {
                self.problem(
                    index,
                    "text in UTF-8".to_owned(),
                    "bytes that are not UTF-8".to_owned(),
                );
                None
            }
        }
    }

    /// Parses column `index` with `parse`; notes a problem and returns `None` on failure.
    pub(crate) fn parse<T, E: ToString>(
        &mut self,
        index: usize,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Option<T> {
        let text = self.text(index)?;
        match parse(text) {
            Ok(v) => Some(v),
            Err(e) => {
                let kind = match self.columns[index].role {
                    Role::Published(kind) | Role::Optional(kind) => kind,
                    Role::Personal => ValueKind::Text,
                };
                let found = describe_found(text, kind);
                self.problem(index, e.to_string(), found);
                None
            }
        }
    }

    /// Notes that column `index` is at fault: what it accepts, and what it held (never personal data).
    pub(crate) fn problem(&mut self, index: usize, expected: String, found: String) {
        self.problems.push(FieldProblem {
            column: self.columns[index].name.to_owned(),
            expected,
            found,
        });
    }
}

/// Remembers the outcome of parsing each distinct raw value: raw files repeat a handful of spellings of
/// regions, services and answers millions of times.
pub(crate) struct Memo<T, E> {
    seen: HashMap<String, Result<T, E>>,
}

impl<T: Clone, E: Clone> Memo<T, E> {
    pub(crate) fn new() -> Self {
        Memo {
            seen: HashMap::new(),
        }
    }

    /// `parse(text)`, computed once per distinct text. Bounded, so that a file of all-different values
    /// cannot grow it without limit.
    pub(crate) fn get(
        &mut self,
        text: &str,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Result<T, E> {
        if let Some(hit) = self.seen.get(text) {
            return hit.clone();
        }
        let result = parse(text);
        if self.seen.len() < 4096 {
            self.seen.insert(text.to_owned(), result.clone());
        }
        result
    }
}

/// Resolves raw spellings of a list's terms (an id, or a label in any language) to indices, remembering
/// each spelling seen.
pub(crate) struct TermLookup<'a> {
    list: &'a TermList,
    /// What the list is called in "expected one of the …".
    what: &'static str,
    memo: Memo<usize, String>,
}

impl<'a> TermLookup<'a> {
    pub(crate) fn new(list: &'a TermList, what: &'static str) -> Self {
        TermLookup {
            list,
            what,
            memo: Memo::new(),
        }
    }

    pub(crate) fn resolve(&mut self, text: &str) -> Result<usize, String> {
        let (list, what) = (self.list, self.what);
        self.memo.get(text, |t| {
            list.resolve(t)
                .ok_or_else(|| format!("one of the {what} ({})", list.ids()))
        })
    }
}

/// Resolves raw region codes and names ([`regions::resolve`]), remembering each spelling seen.
pub(crate) struct RegionLookup(Memo<u8, RegionError>);

impl RegionLookup {
    pub(crate) fn new() -> Self {
        RegionLookup(Memo::new())
    }

    pub(crate) fn resolve(&mut self, text: &str) -> Result<u8, RegionError> {
        // There are 20 units, so the index always fits.
        self.0.get(text, |t| regions::resolve(t).map(|i| i as u8))
    }
}

/// Reads a CSV file with a header, mapping known columns by name, and calls `parse_row` for every data row.
pub(crate) fn read_table<R: Read, T>(
    input: R,
    columns: &'static [Column],
    mut parse_row: impl FnMut(&mut Row<'_>) -> Option<T>,
) -> Result<Parsed<T>, FileError> {
    let lines = Rc::new(RefCell::new(LineCounter::default()));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(CountingReader {
            inner: input,
            lines: Rc::clone(&lines),
        });
    let mut header = csv::ByteRecord::new();
    if !reader.read_byte_record(&mut header).map_err(io_error)? {
        return Err(FileError::Empty);
    }
    let names: Vec<String> = header
        .iter()
        .enumerate()
        .map(|(i, raw)| {
            let name = String::from_utf8_lossy(raw);
            let name = if i == 0 {
                name.trim_start_matches('\u{feff}')
            } else {
                &name
            };
            name.trim().to_lowercase()
        })
        .collect();
    if names.iter().all(String::is_empty) {
        return Err(FileError::Empty);
    }

    let mut positions: Vec<Option<usize>> = vec![None; columns.len()];
    let mut parsed = Parsed {
        records: Vec::new(),
        rejected: Vec::new(),
        rows_read: 0,
        unknown_columns: Vec::new(),
        personal_columns: Vec::new(),
    };
    let mut others = Vec::new();
    for (pos, name) in names.iter().enumerate() {
        match columns.iter().position(|c| c.name == name) {
            Some(i) if positions[i].is_some() => {
                return Err(FileError::DuplicateColumn(name.clone()));
            }
            Some(i) => {
                positions[i] = Some(pos);
                if columns[i].role == Role::Personal {
                    parsed.personal_columns.push(name.clone());
                }
            }
            None => {
                others.push(name.chars().count());
                parsed.unknown_columns.push(if name.is_empty() {
                    format!("(unnamed column {})", pos + 1)
                } else if echoable(name) {
                    name.clone()
                } else {
                    format!("(column {}: not a column name)", pos + 1)
                });
            }
        }
    }
    let missing: Vec<String> = columns
        .iter()
        .zip(&positions)
        .filter(|(c, p)| matches!(c.role, Role::Published(_)) && p.is_none())
        .map(|(c, _)| c.name.to_owned())
        .collect();
    if !missing.is_empty() {
        let recognised = columns
            .iter()
            .zip(&positions)
            .filter(|(_, p)| p.is_some())
            .map(|(c, _)| c.name.to_owned())
            .collect();
        return Err(FileError::MissingColumns {
            missing,
            recognised,
            others,
        });
    }

    let mut record = csv::ByteRecord::new();
    while reader.read_byte_record(&mut record).map_err(io_error)? {
        parsed.rows_read += 1;
        let line = record
            .position()
            .map_or(0, |p| lines.borrow_mut().line_at(p.byte()));
        if record.len() != names.len() {
            parsed.rejected.push(Rejection {
                line,
                column: None,
                reason: format!(
                    "expected {} fields as in the header, found {} (a field with a comma or line break may lack its quotes)",
                    names.len(),
                    record.len()
                ),
                also: Vec::new(),
            });
            continue;
        }
        let mut row = Row {
            record: &record,
            positions: &positions,
            columns,
            problems: Vec::new(),
        };
        let value = parse_row(&mut row);
        match (value, row.problems.is_empty()) {
            (Some(v), true) => parsed.records.push(v),
            _ => {
                let mut problems = row.problems.into_iter();
                let first = problems.next();
                parsed.rejected.push(Rejection {
                    line,
                    column: first.as_ref().map(|p| p.column.clone()),
                    reason: first.map_or_else(
                        || "the row could not be read".to_owned(),
                        |p| format!("expected {}, found {}", p.expected, p.found),
                    ),
                    also: problems.collect(),
                });
            }
        }
    }
    Ok(parsed)
}

/// Finds the line a byte offset lies on. The csv crate's own line numbers drift in files with CRLF line
/// ends and quoted line breaks, so lines are counted here from the bytes themselves.
#[derive(Default)]
struct LineCounter {
    /// Offsets of line feeds read but not yet passed.
    pending: VecDeque<u64>,
    /// Line feeds passed.
    passed: u64,
    /// Bytes read so far.
    read: u64,
}

impl LineCounter {
    /// The 1-based line of `offset`. Offsets must be asked in increasing order, as records are read. A
    /// record of a CRLF file may be said to start at the line feed that ends the line before it, so a line
    /// feed at `offset` itself is passed too.
    fn line_at(&mut self, offset: u64) -> u64 {
        while self.pending.front().is_some_and(|&nl| nl <= offset) {
            self.pending.pop_front();
            self.passed += 1;
        }
        self.passed + 1
    }
}

/// Passes bytes through and notes where the line feeds are.
struct CountingReader<R> {
    inner: R,
    lines: Rc<RefCell<LineCounter>>,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut lines = self.lines.borrow_mut();
        let start = lines.read;
        for (i, _) in buf[..n].iter().enumerate().filter(|(_, b)| **b == b'\n') {
            lines.pending.push_back(start + i as u64);
        }
        lines.read += n as u64;
        Ok(n)
    }
}

fn io_error(e: csv::Error) -> FileError {
    // csv's errors name positions and I/O causes, never field contents.
    FileError::Io(e.to_string())
}
