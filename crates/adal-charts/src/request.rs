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

/// The ECharts option (JSON) for a request (JSON); `None` for a request that cannot be read.
pub fn answer(request: &str) -> Option<String> {
    let request: Request = serde_json::from_str(request).ok()?;
    serde_json::to_string(&request.chart()).ok()
}
