//! What the two outcome sections share ([`super::outcome_funnel`], [`super::recommendations`]): the
//! words of a share with its interval and n, or its bounds, and the drawing of counts as bars.

use adal_core::contract::Manifest;
use adal_core::format;
use adal_core::labels::Lang;
use adal_core::stats::Estimate;
use leptos::prelude::*;
use leptos_i18n::I18nContext;

use crate::components::chart::export::{self, Format};
use crate::components::trends::TableData;
use crate::i18n::{Locale, t_string};

/// The code and name of unit `code` in `lang`, or the country's (`KZ`) where `None`: what a download
/// names.
pub fn unit_of(
    i18n: I18nContext<Locale>,
    m: &Manifest,
    code: Option<&str>,
    lang: Lang,
) -> (String, String) {
    match code {
        Some(c) => (
            c.to_owned(),
            m.regions
                .iter()
                .find(|u| u.code == c)
                .map(|u| u.name.get(lang).to_owned())
                .unwrap_or_default(),
        ),
        None => ("KZ".to_owned(), t_string!(i18n, whole_country).to_string()),
    }
}

/// Downloads a section's drawing (`drawing`, styled by the page) as `format`, titled `caption`, with
/// the `source` line, and its CSV `records`, into the file `name`.
pub fn download_section(
    format: Format,
    drawing: Option<web_sys::Element>,
    caption: &str,
    source: &str,
    records: Vec<Vec<String>>,
    name: &str,
) {
    let table = TableData {
        caption: caption.to_owned(),
        head: Vec::new(),
        rows: Vec::new(),
        figures: Vec::new(),
        file: name.to_owned(),
    };
    export::download(
        format,
        export::Export {
            drawing,
            styled_by_page: true,
            legend: None,
            title: &table.caption,
            source,
            table: &table,
            records: Some(records),
            name,
        },
    );
}

/// What a share is of: the reports whose outcome is published, or the recommendations whose state is.
#[derive(Clone, Copy)]
pub enum ShareOf {
    Reports,
    Recommendations,
}

/// A share of the reports (or recommendations, `of`) whose outcome is published, with its interval and
/// n; where some are withheld, the bounds the published cells allow instead (`bounds`,
/// [`adal_core::aggregate::Funnel::bounds`]); or that there is none.
pub fn share_text(
    i18n: I18nContext<Locale>,
    of: ShareOf,
    share: Option<Estimate>,
    bounds: Option<(f64, f64)>,
    lang: Lang,
) -> (String, String) {
    if let Some((low, high)) = bounds {
        let why = match of {
            ShareOf::Reports => t_string!(i18n, outcomes_bounds),
            ShareOf::Recommendations => t_string!(i18n, findings_bounds),
        };
        return (
            format!(
                "{} – {}",
                format::percent(low, 1, lang),
                format::percent(high, 1, lang)
            ),
            why.to_string(),
        );
    }
    match share {
        Some(e) => {
            let (n, low, high) = (
                format::integer(e.n, lang),
                format::percent(e.low, 1, lang),
                format::percent(e.high, 1, lang),
            );
            let words = match of {
                ShareOf::Reports => {
                    t_string!(i18n, outcomes_of_known, n = n, low = low, high = high).to_string()
                }
                ShareOf::Recommendations => {
                    t_string!(i18n, findings_of_known, n = n, low = low, high = high).to_string()
                }
            };
            (format::percent(e.value, 1, lang), words)
        }
        None => {
            let none = match of {
                ShareOf::Reports => t_string!(i18n, outcomes_no_known),
                ShareOf::Recommendations => t_string!(i18n, findings_no_known),
            };
            ("—".to_owned(), none.to_string())
        }
    }
}

/// The drawing of the funnel: a bar per step (`bars`: its words, its count and its kind, `received`,
/// `stage` or `withheld`), as long as its share of the `received` reports, its count beside it. The
/// table under it gives the same counts to a screen reader: the drawing is hidden from one. Styled by the
/// page; a download copies the paint in.
pub fn funnel_drawing(
    bars: &[(String, u64, &'static str)],
    received: u64,
    l: Lang,
) -> impl IntoView {
    // A phone's width: the words keep their size there, and a wide page does not blow them up.
    const WIDTH: f64 = 360.0;
    const ROW: f64 = 34.0;
    const BAR_WIDTH: f64 = 270.0;
    let height = ROW * bars.len() as f64 + 4.0;
    let rows = bars
        .iter()
        .enumerate()
        .map(|(i, (words, n, kind))| {
            let y = ROW * i as f64;
            let share = if received == 0 {
                0.0
            } else {
                *n as f64 / received as f64
            };
            let width = (share * BAR_WIDTH).max(if *n > 0 { 2.0 } else { 0.0 });
            view! {
                <g class=format!("funnel-step {kind}")>
                    <text class="funnel-label" x="0" y=y + 12.0>{words.clone()}</text>
                    <rect class="funnel-bar" x="0" y=y + 17.0 width=width height="12" rx="2"></rect>
                    <text class="funnel-count" x=width + 6.0 y=y + 27.0>{format::integer(*n, l)}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg
            viewBox=format!("0 0 {WIDTH} {height}")
            width="100%"
            preserveAspectRatio="xMinYMin meet"
            aria-hidden="true"
            focusable="false"
        >
            {rows}
        </svg>
    }
}
