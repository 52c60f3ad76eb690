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
