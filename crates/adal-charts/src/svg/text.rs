//! Text in a static drawing: its width as a sans-serif font sets it (estimated: no font is read), the
//! lines a label breaks into or the end cut off where it has a width, and escaping for SVG.

/// The width of `text` in px at `size` px: each letter taken at its share of the font size in a common
/// sans-serif (DejaVu Sans, Arial: Latin and Cyrillic alike), so that labels are laid out as the browser
/// will draw them, give or take a few per cent.
pub fn width(text: &str, size: f64) -> f64 {
    text.chars().map(advance).sum::<f64>() * size
}

fn advance(c: char) -> f64 {
    match c {
        ' ' | '.' | ',' | ':' | ';' | '·' | '|' | '!' | '\'' | 'i' | 'l' | 'j' | 'І' | 'і' => {
            0.3
        }
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' | '–' => 0.36,
        '0'..='9' | '%' | '$' => 0.56,
        'm' | 'w' | 'M' | 'W' | 'ш' | 'щ' | 'ж' | 'ю' | 'ы' | 'Ш' | 'Щ' | 'Ж' | 'Ю' | 'Ы' | 'м'
        | 'М' => 0.8,
        c if c.is_uppercase() => 0.68,
        _ => 0.55,
    }
}

/// `text` cut to fit `room` px at `size` px, ending in "…" where it was cut.
pub fn truncate(text: &str, size: f64, room: f64) -> String {
    if width(text, size) <= room {
        return text.to_owned();
    }
    let ellipsis = width("…", size);
    let mut out = String::new();
    let mut used = 0.0;
    for c in text.chars() {
        let w = advance(c) * size;
        if used + w + ellipsis > room {
            break;
        }
        used += w;
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

/// `text` broken into lines of at most `room` px at `size` px, at spaces (a word longer than a line
/// keeps its own line).
pub fn wrap(text: &str, size: f64, room: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if width(&candidate, size) <= room || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            line = word.to_owned();
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` safe inside an SVG element or a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_labels_are_cut_or_broken_and_short_ones_kept() {
        assert_eq!(truncate("Астана", 12.0, 200.0), "Астана");
        let cut = truncate("Солтүстік Қазақстан облысы", 10.0, 60.0);
        assert!(cut.ends_with('…') && width(&cut, 10.0) <= 60.0, "{cut}");
        let lines = wrap("Жеке куәліктер мен төлқұжаттар · n = 11", 10.0, 80.0);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(
            lines
                .iter()
                .all(|l| width(l, 10.0) <= 80.0 || !l.contains(' '))
        );
        assert_eq!(wrap("", 10.0, 80.0), vec![String::new()]);
    }

    #[test]
    fn text_from_data_cannot_become_markup() {
        assert_eq!(
            escape("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
    }
}
