//! The overview: the map of the units with its controls, the national key figures, what came of the
//! country's reports, the ranking and where to report corruption.

use crate::components::status::detail_gate::{DetailGate, filtered};
use std::sync::Arc;

use leptos::prelude::*;

use crate::components::figures::key_figures::KeyFiguresSection;
use crate::components::figures::outcome_funnel::OutcomeFunnel;
use crate::components::later::Later;
use crate::components::map::map_section::MapSection;
use crate::components::reporting::reporting_panel::ReportingPanel;
use crate::components::reporting::rights_guide::RightsGuide;
use crate::components::trends::ranking_chart::RankingChart;
use crate::contexts::dataset::Loaded;
use crate::contexts::map_state::use_map_state;

/// The overview page (inside the shell, [`crate::shell::AppShell`]).
#[component]
pub fn OverviewPage(loaded: Arc<Loaded>) -> impl IntoView {
    let national_period = loaded.dataset.default_period();
    let national = loaded.clone();
    let outcomes = loaded.clone();
    // The country's reports of the map's period.
    let state = use_map_state();
    let period = Signal::derive(move || state.view.with(|(v, _)| v.period));
    view! {
        <MapSection />
        // Hydrated in tasks of their own, after the map (see `Later`).
        <Later>
            <KeyFiguresSection loaded=national period=national_period />
        </Later>
        <Later>
            <OutcomeFunnel loaded=outcomes code=None period />
        </Later>
        <Later>
            <section class="ranking-section">
                // The map above gives the status of the cells by service and channel.
                <DetailGate needed=filtered() quiet=true>
                    <RankingChart />
                </DetailGate>
            </section>
            <div class="report-area">
                <ReportingPanel loaded=loaded />
                <RightsGuide />
            </div>
        </Later>
    }
}
