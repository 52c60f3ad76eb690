//! The hand-off between the chart component and the pre-renderer (`ssr`): the chart notes its figures'
//! ECharts option while the page is rendered natively, and [`crate::prerender`] lists them for
//! `adal pages`, which draws them into the page as static SVG (`adal_charts::svg`). Imports nothing of
//! the app.

use std::sync::{Arc, Mutex};

use adal_charts::{ChartInput, Request, Theme};
use leptos::prelude::*;

/// A chart of a pre-rendered page, to be drawn into it as static SVG: its ECharts option (the chart
/// worker's, in the light theme) and whether it is a tall one. Its element in the page is marked
/// `data-static-chart="N"`, N its index in `adal_atlas::prerender::Rendered::charts`.
#[derive(Clone, Debug, PartialEq)]
pub struct StaticChart {
    /// The ECharts option.
    pub option: serde_json::Value,
    /// A tall chart (a row per unit).
    pub tall: bool,
}

/// The charts met while rendering a page (a context of the render).
#[derive(Clone, Default)]
pub(crate) struct StaticCharts(Arc<Mutex<Vec<StaticChart>>>);

impl StaticCharts {
    /// Provides the list to the render: its charts are noted ([`static_chart`]).
    pub(crate) fn provide(&self) {
        provide_context(self.clone());
    }

    /// The charts noted.
    pub(crate) fn taken(&self) -> Vec<StaticChart> {
        self.0.lock().map(|c| c.clone()).unwrap_or_default()
    }
}

/// Notes a chart of the page being pre-rendered; its marker, or `None` outside a pre-render or for figures
/// the chart worker could not draw either.
pub(crate) fn static_chart(input: ChartInput, tall: bool) -> Option<usize> {
    let charts = use_context::<StaticCharts>()?;
    let option = Request {
        input,
        theme: Theme::Light,
    }
    .option()?;
    let mut list = charts.0.lock().ok()?;
    list.push(StaticChart { option, tall });
    Some(list.len() - 1)
}
