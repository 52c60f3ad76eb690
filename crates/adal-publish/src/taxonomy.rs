//! The lists a publisher classifies by: services and audit channels for visits, categories and channels
//! for complaints. Each term has an id (what the bundle stores) and labels in three languages.
//!
//! The defaults below are used unless the publisher's config file ([`crate::config`]) defines its own.

pub use adal_core::contract::Term;

/// A list of terms, looked up by id or by label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermList {
    terms: Vec<Term>,
    /// Lower-cased id and labels → index, for matching raw values.
    keys: Vec<(String, usize)>,
}

impl TermList {
    /// Builds the list; ids must be unique (checked by [`crate::config`]).
    pub fn new(terms: Vec<Term>) -> TermList {
        let mut keys = Vec::new();
        for (i, t) in terms.iter().enumerate() {
            for key in [&t.id, &t.label.kk, &t.label.ru, &t.label.en] {
                keys.push((key.trim().to_lowercase(), i));
            }
        }
        TermList { terms, keys }
    }

    /// The terms, in their order.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// The term at `index`.
    pub fn get(&self, index: usize) -> Option<&Term> {
        self.terms.get(index)
    }

    /// The index of the term with this exact id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.terms.iter().position(|t| t.id == id)
    }

    /// Finds a raw value: the id, or the label in any language, case-insensitively.
    pub fn resolve(&self, raw: &str) -> Option<usize> {
        let key = raw.trim().to_lowercase();
        self.keys.iter().find(|(k, _)| *k == key).map(|&(_, i)| i)
    }

    /// The ids, comma-separated, for messages that say what was expected.
    pub fn ids(&self) -> String {
        self.terms
            .iter()
            .map(|t| t.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The default services audited by mystery shoppers.
pub fn default_services() -> Vec<Term> {
    vec![
        Term::new(
            "id_documents",
            "Жеке куәліктер мен төлқұжаттар",
            "Удостоверения личности и паспорта",
            "Identity documents and passports",
        ),
        Term::new(
            "property_registration",
            "Жылжымайтын мүлікті тіркеу",
            "Регистрация недвижимости",
            "Property registration",
        ),
        Term::new(
            "social_benefits",
            "Әлеуметтік төлемдер",
            "Социальные выплаты",
            "Social benefits",
        ),
        Term::new(
            "vehicle_registration",
            "Көлікті тіркеу",
            "Регистрация транспортных средств",
            "Vehicle registration",
        ),
        Term::new(
            "land_relations",
            "Жер қатынастары",
            "Земельные отношения",
            "Land relations",
        ),
        Term::new(
            "business_licensing",
            "Бизнесті лицензиялау",
            "Лицензирование бизнеса",
            "Business licensing",
        ),
        Term::new(
            "healthcare",
            "Денсаулық сақтау",
            "Здравоохранение",
            "Healthcare",
        ),
        Term::new("education", "Білім беру", "Образование", "Education"),
        Term::new(
            "police_certificates",
            "Соттылық туралы анықтамалар",
            "Справки о судимости",
            "Police certificates",
        ),
        Term::new(
            "other",
            "Басқа қызметтер",
            "Другие услуги",
            "Other services",
        ),
    ]
}

/// The default channels of a mystery-shopper visit.
pub fn default_audit_channels() -> Vec<Term> {
    vec![
        Term::new("in_person", "Жеке келу", "Лично", "In person"),
        Term::new("online", "Онлайн", "Онлайн", "Online"),
        Term::new("phone", "Телефон арқылы", "По телефону", "By phone"),
    ]
}

/// The default categories of corruption complaints.
pub fn default_complaint_categories() -> Vec<Term> {
    vec![
        Term::new("bribery", "Пара алу", "Взяточничество", "Bribery"),
        Term::new(
            "extortion",
            "Қорқытып алушылық",
            "Вымогательство",
            "Extortion",
        ),
        Term::new(
            "abuse_of_office",
            "Қызметтік өкілеттікті теріс пайдалану",
            "Злоупотребление должностными полномочиями",
            "Abuse of office",
        ),
        Term::new("red_tape", "Сөзбұйдаға салу", "Волокита", "Red tape"),
        Term::new(
            "refusal",
            "Негізсіз бас тарту",
            "Необоснованный отказ",
            "Unjustified refusal",
        ),
        Term::new("rudeness", "Дөрекілік", "Грубость", "Rudeness"),
        Term::new("other", "Басқа", "Другое", "Other"),
    ]
}

/// The default channels through which complaints arrive.
pub fn default_complaint_channels() -> Vec<Term> {
    vec![
        Term::new(
            "hotline_1424",
            "1424 байланыс орталығы",
            "Колл-центр 1424",
            "1424 call centre",
        ),
        Term::new("online", "Онлайн", "Онлайн", "Online"),
        Term::new("in_person", "Жеке қабылдау", "Личный приём", "In person"),
        Term::new("mail", "Пошта арқылы", "По почте", "By mail"),
    ]
}

/// The stages a complaint's handling ends at, in a fixed order from the first step to the last: the
/// optional `outcome` column of `complaints.csv` names one (docs/data-format.md). Not configurable: the
/// pages compare them across units and publishers.
pub fn outcome_stages() -> Vec<Term> {
    vec![
        Term::new("registered", "Тіркелді", "Зарегистрировано", "Registered"),
        Term::new(
            "forwarded",
            "Басқа органға жіберілді",
            "Направлено в другой орган",
            "Forwarded to another body",
        ),
        Term::new(
            "explained",
            "Түсініктемемен жауап берілді",
            "Дан ответ с разъяснением",
            "Answered with an explanation",
        ),
        Term::new(
            "closed_no_offence",
            "Құқық бұзушылық анықталмай жабылды",
            "Закрыто: нарушение не установлено",
            "Closed without an offence",
        ),
        Term::new(
            "investigation",
            "Сотқа дейінгі тергеп-тексеру басталды",
            "Начато досудебное расследование",
            "Pre-trial investigation opened",
        ),
        Term::new(
            "court",
            "Іс сотқа жіберілді",
            "Дело направлено в суд",
            "Sent to court",
        ),
    ]
}

/// The states of a recommendation given to a service provider after an audit, from done to not done:
/// the manifest's `finding_states`, and what `findings.csv`'s `state` accepts (by id or label).
pub fn finding_states() -> Vec<Term> {
    vec![
        Term::new(
            adal_core::contract::IMPLEMENTED,
            "Орындалды",
            "Выполнено",
            "Implemented",
        ),
        Term::new(
            "partly_implemented",
            "Ішінара орындалды",
            "Выполнено частично",
            "Partly implemented",
        ),
        Term::new(
            "not_implemented",
            "Орындалмады",
            "Не выполнено",
            "Not implemented",
        ),
        Term::new("overdue", "Мерзімі өтіп кетті", "Просрочено", "Overdue"),
    ]
}

/// The manifest's `outcome_stages`: [`outcome_stages`], then the stage of the complaints whose outcome
/// is not recorded.
pub fn outcome_terms() -> Vec<Term> {
    let mut terms = outcome_stages();
    terms.push(Term::new(
        adal_core::contract::NOT_RECORDED,
        "Нәтижесі көрсетілмеген",
        "Исход не указан",
        "Outcome not recorded",
    ));
    terms
}

/// The four lists a bundle is classified by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Taxonomy {
    /// Services audited.
    pub services: TermList,
    /// Channels of an audit visit.
    pub audit_channels: TermList,
    /// Complaint categories.
    pub complaint_categories: TermList,
    /// Channels of a complaint.
    pub complaint_channels: TermList,
}

impl Default for Taxonomy {
    fn default() -> Self {
        Taxonomy {
            services: TermList::new(default_services()),
            audit_channels: TermList::new(default_audit_channels()),
            complaint_categories: TermList::new(default_complaint_categories()),
            complaint_channels: TermList::new(default_complaint_channels()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_have_the_ids_of_the_contract_and_three_labels_each() {
        let t = Taxonomy::default();
        assert_eq!(
            t.services.ids(),
            "id_documents, property_registration, social_benefits, vehicle_registration, land_relations, \
             business_licensing, healthcare, education, police_certificates, other"
        );
        assert_eq!(t.audit_channels.ids(), "in_person, online, phone");
        assert_eq!(
            t.complaint_categories.ids(),
            "bribery, extortion, abuse_of_office, red_tape, refusal, rudeness, other"
        );
        assert_eq!(
            t.complaint_channels.ids(),
            "hotline_1424, online, in_person, mail"
        );
        for list in [
            &t.services,
            &t.audit_channels,
            &t.complaint_categories,
            &t.complaint_channels,
        ] {
            for term in list.terms() {
                assert!(term.label.missing().is_empty(), "{}", term.id);
            }
        }
    }

    #[test]
    fn raw_values_match_ids_and_labels_in_any_language() {
        let t = Taxonomy::default();
        let s = &t.services;
        assert_eq!(s.resolve("healthcare"), s.position("healthcare"));
        assert_eq!(s.resolve(" HEALTHCARE "), s.position("healthcare"));
        assert_eq!(s.resolve("Здравоохранение"), s.position("healthcare"));
        assert_eq!(s.resolve("денсаулық сақтау"), s.position("healthcare"));
        assert_eq!(
            s.resolve("Vehicle registration"),
            s.position("vehicle_registration")
        );
        assert_eq!(s.resolve("health"), None);
        assert_eq!(s.resolve(""), None);
    }
}
