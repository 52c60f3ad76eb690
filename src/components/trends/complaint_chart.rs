//! One unit's complaints by category, quarter by quarter, with the complaints in cells too small to
//! publish stacked last.

use adal_charts::ChartInput;
use adal_charts::complaints::Complaints;
use adal_core::aggregate::MetricId;
use adal_core::export;
use adal_core::format;
use adal_core::series::complaints_by_category;
use leptos::prelude::*;

use super::TableData;
use crate::components::chart::{ChartFigure, ChartView};
use crate::components::map::{region_name, term_label};
use crate::contexts::map_state::use_map_state;
use crate::contexts::view_state::use_view_state;
use crate::i18n::{t, t_string, use_i18n};

/// The complaints of the unit `code`.
#[component]
pub fn ComplaintChart(
    /// The unit.
    code: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_map_state();
    let lang = use_view_state().lang;
    let view = Memo::new(move |_| {
        let period = state.view.with(|(v, _)| v.period);
        let l = lang.get();
        // Drawn inside a `DetailGate`: the cells by category are there (an empty chart otherwise).
        let d = state.loaded.with_value(|ld| {
            complaints_by_category(&ld.dataset, &code, period).unwrap_or_default()
        });
        let category_name = |id: &str| term_label(&state, |m| &m.complaint_categories, id, l);
        let title = t_string!(
            i18n,
            complaints_title,
            region = region_name(&state, &code, l)
        )
        .to_string();
        let withheld_name = t_string!(i18n, complaints_withheld).to_string();
        let steps: Vec<String> = d.periods.iter().map(|p| format::step(*p, l)).collect();
        let published: u64 = d.categories.iter().flat_map(|(_, v)| v.iter()).sum();
        let withheld: u64 = d.withheld.iter().flatten().sum();
        let description = t_string!(
            i18n,
            complaints_summary,
            title = title.clone(),
            period = format::period(period, l),
            published = format::integer(published, l),
            withheld = format::integer(withheld, l)
        )
        .to_string();
        let names: Vec<String> = d
            .categories
            .iter()
            .map(|(id, _)| category_name(id))
            .collect();
        let mut head = vec![t_string!(i18n, table_period).to_string()];
        head.extend(names.iter().cloned());
        head.push(withheld_name.clone());
        let rows = steps
            .iter()
            .enumerate()
            .map(|(q, label)| {
                let mut row = vec![label.clone()];
                row.extend(d.categories.iter().map(|(_, v)| format::integer(v[q], l)));
                row.push(d.withheld[q].map_or_else(|| "—".to_owned(), |n| format::integer(n, l)));
                row
            })
            .collect();
        let figures = export::category_rows(&code, &region_name(&state, &code, l), &d);
        let input = ChartInput::Complaints(Complaints {
            title: title.clone(),
            steps,
            categories: names
                .into_iter()
                .zip(d.categories.iter().map(|(_, v)| v.clone()))
                .collect(),
            withheld: (withheld_name, d.withheld.clone()),
        });
        ChartView {
            input,
            description,
            note: (d.uncounted > 0).then(|| {
                t_string!(
                    i18n,
                    complaints_unplaced_note,
                    n = format::integer(d.uncounted, l)
                )
                .to_string()
            }),
            clickable: None,
            table: TableData {
                caption: title,
                head,
                rows,
                figures,
                file: export::file_name(MetricId::Complaints, period, "by-category"),
            },
        }
    });
    view! {
        <ChartFigure name="complaints" view>
            <p class="note">{t!(i18n, complaints_note)}</p>
        </ChartFigure>
    }
}
