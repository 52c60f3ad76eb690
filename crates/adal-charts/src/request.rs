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

/// Merges `patch` into `target`: objects key by key, anything else replaced. An array in `target` met
/// by an object in `patch` takes it in each of its items (charming writes some components as arrays).
fn merge(target: &mut serde_json::Value, patch: &serde_json::Value) {
    use serde_json::Value;
    match (target, patch) {
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

/// A scatter's labels (its series: every unit, then one per compared unit, see [`scatter::chart`]):
/// left out where they would collide with another, the compared units' placed first (their symbols are
/// larger: ECharts places labels by their symbol's size) — and always named in the legend; every unit's
/// left out for a compared one, which its own series draws. On a phone only the compared units are named
/// ([`Request::narrow`]).
fn scatter_labels(spread: &scatter::Spread, series: &mut [serde_json::Value]) {
    use serde_json::json;
    // A label's box as ECharts measures it is lower than the text drawn: a line height makes it as
    // high, so that labels that touch count as colliding. Points in the right half of the plot have
    // their labels on their left, inside the chart.
    let (low, high) = spread
        .points
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), p| {
            (l.min(p.x), h.max(p.x))
        });
    let middle = (low + high) / 2.0;
    let side = |p: &scatter::Point| if p.x > middle { "left" } else { "right" };
    let layout = json!({ "labelLayout": { "hideOverlap": true }, "label": { "lineHeight": 16 } });
    let Some((all, compared)) = series.split_first_mut() else {
        return;
    };
    merge(all, &layout);
    if let Some(serde_json::Value::Array(points)) = all.get_mut("data") {
        for (point, p) in points.iter_mut().zip(&spread.points) {
            merge(point, &json!({ "label": { "position": side(p) } }));
            if p.highlight.is_some() {
                merge(point, &json!({ "label": { "show": false } }));
            }
        }
    }
    for (one, p) in compared.iter_mut().zip(spread.compared()) {
        merge(one, &layout);
        merge(
            one,
            &json!({ "silent": true, "z": 3, "label": { "position": side(p) } }),
        );
    }
}

/// The widest chart, in CSS px, that takes the narrow layout: a phone's.
pub const NARROW: u32 = 480;

/// The widest chart, in CSS px, of the middle layout (a tablet, a narrow column).
const MIDDLE: u32 = 800;

/// How many rows a legend of `names` takes in a chart `width` px wide, as ECharts lays it out: a 25-px
/// icon, 5 px to the text, 10 px between items, 5 px of padding each side; the text `font` px high, its
/// letters taken as 0.62 of that wide (generous for Latin and Cyrillic in a sans-serif).
fn legend_rows(names: &[String], width: f64, font: f64) -> usize {
    let room = width - 10.0;
    let mut rows = 1;
    let mut x = 0.0;
    for name in names {
        let item = 30.0 + font * 0.62 * name.chars().count() as f64;
        if x > 0.0 && x + item > room {
            rows += 1;
            x = 0.0;
        }
        x += item + 10.0;
    }
    rows
}

/// The space above the plot for a legend of `rows` rows, so that it never covers the plot: ECharts'
/// rows are 14 px (its symbols; the text is lower) with 10 px between them, inside 5 px of padding.
fn legend_room(rows: usize) -> f64 {
    10.0 + rows as f64 * 24.0
}

impl Request {
    /// What the chart changes on a phone (ECharts' `media`, for charts at most [`NARROW`] px wide): smaller
    /// type, axis labels that would overlap left out (`hideOverlap`), legends on one scrolling line
    /// above the plot, long service names broken over two lines with room for the values after the bars.
    fn narrow(&self) -> serde_json::Value {
        use serde_json::json;
        let axis = json!({ "axisLabel": { "fontSize": 10, "hideOverlap": true } });
        let mut narrow = json!({ "xAxis": axis, "yAxis": axis });
        if self.has_legend() {
            let legend = json!({ "textStyle": { "fontSize": 11 } });
            merge(&mut narrow, &json!({ "legend": legend }));
        }
        let extra = match &self.input {
            ChartInput::Services(_) => json!({
                "grid": { "right": 48 },
                "yAxis": { "axisLabel": { "width": 128, "overflow": "break", "lineHeight": 12 } },
                "series": { "label": { "fontSize": 10 } },
            }),
            ChartInput::Ranking(_) => json!({
                "yAxis": { "axisLabel": { "width": 120, "overflow": "truncate" } },
            }),
            // Only the compared units are named (twenty names do not fit), and in at most 110 px (the
            // legend names them whole).
            ChartInput::Scatter(spread) => {
                let compared = spread.compared().count();
                let short = json!({ "label": { "width": 110, "overflow": "truncate" } });
                let series: Vec<serde_json::Value> =
                    std::iter::once(json!({ "label": { "show": false } }))
                        .chain(std::iter::repeat_n(short, compared))
                        .collect();
                json!({ "series": series })
            }
            // The quarters under the bars on two lines, clear of the value axis.
            ChartInput::Complaints(_) => json!({
                "xAxis": { "axisLabel": { "width": 64, "overflow": "break", "lineHeight": 12 } },
            }),
            _ => json!({}),
        };
        merge(&mut narrow, &extra);
        narrow
    }

    /// The names its legend shows, where it has one: the legend's own list, or its series'.
    fn legend_names(&self, option: &serde_json::Value) -> Vec<String> {
        if !self.has_legend() {
            return Vec::new();
        }
        let legend = match &option["legend"] {
            serde_json::Value::Array(all) => all.first().cloned().unwrap_or_default(),
            one => one.clone(),
        };
        let listed = legend["data"].as_array().cloned().unwrap_or_else(|| {
            option["series"]
                .as_array()
                .map(|s| s.iter().map(|x| x["name"].clone()).collect())
                .unwrap_or_default()
        });
        listed
            .iter()
            .filter_map(|n| n.as_str().or_else(|| n["name"].as_str()))
            .map(str::to_owned)
            .collect()
    }

    /// Whether the chart has a legend (a narrow layout must not add one).
    fn has_legend(&self) -> bool {
        match &self.input {
            ChartInput::Trend(_) | ChartInput::Complaints(_) => true,
            ChartInput::Scatter(s) => s.compared().next().is_some(),
            ChartInput::Ranking(_) | ChartInput::Services(_) => false,
        }
    }

    /// What every width changes: a scatter's axis names need room outside the plot (they were cut off),
    /// and its labels are left out where they would collide with another (a compared unit's placed first:
    /// those are drawn by their own series, see [`scatter::chart`]).
    fn patch(&self) -> serde_json::Value {
        use serde_json::json;
        match self.input {
            ChartInput::Scatter(_) => json!({
                "grid": { "left": 44, "bottom": 36 },
            }),
            _ => json!({}),
        }
    }

    /// The ECharts option: the chart, with what charming has no field for. A trend's x axis has no gap at
    /// its ends, so its first and last labels are aligned inwards (`alignMinLabel`, `alignMaxLabel`)
    /// instead of being cut off at the chart's edges. On a phone the chart takes its narrow layout
    /// (`media`, [`NARROW`]).
    pub fn option(&self) -> Option<serde_json::Value> {
        let mut option = serde_json::to_value(self.chart()).ok()?;
        merge(&mut option, &self.patch());
        if let ChartInput::Scatter(spread) = &self.input
            && let Some(serde_json::Value::Array(series)) = option.get_mut("series")
        {
            scatter_labels(spread, series);
        }
        if matches!(self.input, ChartInput::Trend(_)) {
            let axes = match option.get_mut("xAxis") {
                Some(serde_json::Value::Array(axes)) => axes.iter_mut().collect(),
                Some(axis) => vec![axis],
                None => Vec::new(),
            };
            for axis in axes.into_iter().filter_map(|a| a.as_object_mut()) {
                let label = axis
                    .entry("axisLabel")
                    .or_insert_with(|| serde_json::json!({}));
                if let Some(label) = label.as_object_mut() {
                    label.insert("alignMinLabel".into(), "left".into());
                    label.insert("alignMaxLabel".into(), "right".into());
                }
            }
        }
        // A legend above the plot gets the room its rows take at each width (at the narrowest width of
        // each layout), instead of covering the plot once it wraps.
        let names = self.legend_names(&option);
        let room = |width: f64, font: f64| {
            let top = legend_room(legend_rows(&names, width, font)).max(40.0);
            serde_json::json!({ "grid": { "top": top } })
        };
        let mut middle = serde_json::json!({});
        let mut narrow = self.narrow();
        if !names.is_empty() {
            merge(&mut option, &room(f64::from(MIDDLE), 12.0));
            merge(&mut middle, &room(f64::from(NARROW), 12.0));
            merge(&mut narrow, &room(300.0, 11.0));
        }
        // Beside the option's own keys, which ECharts then reads as the base option; the narrow layout
        // last, so that it wins where both apply.
        if let Some(fields) = option.as_object_mut() {
            fields.insert(
                "media".into(),
                serde_json::json!([
                    { "query": { "maxWidth": MIDDLE }, "option": middle },
                    { "query": { "maxWidth": NARROW }, "option": narrow },
                ]),
            );
        }
        Some(option)
    }
}

/// The ECharts option (JSON) for a request (JSON); `None` for a request that cannot be read.
pub fn answer(request: &str) -> Option<String> {
    let request: Request = serde_json::from_str(request).ok()?;
    serde_json::to_string(&request.option()?).ok()
}
