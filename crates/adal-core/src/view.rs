//! The view state: one typed value, [`State`], that a URL's query string is read into and printed from.
//! [`KEYS`] is the one table of its keys: `lang`, `theme`, `dataset`, `view`, `region`, `compare`,
//! `metric`, `period`, the filters (`service`, `channel`, `classes`, `min_visits`), and for an
//! `<iframe>` `embed` with `plain` and `static`; `v` is the link format's version. Reading never fails:
//! an invalid value falls back to its default and leaves a [`Notice`] for a short message. Printing
//! leaves defaults out, keeps parameters that are not view state, and reads back as the same value.
//!
//! [`Site`], the language, theme and dataset, is read before any dataset is loaded; [`MapView`], the rest,
//! is checked against the dataset's manifest.

use crate::aggregate::{Filter, MetricId};
use crate::binning::Method;
use crate::contract::Manifest;
use crate::labels::Lang;
use crate::period::{Month, Period};
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
fn value(search: &str, key: Key) -> Option<String> {
    query::get(search, key.name()).filter(|v| !v.is_empty())
}

/// `search` with `key` set to `value`, or removed.
fn with(search: &str, key: Key, value: Option<&str>) -> String {
    query::with_param(search, key.name(), value)
}

/// `theme=`: light or dark; without it, the system's preference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Dark text on light.
    Light,
    /// Light text on dark.
    Dark,
}

impl Theme {
    /// The id used in links (and in `<html data-theme>`).
    pub fn id(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The theme with this id.
    pub fn parse(id: &str) -> Option<Theme> {
        [Theme::Light, Theme::Dark]
            .into_iter()
            .find(|t| t.id() == id)
    }
}

/// What the view says about the whole site, read before any dataset is loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    /// The language: `lang=`, else Kazakh (the site's root is the Kazakh page).
    pub lang: Lang,
    /// `theme=`, else the system's preference.
    pub theme: Option<Theme>,
    /// `dataset=`: an id of `datasets.json`, optionally `@version`; else the first dataset.
    pub dataset: Option<String>,
}

impl Site {
    /// Reads the language, theme and dataset.
    pub fn read(search: &str) -> (Site, Vec<Notice>) {
        let mut notices = Vec::new();
        let lang = match value(search, Key::Lang) {
            None => Lang::Kk,
            Some(v) => match (v.len() == 2).then(|| Lang::parse(&v)).flatten() {
                Some(lang) => lang,
                None => {
                    notices.push(Notice::new(Key::Lang, &v));
                    Lang::Kk
                }
            },
        };
        let theme = value(search, Key::Theme).and_then(|v| {
            let theme = Theme::parse(&v);
            if theme.is_none() {
                notices.push(Notice::new(Key::Theme, &v));
            }
            theme
        });
        let site = Site {
            lang,
            theme,
            dataset: value(search, Key::Dataset),
        };
        (site, notices)
    }

    /// `search` with the language, theme and dataset written (defaults left out).
    pub fn write(&self, search: &str) -> String {
        let lang = (self.lang != Lang::Kk).then(|| self.lang.code());
        let s = with(search, Key::Lang, lang);
        let s = with(&s, Key::Theme, self.theme.map(Theme::id));
        with(&s, Key::Dataset, self.dataset.as_deref())
    }
}

/// The whole view state: the site's part and the view of the dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The language, theme and dataset.
    pub site: Site,
    /// The page and what it shows.
    pub view: MapView,
}

impl State {
    /// Reads the view state from a query string, checking the view against the dataset's manifest.
    pub fn read(search: &str, manifest: &Manifest, default_period: Period) -> (State, Vec<Notice>) {
        let (site, mut notices) = Site::read(search);
        let (view, more) = read_map_view(search, manifest, default_period);
        notices.extend(more);
        (State { site, view }, notices)
    }

    /// `search` with the view state written: defaults left out, other parameters kept in their place.
    pub fn write(&self, search: &str, default_period: Period) -> String {
        write_map_view(&self.site.write(search), &self.view, default_period)
    }
}

/// Which page is shown (`view=`). Without `view=`, a link with `region=` opens that unit's page, so that
/// the short `?region=KZ-11` keeps working.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewKind {
    /// The map, the ranking and the national figures.
    Overview,
    /// One unit's page (needs `region=`).
    Region,
    /// Up to [`MAX_COMPARE`] units side by side, and the scatter of all units.
    Compare,
    /// What the metrics mean, how the data were anonymised, sources.
    Data,
}

impl ViewKind {
    /// The id used in links.
    pub fn id(self) -> &'static str {
        match self {
            ViewKind::Overview => "overview",
            ViewKind::Region => "region",
            ViewKind::Compare => "compare",
            ViewKind::Data => "data",
        }
    }

    fn parse(id: &str) -> Option<ViewKind> {
        [
            ViewKind::Overview,
            ViewKind::Region,
            ViewKind::Compare,
            ViewKind::Data,
        ]
        .into_iter()
        .find(|v| v.id() == id)
    }
}

/// `embed=`: one piece of a view alone, sized to an `<iframe>` in someone else's page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmbedKind {
    /// The map with its legend.
    Map,
    /// The trend of `region=` (or of the country) against the country.
    Trend,
    /// The ranking of the units.
    Ranking,
    /// The trends of the units in `compare=`.
    Compare,
    /// Service quality against complaints, every unit.
    Scatter,
    /// The key figures of `region=` (or of the country).
    Figures,
    /// The breakdown by service of `region=`.
    Services,
    /// Complaints by category in `region=`.
    Complaints,
}

impl EmbedKind {
    /// Every kind.
    pub const ALL: [EmbedKind; 8] = [
        EmbedKind::Map,
        EmbedKind::Trend,
        EmbedKind::Ranking,
        EmbedKind::Compare,
        EmbedKind::Scatter,
        EmbedKind::Figures,
        EmbedKind::Services,
        EmbedKind::Complaints,
    ];

    /// The id used in links.
    pub fn id(self) -> &'static str {
        match self {
            EmbedKind::Map => "map",
            EmbedKind::Trend => "trend",
            EmbedKind::Ranking => "ranking",
            EmbedKind::Compare => "compare",
            EmbedKind::Scatter => "scatter",
            EmbedKind::Figures => "figures",
            EmbedKind::Services => "services",
            EmbedKind::Complaints => "complaints",
        }
    }

    /// The kind with this id.
    pub fn parse(id: &str) -> Option<EmbedKind> {
        EmbedKind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// The frame's height in CSS pixels before the embedded page reports its own: enough for the whole
    /// piece in an article column 640 px wide or wider (measured there, with some room), so that the
    /// snippet works without its script too. Narrower frames need the script.
    pub fn height(self) -> u32 {
        match self {
            EmbedKind::Map => 700,
            // The trend's note on what the key figures compare made it 884 px at 640 px wide.
            EmbedKind::Trend | EmbedKind::Compare => 960,
            EmbedKind::Complaints => 880,
            EmbedKind::Ranking | EmbedKind::Scatter => 1040,
            // With the demonstration label (shown in every embed of demonstration data) it was 1,046 px.
            EmbedKind::Services => 1080,
            EmbedKind::Figures => 1280,
        }
    }
}

/// An embed: which piece, and its flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Embed {
    /// The piece.
    pub kind: EmbedKind,
    /// `plain=1`: no title and no source line.
    pub plain: bool,
    /// `static=1`: no interaction.
    pub still: bool,
}

/// The keys only an embed has; a link to the full view leaves them out.
const EMBED_KEYS: [Key; 3] = [Key::Embed, Key::Plain, Key::Static];

/// The query string of the full view an embed shows a piece of: `search` without the embed's parameters.
pub fn full_view_query(search: &str) -> String {
    EMBED_KEYS
        .iter()
        .fold(search.to_owned(), |s, key| with(&s, *key, None))
}

/// Reads `embed=` with its flags.
pub fn read_embed(search: &str, notices: &mut Vec<Notice>) -> Option<Embed> {
    let v = value(search, Key::Embed)?;
    let Some(kind) = EmbedKind::parse(&v) else {
        notices.push(Notice::new(Key::Embed, &v));
        return None;
    };
    Some(Embed {
        kind,
        plain: value(search, Key::Plain).as_deref() == Some("1"),
        still: value(search, Key::Static).as_deref() == Some("1"),
    })
}

/// The query string of the embed of `kind` made from the view `search`: the view's parameters (language,
/// metric, period, filters, units, theme) kept, `view=` dropped (the embed picks the piece), the dataset
/// pinned to `pin` (`<id>@<version>`, so that the embed keeps its figures when newer data are published)
/// and the link format's version written, so that the embed keeps opening the same piece.
pub fn embed_query(search: &str, kind: EmbedKind, pin: &str) -> String {
    let s = with(&full_view_query(search), Key::View, None);
    let s = with(&s, Key::Dataset, Some(pin));
    with(&link_query(&s), Key::Embed, Some(kind.id()))
}

/// The query string of a link given out for the view `search` (Share, the embeds): the full view, with
/// the link format's version written.
pub fn link_query(search: &str) -> String {
    with(&full_view_query(search), Key::Version, Some(LINK_VERSION))
}

/// The version of the link format, written as `v=` into the links people copy and share. A link without
/// `v=` is read as this version; when the parameters change meaning, a new version number keeps old links
/// opening the view they were made for.
pub const LINK_VERSION: &str = "1";

/// The most units a comparison holds.
pub const MAX_COMPARE: usize = 5;

/// The view.
#[derive(Clone, Debug, PartialEq)]
pub struct MapView {
    /// The page shown.
    pub kind: ViewKind,
    /// The units compared, in the order chosen (at most [`MAX_COMPARE`], no repeats).
    pub compare: Vec<String>,
    /// The metric shown.
    pub metric: MetricId,
    /// The months.
    pub period: Period,
    /// A service filter.
    pub service: Option<String>,
    /// A channel filter.
    pub channel: Option<String>,
    /// The selected unit.
    pub region: Option<String>,
    /// How values are classed.
    pub method: Method,
    /// Below this many visits a unit's figure is marked "interpret with caution" (`min_visits=`, 1–1000).
    pub min_visits: u64,
    /// `embed=`, with `plain=1` and `static=1`: one piece alone, for an `<iframe>`.
    pub embed: Option<Embed>,
}

impl MapView {
    /// The visits the view counts: its period, service and channel.
    pub fn filter(&self) -> Filter {
        Filter {
            period: self.period,
            service: self.service.clone(),
            channel: self.channel.clone(),
        }
    }
}

/// The default low-sample threshold.
pub const DEFAULT_MIN_VISITS: u64 = 30;

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

/// `2025-01..2025-12`, or a single month `2025-03`.
pub fn period_param(p: Period) -> String {
    if p.from == p.to {
        p.from.to_string()
    } else {
        format!("{}..{}", p.from, p.to)
    }
}

/// Parses `period=`; only periods inside `bounds` are accepted.
pub fn parse_period(text: &str, bounds: Period) -> Option<Period> {
    let (from, to) = text.split_once("..").unwrap_or((text, text));
    let (from, to): (Month, Month) = (from.trim().parse().ok()?, to.trim().parse().ok()?);
    (from <= to && from >= bounds.from && to <= bounds.to).then_some(Period { from, to })
}

/// `fixed:0.05,0.1,0.15,0.2`: one to four ascending thresholds.
fn parse_fixed(text: &str) -> Option<Method> {
    let list = text.strip_prefix("fixed:")?;
    let values: Vec<f64> = list
        .split(',')
        .map(|v| v.trim().parse::<f64>().ok())
        .collect::<Option<_>>()?;
    let ascending = values.windows(2).all(|w| w[0] < w[1]);
    (!values.is_empty()
        && values.len() < crate::binning::CLASSES
        && ascending
        && values.iter().all(|v| v.is_finite()))
    .then_some(Method::Fixed(values))
}

/// The `classes=` value of a method: `quantile`, `equal` or `fixed:a,b,c,d`.
pub fn classes_param(method: &Method) -> String {
    match method {
        Method::Fixed(values) => {
            let list: Vec<String> = values.iter().map(f64::to_string).collect();
            format!("fixed:{}", list.join(","))
        }
        other => other.id().to_owned(),
    }
}

/// Reads the map view from a query string, checking every value against the manifest.
pub fn read_map_view(
    search: &str,
    manifest: &Manifest,
    default_period: Period,
) -> (MapView, Vec<Notice>) {
    let mut notices = Vec::new();
    let get = |key| value(search, key);
    let metric = match get(Key::Metric) {
        None => MetricId::QualityIndex,
        Some(v) => MetricId::parse(&v).unwrap_or_else(|| {
            notices.push(Notice::new(Key::Metric, &v));
            MetricId::QualityIndex
        }),
    };
    let period = match get(Key::Period) {
        None => default_period,
        Some(v) => parse_period(&v, manifest.period).unwrap_or_else(|| {
            notices.push(Notice::new(Key::Period, &v));
            default_period
        }),
    };
    let mut known = |key: Key, valid: &dyn Fn(&str) -> bool| {
        let v = get(key)?;
        if valid(&v) {
            return Some(v);
        }
        notices.push(Notice::new(key, &v));
        None
    };
    let service = known(Key::Service, &|s| {
        manifest.services.iter().any(|t| t.id == s)
    });
    let channel = known(Key::Channel, &|s| {
        manifest.audit_channels.iter().any(|t| t.id == s)
    });
    let region = known(Key::Region, &|s| {
        manifest.regions.iter().any(|r| r.code == s)
    });
    let method = match get(Key::Classes).as_deref() {
        None | Some("quantile") => Method::Quantile,
        Some("equal") => Method::EqualInterval,
        Some(other) => parse_fixed(other).unwrap_or_else(|| {
            notices.push(Notice::new(Key::Classes, other));
            Method::Quantile
        }),
    };
    let min_visits = match get(Key::MinVisits) {
        None => DEFAULT_MIN_VISITS,
        Some(v) => match v.parse::<u64>() {
            Ok(n @ 1..=1000) => n,
            _ => {
                notices.push(Notice::new(Key::MinVisits, &v));
                DEFAULT_MIN_VISITS
            }
        },
    };
    if let Some(v) = get(Key::Version).filter(|v| v != LINK_VERSION) {
        notices.push(Notice::new(Key::Version, &v));
    }
    let compare = parse_compare(get(Key::Compare), manifest, &mut notices);
    let kind = get(Key::View).and_then(|v| {
        let kind = ViewKind::parse(&v);
        if kind.is_none() {
            notices.push(Notice::new(Key::View, &v));
        }
        kind
    });
    let kind = match kind {
        Some(ViewKind::Region) if region.is_none() => ViewKind::Overview,
        Some(kind) => kind,
        None if region.is_some() => ViewKind::Region,
        None => ViewKind::Overview,
    };
    let embed = read_embed(search, &mut notices);
    (
        MapView {
            embed,
            kind,
            compare,
            metric,
            period,
            service,
            channel,
            region,
            method,
            min_visits,
        },
        notices,
    )
}

/// Reads `compare=`: known codes, no repeats, at most [`MAX_COMPARE`]; the rest is reported.
fn parse_compare(
    value: Option<String>,
    manifest: &Manifest,
    notices: &mut Vec<Notice>,
) -> Vec<String> {
    let mut kept: Vec<String> = Vec::new();
    let mut dropped: Vec<&str> = Vec::new();
    let Some(value) = value else {
        return kept;
    };
    for code in value.split(',').map(str::trim).filter(|c| !c.is_empty()) {
        let known = manifest.regions.iter().any(|r| r.code == code);
        if known && !kept.iter().any(|k| k == code) && kept.len() < MAX_COMPARE {
            kept.push(code.to_owned());
        } else {
            dropped.push(code);
        }
    }
    if !dropped.is_empty() {
        notices.push(Notice::new(Key::Compare, &dropped.join(",")));
    }
    kept
}

/// The view's kind as `view=` writes it: left out where the other parameters already imply it.
fn kind_param(view: &MapView) -> Option<&'static str> {
    match (view.kind, view.region.is_some()) {
        (ViewKind::Overview, false) | (ViewKind::Region, true) => None,
        (kind, _) => Some(kind.id()),
    }
}

/// The query string of `view` on top of `search` (other parameters kept), with defaults left out and the
/// ignored invalid values removed.
pub fn write_map_view(search: &str, view: &MapView, default_period: Period) -> String {
    let metric = (view.metric != MetricId::QualityIndex).then(|| view.metric.id());
    let period = (view.period != default_period).then(|| period_param(view.period));
    let classes = (view.method != Method::Quantile).then(|| classes_param(&view.method));
    let compare = (!view.compare.is_empty()).then(|| view.compare.join(","));
    let min_visits = (view.min_visits != DEFAULT_MIN_VISITS).then(|| view.min_visits.to_string());
    let flag = |on: bool| on.then_some("1");
    let values: [(Key, Option<&str>); 12] = [
        (Key::View, kind_param(view)),
        (Key::Compare, compare.as_deref()),
        (Key::Metric, metric),
        (Key::Period, period.as_deref()),
        (Key::Service, view.service.as_deref()),
        (Key::Channel, view.channel.as_deref()),
        (Key::Region, view.region.as_deref()),
        (Key::Classes, classes.as_deref()),
        (Key::MinVisits, min_visits.as_deref()),
        (Key::Embed, view.embed.map(|e| e.kind.id())),
        (Key::Plain, flag(view.embed.is_some_and(|e| e.plain))),
        (Key::Static, flag(view.embed.is_some_and(|e| e.still))),
    ];
    values
        .into_iter()
        .fold(search.to_owned(), |s, (key, value)| with(&s, key, value))
}
