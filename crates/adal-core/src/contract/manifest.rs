//! `manifest.json`: what the bundle is, who published it, how to read it, and the checksums of its files.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::metrics::MetricDefinition;
use super::terms::Term;
use crate::labels::Labels;
use crate::period::Period;
use crate::regions::RegionKind;

/// The manifest of a published bundle.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The contract version, 1.
    pub schema_version: u32,
    /// Which dataset this is.
    pub dataset: DatasetId,
    /// The dataset's title.
    pub title: Labels,
    /// What the dataset holds.
    pub description: Labels,
    /// How the data were collected and anonymised.
    pub methodology: Labels,
    /// Who publishes it.
    pub publisher: Publisher,
    /// Under which licence.
    pub licence: Licence,
    /// The months the data cover.
    pub period: Period,
    /// The UTC date the bundle was generated, `YYYY-MM-DD`.
    #[schemars(regex(pattern = r"^[12][0-9]{3}-[01][0-9]-[0-3][0-9]$"))]
    pub generated_at: String,
    /// True for demonstration data, which the app must label as such.
    pub is_demo: bool,
    /// The anonymisation guarantee.
    pub k_anonymity: KAnonymity,
    /// The metrics the app computes from the files.
    pub metrics: Vec<MetricDefinition>,
    /// Services audited.
    pub services: Vec<Term>,
    /// Channels of audit visits.
    pub audit_channels: Vec<Term>,
    /// Complaint categories.
    pub complaint_categories: Vec<Term>,
    /// Channels complaints arrive by.
    pub complaint_channels: Vec<Term>,
    /// The stages a complaint's handling ends at, from the first step to the last, then `not_recorded`:
    /// the keys of `outcomes.json`. Empty (and left out) where the bundle has no outcome data.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcome_stages: Vec<Term>,
    /// The states of the recommendations given after the audits, from done to not done: the keys of
    /// `outcomes.json`'s `findings`. Empty (and left out) where the bundle publishes no findings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub finding_states: Vec<Term>,
    /// The 20 units.
    pub regions: Vec<RegionEntry>,
    /// Where people can report corruption.
    pub reporting: Reporting,
    /// Every other file of the bundle with its size and SHA-256.
    pub files: Vec<FileEntry>,
}

/// Dataset id and version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DatasetId {
    /// Stable id, lower case letters, digits, `-` and `_`.
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9_-]{0,63}$"))]
    pub id: String,
    /// The version of this publication.
    #[schemars(regex(pattern = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"))]
    pub version: String,
}

impl DatasetId {
    /// `id@version`: how `?dataset=` pins this publication (embeds) and how pre-rendered pages name the
    /// bundle they were made from.
    pub fn pin(&self) -> String {
        format!("{}@{}", self.id, self.version)
    }
}

/// The publisher.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Publisher {
    /// The organisation's name.
    pub name: Labels,
    /// Its web site.
    pub url: Option<String>,
    /// How to reach it: an e-mail address or an `https://` address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// Its logo: the name of an SVG file in the bundle's folder (`logo.svg`), checked by the publisher
    /// to hold no script and no external reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
}

impl Publisher {
    /// The contact as a link: `mailto:` for an e-mail address, the address itself for `https://`;
    /// `None` for anything else.
    pub fn contact_href(&self) -> Option<String> {
        let c = self.contact.as_deref()?.trim();
        if c.starts_with("https://") && !c.contains(char::is_whitespace) {
            return Some(c.to_owned());
        }
        let (user, host) = c.split_once('@')?;
        let plain = |s: &str| {
            !s.is_empty()
                && s.chars()
                    .all(|ch| ch.is_ascii_alphanumeric() || "._+-".contains(ch))
        };
        (plain(user) && plain(host) && host.contains('.')).then(|| format!("mailto:{c}"))
    }

    /// Whether `logo` is a plain SVG file name (no folder, no address).
    pub fn logo_is_plain(name: &str) -> bool {
        name.len() <= 64
            && name.ends_with(".svg")
            && !name.starts_with('.')
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c))
    }
}

/// The licence the data are published under.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Licence {
    /// SPDX id, for example `CC-BY-4.0`.
    pub id: String,
    /// Name.
    pub name: String,
    /// Where its text is.
    pub url: Option<String>,
}

/// The k-anonymity guarantee the publisher applied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KAnonymity {
    /// No combination of published quasi-identifier values describes fewer than k visits, and no
    /// published complaint count is between 1 and k − 1.
    #[schemars(range(min = 2))]
    pub k: u32,
    /// The published fields of a visit that together could single it out.
    pub quasi_identifiers: Vec<String>,
    /// The generalisation steps, in the order they were tried.
    pub generalisation: Vec<String>,
}

/// A unit as the manifest describes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegionEntry {
    /// ISO 3166-2:KZ code.
    #[schemars(regex(pattern = r"^KZ-[0-9]{2}$"))]
    pub code: String,
    /// Region or city of republican significance.
    pub kind: RegionKind,
    /// Its name.
    pub name: Labels,
    /// Its population.
    pub population: Population,
}

/// A population figure and the date it refers to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Population {
    /// Number of people.
    pub value: u64,
    /// The date of the count, `YYYY-MM-DD`.
    pub reference_date: String,
    /// Where the figure comes from.
    pub source: String,
}

/// Where and how to report corruption.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reporting {
    /// The ways to report.
    pub channels: Vec<ReportChannel>,
    /// How the law protects people who report.
    pub protection: Labels,
}

/// One way to report corruption.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportChannel {
    /// Stable id.
    pub id: String,
    /// Name.
    pub label: Labels,
    /// How it works and what it needs.
    pub description: Labels,
    /// A phone number to call, if any.
    pub phone: Option<String>,
    /// A web address, if any.
    pub url: Option<String>,
}

/// A file of the bundle, with its checksum.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FileEntry {
    /// The file name, relative to the manifest; a plain name, never a path with `/` or `..`.
    #[schemars(regex(pattern = r"^[a-z0-9_-]+\.json$"))]
    pub path: String,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256 of the file's bytes, lower-case hex.
    #[schemars(regex(pattern = r"^[0-9a-f]{64}$"))]
    pub sha256: String,
}
