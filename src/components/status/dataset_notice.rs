//! A short notice when `?dataset=` named a dataset that is not on this site's allow-list.

use std::sync::Arc;

use leptos::prelude::*;

use crate::contexts::dataset::Loaded;
use crate::i18n::{t_string, use_i18n};

/// The notice, or nothing.
#[component]
pub fn DatasetNotice(loaded: Arc<Loaded>) -> impl IntoView {
    let i18n = use_i18n();
    loaded.refused.clone().map(|(requested, shown)| {
        view! {
            <p class="notice" role="status">
                {move || t_string!(i18n, dataset_notice, requested = requested.clone(), shown = shown.clone())}
            </p>
        }
    })
}
