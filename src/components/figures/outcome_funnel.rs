//! What came of the reports (issue 21), of a unit or of the country: of the complaints received in the
//! page's period, how many ended at each stage, and the share that led to a pre-trial investigation and
//! to court, each with its 95 % interval and n ([`adal_core::aggregate::funnel`]). The figures come from
//! `outcomes.json`, which a unit's page and the overview start with; a bundle without it says that no
//! outcome data is published, never zero.

use std::sync::Arc;

use adal_core::aggregate::{COURT, INVESTIGATION, Times, funnel};
use adal_core::contract::files;
use adal_core::format;
use adal_core::labels::Lang;
use adal_core::period::Period;
use adal_core::view::EmbedKind;
use leptos::either::Either;
use leptos::prelude::*;

use super::funnel_parts::{ShareOf, download_section, funnel_drawing, share_text, unit_of};
use super::recommendations::RecommendationFigures;
use crate::components::chart::export::{DownloadButtons, csv_headings, csv_source, source_line};
use crate::components::chart::share_dialog::{embed_offer, open};
use crate::components::status::detail_gate::DetailGate;
use crate::contexts::dataset::Loaded;
use crate::contexts::view_state::use_view_state;
use crate::i18n::{Locale, t, t_string, use_i18n};
use leptos_i18n::I18nContext;

/// The section, for unit `code` (the country where `None`) over `period`.
#[component]
pub fn OutcomeFunnel(
    loaded: Arc<Loaded>,
    code: Option<String>,
    period: Signal<Period>,
    /// Whether another gate of the page gives the status of the files it asked for with
    /// `outcomes.json` (a unit's page), so that a reader meets one alert, not two.
    #[prop(optional, into)]
    quiet: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_view_state().lang;
    let published = loaded.dataset.has_outcome_data();
    let heading = move || {
        let p = format::period(period.get(), lang.get());
        t_string!(i18n, outcomes_period, period = p).to_string()
    };
    // The recommendations after the audits: the same file, so one alert where the funnel has its gate.
    let findings = if loaded.dataset.has_findings() {
        let quiet = Signal::derive(move || quiet.get() || published);
        let (loaded, unit) = (loaded.clone(), code.clone());
        Either::Left(view! {
            <DetailGate needed=true quiet files=&[files::OUTCOMES]>
                <RecommendationFigures loaded=loaded.clone() code=unit.clone() period />
            </DetailGate>
        })
    } else {
        Either::Right(view! { <p class="note" data-no-findings="">{t!(i18n, findings_none)}</p> })
    };
    let unit = code.clone();
    let body = if published {
        Either::Left(view! {
            <DetailGate needed=true quiet files=&[files::OUTCOMES]>
                <FunnelFigures loaded=loaded.clone() code=unit.clone() period />
            </DetailGate>
        })
    } else {
        Either::Right(view! { <p class="note">{t!(i18n, outcomes_none)}</p> })
    };
    let findings_code = code.clone().unwrap_or_else(|| "KZ".to_owned());
    let findings_heading = move || {
        let p = format::period(period.get(), lang.get());
        t_string!(i18n, findings_period, period = p).to_string()
    };
    view! {
        <section
            class="outcomes"
            aria-labelledby="outcomes-heading"
            data-outcomes=code.unwrap_or_else(|| "KZ".to_owned())
        >
            <h3 id="outcomes-heading">{t!(i18n, outcomes_heading)}</h3>
            <p class="figures-period">{heading}</p>
            {body}
        </section>
        // What came of the audits: the recommendations given and their state, beside the reports'.
        <section
            class="outcomes findings"
            aria-labelledby="findings-heading"
            data-findings=findings_code
        >
            <h3 id="findings-heading">{t!(i18n, findings_heading)}</h3>
            <p class="figures-period">{findings_heading}</p>
            {findings}
        </section>
    }
}

/// The words of a bin of the time to the last step ([`adal_core::contract::TIME_BINS`]).
fn bin_label(i18n: I18nContext<Locale>, bin: usize) -> String {
    match bin {
        0 => t_string!(i18n, days_0_7),
        1 => t_string!(i18n, days_8_30),
        2 => t_string!(i18n, days_31_90),
        3 => t_string!(i18n, days_91_180),
        _ => t_string!(i18n, days_181_plus),
    }
    .to_string()
}

/// The median time to the last step, and what it is of: the bin it falls in and its n, the bins it can
/// fall in where reports' times are withheld, or that no report of the period is dated.
fn time_text(i18n: I18nContext<Locale>, t: &Times, lang: Lang) -> (String, String) {
    match t.median {
        Some((low, high)) if low == high => (
            bin_label(i18n, low),
            t_string!(i18n, outcomes_time_of, n = format::integer(t.dated, lang)).to_string(),
        ),
        Some((low, high)) => (
            format!("{} – {}", bin_label(i18n, low), bin_label(i18n, high)),
            t_string!(i18n, outcomes_time_bounds).to_string(),
        ),
        None => (
            "—".to_owned(),
            t_string!(i18n, outcomes_time_none).to_string(),
        ),
    }
}

/// The funnel's figures and the stages' table, once `outcomes.json` is there.
#[component]
fn FunnelFigures(
    loaded: Arc<Loaded>,
    code: Option<String>,
    period: Signal<Period>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_view_state().lang;
    move || {
        let d = &loaded.dataset;
        let l = lang.get();
        let outcomes = d.outcomes()?;
        let p = period.get();
        let f = funnel(d, outcomes, p, code.as_deref());
        // No report of the period has a published stage: the count received and why, and no table of
        // zeros that would read as outcomes.
        if f.known + f.not_recorded == 0 {
            let withheld = format::integer(f.withheld, l);
            return Some(Either::Left(view! {
                <dl class="funnel">
                    <div data-step="received">
                        <dt>{t!(i18n, outcomes_received)}</dt>
                        <dd class="figure-value">{format::integer(f.received, l)}</dd>
                    </div>
                </dl>
                <p class="note" data-no-outcome="">{t!(i18n, outcomes_none_known)}</p>
                {(f.withheld > 0).then(|| view! {
                    <p class="note">{t_string!(i18n, outcomes_withheld, n = withheld).to_string()}</p>
                })}
            }));
        }
        let investigation = f.bounds(&[INVESTIGATION, COURT]);
        let (investigated, investigated_of) =
            share_text(i18n, ShareOf::Reports, f.investigated, investigation, l);
        let (court, court_of) = share_text(i18n, ShareOf::Reports, f.court, f.bounds(&[COURT]), l);
        // `by_stage` follows the manifest's stages, one for one.
        let stages: Vec<(&str, String, u64)> = d
            .manifest
            .outcome_stages
            .iter()
            .zip(&f.by_stage)
            .map(|(t, (_, n))| (t.id.as_str(), t.label.get(l).to_owned(), *n))
            .collect();
        let rows = stages
            .iter()
            .map(|(id, label, n)| {
                view! {
                    <tr data-stage=id.to_string()>
                        <th scope="row">{label.clone()}</th>
                        <td>{format::integer(*n, l)}</td>
                    </tr>
                }
            })
            .collect_view();
        let withheld = (f.withheld > 0).then(|| {
            let n = format::integer(f.withheld, l);
            view! { <p class="note">{t_string!(i18n, outcomes_withheld, n = n).to_string()}</p> }
        });
        // The reports whose stage is withheld, as a row of their own: beside them a stage's 0 reads as
        // "none published", not "none".
        let withheld_row = (f.withheld > 0).then(|| {
            view! {
                <tr data-withheld="">
                    <th scope="row">{t!(i18n, outcomes_withheld_row)}</th>
                    <td>{format::integer(f.withheld, l)}</td>
                </tr>
            }
        });
        // How long the handling took, where the bundle dates the last steps: the median's bin, and the
        // reports by bin in a table beside the stages'.
        let time = f.times.as_ref().map(|t| time_text(i18n, t, l));
        let time_table = f.times.as_ref().map(|t| {
            let rows = t
                .by_bin
                .iter()
                .enumerate()
                .map(|(bin, n)| {
                    view! {
                        <tr data-days=adal_core::contract::TIME_BINS[bin].0>
                            <th scope="row">{bin_label(i18n, bin)}</th>
                            <td>{format::integer(*n, l)}</td>
                        </tr>
                    }
                })
                .collect_view();
            let not_dated = view! {
                <tr data-days=adal_core::contract::NOT_DATED>
                    <th scope="row">{t!(i18n, outcomes_time_not_dated)}</th>
                    <td>{format::integer(t.not_dated, l)}</td>
                </tr>
            };
            let withheld = (t.withheld > 0).then(|| {
                view! {
                    <tr data-withheld="">
                        <th scope="row">{t!(i18n, outcomes_withheld_row)}</th>
                        <td>{format::integer(t.withheld, l)}</td>
                    </tr>
                }
            });
            view! {
                <table class="figure-table outcome-times">
                    <caption>{t!(i18n, outcomes_time_table)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, outcomes_time_column)}</th>
                            <th scope="col">{t!(i18n, outcomes_count)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows} {not_dated} {withheld}</tbody>
                </table>
            }
        });
        // The drawing: a bar per step, as long as its share of the reports received.
        let mut bars: Vec<(String, u64, &'static str)> = vec![(
            t_string!(i18n, outcomes_received).to_string(),
            f.received,
            "received",
        )];
        bars.extend(stages.into_iter().map(|(_, label, n)| (label, n, "stage")));
        if f.withheld > 0 {
            bars.push((
                t_string!(i18n, outcomes_withheld_row).to_string(),
                f.withheld,
                "withheld",
            ));
        }
        let drawing = funnel_drawing(&bars, f.received, l);
        let table_caption = format!(
            "{} · {}",
            t_string!(i18n, outcomes_heading),
            t_string!(i18n, outcomes_period, period = format::period(p, l))
        );
        let (unit_code, unit_name) = unit_of(i18n, &d.manifest, code.as_deref(), l);
        let file = adal_core::export::file_name_of("complaint_outcomes", p, &unit_code);
        let node = NodeRef::<leptos::html::Div>::new();
        // The words and records of a download, made when one is asked for.
        let (loaded, funnel) = (loaded.clone(), f.clone());
        let on_download = Callback::new(move |format| {
            let m = &loaded.dataset.manifest;
            let source = source_line(i18n, l, m);
            let records = adal_core::export::outcome_records(
                &csv_source(m),
                &csv_headings(i18n),
                p,
                (&unit_code, &unit_name),
                &funnel,
            );
            let drawing = node.get_untracked().map(web_sys::Element::from);
            download_section(format, drawing, &table_caption, &source, records, &file);
        });
        let embedded = use_view_state().embedded.get_untracked();
        let embed_title = format!("{} · Adal Atlas", t_string!(i18n, outcomes_heading));
        let on_embed = (!embedded).then(|| {
            Callback::new(move |()| {
                let search = use_view_state().search.get_untracked();
                open(embed_offer(
                    &search,
                    EmbedKind::Outcomes,
                    embed_title.clone(),
                ));
            })
        });
        Some(Either::Right(view! {
            <dl class="funnel">
                <div data-step="received">
                    <dt>{t!(i18n, outcomes_received)}</dt>
                    <dd class="figure-value">{format::integer(f.received, l)}</dd>
                </div>
                <div data-step="investigation">
                    <dt>{t!(i18n, outcomes_investigated)}</dt>
                    <dd class="figure-value">{investigated}</dd>
                    <dd class="figure-interval">{investigated_of}</dd>
                </div>
                <div data-step="court">
                    <dt>{t!(i18n, outcomes_court)}</dt>
                    <dd class="figure-value">{court}</dd>
                    <dd class="figure-interval">{court_of}</dd>
                </div>
                {time.map(|(value, of)| view! {
                    <div data-step="time">
                        <dt>{t!(i18n, outcomes_time)}</dt>
                        <dd class="figure-value">{value}</dd>
                        <dd class="figure-interval">{of}</dd>
                    </div>
                })}
            </dl>
            <div class="funnel-drawing" node_ref=node>{drawing}</div>
            // The drawing's figures, for a screen reader and a reader who wants them, as a chart's are.
            <details class="chart-data funnel-data">
                <summary>{t!(i18n, chart_show_data)}</summary>
                <table class="figure-table outcome-stages">
                    <caption>{t!(i18n, outcomes_stage)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, outcomes_stage_column)}</th>
                            <th scope="col">{t!(i18n, outcomes_count)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows} {withheld_row}</tbody>
                </table>
                {time_table}
            </details>
            {withheld}
            <p class="note">{t!(i18n, outcomes_lag)}</p>
            <DownloadButtons name="outcomes" on_download on_embed />
        }))
    }
}
