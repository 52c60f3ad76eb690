//! Static drawings of the charts as SVG, made natively from the same ECharts option the chart worker
//! makes for the page (so that `adal` draws a pre-rendered page's charts itself, with no JavaScript
//! runtime): the grid and its axes, bars (grouped or stacked), lines with their bands, points with labels
//! that do not collide, reference lines and the legend, laid out as ECharts lays them out for the
//! subset of options [`crate`]'s charts use. The interactive chart replaces the drawing when it starts;
//! where the two differ it is by a few pixels of text placement, not in what is shown.
//!
//! The drawing is decoration for assistive technology (`aria-hidden`): the element around it is the
//! accessible image, with the chart's summary, and the table beside it holds the figures.

mod common;
mod layout;
mod scale;
mod series;
mod text;

use std::fmt::Write as _;

use serde_json::Value;

use layout::Frame;
use series::Series;

pub use scale::{Ticks, number, ticks};
pub use text::escape;

/// The static drawing of the chart `option` at `width` × `height` px: the option's media queries for
/// that width applied, then drawn. It fills its container (`width`/`height` 100%, `viewBox` of the size).
pub fn draw(option: &Value, width: f64, height: f64) -> String {
    let option = responsive(option, width);
    let series = Series::all(&option);
    let axes = layout::axes(&option);
    let extents = series::extents(&series, axes.1.categories.is_some());
    let names = series::legend_names(&option, &series);
    let frame = Frame::new(&option, axes, &names, extents, width, height);
    let mut svg = String::with_capacity(16 * 1024);
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"100%\" height=\"100%\" \
class=\"chart-static\" aria-hidden=\"true\" focusable=\"false\" font-family=\"sans-serif\">",
        common::n(width),
        common::n(height)
    );
    series::draw_legend(&frame, &series, &mut svg);
    frame.draw_axes(&mut svg);
    let mut labels = series::Labels::default();
    for (i, s) in series.iter().enumerate() {
        s.draw(i, &series, &frame, &mut svg, &mut labels);
    }
    // The points' labels over everything, those of the larger (compared) points placed first, as
    // ECharts does: a label that would collide with one placed gives way.
    let mut order: Vec<usize> = (0..series.len()).collect();
    order.sort_by(|a, b| {
        series[*b]
            .symbol_size()
            .total_cmp(&series[*a].symbol_size())
    });
    for i in order {
        series[i].place_labels(i, &frame, &mut labels);
    }
    svg.push_str(&labels.svg);
    svg.push_str("</svg>");
    svg
}

/// `option` with its media queries for a chart `width` px wide merged in, in their order (as ECharts
/// applies them), and the media list itself dropped.
fn responsive(option: &Value, width: f64) -> Value {
    let mut base = option.clone();
    let media = base
        .as_object_mut()
        .and_then(|o| o.remove("media"))
        .unwrap_or(Value::Null);
    for query in media.as_array().into_iter().flatten() {
        let q = &query["query"];
        let fits = q["maxWidth"].as_f64().is_none_or(|max| width <= max)
            && q["minWidth"].as_f64().is_none_or(|min| width >= min);
        if fits {
            merge(&mut base, &query["option"]);
        }
    }
    base
}

/// Merges a media query's `patch` into `target` as ECharts does: objects key by key, a list of
/// components item by item (`series: [{…}]` changes the first series, it does not replace the list), an
/// object met by a list into each of its items, anything else replaced.
fn merge(target: &mut Value, patch: &Value) {
    match (target, patch) {
        (Value::Array(items), Value::Array(patches)) => {
            for (item, patch) in items.iter_mut().zip(patches) {
                merge(item, patch);
            }
        }
        (Value::Object(t), Value::Object(p)) => {
            for (key, value) in p {
                merge(t.entry(key.clone()).or_insert(Value::Null), value);
            }
        }
        (Value::Array(items), Value::Object(_)) => {
            for item in items {
                merge(item, patch);
            }
        }
        (t, p) => *t = p.clone(),
    }
}

#[cfg(test)]
mod tests;
