//! Finding a unit by what a reader types: its name or its administrative centre's (Тараз, Семей,
//! Өскемен or Усть-Каменогорск, Қонаев…), in Kazakh, Russian or English, in Cyrillic or in Latin
//! transliteration, in any case, partly typed, with or without the word «облысы», «область», «Region»,
//! «қаласы», «город» or «city».
//!
//! Both sides are reduced to one Latin skeleton before they are compared: Cyrillic (Kazakh letters
//! included) is transliterated, the Kazakh Latin alphabet's letters lose their marks, and the spellings
//! transliterations disagree on are made one (`zh`/`j`, `kh`/`h`, `q`/`k`, `y`/`i`…), so that «Шымкент»,
//! «shymkent» and «Şymkent» are one word, and «Қарағанды», «Karaganda» and «Qaraghandy» begin alike.

use crate::labels::Lang;
use crate::regions::{self, ALIASES, RegionKind};

/// A unit the search offers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The unit's ISO code.
    pub code: &'static str,
    /// Whether the text matched the administrative centre's name rather than the unit's own, so that
    /// the offer can say «Жамбыл облысы — Тараз».
    pub by_centre: bool,
}

/// The units `query` may mean, the best first: a name equal to it before one that starts with it,
/// before one with a later word that starts with it; the units' own names before their centres'. A name
/// that fits two units (Алматы: the city and the region) offers both; a kind word being typed («almaty
/// reg», «алматы обла») puts the units of that kind first. Nothing for an empty query.
///
/// ```
/// use adal_core::search::find;
/// let codes = |q| find(q).into_iter().map(|f| f.code).collect::<Vec<_>>();
/// assert_eq!(codes("шымк"), ["KZ-79"]);
/// assert_eq!(codes("Taraz"), ["KZ-31"]);
/// assert_eq!(codes("алматы"), ["KZ-75", "KZ-19"]);
/// assert_eq!(codes("Алматы облысы"), ["KZ-19"]);
/// assert_eq!(codes("almaty reg"), ["KZ-19", "KZ-75"]);
/// ```
pub fn find(query: &str) -> Vec<Found> {
    let Query { words, kind, lean } = query_words(query);
    if words.is_empty() {
        return Vec::new();
    }
    let wanted = words.join(" ");
    let mut found: Vec<((u8, bool, bool, usize), Found)> = regions::all()
        .iter()
        .enumerate()
        .filter(|(_, r)| kind.is_none_or(|k| r.kind == k))
        .filter_map(|(i, r)| {
            let own = own_names(r)
                .filter_map(|name| score(&base(&name), &wanted))
                .min();
            let centre = centre_names(r)
                .filter_map(|name| score(&base(&name), &wanted).map(|s| s + 3))
                .min();
            let best = match (own, centre) {
                (Some(o), Some(c)) => o.min(c),
                (o, c) => o.or(c)?,
            };
            let found = Found {
                code: r.code.as_str(),
                by_centre: own.is_none_or(|o| o > best),
            };
            // Among equals, the kind being typed first, then cities: «Алматы» is most often the city.
            let leaning = lean.is_some_and(|k| r.kind == k);
            let city = r.kind == RegionKind::City;
            Some(((best, !leaning, !city, i), found))
        })
        .collect();
    found.sort_by_key(|(rank, _)| *rank);
    found.into_iter().map(|(_, f)| f).collect()
}

/// How well `name` (a skeleton without kind words) fits `wanted`: 0 equal, 1 starts with it, 2 a later
/// word starts with it; `None` when it does not fit.
fn score(name: &str, wanted: &str) -> Option<u8> {
    if name == wanted {
        Some(0)
    } else if name.starts_with(wanted) {
        Some(1)
    } else if name.contains(&format!(" {wanted}")) {
        Some(2)
    } else {
        None
    }
}

/// A unit's own names: in the three languages, in the boundary file, and its other names in use.
fn own_names(r: &regions::Region) -> impl Iterator<Item = String> + '_ {
    let code = r.code.as_str();
    [&r.name.kk, &r.name.ru, &r.name.en, &r.geometry_name]
        .into_iter()
        .map(|s| s.as_str())
        .chain(
            ALIASES
                .iter()
                .filter(move |(c, _)| *c == code)
                .map(|(_, alias)| *alias),
        )
        .map(str::to_owned)
}

/// Earlier names of the units' cities that people still type, in Russian and in their usual Latin
/// forms: Shymkent was Chimkent, Semey Semipalatinsk, Aktobe Aktyubinsk, Kostanay Kustanai, Kyzylorda
/// Kzyl-Orda, Taraz Dzhambul, Atyrau Guryev, Aktau Shevchenko, Taldykorgan Taldy-Kurgan, Konaev
/// Kapchagay (and Kunaev, its other spelling), Astana Tselinograd and Akmolinsk.
const EARLIER_CENTRES: &[(&str, &str)] = &[
    ("KZ-79", "Чимкент"),
    ("KZ-79", "Chimkent"),
    ("KZ-10", "Семипалатинск"),
    ("KZ-10", "Semipalatinsk"),
    ("KZ-15", "Актюбинск"),
    ("KZ-15", "Aktyubinsk"),
    ("KZ-39", "Кустанай"),
    ("KZ-39", "Kustanai"),
    ("KZ-43", "Кзыл-Орда"),
    ("KZ-43", "Kzyl-Orda"),
    ("KZ-31", "Джамбул"),
    ("KZ-31", "Dzhambul"),
    ("KZ-23", "Гурьев"),
    ("KZ-23", "Guryev"),
    ("KZ-47", "Шевченко"),
    ("KZ-47", "Shevchenko"),
    ("KZ-33", "Талды-Курган"),
    ("KZ-33", "Taldy-Kurgan"),
    ("KZ-19", "Капчагай"),
    ("KZ-19", "Kapchagay"),
    ("KZ-19", "Кунаев"),
    ("KZ-19", "Kunaev"),
    ("KZ-71", "Целиноград"),
    ("KZ-71", "Tselinograd"),
    ("KZ-71", "Акмолинск"),
    ("KZ-71", "Akmolinsk"),
];

/// The names of a unit's administrative centre, each form alone (`Oral (Uralsk)` gives `Oral` and
/// `Uralsk`), and its earlier names.
fn centre_names(r: &regions::Region) -> impl Iterator<Item = String> + '_ {
    let earlier = EARLIER_CENTRES
        .iter()
        .filter(move |(code, _)| *code == r.code)
        .map(|(_, name)| *name);
    [&r.centre.kk, &r.centre.ru, &r.centre.en]
        .into_iter()
        .flat_map(|s| s.split(['(', ')']))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .chain(earlier)
        .map(str::to_owned)
}

/// The words that say a name is a region's or a city's, as skeletons, and the kind they say.
const KIND_WORDS: &[(&str, RegionKind)] = &[
    ("region", RegionKind::Region),
    ("oblast", RegionKind::Region),
    ("oblasti", RegionKind::Region),
    ("oblis", RegionKind::Region),
    ("oblisi", RegionKind::Region),
    ("obl", RegionKind::Region),
    ("city", RegionKind::City),
    ("kala", RegionKind::City),
    ("kalasi", RegionKind::City),
    ("gorod", RegionKind::City),
    ("g", RegionKind::City),
];

/// A name's skeleton without its kind words.
fn base(name: &str) -> String {
    let skeleton = skeleton(name);
    skeleton
        .split(' ')
        .filter(|w| !KIND_WORDS.iter().any(|(k, _)| k == w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A query read: its words as skeletons without its kind words, the kind a whole kind word names, and
/// the kind a last word leans to when it is the start of kind words being typed (`reg`, `обла`, `қал`)
/// that all name one kind.
struct Query {
    words: Vec<String>,
    kind: Option<RegionKind>,
    lean: Option<RegionKind>,
}

/// Reads `query`. A last word that is the start of a kind word being typed is dropped from the words:
/// it only leans, never filters, since it may yet become another word.
fn query_words(query: &str) -> Query {
    let skeleton = skeleton(query);
    let mut read = Query {
        words: Vec::new(),
        kind: None,
        lean: None,
    };
    let all: Vec<&str> = skeleton.split(' ').filter(|w| !w.is_empty()).collect();
    for (i, word) in all.iter().enumerate() {
        let typing = || KIND_WORDS.iter().filter(|(w, _)| w.starts_with(word));
        if let Some((_, k)) = KIND_WORDS.iter().find(|(w, _)| w == word) {
            read.kind = Some(*k);
        } else if i + 1 == all.len() && i > 0 && typing().next().is_some() {
            let mut kinds = typing().map(|(_, k)| *k);
            let first = kinds.next();
            if kinds.all(|k| Some(k) == first) {
                read.lean = first;
            }
        } else {
            read.words.push((*word).to_owned());
        }
    }
    read
}

/// The Latin skeleton of `text`: lower case, transliterated, marks dropped, variant spellings made one,
/// punctuation and dashes as single spaces.
pub fn skeleton(text: &str) -> String {
    let mut latin = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'a'..='z' | '0'..='9' => latin.push(c),
            c if c.is_alphabetic() => latin.push_str(letter(c)),
            _ => latin.push(' '),
        }
    }
    let folded = latin
        .replace("dzh", "j")
        .replace("zh", "j")
        .replace("kh", "h")
        .replace("gh", "g")
        .replace('q', "k")
        .replace('y', "i")
        .replace('w', "u")
        .replace('x', "h");
    let mut out = String::with_capacity(folded.len());
    for word in folded.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        // Doubled letters as one: transliterations keep or drop them.
        let mut last = None;
        for c in word.chars() {
            if last != Some(c) {
                out.push(c);
            }
            last = Some(c);
        }
    }
    out
}

/// One letter other than `a`–`z` in Latin: Cyrillic (Russian and Kazakh) transliterated, Latin letters
/// with marks without them; anything else is dropped.
fn letter(c: char) -> &'static str {
    match c {
        'а' | 'ә' | 'ä' | 'á' | 'à' | 'â' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ғ' | 'ğ' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' | 'é' | 'è' | 'ê' | 'ë' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' | 'й' | 'і' | 'ı' | 'í' | 'ì' | 'î' | 'ï' => "i",
        'к' | 'қ' => "k",
        'л' => "l",
        'м' => "m",
        'н' | 'ң' | 'ñ' => "n",
        'о' | 'ө' | 'ö' | 'ó' | 'ò' | 'ô' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ұ' | 'ү' | 'ū' | 'ü' | 'ú' | 'ù' | 'û' => "u",
        'ф' => "f",
        'х' | 'һ' => "h",
        'ц' => "ts",
        'ч' | 'ç' | 'č' => "ch",
        'ш' | 'щ' | 'ş' | 'š' => "sh",
        'ы' | 'ý' => "y",
        'ю' => "yu",
        'я' => "ya",
        'ъ' | 'ь' => "",
        _ => "",
    }
}

/// The unit's name for an offer in `lang`, with its centre's where that is what matched.
pub fn offer_text(found: &Found, lang: Lang) -> String {
    let Some(r) = regions::by_code(found.code) else {
        return found.code.to_owned();
    };
    if found.by_centre {
        format!("{} — {}", r.name.get(lang), r.centre.get(lang))
    } else {
        r.name.get(lang).to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(q: &str) -> Vec<&'static str> {
        find(q).into_iter().map(|f| f.code).collect()
    }

    #[test]
    fn skeletons_of_one_name_in_several_scripts_agree() {
        for group in [
            &["Шымкент", "SHYMKENT", "Şymkent", "шымкент"][..],
            &["Қарағанды", "Qaraghandy", "Karagandy"],
            &["Жезқазған", "Zhezkazgan", "Jezqazğan", "Жезказган"],
            &["Қостанай", "Kostanay", "Qostanai", "Костанай"],
            &["Өскемен", "Oskemen", "Öskemen"],
            &["Жетісу", "Zhetysu", "Jetisu", "Жетысу"],
        ] {
            let first = skeleton(group[0]);
            for other in &group[1..] {
                assert_eq!(skeleton(other), first, "{other} vs {}", group[0]);
            }
        }
        assert_eq!(skeleton("  Усть-Каменогорск "), "ust kamenogorsk");
    }

    #[test]
    fn units_are_found_by_their_names_and_their_centres() {
        for (query, code) in [
            ("Шымкент", "KZ-79"),
            ("shym", "KZ-79"),
            ("г. Шымкент", "KZ-79"),
            ("Тараз", "KZ-31"),
            ("семей", "KZ-10"),
            ("Semey", "KZ-10"),
            ("Өскемен", "KZ-63"),
            ("усть-кам", "KZ-63"),
            ("Ust-Kamenogorsk", "KZ-63"),
            ("Қонаев", "KZ-19"),
            ("konaev", "KZ-19"),
            ("Уральск", "KZ-27"),
            ("Орал", "KZ-27"),
            ("петропавл", "KZ-59"),
            ("Карагандинская обл", "KZ-35"),
            ("Karaganda region", "KZ-35"),
            ("қарағанды облысы", "KZ-35"),
            ("Ақтөбе", "KZ-15"),
            ("aktobe obla", "KZ-15"),
            ("Nur-Sultan", "KZ-71"),
            ("ВКО", "KZ-63"),
            ("kazakhstan", "KZ-27"),
            ("Чимкент", "KZ-79"),
            ("semipalatinsk", "KZ-10"),
            ("Кзыл-Орда", "KZ-43"),
            ("Kunaev", "KZ-19"),
        ] {
            let found = codes(query);
            assert!(found.contains(&code), "{query}: {found:?}");
        }
    }

    #[test]
    fn a_name_of_two_units_offers_both_and_a_kind_word_chooses() {
        assert_eq!(codes("Almaty"), ["KZ-75", "KZ-19"]);
        assert_eq!(codes("город Алматы"), ["KZ-75"]);
        assert_eq!(codes("Almaty Region"), ["KZ-19"]);
        assert_eq!(
            codes("алматы қ"),
            ["KZ-75", "KZ-19"],
            "«қ» may begin a word yet"
        );
        // East, West and North Kazakhstan all have «Kazakhstan» as a later word.
        assert_eq!(codes("kazakh").len(), 3);
    }

    #[test]
    fn a_kind_word_being_typed_puts_its_kind_first_in_each_language() {
        for query in ["almaty reg", "Almaty regi", "алматы обла", "алматы облы"]
        {
            assert_eq!(codes(query), ["KZ-19", "KZ-75"], "{query}");
        }
        for query in ["almaty ci", "алматы гор", "алматы қал"] {
            assert_eq!(codes(query), ["KZ-75", "KZ-19"], "{query}");
        }
        // Only the order changes: a word being typed filters nothing.
        assert_eq!(codes("shymkent reg"), ["KZ-79"]);
    }

    #[test]
    fn a_centre_match_says_so_in_the_offer() {
        let found = find("Тараз");
        assert_eq!(found.len(), 1);
        assert!(found[0].by_centre);
        assert_eq!(
            offer_text(&found[0], Lang::Ru),
            "Жамбылская область — Тараз"
        );
        let own = find("Жамбыл");
        assert!(!own[0].by_centre);
        assert_eq!(offer_text(&own[0], Lang::En), "Jambyl Region");
    }

    #[test]
    fn nothing_for_nothing() {
        assert!(find("").is_empty());
        assert!(find("  -- ").is_empty());
        assert!(find("область").is_empty());
        assert!(find("Париж").is_empty());
        assert!(find("<script>").is_empty());
    }
}
