//! Every string of the interface exists in Kazakh, Russian and English, with the same interpolation
//! variables, and none is empty.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn load(lang: &str) -> BTreeMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(format!("{lang}.json"));
    let text = std::fs::read_to_string(&path).expect("locale file");
    serde_json::from_str(&text).expect("a flat JSON object of strings")
}

fn variables(text: &str) -> BTreeSet<String> {
    text.split("{{")
        .skip(1)
        .filter_map(|rest| {
            rest.split_once("}}")
                .map(|(name, _)| name.trim().to_owned())
        })
        .collect()
}

#[test]
fn every_key_exists_in_every_language_with_the_same_variables() {
    let kk = load("kk");
    assert!(kk.len() > 30, "the Kazakh locale looks truncated");
    for lang in ["ru", "en"] {
        let other = load(lang);
        let missing: Vec<&String> = kk.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<&String> = other.keys().filter(|k| !kk.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{lang}.json lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{lang}.json has keys kk.json lacks: {extra:?}"
        );
        for (key, text) in &other {
            assert_eq!(
                variables(text),
                variables(&kk[key]),
                "{lang}.json, {key}: other variables than kk.json"
            );
        }
    }
    for lang in ["kk", "ru", "en"] {
        for (key, text) in load(lang) {
            assert!(!text.trim().is_empty(), "{lang}.json, {key} is empty");
        }
    }
}
