//! Numbers, percentages and months as each language writes them.
//!
//! Kazakh and Russian group thousands with a (no-break) space and use a decimal comma; English uses a comma
//! and a decimal point. Month names follow each language's standalone form.

use crate::aggregate::MetricId;
use crate::labels::Lang;
use crate::period::{Month, Period};

/// The no-break space used between digit groups and before `%` in Kazakh and Russian.
pub const NBSP: char = '\u{a0}';

fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::Kk | Lang::Ru => (NBSP, ','),
        Lang::En => (',', '.'),
    }
}

fn group(digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A number with `decimals` digits after the decimal sign, grouped by thousands.
///
/// ```
/// use adal_core::{format::number, labels::Lang};
/// assert_eq!(number(1234567.891, 1, Lang::En), "1,234,567.9");
/// assert_eq!(number(1234567.891, 1, Lang::Ru), "1\u{a0}234\u{a0}567,9");
/// assert_eq!(number(-0.04, 1, Lang::Kk), "0,0");
/// ```
pub fn number(value: f64, decimals: usize, lang: Lang) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    let (thousands, decimal) = separators(lang);
    let text = format!("{:.*}", decimals, value.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let negative = value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0');
    let mut out = String::new();
    if negative {
        out.push('−');
    }
    out.push_str(&group(int, thousands));
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(frac);
    }
    out
}

/// A whole number, grouped by thousands.
pub fn integer(value: u64, lang: Lang) -> String {
    group(&value.to_string(), separators(lang).0)
}

/// A share (0–1) as a percentage with `decimals` digits: `12,3 %` in Kazakh and Russian, `12.3%` in English.
pub fn percent(share: f64, decimals: usize, lang: Lang) -> String {
    let n = number(share * 100.0, decimals, lang);
    match lang {
        Lang::Kk | Lang::Ru => format!("{n}{NBSP}%"),
        Lang::En => format!("{n}%"),
    }
}

const MONTHS_KK: [&str; 12] = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
];
const MONTHS_RU: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The name of month 1–12 in `lang`, standalone form.
pub fn month_name(month: u8, lang: Lang) -> &'static str {
    let names = match lang {
        Lang::Kk => &MONTHS_KK,
        Lang::Ru => &MONTHS_RU,
        Lang::En => &MONTHS_EN,
    };
    names[usize::from(month.clamp(1, 12) - 1)]
}

/// A month with its year: `2026 ж. қараша`, `ноябрь 2026`, `November 2026`. None of these forms (nor a
/// [`date`]'s, a [`period`]'s or a [`step`]'s) ends with a full stop: texts put one after them, and
/// «ноябрь 2026 г..» is wrong.
pub fn month(m: Month, lang: Lang) -> String {
    let name = month_name(m.month(), lang);
    match lang {
        Lang::Kk => format!("{} ж. {name}", m.year()),
        Lang::Ru => format!("{name} {}", m.year()),
        Lang::En => format!("{name} {}", m.year()),
    }
}

const MONTHS_RU_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// A calendar date written `YYYY-MM-DD` as each language writes it: `2023 ж. 1 қаңтар`, `1 января 2023 года`,
/// `1 January 2023`. Text that is not such a date is returned unchanged.
///
/// ```
/// use adal_core::{format::date, labels::Lang};
/// assert_eq!(date("2023-01-01", Lang::Ru), "1 января 2023 года");
/// assert_eq!(date("not a date", Lang::En), "not a date");
/// ```
pub fn date(text: &str, lang: Lang) -> String {
    let Ok(m) = Month::from_date(text) else {
        return text.to_owned();
    };
    let day: u32 = text[8..10].parse().unwrap_or(1);
    let i = usize::from(m.month() - 1);
    match lang {
        Lang::Kk => format!("{} ж. {day} {}", m.year(), MONTHS_KK[i]),
        Lang::Ru => format!("{day} {} {} года", MONTHS_RU_GENITIVE[i], m.year()),
        Lang::En => format!("{day} {} {}", MONTHS_EN[i], m.year()),
    }
}

/// A period of months: one month alone, or `from – to`.
pub fn period(p: Period, lang: Lang) -> String {
    let whole_year = p.from.month() == 1 && p.to.month() == 12 && p.from.year() == p.to.year();
    if whole_year {
        let year = p.from.year();
        return match lang {
            // Words, not the abbreviations «ж.»/«г.»: a year often ends a sentence, and «2025 г..» is wrong.
            Lang::Kk => format!("{year} жыл"),
            Lang::Ru => format!("{year} год"),
            Lang::En => format!("{year}"),
        };
    }
    if p.from == p.to {
        month(p.from, lang)
    } else {
        format!("{} – {}", month(p.from, lang), month(p.to, lang))
    }
}

/// A step of a trend: a month, a calendar quarter (`Q1 2026`, `I кв. 2026`, `2026 ж. I тоқсан`), or any
/// other run of months as a period.
///
/// ```
/// use adal_core::format::step;
/// use adal_core::labels::Lang;
/// use adal_core::period::Period;
/// let q = Period { from: "2026-04".parse().unwrap(), to: "2026-06".parse().unwrap() };
/// assert_eq!(step(q, Lang::En), "Q2 2026");
/// assert_eq!(step(q, Lang::Ru), "II кв. 2026");
/// assert_eq!(step(q, Lang::Kk), "2026 ж. II тоқсан");
/// ```
pub fn step(p: Period, lang: Lang) -> String {
    let full_quarter = p.from.month() % 3 == 1
        && p.to.index() == p.from.index() + 2
        && p.from.year() == p.to.year();
    if !full_quarter {
        return period(p, lang);
    }
    let q = p.from.quarter();
    let roman = ["I", "II", "III", "IV"][usize::from(q.clamp(1, 4) - 1)];
    let year = p.from.year();
    match lang {
        Lang::Kk => format!("{year} ж. {roman} тоқсан"),
        Lang::Ru => format!("{roman} кв. {year}"),
        Lang::En => format!("Q{q} {year}"),
    }
}

/// A metric's value as the map, table and tooltips write it: the index with one decimal, shares as
/// percentages, minutes with their unit, complaints as whole numbers, rates with one decimal.
pub fn metric_value(metric: MetricId, value: f64, lang: Lang) -> String {
    match metric {
        MetricId::QualityIndex | MetricId::ComplaintsPer100k => number(value, 1, lang),
        MetricId::InformalPayment | MetricId::Intermediary | MetricId::Completion => {
            percent(value, 1, lang)
        }
        MetricId::MedianWait => {
            let decimals = if value.fract() == 0.0 { 0 } else { 1 };
            let unit = if lang == Lang::En { "min" } else { "мин" };
            format!("{}{NBSP}{unit}", number(value, decimals, lang))
        }
        MetricId::Complaints => number(value, 0, lang),
    }
}

/// A change of a metric, with its sign: shares in percentage points (`+1,2 п.т.`, `+1,2 п.п.`, `+1.2 pp`).
pub fn metric_change(metric: MetricId, change: f64, lang: Lang) -> String {
    let sign = if change > 0.0 { "+" } else { "" };
    let text = match metric {
        MetricId::InformalPayment | MetricId::Intermediary | MetricId::Completion => {
            let unit = match lang {
                Lang::Kk => "п.т.",
                Lang::Ru => "п.п.",
                Lang::En => "pp",
            };
            format!("{}{NBSP}{unit}", number(change * 100.0, 1, lang))
        }
        _ => metric_value(metric, change, lang),
    };
    format!("{sign}{text}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_per_language() {
        let cases = [
            (0.0, 0, Lang::En, "0"),
            (999.0, 0, Lang::Ru, "999"),
            (1000.0, 0, Lang::Ru, "1\u{a0}000"),
            (19_765_004.0, 0, Lang::Kk, "19\u{a0}765\u{a0}004"),
            (19_765_004.0, 0, Lang::En, "19,765,004"),
            (12.345, 2, Lang::Kk, "12,35"),
            (12.345, 1, Lang::En, "12.3"),
            (-1234.5, 1, Lang::Ru, "−1\u{a0}234,5"),
            (f64::NAN, 1, Lang::En, "—"),
        ];
        for (value, decimals, lang, want) in cases {
            assert_eq!(number(value, decimals, lang), want, "{value} {lang:?}");
        }
        assert_eq!(integer(1_234_567, Lang::Kk), "1\u{a0}234\u{a0}567");
        assert_eq!(integer(12, Lang::En), "12");
    }

    #[test]
    fn percentages_per_language() {
        assert_eq!(percent(0.0734, 1, Lang::Ru), "7,3\u{a0}%");
        assert_eq!(percent(0.0734, 1, Lang::Kk), "7,3\u{a0}%");
        assert_eq!(percent(0.0734, 1, Lang::En), "7.3%");
    }

    #[test]
    fn metric_values_and_changes() {
        assert_eq!(
            metric_value(MetricId::InformalPayment, 0.0734, Lang::En),
            "7.3%"
        );
        assert_eq!(
            metric_value(MetricId::MedianWait, 12.0, Lang::Ru),
            "12\u{a0}мин"
        );
        assert_eq!(
            metric_value(MetricId::Complaints, 16740.0, Lang::Kk),
            "16\u{a0}740"
        );
        assert_eq!(
            metric_change(MetricId::Completion, 0.012, Lang::Ru),
            "+1,2\u{a0}п.п."
        );
        assert_eq!(
            metric_change(MetricId::QualityIndex, -0.5, Lang::En),
            "−0.5"
        );
    }

    #[test]
    fn months_per_language() {
        let m: Month = "2026-11".parse().expect("month");
        assert_eq!(month(m, Lang::Kk), "2026 ж. қараша");
        assert_eq!(month(m, Lang::Ru), "ноябрь 2026");
        let year = Period {
            from: "2025-01".parse().expect("month"),
            to: "2025-12".parse().expect("month"),
        };
        assert_eq!(period(year, Lang::Ru), "2025 год");
        assert_eq!(period(year, Lang::Kk), "2025 жыл");
        assert_eq!(period(year, Lang::En), "2025");
        assert_eq!(month(m, Lang::En), "November 2026");
        let p = Period {
            from: "2025-12".parse().expect("month"),
            to: m,
        };
        assert_eq!(period(p, Lang::En), "December 2025 – November 2026");
        assert_eq!(date("2026-11-27", Lang::Kk), "2026 ж. 27 қараша");
        assert_eq!(date("2026-11-27", Lang::En), "27 November 2026");
    }

    /// Every form of a time that a text can end a sentence with, in every language, for every month of
    /// three years, a quarter, a whole year and a run of months: none ends with a full stop.
    #[test]
    fn no_time_ends_with_a_full_stop() {
        let months: Vec<Month> = (2024..=2026)
            .flat_map(|y| (1..=12).map(move |m| format!("{y}-{m:02}").parse().expect("month")))
            .collect();
        for lang in [Lang::Kk, Lang::Ru, Lang::En] {
            for (i, &m) in months.iter().enumerate() {
                let day = format!("{}-{:02}-28", m.year(), m.month());
                let run = Period {
                    from: m,
                    to: months[(i + 2).min(months.len() - 1)],
                };
                let year = Period {
                    from: format!("{}-01", m.year()).parse().expect("month"),
                    to: format!("{}-12", m.year()).parse().expect("month"),
                };
                for text in [
                    month(m, lang),
                    date(&day, lang),
                    period(run, lang),
                    period(year, lang),
                    step(run, lang),
                ] {
                    assert!(!text.ends_with('.'), "{lang:?}: «{text}»");
                }
            }
        }
    }
}
