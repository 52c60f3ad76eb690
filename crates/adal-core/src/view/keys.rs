//! The query string's keys, in one table ([`KEYS`]): each key's name, where an address carries it
//! (path or query), and its values.

use crate::query;

/// A key of the view's query string. [`KEYS`] says what each one is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    /// `lang=`
    Lang,
    /// `theme=`
    Theme,
    /// `dataset=`
    Dataset,
    /// `view=`
    View,
    /// `region=`
    Region,
    /// `compare=`
    Compare,
    /// `metric=`
    Metric,
    /// `period=`
    Period,
    /// `service=`
    Service,
    /// `channel=`
    Channel,
    /// `classes=`
    Classes,
    /// `min_visits=`
    MinVisits,
    /// `embed=`
    Embed,
    /// `plain=`
    Plain,
    /// `static=`
    Static,
    /// `v=`
    Version,
}

/// Where an address carries a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// In the path of a pre-rendered page (`ru/region/KZ-75/`, see [`crate::pages`]) where one is written
    /// for the view, else in the query string.
    Path,
    /// In the query string.
    Query,
    /// In the query string of an embed only: a link to the full view leaves it out.
    Embed,
}

/// One row of [`KEYS`].
#[derive(Clone, Copy, Debug)]
pub struct KeyInfo {
    /// The key.
    pub key: Key,
    /// Its name in links.
    pub name: &'static str,
    /// Where an address carries it.
    pub place: Place,
    /// Its values, the first one the default (left out of links).
    pub values: &'static str,
}

/// Every key of the view state, in [`Key`]'s order: the order in which [`State::write`] prints them.
pub const KEYS: [KeyInfo; 16] = [
    row(Key::Lang, "lang", Place::Path, "kk | ru | en"),
    row(
        Key::Theme,
        "theme",
        Place::Query,
        "(the system's) | light | dark",
    ),
    row(
        Key::Dataset,
        "dataset",
        Place::Query,
        "(the first of datasets.json) | <id> | <id>@<version>",
    ),
    row(
        Key::View,
        "view",
        Place::Path,
        "overview (region with region=) | region | compare | data",
    ),
    row(Key::Region, "region", Place::Path, "(none) | <unit code>"),
    row(
        Key::Compare,
        "compare",
        Place::Query,
        "(none) | <unit code>,… (at most 5)",
    ),
    row(
        Key::Metric,
        "metric",
        Place::Query,
        "quality_index | <metric id>",
    ),
    row(
        Key::Period,
        "period",
        Place::Query,
        "(the last 12 months) | 2025-01..2025-12 | 2025-03",
    ),
    row(
        Key::Service,
        "service",
        Place::Query,
        "(all) | <service id>",
    ),
    row(
        Key::Channel,
        "channel",
        Place::Query,
        "(all) | <channel id>",
    ),
    row(
        Key::Classes,
        "classes",
        Place::Query,
        "quantile | equal | fixed:a,b,c,d",
    ),
    row(Key::MinVisits, "min_visits", Place::Query, "30 | 1–1000"),
    row(
        Key::Embed,
        "embed",
        Place::Path,
        "(none) | map | trend | ranking | compare | scatter | figures | services | complaints",
    ),
    row(
        Key::Plain,
        "plain",
        Place::Embed,
        "(0) | 1: no title and no source line",
    ),
    row(
        Key::Static,
        "static",
        Place::Embed,
        "(0) | 1: no interaction",
    ),
    row(
        Key::Version,
        "v",
        Place::Query,
        "1: the link format's version",
    ),
];

const fn row(key: Key, name: &'static str, place: Place, values: &'static str) -> KeyInfo {
    KeyInfo {
        key,
        name,
        place,
        values,
    }
}

impl Key {
    /// The key's row of [`KEYS`].
    pub fn info(self) -> &'static KeyInfo {
        &KEYS[self as usize]
    }

    /// The key's name in links.
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// The key named `name`.
    pub fn named(name: &str) -> Option<Key> {
        KEYS.iter().find(|k| k.name == name).map(|k| k.key)
    }

    /// The names of the keys an address carries at `place`.
    pub fn names_at(place: Place) -> impl Iterator<Item = &'static str> {
        KEYS.iter()
            .filter(move |k| k.place == place)
            .map(|k| k.name)
    }
}

/// The value of `key` in `search`, when it is not empty.
pub(crate) fn value(search: &str, key: Key) -> Option<String> {
    query::get(search, key.name()).filter(|v| !v.is_empty())
}

/// `search` with `key` set to `value`, or removed.
pub(crate) fn with(search: &str, key: Key, value: Option<&str>) -> String {
    query::with_param(search, key.name(), value)
}
