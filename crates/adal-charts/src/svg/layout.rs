//! Where everything goes: the legend's rows at the top, the grid inside the option's margins with room
//! for the axis labels (`containLabel`), and the two axes that map values and categories to pixels.

use std::fmt::Write as _;

use serde_json::Value;

use super::common::{AXIS, SPLIT, first, n};
use super::scale::{Ticks, number, ticks};
use super::text::{escape, truncate, width, wrap};

/// How an axis label too long for its width is written.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Overflow {
    /// As it is.
    None,
    /// Cut, with "…".
    Truncate,
    /// Broken into lines.
    Break,
}

/// An axis as the option gives it.
#[derive(Clone, Debug)]
pub(crate) struct Axis {
    /// The categories of a category axis; `None` for a value axis.
    pub categories: Option<Vec<String>>,
    boundary_gap: bool,
    inverse: bool,
    scale: bool,
    font: f64,
    line_height: Option<f64>,
    label_width: Option<f64>,
    overflow: Overflow,
    hide_overlap: bool,
    align_ends: bool,
    name: Option<String>,
    name_gap: f64,
}

impl Axis {
    pub(crate) fn read(axis: &Value) -> Axis {
        let label = &axis["axisLabel"];
        let categories = (axis["type"].as_str() == Some("category")).then(|| {
            axis["data"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|c| match c {
                    Value::String(s) => s.clone(),
                    other => other["value"].as_str().unwrap_or_default().to_owned(),
                })
                .collect()
        });
        Axis {
            categories,
            boundary_gap: axis["boundaryGap"].as_bool().unwrap_or(true),
            inverse: axis["inverse"].as_bool().unwrap_or(false),
            scale: axis["scale"].as_bool().unwrap_or(false),
            font: label["fontSize"].as_f64().unwrap_or(12.0),
            line_height: label["lineHeight"].as_f64(),
            label_width: label["width"].as_f64(),
            overflow: match label["overflow"].as_str() {
                Some("truncate") => Overflow::Truncate,
                Some("break") => Overflow::Break,
                _ => Overflow::None,
            },
            hide_overlap: label["hideOverlap"].as_bool().unwrap_or(false),
            align_ends: label["alignMinLabel"].as_str() == Some("left"),
            name: axis["name"].as_str().map(str::to_owned),
            name_gap: axis["nameGap"].as_f64().unwrap_or(15.0),
        }
    }

    fn lines(&self, label: &str) -> Vec<String> {
        match (self.overflow, self.label_width) {
            (Overflow::Truncate, Some(w)) => vec![truncate(label, self.font, w)],
            (Overflow::Break, Some(w)) => wrap(label, self.font, w),
            _ => vec![label.to_owned()],
        }
    }

    fn line_height(&self) -> f64 {
        self.line_height.unwrap_or(self.font * 1.25)
    }
}

/// An axis placed: its pixels, and for a value axis its ticks.
#[derive(Clone, Debug)]
pub(crate) struct Placed {
    pub axis: Axis,
    /// The pixel of the axis' start and end (left to right, or bottom to top).
    start: f64,
    end: f64,
    ticks: Option<Ticks>,
    /// The labels, each its lines.
    labels: Vec<(f64, Vec<String>)>,
}

impl Placed {
    /// The pixel of `value` on a value axis (or of a category's index on a category axis).
    pub(crate) fn at(&self, value: f64) -> f64 {
        let share = match (&self.ticks, &self.axis.categories) {
            (Some(t), _) => (value - t.min) / (t.max - t.min),
            (None, Some(c)) => {
                let count = c.len().max(1) as f64;
                if self.axis.boundary_gap {
                    (value + 0.5) / count
                } else if count > 1.0 {
                    value / (count - 1.0)
                } else {
                    0.5
                }
            }
            (None, None) => 0.5,
        };
        let share = if self.axis.inverse {
            1.0 - share
        } else {
            share
        };
        self.start + share * (self.end - self.start)
    }

    /// The pixel of `value` held within the axis.
    pub(crate) fn clamped(&self, value: f64) -> f64 {
        let (low, high) = (self.start.min(self.end), self.start.max(self.end));
        self.at(value).clamp(low, high)
    }

    /// The width in px of one category's band.
    pub(crate) fn band(&self) -> f64 {
        let count = self.axis.categories.as_ref().map_or(1, Vec::len).max(1) as f64;
        (self.end - self.start).abs() / count
    }

    /// Where an area that is not stacked comes down to: zero, or the end of the axis nearer to it.
    pub(crate) fn origin(&self) -> f64 {
        match &self.ticks {
            Some(t) => 0f64.clamp(t.min, t.max),
            None => 0.0,
        }
    }

    pub(crate) fn is_category(&self) -> bool {
        self.axis.categories.is_some()
    }
}

/// The chart laid out: its size, the legend, the grid and its axes.
pub(crate) struct Frame {
    width: f64,
    /// The legend's items: where each starts, and its name.
    pub legend: Vec<(f64, f64, String)>,
    pub legend_font: f64,
    /// The grid: left, top, right, bottom in px.
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
    pub x: Placed,
    pub y: Placed,
}

/// The margin between an axis and its labels, as ECharts has it.
const LABEL_MARGIN: f64 = 8.0;

impl Frame {
    /// The layout of a chart `width` × `height` px with the axes `(x, y)`, a legend of `names` and the
    /// values' `extents` on x and on y ([`super::series::extents`]).
    pub(crate) fn new(
        option: &Value,
        (x_axis, y_axis): (Axis, Axis),
        names: &[String],
        (x_extent, y_extent): ((f64, f64), (f64, f64)),
        width: f64,
        height: f64,
    ) -> Frame {
        let grid = first(&option["grid"]);
        let margin = |key: &str, default: f64| grid[key].as_f64().unwrap_or(default);
        let (legend, legend_font) = legend(option, names, width);
        let (mut left, mut top, mut right, mut bottom) = (
            margin("left", width * 0.1),
            margin("top", 60.0),
            width - margin("right", width * 0.1),
            height - margin("bottom", 60.0),
        );
        let x_ticks = x_axis
            .categories
            .is_none()
            .then(|| ticks(x_extent.0, x_extent.1, x_axis.scale));
        let y_ticks = y_axis
            .categories
            .is_none()
            .then(|| ticks(y_extent.0, y_extent.1, y_axis.scale));
        let texts = |axis: &Axis, ticks: &Option<Ticks>| -> Vec<Vec<String>> {
            match (&axis.categories, ticks) {
                (Some(c), _) => c.iter().map(|l| axis.lines(l)).collect(),
                (None, Some(t)) => t
                    .values
                    .iter()
                    .map(|v| vec![number(*v, t.decimals)])
                    .collect(),
                (None, None) => Vec::new(),
            }
        };
        let x_texts = texts(&x_axis, &x_ticks);
        let y_texts = texts(&y_axis, &y_ticks);
        if grid["containLabel"].as_bool().unwrap_or(false) {
            let widest = y_texts
                .iter()
                .flatten()
                .map(|l| width_of(l, y_axis.font))
                .fold(0.0, f64::max);
            left += widest + LABEL_MARGIN;
            let lines = x_texts.iter().map(Vec::len).max().unwrap_or(1) as f64;
            bottom -= lines * x_axis.line_height() + LABEL_MARGIN;
        }
        if right - left < 20.0 {
            right = left + 20.0;
        }
        if bottom - top < 20.0 {
            top = bottom - 20.0;
        }
        let place =
            |axis: Axis, start: f64, end: f64, ticks: Option<Ticks>, texts: Vec<Vec<String>>| {
                let mut placed = Placed {
                    axis,
                    start,
                    end,
                    ticks,
                    labels: Vec::new(),
                };
                placed.labels = match &placed.ticks {
                    Some(t) => t.values.iter().map(|v| placed.at(*v)).zip(texts).collect(),
                    None => (0..texts.len())
                        .map(|i| placed.at(i as f64))
                        .zip(texts)
                        .collect(),
                };
                placed
            };
        let x = place(x_axis, left, right, x_ticks, x_texts);
        let y = place(y_axis, bottom, top, y_ticks, y_texts);
        Frame {
            width,
            legend,
            legend_font,
            left,
            top,
            right,
            bottom,
            x,
            y,
        }
    }

    /// The axis along which categories run (if any) and the one that carries values.
    pub(crate) fn category_and_value(&self) -> (&Placed, &Placed) {
        if self.y.is_category() {
            (&self.y, &self.x)
        } else {
            (&self.x, &self.y)
        }
    }

    pub(crate) fn horizontal(&self) -> bool {
        self.y.is_category()
    }

    pub(crate) fn draw_axes(&self, svg: &mut String) {
        // Split lines across the grid at every tick of a value axis, under the axes' own lines.
        for (axis, vertical) in [(&self.x, false), (&self.y, true)] {
            if axis.ticks.is_none() {
                continue;
            }
            for (at, _) in &axis.labels {
                let at = at.round() + 0.5;
                let d = if vertical {
                    format!("M{} {}H{}", n(self.left), n(at), n(self.right))
                } else {
                    format!("M{} {}V{}", n(at), n(self.top), n(self.bottom))
                };
                let _ = write!(svg, "<path d=\"{d}\" stroke=\"{SPLIT}\" fill=\"none\"/>");
            }
        }
        for (axis, vertical) in [(&self.x, false), (&self.y, true)] {
            if axis.ticks.is_none() {
                // A category axis: its line and the ticks between categories.
                let d = if vertical {
                    let x = self.left.round() + 0.5;
                    format!("M{} {}V{}", n(x), n(self.top), n(self.bottom))
                } else {
                    let y = self.bottom.round() + 0.5;
                    format!("M{} {}H{}", n(self.left), n(y), n(self.right))
                };
                let ticks = self.ticks_of(axis, vertical);
                let _ = write!(
                    svg,
                    "<path d=\"{d}{ticks}\" stroke=\"{AXIS}\" fill=\"none\"/>"
                );
            }
            self.draw_labels(axis, vertical, svg);
            self.draw_name(axis, vertical, svg);
        }
    }

    fn ticks_of(&self, axis: &Placed, vertical: bool) -> String {
        let count = axis.axis.categories.as_ref().map_or(0, Vec::len);
        let positions: Vec<f64> = if axis.axis.boundary_gap {
            (0..=count).map(|i| axis.at(i as f64 - 0.5)).collect()
        } else {
            (0..count).map(|i| axis.at(i as f64)).collect()
        };
        positions
            .iter()
            .map(|p| {
                let p = p.round() + 0.5;
                if vertical {
                    format!("M{} {}H{}", n(self.left - 5.0), n(p), n(self.left))
                } else {
                    format!("M{} {}V{}", n(p), n(self.bottom), n(self.bottom + 5.0))
                }
            })
            .collect()
    }

    fn draw_labels(&self, axis: &Placed, vertical: bool, svg: &mut String) {
        let font = axis.axis.font;
        let line = axis.axis.line_height();
        // The last label drawn, as its start and end along the axis: one that would overlap it is left
        // out where the option says so (`hideOverlap`).
        let mut last: Option<(f64, f64)> = None;
        let overlaps = |last: Option<(f64, f64)>, from: f64, to: f64| {
            last.is_some_and(|(a, b)| from < b + 2.0 && to > a - 2.0)
        };
        let count = axis.labels.len();
        for (i, (at, lines)) in axis.labels.iter().enumerate() {
            if vertical {
                let height = lines.len() as f64 * line;
                let top = at - height / 2.0;
                if axis.axis.hide_overlap && overlaps(last, top, top + height) {
                    continue;
                }
                last = Some((top, top + height));
                let x = self.left - LABEL_MARGIN;
                let _ = write!(
                    svg,
                    "<text font-size=\"{}\" fill=\"{AXIS}\" text-anchor=\"end\" dominant-baseline=\"central\">",
                    n(font)
                );
                for (k, text) in lines.iter().enumerate() {
                    let y = top + line * (k as f64 + 0.5);
                    let _ = write!(
                        svg,
                        "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
                        n(x),
                        n(y),
                        escape(text)
                    );
                }
                svg.push_str("</text>");
            } else {
                let widest = lines.iter().map(|l| width_of(l, font)).fold(0.0, f64::max);
                let (anchor, start) = if axis.axis.align_ends && i == 0 {
                    ("start", *at)
                } else if axis.axis.align_ends && i + 1 == count {
                    ("end", at - widest)
                } else {
                    ("middle", at - widest / 2.0)
                };
                if axis.axis.hide_overlap && overlaps(last, start, start + widest) {
                    continue;
                }
                last = Some((start, start + widest));
                let _ = write!(
                    svg,
                    "<text font-size=\"{}\" fill=\"{AXIS}\" text-anchor=\"{anchor}\" dominant-baseline=\"central\">",
                    n(font)
                );
                for (k, text) in lines.iter().enumerate() {
                    let y = self.bottom + LABEL_MARGIN + line * (k as f64 + 0.5);
                    let _ = write!(
                        svg,
                        "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
                        n(*at),
                        n(y),
                        escape(text)
                    );
                }
                svg.push_str("</text>");
            }
        }
    }

    fn draw_name(&self, axis: &Placed, vertical: bool, svg: &mut String) {
        let Some(name) = &axis.axis.name else {
            return;
        };
        let middle = (axis.start + axis.end) / 2.0;
        let (x, y, rotate) = if vertical {
            (
                self.left - axis.axis.name_gap,
                middle,
                " transform=\"rotate(-90 X Y)\"",
            )
        } else {
            (middle, self.bottom + axis.axis.name_gap, "")
        };
        let rotate = rotate.replace('X', &n(x)).replace('Y', &n(y));
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"{AXIS}\" text-anchor=\"middle\" dominant-baseline=\"central\"{rotate}>{}</text>",
            n(x),
            n(y),
            escape(name)
        );
    }

    /// The drawing's width.
    pub(crate) fn width(&self) -> f64 {
        self.width
    }
}

fn width_of(text: &str, font: f64) -> f64 {
    width(text, font)
}

/// A legend item's icon, as ECharts draws it.
pub(crate) const ICON_WIDTH: f64 = 25.0;
pub(crate) const ICON_HEIGHT: f64 = 14.0;

/// The legend's items placed in rows, centred (ECharts' layout: 5 px padding, 10 px between items and
/// rows), and its font size; none without a `legend`.
fn legend(option: &Value, names: &[String], width: f64) -> (Vec<(f64, f64, String)>, f64) {
    let legend = &option["legend"];
    let font = legend["textStyle"]["fontSize"].as_f64().unwrap_or(12.0);
    if legend.is_null() || legend["show"].as_bool() == Some(false) {
        return (Vec::new(), font);
    }
    let top = legend["top"].as_f64().unwrap_or(0.0) + 5.0;
    let room = width - 10.0;
    let mut rows: Vec<Vec<(f64, String)>> = vec![Vec::new()];
    let mut x = 0.0;
    for name in names.iter().cloned() {
        let item = ICON_WIDTH + 5.0 + width_of(&name, font);
        if x > 0.0 && x + item > room {
            rows.push(Vec::new());
            x = 0.0;
        }
        if let Some(row) = rows.last_mut() {
            row.push((x, name));
        }
        x += item + 10.0;
    }
    let mut placed = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let used = row
            .last()
            .map_or(0.0, |(x, name)| x + ICON_WIDTH + 5.0 + width_of(name, font));
        let offset = ((width - used) / 2.0).max(5.0);
        for (x, name) in row {
            placed.push((
                offset + x,
                top + r as f64 * (ICON_HEIGHT + 10.0),
                name.clone(),
            ));
        }
    }
    (placed, font)
}

/// The two axes of `option`: x then y.
pub(crate) fn axes(option: &Value) -> (Axis, Axis) {
    (
        Axis::read(first(&option["xAxis"])),
        Axis::read(first(&option["yAxis"])),
    )
}
