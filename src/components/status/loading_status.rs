//! The loading indicator: a polite live region, with a progress bar for each file over 1 MB.

use adal_core::format;
use leptos::prelude::*;

use crate::contexts::dataset::use_dataset;
use crate::contexts::view_state::use_view_state;
use crate::i18n::{t, t_string, use_i18n};

const LARGE: u64 = 1_000_000;

fn megabytes(bytes: u64, lang: adal_core::labels::Lang) -> String {
    format!("{} MB", format::number(bytes as f64 / 1_000_000.0, 1, lang))
}

/// The indicator.
#[component]
pub fn LoadingStatus() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_dataset();
    let lang = use_view_state().lang;
    let bars = move || {
        data.progress
            .get()
            .into_iter()
            .filter(|p| p.total.unwrap_or(p.received) > LARGE)
            .map(|p| {
                let total = p.total.unwrap_or(p.received);
                let label = t_string!(
                    i18n,
                    loading_file,
                    file = p.file.clone(),
                    done = megabytes(p.received, lang.get()),
                    total = megabytes(total, lang.get())
                )
                .to_string();
                view! {
                    <label class="progress-line">
                        <span>{label}</span>
                        <progress max=total.to_string() value=p.received.to_string()></progress>
                    </label>
                }
            })
            .collect_view()
    };
    view! {
        <div class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            <p>{t!(i18n, loading)}</p>
            {bars}
        </div>
    }
}
