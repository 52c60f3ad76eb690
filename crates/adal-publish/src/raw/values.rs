//! Parsers for single raw values: scores, minutes, yes/no answers; and the safe description of a bad value.

/// Parses a score: an integer from 1 to 5, or empty for "not assessed".
pub fn score(text: &str) -> Result<Option<u8>, &'static str> {
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<u8>() {
        Ok(n @ 1..=5) => Ok(Some(n)),
        _ => Err("an integer from 1 to 5, or empty"),
    }
}

/// Parses minutes waited: an integer ≥ 0, or empty for "not recorded".
pub fn minutes(text: &str) -> Result<Option<u32>, &'static str> {
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<u32>()
        .map(Some)
        .map_err(|_| "a whole number of minutes, 0 or more, or empty")
}

/// Parses a yes/no answer in any of the accepted spellings, or empty for "not recorded".
///
/// ```
/// use adal_publish::raw::values::yes_no;
/// assert_eq!(yes_no("Иә"), Ok(Some(true)));
/// assert_eq!(yes_no("нет"), Ok(Some(false)));
/// assert_eq!(yes_no(""), Ok(None));
/// assert!(yes_no("maybe").is_err());
/// ```
pub fn yes_no(text: &str) -> Result<Option<bool>, &'static str> {
    const EXPECTED: &str = "yes/no, true/false, 1/0, да/нет or иә/жоқ, or empty";
    if text.is_empty() {
        return Ok(None);
    }
    let lower = text.to_lowercase();
    match lower.as_str() {
        "yes" | "y" | "true" | "1" | "да" | "иә" | "ия" => Ok(Some(true)),
        "no" | "n" | "false" | "0" | "нет" | "жоқ" | "жок" => Ok(Some(false)),
        _ => Err(EXPECTED),
    }
}

/// The kind of value a column holds, which decides how much of a bad value may be echoed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// Dates and numbers.
    Numeric,
    /// Codes and names: region, service, channel, category, yes/no.
    Text,
}

/// Describes a bad value for a message without leaking personal data.
///
/// A value is quoted only when it cannot be a phone number, an IIN or an e-mail address that slipped into
/// the wrong column: at most 8 digits (a date's worth) for dates and numbers, at most 4 digits and no `@` for text, and
/// never more than 40 characters. Anything else is described by its length alone.
///
/// ```
/// use adal_publish::raw::values::{describe_found, ValueKind};
/// assert_eq!(describe_found("2024-13-01", ValueKind::Numeric), "\"2024-13-01\"");
/// assert_eq!(describe_found("+7 701 123 45 67", ValueKind::Numeric), "a value of 16 characters (not shown)");
/// assert_eq!(describe_found("", ValueKind::Text), "an empty value");
/// ```
pub fn describe_found(value: &str, kind: ValueKind) -> String {
    if value.is_empty() {
        return "an empty value".to_owned();
    }
    let chars = value.chars().count();
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let safe = chars <= 40
        && !value.contains('@')
        && match kind {
            ValueKind::Numeric => digits <= 8,
            ValueKind::Text => digits <= 4,
        };
    if safe {
        format!("{value:?}")
    } else {
        format!("a value of {chars} characters (not shown)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores() {
        let cases = [
            ("", Ok(None)),
            ("1", Ok(Some(1))),
            ("5", Ok(Some(5))),
            ("0", Err(())),
            ("6", Err(())),
            ("-1", Err(())),
            ("4.5", Err(())),
            ("five", Err(())),
            ("300", Err(())),
        ];
        for (text, want) in cases {
            assert_eq!(score(text).map_err(|_| ()), want, "{text:?}");
        }
    }

    #[test]
    fn minutes_are_whole_and_not_negative() {
        assert_eq!(minutes(""), Ok(None));
        assert_eq!(minutes("0"), Ok(Some(0)));
        assert_eq!(minutes("125"), Ok(Some(125)));
        assert!(minutes("-3").is_err());
        assert!(minutes("2.5").is_err());
        assert!(minutes("ten").is_err());
        assert!(minutes("99999999999").is_err());
    }

    #[test]
    fn yes_no_in_every_accepted_spelling() {
        for t in [
            "yes", "YES", "y", "true", "True", "1", "да", "Да", "иә", "ИӘ",
        ] {
            assert_eq!(yes_no(t), Ok(Some(true)), "{t}");
        }
        for t in ["no", "N", "false", "0", "нет", "НЕТ", "жоқ", "Жоқ"] {
            assert_eq!(yes_no(t), Ok(Some(false)), "{t}");
        }
        for t in ["2", "yes!", "ok", "non"] {
            assert!(yes_no(t).is_err(), "{t}");
        }
    }

    #[test]
    fn found_values_that_may_be_personal_are_not_echoed() {
        let hidden = |v: &str, k| describe_found(v, k).ends_with("(not shown)");
        assert!(hidden("870112345678", ValueKind::Numeric)); // an IIN
        assert!(hidden("7011234567", ValueKind::Numeric)); // a mobile number without +7
        assert!(hidden("+7 (701) 123-45-67", ValueKind::Text));
        assert!(hidden("someone@example.org", ValueKind::Text));
        assert!(hidden(&"x".repeat(41), ValueKind::Text));
        assert!(!hidden("Atlantis", ValueKind::Text));
        assert!(!hidden("KZ-99", ValueKind::Text));
        assert!(!hidden("31.12.2024", ValueKind::Numeric));
        assert_eq!(describe_found("a\nb", ValueKind::Text), "\"a\\nb\"");
    }
}
