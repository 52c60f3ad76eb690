//! Text in the three languages of the interface: Kazakh, Russian and English.
//!
//! Every label that the published data carries is a [`Labels`]; the web app picks one with [`Lang`].

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A language of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Kazakh (Cyrillic), the default.
    Kk,
    /// Russian.
    Ru,
    /// English.
    En,
}

impl Lang {
    /// All languages, Kazakh first.
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

    /// The language of a code such as `ru`, `RU` or `ru-KZ` (only the primary subtag counts).
    ///
    /// ```
    /// use adal_core::labels::Lang;
    /// assert_eq!(Lang::parse("ru-KZ"), Some(Lang::Ru));
    /// assert_eq!(Lang::parse("de"), None);
    /// ```
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "kk" => Some(Lang::Kk),
            "ru" => Some(Lang::Ru),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language to show: `?lang=` when it names one of the three, else the first of the browser's
    /// preferred languages that is one of them, else Kazakh.
    ///
    /// ```
    /// use adal_core::labels::Lang;
    /// assert_eq!(Lang::negotiate(Some("en"), ["ru-RU"]), Lang::En);
    /// assert_eq!(Lang::negotiate(Some("xx"), ["de-DE", "ru-RU", "en"]), Lang::Ru);
    /// assert_eq!(Lang::negotiate(None, ["fr"]), Lang::Kk);
    /// ```
    pub fn negotiate<'a>(
        query: Option<&str>,
        preferred: impl IntoIterator<Item = &'a str>,
    ) -> Lang {
        query
            .and_then(|q| (q.len() == 2).then(|| Lang::parse(q)).flatten())
            .or_else(|| preferred.into_iter().find_map(Lang::parse))
            .unwrap_or(Lang::Kk)
    }

    /// The BCP 47 code: `kk`, `ru` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }
}

/// One text in Kazakh, Russian and English. None of the three may be empty.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    /// Kazakh.
    pub kk: String,
    /// Russian.
    pub ru: String,
    /// English.
    pub en: String,
}

impl Labels {
    /// Builds a label from its three texts, in the order Kazakh, Russian, English.
    pub fn new(kk: &str, ru: &str, en: &str) -> Self {
        Labels {
            kk: kk.to_owned(),
            ru: ru.to_owned(),
            en: en.to_owned(),
        }
    }

    /// The text in `lang`.
    ///
    /// ```
    /// use adal_core::labels::{Labels, Lang};
    /// let l = Labels::new("Иә", "Да", "Yes");
    /// assert_eq!(l.get(Lang::Ru), "Да");
    /// ```
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Kk => &self.kk,
            Lang::Ru => &self.ru,
            Lang::En => &self.en,
        }
    }

    /// The languages whose text is empty or only white space.
    pub fn missing(&self) -> Vec<Lang> {
        Lang::ALL
            .into_iter()
            .filter(|&l| self.get(l).trim().is_empty())
            .collect()
    }
}
