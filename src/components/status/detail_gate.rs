//! What stands in for a view that breaks its figures down by service or channel, or shows the
//! complaints by category, while the bundle's detail (`audits-detail.json`, `complaints-detail.json`) is
//! fetched: the first view reads each unit's totals only, and this part of the bundle comes when a view
//! needs it — with a polite status and the file's progress, or why it could not be had and a retry. The
//! view is drawn once the cells are in, never from the totals (which cannot tell one service from
//! another).

use leptos::prelude::*;

use super::load_error::error_message;
use super::loading_status::ProgressBars;
use crate::contexts::dataset::{DetailLoad, use_dataset};
use crate::i18n::{t, use_i18n};

/// `children` where `needed` is false or the cells by service and channel are there; else their
/// status, having asked for them. Where a page has several gated parts, one gives the status (its
/// progress, or the error and the retry) and the others are `quiet`: they stay empty until the cells
/// are in, so that a reader (and a screen reader) meets one alert and one retry button, not one per part.
#[component]
pub fn DetailGate(
    /// Whether the view breaks its figures down by service or channel, or by complaint category.
    #[prop(into)]
    needed: Signal<bool>,
    /// Whether another gate on the page gives the status while this one waits.
    #[prop(optional, into)]
    quiet: Signal<bool>,
    /// The detail files the view needs: the cells by service and channel unless told.
    #[prop(optional)]
    files: Option<&'static [&'static str]>,
    children: ChildrenFn,
) -> impl IntoView {
    let i18n = use_i18n();
    let data = use_dataset();
    let files = files.unwrap_or(&[adal_core::contract::files::AUDIT_DETAIL]);
    let missing = move || {
        needed.get() && {
            data.detail.track();
            data.state
                .with(|s| matches!(s, Some(Ok(l)) if l.dataset.lacks_any(files)))
        }
    };
    Effect::new(move |_| {
        if missing() && data.detail.get() == DetailLoad::Idle {
            data.want_detail(files);
        }
    });
    // Changes of the filter that leave the answer as it was draw nothing again (the map keeps its
    // elements and focus when a service is chosen once the detail is in).
    let shown = Memo::new(move |_| !missing());
    let status = move || match data.detail.get() {
        DetailLoad::Failed(error) => view! {
            <div class="detail-status load-error" role="alert">
                <p>{error_message(i18n, error)}</p>
                <button type="button" on:click=move |_| data.want_detail(files)>
                    {t!(i18n, retry)}
                </button>
            </div>
        }
        .into_any(),
        _ => view! {
            <div class="detail-status loading" role="status" aria-live="polite">
                <span class="spinner" aria-hidden="true"></span>
                <p>{t!(i18n, loading_detail)}</p>
                <ProgressBars file=files[0] />
            </div>
        }
        .into_any(),
    };
    move || {
        if shown.get() {
            children().into_any()
        } else if quiet.get() {
            ().into_any()
        } else {
            status.into_any()
        }
    }
}

/// Whether the map's view counts only some services or channels: its figures need the cells by both.
pub fn filtered() -> Signal<bool> {
    let state = crate::contexts::map_state::use_map_state();
    Signal::derive(move || {
        state
            .view
            .with(|(v, _)| v.service.is_some() || v.channel.is_some())
    })
}
