//! The charts of the region, ranking and comparison views, each a section around the one
//! [`ChartFigure`](crate::components::chart::ChartFigure), and what they share: how a metric is scaled,
//! how steps are named, and the table that is each chart's text alternative.

pub mod complaint_chart;
pub mod metric_picker;
pub mod ranking_chart;
pub mod scatter_chart;
pub mod service_chart;
pub mod trend_chart;

use adal_charts::{Scale, Theme};
use adal_core::aggregate::{Filter, MetricId};
use adal_core::export::FigureRow;
use adal_core::format;
use adal_core::labels::Lang;
use leptos::prelude::*;

use crate::contexts::map_state::MapState;

/// How `metric` is drawn on an axis.
pub fn scale(metric: MetricId) -> Scale {
    match metric {
        MetricId::InformalPayment | MetricId::Intermediary | MetricId::Completion => Scale {
            percent: true,
            decimals: 1,
        },
        MetricId::MedianWait | MetricId::Complaints => Scale {
            percent: false,
            decimals: 0,
        },
        MetricId::QualityIndex | MetricId::ComplaintsPer100k => Scale {
            percent: false,
            decimals: 1,
        },
    }
}

/// The charts' theme.
pub fn theme(dark: bool) -> Theme {
    if dark { Theme::Dark } else { Theme::Light }
}

/// The filter of the current view.
pub fn current_filter(state: &MapState) -> Filter {
    state.view.with(|(v, _)| v.filter())
}

/// A value with its interval and sample in words: "61,2 (58,0–64,3; n = 31)".
pub fn value_cell(
    metric: MetricId,
    value: Option<f64>,
    interval: Option<(f64, f64)>,
    n: u64,
    lang: Lang,
) -> String {
    let Some(v) = value else {
        return "—".to_owned();
    };
    let value = format::metric_value(metric, v, lang);
    let n = format::integer(n, lang);
    match interval {
        Some((lo, hi)) => format!(
            "{value} ({}–{}; n = {n})",
            format::metric_value(metric, lo, lang),
            format::metric_value(metric, hi, lang)
        ),
        None => format!("{value} (n = {n})"),
    }
}

/// A table of figures.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TableData {
    /// What it shows.
    pub caption: String,
    /// The column headings.
    pub head: Vec<String>,
    /// The rows; the first cell of each is its heading.
    pub rows: Vec<Vec<String>>,
    /// The same figures as numbers, for the CSV download (empty for a table of words only).
    pub figures: Vec<FigureRow>,
    /// The CSV file's name without extension ([`adal_core::export::file_name`]).
    pub file: String,
}

/// A table of figures, its cells rendered as text (a chart's text alternative, or a table of its own).
#[component]
pub fn FigureTable(
    /// The table.
    #[prop(into)]
    table: Signal<TableData>,
) -> impl IntoView {
    let view = table;
    view! {
        <div class="table-wrap">
            <table class="figure-table">
                <caption>{move || view.with(|v| v.caption.clone())}</caption>
                <thead>
                    <tr>
                        {move || view.with(|v| v.head.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view())}
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        view.with(|v| {
                            v.rows
                                .iter()
                                .map(|row| {
                                    let mut cells = row.iter().cloned();
                                    let first = cells.next().unwrap_or_default();
                                    view! {
                                        <tr>
                                            <th scope="row">{first}</th>
                                            {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                                        </tr>
                                    }
                                })
                                .collect_view()
                        })
                    }}
                </tbody>
            </table>
        </div>
    }
}
