//! The publisher's settings: who publishes, under which licence, with which k and which lists.
//!
//! A config file (TOML, read by the CLI) deserialises into [`PublisherConfig`], in which everything is
//! optional; [`Settings::from_config`] fills in the defaults and checks the result, so that a bundle is
//! never published with a label missing in one of the three languages or with two terms sharing an id.

use std::collections::HashSet;

use serde::Deserialize;

use crate::taxonomy::{self, Taxonomy, Term, TermList};
use adal_core::DEFAULT_K;
use adal_core::contract::{DatasetId, Licence, Publisher, ReportChannel, Reporting};
use adal_core::labels::{Labels, Lang};

/// The config file as written. Unknown keys are refused, so that a typo does not pass unnoticed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublisherConfig {
    /// `[dataset]`.
    #[serde(default)]
    pub dataset: DatasetConfig,
    /// `[publisher]`.
    pub publisher: Option<Publisher>,
    /// `[licence]`.
    pub licence: Option<Licence>,
    /// `k_anonymity = 5`.
    pub k_anonymity: Option<u32>,
    /// `[[services]]`.
    pub services: Option<Vec<Term>>,
    /// `[[audit_channels]]`.
    pub audit_channels: Option<Vec<Term>>,
    /// `[[complaint_categories]]`.
    pub complaint_categories: Option<Vec<Term>>,
    /// `[[complaint_channels]]`.
    pub complaint_channels: Option<Vec<Term>>,
    /// `[reporting]`: replaces the default ways to report.
    pub reporting: Option<Reporting>,
    /// `[[reporting_channels]]`: the publisher's own ways to report, shown after the default ones (1424
    /// first) or after `[reporting]`'s.
    pub reporting_channels: Option<Vec<ReportChannel>>,
    /// `[site]`: what `adal site` needs beyond the bundle (`adal publish` does not read it).
    pub site: Option<SiteConfig>,
}

/// `[site]` of the config file.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// The site's absolute address, ending in `/` (canonical links, feeds, cards).
    pub url: Option<String>,
    /// The publisher's logo: an SVG file, its path relative to the config file. `adal site` checks it
    /// (no script, no external reference) and publishes it beside the bundle.
    pub logo: Option<String>,
}

/// `[dataset]` of the config file.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetConfig {
    /// Stable id of the dataset.
    pub id: Option<String>,
    /// Version of this publication.
    pub version: Option<String>,
    /// Whether this is demonstration data.
    pub is_demo: Option<bool>,
    /// Title.
    pub title: Option<Labels>,
    /// Description.
    pub description: Option<Labels>,
    /// Methodology.
    pub methodology: Option<Labels>,
}

/// A config that cannot be used, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// A label lacks a language.
    #[error("{field}: the text is missing in {}", .langs.join(", "))]
    MissingLanguage {
        /// Where in the config.
        field: String,
        /// The languages missing.
        langs: Vec<&'static str>,
    },
    /// An id is not of the allowed form.
    #[error(
        "{field}: {id:?} is not a valid id (lower-case letters, digits and _ only, 1 to 64 characters)"
    )]
    BadId {
        /// Where in the config.
        field: String,
        /// The id.
        id: String,
    },
    /// Two terms of one list share an id.
    #[error("{field}: the id {id:?} is used twice")]
    DuplicateId {
        /// Which list.
        field: String,
        /// The id.
        id: String,
    },
    /// The logo was set in `[publisher]`, where only `adal site` sets it, from a checked file.
    #[error(
        "publisher.logo: give the logo's file as [site] logo = \"logo.svg\": adal site checks it and publishes it"
    )]
    LogoInPublisher,
    /// The contact is neither an e-mail address nor an `https://` address.
    #[error("publisher.contact: give an e-mail address (name@example.org) or an https:// address")]
    BadContact,
    /// A list is empty.
    #[error("{0}: the list is empty")]
    EmptyList(String),
    /// k too small to protect anyone.
    #[error("k_anonymity must be at least 2, found {0}")]
    KTooSmall(u32),
    /// The dataset id or version has characters that do not belong in a file name or link.
    #[error(
        "dataset.{field}: {value:?} may hold only letters, digits, '.', '-' and '_' (1 to 64 characters)"
    )]
    BadDatasetName {
        /// `id` or `version`.
        field: &'static str,
        /// The value.
        value: String,
    },
}

/// The resolved settings of one publication.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// Dataset id and version.
    pub dataset: DatasetId,
    /// Whether this is demonstration data.
    pub is_demo: bool,
    /// Title.
    pub title: Labels,
    /// Description.
    pub description: Labels,
    /// Methodology.
    pub methodology: Labels,
    /// Publisher.
    pub publisher: Publisher,
    /// Licence.
    pub licence: Licence,
    /// k of k-anonymity.
    pub k: u32,
    /// The four lists.
    pub taxonomy: Taxonomy,
    /// Where to report corruption.
    pub reporting: Reporting,
}

impl Default for Settings {
    fn default() -> Self {
        // The default config passes every check by construction; the tests below hold it to that.
        match Settings::from_config(PublisherConfig::default()) {
            Ok(s) => s,
            Err(e) => unreachable!("the default settings are invalid: {e}"),
        }
    }
}

impl Settings {
    /// Fills in defaults and checks every label and id.
    pub fn from_config(config: PublisherConfig) -> Result<Settings, ConfigError> {
        let d = config.dataset;
        let dataset = DatasetId {
            id: d.id.unwrap_or_else(|| "adal-dataset".to_owned()),
            version: d.version.unwrap_or_else(|| "1".to_owned()),
        };
        check_dataset_name("id", &dataset.id, |c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'
        })?;
        check_dataset_name("version", &dataset.version, |c| {
            c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '_'
        })?;
        let k = config.k_anonymity.unwrap_or(DEFAULT_K);
        if k < 2 {
            return Err(ConfigError::KTooSmall(k));
        }
        let settings = Settings {
            dataset,
            is_demo: d.is_demo.unwrap_or(false),
            title: d.title.unwrap_or_else(default_title),
            description: d.description.unwrap_or_else(default_description),
            methodology: d.methodology.unwrap_or_else(default_methodology),
            publisher: config.publisher.unwrap_or_else(|| Publisher {
                name: Labels::new(
                    "Жариялаушы көрсетілмеген",
                    "Издатель не указан",
                    "Publisher not stated",
                ),
                url: None,
                contact: None,
                logo: None,
            }),
            licence: config.licence.unwrap_or_else(|| Licence {
                id: "CC-BY-4.0".to_owned(),
                name: "Creative Commons Attribution 4.0 International".to_owned(),
                url: Some("https://creativecommons.org/licenses/by/4.0/".to_owned()),
            }),
            k,
            taxonomy: Taxonomy {
                services: checked_list("services", config.services, taxonomy::default_services)?,
                audit_channels: checked_list(
                    "audit_channels",
                    config.audit_channels,
                    taxonomy::default_audit_channels,
                )?,
                complaint_categories: checked_list(
                    "complaint_categories",
                    config.complaint_categories,
                    taxonomy::default_complaint_categories,
                )?,
                complaint_channels: checked_list(
                    "complaint_channels",
                    config.complaint_channels,
                    taxonomy::default_complaint_channels,
                )?,
            },
            reporting: {
                let mut reporting = config.reporting.unwrap_or_else(default_reporting);
                reporting
                    .channels
                    .extend(config.reporting_channels.unwrap_or_default());
                reporting
            },
        };
        let mut ids = HashSet::new();
        for c in &settings.reporting.channels {
            if !ids.insert(c.id.as_str()) {
                return Err(ConfigError::DuplicateId {
                    field: "reporting channels".to_owned(),
                    id: c.id.clone(),
                });
            }
        }
        if settings.publisher.logo.is_some() {
            return Err(ConfigError::LogoInPublisher);
        }
        if settings.publisher.contact.is_some() && settings.publisher.contact_href().is_none() {
            return Err(ConfigError::BadContact);
        }
        settings.check_labels()?;
        Ok(settings)
    }

    fn check_labels(&self) -> Result<(), ConfigError> {
        let mut labelled: Vec<(String, &Labels)> = vec![
            ("dataset.title".into(), &self.title),
            ("dataset.description".into(), &self.description),
            ("dataset.methodology".into(), &self.methodology),
            ("publisher.name".into(), &self.publisher.name),
            ("reporting.protection".into(), &self.reporting.protection),
        ];
        for c in &self.reporting.channels {
            labelled.push((format!("reporting.channels.{}.label", c.id), &c.label));
            labelled.push((
                format!("reporting.channels.{}.description", c.id),
                &c.description,
            ));
        }
        for (field, labels) in labelled {
            let langs: Vec<&'static str> = labels.missing().into_iter().map(Lang::code).collect();
            if !langs.is_empty() {
                return Err(ConfigError::MissingLanguage { field, langs });
            }
        }
        Ok(())
    }
}

fn check_dataset_name(
    field: &'static str,
    value: &str,
    ok: impl Fn(char) -> bool,
) -> Result<(), ConfigError> {
    let first_ok = value
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    if first_ok && value.len() <= 64 && value.chars().all(ok) {
        Ok(())
    } else {
        Err(ConfigError::BadDatasetName {
            field,
            value: value.to_owned(),
        })
    }
}

fn checked_list(
    field: &str,
    given: Option<Vec<Term>>,
    default: fn() -> Vec<Term>,
) -> Result<TermList, ConfigError> {
    let terms = given.unwrap_or_else(default);
    if terms.is_empty() {
        return Err(ConfigError::EmptyList(field.to_owned()));
    }
    let mut seen = HashSet::new();
    for t in &terms {
        let valid = !t.id.is_empty()
            && t.id.len() <= 64
            && t.id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !valid {
            return Err(ConfigError::BadId {
                field: field.to_owned(),
                id: t.id.clone(),
            });
        }
        if !seen.insert(t.id.as_str()) {
            return Err(ConfigError::DuplicateId {
                field: field.to_owned(),
                id: t.id.clone(),
            });
        }
        let langs: Vec<&'static str> = t.label.missing().into_iter().map(Lang::code).collect();
        if !langs.is_empty() {
            return Err(ConfigError::MissingLanguage {
                field: format!("{field}.{}.label", t.id),
                langs,
            });
        }
    }
    Ok(TermList::new(terms))
}

fn default_title() -> Labels {
    Labels::new(
        "Мемлекеттік қызметтердің сапасы және сыбайлас жемқорлық туралы шағымдар",
        "Качество государственных услуг и жалобы на коррупцию",
        "Public-service quality and corruption complaints",
    )
}

fn default_description() -> Labels {
    Labels::new(
        "Мемлекеттік қызмет көрсету орындарына «құпия клиенттердің» сапарлары және өңірлер бойынша сыбайлас жемқорлық туралы шағымдар саны.",
        "Визиты «тайных покупателей» в места оказания государственных услуг и число жалоб на коррупцию по регионам.",
        "Mystery-shopper visits to public-service offices and the number of corruption complaints, by region.",
    )
}

fn default_methodology() -> Labels {
    Labels::new(
        "Оқытылған азаматтар қызмет көрсету орындарына жасырын барып, күту уақытын, сыпайылықты, ақпаратты, қолжетімділікті және нәтижені 1–5 балмен бағалайды, бейресми төлем сұралды ма, делдал ұсынылды ма және қызмет көрсетілді ме — соны белгілейді. Жарияламас бұрын жеке деректер алынып тасталады, күндер айға дейін қысқартылады және k-анонимдік қолданылады: өңір, ай, қызмет және арна бойынша әрбір жарияланған топта кемінде k сапар болады; шағымдардың k-дан аз ұяшықтары жасырылады.",
        "Обученные граждане инкогнито посещают места оказания услуг и оценивают ожидание, вежливость, информацию, доступность и результат по шкале 1–5, отмечая, просили ли неформальную оплату, предлагали ли посредника и была ли оказана услуга. Перед публикацией персональные данные удаляются, даты сокращаются до месяца и применяется k-анонимность: каждая опубликованная комбинация региона, месяца, услуги и канала описывает не менее k визитов; ячейки жалоб меньше k скрываются.",
        "Trained citizens visit public-service offices incognito and score waiting, courtesy, information, accessibility and outcome from 1 to 5, noting whether an informal payment was requested, whether an intermediary was offered and whether the service was delivered. Before publication personal data are removed, dates are cut to the month and k-anonymity is applied: every published combination of region, month, service and channel describes at least k visits; complaint cells under k are suppressed.",
    )
}

/// The ways to report corruption in Kazakhstan, from the project's reference notes.
pub fn default_reporting() -> Reporting {
    let channel = |id: &str,
                   label: [&str; 3],
                   description: [&str; 3],
                   phone: Option<&str>,
                   url: Option<&str>| {
        ReportChannel {
            id: id.to_owned(),
            label: Labels::new(label[0], label[1], label[2]),
            description: Labels::new(description[0], description[1], description[2]),
            phone: phone.map(str::to_owned),
            url: url.map(str::to_owned),
        }
    };
    Reporting {
        channels: vec![
            channel(
                "hotline_1424",
                [
                    "1424 байланыс орталығы",
                    "Колл-центр 1424",
                    "Call centre 1424",
                ],
                [
                    "Сыбайлас жемқорлыққа қарсы қызметтің байланыс орталығы: ұялы және қалалық телефоннан тегін, тәулік бойы.",
                    "Колл-центр Антикоррупционной службы: бесплатно с мобильных и городских телефонов, круглосуточно.",
                    "The Anti-Corruption Service's call centre: free from mobile and landline phones, around the clock.",
                ],
                Some("1424"),
                None,
            ),
            channel(
                "egov",
                ["eGov.kz порталы", "Портал eGov.kz", "eGov.kz portal"],
                [
                    "Электрондық үкімет порталындағы онлайн қызмет; электрондық цифрлық қолтаңба қажет.",
                    "Онлайн-сервис портала электронного правительства; нужна электронная цифровая подпись.",
                    "The online service of the e-government portal; needs an electronic digital signature.",
                ],
                None,
                Some("https://egov.kz"),
            ),
            channel(
                "in_writing",
                ["Жазбаша өтініш", "Письменное обращение", "In writing"],
                [
                    "Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігіне немесе оның әр өңірдегі аумақтық департаментіне жазбаша.",
                    "Письменно в Агентство по противодействию коррупции или в его территориальный департамент в каждом регионе.",
                    "In writing to the Anti-Corruption Agency, or to its territorial department in each region.",
                ],
                None,
                None,
            ),
            channel(
                "anticorruption_portal",
                [
                    "Сыбайлас жемқорлыққа қарсы портал",
                    "Антикоррупционный портал",
                    "Anti-Corruption Portal",
                ],
                [
                    "2025 жылдан бастап Агенттіктің порталында хабарлама қалдыруға арналған кері байланыс нысаны бар.",
                    "С 2025 года на портале Агентства есть форма обратной связи для сообщений.",
                    "Since 2025 the Agency's portal has a feedback form for reports.",
                ],
                None,
                None,
            ),
            channel(
                "whatsapp_bot",
                [
                    "WhatsApp чат-боты",
                    "Чат-бот в WhatsApp",
                    "WhatsApp chat-bot",
                ],
                [
                    "2025 жылдан бастап Агенттіктің WhatsApp чат-боты хабарламаларды қабылдайды.",
                    "С 2025 года сообщения принимает чат-бот Агентства в WhatsApp.",
                    "Since 2025 the Agency's WhatsApp chat-bot takes reports.",
                ],
                None,
                None,
            ),
        ],
        protection: Labels::new(
            "Хабарлаған адамдарды заң қорғайды: олардың жеке басын жария ету — қылмыстық құқық бұзушылық.",
            "Сообщивших защищает закон: раскрытие их личности — уголовное правонарушение.",
            "People who report are protected by law: disclosing their identity is a criminal offence.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_settings_are_valid() {
        let s = Settings::from_config(PublisherConfig::default()).expect("defaults");
        assert_eq!(s.k, 5);
        assert_eq!(s.reporting.channels[0].phone.as_deref(), Some("1424"));
        assert!(!s.is_demo);
    }

    #[test]
    fn the_publishers_own_channels_come_after_1424_and_a_contact_must_be_reachable() {
        let config: PublisherConfig = toml::from_str(
            r#"
[publisher]
name = { kk = "а", ru = "б", en = "Oblast Watch" }
contact = "audit@oblast-watch.kz"

[[reporting_channels]]
id = "our_hotline"
label = { kk = "а", ru = "б", en = "Our hotline" }
description = { kk = "а", ru = "б", en = "Weekdays" }
phone = "+7 700 000 00 00"
"#,
        )
        .expect("config");
        let s = Settings::from_config(config).expect("valid");
        assert_eq!(s.reporting.channels[0].phone.as_deref(), Some("1424"));
        assert_eq!(
            s.reporting.channels.last().map(|c| c.id.as_str()),
            Some("our_hotline")
        );
        assert_eq!(
            s.publisher.contact_href().as_deref(),
            Some("mailto:audit@oblast-watch.kz")
        );
        for (bad, said) in [
            (
                "[publisher]\nname = { kk = \"а\", ru = \"б\", en = \"c\" }\ncontact = \"javascript:alert(1)\"\n",
                "publisher.contact",
            ),
            (
                "[publisher]\nname = { kk = \"а\", ru = \"б\", en = \"c\" }\nlogo = \"logo.svg\"\n",
                "publisher.logo",
            ),
            (
                "[[reporting_channels]]\nid = \"hotline_1424\"\nlabel = { kk = \"а\", ru = \"б\", en = \"c\" }\ndescription = { kk = \"а\", ru = \"б\", en = \"c\" }\n",
                "used twice",
            ),
        ] {
            let config: PublisherConfig = toml::from_str(bad).expect(said);
            let err = Settings::from_config(config).expect_err(said).to_string();
            assert!(err.contains(said), "{err}");
        }
    }

    #[test]
    fn bad_configs_are_refused_with_a_reason() {
        let term = |id: &str, en: &str| Term {
            id: id.into(),
            label: Labels::new("а", "б", en),
        };
        let cases: Vec<(PublisherConfig, &str)> = vec![
            (
                PublisherConfig {
                    k_anonymity: Some(1),
                    ..Default::default()
                },
                "k_anonymity must be at least 2, found 1",
            ),
            (
                PublisherConfig {
                    services: Some(vec![term("a", "A"), term("a", "B")]),
                    ..Default::default()
                },
                "services: the id \"a\" is used twice",
            ),
            (
                PublisherConfig {
                    services: Some(vec![term("Bad Id", "A")]),
                    ..Default::default()
                },
                "services: \"Bad Id\" is not a valid id",
            ),
            (
                PublisherConfig {
                    complaint_channels: Some(vec![term("x", " ")]),
                    ..Default::default()
                },
                "complaint_channels.x.label: the text is missing in en",
            ),
            (
                PublisherConfig {
                    audit_channels: Some(vec![]),
                    ..Default::default()
                },
                "audit_channels: the list is empty",
            ),
            (
                PublisherConfig {
                    dataset: DatasetConfig {
                        id: Some("../etc".into()),
                        ..Default::default()
                    },
                    ..Default::default()
                },
                "dataset.id: \"../etc\" may hold only",
            ),
        ];
        for (config, want) in cases {
            let err = Settings::from_config(config).expect_err(want).to_string();
            assert!(err.starts_with(want), "{err}");
        }
    }
}
