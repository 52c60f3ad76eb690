//! Atom feeds (RFC 4287) of a dataset's published versions, for readers who follow a region: one for the
//! country and one per unit, in each language. An entry per version kept, the newest first, each with
//! its headline figures for its default period and how they changed since the version before it
//! («Informal payment requested: 8.1 % → 6.4 %»), and where the bundle publishes the reports' outcomes,
//! the share that led to a pre-trial investigation («Reports that led to an investigation: 3 % → 5 %»),
//! and where it publishes the recommendations after the audits, the share implemented.
//! Written with the pages (`adal pages`): no server.

use adal_core::aggregate::{COURT, INVESTIGATION, funnel, recommendations};
use adal_core::dataset::Dataset;
use adal_core::figures::key_figures;
use adal_core::format;
use adal_core::labels::Lang;
use adal_core::stats::Estimate;

use crate::previews::{HEADLINE_METRICS, escape, metric_label, metric_text, text};

/// Where a feed is and what it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedAddress {
    /// The feed's own address (`rel="self"`): absolute with the site's address, else relative to the site.
    pub feed: String,
    /// The page it follows (`rel="alternate"`), in the same form.
    pub page: String,
    /// The page's title, naming the unit or the country.
    pub title: String,
}

/// An Atom `<link>`, on a line of its own.
fn link(rel: &str, kind: &str, href: &str) -> String {
    format!(
        "<link rel=\"{rel}\" type=\"{kind}\" href=\"{}\"/>\n",
        escape(href)
    )
}

/// A date `YYYY-MM-DD` (a manifest's `generated_at`) as an Atom date-time, midnight UTC.
fn atom_date(date: &str) -> String {
    let day = date.get(..10).unwrap_or("1970-01-01");
    let valid = day.len() == 10
        && day.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if valid {
        format!("{day}T00:00:00Z")
    } else {
        "1970-01-01T00:00:00Z".to_owned()
    }
}

/// A share as the pages write it: its bounds where some counts are withheld, the estimate, or a dash
/// where nothing is known.
fn share_words(bounds: Option<(f64, f64)>, share: Option<Estimate>, lang: Lang) -> String {
    match (bounds, share) {
        (Some((low, high)), _) => format!(
            "{}–{}",
            format::percent(low, 1, lang),
            format::percent(high, 1, lang)
        ),
        (None, Some(e)) => format::percent(e.value, 1, lang),
        (None, None) => "—".to_owned(),
    }
}

/// The share of `d`'s reports of its default period from `unit` (or the country) that led to a pre-trial
/// investigation, as the pages write it; `None` where the bundle publishes no outcomes.
fn investigation_text(d: &Dataset, unit: Option<&str>, lang: Lang) -> Option<String> {
    if !d.has_outcome_data() {
        return None;
    }
    let f = funnel(d, d.outcomes()?, d.default_period(), unit);
    Some(share_words(
        f.bounds(&[INVESTIGATION, COURT]),
        f.investigated,
        lang,
    ))
}

/// The share of the recommendations given after the audits over `d`'s default period in `unit` (or the
/// country) that were implemented, as the pages write it; `None` where the bundle publishes none.
fn implemented_text(d: &Dataset, unit: Option<&str>, lang: Lang) -> Option<String> {
    if !d.has_findings() {
        return None;
    }
    let findings = d.outcomes()?.findings.as_ref()?;
    let r = recommendations(d, findings, d.default_period(), unit);
    Some(share_words(r.bounds(), r.implemented, lang))
}

/// The headline changes of `version` for `unit` (or the country), against `before` where there is one:
/// one line per figure.
pub fn headline(
    version: &Dataset,
    before: Option<&Dataset>,
    unit: Option<&str>,
    lang: Lang,
) -> Vec<String> {
    let now = key_figures(version, version.default_period(), unit);
    let then = before.map(|b| key_figures(b, b.default_period(), unit));
    HEADLINE_METRICS
        .iter()
        .map(|&metric| {
            let label = metric_label(&version.manifest, metric, lang);
            let value = metric_text(metric, now.value(metric), lang);
            match &then {
                Some(then) => {
                    let before = metric_text(metric, then.value(metric), lang);
                    format!("{label}: {before} → {value}")
                }
                None => format!("{label}: {value}"),
            }
        })
        .chain(outcome_lines(version, before, unit, lang))
        .collect()
}

/// What came of the reports and of the audits, a line each where the bundle publishes it: the share of
/// reports that led to an investigation, and of recommendations implemented.
fn outcome_lines(
    version: &Dataset,
    before: Option<&Dataset>,
    unit: Option<&str>,
    lang: Lang,
) -> Vec<String> {
    type Share = fn(&Dataset, Option<&str>, Lang) -> Option<String>;
    let lines: [(Share, [&str; 3]); 2] = [
        (
            investigation_text,
            [
                "Тергеп-тексеру басталған хабарламалар",
                "Сообщения, по которым начато расследование",
                "Reports that led to an investigation",
            ],
        ),
        (
            implemented_text,
            [
                "Орындалған ұсынымдар",
                "Выполненные рекомендации",
                "Recommendations implemented",
            ],
        ),
    ];
    lines
        .into_iter()
        .filter_map(|(share, [kk, ru, en])| {
            let value = share(version, unit, lang)?;
            let label = text(lang, kk, ru, en);
            Some(match before.and_then(|b| share(b, unit, lang)) {
                Some(then) => format!("{label}: {then} → {value}"),
                None => format!("{label}: {value}"),
            })
        })
        .collect()
}

/// The feed of `versions` (the newest first) for `unit` (or the country) in `lang`.
pub fn atom(versions: &[&Dataset], unit: Option<&str>, lang: Lang, at: &FeedAddress) -> String {
    let Some(newest) = versions.first() else {
        return String::new();
    };
    let m = &newest.manifest;
    let place = unit.unwrap_or("KZ");
    // Ids that never change (a tag URI, RFC 4151: the date is the tag's, not a version's).
    let id = |version: &str| {
        format!(
            "tag:adal-atlas,2026:{}/{version}/{place}/{}",
            m.dataset.id,
            lang.code()
        )
    };
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        lang.code()
    ));
    let feed_title = format!(
        "{} — {}",
        at.title,
        text(
            lang,
            "жарияланған нұсқалар",
            "опубликованные версии",
            "published versions"
        )
    );
    xml.push_str(&format!("<title>{}</title>\n", escape(&feed_title)));
    xml.push_str(&format!("<id>{}</id>\n", escape(&id("all"))));
    xml.push_str(&format!(
        "<updated>{}</updated>\n",
        atom_date(&m.generated_at)
    ));
    xml.push_str(&format!(
        "<author><name>{}</name></author>\n",
        escape(m.publisher.name.get(lang))
    ));
    xml.push_str(&link("self", "application/atom+xml", &at.feed));
    xml.push_str(&link("alternate", "text/html", &at.page));
    xml.push_str("<generator>Adal Atlas</generator>\n");
    for (i, version) in versions.iter().enumerate() {
        let vm = &version.manifest;
        let before = versions.get(i + 1).copied();
        let lines = headline(version, before, unit, lang);
        let period = format::period(version.default_period(), lang);
        let title = format!(
            "{} {}: {}",
            text(lang, "Нұсқа", "Версия", "Version"),
            vm.dataset.version,
            lines.first().cloned().unwrap_or_default()
        );
        let intro = match before {
            Some(b) => format!(
                "{period}. {} {}.",
                text(
                    lang,
                    "Алдыңғы нұсқамен салыстырғанда:",
                    "По сравнению с версией",
                    "Against version"
                ),
                b.manifest.dataset.version
            ),
            None => format!("{period}."),
        };
        let demo = vm.is_demo.then(|| {
            text(
                lang,
                "Демонстрациялық деректер.",
                "Демонстрационные данные.",
                "Demonstration data.",
            )
        });
        let content: Vec<String> = demo.into_iter().chain([intro]).chain(lines).collect();
        xml.push_str("<entry>\n");
        xml.push_str(&format!("<title>{}</title>\n", escape(&title)));
        xml.push_str(&format!("<id>{}</id>\n", escape(&id(&vm.dataset.version))));
        xml.push_str(&format!(
            "<updated>{}</updated>\n",
            atom_date(&vm.generated_at)
        ));
        xml.push_str(&link("alternate", "text/html", &at.page));
        xml.push_str(&format!(
            "<content type=\"text\">{}</content>\n",
            escape(&content.join("\n"))
        ));
        xml.push_str("</entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_atom_date_times_and_nonsense_does_not_pass() {
        assert_eq!(atom_date("2026-11-27"), "2026-11-27T00:00:00Z");
        assert_eq!(atom_date("2026-11-27T10:00:00Z"), "2026-11-27T00:00:00Z");
        assert_eq!(atom_date("<b>"), "1970-01-01T00:00:00Z");
        assert_eq!(atom_date("2026-1x-27"), "1970-01-01T00:00:00Z");
    }
}
