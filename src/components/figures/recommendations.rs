//! The recommendations given to the service providers after the audits (issue 21), of a unit or of the
//! country: how many were given in the page's period, how many of them reached each state, and the share
//! implemented with its 95 % interval and n ([`adal_core::aggregate::recommendations`]), from
//! `outcomes.json`'s `findings`. Shown in the section of what came of the reports; a bundle without
//! findings says that none are published, never zero.

use std::sync::Arc;

use adal_core::aggregate::recommendations;
use adal_core::format;
use adal_core::period::Period;
use leptos::either::Either;
use leptos::prelude::*;

use super::funnel_parts::{ShareOf, download_section, funnel_drawing, share_text, unit_of};
use crate::components::chart::export::{DownloadButtons, csv_headings, csv_source, source_line};
use crate::contexts::dataset::Loaded;
use crate::contexts::view_state::use_view_state;
use crate::i18n::{t, t_string, use_i18n};

/// The figures and the table by state, once `outcomes.json` is there.
#[component]
pub fn RecommendationFigures(
    loaded: Arc<Loaded>,
    code: Option<String>,
    period: Signal<Period>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_view_state().lang;
    move || {
        let d = &loaded.dataset;
        let l = lang.get();
        let findings = d.outcomes()?.findings.as_ref()?;
        let p = period.get();
        let r = recommendations(d, findings, p, code.as_deref());
        let given = view! {
            <div data-finding="given">
                <dt>{t!(i18n, findings_given)}</dt>
                <dd class="figure-value">{format::integer(r.given, l)}</dd>
            </div>
        };
        let withheld = (r.withheld > 0).then(|| {
            let n = format::integer(r.withheld, l);
            view! { <p class="note">{t_string!(i18n, findings_withheld, n = n).to_string()}</p> }
        });
        // None of the period's recommendations has a published state: how many were given and why,
        // and no table of zeros that would read as states.
        if r.known == 0 {
            return Some(Either::Left(view! {
                <dl class="funnel findings">{given}</dl>
                <p class="note" data-no-state="">{t!(i18n, findings_none_known)}</p>
                {withheld}
            }));
        }
        let (implemented, implemented_of) =
            share_text(i18n, ShareOf::Recommendations, r.implemented, r.bounds(), l);
        // `by_state` follows the manifest's states, one for one.
        let states: Vec<(&str, String, u64)> = d
            .manifest
            .finding_states
            .iter()
            .zip(&r.by_state)
            .map(|(t, (_, n))| (t.id.as_str(), t.label.get(l).to_owned(), *n))
            .collect();
        let rows = states
            .iter()
            .map(|(id, label, n)| {
                view! {
                    <tr data-state=id.to_string()>
                        <th scope="row">{label.clone()}</th>
                        <td>{format::integer(*n, l)}</td>
                    </tr>
                }
            })
            .collect_view();
        let withheld_row = (r.withheld > 0).then(|| {
            view! {
                <tr data-withheld="">
                    <th scope="row">{t!(i18n, outcomes_withheld_row)}</th>
                    <td>{format::integer(r.withheld, l)}</td>
                </tr>
            }
        });
        let mut bars: Vec<(String, u64, &'static str)> = vec![(
            t_string!(i18n, findings_given).to_string(),
            r.given,
            "received",
        )];
        bars.extend(states.into_iter().map(|(_, label, n)| (label, n, "stage")));
        if r.withheld > 0 {
            bars.push((
                t_string!(i18n, outcomes_withheld_row).to_string(),
                r.withheld,
                "withheld",
            ));
        }
        let drawing = funnel_drawing(&bars, r.given, l);
        let caption = format!(
            "{} · {}",
            t_string!(i18n, findings_heading),
            t_string!(i18n, findings_period, period = format::period(p, l))
        );
        let (unit_code, unit_name) = unit_of(i18n, &d.manifest, code.as_deref(), l);
        let file = adal_core::export::file_name_of("recommendations", p, &unit_code);
        let node = NodeRef::<leptos::html::Div>::new();
        let (loaded, counted) = (loaded.clone(), r.clone());
        let on_download = Callback::new(move |format| {
            let m = &loaded.dataset.manifest;
            let source = source_line(i18n, l, m);
            let records = adal_core::export::recommendation_records(
                &csv_source(m),
                &csv_headings(i18n),
                p,
                (&unit_code, &unit_name),
                &counted,
            );
            let drawing = node.get_untracked().map(web_sys::Element::from);
            download_section(format, drawing, &caption, &source, records, &file);
        });
        Some(Either::Right(view! {
            <dl class="funnel findings">
                {given}
                <div data-finding="implemented">
                    <dt>{t!(i18n, findings_implemented)}</dt>
                    <dd class="figure-value">{implemented}</dd>
                    <dd class="figure-interval">{implemented_of}</dd>
                </div>
            </dl>
            <div class="funnel-drawing" node_ref=node>{drawing}</div>
            <details class="chart-data funnel-data">
                <summary>{t!(i18n, chart_show_data)}</summary>
                <table class="figure-table finding-states">
                    <caption>{t!(i18n, findings_state_table)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, findings_state_column)}</th>
                            <th scope="col">{t!(i18n, findings_count)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows} {withheld_row}</tbody>
                </table>
            </details>
            {withheld}
            <p class="note">{t!(i18n, findings_lag)}</p>
            <DownloadButtons name="recommendations" on_download on_embed=None />
        }))
    }
}
