//! Service quality against complaints per 100,000 people, one point per unit; the compared units in
//! colour; a click on a point opens its unit.

use adal_charts::ChartInput;
use adal_charts::scatter::{Point, Spread};
use adal_core::aggregate::{MetricId, region_figures};
use adal_core::export;
use adal_core::format;
use leptos::prelude::*;

use super::{TableData, current_filter};
use crate::components::chart::{ChartFigure, ChartView};
use crate::components::map::{metric_label, region_name};
use crate::contexts::map_state::use_map_state;
use crate::contexts::view_state::use_view_state;
use crate::i18n::{t_string, use_i18n};

/// The scatter, with the units `highlight` in the comparison's colours.
#[component]
pub fn ScatterChart(
    /// The compared units, in order.
    #[prop(into)]
    highlight: Signal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_map_state();
    let lang = use_view_state().lang;
    let view = Memo::new(move |_| {
        let filter = current_filter(&state);
        let min_visits = state.view.with(|(v, _)| v.min_visits);
        let l = lang.get();
        let (quality, complaints) = state.loaded.with_value(|ld| {
            (
                region_figures(&ld.dataset, MetricId::QualityIndex, &filter, min_visits),
                region_figures(
                    &ld.dataset,
                    MetricId::ComplaintsPer100k,
                    &filter,
                    min_visits,
                ),
            )
        });
        // (code, complaints per 100,000, quality) of the units with both.
        let points: Vec<(String, f64, f64)> = quality
            .regions
            .iter()
            .zip(&complaints.regions)
            .filter_map(|(q, c)| Some((q.code.clone(), c.value?, q.value?)))
            .collect();
        let x_name = metric_label(&state, MetricId::ComplaintsPer100k, l);
        let y_name = metric_label(&state, MetricId::QualityIndex, l);
        let title = t_string!(
            i18n,
            scatter_title,
            period = format::period(filter.period, l)
        )
        .to_string();
        let description = t_string!(
            i18n,
            scatter_summary,
            title = title.clone(),
            x = x_name.clone(),
            y = y_name.clone(),
            n = points.len()
        )
        .to_string();
        let chosen = highlight.get();
        let rows = points
            .iter()
            .map(|(code, x, y)| {
                vec![
                    region_name(&state, code, l),
                    format::metric_value(MetricId::ComplaintsPer100k, *x, l),
                    format::metric_value(MetricId::QualityIndex, *y, l),
                ]
            })
            .collect();
        let input = ChartInput::Scatter(Spread {
            title: title.clone(),
            x_name: x_name.clone(),
            y_name: y_name.clone(),
            points: points
                .iter()
                .map(|(code, x, y)| Point {
                    name: region_name(&state, code, l),
                    x: *x,
                    y: *y,
                    highlight: chosen.iter().position(|c| c == code),
                })
                .collect(),
            national: complaints.national.value.zip(quality.national.value),
        });
        let head = vec![t_string!(i18n, table_region).to_string(), x_name, y_name];
        let mut figures = Vec::new();
        for (metric, all) in [
            (MetricId::QualityIndex, &quality),
            (MetricId::ComplaintsPer100k, &complaints),
        ] {
            for r in &all.regions {
                let name = region_name(&state, &r.code, l);
                figures.push(export::region_row(metric, filter.period, r, name));
            }
            let national = t_string!(i18n, whole_country).to_string();
            figures.push(export::region_row(
                metric,
                filter.period,
                &all.national,
                national,
            ));
        }
        let codes: Vec<String> = points.into_iter().map(|(code, _, _)| code).collect();
        ChartView {
            input,
            description,
            note: None,
            clickable: Some((0, codes)),
            table: TableData {
                caption: title,
                head,
                rows,
                figures,
                file: export::file_name_of(
                    "quality_index_and_complaints_per_100k",
                    filter.period,
                    "by-unit",
                ),
            },
        }
    });
    view! { <ChartFigure name="scatter" view tall=true /> }
}
