//! All units sorted by the metric of the view, best first, with intervals and the national value; a click
//! on a unit opens it.

use adal_charts::ChartInput;
use adal_charts::ranking::{Ranking, Row};
use adal_core::export;
use adal_core::format;
use leptos::prelude::*;

use super::{TableData, scale, value_cell};
use crate::components::chart::{ChartFigure, ChartView};
use crate::components::map::{metric_label, rank_cell, rank_words, region_name};
use crate::contexts::map_state::use_map_state;
use crate::contexts::view_state::use_view_state;
use crate::i18n::{t_string, use_i18n};

/// The ranking, with `selected` highlighted.
#[component]
pub fn RankingChart(
    /// The unit drawn in the accent colour.
    #[prop(optional, into)]
    selected: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_map_state();
    let lang = use_view_state().lang;
    // The codes in ranked order, best first, with the chart's view.
    let view = Memo::new(move |_| {
        let f = state.figures.get();
        let (m, period) = state.view.with(|(v, _)| (v.metric, v.period));
        let l = lang.get();
        // Ranks run 1, 2, … over the units with a value: each unit's rank is its place.
        let mut order: Vec<usize> = Vec::new();
        for (i, r) in f.regions.iter().enumerate() {
            if let Some(rank) = r.rank {
                order.resize(order.len().max(rank), usize::MAX);
                order[rank - 1] = i;
            }
        }
        order.retain(|&i| i != usize::MAX);
        let title = t_string!(
            i18n,
            ranking_title,
            metric = metric_label(&state, m, l),
            period = format::period(period, l)
        )
        .to_string();
        let name = |i: usize| region_name(&state, &f.regions[i].code, l);
        let rank_text = |i: usize| rank_words(i18n, &f.regions[i]);
        let value = |v: Option<f64>| v.map(|v| format::metric_value(m, v, l)).unwrap_or_default();
        let description = match (order.first(), order.last()) {
            (Some(&best), Some(&worst)) => t_string!(
                i18n,
                ranking_summary,
                title = title.clone(),
                best = format!("{} ({})", name(best), value(f.regions[best].value)),
                worst = format!("{} ({})", name(worst), value(f.regions[worst].value)),
                national = value(f.national.value)
            )
            .to_string(),
            _ => t_string!(i18n, summary_empty).to_string(),
        };
        let rows = order
            .iter()
            .map(|&i| {
                let r = &f.regions[i];
                vec![
                    rank_cell(r),
                    name(i),
                    value_cell(m, r.value, r.interval, r.n, l),
                ]
            })
            .collect();
        let input = ChartInput::Ranking(Ranking {
            title: title.clone(),
            rows: order
                .iter()
                .map(|&i| {
                    let r = &f.regions[i];
                    Row {
                        name: name(i),
                        value: r.value.unwrap_or_default(),
                        interval: r.interval,
                        selected: selected.as_deref() == Some(r.code.as_str()),
                        rank: rank_text(i),
                    }
                })
                .collect(),
            national: f
                .national
                .value
                .map(|v| (t_string!(i18n, whole_country).to_string(), v)),
            scale: scale(m),
        });
        let codes: Vec<String> = order.iter().map(|&i| f.regions[i].code.clone()).collect();
        let figures = order
            .iter()
            .map(|&i| export::region_row(m, period, &f.regions[i], name(i)))
            .collect();
        let head = vec![
            t_string!(i18n, table_rank_interval).to_string(),
            t_string!(i18n, table_region).to_string(),
            t_string!(i18n, table_value).to_string(),
        ];
        ChartView {
            input,
            description,
            note: None,
            // The dots are series 2, in the order of the ranking.
            clickable: Some((2, codes)),
            table: TableData {
                caption: title,
                head,
                rows,
                figures,
                file: export::file_name(m, period, "ranking"),
            },
        }
    });
    view! { <ChartFigure name="ranking" view tall=true /> }
}
