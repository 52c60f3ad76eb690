//! The same figures as the map, as an accessible table whose columns sort by a button in their header.

use std::cmp::Ordering;

use adal_core::format;
use adal_core::regional::RegionFigure;
use leptos::prelude::*;

use super::{describe, metric_label, region_name};
use crate::contexts::map_state::use_map_state;
use crate::contexts::view_state::use_view_state;
use crate::i18n::{t_string, use_i18n};

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
        view! {
            <tr>
                {header(Column::Region, t_string!(i18n, table_region).to_string())}
                {header(Column::Value, t_string!(i18n, table_value).to_string())}
                <th scope="col">{t_string!(i18n, table_interval).to_string()}</th>
                {header(Column::Sample, t_string!(i18n, table_n).to_string())}
                {header(Column::Rank, t_string!(i18n, table_rank).to_string())}
                {header(Column::Change, t_string!(i18n, table_change).to_string())}
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
        regions.sort_by(|a, b| {
            let o = compare(a, b, column, &names);
            if ascending { o } else { o.reverse() }
        });
        regions
            .into_iter()
            .map(|r| {
                let d = describe(i18n, &state, &r, metric, lang);
                let interval = r.interval.map_or_else(String::new, |(l, h)| {
                    format!("{} – {}", format::metric_value(metric, l, lang), format::metric_value(metric, h, lang))
                });
                let change = r.change.map_or_else(String::new, |c| format::metric_change(metric, c, lang));
                view! {
                    <tr data-region-row=r.code.clone()>
                        <th scope="row">{d.name}</th>
                        <td>{d.value} {d.caution.map(|c| view! { <span class="table-caution">{format!(" ({c})")}</span> })}</td>
                        <td>{interval}</td>
                        <td>{format::integer(r.n, lang)}</td>
                        <td>{r.rank.map(|x| x.to_string()).unwrap_or_default()}</td>
                        <td>{change}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let caption = move || {
        let (metric, period) = state.view.with(|(v, _)| (v.metric, v.period));
        let lang = lang.get();
        t_string!(
            i18n,
            table_caption,
            metric = metric_label(&state, metric, lang),
            period = format::period(period, lang)
        )
        .to_string()
    };
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
