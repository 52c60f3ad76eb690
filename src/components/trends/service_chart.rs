//! One unit's visit metric by service, with the sample of each bar. For a complaint metric, which has no
//! services, the service quality index is shown.

use adal_charts::ChartInput;
use adal_charts::services::{Row, Services};
use adal_core::aggregate::{Filter, MetricId};
use adal_core::export;
use adal_core::format;
use adal_core::series::{by_service, unit_point};
use leptos::prelude::*;

use super::{TableData, current_filter, scale, value_cell};
use crate::components::chart::{ChartFigure, ChartView};
use crate::components::map::{metric_label, region_name, term_label};
use crate::contexts::map_state::use_map_state;
use crate::contexts::view_state::use_view_state;
use crate::i18n::{t_string, use_i18n};

/// The breakdown for the unit `code`.
#[component]
pub fn ServiceChart(
    /// The unit.
    code: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_map_state();
    let lang = use_view_state().lang;
    let view = Memo::new(move |_| {
        let filter = current_filter(&state);
        let (m, min_visits) = state.view.with(|(v, _)| (v.metric, v.min_visits));
        let m = if m.from_visits() {
            m
        } else {
            MetricId::QualityIndex
        };
        let l = lang.get();
        let all_services = Filter {
            service: None,
            ..filter.clone()
        };
        let (bars, withheld) = state.loaded.with_value(|ld| {
            let bars = by_service(&ld.dataset, m, &filter, &code);
            // The unit's visits of the period whose service was generalised: in the unit's figure,
            // in no bar.
            let unit = unit_point(&ld.dataset, m, &all_services, &code).n;
            let split: u64 = bars.iter().map(|(_, p)| p.n).sum();
            (bars, unit.saturating_sub(split))
        });
        let service_name = |id: &str| term_label(&state, |m| &m.services, id, l);
        let title = t_string!(
            i18n,
            services_title,
            metric = metric_label(&state, m, l),
            region = region_name(&state, &code, l)
        )
        .to_string();
        let description = t_string!(
            i18n,
            services_summary,
            title = title.clone(),
            period = format::period(filter.period, l),
            n = min_visits
        )
        .to_string();
        let rows = bars
            .iter()
            .map(|(id, p)| vec![service_name(id), value_cell(m, p.value, p.interval, p.n, l)])
            .collect();
        let unit_name = region_name(&state, &code, l);
        let figures = bars
            .iter()
            .map(|(id, p)| {
                export::point_row(m, &code, unit_name.clone(), Some(id.clone()), p, min_visits)
            })
            .collect();
        let input = ChartInput::Services(Services {
            title: title.clone(),
            rows: bars
                .iter()
                .map(|(id, p)| Row {
                    label: format!("{} · n = {}", service_name(id), format::integer(p.n, l)),
                    value: p.value,
                    low_sample: p.n < min_visits,
                })
                .collect(),
            scale: scale(m),
        });
        let head = vec![
            t_string!(i18n, service_label).to_string(),
            t_string!(i18n, table_value).to_string(),
        ];
        ChartView {
            input,
            description,
            note: (withheld > 0).then(|| {
                t_string!(
                    i18n,
                    service_unpublished_note,
                    n = format::integer(withheld, l)
                )
                .to_string()
            }),
            clickable: None,
            table: TableData {
                caption: title,
                head,
                rows,
                figures,
                file: export::file_name(m, filter.period, "by-service"),
            },
        }
    });
    view! { <ChartFigure name="services" view tall=true /> }
}
