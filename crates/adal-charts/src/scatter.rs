//! Service quality against complaints per 100,000 people for every unit, with the country's values as
//! dashed cross-hairs and the units being compared named and in colour.

use charming::Chart;
use charming::component::{Axis, Legend};
use charming::datatype::DataPointItem;
use charming::element::font_settings::FontWeight;
use charming::element::{
    AxisType, ItemStyle, Label, LabelPosition, LineStyle, LineStyleType, MarkLine, MarkLineData,
    MarkLineVariant, NameLocation, Symbol, Tooltip, Trigger,
};
use charming::series::Scatter;
use serde::{Deserialize, Serialize};

use crate::common::{Theme, frame};

/// One unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// Its name.
    pub name: String,
    /// Complaints per 100,000 people.
    pub x: f64,
    /// The service quality index.
    pub y: f64,
    /// Its colour among the compared units, if it is one (0–4).
    pub highlight: Option<usize>,
}

/// What the chart shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Spread {
    /// The chart's title.
    pub title: String,
    /// The x axis's name.
    pub x_name: String,
    /// The y axis's name.
    pub y_name: String,
    /// The units with both values.
    pub points: Vec<Point>,
    /// The country's values (x, y).
    pub national: Option<(f64, f64)>,
}

impl Spread {
    /// The units being compared, in the order of `points`: each its own series after the first.
    pub fn compared(&self) -> impl Iterator<Item = &Point> {
        self.points.iter().filter(|p| p.highlight.is_some())
    }
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// The chart. Its first series holds the points in the order of `points`: a click on point `i` is
/// `points[i]`; a series per compared unit follows, drawn over it.
pub fn chart(sp: &Spread, theme: Theme) -> Chart {
    let palette = theme.series();
    let data: Vec<DataPointItem> = sp
        .points
        .iter()
        .map(|p| {
            let colour = p
                .highlight
                .map_or(theme.neutral(), |i| palette[i % palette.len()]);
            DataPointItem::new(vec![round1(p.x), round1(p.y)])
                .name(p.name.clone())
                .item_style(ItemStyle::new().color(colour))
        })
        .collect();
    let label = || {
        Label::new()
            .show(true)
            .position(LabelPosition::Right)
            .formatter("{b}")
            .font_size(11)
    };
    let mut series = Scatter::new()
        .name(sp.title.clone())
        .symbol(Symbol::Circle)
        .symbol_size(14)
        .label(label())
        .data(data);
    // The compared units again, one series each (named in the legend, so that every one of them is
    // always named), on top and larger, so that their labels are placed first (made silent, so that a
    // click reaches the point beneath, and the labels `hideOverlap`, in `Request::option`: charming has
    // no field for either).
    let compared: Vec<Scatter> = sp
        .compared()
        .map(|p| {
            let colour = palette[p.highlight.unwrap_or_default() % palette.len()];
            Scatter::new()
                .name(p.name.clone())
                .symbol(Symbol::Circle)
                .symbol_size(18)
                .item_style(ItemStyle::new().color(colour))
                .label(label().font_weight(FontWeight::Bold))
                .data(vec![
                    DataPointItem::new(vec![round1(p.x), round1(p.y)]).name(p.name.clone()),
                ])
        })
        .collect();
    let names: Vec<String> = sp.compared().map(|p| p.name.clone()).collect();
    if let Some((x, y)) = sp.national {
        let style = LineStyle::new()
            .color(theme.neutral())
            .type_(LineStyleType::Dashed);
        series = series.mark_line(
            MarkLine::new()
                .silent(true)
                .symbol(vec![Symbol::None, Symbol::None])
                .line_style(style)
                .label(Label::new().show(false))
                .data(vec![
                    MarkLineVariant::Simple(MarkLineData::new().x_axis(round1(x))),
                    MarkLineVariant::Simple(MarkLineData::new().y_axis(round1(y))),
                ]),
        );
    }
    let chart = frame(&sp.title)
        .tooltip(Tooltip::new().trigger(Trigger::Item))
        .x_axis(
            Axis::new()
                .type_(AxisType::Value)
                .scale(true)
                .name(sp.x_name.clone())
                .name_location(NameLocation::Middle)
                .name_gap(28),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .scale(true)
                .name(sp.y_name.clone())
                .name_location(NameLocation::Middle)
                .name_gap(36),
        )
        .series(series);
    let chart = compared.into_iter().fold(chart, Chart::series);
    if names.is_empty() {
        chart
    } else {
        chart.legend(Legend::new().top(0).data(names))
    }
}
