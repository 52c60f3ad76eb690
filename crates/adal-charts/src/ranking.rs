//! All units sorted by a metric: a dot for each value with its 95 % interval as a bar behind it, the
//! country as a dashed line, the selected unit in the accent colour. Best at the top.

use charming::Chart;
use charming::component::Axis;
use charming::datatype::DataPointItem;
use charming::element::{
    AxisLabel, AxisType, ItemStyle, Label, LabelPosition, LineStyle, LineStyleType, MarkLine,
    MarkLineData, MarkLineVariant, Symbol, Tooltip, Trigger,
};
use charming::series::{Bar, Scatter};
use serde::{Deserialize, Serialize};

use crate::common::{Scale, Theme, frame};

/// One unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// Its name.
    pub name: String,
    /// Its value.
    pub value: f64,
    /// The 95 % interval, where the value is an estimate.
    pub interval: Option<(f64, f64)>,
    /// Drawn in the accent colour.
    pub selected: bool,
    /// Its rank with the 95 % rank interval, in the reader's words ("Rank 3 of 20 (95 %: 2–6)"), for the
    /// tooltips.
    #[serde(default)]
    pub rank: Option<String>,
}

/// What the chart shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ranking {
    /// The chart's title.
    pub title: String,
    /// The units with a value, best first.
    pub rows: Vec<Row>,
    /// The country's name and value.
    pub national: Option<(String, f64)>,
    /// How values are written.
    pub scale: Scale,
}

/// The chart. Series 2 holds the dots, in the order of `rows`: a click on dot `i` is `rows[i]`.
pub fn chart(r: &Ranking, theme: Theme) -> Chart {
    let s = r.scale;
    let names: Vec<String> = r.rows.iter().map(|row| row.name.clone()).collect();
    // The interval bars' tooltips name the interval, not the stacked widths they are drawn from.
    let named = |row: &Row| match &row.rank {
        Some(rank) => format!("{} · {rank}", row.name),
        None => row.name.clone(),
    };
    let interval_text = |row: &Row| match row.interval {
        Some((lo, hi)) => format!("{}: {} – {}", named(row), s.apply(lo), s.apply(hi)),
        None => named(row),
    };
    let low: Vec<DataPointItem> = r
        .rows
        .iter()
        .map(|row| {
            DataPointItem::new(row.interval.map(|(lo, _)| s.apply(lo))).name(interval_text(row))
        })
        .collect();
    let width: Vec<DataPointItem> = r
        .rows
        .iter()
        .map(|row| {
            DataPointItem::new(row.interval.map(|(lo, hi)| s.apply(hi) - s.apply(lo)))
                .name(interval_text(row))
        })
        .collect();
    let dots: Vec<DataPointItem> = r
        .rows
        .iter()
        .map(|row| {
            let colour = if row.selected {
                theme.accent()
            } else {
                theme.neutral()
            };
            DataPointItem::new(s.apply(row.value))
                .name(named(row))
                .item_style(ItemStyle::new().color(colour))
        })
        .collect();
    let mut dot_series = Scatter::new()
        .name(r.title.clone())
        .symbol(Symbol::Circle)
        .symbol_size(12)
        .data(dots);
    if let Some((name, value)) = &r.national {
        dot_series = dot_series.mark_line(
            MarkLine::new()
                .silent(true)
                .symbol(vec![Symbol::None, Symbol::None])
                .line_style(
                    LineStyle::new()
                        .color(theme.neutral())
                        .type_(LineStyleType::Dashed),
                )
                .label(
                    Label::new()
                        .position(LabelPosition::InsideEndTop)
                        .formatter(format!("{name}: {}{}", s.apply(*value), s.suffix()).as_str()),
                )
                .data(vec![MarkLineVariant::Simple(
                    MarkLineData::new()
                        .name(name.clone())
                        .x_axis(s.apply(*value)),
                )]),
        );
    }
    frame(&r.title)
        .tooltip(Tooltip::new().trigger(Trigger::Item))
        .x_axis(
            Axis::new()
                .type_(AxisType::Value)
                .scale(true)
                .axis_label(AxisLabel::new().formatter(s.axis_label())),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .inverse(true)
                .data(names),
        )
        .series(
            Bar::new()
                .stack("interval")
                .tooltip(Tooltip::new().formatter("{b}"))
                .item_style(ItemStyle::new().color("transparent"))
                .data(low),
        )
        .series(
            Bar::new()
                .stack("interval")
                .tooltip(Tooltip::new().formatter("{b}"))
                .bar_width(4)
                .item_style(ItemStyle::new().color(theme.neutral()).opacity(0.45))
                .data(width),
        )
        .series(dot_series)
}
