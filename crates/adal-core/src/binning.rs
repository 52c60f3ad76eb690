//! Classing map values into 5 colour classes: quantile (default), equal interval, or fixed thresholds;
//! and the colour of each class, from a colour-blind-safe ColorBrewer ramp, oriented so that the worse end
//! of every metric is the darker one.

use crate::contract::Better;

/// How values are cut into classes.
#[derive(Clone, Debug, PartialEq)]
pub enum Method {
    /// Each class holds about the same number of units.
    Quantile,
    /// Classes of equal width between the smallest and the largest value.
    EqualInterval,
    /// The given inner thresholds (classes − 1 of them, ascending).
    Fixed(Vec<f64>),
}

impl Method {
    /// The id used in links: `quantile`, `equal`, `fixed`.
    pub fn id(&self) -> &'static str {
        match self {
            Method::Quantile => "quantile",
            Method::EqualInterval => "equal",
            Method::Fixed(_) => "fixed",
        }
    }
}

/// Class boundaries: `breaks[i] ..= breaks[i + 1]` is class `i`.
#[derive(Clone, Debug, PartialEq)]
pub struct Classes {
    /// Ascending boundaries, one more than the number of classes.
    pub breaks: Vec<f64>,
}

/// The number of classes on the map.
pub const CLASSES: usize = 5;

impl Classes {
    /// The class of `value`, 0 for the lowest.
    pub fn class_of(&self, value: f64) -> usize {
        let inner = &self.breaks[1..self.breaks.len().saturating_sub(1).max(1)];
        inner
            .iter()
            .take_while(|b| value > **b)
            .count()
            .min(self.count().saturating_sub(1))
    }

    /// The number of classes.
    pub fn count(&self) -> usize {
        self.breaks.len().saturating_sub(1)
    }

    /// The range of class `i`.
    pub fn range(&self, i: usize) -> (f64, f64) {
        (self.breaks[i], self.breaks[i + 1])
    }
}

/// Cuts `values` (missing ones ignored) into [`CLASSES`] classes. `None` when there is no value at all.
///
/// ```
/// use adal_core::binning::{bin, Method};
/// let values: Vec<Option<f64>> = (1..=10).map(|v| Some(f64::from(v))).collect();
/// let classes = bin(&values, &Method::EqualInterval).unwrap();
/// assert_eq!(classes.breaks, vec![1.0, 2.8, 4.6, 6.4, 8.2, 10.0]);
/// assert_eq!(classes.class_of(1.0), 0);
/// assert_eq!(classes.class_of(10.0), 4);
/// ```
pub fn bin(values: &[Option<f64>], method: &Method) -> Option<Classes> {
    let mut present: Vec<f64> = values
        .iter()
        .flatten()
        .copied()
        .filter(|v| v.is_finite())
        .collect();
    if present.is_empty() {
        return None;
    }
    present.sort_by(f64::total_cmp);
    let (min, max) = (present[0], present[present.len() - 1]);
    let inner: Vec<f64> = match method {
        Method::EqualInterval => (1..CLASSES)
            .map(|i| min + (max - min) * i as f64 / CLASSES as f64)
            .collect(),
        Method::Quantile => (1..CLASSES)
            .map(|i| {
                // Linear interpolation between order statistics (type 7, as spreadsheets do).
                let h = (present.len() - 1) as f64 * i as f64 / CLASSES as f64;
                let (lo, hi) = (h.floor() as usize, h.ceil() as usize);
                present[lo] + (present[hi] - present[lo]) * (h - lo as f64)
            })
            .collect(),
        Method::Fixed(thresholds) => {
            let mut t: Vec<f64> = thresholds
                .iter()
                .copied()
                .filter(|v| v.is_finite())
                .collect();
            t.sort_by(f64::total_cmp);
            t.dedup();
            t.truncate(CLASSES - 1);
            let low = min.min(t.first().copied().unwrap_or(min));
            let high = max.max(t.last().copied().unwrap_or(max));
            let mut breaks = vec![low];
            breaks.extend(t);
            breaks.push(high);
            return Some(Classes {
                breaks: breaks.into_iter().map(round_break).collect(),
            });
        }
    };
    let mut breaks = vec![min];
    breaks.extend(inner);
    breaks.push(max);
    Some(Classes {
        breaks: breaks.into_iter().map(round_break).collect(),
    })
}

/// Rounds a boundary to 10 significant digits, so that 2.8000000000000003 reads 2.8.
fn round_break(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let digits = 10 - v.abs().log10().ceil() as i32;
    let factor = 10f64.powi(digits);
    (v * factor).round() / factor
}

/// The fill of class `class` (0 = lowest value) of `classes` for a metric where `better` values are
/// higher or lower: light for the better end, dark for the worse end. Colours come from ColorBrewer's
/// YlOrBr, which is colour-blind safe, as `#rrggbb`.
pub fn class_colour(class: usize, classes: usize, better: Better) -> String {
    let classes = classes.max(1);
    let class = class.min(classes - 1);
    // Rank 0 is the best class.
    let rank = match better {
        Better::Lower => class,
        Better::Higher => classes - 1 - class,
    };
    let t = 0.08 + 0.84 * rank as f64 / (classes - 1).max(1) as f64;
    let c = colorous::YELLOW_ORANGE_BROWN.eval_continuous(t);
    format!("#{:02x}{:02x}{:02x}", c.r, c.g, c.b)
}

/// Relative luminance of `#rrggbb` (WCAG), to choose dark or light text on a fill.
pub fn luminance(hex: &str) -> f64 {
    let channel = |i: usize| {
        let v = f64::from(u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0))
            / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn some(values: &[f64]) -> Vec<Option<f64>> {
        values.iter().map(|v| Some(*v)).collect()
    }

    #[test]
    fn quantile_classes_hold_similar_counts() {
        let values = some(&(1..=20).map(f64::from).collect::<Vec<_>>());
        let classes = bin(&values, &Method::Quantile).expect("classes");
        assert_eq!(classes.count(), 5);
        let mut counts = [0; 5];
        for v in values.iter().flatten() {
            counts[classes.class_of(*v)] += 1;
        }
        assert_eq!(counts, [4, 4, 4, 4, 4]);
    }

    #[test]
    fn missing_values_are_ignored_and_all_missing_gives_none() {
        let values = vec![None, Some(3.0), None, Some(5.0)];
        let classes = bin(&values, &Method::Quantile).expect("classes");
        assert_eq!((classes.breaks[0], classes.breaks[5]), (3.0, 5.0));
        assert_eq!(bin(&[None, None], &Method::Quantile), None);
        assert_eq!(bin(&[], &Method::EqualInterval), None);
        assert_eq!(bin(&[Some(f64::NAN)], &Method::EqualInterval), None);
    }

    #[test]
    fn equal_values_fall_in_one_class_without_panicking() {
        let classes = bin(&some(&[7.0, 7.0, 7.0]), &Method::EqualInterval).expect("classes");
        assert_eq!(classes.class_of(7.0), 0);
        let classes = bin(&some(&[7.0, 7.0, 7.0]), &Method::Quantile).expect("classes");
        assert_eq!(classes.class_of(7.0), 0);
    }

    #[test]
    fn fixed_thresholds_are_used_as_given() {
        let classes = bin(
            &some(&[0.02, 0.09, 0.2]),
            &Method::Fixed(vec![0.05, 0.1, 0.15, 0.03]),
        )
        .expect("classes");
        assert_eq!(classes.breaks, vec![0.02, 0.03, 0.05, 0.1, 0.15, 0.2]);
        let table = [
            (0.02, 0),
            (0.03, 0),
            (0.031, 1),
            (0.09, 2),
            (0.12, 3),
            (0.2, 4),
        ];
        for (v, class) in table {
            assert_eq!(classes.class_of(v), class, "{v}");
        }
    }

    #[test]
    fn worse_is_always_darker() {
        for better in [Better::Higher, Better::Lower] {
            let lum: Vec<f64> = (0..5)
                .map(|c| luminance(&class_colour(c, 5, better)))
                .collect();
            let worst_class = if better == Better::Higher { 0 } else { 4 };
            let darkest = (0..5)
                .min_by(|a, b| lum[*a].total_cmp(&lum[*b]))
                .expect("class");
            assert_eq!(darkest, worst_class, "{better:?}: {lum:?}");
            // Monotonic from best to worst.
            let mut by_rank: Vec<f64> = lum.clone();
            if better == Better::Higher {
                by_rank.reverse();
            }
            assert!(
                by_rank.windows(2).all(|w| w[0] > w[1]),
                "{better:?}: {lum:?}"
            );
        }
        assert!(class_colour(0, 5, Better::Lower).starts_with('#'));
        assert_eq!(class_colour(0, 5, Better::Lower).len(), 7);
    }
}
