//! `adal pages --site DIR [--site-url URL]`: writes the site's pages as static HTML with their real
//! content — the overview, every unit's page, the comparison, data and method and the map embed, in
//! Kazakh, Russian and English ([`adal_core::pages`]) — rendered natively by the app's own components
//! (`adal_atlas::prerender`) from the default bundle in `DIR/data`, which the browser then hydrates. Run
//! again whenever a bundle is re-published: no Rust toolchain and no rebuild of the app are needed. Each
//! page has its charts drawn in as static SVG ([`adal_charts::svg`]), so that it shows them before and
//! without JavaScript; the interactive chart replaces the drawing when it starts.
//! Beside the overview and each unit's page it writes an Atom feed of the dataset's published versions
//! (`feed.xml`, [`adal_publish::feeds`]), which the page links.

use std::fs;
use std::path::Path;

use adal_core::contract::files;
use adal_core::dataset::{Dataset, DatasetIndex, GEO_FILE, INDEX_FILE};
use adal_core::labels::{Labels, Lang};
use adal_core::pages::{Page, PageKind};
use adal_publish::feeds::{self, FeedAddress};
use adal_publish::previews::{
    CARD_HEIGHT, CARD_WIDTH, CONTENT_SECURITY_POLICY, card_file, escape, preview,
};

use crate::cli::PagesArgs;
use crate::{Failure, Outcome};

fn text(lang: Lang, kk: &str, ru: &str, en: &str) -> String {
    Labels::new(kk, ru, en).get(lang).to_owned()
}

/// The page's title and description.
fn words(loaded: &adal_atlas::prerender::Loaded, page: &Page) -> (String, String) {
    let lang = page.lang;
    let site = text(
        lang,
        "Адал Атлас: мемлекеттік қызметтердің сапасы және сыбайлас жемқорлық туралы шағымдар, өңір бойынша",
        "Адал Атлас: качество государственных услуг и жалобы на коррупцию по регионам Казахстана",
        "Adal Atlas: public-service quality and corruption complaints in Kazakhstan, region by region",
    );
    let unit = match &page.kind {
        PageKind::Region(code) => match preview(&loaded.dataset, code, lang) {
            Some(p) => return (p.title, p.description),
            None => Some(code.as_str()),
        },
        _ => None,
    };
    let title = adal_core::pages::title(lang, &page.kind, unit);
    (title, site)
}

/// The whole page: its head, and `#app` holding the rendered view, which names the view and the bundle
/// it was made from (`data-page`, `data-pin`) for the browser's start.
fn page_html(
    loaded: &adal_atlas::prerender::Loaded,
    page: &Page,
    body: &str,
    site_url: Option<&str>,
    assets: &str,
) -> String {
    let (title, description) = words(loaded, page);
    let base = if page.depth() == 0 {
        "./".to_owned()
    } else {
        "../".repeat(page.depth())
    };
    let lang = page.lang.code();
    // Canonical, alternates and og:url only as absolute addresses (what search engines and Lighthouse
    // want): with `--site-url`.
    let mut links = String::new();
    if let Some(site) = site_url {
        let at = |kind: &PageKind, lang: Lang| {
            escape(&format!(
                "{site}{}",
                Page {
                    lang,
                    kind: kind.clone()
                }
                .path()
            ))
        };
        let url = at(&page.kind, page.lang);
        links.push_str(&format!(
            "<link rel=\"canonical\" href=\"{url}\"><meta property=\"og:url\" content=\"{url}\">"
        ));
        for other in Lang::ALL {
            links.push_str(&format!(
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">",
                other.code(),
                at(&page.kind, other)
            ));
        }
        links.push_str(&format!(
            "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">",
            at(&page.kind, Lang::Kk)
        ));
    }
    // The unit's card on its page, the country's on the others (`adal share` draws both).
    let card = match &page.kind {
        PageKind::Region(code) => format!("r/{code}/{}", card_file(page.lang)),
        _ => format!("r/{}", card_file(page.lang)),
    };
    let src = site_url.map_or_else(|| card.clone(), |s| format!("{s}{card}"));
    let image = format!(
        "<meta property=\"og:image\" content=\"{}\"><meta property=\"og:image:width\" content=\"{CARD_WIDTH}\">\
<meta property=\"og:image:height\" content=\"{CARD_HEIGHT}\"><meta name=\"twitter:card\" content=\"summary_large_image\">",
        escape(&src)
    );
    let bundle = &loaded.path;
    // The files a page starts with beside the first view's (the overview's outcomes, a unit page's
    // cells by service and channel, complaints by category and outcomes; the app's boot loads them before
    // it hydrates): asked for beside the others.
    let listed = |file: &str| loaded.dataset.manifest.files.iter().any(|f| f.path == file);
    let preloads: String = [
        INDEX_FILE.to_owned(),
        format!("{bundle}{}", files::MANIFEST),
        format!("{bundle}{}", files::AUDITS),
        format!("{bundle}{}", files::COMPLAINTS),
        GEO_FILE.to_owned(),
    ]
    .into_iter()
    .chain(
        adal_core::pages::detail_files(&page.kind)
            .iter()
            .filter(|f| listed(f))
            .map(|f| format!("{bundle}{f}")),
    )
    .collect::<Vec<_>>()
    .iter()
    .map(|f| {
        format!(
            "<link rel=\"preload\" href=\"data/{}\" as=\"fetch\" crossorigin>",
            escape(f)
        )
    })
    .collect();
    // The feed of the published versions: the unit's on its page, the country's on the others.
    let feed_page = match &page.kind {
        PageKind::Region(_) => page.clone(),
        _ => Page {
            lang: page.lang,
            kind: PageKind::Overview,
        },
    };
    let feed = format!(
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"{}feed.xml\">",
        escape(&feed_title(loaded, &feed_page)),
        escape(&feed_page.path())
    );
    let full_title = format!("{title} — Adal Atlas");
    format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<meta name=\"color-scheme\" content=\"light dark\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">\
<base href=\"{base}\"><title>{title}</title><meta name=\"description\" content=\"{description}\">{links}\
<meta property=\"og:type\" content=\"website\"><meta property=\"og:site_name\" content=\"Adal Atlas\">\
<meta property=\"og:locale\" content=\"{lang}\"><meta property=\"og:title\" content=\"{title}\">\
<meta property=\"og:description\" content=\"{description}\">{image}\
<link rel=\"icon\" href=\"data:,\">{assets}\
{preloads}{feed}</head><body>{stale}<div id=\"app\" data-page=\"{query}\" data-pin=\"{pin}\">{body}</div></body></html>\n",
        title = escape(&full_title),
        description = escape(&description),
        query = escape(&page.query()),
        pin = escape(&loaded.pin()),
        stale = stale_notice(page.lang),
    )
}

/// Shown by js/boot.js when the app's files cannot be had: the site was re-deployed since this page was
/// opened or cached, and the files it names are gone. Hidden until then.
fn stale_notice(lang: Lang) -> String {
    let says = text(
        lang,
        "Сайт жаңартылды: бұл бет ескі нұсқадан. Жаңа нұсқасын ашу үшін бетті қайта жүктеңіз.",
        "Сайт обновился: эта страница — из прежней версии. Перезагрузите страницу, чтобы открыть новую.",
        "The site has been updated: this page is from the previous version. Reload the page to open the new one.",
    );
    let button = text(
        lang,
        "Бетті қайта жүктеу",
        "Перезагрузить страницу",
        "Reload the page",
    );
    format!(
        "<div id=\"adal-stale\" class=\"notice stale\" role=\"alert\" hidden><p>{}</p>\
<button type=\"button\" class=\"reload\">{}</button></div>",
        escape(&says),
        escape(&button)
    )
}

/// `route.js`: before the first paint of the site's root opened with a query-string address of another
/// page (`?lang=ru&region=KZ-75&v=1`, as links were given out before the pages existed), sends the
/// browser to that view's pre-rendered page with the other parameters kept; a view no page was written
/// for (another dataset, another embed) is marked (`adal-draws`) so that the root's own content is not
/// shown before the app draws the view. It reads `?lang=`, `?view=`, `?region=`, `?embed=` and
/// `?dataset=` as [`adal_core::pages::split_shown`] does, `dataset=` naming the pages' own dataset (`pin`,
/// `id@version`, or its id) standing in no page's way (the browser tests follow these links). It also
/// applies `?theme=` before the first paint.
fn route_js(pages: &[Page], pin: &str) -> String {
    let shown = adal_core::pages::Shown::from_pin(pin);
    let table: Vec<String> = pages
        .iter()
        .map(|p| format!("{}:{}", json(&route_key(p)), json(&p.path())))
        .collect();
    let table = table.join(",");
    format!(
        "// Written by `adal pages` (crates/adal-cli/src/pages.rs): query-string addresses to their page.\n\
(function () {{\n\
var pages = {{{table}}}, id = {id}, pin = {pin};\n\
var q = new URLSearchParams(location.search), html = document.documentElement;\n\
var theme = q.get('theme');\n\
if (theme === 'light' || theme === 'dark') html.setAttribute('data-theme', theme);\n\
var base = document.baseURI.replace(/[?#].*$/, ''), here = location.href.replace(/[?#].*$/, '');\n\
if (here !== base && here !== base + 'index.html') return;\n\
var lang = q.has('lang') ? q.get('lang') : 'kk', view = q.get('view'), region = q.get('region'), embed = q.get('embed');\n\
var key = null, unit = false;\n\
var dataset = q.get('dataset');\n\
if (dataset !== null && dataset !== id && dataset !== pin) key = null;\n\
else if (embed !== null) key = embed === 'map' && region === null ? lang + '|embed:map|' : null;\n\
else if (view === 'compare' || view === 'data') key = lang + '|' + view + '|';\n\
else if (view === 'overview') key = region === null ? lang + '|overview|' : null;\n\
else if (view === null || view === 'region') {{ unit = region !== null; key = lang + (unit ? '|region|' + region : '|overview|'); }}\n\
var path = key === null ? undefined : pages[key];\n\
if (path === undefined) {{ html.classList.add('adal-draws'); return; }}\n\
if (path === '') return;\n\
['lang', 'view', 'embed'].concat(unit ? ['region'] : []).forEach(function (k) {{ q.delete(k); }});\n\
var rest = q.toString();\n\
location.replace(base + path + (rest ? '?' + rest : ''));\n\
}})();\n",
        id = json(&shown.id),
        pin = json(&shown.pin),
    )
}

/// The key `route.js` looks a page up by: language, page, unit.
fn route_key(page: &Page) -> String {
    let (kind, unit) = match &page.kind {
        PageKind::Overview => ("overview", ""),
        PageKind::Region(code) => ("region", code.as_str()),
        PageKind::Compare => ("compare", ""),
        PageKind::Data => ("data", ""),
        PageKind::EmbedMap => ("embed:map", ""),
    };
    format!("{}|{kind}|{unit}", page.lang.code())
}

fn json(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned())
}

/// What a feed follows, in its page's language: the unit's name, or the country's.
fn feed_title(loaded: &adal_atlas::prerender::Loaded, page: &Page) -> String {
    let m = &loaded.dataset.manifest;
    let place = match &page.kind {
        PageKind::Region(code) => m
            .regions
            .iter()
            .find(|r| r.code == *code)
            .map_or_else(|| code.clone(), |r| r.name.get(page.lang).to_owned()),
        _ => text(page.lang, "Қазақстан", "Казахстан", "Kazakhstan"),
    };
    format!("Adal Atlas: {place}")
}

/// The versions of the default dataset the site publishes, the newest first: the current one and those
/// kept for pinned links (`datasets.json`'s `versions`). A kept version that does not load is left out
/// of the feeds, with a warning.
fn versions(data: &Path, index: &DatasetIndex, current: &Dataset) -> Vec<Dataset> {
    let kept = index
        .datasets
        .iter()
        .find(|d| d.id == index.default)
        .map(|d| d.versions.clone())
        .unwrap_or_default();
    let mut older: Vec<Dataset> = kept
        .iter()
        .filter_map(|v| {
            let read = |name: &str| fs::read(data.join(&v.path).join(name));
            let opened = Dataset::read(|name| read(name).map_err(|_| ()), |_| ()).ok();
            if opened.is_none() {
                eprintln!(
                    "warning: version {} of the dataset (in {}) does not load: left out of the feeds",
                    v.version, v.path
                );
            }
            opened
        })
        .filter(|d| d.manifest.dataset.version != current.manifest.dataset.version)
        .collect();
    older.sort_by(|a, b| b.manifest.dataset.version.cmp(&a.manifest.dataset.version));
    let mut all = vec![current.clone()];
    all.extend(older);
    all
}

/// The Atom feeds: the country's beside each language's overview (`feed.xml`, `ru/feed.xml`…) and each
/// unit's beside its page (`region/KZ-75/feed.xml`…). Returns how many were written.
fn write_feeds(
    site: &Path,
    loaded: &adal_atlas::prerender::Loaded,
    pages: &[Page],
    versions: &[Dataset],
    site_url: Option<&str>,
) -> Result<usize, Failure> {
    let versions: Vec<&Dataset> = versions.iter().collect();
    let mut written = 0;
    for page in pages {
        let unit = match &page.kind {
            PageKind::Region(code) => Some(code.as_str()),
            PageKind::Overview => None,
            _ => continue,
        };
        let path = page.path();
        // Absolute with the site's address; else relative to the feed itself, beside its page.
        let at = FeedAddress {
            feed: site_url.map_or_else(|| "feed.xml".to_owned(), |s| format!("{s}{path}feed.xml")),
            page: site_url.map_or_else(|| "./".to_owned(), |s| format!("{s}{path}")),
            title: feed_title(loaded, page),
        };
        let xml = feeds::atom(&versions, unit, page.lang, &at);
        write(&site.join(format!("{path}feed.xml")), &xml)?;
        written += 1;
    }
    Ok(written)
}

/// The Frictionless Data Package beside every bundle the site lists, kept versions included
/// ([`adal_publish::datapackage`]), which the data page links; a bundle that cannot be read is left
/// without one, with a warning. Returns how many were written.
fn write_packages(data: &Path, index: &DatasetIndex) -> Result<usize, Failure> {
    let mut written = 0;
    let folders = index.datasets.iter().flat_map(|d| {
        std::iter::once(d.path.clone()).chain(d.versions.iter().map(|v| v.path.clone()))
    });
    for folder in folders {
        let dir = data.join(&folder);
        let read = |name: &str| fs::read(dir.join(name));
        // The CSV of the audits is the cells by service and channel (contract 3), or every visit.
        // Contract 3's cells by category are a file of their own.
        let made = match (
            read(files::MANIFEST),
            read(files::AUDIT_DETAIL).or_else(|_| read(files::AUDITS)),
            read(files::COMPLAINTS),
        ) {
            (Ok(m), Ok(a), Ok(c)) => adal_publish::datapackage::package(
                &m,
                &a,
                &c,
                read(files::COMPLAINT_DETAIL).ok().as_deref(),
                read(files::OUTCOMES).ok().as_deref(),
            ),
            _ => Err("its files cannot be read".to_owned()),
        };
        match made {
            Ok(files) => {
                for (name, bytes) in files {
                    let path = dir.join(name);
                    fs::write(&path, bytes).map_err(|e| {
                        Failure::Io(format!("cannot write {}: {e}", path.display()))
                    })?;
                }
                written += 1;
            }
            Err(e) => eprintln!("warning: no Data Package for data/{folder}: {e}"),
        }
    }
    Ok(written)
}

/// Removes the `route-*.js` of an earlier run from `dir`, except `keep`.
fn remove_old_routes(dir: &Path, keep: &str) -> Result<(), Failure> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let old = name.starts_with("route-") && name.ends_with(".js");
        if old && name != keep {
            fs::remove_file(entry.path()).map_err(|e| {
                Failure::Io(format!("cannot remove {}: {e}", entry.path().display()))
            })?;
        }
    }
    Ok(())
}

/// The drawing's own size, in CSS px: about a phone's chart width (a 360 px screen leaves some 330), so
/// that its text keeps nearly its size there (most readers come on a phone; a wider screen shows it
/// centred), and the height of `.chart-canvas` (20rem, or 34rem for `.chart-tall`).
const CHART_WIDTH: f64 = 340.0;
const CHART_HEIGHT: f64 = 320.0;
const TALL_CHART_HEIGHT: f64 = 544.0;

/// `html` with each chart's static drawing ([`adal_charts::svg::draw`]) put inside its element (marked
/// `data-static-chart="N"` and empty), and how many were drawn.
fn draw_charts(html: &str, charts: &[adal_atlas::prerender::StaticChart]) -> (String, usize) {
    const MARK: &str = " data-static-chart=\"";
    let mut out = String::with_capacity(html.len() + charts.len() * 12 * 1024);
    let mut rest = html;
    let mut drawn = 0;
    while let Some(at) = rest.find(MARK) {
        let after = &rest[at + MARK.len()..];
        let index = after
            .split('"')
            .next()
            .and_then(|n| n.parse::<usize>().ok());
        let open_end = after.find('>').map(|e| at + MARK.len() + e + 1);
        let (Some(index), Some(open_end)) = (index, open_end) else {
            out.push_str(&rest[..at + MARK.len()]);
            rest = after;
            continue;
        };
        out.push_str(&rest[..open_end]);
        rest = &rest[open_end..];
        if let (Some(chart), true) = (charts.get(index), rest.starts_with("</div>")) {
            let height = if chart.tall {
                TALL_CHART_HEIGHT
            } else {
                CHART_HEIGHT
            };
            out.push_str(&adal_charts::svg::draw(&chart.option, CHART_WIDTH, height));
            drawn += 1;
        }
    }
    out.push_str(rest);
    (out, drawn)
}

fn write(path: &Path, text: &str) -> Result<(), Failure> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)
            .map_err(|e| Failure::Io(format!("cannot create {}: {e}", dir.display())))?;
    }
    fs::write(path, text).map_err(|e| Failure::Io(format!("cannot write {}: {e}", path.display())))
}

pub fn run(args: &PagesArgs) -> Result<Outcome, Failure> {
    let site = &args.site;
    let data = site.join("data");
    let site_url = crate::previews::site_url(args.site_url.as_deref())?;
    // The index is read first so that a broken one is named as such.
    let index = fs::read(data.join(INDEX_FILE)).map_err(|e| {
        Failure::Io(format!(
            "cannot read {}: {e}",
            data.join(INDEX_FILE).display()
        ))
    })?;
    let index = DatasetIndex::parse(&index)
        .map_err(|e| Failure::Usage(format!("{}: {e:?}", data.display())))?;
    let loaded = adal_atlas::prerender::open(&data)
        .map_err(|e| Failure::Usage(format!("{}: {e:?}", data.display())))?;
    // The asset tags of the build the pages are put beside (before the root page is written over).
    let template = site.join("index.html");
    let template_html = fs::read_to_string(&template)
        .map_err(|e| Failure::Io(format!("cannot read {}: {e}", template.display())))?;
    let assets = crate::assets::read(&template_html, &template.display().to_string())
        .map_err(Failure::Usage)?;
    let codes = loaded.codes();
    let pages = Page::all(codes.iter().map(String::as_str));
    // `route.js` by its content's hash, in assets/ as every other script: the one of an earlier run goes.
    let route = route_js(&pages, &loaded.pin());
    let route_name = format!(
        "route-{}.js",
        &adal_core::checksum::sha256_hex(route.as_bytes())[..16]
    );
    remove_old_routes(&site.join("assets"), &route_name)?;
    write(&site.join("assets").join(&route_name), &route)?;
    let head = assets.head(&format!("assets/{route_name}"));
    let mut charts = 0;
    for page in &pages {
        let rendered = adal_atlas::prerender::render(&loaded, page, true);
        let (body, drawn) = draw_charts(&rendered.html, &rendered.charts);
        if drawn != rendered.charts.len() {
            return Err(Failure::Io(format!(
                "{}: {} charts rendered, {drawn} marked in the page",
                page.path(),
                rendered.charts.len()
            )));
        }
        charts += drawn;
        let html = page_html(&loaded, page, &body, site_url.as_deref(), &head);
        write(&site.join(format!("{}index.html", page.path())), &html)?;
    }
    let packages = write_packages(&data, &index)?;
    let versions = versions(&data, &index, &loaded.dataset);
    let feeds = write_feeds(site, &loaded, &pages, &versions, site_url.as_deref())?;
    println!(
        "wrote {} pages ({} views in 3 languages, {charts} static charts), {feeds} feeds of {} version(s) and {packages} Data Package(s) from {} to {}",
        pages.len(),
        pages.len() / 3,
        versions.len(),
        loaded.pin(),
        site.display()
    );
    Ok(Outcome::Done)
}
