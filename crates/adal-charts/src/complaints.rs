//! One unit's complaints by category over time: stacked bars per quarter, the complaints in cells withheld
//! as too small to publish stacked last in grey.

use charming::Chart;
use charming::component::{Axis, Legend};
use charming::element::{AxisType, ItemStyle, Tooltip, Trigger};
use charming::series::Bar;
use serde::{Deserialize, Serialize};

use crate::common::{Theme, frame};

/// What the chart shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Complaints {
    /// The chart's title.
    pub title: String,
    /// The quarters' labels.
    pub steps: Vec<String>,
    /// Each category's name and its count per quarter.
    pub categories: Vec<(String, Vec<u64>)>,
    /// The withheld rest's name and its count per quarter (`None` where unknown).
    pub withheld: (String, Vec<Option<u64>>),
}

/// The chart.
pub fn chart(c: &Complaints, theme: Theme) -> Chart {
    let colours = theme.categories();
    let mut chart = frame(&c.title)
        .tooltip(Tooltip::new().trigger(Trigger::Item))
        .legend(Legend::new().top(0))
        .x_axis(Axis::new().type_(AxisType::Category).data(c.steps.clone()))
        .y_axis(Axis::new().type_(AxisType::Value));
    let last = colours.len() - 1;
    for (i, (name, counts)) in c.categories.iter().enumerate() {
        let values: Vec<f64> = counts.iter().map(|&n| n as f64).collect();
        chart = chart.series(
            Bar::new()
                .name(name.clone())
                .stack("complaints")
                .item_style(ItemStyle::new().color(colours[i.min(last - 1)]))
                .data(values),
        );
    }
    let withheld: Vec<Option<f64>> = c.withheld.1.iter().map(|n| n.map(|n| n as f64)).collect();
    chart.series(
        Bar::new()
            .name(c.withheld.0.clone())
            .stack("complaints")
            .item_style(ItemStyle::new().color(colours[last]))
            .data(withheld),
    )
}
