//! The files a page of the site loads besides its data — the CSS, the start-up module, the app's JS and
//! wasm, and the lazily loaded files the app finds by `<meta name="adal:…">` (the chart worker, the
//! vendored scripts) — read from the head of the site's `index.html`: the page Trunk wrote
//! (`trunk build --release`, Trunk.toml), or a page `adal pages` wrote there before. Every one of them
//! has a content hash in its name, so the pages name exactly the files of the build they are put beside.

use std::fmt::Write as _;

use adal_publish::previews::escape;

/// The asset tags, with addresses relative to the site's root (a page's `<base href>` points there).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Assets {
    /// `<link rel="stylesheet">`.
    pub styles: Vec<String>,
    /// `<script type="module" src>`: the start-up module.
    pub modules: Vec<String>,
    /// `<link rel="modulepreload">`: the app's JS.
    pub module_preloads: Vec<String>,
    /// `<link rel="preload" type="application/wasm">`: the app's wasm.
    pub wasm_preloads: Vec<String>,
    /// `<meta name="adal:…" content>`, by name.
    pub named: Vec<(String, String)>,
}

/// One tag's name and attributes (a value-less attribute has `None`).
struct Tag {
    name: String,
    attrs: Vec<(String, Option<String>)>,
}

impl Tag {
    fn get(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, v)| v.as_deref())
    }
}

/// The start tags of `html`'s head, in order: a tolerant scan (quoted, single-quoted or bare values, any
/// case), enough for a page written by Trunk (minified or not) or by `adal pages`.
fn head_tags(html: &str) -> Vec<Tag> {
    let lower = html.to_ascii_lowercase();
    let end = lower
        .find("</head")
        .or_else(|| lower.find("<body"))
        .unwrap_or(html.len());
    let mut tags = Vec::new();
    let mut rest = &html[..end];
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        if rest.starts_with("!--") {
            rest = rest.find("-->").map_or("", |e| &rest[e + 3..]);
            continue;
        }
        let name_len = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        let name = rest[..name_len].to_ascii_lowercase();
        rest = &rest[name_len..];
        let mut attrs = Vec::new();
        loop {
            rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
            if rest.is_empty() || rest.starts_with('>') {
                break;
            }
            let n = rest
                .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '>' || c == '/')
                .unwrap_or(rest.len())
                .max(1);
            let attr = rest[..n].to_ascii_lowercase();
            rest = rest[n..].trim_start();
            let value = if let Some(after) = rest.strip_prefix('=') {
                let after = after.trim_start();
                let (value, tail) = match after.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let body = &after[1..];
                        let close = body.find(q).unwrap_or(body.len());
                        (&body[..close], body.get(close + 1..).unwrap_or(""))
                    }
                    _ => {
                        let close = after
                            .find(|c: char| c.is_ascii_whitespace() || c == '>')
                            .unwrap_or(after.len());
                        (&after[..close], &after[close..])
                    }
                };
                rest = tail;
                Some(unescape(value))
            } else {
                None
            };
            attrs.push((attr, value));
        }
        if !name.is_empty() {
            tags.push(Tag { name, attrs });
        }
    }
    tags
}

fn unescape(value: &str) -> String {
    value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// `href` relative to the site's root: Trunk writes them under its public URL (`/`, Trunk.toml), pages
/// relative to their `<base href>`. `None` for an address elsewhere, which no page may load.
fn relative(href: &str) -> Option<String> {
    if href.contains("//") || href.contains(':') || href.contains("..") || href.is_empty() {
        return None;
    }
    Some(
        href.trim_start_matches("./")
            .trim_start_matches('/')
            .to_owned(),
    )
}

/// Reads the asset tags of a page of the site. Fails with what is missing or wrong, naming the file.
pub fn read(html: &str, file: &str) -> Result<Assets, String> {
    let mut assets = Assets::default();
    let add = |list: &mut Vec<String>, href: Option<&str>| -> Result<(), String> {
        let href = href.unwrap_or_default();
        let at = relative(href).ok_or_else(|| {
            format!("{file}: the page names an asset outside the site ({href:?})")
        })?;
        if !list.contains(&at) {
            list.push(at);
        }
        Ok(())
    };
    for tag in head_tags(html) {
        let rel = tag.get("rel").unwrap_or_default().to_ascii_lowercase();
        match tag.name.as_str() {
            "link" if rel == "stylesheet" => add(&mut assets.styles, tag.get("href"))?,
            "link" if rel == "modulepreload" => add(&mut assets.module_preloads, tag.get("href"))?,
            "link" if rel == "preload" && tag.get("type") == Some("application/wasm") => {
                add(&mut assets.wasm_preloads, tag.get("href"))?;
            }
            "script" if tag.get("type") == Some("module") => {
                add(&mut assets.modules, tag.get("src"))?
            }
            "meta" => {
                let name = tag.get("name").unwrap_or_default();
                if let (Some(key), Some(content)) = (name.strip_prefix("adal:"), tag.get("content"))
                {
                    let at = relative(content).ok_or_else(|| {
                        format!("{file}: the page names an asset outside the site ({content:?})")
                    })?;
                    if !assets.named.iter().any(|(k, _)| k == key) {
                        assets.named.push((key.to_owned(), at));
                    }
                }
            }
            _ => {}
        }
    }
    let has = |key: &str| assets.named.iter().any(|(k, _)| k == key);
    let missing: Vec<&str> = [
        ("a stylesheet", !assets.styles.is_empty()),
        ("the start-up module", !assets.modules.is_empty()),
        ("<meta name=\"adal:app\">", has("app")),
        ("<meta name=\"adal:wasm\">", has("wasm")),
        ("<meta name=\"adal:worker\">", has("worker")),
    ]
    .into_iter()
    .filter(|(_, there)| !there)
    .map(|(what, _)| what)
    .collect();
    if !missing.is_empty() {
        return Err(format!(
            "{file} is not a page of a built site (no {}): build the site with scripts/build (trunk build --release)",
            missing.join(", no ")
        ));
    }
    Ok(assets)
}

impl Assets {
    /// The tags for a page's head, relative to its `<base href>`: the CSS, then `route` (a classic script
    /// that runs before the first paint), the start-up module, the preloads, and the named files.
    pub fn head(&self, route: &str) -> String {
        let mut out = String::new();
        for href in &self.styles {
            let _ = write!(out, "<link rel=\"stylesheet\" href=\"{}\">", escape(href));
        }
        let _ = write!(out, "<script src=\"{}\"></script>", escape(route));
        for src in &self.modules {
            let _ = write!(
                out,
                "<script type=\"module\" src=\"{}\"></script>",
                escape(src)
            );
        }
        for href in &self.module_preloads {
            let _ = write!(
                out,
                "<link rel=\"modulepreload\" href=\"{}\">",
                escape(href)
            );
        }
        for href in &self.wasm_preloads {
            let _ = write!(
                out,
                "<link rel=\"preload\" href=\"{}\" as=\"fetch\" type=\"application/wasm\" crossorigin>",
                escape(href)
            );
        }
        for (name, content) in &self.named {
            let _ = write!(
                out,
                "<meta name=\"adal:{}\" content=\"{}\">",
                escape(name),
                escape(content)
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = "<!DOCTYPE html><html lang=kk><head><meta charset=utf-8>\
<base href=/><link href=/main-1a2b.css rel=stylesheet><!-- <link rel=stylesheet href=no.css> -->\
<link rel=modulepreload href=/adal-atlas-99.js><link as=fetch crossorigin href=/adal-atlas-99_bg.wasm rel=preload type=application/wasm>\
<meta content=adal-atlas-99.js name=adal:app><meta content=adal-atlas-99_bg.wasm name=adal:wasm>\
<script src=/boot-77.js type=module></script>\
<meta name=\"adal:worker\" content=\"chart-worker-5_loader.js\"><meta name='adal:echarts' content='vendor/echarts-3.min.js'>\
</head><body><div id=app></div></body></html>";

    #[test]
    fn reads_a_minified_trunk_page_and_writes_relative_tags() {
        let assets = read(TRUNK, "index.html").expect("a Trunk page");
        assert_eq!(assets.styles, ["main-1a2b.css"]);
        assert_eq!(assets.modules, ["boot-77.js"]);
        assert_eq!(assets.module_preloads, ["adal-atlas-99.js"]);
        assert_eq!(assets.wasm_preloads, ["adal-atlas-99_bg.wasm"]);
        let names: Vec<&str> = assets.named.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(names, ["app", "wasm", "worker", "echarts"]);
        let head = assets.head("route-0f.js");
        assert!(head.starts_with(
            "<link rel=\"stylesheet\" href=\"main-1a2b.css\"><script src=\"route-0f.js\">"
        ));
        assert!(head.contains("<meta name=\"adal:echarts\" content=\"vendor/echarts-3.min.js\">"));
        // What the pages write reads back the same (`adal pages` run again on a built site).
        let page = format!("<html><head>{head}</head><body></body></html>");
        assert_eq!(read(&page, "index.html").expect("a page"), assets);
    }

    #[test]
    fn refuses_a_page_of_no_build_and_addresses_elsewhere() {
        let plain = read(
            "<html><head><title>x</title></head></html>",
            "dist/index.html",
        );
        let message = plain.expect_err("not a build");
        assert!(
            message.contains("dist/index.html is not a page of a built site"),
            "{message}"
        );
        assert!(message.contains("adal:app"), "{message}");
        let elsewhere = TRUNK.replace("/boot-77.js", "https://cdn.example/boot.js");
        let message = read(&elsewhere, "index.html").expect_err("another origin");
        assert!(message.contains("outside the site"), "{message}");
        let up = TRUNK.replace("/boot-77.js", "../boot.js");
        assert!(read(&up, "index.html").is_err());
    }
}
