//! Previews for shared links. Social networks do not run wasm, so for each unit and language the
//! production build writes a static page with Open Graph and Twitter tags — title, a description with the
//! unit's key figures, a 1200×630 image — that sends people on to the app's view of that unit. The image
//! is drawn here as SVG, with the same outlines as the app's map ([`GeoUnit::path`]), and rasterised by
//! the `adal` tool.
//!
//! Everything taken from the data is escaped: the page and the drawing contain no markup from the bundle.

use adal_core::aggregate::MetricId;
use adal_core::contract::Manifest;
use adal_core::dataset::Dataset;
use adal_core::figures::key_figures;
use adal_core::format;
use adal_core::geo::GeoFile;
use adal_core::labels::{Labels, Lang};

/// The card's size in pixels (the Open Graph recommendation).
pub const CARD_WIDTH: u32 = 1200;
/// The card's height in pixels.
pub const CARD_HEIGHT: u32 = 630;

/// Escapes text for XML and HTML text and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub(crate) fn text(lang: Lang, kk: &str, ru: &str, en: &str) -> String {
    Labels::new(kk, ru, en).get(lang).to_owned()
}

/// One unit's preview in one language: the texts of the page and of the card.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    /// The unit's code.
    pub code: String,
    /// The language.
    pub lang: Lang,
    /// The unit's name.
    pub name: String,
    /// The page's title.
    pub title: String,
    /// One sentence with the unit's key figures and the period.
    pub description: String,
    /// The key figures drawn on the card: (label, value).
    pub figures: Vec<(String, String)>,
    /// The period of the figures, in words.
    pub period: String,
    /// «Source: publisher, dataset, version».
    pub source: String,
    /// Whether the data are a demonstration.
    pub demo: bool,
}

/// The headline figures: a card's and a feed entry's.
pub(crate) const HEADLINE_METRICS: [MetricId; 3] = [
    MetricId::QualityIndex,
    MetricId::InformalPayment,
    MetricId::ComplaintsPer100k,
];

/// A metric's name in the bundle's own words, in `lang` (its id where the manifest lacks it).
pub(crate) fn metric_label(m: &Manifest, metric: MetricId, lang: Lang) -> String {
    m.metrics
        .iter()
        .find(|x| x.id == metric.id())
        .map_or_else(|| metric.id().to_owned(), |x| x.label.get(lang).to_owned())
}

/// A metric's value as the app writes it, or «—» where there is none.
pub(crate) fn metric_text(metric: MetricId, value: Option<f64>, lang: Lang) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format::metric_value(metric, v, lang))
}

/// The preview of unit `code` in `lang` (the key figures of the default period), or `None` for a code the
/// manifest does not have.
pub fn preview(d: &Dataset, code: &str, lang: Lang) -> Option<Preview> {
    let unit = d.manifest.regions.iter().find(|r| r.code == code)?;
    Some(preview_of(d, Some(code), unit.name.get(lang), lang))
}

/// The preview of the whole country in `lang`: the card of the pages that are not a unit's. Its code is
/// empty, so that no unit stands out on the card's map.
pub fn national_preview(d: &Dataset, lang: Lang) -> Preview {
    let name = text(lang, "Қазақстан", "Казахстан", "Kazakhstan");
    preview_of(d, None, &name, lang)
}

fn preview_of(d: &Dataset, code: Option<&str>, name: &str, lang: Lang) -> Preview {
    let m = &d.manifest;
    let period = d.default_period();
    let f = key_figures(d, period, code);
    let figures: Vec<(String, String)> = HEADLINE_METRICS
        .iter()
        .map(|&metric| {
            (
                metric_label(m, metric, lang),
                metric_text(metric, f.value(metric), lang),
            )
        })
        .collect();
    let name = name.to_owned();
    let period_text = format::period(period, lang);
    let listed: Vec<String> = figures.iter().map(|(l, v)| format!("{l}: {v}")).collect();
    let description = format!("{period_text}. {}.", listed.join("; "));
    let kind = match code {
        Some(code) => adal_core::pages::PageKind::Region(code.to_owned()),
        None => adal_core::pages::PageKind::Overview,
    };
    let title = adal_core::pages::title(lang, &kind, Some(&name));
    let source = format!(
        "{}: {}, {} {}",
        text(lang, "Дереккөз", "Источник", "Source"),
        m.publisher.name.get(lang),
        text(lang, "нұсқа", "версия", "version"),
        m.dataset.version
    );
    Preview {
        code: code.unwrap_or_default().to_owned(),
        lang,
        name,
        title,
        description,
        figures,
        period: period_text,
        source,
        demo: m.is_demo,
    }
}

/// The 1200×630 card as SVG: the map with the unit in colour, its name, the period, three key figures
/// and the source line. Text uses the DejaVu Sans family (Cyrillic and Kazakh letters included).
pub fn card_svg(p: &Preview, geo: &GeoFile) -> String {
    let scale = 600.0 / f64::from(geo.width.max(1));
    let mut s = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{CARD_WIDTH}" height="{CARD_HEIGHT}" viewBox="0 0 {CARD_WIDTH} {CARD_HEIGHT}" font-family="DejaVu Sans, sans-serif">"##
    );
    s.push_str(r##"<rect width="1200" height="630" fill="#f7f7f5"/>"##);
    s.push_str(r##"<rect width="1200" height="10" fill="#0b5cad"/>"##);
    s.push_str(&format!(
        r##"<g transform="translate(40 170) scale({scale:.4})" stroke="#ffffff" stroke-width="{:.2}" stroke-linejoin="round">"##,
        1.5 / scale
    ));
    for unit in &geo.units {
        let fill = if unit.code == p.code {
            "#a64b00"
        } else {
            "#c9ccd1"
        };
        s.push_str(&format!(r#"<path d="{}" fill="{fill}"/>"#, unit.path()));
    }
    s.push_str("</g>");
    let mut y = 70;
    s.push_str(&format!(
        r##"<text x="40" y="{y}" font-size="30" font-weight="bold" fill="#0b5cad">Adal Atlas</text>"##
    ));
    if p.demo {
        let demo = text(
            p.lang,
            "Демонстрациялық деректер",
            "Демонстрационные данные",
            "Demonstration data",
        );
        s.push_str(&format!(
            r##"<text x="1160" y="{y}" font-size="22" text-anchor="end" fill="#4a3800">{}</text>"##,
            escape(&demo)
        ));
    }
    y = 130;
    s.push_str(&format!(
        r##"<text x="40" y="{y}" font-size="44" font-weight="bold" fill="#1c1d1f">{}</text>"##,
        escape(&p.name)
    ));
    s.push_str(&format!(
        r##"<text x="680" y="200" font-size="22" fill="#4b4f57">{}</text>"##,
        escape(&p.period)
    ));
    for (i, (label, value)) in p.figures.iter().enumerate() {
        let top = 250 + 105 * i32::try_from(i).unwrap_or(0);
        s.push_str(&format!(
            r##"<text x="680" y="{top}" font-size="22" fill="#4b4f57">{}</text>"##,
            escape(label)
        ));
        s.push_str(&format!(
            r##"<text x="680" y="{}" font-size="46" font-weight="bold" fill="#1c1d1f">{}</text>"##,
            top + 52,
            escape(value)
        ));
    }
    s.push_str(&format!(
        r##"<text x="40" y="600" font-size="18" fill="#4b4f57">{}</text>"##,
        escape(&p.source)
    ));
    s.push_str("</svg>");
    s
}

/// The file names of a unit's preview page and card, relative to the unit's folder `r/<code>/`: Kazakh is
/// `index.html`, the others `ru.html` and `en.html`; cards `card-kk.png` and so on.
pub fn page_file(lang: Lang) -> String {
    match lang {
        Lang::Kk => "index.html".to_owned(),
        other => format!("{}.html", other.code()),
    }
}

/// The card's file name in the unit's folder.
pub fn card_file(lang: Lang) -> String {
    format!("card-{}.png", lang.code())
}

/// The preview page. `site` is the app's absolute address ending in `/` (Open Graph wants absolute image
/// addresses); without it the addresses are relative to the page.
pub fn page_html(p: &Preview, site: Option<&str>) -> String {
    let lang = p.lang.code();
    // The unit's pre-rendered page (`adal pages`), relative to the site's root.
    let app = adal_core::pages::Page {
        lang: p.lang,
        kind: adal_core::pages::PageKind::Region(p.code.clone()),
    }
    .path();
    let (app_url, image, page_url) = match site {
        Some(site) => (
            format!("{site}{app}"),
            format!("{site}r/{}/{}", p.code, card_file(p.lang)),
            Some(format!("{site}r/{}/{}", p.code, page_file(p.lang))),
        ),
        None => (format!("../../{app}"), card_file(p.lang), None),
    };
    let open = text(
        p.lang,
        "Adal Atlas-та ашу",
        "Открыть в Adal Atlas",
        "Open in Adal Atlas",
    );
    let (title, description) = (escape(&p.title), escape(&p.description));
    let (app_url, image) = (escape(&app_url), escape(&image));
    let og_url = page_url.map_or_else(String::new, |u| {
        format!("\n<meta property=\"og:url\" content=\"{}\">", escape(&u))
    });
    format!(
        r#"<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">
<title>{title} — Adal Atlas</title>
<meta name="description" content="{description}">
<meta property="og:type" content="website">
<meta property="og:site_name" content="Adal Atlas">
<meta property="og:locale" content="{lang}">
<meta property="og:title" content="{title}">
<meta property="og:description" content="{description}">
<meta property="og:image" content="{image}">
<meta property="og:image:width" content="{CARD_WIDTH}">
<meta property="og:image:height" content="{CARD_HEIGHT}">
<meta property="og:image:alt" content="{title}">{og_url}
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="{title}">
<meta name="twitter:description" content="{description}">
<meta name="twitter:image" content="{image}">
<link rel="canonical" href="{app_url}">
<meta http-equiv="refresh" content="0; url={app_url}">
</head>
<body>
<p><a href="{app_url}">{open}: {name}</a></p>
<p>{description}</p>
</body>
</html>
"#,
        open = escape(&open),
        name = escape(&p.name),
    )
}

/// The policy every page of the site carries as a `<meta>`, whatever the host's headers: no inline script
/// and no `eval` (wasm needs only `'wasm-unsafe-eval'`), nothing from another origin, no plugins. The chart
/// library sets inline styles, hence `'unsafe-inline'` for style alone. `adal pages` writes it into every
/// page of the app.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; \
    object-src 'none'; base-uri 'self'; form-action 'self'";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_forbids_inline_script_and_eval() {
        assert!(!CONTENT_SECURITY_POLICY.contains("'unsafe-eval'"));
        let script = CONTENT_SECURITY_POLICY
            .split("; ")
            .find(|d| d.starts_with("script-src"))
            .unwrap_or_default();
        assert_eq!(script, "script-src 'self' 'wasm-unsafe-eval'");
        assert!(CONTENT_SECURITY_POLICY.contains("object-src 'none'"));
    }

    fn forged() -> Preview {
        Preview {
            code: "KZ-11".into(),
            lang: Lang::En,
            name: "<script>alert(1)</script>".into(),
            title: "\"><img src=x onerror=alert(1)>".into(),
            description: "a & b".into(),
            figures: vec![("<b>".into(), "1".into())],
            period: "p".into(),
            source: "s".into(),
            demo: false,
        }
    }

    #[test]
    fn no_markup_from_the_data_reaches_the_page_or_the_card() {
        let p = forged();
        let page = page_html(&p, None);
        assert!(
            !page.contains("<script>") && !page.contains("<img"),
            "{page}"
        );
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        let geo = GeoFile {
            schema_version: 1,
            source: String::new(),
            projection: String::new(),
            licence: String::new(),
            width: 10,
            height: 10,
            units: vec![adal_core::geo::GeoUnit {
                code: "KZ-11".into(),
                rings: vec![vec![0, 0, 10, 0, 10, 10]],
            }],
        };
        let svg = card_svg(&p, &geo);
        assert!(!svg.contains("<script>") && !svg.contains("<b>"));
        assert!(
            svg.contains(r##"<path d="M0,0 10,0 10,10Z" fill="#a64b00"/>"##),
            "{svg}"
        );
    }

    #[test]
    fn markup_from_the_data_is_escaped() {
        assert_eq!(
            escape(r#"<b>"A" & 'B'</b>"#),
            "&lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt;"
        );
    }
}
