//! The views of a loaded dataset: the map, the comparison, and the data and method. A unit's page is
//! reached from the map, the ranking, the table or the scatter.

use adal_core::view::ViewKind;
use leptos::prelude::*;

use crate::components::chart::share_dialog::ShareButton;
use crate::contexts::map_state::use_map_state;
use crate::i18n::{t, t_string, use_i18n};

/// The navigation.
#[component]
pub fn ViewNav() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_map_state();
    let item = move |target: ViewKind, label: AnyView| {
        let href = move || {
            state.link(|v| {
                v.kind = target;
                v.region = None;
            })
        };
        let current = move || {
            let k = state.view.with(|(v, _)| v.kind);
            (k == target || (target == ViewKind::Overview && k == ViewKind::Region))
                .then_some("page")
        };
        view! {
            <li>
                <a href=href aria-current=current data-view=target.id()>
                    {label}
                </a>
            </li>
        }
    };
    view! {
        <nav class="view-nav" aria-label=move || t_string!(i18n, nav_label).to_string()>
            <ul>
                {item(ViewKind::Overview, t!(i18n, nav_map).into_any())}
                {item(ViewKind::Compare, t!(i18n, nav_compare).into_any())}
                {item(ViewKind::Data, t!(i18n, nav_data).into_any())}
            </ul>
            <ShareButton />
        </nav>
    }
}
