//! The publisher's logo: an SVG file, checked before it is published beside the bundle. It may hold
//! shapes, text, gradients and styles, and nothing that runs or reaches out: no script, no event
//! handler, no `foreignObject`, no reference to another file or address (only `#id` within itself and
//! `data:image/…` pictures), no DTD. The page shows it with `<img>` (which runs nothing anyway); the check
//! keeps the file itself harmless wherever else it is opened.

/// The largest logo, in bytes.
const MAX_BYTES: usize = 200 * 1024;

/// Elements that run code, embed other documents or reach out.
const FORBIDDEN: [&str; 8] = [
    "script",
    "foreignObject",
    "iframe",
    "object",
    "embed",
    "audio",
    "video",
    "handler",
];

/// Checks `text`; the reason it is refused, with its line, otherwise.
pub fn check(text: &str) -> Result<(), String> {
    if text.len() > MAX_BYTES {
        return Err(format!(
            "{} bytes: a logo may have at most {MAX_BYTES}",
            text.len()
        ));
    }
    if text.contains("<!DOCTYPE") || text.contains("<!ENTITY") {
        return Err("a DTD (<!DOCTYPE>, <!ENTITY>) is not allowed".to_owned());
    }
    let doc = roxmltree::Document::parse(text).map_err(|e| format!("not well-formed SVG: {e}"))?;
    let root = doc.root_element();
    if root.tag_name().name() != "svg" {
        return Err(format!(
            "the root element is <{}>, not <svg>",
            root.tag_name().name()
        ));
    }
    let line = |n: roxmltree::Node| doc.text_pos_at(n.range().start).row;
    let outside = |v: &str| {
        let v = v.to_ascii_lowercase();
        (v.contains("url(") && !v.replace(' ', "").contains("url(#"))
            || v.contains("@import")
            || v.contains("javascript:")
            || v.contains("expression(")
    };
    for node in doc.descendants() {
        if node.is_text()
            && node
                .parent()
                .is_some_and(|p| p.tag_name().name() == "style")
        {
            if node.text().is_some_and(outside) {
                return Err(format!(
                    "line {}: the <style> refers to another file or address",
                    line(node)
                ));
            }
            continue;
        }
        if !node.is_element() {
            continue;
        }
        let name = node.tag_name().name();
        if FORBIDDEN.iter().any(|f| f.eq_ignore_ascii_case(name)) {
            return Err(format!(
                "line {}: a <{name}> element is not allowed",
                line(node)
            ));
        }
        for a in node.attributes() {
            let key = a.name();
            let value = a.value().trim();
            if key.len() > 2 && key[..2].eq_ignore_ascii_case("on") {
                return Err(format!(
                    "line {}: the event handler {key}= is not allowed",
                    line(node)
                ));
            }
            let reference = key == "href" || key == "src";
            let picture = name == "image" && value.starts_with("data:image/");
            if reference && !value.starts_with('#') && !picture {
                return Err(format!(
                    "line {}: <{name} {key}=\"…\"> refers to another file or address; only #id and data:image/ are allowed",
                    line(node)
                ));
            }
            if outside(value) {
                return Err(format!(
                    "line {}: the attribute {key}= refers to another file or address",
                    line(node)
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn a_plain_logo_passes() {
        let logo = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"><stop offset="0" stop-color="#036"/></linearGradient></defs>
<style>.a{fill:url(#g)}</style><rect class="a" width="10" height="10"/><use href="#g"/><text x="1" y="8">OW</text></svg>"##;
        assert_eq!(check(logo), Ok(()));
    }

    #[test]
    fn anything_that_runs_or_reaches_out_is_refused_with_its_line() {
        let svg = |inner: &str| {
            format!(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n{inner}</svg>"
            )
        };
        for (inner, said) in [
            ("<script>alert(1)</script>", "line 2: a <script> element"),
            ("<rect onclick=\"alert(1)\"/>", "event handler onclick"),
            ("<foreignObject><p>x</p></foreignObject>", "<foreignObject>"),
            (
                "<image href=\"https://evil.example/x.png\"/>",
                "refers to another file",
            ),
            (
                "<use xlink:href=\"other.svg#a\"/>",
                "refers to another file",
            ),
            (
                "<style>@import url(https://evil.example/a.css);</style>",
                "<style> refers",
            ),
            (
                "<rect style=\"fill:url(https://evil.example/p)\"/>",
                "refers to another file",
            ),
            (
                "<a href=\"javascript:alert(1)\"><text>x</text></a>",
                "refers to another file",
            ),
        ] {
            let err = check(&svg(inner)).expect_err(inner);
            assert!(err.contains(said), "{inner}: {err}");
        }
        assert!(check("<html/>").is_err());
        assert!(check("<svg").is_err());
        assert!(check("<!DOCTYPE svg [<!ENTITY x \"y\">]><svg/>").is_err());
        assert!(check(&"<svg>".repeat(60_000)).is_err());
    }
}
