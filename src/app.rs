//! The root component: the router that owns the query string, the i18n context, the view state and the
//! dataset, and the one page of this version.

use leptos::prelude::*;
use leptos_router::components::Router;

use crate::contexts::{dataset::provide_dataset, view_state::provide_view_state};
use crate::i18n::I18nContextProvider;
use crate::pages::overview_page::OverviewPage;

/// The app.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <I18nContextProvider>
            <Router>
                <Root />
            </Router>
        </I18nContextProvider>
    }
}

/// Inside the router, so that the contexts can read the query string.
#[component]
fn Root() -> impl IntoView {
    provide_view_state();
    provide_dataset();
    view! { <OverviewPage /> }
}
