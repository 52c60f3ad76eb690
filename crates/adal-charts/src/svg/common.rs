//! What every part of a static drawing shares: ECharts' default colours, how numbers are written in
//! SVG, and how a component the option may give as a list is read. Imports nothing of the drawing.

use serde_json::Value;

use super::scale::number;

/// ECharts' colours for what the option leaves uncoloured: axis lines and labels, split lines, text.
pub const AXIS: &str = "#6E7079";
pub const SPLIT: &str = "#E0E6F1";
pub const TEXT: &str = "#333";
/// ECharts' default palette, for series without a colour of their own.
pub const PALETTE: [&str; 9] = [
    "#5470c6", "#91cc75", "#fac858", "#ee6666", "#73c0de", "#3ba272", "#fc8452", "#9a60b4",
    "#ea7ccc",
];

/// A coordinate as SVG wants it: at most two decimals, no trailing zeros.
pub fn n(x: f64) -> String {
    number(x, 2)
}

/// The first of `value` if it is a list (charming writes some components as lists), else `value`.
pub fn first(value: &Value) -> &Value {
    match value {
        Value::Array(items) => items.first().unwrap_or(&Value::Null),
        v => v,
    }
}

/// ` fill-opacity="…"` where `opacity` is below 1.
pub fn opacity_attr(opacity: f64) -> String {
    if opacity < 1.0 {
        format!(" fill-opacity=\"{}\"", n(opacity))
    } else {
        String::new()
    }
}
