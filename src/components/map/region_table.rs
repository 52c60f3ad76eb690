//! The same figures as the map, as an accessible table whose columns sort by a button in their header.

use std::cmp::Ordering;

use adal_core::aggregate::{MetricId, RegionFigure};
use adal_core::export;
use adal_core::format;
use adal_core::labels::Lang;
use adal_core::view::ViewKind;
use leptos::prelude::*;
use leptos_i18n::I18nContext;

use super::{describe, metric_label, region_name};
use crate::components::trends::TableData;
use crate::contexts::map_state::{MapState, use_map_state};
use crate::contexts::view_state::use_view_state;
use crate::i18n::{Locale, t_string, use_i18n};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    Region,
    Value,
    Sample,
    Rank,
    Change,
}

fn compare(
    a: &RegionFigure,
    b: &RegionFigure,
    column: Column,
    names: &dyn Fn(&str) -> String,
) -> Ordering {
    let opt = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    match column {
        Column::Region => names(&a.code).cmp(&names(&b.code)),
        Column::Value => opt(a.value, b.value),
        Column::Sample => a.n.cmp(&b.n),
        Column::Rank => opt(a.rank.map(|r| r as f64), b.rank.map(|r| r as f64)),
        Column::Change => opt(a.change, b.change),
    }
}

/// Sorts by `column` (one instance of the sort for the table and the CSV).
fn sort_regions(
    regions: &mut [RegionFigure],
    column: Column,
    ascending: bool,
    names: &dyn Fn(&str) -> String,
) {
    regions.sort_by(|a, b| {
        let o = compare(a, b, column, names);
        if ascending { o } else { o.reverse() }
    });
}

/// One unit's cells: name, value, caution (in brackets, or empty), interval, sample, rank and change.
fn row_cells(
    i18n: I18nContext<Locale>,
    state: &MapState,
    r: &RegionFigure,
    metric: MetricId,
    lang: Lang,
) -> [String; 7] {
    let d = describe(i18n, state, r, metric, lang);
    let interval = r.interval.map_or_else(String::new, |(l, h)| {
        format!(
            "{} – {}",
            format::metric_value(metric, l, lang),
            format::metric_value(metric, h, lang)
        )
    });
    [
        d.name,
        d.value,
        d.caution.map(|c| format!(" ({c})")).unwrap_or_default(),
        interval,
        format::integer(r.n, lang),
        super::rank_cell(r),
        r.change
            .map_or_else(String::new, |c| format::metric_change(metric, c, lang)),
    ]
}

/// The column headings.
fn headings(i18n: I18nContext<Locale>) -> [String; 6] {
    [
        t_string!(i18n, table_region).to_string(),
        t_string!(i18n, table_value).to_string(),
        t_string!(i18n, table_interval).to_string(),
        t_string!(i18n, table_n).to_string(),
        t_string!(i18n, table_rank_interval).to_string(),
        t_string!(i18n, table_change).to_string(),
    ]
}

/// The table's caption: the metric and the period.
pub fn caption(i18n: I18nContext<Locale>, state: &MapState, lang: Lang) -> String {
    let (metric, period) = state.view.with(|(v, _)| (v.metric, v.period));
    t_string!(
        i18n,
        table_caption,
        metric = metric_label(state, metric, lang),
        period = format::period(period, lang)
    )
    .to_string()
}

/// The map's figures as a table in rank order (for the CSV download), with the same cells as the table.
pub fn map_table(i18n: I18nContext<Locale>, state: &MapState, lang: Lang) -> TableData {
    let (metric, period) = state.view.with_untracked(|(v, _)| (v.metric, v.period));
    let all = state.figures.get_untracked();
    let mut regions = all.regions.clone();
    sort_regions(&mut regions, Column::Rank, true, &|_| String::new());
    let figures = regions
        .iter()
        .chain(std::iter::once(&all.national))
        .map(|r| {
            let name = if r.code == "KZ" {
                t_string!(i18n, whole_country).to_string()
            } else {
                region_name(state, &r.code, lang)
            };
            export::region_row(metric, period, r, name)
        })
        .collect();
    TableData {
        figures,
        file: export::file_name(metric, period, "by-unit"),
        caption: caption(i18n, state, lang),
        head: headings(i18n).to_vec(),
        rows: regions
            .iter()
            .map(|r| {
                let [name, value, caution, rest @ ..] = row_cells(i18n, state, r, metric, lang);
                std::iter::once(name)
                    .chain(std::iter::once(value + &caution))
                    .chain(rest)
                    .collect()
            })
            .collect(),
    }
}

/// The table.
#[component]
pub fn RegionTable() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_map_state();
    let lang = use_view_state().lang;
    let sort = RwSignal::new((Column::Rank, true));

    let header = move |column: Column, label: String| {
        let aria_sort = move || {
            let (c, ascending) = sort.get();
            if c != column {
                "none"
            } else if ascending {
                "ascending"
            } else {
                "descending"
            }
        };
        let label_for_button = label.clone();
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button
                    type="button"
                    class="sort-button"
                    disabled=crate::contexts::ready::inert()
                    aria-label=move || t_string!(i18n, sort_by, column = label_for_button.clone()).to_string()
                    on:click=move |_| sort.update(|(c, ascending)| {
                        if *c == column {
                            *ascending = !*ascending;
                        } else {
                            *c = column;
                            *ascending = true;
                        }
                    })
                >
                    {label.clone()}
                </button>
            </th>
        }
    };
    let head = move || {
        let [region, value, interval, n, rank, change] = headings(i18n);
        view! {
            <tr>
                {header(Column::Region, region)}
                {header(Column::Value, value)}
                <th scope="col">{interval}</th>
                {header(Column::Sample, n)}
                {header(Column::Rank, rank)}
                {header(Column::Change, change)}
            </tr>
        }
    };
    let rows = move || {
        let metric = state.view.with(|(v, _)| v.metric);
        let lang = lang.get();
        let figures = state.figures.get();
        let names = |code: &str| region_name(&state, code, lang);
        let (column, ascending) = sort.get();
        let mut regions = figures.regions.clone();
        sort_regions(&mut regions, column, ascending, &names);
        regions
            .into_iter()
            .map(|r| {
                let [name, value, caution, interval, n, rank, change] = row_cells(i18n, &state, &r, metric, lang);
                let code = r.code.clone();
                // The unit's page, keeping the metric, period and filters.
                let href = state.link(|v| {
                    v.kind = ViewKind::Region;
                    v.region = Some(code);
                });
                view! {
                    <tr data-region-row=r.code.clone()>
                        <th scope="row"><a href=href>{name}</a></th>
                        <td>{value} {(!caution.is_empty()).then(|| view! { <span class="table-caution">{caution}</span> })}</td>
                        <td>{interval}</td>
                        <td>{n}</td>
                        <td>{rank}</td>
                        <td>{change}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let caption = move || caption(i18n, &state, lang.get());
    view! {
        <div class="table-wrap">
            <table class="region-table">
                <caption>{caption}</caption>
                <thead>{head}</thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
