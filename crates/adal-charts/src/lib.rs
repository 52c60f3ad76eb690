//! The charts of Adal Atlas as data: each chart is a pure function from figures already summarised (and
//! labels already in the reader's language) to a [`charming::Chart`], one chart per module. Nothing here
//! draws or touches the browser; the web app hands the charts to its one ECharts component, and the tests
//! read their JSON.
//!
//! - [`trend`] — a metric over time for one unit (with its 95 % band) or several, against the country;
//! - [`ranking`] — all units sorted by a metric, with intervals and the national value;
//! - [`services`] — one unit's metric by service, with the sample of each bar;
//! - [`complaints`] — one unit's complaints by category over time;
//! - [`scatter`] — service quality against complaints per 100,000 people for every unit.
//!
//! [`svg`] draws a chart's option as static SVG natively, for the pre-rendered pages.
//!
//! [`request`] carries a chart's figures from the web app to the chart worker as JSON and answers with
//! the ECharts option, so that the page's own code never contains charming (it is loaded with the
//! first chart, in a worker, like ECharts itself).

pub mod common;
pub mod complaints;
pub mod ranking;
pub mod request;
pub mod scatter;
pub mod services;
pub mod svg;
pub mod trend;

pub use common::{Scale, Theme};
pub use request::{ChartInput, Request};
