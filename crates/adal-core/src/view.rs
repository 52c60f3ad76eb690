//! The view state as the URL carries it: `view=overview|region|compare|data`, `metric=`,
//! `period=2025-01..2025-12`, `service=`, `channel=`, `region=KZ-11`, `compare=KZ-11,KZ-75`,
//! `classes=quantile|equal|fixed:a,b,c,d`, `min_visits=`, and for an `<iframe>` `embed=` with `plain=1`
//! and `static=1`. Reading never fails: an invalid value falls back
//! to its default and leaves a [`Notice`] for a short message. Writing leaves defaults out.

use crate::aggregate::{Filter, MetricId};
use crate::binning::Method;
use crate::contract::Manifest;
use crate::period::{Month, Period};
use crate::query;

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
            EmbedKind::Ranking | EmbedKind::Scatter | EmbedKind::Services => 1040,
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

/// The parameters only an embed has; a link to the full view leaves them out.
const EMBED_PARAMS: [&str; 3] = ["embed", "plain", "static"];

/// The query string of the full view an embed shows a piece of: `search` without the embed's parameters.
pub fn full_view_query(search: &str) -> String {
    EMBED_PARAMS
        .iter()
        .fold(search.to_owned(), |s, key| query::with_param(&s, key, None))
}

/// The query string of the embed of `kind` made from the view `search`: the view's parameters (language,
/// metric, period, filters, units, theme) kept, `view=` dropped (the embed picks the piece), the dataset
/// pinned to `pin` (`<id>@<version>`, so that the embed keeps its figures when newer data are published)
/// and the link format's version written, so that the embed keeps opening the same piece.
pub fn embed_query(search: &str, kind: EmbedKind, pin: &str) -> String {
    let s = query::with_param(&full_view_query(search), "view", None);
    let s = query::with_param(&s, "dataset", Some(pin));
    query::with_param(&link_query(&s), "embed", Some(kind.id()))
}

/// The query string of a link given out for the view `search` (Share, the embeds): the full view, with
/// the link format's version written.
pub fn link_query(search: &str) -> String {
    query::with_param(&full_view_query(search), "v", Some(LINK_VERSION))
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
pub enum Notice {
    /// `metric=`.
    Metric(String),
    /// `period=`.
    Period(String),
    /// `service=`.
    Service(String),
    /// `channel=`.
    Channel(String),
    /// `region=`.
    Region(String),
    /// `classes=`.
    Classes(String),
    /// `min_visits=`.
    MinVisits(String),
    /// `view=`.
    View(String),
    /// `compare=` (the whole list, or the units beyond the fifth or not known).
    Compare(String),
    /// `v=`: a link format this version of the app does not know.
    Version(String),
    /// `embed=`: not one of the pieces.
    Embed(String),
}

impl Notice {
    /// The parameter's name.
    pub fn key(&self) -> &'static str {
        match self {
            Notice::Metric(_) => "metric",
            Notice::Period(_) => "period",
            Notice::Service(_) => "service",
            Notice::Channel(_) => "channel",
            Notice::Region(_) => "region",
            Notice::Classes(_) => "classes",
            Notice::MinVisits(_) => "min_visits",
            Notice::View(_) => "view",
            Notice::Compare(_) => "compare",
            Notice::Version(_) => "v",
            Notice::Embed(_) => "embed",
        }
    }

    /// The value that was ignored.
    pub fn value(&self) -> &str {
        match self {
            Notice::Metric(v)
            | Notice::Period(v)
            | Notice::Service(v)
            | Notice::Channel(v)
            | Notice::Region(v)
            | Notice::Classes(v)
            | Notice::MinVisits(v)
            | Notice::View(v)
            | Notice::Compare(v)
            | Notice::Version(v)
            | Notice::Embed(v) => v,
        }
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
    let get = |key| query::get(search, key).filter(|v| !v.is_empty());
    let metric = match get("metric") {
        None => MetricId::QualityIndex,
        Some(v) => MetricId::parse(&v).unwrap_or_else(|| {
            notices.push(Notice::Metric(v));
            MetricId::QualityIndex
        }),
    };
    let period = match get("period") {
        None => default_period,
        Some(v) => parse_period(&v, manifest.period).unwrap_or_else(|| {
            notices.push(Notice::Period(v));
            default_period
        }),
    };
    let mut checked = |value: Option<String>, valid: bool, notice: fn(String) -> Notice| match value
    {
        Some(v) if valid => Some(v),
        Some(v) => {
            notices.push(notice(v));
            None
        }
        None => None,
    };
    let service = get("service");
    let service_ok = service
        .as_deref()
        .is_some_and(|s| manifest.services.iter().any(|t| t.id == s));
    let service = checked(service, service_ok, Notice::Service);
    let channel = get("channel");
    let channel_ok = channel
        .as_deref()
        .is_some_and(|s| manifest.audit_channels.iter().any(|t| t.id == s));
    let channel = checked(channel, channel_ok, Notice::Channel);
    let region = get("region");
    let region_ok = region
        .as_deref()
        .is_some_and(|s| manifest.regions.iter().any(|r| r.code == s));
    let region = checked(region, region_ok, Notice::Region);
    let method = match get("classes").as_deref() {
        None | Some("quantile") => Method::Quantile,
        Some("equal") => Method::EqualInterval,
        Some(other) => parse_fixed(other).unwrap_or_else(|| {
            notices.push(Notice::Classes(other.to_owned()));
            Method::Quantile
        }),
    };
    let min_visits = match get("min_visits") {
        None => DEFAULT_MIN_VISITS,
        Some(v) => match v.parse::<u64>() {
            Ok(n @ 1..=1000) => n,
            _ => {
                notices.push(Notice::MinVisits(v));
                DEFAULT_MIN_VISITS
            }
        },
    };
    if let Some(v) = get("v").filter(|v| v != LINK_VERSION) {
        notices.push(Notice::Version(v));
    }
    let compare = parse_compare(get("compare"), manifest, &mut notices);
    let kind = match get("view") {
        None => None,
        Some(v) => ViewKind::parse(&v).or_else(|| {
            notices.push(Notice::View(v));
            None
        }),
    };
    let kind = match kind {
        Some(ViewKind::Region) if region.is_none() => ViewKind::Overview,
        Some(kind) => kind,
        None if region.is_some() => ViewKind::Region,
        None => ViewKind::Overview,
    };
    let embed = get("embed").and_then(|v| {
        let kind = EmbedKind::parse(&v);
        if kind.is_none() {
            notices.push(Notice::Embed(v));
        }
        Some(Embed {
            kind: kind?,
            plain: get("plain").as_deref() == Some("1"),
            still: get("static").as_deref() == Some("1"),
        })
    });
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
        notices.push(Notice::Compare(dropped.join(",")));
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
    let mut s = query::with_param(search, "view", kind_param(view));
    s = query::with_param(&s, "compare", compare.as_deref());
    s = query::with_param(&s, "metric", metric);
    s = query::with_param(&s, "period", period.as_deref());
    s = query::with_param(&s, "service", view.service.as_deref());
    s = query::with_param(&s, "channel", view.channel.as_deref());
    s = query::with_param(&s, "region", view.region.as_deref());
    s = query::with_param(&s, "classes", classes.as_deref());
    let min_visits = (view.min_visits != DEFAULT_MIN_VISITS).then(|| view.min_visits.to_string());
    query::with_param(&s, "min_visits", min_visits.as_deref())
}
