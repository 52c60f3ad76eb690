//! One unit's complaints by category, quarter by quarter, with the complaints in cells too small to
//! publish stacked last.

use adal_charts::ChartInput;
use adal_charts::complaints::Complaints;
use adal_core::aggregate::MetricId;
use adal_core::export::{self, FigureRow, Flag};
use adal_core::format;
use adal_core::period::Period;
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
        let d = state
            .loaded
            .with_value(|ld| complaints_by_category(&ld.dataset, &code, period));
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
        // A row per step and category, and one per step for the complaints whose category is withheld.
        let unit_name = region_name(&state, &code, l);
        let count_row = |period: Period, group: &str, count: Option<u64>, flag: Flag| FigureRow {
            metric: MetricId::Complaints,
            period,
            unit: code.clone(),
            unit_name: unit_name.clone(),
            group: Some(group.to_owned()),
            value: count.map(|n| n as f64),
            interval: None,
            n: count,
            rank: None,
            rank_interval: None,
            flag: if count.is_none() {
                Flag::Suppressed
            } else {
                flag
            },
        };
        let mut figures = Vec::new();
        for (q, p) in d.periods.iter().enumerate() {
            for (id, counts) in &d.categories {
                figures.push(count_row(*p, id, Some(counts[q]), Flag::None));
            }
            figures.push(count_row(*p, "", d.withheld[q], Flag::CategoryWithheld));
        }
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
