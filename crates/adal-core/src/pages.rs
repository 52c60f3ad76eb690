//! The pre-rendered pages: which views are written as static HTML, at which path, and how a view's query
//! string splits into the page it starts from and the rest.
//!
//! The app keeps all its view state as one query string (see [`crate::view`]); the address shown puts the
//! language and the page into the path, as multilingual static sites do, so that a static host serves a
//! page with real content for every link. Kazakh, the default language, is at the site's root:
//!
//! | view | path (relative to the site's root) | query |
//! | --- | --- | --- |
//! | the overview | `` · `ru/` · `en/` | `?lang=ru` |
//! | a unit's page | `region/KZ-75/` · `ru/region/KZ-75/` | `?lang=ru&view=region&region=KZ-75` |
//! | the comparison | `compare/` · `en/compare/` | `?lang=en&view=compare` |
//! | data and method | `method/` · `en/method/` | `?lang=en&view=data` |
//! | the map embed | `embed/map/` · `en/embed/map/` | `?lang=en&embed=map` |
//!
//! Everything else (metric, period, filters, compared units, theme, another dataset…) stays in the query
//! string after the path: `ru/region/KZ-75/?metric=median_wait`. Pages exist only for the default
//! dataset's units, so a path is made only for a unit in the list given.

use crate::labels::Lang;
use crate::query;
use crate::view::{EmbedKind, Key, Place, ViewKind};

/// Which page, in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageKind {
    /// The map, the ranking and the national figures.
    Overview,
    /// A unit's page.
    Region(String),
    /// The comparison, with its default units.
    Compare,
    /// Data and method.
    Data,
    /// The map alone, for an `<iframe>`.
    EmbedMap,
}

/// The detail files a page starts with, beside the first view's (its pre-rendered HTML asks for them
/// with the others, and the app hydrates it with them): the outcomes of the reports for the overview,
/// which opens on every service and channel and shows the country's outcomes; none for the map embed;
/// the cells by service and channel for the comparison and the data page (a view by service may
/// follow); those, the complaints by category and the outcomes for a unit's page.
pub fn detail_files(kind: &PageKind) -> &'static [&'static str] {
    use crate::contract::files;
    match kind {
        PageKind::Overview => &[files::OUTCOMES],
        PageKind::EmbedMap => &[],
        PageKind::Compare | PageKind::Data => &[files::AUDIT_DETAIL],
        PageKind::Region(_) => &files::UNIT_PAGE,
    }
}

/// A pre-rendered page: a language and a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// The language.
    pub lang: Lang,
    /// The page.
    pub kind: PageKind,
}

/// Whether a page's path stands for the query key `name` (the rest stays in the query string).
fn in_path(name: &str) -> bool {
    Key::names_at(Place::Path).any(|n| n == name)
}

impl Page {
    /// Every page written for a dataset with the units `codes`, in every language.
    pub fn all<'a>(codes: impl IntoIterator<Item = &'a str> + Clone) -> Vec<Page> {
        let mut pages = Vec::new();
        for lang in Lang::ALL {
            let kinds = [PageKind::Overview, PageKind::Compare, PageKind::Data]
                .into_iter()
                .chain(
                    codes
                        .clone()
                        .into_iter()
                        .map(|c| PageKind::Region(c.to_owned())),
                )
                .chain([PageKind::EmbedMap]);
            pages.extend(kinds.map(|kind| Page { lang, kind }));
        }
        pages
    }

    /// The folder of the page relative to the site's root: `""`, `ru/`, `ru/region/KZ-75/`.
    pub fn path(&self) -> String {
        let lang = match self.lang {
            Lang::Kk => String::new(),
            other => format!("{}/", other.code()),
        };
        let page = match &self.kind {
            PageKind::Overview => String::new(),
            PageKind::Region(code) => format!("region/{code}/"),
            PageKind::Compare => "compare/".to_owned(),
            PageKind::Data => "method/".to_owned(),
            PageKind::EmbedMap => "embed/map/".to_owned(),
        };
        format!("{lang}{page}")
    }

    /// How deep the page's folder is: `../` this many times leads back to the site's root.
    pub fn depth(&self) -> usize {
        self.path().matches('/').count()
    }

    /// The page's view as the app's query string: `?lang=ru&view=region&region=KZ-75`.
    pub fn query(&self) -> String {
        let mut q = query::with_param("", Key::Lang.name(), Some(self.lang.code()));
        match &self.kind {
            PageKind::Overview => {}
            PageKind::Region(code) => {
                q = query::with_param(&q, Key::View.name(), Some(ViewKind::Region.id()));
                q = query::with_param(&q, Key::Region.name(), Some(code));
            }
            PageKind::Compare => {
                q = query::with_param(&q, Key::View.name(), Some(ViewKind::Compare.id()))
            }
            PageKind::Data => {
                q = query::with_param(&q, Key::View.name(), Some(ViewKind::Data.id()))
            }
            PageKind::EmbedMap => {
                q = query::with_param(&q, Key::Embed.name(), Some(EmbedKind::Map.id()))
            }
        }
        q
    }

    /// The page a folder path (relative to the site's root, with or without `index.html`) is, where
    /// `is_unit` says which unit codes have pages.
    pub fn from_path(path: &str, is_unit: impl Fn(&str) -> bool) -> Option<Page> {
        let path = path.strip_suffix("index.html").unwrap_or(path);
        let mut parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let lang = match parts.first().and_then(|p| Lang::parse(p)) {
            Some(lang) if lang != Lang::Kk => {
                parts.remove(0);
                lang
            }
            _ => Lang::Kk,
        };
        let kind = match parts.as_slice() {
            [] => PageKind::Overview,
            ["compare"] => PageKind::Compare,
            ["method"] => PageKind::Data,
            ["embed", "map"] => PageKind::EmbedMap,
            ["region", code] if is_unit(code) => PageKind::Region((*code).to_owned()),
            _ => return None,
        };
        Some(Page { lang, kind })
    }

    /// The page a view's query string starts from, and the query's other parameters (`?…`, or empty
    /// when there are none). `None` when no page is written for it: another dataset, another embed, a
    /// unit not in `codes`. A query without `lang=` is in Kazakh.
    pub fn split<'a>(
        search: &str,
        codes: impl IntoIterator<Item = &'a str>,
    ) -> Option<(Page, String)> {
        if query::get(search, Key::Dataset.name()).is_some() {
            return None;
        }
        let lang = match query::get(search, Key::Lang.name()) {
            None => Lang::Kk,
            Some(code) => Lang::parse(&code)?,
        };
        let region = query::get(search, Key::Region.name());
        let view = query::get(search, Key::View.name());
        let kind = match (
            query::get(search, Key::Embed.name()).as_deref(),
            view.as_deref(),
        ) {
            (Some("map"), _) if region.is_none() => PageKind::EmbedMap,
            (Some(_), _) => return None,
            (None, Some("compare")) => PageKind::Compare,
            (None, Some("data")) => PageKind::Data,
            (None, Some("overview")) if region.is_none() => PageKind::Overview,
            (None, None | Some("region")) => match &region {
                Some(code) if codes.into_iter().any(|c| c == code) => {
                    PageKind::Region(code.clone())
                }
                Some(_) => return None,
                None => PageKind::Overview,
            },
            _ => return None,
        };
        // `region=` is part of the path only on a unit's page; the comparison keeps its own parameters.
        let mut rest = search.to_owned();
        for key in Key::names_at(Place::Path) {
            if key != Key::Region.name() || matches!(kind, PageKind::Region(_)) {
                rest = query::with_param(&rest, key, None);
            }
        }
        let rest = if rest == "?" { String::new() } else { rest };
        Some((Page { lang, kind }, rest))
    }

    /// The view's query string for this page with the extra parameters `rest` (`?…` or empty).
    pub fn join(&self, rest: &str) -> String {
        let mut q = self.query();
        for (k, v) in query::parse(rest) {
            if !in_path(&k) || (k == Key::Region.name() && self.kind == PageKind::Compare) {
                q = query::with_param(&q, &k, Some(&v));
            }
        }
        q
    }
}

/// The title of a page of the kind `kind` in `lang` (before « — Adal Atlas»): the pre-rendered `<title>`,
/// and the one the app sets as the view changes. `unit` is the unit's name on its page.
pub fn title(lang: Lang, kind: &PageKind, unit: Option<&str>) -> String {
    let pick =
        |kk: &str, ru: &str, en: &str| crate::labels::Labels::new(kk, ru, en).get(lang).to_owned();
    match kind {
        PageKind::Overview | PageKind::EmbedMap => pick(
            "Мемлекеттік қызметтер және сыбайлас жемқорлық, өңір бойынша",
            "Государственные услуги и коррупция по регионам",
            "Public services and corruption, region by region",
        ),
        PageKind::Compare => pick("Өңірлерді салыстыру", "Сравнение регионов", "Compare units"),
        PageKind::Data => pick("Деректер және әдіс", "Данные и методика", "Data and method"),
        PageKind::Region(code) => {
            let name = unit.unwrap_or(code);
            pick(
                &format!("{name}: мемлекеттік қызметтер мен сыбайлас жемқорлық туралы шағымдар"),
                &format!("{name}: госуслуги и жалобы на коррупцию"),
                &format!("{name}: public services and corruption complaints"),
            )
        }
    }
}

/// The dataset the pages show: its id, and `id@version` of the version they were made from (their pin).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shown {
    /// The dataset's id.
    pub id: String,
    /// `id@version`.
    pub pin: String,
}

impl Shown {
    /// From a pin, `id@version`.
    pub fn from_pin(pin: &str) -> Shown {
        let id = pin.split('@').next().unwrap_or_default().to_owned();
        Shown {
            id,
            pin: pin.to_owned(),
        }
    }
}

/// [`Page::split`], where a `dataset=` that names the dataset the pages show (`shown`: its id, or the
/// version they were made from — as embeds pin it) does not stand in the way: it stays among the other
/// parameters.
pub fn split_shown<'a>(
    search: &str,
    codes: impl IntoIterator<Item = &'a str>,
    shown: Option<&Shown>,
) -> Option<(Page, String)> {
    match (query::get(search, Key::Dataset.name()), shown) {
        (Some(d), Some(s)) if d == s.id || d == s.pin => {
            let (page, rest) =
                Page::split(&query::with_param(search, Key::Dataset.name(), None), codes)?;
            Some((
                page,
                query::with_param(&rest, Key::Dataset.name(), Some(&d)),
            ))
        }
        _ => Page::split(search, codes),
    }
}

/// The address, relative to the site's root, that shows the view `search`: the page's path and the other
/// parameters (`ru/region/KZ-75/?metric=median_wait`), or the root with the whole query string when no
/// page is written for the view (`./?dataset=demo-thin&lang=en`).
pub fn href<'a>(
    search: &str,
    codes: impl IntoIterator<Item = &'a str>,
    shown: Option<&Shown>,
) -> String {
    match split_shown(search, codes, shown) {
        Some((page, rest)) => {
            let path = page.path();
            if path.is_empty() {
                format!("./{rest}")
            } else {
                format!("{path}{rest}")
            }
        }
        None => format!("./{}", if search == "?" { "" } else { search }),
    }
}

/// Whether two query strings ask for the same view: the same parameters with the same values, in any
/// order (`lang=kk` and no `lang=` are the same).
pub fn same_view(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        let mut pairs = query::parse(s);
        if !pairs.iter().any(|(k, _)| k == Key::Lang.name()) {
            pairs.push((Key::Lang.name().into(), Lang::Kk.code().into()));
        }
        pairs.sort();
        pairs
    };
    norm(a) == norm(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CODES: [&str; 3] = ["KZ-75", "KZ-71", "KZ-11"];

    fn is_unit(code: &str) -> bool {
        CODES.contains(&code)
    }

    #[test]
    fn every_page_round_trips_through_its_path_and_its_query() {
        let pages = Page::all(CODES);
        assert_eq!(pages.len(), 3 * (4 + CODES.len()));
        for page in &pages {
            assert_eq!(Page::from_path(&page.path(), is_unit).as_ref(), Some(page));
            let (again, rest) = Page::split(&page.query(), CODES).expect("a page's own query");
            assert_eq!(&again, page, "{}", page.query());
            assert_eq!(rest, "");
            assert_eq!(page.join(""), page.query());
        }
        let paths: std::collections::BTreeSet<String> = pages.iter().map(Page::path).collect();
        assert_eq!(paths.len(), pages.len(), "two pages share a path");
    }

    #[test]
    fn views_split_into_a_page_and_the_rest() {
        let (page, rest) =
            Page::split("?region=KZ-75&lang=ru&v=1&metric=median_wait", CODES).expect("a unit");
        assert_eq!(page.path(), "ru/region/KZ-75/");
        assert_eq!(rest, "?v=1&metric=median_wait");
        assert!(same_view(
            &page.join(&rest),
            "?lang=ru&region=KZ-75&view=region&v=1&metric=median_wait"
        ));
        let (page, rest) = Page::split(
            "?lang=en&view=compare&compare=KZ-75,KZ-71&region=KZ-11",
            CODES,
        )
        .expect("the comparison");
        assert_eq!(page.path(), "en/compare/");
        assert_eq!(rest, "?compare=KZ-75,KZ-71&region=KZ-11");
        assert_eq!(href("?embed=map&lang=en", CODES, None), "en/embed/map/");
        assert_eq!(href("?lang=kk", CODES, None), "./");
        assert_eq!(href("?theme=dark", CODES, None), "./?theme=dark");
        assert_eq!(href("?view=data", CODES, None), "method/");
        // An embed pinned to the version the pages show uses the embed's page, and keeps its pin.
        let shown = Shown::from_pin("demo@2026-11");
        let pinned = "?lang=en&dataset=demo@2026-11&embed=map";
        assert_eq!(
            href(pinned, CODES, Some(&shown)),
            "en/embed/map/?dataset=demo@2026-11"
        );
        assert_eq!(href(pinned, CODES, None), format!("./{pinned}"));
        let older = "?lang=en&dataset=demo@2026-10&embed=map";
        assert_eq!(href(older, CODES, Some(&shown)), format!("./{older}"));
        assert_eq!(
            href("?dataset=demo", CODES, Some(&shown)),
            "./?dataset=demo"
        );
    }

    #[test]
    fn views_without_a_page_stay_in_the_query_string() {
        for search in [
            "?dataset=demo-thin&lang=en",
            "?region=KZ-99",
            "?embed=trend&region=KZ-75",
            "?lang=de",
            "?view=nowhere",
        ] {
            assert_eq!(Page::split(search, CODES), None, "{search}");
            assert_eq!(href(search, CODES, None), format!("./{search}"));
        }
        assert_eq!(Page::from_path("region/KZ-99/", is_unit), None);
        assert_eq!(Page::from_path("data/", is_unit), None);
        assert_eq!(
            Page::from_path("en/region/KZ-11/index.html", is_unit).map(|p| p.query()),
            Some("?lang=en&view=region&region=KZ-11".to_owned())
        );
    }
}
