//! A metric over time: one unit with its 95 % band, or up to five units, against the whole country.

use charming::Chart;
use charming::component::{Axis, Legend};
use charming::element::{
    AreaStyle, AxisType, ItemStyle, LineStyle, LineStyleType, Symbol, Tooltip, Trigger,
};
use charming::series::Line;
use serde::{Deserialize, Serialize};

use crate::common::{Scale, Theme, frame};

/// One line: a unit or the country.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// Its name in the legend and tooltip.
    pub name: String,
    /// One value per step; `None` leaves a gap.
    pub values: Vec<Option<f64>>,
    /// The 95 % interval of each value, drawn as a band when the chart has a single unit.
    pub intervals: Vec<Option<(f64, f64)>>,
}

/// What the chart shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Trend {
    /// The chart's title.
    pub title: String,
    /// The steps' labels (months or quarters), one per point.
    pub steps: Vec<String>,
    /// The units, at most five.
    pub units: Vec<Series>,
    /// The country, drawn dashed and grey; `None` where it is not comparable.
    pub national: Option<Series>,
    /// The band's name in the legend ("95 % interval").
    pub band: String,
    /// How values are written.
    pub scale: Scale,
}

/// The chart: a line per unit (the first in the accent colour when alone), the country dashed, and with a
/// single unit its 95 % band as a shaded area (two stacked, silent lines: the lower end, then the width).
pub fn chart(t: &Trend, theme: Theme) -> Chart {
    let single = t.units.len() == 1;
    let colours = theme.series();
    let mut legend: Vec<String> = t.units.iter().map(|u| u.name.clone()).collect();
    let mut chart = frame(&t.title)
        .tooltip(Tooltip::new().trigger(Trigger::Item))
        .x_axis(
            Axis::new()
                .type_(AxisType::Category)
                .boundary_gap(false)
                .data(t.steps.clone()),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .scale(true)
                .axis_label(charming::element::AxisLabel::new().formatter(t.scale.axis_label())),
        );
    for (i, unit) in t.units.iter().enumerate() {
        let colour = if single {
            theme.accent()
        } else {
            colours[i % colours.len()]
        };
        if single && unit.intervals.iter().any(Option::is_some) {
            let stack = "band";
            let low: Vec<Option<f64>> = unit
                .intervals
                .iter()
                .map(|b| b.map(|(lo, _)| t.scale.apply(lo)))
                .collect();
            let width: Vec<Option<f64>> = unit
                .intervals
                .iter()
                .map(|b| b.map(|(lo, hi)| t.scale.apply(hi) - t.scale.apply(lo)))
                .collect();
            chart = chart
                .series(
                    Line::new()
                        .name(format!("{} –", t.band))
                        .stack(stack)
                        .symbol(Symbol::None)
                        .silent(true)
                        .line_style(LineStyle::new().opacity(0))
                        .data(low),
                )
                .series(
                    Line::new()
                        .name(t.band.clone())
                        .stack(stack)
                        .symbol(Symbol::None)
                        .silent(true)
                        .item_style(ItemStyle::new().color(colour))
                        .line_style(LineStyle::new().opacity(0))
                        .area_style(AreaStyle::new().color(colour).opacity(0.2))
                        .data(width),
                );
            legend.push(t.band.clone());
        }
        let values = t.scale.apply_all(&unit.values);
        chart = chart.series(
            Line::new()
                .name(unit.name.clone())
                .symbol(Symbol::Circle)
                .symbol_size(7)
                .item_style(ItemStyle::new().color(colour))
                .line_style(LineStyle::new().color(colour).width(2.5))
                .data(values),
        );
    }
    if let Some(national) = &t.national {
        let values = t.scale.apply_all(&national.values);
        chart = chart.series(
            Line::new()
                .name(national.name.clone())
                .symbol(Symbol::Rect)
                .symbol_size(5)
                .item_style(ItemStyle::new().color(theme.neutral()))
                .line_style(
                    LineStyle::new()
                        .color(theme.neutral())
                        .type_(LineStyleType::Dashed)
                        .width(2),
                )
                .data(values),
        );
        legend.push(national.name.clone());
    }
    chart.legend(Legend::new().top(0).data(legend))
}
