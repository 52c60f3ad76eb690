//! A metric over time for one unit (with its 95 % band) or several, against the whole country.

use adal_charts::ChartInput;
use adal_charts::trend::{Series, Trend};
use adal_core::aggregate;
use adal_core::export::{self, FigureRow};
use adal_core::format;
use adal_core::series::{Point, Step, trends};
use leptos::prelude::*;

use super::{TableData, current_filter, scale, value_cell};
use crate::components::chart::{ChartFigure, ChartView};
use crate::components::map::{metric_label, region_name};
use crate::contexts::map_state::use_map_state;
use crate::contexts::view_state::use_view_state;
use crate::i18n::{t, t_string, use_i18n};

fn series(points: &[Point], name: String) -> Series {
    Series {
        name,
        values: points.iter().map(|p| p.value).collect(),
        intervals: points.iter().map(|p| p.interval).collect(),
    }
}

/// The trend of the units `codes`.
#[component]
pub fn TrendChart(
    /// The units, one line each.
    #[prop(into)]
    codes: Signal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_map_state();
    let lang = use_view_state().lang;
    let view = Memo::new(move |_| {
        let filter = current_filter(&state);
        let (m, min_visits) = state.view.with(|(v, _)| (v.metric, v.min_visits));
        let codes = codes.get();
        let l = lang.get();
        let d = state
            .loaded
            .with_value(|ld| trends(&ld.dataset, m, &filter, &codes, min_visits));
        let names: Vec<String> = codes.iter().map(|c| region_name(&state, c, l)).collect();
        let national = t_string!(i18n, whole_country).to_string();
        let step = match d.step {
            Step::Quarter => t_string!(i18n, by_quarter).to_string(),
            Step::Year => t_string!(i18n, by_year).to_string(),
            Step::Month => t_string!(i18n, by_month).to_string(),
        };
        let title = format!("{}, {step}", metric_label(&state, m, l));
        let steps: Vec<String> = d.periods.iter().map(|p| format::step(*p, l)).collect();
        let ends = |points: &[Point]| {
            let values: Vec<f64> = points.iter().filter_map(|p| p.value).collect();
            match (values.first(), values.last()) {
                (Some(a), Some(b)) => format!(
                    "{} → {}",
                    format::metric_value(m, *a, l),
                    format::metric_value(m, *b, l)
                ),
                _ => t_string!(i18n, legend_no_data).to_string(),
            }
        };
        let mut parts: Vec<String> = d
            .units
            .iter()
            .zip(&names)
            .map(|(points, name)| format!("{name} {}", ends(points)))
            .collect();
        if !d.national.is_empty() {
            parts.push(format!("{national} {}", ends(&d.national)));
        }
        let description = t_string!(
            i18n,
            trend_summary,
            title = title.clone(),
            period = format::period(filter.period, l),
            series = parts.join("; ")
        )
        .to_string();
        let mut head = vec![t_string!(i18n, table_period).to_string()];
        head.extend(names.iter().cloned());
        if !d.national.is_empty() {
            head.push(national.clone());
        }
        let cell = |p: &Point| value_cell(m, p.value, p.interval, p.n, l);
        let rows = steps
            .iter()
            .enumerate()
            .map(|(k, label)| {
                let mut row = vec![label.clone()];
                row.extend(d.units.iter().map(|s| cell(&s[k])));
                row.extend(d.national.get(k).map(cell));
                row
            })
            .collect();
        let mut figures: Vec<FigureRow> = Vec::new();
        for ((points, code), name) in d.units.iter().zip(codes.iter()).zip(&names) {
            figures.extend(
                points
                    .iter()
                    .map(|p| export::point_row(m, code, name.clone(), None, p, min_visits)),
            );
        }
        figures.extend(
            d.national
                .iter()
                .map(|p| export::point_row(m, "KZ", national.clone(), None, p, min_visits)),
        );
        let input = ChartInput::Trend(Trend {
            title: title.clone(),
            steps,
            units: d
                .units
                .iter()
                .zip(names)
                .map(|(points, name)| series(points, name))
                .collect(),
            national: (!d.national.is_empty()).then(|| series(&d.national, national)),
            band: t_string!(i18n, chart_band).to_string(),
            scale: scale(m),
        });
        let step_note = if d.coarse_data {
            Some(t_string!(i18n, coarse_note, step = step.clone()).to_string())
        } else {
            (d.step == Step::Quarter && m.from_visits())
                .then(|| t_string!(i18n, quarterly_note, n = min_visits).to_string())
        };
        // What the key figures' change compares, against what the line shows, so that a "+0.9" beside a
        // falling line is explained.
        let basis = state
            .loaded
            .with_value(|ld| aggregate::comparison_period(&ld.dataset, filter.period));
        let basis_note = basis.map(|previous| {
            t_string!(
                i18n,
                trend_basis_note,
                period = format::period(filter.period, l),
                previous = format::period(previous, l),
                step = step.clone()
            )
            .to_string()
        });
        let note = match (step_note, basis_note) {
            (Some(a), Some(b)) => Some(format!("{a} {b}")),
            (a, b) => a.or(b),
        };
        ChartView {
            input,
            description,
            note,
            clickable: None,
            table: TableData {
                caption: title,
                head,
                rows,
                figures,
                file: export::file_name(m, filter.period, "trend"),
            },
        }
    });
    view! {
        <ChartFigure name="trend" view>
            <p class="note">{t!(i18n, trend_band_note)}</p>
        </ChartFigure>
    }
}
