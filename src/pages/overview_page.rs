//! The overview: the map of the units with its controls, the national key figures and where to report
//! corruption; or, with `region=` in the URL, that unit's page. While the bundle loads it shows progress;
//! when loading fails it says why and offers a retry.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::figures::key_figures::KeyFiguresSection;
use crate::components::footer::site_footer::SiteFooter;
use crate::components::header::site_header::SiteHeader;
use crate::components::map::map_section::MapSection;
use crate::components::report::report_panel::ReportPanel;
use crate::components::status::dataset_notice::DatasetNotice;
use crate::components::status::load_error::LoadErrorView;
use crate::components::status::loading_status::LoadingStatus;
use crate::contexts::dataset::{Loaded, use_dataset};
use crate::contexts::map_state::provide_map_state;
use crate::i18n::{t, use_i18n};
use crate::pages::region_page::RegionPage;

/// The page for a loaded dataset.
#[component]
fn LoadedView(loaded: Arc<Loaded>) -> impl IntoView {
    let state = provide_map_state(loaded.clone());
    let region = Memo::new(move |_| state.view.with(|(v, _)| v.region.clone()));
    let national_period = loaded.dataset.default_period();
    view! {
        <DatasetNotice loaded=loaded.clone() />
        {move || match region.get() {
            Some(code) => view! { <RegionPage loaded=loaded.clone() code /> }.into_any(),
            None => {
                view! {
                    <MapSection />
                    <KeyFiguresSection loaded=loaded.clone() period=national_period />
                    <ReportPanel loaded=loaded.clone() />
                }
                    .into_any()
            }
        }}
    }
}

/// The overview page.
#[component]
pub fn OverviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_dataset();
    let loaded = move || data.resource.get().and_then(Result::ok);
    view! {
        <a class="skip-link" href="#main">{t!(i18n, skip_to_content)}</a>
        <SiteHeader loaded=Signal::derive(loaded) />
        <main id="main" tabindex="-1">
            {move || match data.resource.get() {
                None => view! { <LoadingStatus /> }.into_any(),
                Some(Err(error)) => view! { <LoadErrorView error /> }.into_any(),
                Some(Ok(loaded)) => view! { <LoadedView loaded /> }.into_any(),
            }}
        </main>
        <SiteFooter loaded=Signal::derive(loaded) />
    }
}
