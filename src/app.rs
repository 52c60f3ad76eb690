//! The root component: the query string ([`crate::contexts::location`]), the i18n context, the view
//! state and the dataset, and the one page of the app.

use leptos::prelude::*;

use crate::contexts::{
    dataset::provide_dataset, location::provide_location, view_state::provide_view_state,
};
use crate::i18n::I18nContextProvider;
use crate::pages::overview_page::OverviewPage;

/// The app.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <I18nContextProvider>
            <Root />
        </I18nContextProvider>
    }
}

/// Inside the i18n context, so that the view state can set the language.
#[component]
fn Root() -> impl IntoView {
    provide_location();
    provide_view_state();
    provide_dataset();
    view! { <OverviewPage /> }
}
