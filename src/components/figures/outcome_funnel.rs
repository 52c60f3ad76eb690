//! What came of a unit's reports (issue 21): of the complaints received in the page's period, how many
//! ended at each stage, and the share that led to a pre-trial investigation and to court, each with its
//! 95 % interval and n ([`adal_core::aggregate::funnel`]). The figures come from `outcomes.json`, which
//! a unit's page starts with; a bundle without it says that no outcome data is published, never zero.

use std::sync::Arc;

use adal_core::aggregate::{COURT, INVESTIGATION, funnel};
use adal_core::contract::files;
use adal_core::format;
use adal_core::labels::Lang;
use adal_core::period::Period;
use adal_core::stats::Estimate;
use leptos::either::Either;
use leptos::prelude::*;

use crate::components::status::detail_gate::DetailGate;
use crate::contexts::dataset::{Loaded, use_dataset};
use crate::contexts::view_state::use_view_state;
use crate::i18n::{Locale, t, t_string, use_i18n};
use leptos_i18n::I18nContext;

/// The section, for unit `code` over `period`.
#[component]
pub fn OutcomeFunnel(loaded: Arc<Loaded>, code: String, period: Signal<Period>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_view_state().lang;
    let published = loaded.dataset.has_outcome_data();
    let heading = move || {
        let p = format::period(period.get(), lang.get());
        t_string!(i18n, outcomes_period, period = p).to_string()
    };
    let unit = code.clone();
    // While the cells by service and channel or by category are missing too, the page's other gates
    // give the status of the files the page asked for together: one alert, not two.
    let data = use_dataset();
    let quiet = Signal::derive(move || {
        data.detail.track();
        data.state
            .with(|s| matches!(s, Some(Ok(l)) if l.dataset.lacks_any(&files::DETAIL)))
    });
    let body = if published {
        Either::Left(view! {
            <DetailGate needed=true quiet files=&[files::OUTCOMES]>
                <FunnelFigures loaded=loaded.clone() code=unit.clone() period />
            </DetailGate>
        })
    } else {
        Either::Right(view! { <p class="note">{t!(i18n, outcomes_none)}</p> })
    };
    view! {
        <section class="outcomes" aria-labelledby="outcomes-heading" data-outcomes=code.clone()>
            <h3 id="outcomes-heading">{t!(i18n, outcomes_heading)}</h3>
            <p class="figures-period">{heading}</p>
            {body}
        </section>
    }
}

/// A share of the reports whose outcome is published, with its interval and n; where some reports'
/// stage is withheld, the bounds the published cells allow instead (`bounds`, [`adal_core::aggregate::Funnel::bounds`]); or
/// that there is none.
fn share_text(
    i18n: I18nContext<Locale>,
    share: Option<Estimate>,
    bounds: Option<(f64, f64)>,
    lang: Lang,
) -> (String, String) {
    if let Some((low, high)) = bounds {
        return (
            format!(
                "{} – {}",
                format::percent(low, 1, lang),
                format::percent(high, 1, lang)
            ),
            t_string!(i18n, outcomes_bounds).to_string(),
        );
    }
    match share {
        Some(e) => (
            format::percent(e.value, 1, lang),
            t_string!(
                i18n,
                outcomes_of_known,
                n = format::integer(e.n, lang),
                low = format::percent(e.low, 1, lang),
                high = format::percent(e.high, 1, lang)
            )
            .to_string(),
        ),
        None => (
            "—".to_owned(),
            t_string!(i18n, outcomes_no_known).to_string(),
        ),
    }
}

/// The funnel's figures and the stages' table, once `outcomes.json` is there.
#[component]
fn FunnelFigures(loaded: Arc<Loaded>, code: String, period: Signal<Period>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_view_state().lang;
    move || {
        let d = &loaded.dataset;
        let l = lang.get();
        let outcomes = d.outcomes()?;
        let f = funnel(d, outcomes, period.get(), Some(&code));
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
                <p class="note" data-no-outcome="">{t!(i18n, outcomes_no_known)}</p>
                {(f.withheld > 0).then(|| view! {
                    <p class="note">{t_string!(i18n, outcomes_withheld, n = withheld).to_string()}</p>
                })}
            }));
        }
        let investigation = f.bounds(&[INVESTIGATION, COURT]);
        let (investigated, investigated_of) = share_text(i18n, f.investigated, investigation, l);
        let (court, court_of) = share_text(i18n, f.court, f.bounds(&[COURT]), l);
        let rows = d
            .manifest
            .outcome_stages
            .iter()
            .map(|stage| {
                let n = f
                    .by_stage
                    .iter()
                    .find(|(id, _)| *id == stage.id)
                    .map_or(0, |s| s.1);
                view! {
                    <tr data-stage=stage.id.clone()>
                        <th scope="row">{stage.label.get(l).to_owned()}</th>
                        <td>{format::integer(n, l)}</td>
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
            </dl>
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
            {withheld}
            <p class="note">{t!(i18n, outcomes_lag)}</p>
        }))
    }
}
