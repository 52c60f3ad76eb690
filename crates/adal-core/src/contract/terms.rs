//! A term of one of the manifest's lists: services, audit channels, complaint categories and channels.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::labels::Labels;

/// One entry of a list: an id such as `vehicle_registration` and its labels.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// Stable identifier, lower case letters, digits and `_`.
    pub id: String,
    /// The name shown to people.
    pub label: Labels,
}

impl Term {
    /// A term with its labels in Kazakh, Russian and English.
    pub fn new(id: &str, kk: &str, ru: &str, en: &str) -> Term {
        Term {
            id: id.to_owned(),
            label: Labels::new(kk, ru, en),
        }
    }
}
