//! One chart asked for, as it travels between the web app and its chart worker: the figures of one of
//! the charts and the theme, as JSON one way and the ECharts option as JSON the other.

use charming::Chart;
use serde::{Deserialize, Serialize};

use crate::common::Theme;
use crate::{complaints, ranking, scatter, services, trend};

/// The figures of one chart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "figures", rename_all = "snake_case")]
pub enum ChartInput {
    /// A trend.
    Trend(trend::Trend),
    /// A ranking.
    Ranking(ranking::Ranking),
    /// A breakdown by service.
    Services(services::Services),
    /// Complaints by category.
    Complaints(complaints::Complaints),
    /// The scatter.
    Scatter(scatter::Spread),
}

/// A chart asked for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// The figures.
    pub input: ChartInput,
    /// The page's theme.
    pub theme: Theme,
}

impl Request {
    /// The chart.
    pub fn chart(&self) -> Chart {
        match &self.input {
            ChartInput::Trend(t) => trend::chart(t, self.theme),
            ChartInput::Ranking(r) => ranking::chart(r, self.theme),
            ChartInput::Services(s) => services::chart(s, self.theme),
            ChartInput::Complaints(c) => complaints::chart(c, self.theme),
            ChartInput::Scatter(s) => scatter::chart(s, self.theme),
        }
    }
}

impl Request {
    /// The ECharts option: the chart, with what charming has no field for. A trend's x axis has no gap at
    /// its ends, so its first and last labels are aligned inwards (`alignMinLabel`, `alignMaxLabel`)
    /// instead of being cut off at the chart's edges.
    pub fn option(&self) -> Option<serde_json::Value> {
        let mut option = serde_json::to_value(self.chart()).ok()?;
        if matches!(self.input, ChartInput::Trend(_)) {
            let axes = match option.get_mut("xAxis") {
                Some(serde_json::Value::Array(axes)) => axes.iter_mut().collect(),
                Some(axis) => vec![axis],
                None => Vec::new(),
            };
            for axis in axes.into_iter().filter_map(|a| a.as_object_mut()) {
                let label = axis
                    .entry("axisLabel")
                    .or_insert_with(|| serde_json::json!({}));
                if let Some(label) = label.as_object_mut() {
                    label.insert("alignMinLabel".into(), "left".into());
                    label.insert("alignMaxLabel".into(), "right".into());
                }
            }
        }
        Some(option)
    }
}

/// The ECharts option (JSON) for a request (JSON); `None` for a request that cannot be read.
pub fn answer(request: &str) -> Option<String> {
    let request: Request = serde_json::from_str(request).ok()?;
    serde_json::to_string(&request.option()?).ok()
}
