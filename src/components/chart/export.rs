//! Downloads of a chart or the map: the picture as PNG (twice the pixel ratio) or SVG with its title and
//! source line drawn in, and the figures shown as CSV. The work is done by `vendor/adal-export.js`
//! (`js/adal-export.js`), loaded with the first download so that the first view does not pay for it.

use js_sys::{Array, Function, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use adal_core::contract::Manifest;
use adal_core::export;
use adal_core::format;
use adal_core::labels::Lang;
use leptos_i18n::I18nContext;

use super::script;
use crate::components::footer::site_footer::source_sentence;
use crate::components::trends::TableData;
use crate::i18n::{Locale, t_string};

/// The name the page gives the helper's file (`<meta name="adal:export">`, [`script::named`]).
const SCRIPT: &str = "export";

/// What to download.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The picture, 2× pixel ratio.
    Png,
    /// The picture as vector graphics.
    Svg,
    /// The figures.
    Csv,
}

impl Format {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Svg => "svg",
            Format::Csv => "csv",
        }
    }

    /// The button's text (written out: `to_uppercase` would bring Unicode's case tables, 14 KB, into the
    /// page's wasm).
    fn label(self) -> &'static str {
        match self {
            Format::Png => "PNG",
            Format::Svg => "SVG",
            Format::Csv => "CSV",
        }
    }
}

/// What is downloaded: the drawing and its words.
pub struct Export<'a> {
    /// The element holding the drawing's `<svg>` (or the `<svg>` itself).
    pub drawing: Option<web_sys::Element>,
    /// Styled by the page's CSS rather than by attributes (the map): paint is copied in.
    pub styled_by_page: bool,
    /// A legend written in HTML beside the drawing (the map's), drawn in under it.
    pub legend: Option<web_sys::Element>,
    /// The title drawn above.
    pub title: &'a str,
    /// The source line drawn below.
    pub source: &'a str,
    /// The figures, for CSV: [`csv_records`] where the table carries numbers, else its cells.
    pub table: &'a TableData,
    /// The CSV records of the table's figures.
    pub records: Option<Vec<Vec<String>>>,
    /// The file name without extension.
    pub name: &'a str,
}

/// Calls the helper's `method` with `args` (loading the helper first) and waits for it.
async fn apply(method: &str, args: &Array) -> Result<(), ()> {
    script::load(SCRIPT, "adalExport").await?;
    let api = script::global("adalExport").ok_or(())?;
    let function: Function = Reflect::get(&api, &method.into())
        .map_err(|_| ())?
        .dyn_into()
        .map_err(|_| ())?;
    let result = function.apply(&api, args).map_err(|_| ())?;
    if let Ok(promise) = result.dyn_into::<Promise>() {
        JsFuture::from(promise).await.map_err(|_| ())?;
    }
    Ok(())
}

/// Starts the helper's `method` with `args`. Every use of the helper goes through this one task (one
/// instance of the async machinery in the page's wasm instead of one per caller).
pub fn run(method: &'static str, args: Array) {
    leptos::task::spawn_local(async move {
        let _ = apply(method, &args).await;
    });
}

/// Downloads `export` as `format`.
pub fn download(format: Format, export: Export<'_>) {
    let name = match format {
        Format::Csv if !export.table.file.is_empty() => export.table.file.as_str(),
        _ => export.name,
    };
    let file = format!("{name}.{}", format.extension());
    let args = Array::new();
    match format {
        Format::Csv => {
            let cells =
                |row: &Vec<String>| row.iter().map(|c| JsValue::from_str(c)).collect::<Array>();
            let rows: Array = match &export.records {
                Some(records) => records.iter().map(cells).collect(),
                None => std::iter::once(&export.table.head)
                    .chain(export.table.rows.iter())
                    .map(cells)
                    .collect(),
            };
            args.push(&rows);
        }
        Format::Png | Format::Svg => {
            let Some(drawing) = export.drawing.as_ref() else {
                return;
            };
            args.push(drawing);
            args.push(&export.title.into());
            args.push(&export.source.into());
            args.push(&export.styled_by_page.into());
            args.push(
                export
                    .legend
                    .as_ref()
                    .map_or(&JsValue::NULL, |l| l.as_ref()),
            );
        }
    }
    args.push(&file.into());
    run(format.extension(), args);
}

/// What a download of `table` from the bundle of `m` writes beside the drawing: the source line, and the
/// CSV records of the table's figures ([`csv_records`]).
pub fn download_texts(
    i18n: I18nContext<Locale>,
    lang: Lang,
    m: &Manifest,
    table: &TableData,
) -> (String, Option<Vec<Vec<String>>>) {
    (source_line(i18n, lang, m), csv_records(i18n, m, table))
}

/// The CSV records of `table`'s figures, with headings in the reader's language and the dataset of
/// `m`; `None` for a table without figures.
fn csv_records(
    i18n: I18nContext<Locale>,
    m: &Manifest,
    table: &TableData,
) -> Option<Vec<Vec<String>>> {
    if table.figures.is_empty() {
        return None;
    }
    Some(export::records(
        &csv_source(m),
        &csv_headings(i18n),
        &table.figures,
    ))
}

/// The CSV downloads' column headings in the reader's language ([`export::records`]).
pub fn csv_headings(i18n: I18nContext<Locale>) -> export::Headings {
    [
        t_string!(i18n, csv_metric).to_string(),
        t_string!(i18n, csv_unit).to_string(),
        t_string!(i18n, csv_from).to_string(),
        t_string!(i18n, csv_to).to_string(),
        t_string!(i18n, csv_code).to_string(),
        t_string!(i18n, table_region).to_string(),
        t_string!(i18n, csv_group).to_string(),
        t_string!(i18n, table_value).to_string(),
        t_string!(i18n, csv_lower).to_string(),
        t_string!(i18n, csv_upper).to_string(),
        t_string!(i18n, table_n).to_string(),
        t_string!(i18n, table_rank).to_string(),
        t_string!(i18n, csv_rank_best).to_string(),
        t_string!(i18n, csv_rank_worst).to_string(),
        t_string!(i18n, csv_flag).to_string(),
        t_string!(i18n, csv_dataset).to_string(),
        t_string!(i18n, csv_version).to_string(),
        t_string!(i18n, csv_demo).to_string(),
    ]
}

/// The dataset of `m`, as a download names it.
pub fn csv_source(m: &Manifest) -> export::Source {
    export::Source {
        dataset: m.dataset.id.clone(),
        version: m.dataset.version.clone(),
        is_demo: m.is_demo,
    }
}

/// The source line under a downloaded picture or an embed: the footer's source sentence (publisher, title,
/// version, licence), the publication date and the app's name.
pub fn source_line(i18n: I18nContext<Locale>, lang: Lang, m: &Manifest) -> String {
    format!(
        "{} {}: {} · Adal Atlas",
        source_sentence(i18n, lang, m),
        t_string!(i18n, published_on),
        format::date(&m.generated_at, lang)
    )
}

/// The download buttons of a chart or the map, and «Embed» beside them; `on_download` does the work.
/// Where there is no picture (the map shown as a table) the stylesheet shows only CSV.
#[component]
pub fn DownloadButtons(
    /// Names the group's label (`<name>-downloads`).
    name: &'static str,
    on_download: Callback<Format>,
    /// «Embed», where the page has the share dialog.
    on_embed: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    // The visible word names the group, so that each button reads as «Download: PNG».
    let label = format!("{name}-downloads");
    let labelled_by = label.clone();
    view! {
        <div class="chart-actions">
        <div class="downloads" role="group" aria-labelledby=labelled_by>
            <span id=label>{crate::i18n::t!(i18n, download)}</span>
            {[Format::Png, Format::Svg, Format::Csv]
                .map(|f| {
                    view! {
                        <button
                            type="button"
                            disabled=crate::contexts::ready::inert()
                            data-download=f.extension()
                            on:click=move |_| on_download.run(f)
                        >
                            {f.label()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
        {on_embed.map(|embed| view! {
            <button type="button" class="embed-button" disabled=crate::contexts::ready::inert() on:click=move |_| embed.run(())>
                {crate::i18n::t!(i18n, embed)}
            </button>
        })}
        </div>
    }
}
