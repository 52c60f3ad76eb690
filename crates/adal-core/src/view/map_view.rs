//! The page's own state ([`MapView`]): the metric, the period, the filters, the units compared, the
//! map's classes, and what the address asked for that could not be shown ([`Notice`]).

use super::embed::{Embed, LINK_VERSION, read_embed};
use super::keys::{Key, value, with};
use super::kind::ViewKind;
use super::notice::Notice;
use crate::aggregate::{Filter, MetricId};
use crate::binning::Method;
use crate::contract::Manifest;
use crate::period::{Month, Period};

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
