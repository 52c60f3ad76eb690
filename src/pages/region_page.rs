//! A unit's own page, opened from the map, the table, the ranking or the scatter (`region=` in the URL):
//! its name and population, its key figures, the trend of the chosen metric against the country, the
//! breakdown by service, its complaints by category, its place in the ranking, and how to report
//! corruption. A link (and Escape) returns to the map with the same metric and period, focus on the unit.

use crate::components::status::detail_gate::{DetailGate, filtered};
use std::sync::Arc;

use adal_core::format;
use adal_core::view::{MAX_COMPARE, ViewKind};
use leptos::prelude::*;

use crate::components::figures::key_figures::KeyFiguresSection;
use crate::components::figures::outcome_funnel::OutcomeFunnel;
use crate::components::later::Later;
use crate::components::map::period_picker::PeriodPicker;
use crate::components::reporting::reporting_panel::ReportingPanel;
use crate::components::reporting::rights_guide::RightsGuide;
use crate::components::trends::complaint_chart::ComplaintChart;
use crate::components::trends::metric_picker::MetricPicker;
use crate::components::trends::ranking_chart::RankingChart;
use crate::components::trends::service_chart::ServiceChart;
use crate::components::trends::trend_chart::TrendChart;
use crate::contexts::dataset::Loaded;
use crate::contexts::location::focus_selector;
use crate::contexts::map_state::{MapState, use_map_state};
use crate::contexts::view_state::use_view_state;
use crate::i18n::{t, t_string, use_i18n};

/// Goes back to the map and puts focus on `code`'s unit once it is drawn.
pub fn back_to_map(state: MapState, code: String) {
    state.update(|v| {
        v.kind = ViewKind::Overview;
        v.region = None;
    });
    request_animation_frame(move || focus_selector(&format!("[data-region=\"{code}\"]")));
}

/// The page.
#[component]
pub fn RegionPage(loaded: Arc<Loaded>, code: String) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_map_state();
    let lang = use_view_state().lang;
    let entry = loaded
        .dataset
        .manifest
        .regions
        .iter()
        .find(|r| r.code == code)
        .cloned();
    let name = entry.as_ref().map(|r| r.name.clone());
    let population = entry.as_ref().map(|r| r.population.clone());
    let period = Signal::derive(move || state.view.with(|(v, _)| v.period));
    let back = state.link(|v| {
        v.kind = ViewKind::Overview;
        v.region = None;
    });
    // Escape leads back to the map; the heading takes the focus (in the browser only).
    #[cfg(feature = "hydrate")]
    {
        let code_for_escape = code.clone();
        let handle = window_event_listener(leptos::ev::keydown, move |ev| {
            if ev.key() == "Escape" {
                back_to_map(state, code_for_escape.clone());
            }
        });
        on_cleanup(move || handle.remove());
        request_animation_frame(|| focus_selector("#region-heading"));
    }
    let code_for_link = code.clone();
    let code_for_compare = code.clone();
    let compare_link = move || {
        let code = code_for_compare.clone();
        state.link(move |v| {
            if !v.compare.contains(&code) {
                if v.compare.len() == MAX_COMPARE {
                    v.compare.pop();
                }
                v.compare.push(code);
            }
            v.kind = ViewKind::Compare;
            v.region = None;
        })
    };
    let population_text = move || {
        population.as_ref().map(|p| {
            t_string!(
                i18n,
                population_note,
                population = format::integer(p.value, lang.get()),
                date = format::date(&p.reference_date, lang.get())
            )
            .to_string()
        })
    };
    let code_for_warning = code.clone();
    let thin = move || {
        let min = state.view.with(|(v, _)| v.min_visits);
        let p = period.get();
        let visits = state.loaded.with_value(|l| {
            adal_core::figures::key_figures(&l.dataset, p, Some(&code_for_warning)).visits
        });
        (visits < min).then(|| {
            t_string!(
                i18n,
                region_low_sample,
                n = format::integer(visits, lang.get()),
                min = min
            )
            .to_string()
        })
    };
    let codes = Signal::derive({
        let code = code.clone();
        move || vec![code.clone()]
    });
    // The unit's place in the ranking of the metric shown, with its 95 % rank interval.
    let code_for_rank = code.clone();
    let rank = move || {
        let metric = state.view.with(|(v, _)| v.metric);
        let figures = state.figures.get();
        let figure = figures.regions.iter().find(|r| r.code == code_for_rank)?;
        let words = crate::components::map::rank_words(i18n, figure)?;
        let label = crate::components::map::metric_label(&state, metric, lang.get());
        Some(format!("{label}: {words}"))
    };
    let figures = {
        let (loaded, code) = (loaded.clone(), code.clone());
        move || {
            let p = period.get();
            view! { <KeyFiguresSection loaded=loaded.clone() period=p region=code.clone() /> }
        }
    };
    let (service_code, complaint_code, ranking_code) = (code.clone(), code.clone(), code.clone());
    let report_loaded = loaded.clone();
    let (outcome_loaded, outcome_code) = (loaded.clone(), Some(code.clone()));
    let data = crate::contexts::dataset::use_dataset();
    let lacks_detail = Signal::derive(move || {
        data.detail.track();
        data.state.with(|s| {
            matches!(s, Some(Ok(l)) if l.dataset.lacks_any(&adal_core::contract::files::DETAIL))
        })
    });
    view! {
        <article class="region-page" data-region-page=code.clone()>
            <p>
                <a
                    href=back
                    class="back-link"
                    on:click=move |ev| {
                        ev.prevent_default();
                        back_to_map(state, code_for_link.clone());
                    }
                >
                    {t!(i18n, back_to_map)}
                </a>
            </p>
            <h2 id="region-heading" tabindex="-1">
                {move || name.as_ref().map(|n| n.get(lang.get()).to_owned()).unwrap_or_default()}
            </h2>
            <p class="region-facts">{population_text}</p>
            <p>
                <a class="control-button" href=compare_link>
                    {t!(i18n, add_to_compare)}
                </a>
            </p>
            {move || thin().map(|text| view! { <p class="notice" role="status">{text}</p> })}
            // The period of the figures, the ranking and the unit's charts.
            <div class="chart-controls region-period">
                <PeriodPicker id="region" />
            </div>
            // Hydrated in tasks of their own, after the heading (see `Later`).
            <Later>
                {figures}
            </Later>
            <Later>
                <div class="chart-controls">
                    <MetricPicker id="region-metric" />
                </div>
                <p class="region-rank">{rank}</p>
                // Printed only: the page on paper says how its figures were made, in two lines.
                <p class="print-only">{t!(i18n, print_method)}</p>
                // Filtered, it gives the page's status: for both files, as the services' gate does.
                <DetailGate needed=filtered() files=&adal_core::contract::files::DETAIL>
                    <TrendChart codes />
                </DetailGate>
            </Later>
            <Later>
                // A view by service or channel: the trend above gives the status. This gate asks for
                // the complaints by category too, and gives their status.
                <DetailGate needed=true quiet=filtered() files=&adal_core::contract::files::DETAIL>
                    <ServiceChart code=service_code.clone() />
                </DetailGate>
                <DetailGate
                    needed=true
                    quiet=true
                    files=&[adal_core::contract::files::COMPLAINT_DETAIL]
                >
                    <ComplaintChart code=complaint_code.clone() />
                </DetailGate>
                // While the cells by service and channel or by category are missing too, the gates
                // above give the status of the files the page asked for together.
                <OutcomeFunnel
                    loaded=outcome_loaded
                    code=outcome_code
                    period
                    quiet=lacks_detail
                />
            </Later>
            <Later>
                <DetailGate needed=filtered() quiet=true>
                    <RankingChart selected=ranking_code.clone() />
                </DetailGate>
                <div class="report-area">
                    <ReportingPanel loaded=report_loaded />
                    <RightsGuide />
                </div>
            </Later>
        </article>
    }
}
