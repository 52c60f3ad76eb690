//! What an address asked for that could not be shown ([`Notice`]): the key, and the value refused.

use super::keys::Key;

/// A URL parameter that was ignored, with the value found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The key.
    pub key: Key,
    /// The value ignored: for `compare=`, the units dropped (not known, repeated, or beyond the fifth).
    pub value: String,
}

impl Notice {
    /// A notice that `key`'s `value` was ignored.
    pub fn new(key: Key, value: &str) -> Notice {
        Notice {
            key,
            value: value.to_owned(),
        }
    }

    /// The parameter's name.
    pub fn key(&self) -> &'static str {
        self.key.name()
    }

    /// The value that was ignored.
    pub fn value(&self) -> &str {
        &self.value
    }
}
