//! The one component that owns ECharts, and the section around each chart (its heading, notes and figure). It loads the library (and the chart worker, which turns figures
//! into an ECharts option with charming) when its figure first comes into view, creates the chart once for
//! its element, sets the option whenever the figures change, follows its container's size, re-creates the
//! chart when the theme changes and disposes of it on unmount. Beside the drawing it renders the text
//! alternative: a written summary (also ECharts' accessible description) and a table of the figures.

pub mod echarts;
pub mod export;
pub mod script;
pub mod share_dialog;
pub mod worker;

use adal_charts::{ChartInput, Request};
use adal_core::view::{EmbedKind, ViewKind};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::components::trends::{FigureTable, TableData};
use crate::contexts::map_state::use_map_state;
use crate::contexts::view_state::{reduced_motion, use_view_state};
use crate::i18n::{t, use_i18n};
use echarts::EChart;

/// What a chart section hands to its figure: the chart's figures, and its text alternative.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartView {
    /// The figures, as the chart worker reads them.
    pub input: ChartInput,
    /// One or two sentences saying what the chart shows.
    pub description: String,
    /// A caution shown above the chart.
    pub note: Option<String>,
    /// Clicks open units: the series whose items are units, and the unit of each of its items in order.
    pub clickable: Option<(usize, Vec<String>)>,
    /// The figures as a table.
    pub table: TableData,
}

/// Where a chart is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    /// Not yet scrolled into view: nothing loaded.
    Waiting,
    /// ECharts is loading, or the first option is being built.
    Loading,
    /// Drawn (`data-status="ready"`, for tests too).
    Ready,
    /// ECharts could not be loaded: the text alternative stands alone.
    Failed,
}

impl Status {
    /// The `data-status` value (written out: `to_lowercase` would bring Unicode's case tables into the
    /// page's wasm).
    fn as_str(self) -> &'static str {
        match self {
            Status::Waiting => "waiting",
            Status::Loading => "loading",
            Status::Ready => "ready",
            Status::Failed => "failed",
        }
    }
}

/// Reloads the page: after a re-deploy, the new page names the files of the new build.
fn reload() {
    let _ = window().location().reload();
}

/// An observer with the callback it calls, kept alive together.
pub type Observing<O> = (O, Closure<dyn Fn(js_sys::Array)>);

/// Observes `element` and calls `on_visible` once it first comes near the viewport.
fn when_visible(
    element: &web_sys::Element,
    on_visible: impl Fn() + 'static,
) -> Option<Observing<web_sys::IntersectionObserver>> {
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let seen = entries.iter().any(|e| {
            e.dyn_into::<web_sys::IntersectionObserverEntry>()
                .is_ok_and(|e| e.is_intersecting())
        });
        if seen {
            on_visible();
        }
    });
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin("200px");
    let observer = web_sys::IntersectionObserver::new_with_options(
        callback.as_ref().unchecked_ref(),
        &options,
    )
    .ok()?;
    observer.observe(element);
    Some((observer, callback))
}

/// Calls `on_resize` whenever `element` changes size (and once when observing starts).
pub fn on_resize(
    element: &web_sys::Element,
    on_resize: impl Fn() + 'static,
) -> Option<Observing<web_sys::ResizeObserver>> {
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |_| on_resize());
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(element);
    Some((observer, callback))
}

/// Everything the chart holds on the JavaScript side, freed together.
#[derive(Default)]
struct Handles {
    chart: Option<EChart>,
    click: Option<Closure<dyn Fn(JsValue)>>,
    visibility: Option<Observing<web_sys::IntersectionObserver>>,
    size: Option<Observing<web_sys::ResizeObserver>>,
}

impl Handles {
    fn drop_chart(&mut self) {
        if let Some(chart) = self.chart.take() {
            chart.dispose();
        }
        self.click = None;
    }

    fn free(&mut self) {
        self.drop_chart();
        if let Some((observer, _)) = self.visibility.take() {
            observer.disconnect();
        }
        if let Some((observer, _)) = self.size.take() {
            observer.disconnect();
        }
    }
}

/// A chart with its text alternative.
#[component]
pub fn ChartFigure(
    /// Names the figure for styles and tests (`data-chart`).
    name: &'static str,
    /// The figures and the text alternative.
    view: Memo<ChartView>,
    /// A taller drawing (for charts with a row per unit).
    #[prop(optional)]
    tall: bool,
    /// A note under the figure.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let dark = use_view_state().dark;
    let state = use_map_state();
    let node = NodeRef::<Div>::new();
    let status = RwSignal::new(Status::Waiting);
    // Set once, when the figure first comes near the viewport.
    let seen = RwSignal::new(false);
    // Counts the charts created, so that a new chart (after a theme change) is drawn again.
    let created = RwSignal::new(0u32);
    let handles = StoredValue::new_local(Handles::default());
    // The latest option asked for: an older answer arriving late is dropped.
    let asked = StoredValue::new(0u32);

    // Start when the figure first comes near the viewport, so that a page without charts in view loads
    // neither ECharts nor the chart worker.
    node.on_load(move |element| {
        let observer = when_visible(&element, move || {
            if !seen.get_untracked() {
                seen.set(true);
                status.set(Status::Loading);
            }
        });
        let resize = on_resize(&element, move || {
            handles.with_value(|h| {
                if let Some(chart) = &h.chart {
                    chart.resize();
                }
            });
        });
        handles.update_value(|h| {
            h.visibility = observer;
            h.size = resize;
        });
    });

    // Load ECharts and create the chart; again when the theme changes.
    Effect::new(move |_| {
        let dark = dark.get();
        if !seen.get() {
            return;
        }
        leptos::task::spawn_local(async move {
            if echarts::load().await.is_err() {
                status.try_set(Status::Failed);
                return;
            }
            let Some(element) = node.try_get_untracked().flatten() else {
                return;
            };
            // The chart of the other theme goes first: ECharts keeps one chart per element. So does the
            // static drawing of a pre-rendered page (not part of the view: hydration leaves it alone).
            handles.try_update_value(Handles::drop_chart);
            element.set_inner_html("");
            let chart = echarts::init(&element, dark);
            let click = echarts::on_click(&chart, move |series, index| {
                let code = view.with_untracked(|v| match &v.clickable {
                    Some((s, codes)) if *s == series => codes.get(index).cloned(),
                    _ => None,
                });
                if let Some(code) = code {
                    state.open_region(&code);
                }
            });
            handles.try_update_value(|h| {
                h.chart = Some(chart);
                h.click = Some(click);
            });
            created.try_update(|n| *n += 1);
        });
    });

    // Draw the figures, and again whenever they change.
    Effect::new(move |_| {
        if created.get() == 0 {
            return;
        }
        let (input, description) = view.with(|v| (v.input.clone(), v.description.clone()));
        let theme = crate::components::trends::theme(dark.get_untracked());
        let request = Request { input, theme };
        let id = asked.get_value().wrapping_add(1);
        asked.set_value(id);
        worker::render(&request, move |option| {
            if asked.try_get_value() != Some(id) {
                return;
            }
            let Some(option) = option else {
                status.try_set(Status::Failed);
                return;
            };
            handles.try_with_value(|h| {
                if let Some(instance) = &h.chart {
                    echarts::set_option(instance, &option, &description, !reduced_motion());
                }
            });
            status.try_set(Status::Ready);
        });
    });

    on_cleanup(move || {
        handles.try_update_value(Handles::free);
    });

    let lang = use_view_state().lang;
    let on_download = Callback::new(move |format| {
        let drawing = node.get_untracked().map(web_sys::Element::from);
        let table = view.with_untracked(|v| v.table.clone());
        let (source, records) = state.loaded.with_value(|l| {
            export::download_texts(i18n, lang.get_untracked(), &l.dataset.manifest, &table)
        });
        export::download(
            format,
            export::Export {
                drawing,
                styled_by_page: false,
                legend: None,
                title: &table.caption,
                source: &source,
                table: &table,
                records,
                name: &format!("adal-atlas-{name}"),
            },
        );
    });
    let embedded = use_view_state().embedded.get_untracked();
    let on_embed = (!embedded).then(|| {
        Callback::new(move |()| {
            let kind = match (name, state.view.with_untracked(|(v, _)| v.kind)) {
                ("trend", ViewKind::Compare) => Some(EmbedKind::Compare),
                (name, _) => EmbedKind::parse(name),
            };
            if let Some(kind) = kind {
                let search = use_view_state().search.get_untracked();
                let title = view.with_untracked(|v| v.table.caption.clone()) + " · Adal Atlas";
                share_dialog::open(share_dialog::embed_offer(&search, kind, title));
            }
        })
    });
    let description = move || view.with(|v| v.description.clone());
    let note = move || {
        view.with(|v| v.note.clone())
            .map(|text| view! { <p class="note">{text}</p> })
    };
    // Pre-rendered, the chart is drawn once more as static SVG into the page (`adal pages`, with
    // `adal_charts::svg`); the interactive chart replaces it when it is created.
    #[cfg(feature = "ssr")]
    let static_chart =
        crate::static_charts::static_chart(view.with_untracked(|v| v.input.clone()), tall);
    #[cfg(not(feature = "ssr"))]
    let static_chart: Option<usize> = None;
    let heading = format!("{name}-heading");
    let labelled_by = heading.clone();
    view! {
        <section class="chart-section" aria-labelledby=labelled_by>
        <h3 id=heading>{move || view.with(|v| v.table.caption.clone())}</h3>
        {note}
        <figure class="chart" data-chart=name data-status=move || status.get().as_str()>
            <div
                class="chart-canvas"
                class:chart-tall=tall
                node_ref=node
                role="img"
                aria-label=description
                data-static-chart=static_chart
            ></div>
            <figcaption>
                <p class="chart-summary">{description}</p>
                <Show when=move || status.get() == Status::Failed>
                    <div class="notice stale" role="status">
                        <p>{t!(i18n, chart_failed)}</p>
                        <button type="button" class="reload" on:click=|_| reload()>
                            {t!(i18n, reload_page)}
                        </button>
                    </div>
                </Show>
                <details class="chart-data">
                    <summary>{t!(i18n, chart_show_data)}</summary>
                    <FigureTable table=Signal::derive(move || view.with(|v| v.table.clone())) />
                </details>
                <export::DownloadButtons name on_download on_embed=on_embed />
            </figcaption>
        </figure>
        {children.map(|note| note())}
        </section>
    }
}
