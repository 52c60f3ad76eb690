//! The overview: the national picture for the last twelve months of data, and where to report corruption.
//! While the bundle loads it shows progress; when loading fails it says why and offers a retry.

use leptos::prelude::*;

use crate::components::figures::key_figures::KeyFiguresSection;
use crate::components::footer::site_footer::SiteFooter;
use crate::components::header::site_header::SiteHeader;
use crate::components::report::report_panel::ReportPanel;
use crate::components::status::dataset_notice::DatasetNotice;
use crate::components::status::load_error::LoadErrorView;
use crate::components::status::loading_status::LoadingStatus;
use crate::contexts::dataset::use_dataset;
use crate::i18n::{t, use_i18n};

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
                Some(Ok(loaded)) => {
                    view! {
                        <DatasetNotice loaded=loaded.clone() />
                        <KeyFiguresSection loaded=loaded.clone() />
                        <ReportPanel loaded />
                    }
                        .into_any()
                }
            }}
        </main>
        <SiteFooter loaded=Signal::derive(loaded) />
    }
}
