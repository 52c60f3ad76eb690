//! What a check finds: a [`Problem`] names the file, where in it and what is wrong; [`Problems`]
//! collects them, at most a few per file listed.

use std::fmt;

use crate::dataset::LoadError;

/// A problem found in a bundle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file it is in.
    pub file: String,
    /// What is wrong, and where.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

/// At most this many problems of one file are listed one by one; the rest are counted.
pub const MAX_LISTED_PER_FILE: usize = 100;

/// The problems of one file, as the checks find them.
pub(crate) struct Problems {
    /// The file.
    pub(crate) file: &'static str,
    list: Vec<Problem>,
    unlisted: usize,
}

impl Problems {
    /// None yet, in `file`.
    pub(crate) fn new(file: &'static str) -> Self {
        Problems {
            file,
            list: Vec::new(),
            unlisted: 0,
        }
    }

    /// Notes one.
    pub(crate) fn push(&mut self, message: String) {
        if self.list.len() < MAX_LISTED_PER_FILE {
            self.list.push(Problem {
                file: self.file.to_owned(),
                message,
            });
        } else {
            self.unlisted += 1;
        }
    }

    /// The list, with a count of those not listed.
    pub(crate) fn finish(mut self) -> Vec<Problem> {
        if self.unlisted > 0 {
            self.list.push(Problem {
                file: self.file.to_owned(),
                message: format!("… and {} more problems of the kinds above", self.unlisted),
            });
        }
        self.list
    }
}

impl Problems {
    /// Notes one of the checks the web app's loader runs, as the loader words it ([`LoadError`]).
    pub(crate) fn push_load_error(&mut self, e: &LoadError) {
        self.push(load_error_detail(self.file, e));
    }
}

/// A [`LoadError`] of `file` in the words a [`Problem`] of that file takes: without the file's name,
/// which the problem carries itself.
pub(crate) fn load_error_detail(file: &str, e: &LoadError) -> String {
    let text = e.to_string();
    text.strip_prefix(&format!("{file}: "))
        .unwrap_or(&text)
        .to_owned()
}
