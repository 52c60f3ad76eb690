//! What holds across the site's pages: the language, the theme and the dataset ([`Site`]).

use super::keys::{Key, value, with};
use super::notice::Notice;
use crate::labels::Lang;

/// `theme=`: light or dark; without it, the system's preference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Dark text on light.
    Light,
    /// Light text on dark.
    Dark,
}

impl Theme {
    /// The id used in links (and in `<html data-theme>`).
    pub fn id(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The theme with this id.
    pub fn parse(id: &str) -> Option<Theme> {
        [Theme::Light, Theme::Dark]
            .into_iter()
            .find(|t| t.id() == id)
    }
}

/// What the view says about the whole site, read before any dataset is loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    /// The language: `lang=`, else Kazakh (the site's root is the Kazakh page).
    pub lang: Lang,
    /// `theme=`, else the system's preference.
    pub theme: Option<Theme>,
    /// `dataset=`: an id of `datasets.json`, optionally `@version`; else the first dataset.
    pub dataset: Option<String>,
}

impl Site {
    /// Reads the language, theme and dataset.
    pub fn read(search: &str) -> (Site, Vec<Notice>) {
        let mut notices = Vec::new();
        let lang = match value(search, Key::Lang) {
            None => Lang::Kk,
            Some(v) => match (v.len() == 2).then(|| Lang::parse(&v)).flatten() {
                Some(lang) => lang,
                None => {
                    notices.push(Notice::new(Key::Lang, &v));
                    Lang::Kk
                }
            },
        };
        let theme = value(search, Key::Theme).and_then(|v| {
            let theme = Theme::parse(&v);
            if theme.is_none() {
                notices.push(Notice::new(Key::Theme, &v));
            }
            theme
        });
        let site = Site {
            lang,
            theme,
            dataset: value(search, Key::Dataset),
        };
        (site, notices)
    }

    /// `search` with the language, theme and dataset written (defaults left out).
    pub fn write(&self, search: &str) -> String {
        let lang = (self.lang != Lang::Kk).then(|| self.lang.code());
        let s = with(search, Key::Lang, lang);
        let s = with(&s, Key::Theme, self.theme.map(Theme::id));
        with(&s, Key::Dataset, self.dataset.as_deref())
    }
}
