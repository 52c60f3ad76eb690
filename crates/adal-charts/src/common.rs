//! What every chart shares: colours for the light and dark themes, the scale of values, and the frame
//! (accessible description on, transparent background, titles kept for export).

use charming::Chart;
use charming::component::{Aria, Grid, Title};
use serde::{Deserialize, Serialize};

/// The page's colour theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Dark text on a light page.
    Light,
    /// Light text on a dark page.
    Dark,
}

impl Theme {
    /// The colour of the unit in focus (a trend's unit, the selected bar): dark orange-brown on light,
    /// light orange on dark, both at least 3:1 against the page.
    pub fn accent(self) -> &'static str {
        match self {
            Theme::Light => "#a64b00",
            Theme::Dark => "#f5a25d",
        }
    }

    /// The colour of the whole country and of other units: a neutral grey.
    pub fn neutral(self) -> &'static str {
        match self {
            Theme::Light => "#5f6b7a",
            Theme::Dark => "#a9b4c2",
        }
    }

    /// Lines of several units: five colours told apart with colour-vision deficiencies (after Okabe and
    /// Ito), darkened or lightened to 3:1 against the page.
    pub fn series(self) -> [&'static str; 5] {
        match self {
            Theme::Light => ["#0b6aa2", "#b35900", "#007a5a", "#a8447f", "#6b5a00"],
            Theme::Dark => ["#56b4e9", "#f0a04b", "#3ccf9f", "#e58fc0", "#e6d14a"],
        }
    }

    /// Categories of a stacked chart: eight colours, the last one for "withheld".
    pub fn categories(self) -> [&'static str; 8] {
        match self {
            Theme::Light => [
                "#0b6aa2", "#b35900", "#007a5a", "#a8447f", "#6b5a00", "#5b4bb7", "#7f7f7f",
                "#c9c9c9",
            ],
            Theme::Dark => [
                "#56b4e9", "#f0a04b", "#3ccf9f", "#e58fc0", "#e6d14a", "#a99cf0", "#b0b0b0",
                "#5a5a5a",
            ],
        }
    }
}

/// How a metric's values are written on an axis: shares as percentages, everything with a fixed number of
/// decimals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scale {
    /// Values are shares from 0 to 1, shown as percentages.
    pub percent: bool,
    /// Decimals kept.
    pub decimals: u8,
}

impl Scale {
    /// The value as drawn: a share becomes a percentage; rounded to the decimals kept.
    pub fn apply(self, value: f64) -> f64 {
        let v = if self.percent { value * 100.0 } else { value };
        let f = 10f64.powi(i32::from(self.decimals));
        (v * f).round() / f
    }

    /// A series as drawn, gaps kept.
    pub fn apply_all(self, values: &[Option<f64>]) -> Vec<Option<f64>> {
        values.iter().map(|v| v.map(|v| self.apply(v))).collect()
    }

    /// What follows a number: ` %` for shares.
    pub fn suffix(self) -> &'static str {
        if self.percent { " %" } else { "" }
    }

    /// The axis label template.
    pub fn axis_label(self) -> &'static str {
        if self.percent { "{value} %" } else { "{value}" }
    }
}

/// A chart with `title` (kept in the spec for the accessible description and for exports, not drawn: the
/// page shows its own heading), ECharts' accessible description turned on, and a transparent background
/// so that the page's theme shows through.
pub fn frame(title: &str) -> Chart {
    Chart::new()
        .title(Title::new().text(title).show(false))
        .aria(Aria::new().enabled(true))
        .background_color("transparent")
        .grid(
            Grid::new()
                .left(8)
                .right(24)
                .top(40)
                .bottom(8)
                .contain_label(true),
        )
}
