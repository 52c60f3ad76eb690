//! The series of a static drawing: bars (side by side, or stacked by `stack`), lines (with the band
//! between two stacked lines filled), points with labels that give way to one another, and reference
//! lines (`markLine`).

use std::fmt::Write as _;

use serde_json::Value;

use super::common::{PALETTE, TEXT, n, opacity_attr};
use super::layout::{Frame, ICON_HEIGHT, ICON_WIDTH};
use super::scale::number;
use super::text::{escape, width};

/// What a series draws.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Kind {
    Line,
    Bar,
    Scatter,
}

/// A point or bar of a series.
#[derive(Clone, Debug, Default)]
pub(crate) struct Point {
    name: Option<String>,
    /// The value along the value axis (a category chart).
    value: Option<f64>,
    /// Both values (a chart of two value axes).
    pub xy: Option<(f64, f64)>,
    colour: Option<String>,
    opacity: Option<f64>,
    label_show: Option<bool>,
    label_position: Option<String>,
}

/// How a line is drawn.
#[derive(Clone, Debug)]
pub(crate) struct LineStyle {
    pub colour: Option<String>,
    width: f64,
    pub dashed: bool,
    opacity: f64,
}

/// A series' labels.
#[derive(Clone, Debug)]
struct Label {
    show: bool,
    position: String,
    formatter: String,
    font: f64,
}

/// A reference line across the grid.
#[derive(Clone, Debug)]
struct Mark {
    /// At this x (a vertical line) or y.
    x: Option<f64>,
    y: Option<f64>,
    name: String,
    value: f64,
}

/// One series of the option.
#[derive(Clone, Debug)]
pub(crate) struct Series {
    pub kind: Kind,
    pub name: String,
    colour: Option<String>,
    opacity: f64,
    stack: Option<String>,
    pub points: Vec<Point>,
    bar_width: Option<f64>,
    pub line: LineStyle,
    /// A filled area: its colour and opacity.
    pub area: Option<(Option<String>, f64)>,
    symbol: String,
    symbol_size: f64,
    label: Label,
    hide_overlap: bool,
    marks: Vec<Mark>,
    mark_line: LineStyle,
    mark_label: Option<String>,
}

impl Series {
    pub(crate) fn all(option: &Value) -> Vec<Series> {
        option["series"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Series::read)
            .collect()
    }

    fn read(s: &Value) -> Option<Series> {
        let kind = match s["type"].as_str()? {
            "line" => Kind::Line,
            "bar" => Kind::Bar,
            "scatter" => Kind::Scatter,
            _ => return None,
        };
        let points = s["data"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|d| {
                let (value, item) = match d {
                    Value::Object(_) => (&d["value"], d),
                    v => (v, &Value::Null),
                };
                let xy = value.as_array().and_then(|pair| match pair.as_slice() {
                    [x, y] => Some((x.as_f64()?, y.as_f64()?)),
                    _ => None,
                });
                Point {
                    name: item["name"].as_str().map(str::to_owned),
                    value: value.as_f64(),
                    xy,
                    colour: item["itemStyle"]["color"].as_str().map(str::to_owned),
                    opacity: item["itemStyle"]["opacity"].as_f64(),
                    label_show: item["label"]["show"].as_bool(),
                    label_position: item["label"]["position"].as_str().map(str::to_owned),
                }
            })
            .collect();
        let line = |style: &Value| LineStyle {
            colour: style["color"].as_str().map(str::to_owned),
            width: style["width"].as_f64().unwrap_or(2.0),
            dashed: style["type"].as_str() == Some("dashed"),
            opacity: style["opacity"].as_f64().unwrap_or(1.0),
        };
        let label = &s["label"];
        let mark = &s["markLine"];
        let marks = mark["data"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|m| {
                let (x, y) = (m["xAxis"].as_f64(), m["yAxis"].as_f64());
                Some(Mark {
                    x,
                    y,
                    name: m["name"].as_str().unwrap_or_default().to_owned(),
                    value: x.or(y)?,
                })
            })
            .collect();
        let mark_label = (mark["label"]["show"].as_bool() != Some(false)).then(|| {
            mark["label"]["formatter"]
                .as_str()
                .unwrap_or("{c}")
                .to_owned()
        });
        Some(Series {
            kind,
            name: s["name"].as_str().unwrap_or_default().to_owned(),
            colour: s["itemStyle"]["color"].as_str().map(str::to_owned),
            opacity: s["itemStyle"]["opacity"].as_f64().unwrap_or(1.0),
            stack: s["stack"].as_str().map(str::to_owned),
            points,
            bar_width: s["barWidth"].as_f64(),
            line: line(&s["lineStyle"]),
            area: s["areaStyle"].is_object().then(|| {
                (
                    s["areaStyle"]["color"].as_str().map(str::to_owned),
                    s["areaStyle"]["opacity"].as_f64().unwrap_or(0.7),
                )
            }),
            symbol: s["symbol"]
                .as_str()
                .unwrap_or(if kind == Kind::Line {
                    "emptyCircle"
                } else {
                    "circle"
                })
                .to_owned(),
            symbol_size: s["symbolSize"].as_f64().unwrap_or(if kind == Kind::Line {
                4.0
            } else {
                10.0
            }),
            label: Label {
                show: label["show"].as_bool().unwrap_or(false),
                position: label["position"].as_str().unwrap_or("top").to_owned(),
                formatter: label["formatter"].as_str().unwrap_or("{c}").to_owned(),
                font: label["fontSize"].as_f64().unwrap_or(12.0),
            },
            hide_overlap: s["labelLayout"]["hideOverlap"].as_bool().unwrap_or(false),
            marks,
            mark_line: line(&mark["lineStyle"]),
            mark_label,
        })
    }

    /// The series' colour: its own, else the palette's for its place.
    pub(crate) fn colour(&self, index: usize) -> String {
        self.colour
            .clone()
            .or_else(|| self.line.colour.clone())
            .unwrap_or_else(|| PALETTE[index % PALETTE.len()].to_owned())
    }

    /// Draws the series' symbol at (`x`, `y`).
    pub(crate) fn symbol_at(&self, x: f64, y: f64, colour: &str, svg: &mut String) {
        let r = self.symbol_size / 2.0;
        let colour = escape(colour);
        let _ = match self.symbol.as_str() {
            "none" => Ok(()),
            "rect" => write!(
                svg,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{colour}\"/>",
                n(x - r),
                n(y - r),
                n(2.0 * r),
                n(2.0 * r)
            ),
            "emptyCircle" => write!(
                svg,
                "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#fff\" stroke=\"{colour}\" stroke-width=\"2\"/>",
                n(x),
                n(y),
                n(r)
            ),
            _ => write!(
                svg,
                "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{colour}\"/>",
                n(x),
                n(y),
                n(r)
            ),
        };
    }

    pub(crate) fn draw(
        &self,
        index: usize,
        all: &[Series],
        frame: &Frame,
        svg: &mut String,
        labels: &mut Labels,
    ) {
        let stacked = stacked(all);
        let values = &stacked[index];
        match self.kind {
            Kind::Bar => self.draw_bars(index, all, values, frame, svg, labels),
            Kind::Line => self.draw_line(index, all, &stacked, frame, svg),
            Kind::Scatter => self.draw_points(index, frame, svg, None),
        }
        self.draw_marks(index, frame, svg);
    }

    fn draw_bars(
        &self,
        index: usize,
        all: &[Series],
        values: &[Option<(f64, f64)>],
        frame: &Frame,
        svg: &mut String,
        labels: &mut Labels,
    ) {
        let (categories, axis) = frame.category_and_value();
        if !categories.is_category() {
            return;
        }
        // The bars of a category side by side, one slot per stack (or unstacked series): 20 % of the
        // band left between categories, 30 % of a bar between bars.
        let slots = bar_slots(all);
        let Some(slot) = slots.iter().position(|s| s.contains(&index)) else {
            return;
        };
        let band = categories.band();
        let auto = band * 0.8 / (slots.len() as f64 + 0.3 * (slots.len() as f64 - 1.0));
        let widths: Vec<f64> = slots
            .iter()
            .map(|members| {
                members
                    .iter()
                    .filter_map(|&m| all[m].bar_width)
                    .fold(None, |w: Option<f64>, b| Some(w.map_or(b, |w| w.max(b))))
                    .unwrap_or(auto)
            })
            .collect();
        let gap = auto * 0.3;
        let total: f64 = widths.iter().sum::<f64>() + gap * (widths.len() as f64 - 1.0);
        let offset = -total / 2.0 + widths[..slot].iter().map(|w| w + gap).sum::<f64>();
        let thickness = widths[slot];
        let colour = self.colour(index);
        for (i, (point, value)) in self.points.iter().zip(values).enumerate() {
            let Some((base, top)) = value else { continue };
            let colour = point.colour.clone().unwrap_or_else(|| colour.clone());
            let (from, to) = (axis.clamped(*base), axis.clamped(*top));
            let across = categories.at(i as f64) + offset;
            let (x, y, w, h) = if frame.horizontal() {
                (from.min(to), across, (to - from).abs(), thickness)
            } else {
                (across, from.min(to), thickness, (to - from).abs())
            };
            if colour != "transparent" && point.opacity.unwrap_or(1.0) > 0.0 {
                let _ = write!(
                    svg,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"{}/>",
                    n(x),
                    n(y),
                    n(w),
                    n(h),
                    escape(&colour),
                    opacity_attr(point.opacity.unwrap_or(self.opacity))
                );
            }
            if self.label.show && point.label_show != Some(false) {
                let text = self.label_text(point, top - base);
                let (lx, ly, anchor) = if frame.horizontal() {
                    (x + w + 5.0, y + h / 2.0, "start")
                } else {
                    (x + w / 2.0, y - 5.0 - self.label.font / 2.0, "middle")
                };
                labels.text(lx, ly, anchor, self.label.font, TEXT, &text);
            }
        }
    }

    fn draw_line(
        &self,
        index: usize,
        all: &[Series],
        stacked: &[Vec<Option<(f64, f64)>>],
        frame: &Frame,
        svg: &mut String,
    ) {
        let (categories, axis) = frame.category_and_value();
        if !categories.is_category() {
            return;
        }
        let at = |i: usize, v: f64| {
            let (c, v) = (categories.at(i as f64), axis.at(v));
            if frame.horizontal() { (v, c) } else { (c, v) }
        };
        let values = &stacked[index];
        let colour = self.colour(index);
        // Runs of consecutive values: a missing value breaks the line (and the band).
        let mut runs: Vec<Vec<(usize, f64, f64)>> = vec![Vec::new()];
        for (i, v) in values.iter().enumerate() {
            match v {
                Some((base, top)) => {
                    if let Some(run) = runs.last_mut() {
                        run.push((i, *base, *top));
                    }
                }
                None => runs.push(Vec::new()),
            }
        }
        // A value alone between gaps is its symbol only, as in ECharts.
        let lines: Vec<_> = runs.iter().filter(|r| r.len() > 1).collect();
        if let Some((area_colour, opacity)) = &self.area {
            let stacked_below = self.stack.is_some()
                && all[..index]
                    .iter()
                    .any(|s| s.stack == self.stack && s.kind == Kind::Line);
            let area_colour = area_colour.clone().unwrap_or_else(|| colour.clone());
            for run in &lines {
                let top: Vec<String> = run
                    .iter()
                    .map(|(i, _, t)| {
                        let (x, y) = at(*i, *t);
                        format!("{} {}", n(x), n(y))
                    })
                    .collect();
                let bottom: Vec<String> = run
                    .iter()
                    .rev()
                    .map(|(i, b, _)| {
                        let base = if stacked_below { *b } else { axis.origin() };
                        let (x, y) = at(*i, base);
                        format!("{} {}", n(x), n(y))
                    })
                    .collect();
                let _ = write!(
                    svg,
                    "<path d=\"M{}L{}Z\" fill=\"{}\"{}/>",
                    top.join("L"),
                    bottom.join("L"),
                    escape(&area_colour),
                    opacity_attr(*opacity)
                );
            }
        }
        if self.line.opacity > 0.0 {
            let stroke = self.line.colour.clone().unwrap_or_else(|| colour.clone());
            for run in &lines {
                let d: Vec<String> = run
                    .iter()
                    .map(|(i, _, t)| {
                        let (x, y) = at(*i, *t);
                        format!("{} {}", n(x), n(y))
                    })
                    .collect();
                let _ = write!(
                    svg,
                    "<path d=\"M{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" stroke-linejoin=\"round\"{}{}/>",
                    d.join("L"),
                    escape(&stroke),
                    n(self.line.width),
                    if self.line.dashed {
                        " stroke-dasharray=\"5 4\""
                    } else {
                        ""
                    },
                    if self.line.opacity < 1.0 {
                        format!(" stroke-opacity=\"{}\"", n(self.line.opacity))
                    } else {
                        String::new()
                    }
                );
            }
            for run in &runs {
                for (i, _, t) in run {
                    let (x, y) = at(*i, *t);
                    self.symbol_at(x, y, &colour, svg);
                }
            }
        }
    }

    /// Draws the points (`labels` `None`), or places their labels.
    fn draw_points(
        &self,
        index: usize,
        frame: &Frame,
        svg: &mut String,
        mut labels: Option<&mut Labels>,
    ) {
        let colour = self.colour(index);
        for (i, point) in self.points.iter().enumerate() {
            let (x, y) = match (point.xy, point.value) {
                (Some((px, py)), _) => (frame.x.at(px), frame.y.at(py)),
                (None, Some(v)) => {
                    let (categories, axis) = frame.category_and_value();
                    let (c, v) = (categories.at(i as f64), axis.at(v));
                    if frame.horizontal() { (v, c) } else { (c, v) }
                }
                (None, None) => continue,
            };
            let own = point.colour.clone().unwrap_or_else(|| colour.clone());
            let Some(labels) = labels.as_deref_mut() else {
                self.symbol_at(x, y, &own, svg);
                continue;
            };
            if !self.label.show || point.label_show == Some(false) {
                continue;
            }
            let text = self.label_text(point, point.value.unwrap_or_default());
            let position = point
                .label_position
                .as_deref()
                .unwrap_or(self.label.position.as_str());
            let gap = self.symbol_size / 2.0 + 5.0;
            let (lx, anchor) = if position == "left" {
                (x - gap, "end")
            } else {
                (x + gap, "start")
            };
            if self.hide_overlap {
                labels.unless_colliding(lx, y, anchor, self.label.font, TEXT, &text);
            } else {
                labels.text(lx, y, anchor, self.label.font, TEXT, &text);
            }
        }
    }

    /// Places the labels of a series of points (after every series is drawn: see [`super::draw`]).
    pub(crate) fn place_labels(&self, index: usize, frame: &Frame, labels: &mut Labels) {
        if self.kind == Kind::Scatter {
            self.draw_points(index, frame, &mut String::new(), Some(labels));
        }
    }

    /// The size of the series' symbols: labels of larger ones are placed first.
    pub(crate) fn symbol_size(&self) -> f64 {
        self.symbol_size
    }

    fn draw_marks(&self, index: usize, frame: &Frame, svg: &mut String) {
        let colour = self
            .mark_line
            .colour
            .clone()
            .unwrap_or_else(|| self.colour(index));
        for mark in &self.marks {
            let (d, label_at) = match (mark.x, mark.y) {
                (Some(x), _) => {
                    let x = frame.x.clamped(x);
                    (
                        format!("M{} {}V{}", n(x), n(frame.bottom), n(frame.top)),
                        (x, frame.top - 4.0),
                    )
                }
                (None, Some(y)) => {
                    let y = frame.y.clamped(y);
                    (
                        format!("M{} {}H{}", n(frame.left), n(y), n(frame.right)),
                        (frame.right, y - 4.0),
                    )
                }
                (None, None) => continue,
            };
            let _ = write!(
                svg,
                "<path d=\"{d}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1\"{}/>",
                escape(&colour),
                if self.mark_line.dashed {
                    " stroke-dasharray=\"5 4\""
                } else {
                    ""
                }
            );
            if let Some(formatter) = &self.mark_label {
                let text = formatter
                    .replace("{b}", &mark.name)
                    .replace("{c}", &number(mark.value, 2));
                let w = width(&text, 12.0);
                let (x, anchor) = if label_at.0 + w / 2.0 > frame.width() {
                    (label_at.0, "end")
                } else if label_at.0 - w / 2.0 < 0.0 {
                    (label_at.0, "start")
                } else {
                    (label_at.0, "middle")
                };
                let _ = write!(
                    svg,
                    "<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"{}\" text-anchor=\"{anchor}\">{}</text>",
                    n(x),
                    n(label_at.1),
                    escape(&colour),
                    escape(&text)
                );
            }
        }
    }

    fn label_text(&self, point: &Point, value: f64) -> String {
        self.label
            .formatter
            .replace("{b}", point.name.as_deref().unwrap_or_default())
            .replace("{c}", &number(value, 2))
    }
}

/// Each series' values as (base, top) along the value axis: stacked series of one `stack` on top of
/// the ones before them, category by category; `None` where a value is missing.
pub(crate) fn stacked(series: &[Series]) -> Vec<Vec<Option<(f64, f64)>>> {
    let mut totals: Vec<(Option<String>, Kind, Vec<f64>)> = Vec::new();
    series
        .iter()
        .map(|s| {
            let stack = match &s.stack {
                Some(key) => {
                    match totals
                        .iter()
                        .position(|(k, kind, _)| k.as_ref() == Some(key) && *kind == s.kind)
                    {
                        Some(i) => Some(i),
                        None => {
                            totals.push((Some(key.clone()), s.kind, Vec::new()));
                            Some(totals.len() - 1)
                        }
                    }
                }
                None => None,
            };
            s.points
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let v = p.value?;
                    match stack {
                        Some(t) => {
                            let sums = &mut totals[t].2;
                            if sums.len() <= i {
                                sums.resize(i + 1, 0.0);
                            }
                            let base = sums[i];
                            sums[i] += v;
                            Some((base, base + v))
                        }
                        None => Some((0.0, v)),
                    }
                })
                .collect()
        })
        .collect()
}

/// The bar series grouped into slots: a stack's series share one, every other bar series has its own.
fn bar_slots(series: &[Series]) -> Vec<Vec<usize>> {
    let mut slots: Vec<(Option<String>, Vec<usize>)> = Vec::new();
    for (i, s) in series
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == Kind::Bar)
    {
        match slots.iter_mut().find(|(k, _)| k.is_some() && *k == s.stack) {
            Some((_, members)) => members.push(i),
            None => slots.push((s.stack.clone(), vec![i])),
        }
    }
    slots.into_iter().map(|(_, m)| m).collect()
}

/// The labels of the drawing, drawn above every series; those that give way skip a place taken.
#[derive(Default)]
pub(crate) struct Labels {
    pub svg: String,
    taken: Vec<(f64, f64, f64, f64)>,
}

impl Labels {
    fn text(&mut self, x: f64, y: f64, anchor: &str, font: f64, colour: &str, text: &str) {
        let w = width(text, font);
        let left = match anchor {
            "end" => x - w,
            "middle" => x - w / 2.0,
            _ => x,
        };
        self.taken
            .push((left, y - font * 0.8, left + w, y + font * 0.8));
        let _ = write!(
            self.svg,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{}\" text-anchor=\"{anchor}\" dominant-baseline=\"central\">{}</text>",
            n(x),
            n(y),
            n(font),
            escape(colour),
            escape(text)
        );
    }

    fn unless_colliding(
        &mut self,
        x: f64,
        y: f64,
        anchor: &str,
        font: f64,
        colour: &str,
        text: &str,
    ) {
        let w = width(text, font);
        let left = if anchor == "end" { x - w } else { x };
        let (top, bottom, right) = (y - font * 0.8, y + font * 0.8, left + w);
        let collides = self
            .taken
            .iter()
            .any(|(l, t, r, b)| left < *r && right > *l && top < *b && bottom > *t);
        if !collides {
            self.text(x, y, anchor, font, colour, text);
        }
    }
}

/// The names the legend lists: the option's `legend.data`, else every named series once.
pub(crate) fn legend_names(option: &Value, series: &[Series]) -> Vec<String> {
    match option["legend"]["data"].as_array() {
        Some(items) => items
            .iter()
            .filter_map(|i| i.as_str().or_else(|| i["name"].as_str()).map(str::to_owned))
            .collect(),
        None => {
            let mut names: Vec<String> = Vec::new();
            for s in series.iter().filter(|s| !s.name.is_empty()) {
                if !names.contains(&s.name) {
                    names.push(s.name.clone());
                }
            }
            names
        }
    }
}

/// Draws the legend the frame laid out: each item's icon (a line with its symbol, or a swatch) and name.
pub(crate) fn draw_legend(frame: &Frame, series: &[Series], svg: &mut String) {
    let font = frame.legend_font;
    for (x, y, name) in &frame.legend {
        let Some((index, s)) = series.iter().enumerate().find(|(_, s)| &s.name == name) else {
            continue;
        };
        let colour = s.colour(index);
        let middle = y + ICON_HEIGHT / 2.0;
        match (s.kind, s.area.is_some()) {
            (Kind::Line, false) => {
                let _ = write!(
                    svg,
                    "<path d=\"M{} {}H{}\" stroke=\"{}\" stroke-width=\"2\"{}/>",
                    n(*x),
                    n(middle),
                    n(x + ICON_WIDTH),
                    escape(&s.line.colour.clone().unwrap_or_else(|| colour.clone())),
                    if s.line.dashed {
                        " stroke-dasharray=\"4 3\""
                    } else {
                        ""
                    }
                );
                s.symbol_at(x + ICON_WIDTH / 2.0, middle, &colour, svg);
            }
            (_, area) => {
                let opacity =
                    s.area
                        .as_ref()
                        .map_or(1.0, |a| a.1)
                        .max(if area { 0.2 } else { 1.0 });
                let _ = write!(
                    svg,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" fill=\"{}\"{}/>",
                    n(*x),
                    n(*y),
                    n(ICON_WIDTH),
                    n(ICON_HEIGHT),
                    escape(&colour),
                    opacity_attr(opacity)
                );
            }
        }
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{TEXT}\" dominant-baseline=\"central\">{}</text>",
            n(x + ICON_WIDTH + 5.0),
            n(middle),
            n(font),
            escape(name)
        );
    }
}

/// The extents of the values on x and on y: stacked series at their stacked values, points at both.
pub(crate) fn extents(series: &[Series], value_on_x: bool) -> ((f64, f64), (f64, f64)) {
    let mut xs = (f64::INFINITY, f64::NEG_INFINITY);
    let mut ys = (f64::INFINITY, f64::NEG_INFINITY);
    let grow = |e: &mut (f64, f64), v: f64| {
        if v.is_finite() {
            e.0 = e.0.min(v);
            e.1 = e.1.max(v);
        }
    };
    let stacked = stacked(series);
    for (s, values) in series.iter().zip(&stacked) {
        for (point, value) in s.points.iter().zip(values) {
            match (point.xy, value) {
                (Some((px, py)), _) => {
                    grow(&mut xs, px);
                    grow(&mut ys, py);
                }
                (None, Some((_, top))) => {
                    if value_on_x {
                        grow(&mut xs, *top);
                    } else {
                        grow(&mut ys, *top);
                    }
                }
                (None, None) => {}
            }
        }
    }
    (xs, ys)
}
