//! The region map and what goes with it: controls, legend, table, summary, and the texts they share.

pub mod map_controls;
pub mod map_legend;
pub mod map_section;
pub mod map_summary;
pub mod period_picker;
pub mod region_map;
pub mod region_table;
pub mod unit_search;

use adal_core::aggregate::{MetricId, RegionFigure};
use adal_core::contract::Manifest;
use adal_core::contract::Term;
use adal_core::format;
use adal_core::labels::Lang;

use crate::contexts::map_state::MapState;
use leptos::prelude::*;
use leptos_i18n::I18nContext;

use crate::i18n::{Locale, t_string};

/// A unit's figure in words, in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct Described {
    /// The unit's name.
    pub name: String,
    /// The value, or "No data".
    pub value: String,
    /// "95 % interval: a – b".
    pub interval: Option<String>,
    /// "Visits: n" or "Complaints: n".
    pub sample: String,
    /// "Rank r of 20".
    pub rank: Option<String>,
    /// "Change against the previous period: ±x".
    pub change: Option<String>,
    /// "few visits — interpret with caution", or monthly totals withheld.
    pub caution: Option<String>,
}

impl Described {
    /// One line for a screen reader: name, value, interval, sample and caution.
    pub fn accessible_name(&self) -> String {
        let mut parts = vec![format!("{}: {}", self.name, self.value)];
        parts.extend(self.interval.clone());
        parts.push(self.sample.clone());
        parts.extend(self.caution.clone());
        parts.join("; ")
    }
}

/// Describes `figure` of `metric` in `lang`.
pub fn describe(
    i18n: I18nContext<Locale>,
    state: &MapState,
    figure: &RegionFigure,
    metric: MetricId,
    lang: Lang,
) -> Described {
    let name = if figure.code == "KZ" {
        t_string!(i18n, whole_country).to_string()
    } else {
        region_name(state, &figure.code, lang)
    };
    let value = figure.value.map_or_else(
        || t_string!(i18n, legend_no_data).to_string(),
        |v| format::metric_value(metric, v, lang),
    );
    let interval = figure.interval.map(|(low, high)| {
        let (low, high) = (
            format::metric_value(metric, low, lang),
            format::metric_value(metric, high, lang),
        );
        t_string!(i18n, interval, low = low, high = high).to_string()
    });
    let n = format::integer(figure.n, lang);
    let sample = if metric.from_visits() {
        t_string!(i18n, visits_behind, n = n).to_string()
    } else {
        t_string!(i18n, tooltip_complaints, n = n).to_string()
    };
    let rank = rank_words(i18n, figure);
    let change = figure.change.map(|c| {
        t_string!(
            i18n,
            tooltip_change,
            change = format::metric_change(metric, c, lang)
        )
        .to_string()
    });
    let caution = if figure.low_sample {
        Some(t_string!(i18n, few_visits).to_string())
    } else if figure.suppressed_months > 0 {
        Some(t_string!(i18n, suppressed_months, n = figure.suppressed_months).to_string())
    } else {
        None
    };
    Described {
        name,
        value,
        interval,
        sample,
        rank,
        change,
        caution,
    }
}

/// "Rank 3 of 20 (95 % rank interval: 2–6)", or "Rank 3 of 20" without an interval.
pub fn rank_words(i18n: I18nContext<Locale>, figure: &RegionFigure) -> Option<String> {
    let rank = figure.rank?;
    Some(match figure.rank_interval {
        Some((best, worst)) => t_string!(
            i18n,
            rank_with_interval,
            rank = rank,
            best = best,
            worst = worst
        )
        .to_string(),
        None => t_string!(i18n, tooltip_rank, rank = rank).to_string(),
    })
}

/// A table's rank cell: "3 (2–6)", the rank and its 95 % rank interval.
pub fn rank_cell(figure: &RegionFigure) -> String {
    match (figure.rank, figure.rank_interval) {
        (Some(rank), Some((best, worst))) => format!("{rank} ({best}–{worst})"),
        (Some(rank), None) => rank.to_string(),
        _ => String::new(),
    }
}

/// The manifest's name of the unit `code` in `lang` (the code itself if the manifest lacks it).
pub fn region_name(state: &MapState, code: &str, lang: Lang) -> String {
    state.loaded.with_value(|l| {
        l.dataset
            .manifest
            .regions
            .iter()
            .find(|r| r.code == code)
            .map_or_else(|| code.to_owned(), |r| r.name.get(lang).to_owned())
    })
}

/// The label in `lang` of the term `id` of one of the manifest's lists (`list` picks it), or `id` itself.
pub fn term_label(
    state: &MapState,
    list: impl Fn(&Manifest) -> &[Term],
    id: &str,
    lang: Lang,
) -> String {
    state.loaded.with_value(|l| {
        list(&l.dataset.manifest)
            .iter()
            .find(|t| t.id == id)
            .map_or_else(|| id.to_owned(), |t| t.label.get(lang).to_owned())
    })
}

/// The manifest's label of `metric` in `lang`.
pub fn metric_label(state: &MapState, metric: MetricId, lang: Lang) -> String {
    state.loaded.with_value(|l| {
        l.dataset
            .manifest
            .metrics
            .iter()
            .find(|m| m.id == metric.id())
            .map_or_else(|| metric.id().to_owned(), |m| m.label.get(lang).to_owned())
    })
}
