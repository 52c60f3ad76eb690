//! The «demonstration data» banner, shown whenever the manifest says `is_demo`.

use leptos::prelude::*;

use crate::i18n::{t, use_i18n};

/// The banner.
#[component]
pub fn DemoBanner() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="demo-banner" role="note">
            {t!(i18n, demo_banner)}
        </p>
    }
}
