//! The loading indicator: a polite live region, with a progress bar for each file over 100 KB (a few
//! seconds on a slow phone connection).

use adal_core::format;
use leptos::prelude::*;

use crate::contexts::dataset::use_dataset;
use crate::contexts::view_state::use_view_state;
use crate::i18n::{Locale, t, t_string, use_i18n};
use leptos_i18n::I18nContext;

const LARGE: u64 = 100_000;

/// A file's size as a reader says it: whole kilobytes below a megabyte, megabytes to one decimal above.
fn size(i18n: I18nContext<Locale>, bytes: u64, lang: adal_core::labels::Lang) -> String {
    if bytes < 1_000_000 {
        let n = format::number((bytes / 1_000) as f64, 0, lang);
        t_string!(i18n, size_kb, n = n).to_string()
    } else {
        let n = format::number(bytes as f64 / 1_000_000.0, 1, lang);
        t_string!(i18n, size_mb, n = n).to_string()
    }
}

/// A progress bar for each file over [`LARGE`] being fetched (`file` alone, where given).
#[component]
pub fn ProgressBars(#[prop(optional)] file: Option<&'static str>) -> impl IntoView {
    let i18n = use_i18n();
    let data = use_dataset();
    let lang = use_view_state().lang;
    move || {
        data.progress
            .get()
            .into_iter()
            .filter(|p| p.total.unwrap_or(p.received) > LARGE)
            .filter(|p| file.is_none_or(|f| p.file == f))
            .map(|p| {
                let total = p.total.unwrap_or(p.received);
                let label = t_string!(
                    i18n,
                    loading_file,
                    file = p.file.clone(),
                    done = size(i18n, p.received, lang.get()),
                    total = size(i18n, total, lang.get())
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
    }
}

/// The indicator.
#[component]
pub fn LoadingStatus() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            <p>{t!(i18n, loading)}</p>
            <ProgressBars />
        </div>
    }
}
