//! One unit's metric by service: a bar per service, the sample of each written in its label.

use charming::Chart;
use charming::component::Axis;
use charming::datatype::DataPointItem;
use charming::element::{AxisLabel, AxisType, ItemStyle, Label, LabelPosition, Tooltip, Trigger};
use charming::series::Bar;
use serde::{Deserialize, Serialize};

use crate::common::{Scale, Theme, frame};

/// One service.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// The service's name with its sample, as the axis shows it ("Land · n = 31").
    pub label: String,
    /// The value; `None` without visits.
    pub value: Option<f64>,
    /// Too few visits: drawn pale.
    pub low_sample: bool,
}

/// What the chart shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Services {
    /// The chart's title.
    pub title: String,
    /// The services, in the order drawn from the top.
    pub rows: Vec<Row>,
    /// How values are written.
    pub scale: Scale,
}

/// The chart: horizontal bars, values at their ends; thin samples pale.
pub fn chart(sv: &Services, theme: Theme) -> Chart {
    let s = sv.scale;
    let bars: Vec<DataPointItem> = sv
        .rows
        .iter()
        .map(|row| {
            let style = ItemStyle::new()
                .color(theme.accent())
                .opacity(if row.low_sample { 0.4 } else { 1.0 });
            DataPointItem::new(row.value.map(|v| s.apply(v)))
                .name(row.label.clone())
                .item_style(style)
        })
        .collect();
    frame(&sv.title)
        .tooltip(Tooltip::new().trigger(Trigger::Item))
        .x_axis(
            Axis::new()
                .type_(AxisType::Value)
                .axis_label(AxisLabel::new().formatter(s.axis_label())),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .inverse(true)
                .data(sv.rows.iter().map(|r| r.label.clone()).collect()),
        )
        .series(
            Bar::new()
                .name(sv.title.clone())
                .label(
                    Label::new()
                        .show(true)
                        .position(LabelPosition::Right)
                        .formatter(if s.percent { "{c} %" } else { "{c}" }),
                )
                .data(bars),
        )
}
