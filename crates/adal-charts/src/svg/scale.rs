//! The value axis of a static drawing as ECharts lays it out: about five "nice" intervals (1, 2, 3, 5
//! times a power of ten) over the data's extent, from zero unless the axis is `scale`d, and the numbers
//! written as ECharts writes them (no trailing zeros).

/// A value axis: its ends and its ticks.
#[derive(Clone, Debug, PartialEq)]
pub struct Ticks {
    /// The lowest value.
    pub min: f64,
    /// The highest value.
    pub max: f64,
    /// The values of the ticks, `min` to `max`.
    pub values: Vec<f64>,
    /// Decimals that the ticks need.
    pub decimals: usize,
}

/// The nice number near `x` (x > 0): 1, 2, 3, 5 or 10 times a power of ten.
fn nice(x: f64) -> f64 {
    let exponent = x.log10().floor();
    let power = 10f64.powf(exponent);
    let f = x / power;
    let n = if f < 1.5 {
        1.0
    } else if f < 2.5 {
        2.0
    } else if f < 4.0 {
        3.0
    } else if f < 7.0 {
        5.0
    } else {
        10.0
    };
    n * power
}

/// The ticks of an axis over `low..=high`, from zero unless `scale`.
pub fn ticks(low: f64, high: f64, scale: bool) -> Ticks {
    let (mut low, mut high) = if low.is_finite() && high.is_finite() && low <= high {
        (low, high)
    } else {
        (0.0, 1.0)
    };
    if !scale {
        low = low.min(0.0);
        high = high.max(0.0);
    }
    if high - low < 1e-9 {
        let pad = if high.abs() > 1e-9 {
            high.abs() / 2.0
        } else {
            1.0
        };
        if scale || low < 0.0 {
            low -= pad;
        }
        high += pad;
    }
    let interval = nice((high - low) / 5.0);
    let decimals = (-interval.log10().floor()).max(0.0) as usize;
    let min = (low / interval).floor() * interval;
    let max = (high / interval).ceil() * interval;
    let steps = ((max - min) / interval).round() as usize;
    let values = (0..=steps)
        .map(|i| round(min + i as f64 * interval, decimals))
        .collect();
    Ticks {
        min: round(min, decimals),
        max: round(max, decimals),
        values,
        decimals,
    }
}

fn round(x: f64, decimals: usize) -> f64 {
    let f = 10f64.powi(decimals as i32);
    (x * f).round() / f
}

/// `x` as ECharts writes a number: as short as it is exact, at most `decimals` after the point.
pub fn number(x: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, x);
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    };
    if text == "-0" { "0".to_owned() } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_get_nice_ticks_over_the_data() {
        let t = ticks(92.3, 97.6, true);
        assert_eq!((t.min, t.max), (92.0, 98.0));
        assert_eq!(t.values.len(), 7);
        let counts = ticks(0.0, 131.0, false);
        assert_eq!((counts.min, counts.max), (0.0, 150.0));
        assert_eq!(counts.values, vec![0.0, 30.0, 60.0, 90.0, 120.0, 150.0]);
        let shares = ticks(0.012, 0.047, true);
        assert_eq!(shares.decimals, 2);
        assert!(shares.min <= 0.012 && shares.max >= 0.047);
        // Nothing to show, or one value: still an axis.
        assert_eq!(ticks(f64::INFINITY, f64::NEG_INFINITY, false).max, 1.0);
        assert!(ticks(5.0, 5.0, true).min < 5.0);
    }

    #[test]
    fn numbers_are_written_as_short_as_they_are_exact() {
        assert_eq!(number(92.0, 0), "92");
        assert_eq!(number(0.5, 1), "0.5");
        assert_eq!(number(2.50, 2), "2.5");
        assert_eq!(number(-0.0, 1), "0");
    }
}
