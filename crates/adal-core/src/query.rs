//! The URL query string, the only home of view state: reading parameters and building links that change
//! one parameter and keep the rest.

fn hex_digit(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Decodes `%XX` escapes and `+` (as a space). Invalid escapes are kept as they are; invalid UTF-8 becomes
/// U+FFFD.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex_digit(bytes[i + 1]), hex_digit(bytes[i + 2]))
            {
                (Some(high), Some(low)) => {
                    out.push(high * 16 + low);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes a value for a query string: letters, digits and `-_.~,@:` stay, everything else is `%XX`.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~,@:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The (key, value) pairs of a query string, with or without its leading `?`, decoded.
pub fn parse(search: &str) -> Vec<(String, String)> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(pair), String::new()),
        })
        .collect()
}

/// The first value of `key`.
pub fn get(search: &str, key: &str) -> Option<String> {
    parse(search)
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
}

/// The query string with `key` set to `value` (or removed for `None`), every other parameter kept in
/// its place. Returns `?…`, or `?` alone when nothing is left, so that it can be used as a link.
///
/// ```
/// use adal_core::query::with_param;
/// assert_eq!(with_param("?theme=dark&lang=en", "lang", Some("ru")), "?theme=dark&lang=ru");
/// assert_eq!(with_param("", "lang", Some("kk")), "?lang=kk");
/// assert_eq!(with_param("?lang=en", "lang", None), "?");
/// ```
pub fn with_param(search: &str, key: &str, value: Option<&str>) -> String {
    let mut pairs = parse(search);
    let position = pairs.iter().position(|(k, _)| k == key);
    pairs.retain(|(k, _)| k != key);
    if let Some(v) = value {
        let at = position.unwrap_or(pairs.len()).min(pairs.len());
        pairs.insert(at, (key.to_owned(), v.to_owned()));
    }
    let body: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    format!("?{}", body.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_round_trip_through_encoding() {
        let search = with_param("?a=1", "dataset", Some("демо & co=1"));
        assert_eq!(get(&search, "dataset").as_deref(), Some("демо & co=1"));
        assert_eq!(get(&search, "a").as_deref(), Some("1"));
    }

    #[test]
    fn odd_query_strings_never_panic() {
        for odd in [
            "?",
            "?&&",
            "?=",
            "?%",
            "?a=%zz",
            "?a=%e2%82",
            "?a=%",
            "?%%%=%%",
            "?a=b=c",
            "?ключ=значение",
        ] {
            let pairs = parse(odd);
            let _ = with_param(odd, "lang", Some("en"));
            assert!(pairs.len() <= 3, "{odd}: {pairs:?}");
        }
        assert_eq!(get("?a=b=c", "a").as_deref(), Some("b=c"));
        assert_eq!(get("?a=%zz", "a").as_deref(), Some("%zz"));
        assert_eq!(get("?a=%41", "a").as_deref(), Some("A"));
    }

    #[test]
    fn replacing_keeps_order_and_other_keys() {
        assert_eq!(
            with_param("?lang=en&theme=dark&x=1", "theme", Some("light")),
            "?lang=en&theme=light&x=1"
        );
        assert_eq!(with_param("?lang=en&theme=dark", "theme", None), "?lang=en");
    }
}
