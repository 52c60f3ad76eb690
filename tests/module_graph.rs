//! The imports between the project's files run one way. For every crate of the workspace this test reads
//! the sources, draws the graph of which file names which other file's module, and fails on any circle
//! between files; for the web app it also fails on an import that goes up its layers:
//!
//! entry (`boot`, `prerender`) → `app`, `shell` → `pages` → `components` → `contexts` → helpers (`api`,
//! `hydration`, `static_charts`) → the core crates.
//!
//! How a file names another: a path from `crate::`, `super::` or `self::` (in a `use` or in code, brace
//! groups expanded), or a path that starts with one of the file's own child modules. Such a path belongs
//! to the longest module it names that is a file. Comments are skipped; `mod` declarations are not
//! imports (a parent declaring its children is the module tree, not a dependency); names of the crate's
//! root (`lib.rs`: the generated `i18n`) are below everything.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// A module path, from the crate's root.
type Module = Vec<String>;

struct Crate {
    /// Each file's module.
    files: BTreeMap<Module, PathBuf>,
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The crate whose root is `src/lib.rs` under `dir`: every file of its module tree (`bin/` and `main.rs`
/// are crates of their own).
fn read_crate(src: &Path) -> Crate {
    let mut paths = Vec::new();
    walk(src, &mut paths);
    let mut files = BTreeMap::new();
    for path in paths {
        let rel = path.strip_prefix(src).expect("under src");
        let mut parts: Vec<String> = rel
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        if parts[0] == "bin" || parts == ["main.rs"] {
            continue;
        }
        let last = parts.pop().expect("a file name");
        let stem = last.trim_end_matches(".rs").to_owned();
        if stem != "mod" && stem != "lib" {
            parts.push(stem);
        }
        files.insert(parts, path);
    }
    Crate { files }
}

/// `text` without comments (line comments, doc comments and block comments), string literals kept.
fn code(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut in_string = false;
    while i < bytes.len() {
        let c = bytes[i];
        if in_string {
            out.push(c as char);
            if c == b'\\' && i + 1 < bytes.len() {
                out.push(bytes[i + 1] as char);
                i += 2;
                continue;
            }
            if c == b'"' {
                in_string = false;
            }
            i += 1;
            continue;
        }
        if c == b'"' {
            in_string = true;
        } else if c == b'/' && bytes.get(i + 1) == Some(&b'/') {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
            continue;
        } else if c == b'/' && bytes.get(i + 1) == Some(&b'*') {
            while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                i += 1;
            }
            i += 2;
            continue;
        }
        out.push(c as char);
        i += 1;
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The paths that start at byte `at` of `code`: `a::b::{c, d::e}` gives `a::b::c` and `a::b::d::e`.
fn paths_at(code: &str, at: usize) -> Vec<Vec<String>> {
    fn parse(s: &[char], i: &mut usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
        let mut path = prefix;
        loop {
            while *i < s.len() && s[*i].is_whitespace() {
                *i += 1;
            }
            if *i < s.len() && s[*i] == '{' {
                *i += 1;
                loop {
                    parse(s, i, path.clone(), out);
                    while *i < s.len() && s[*i].is_whitespace() {
                        *i += 1;
                    }
                    match s.get(*i) {
                        Some(',') => {
                            *i += 1;
                            while *i < s.len() && s[*i].is_whitespace() {
                                *i += 1;
                            }
                            if s.get(*i) == Some(&'}') {
                                *i += 1;
                                return;
                            }
                        }
                        Some('}') => {
                            *i += 1;
                            return;
                        }
                        _ => return,
                    }
                }
            }
            let start = *i;
            while *i < s.len() && is_ident(s[*i]) {
                *i += 1;
            }
            if *i == start {
                out.push(path);
                return;
            }
            path.push(s[start..*i].iter().collect());
            if s.get(*i) == Some(&':') && s.get(*i + 1) == Some(&':') {
                *i += 2;
            } else {
                out.push(path);
                return;
            }
        }
    }
    let chars: Vec<char> = code[at..].chars().take(2000).collect();
    let mut out = Vec::new();
    let mut i = 0;
    parse(&chars, &mut i, Vec::new(), &mut out);
    out
}

/// The files `module` (the file `path`) names, by module.
fn imports(krate: &Crate, module: &Module, path: &Path) -> BTreeSet<Module> {
    let text = code(&fs::read_to_string(path).expect("a source file"));
    let is_mod_file = path
        .file_name()
        .is_some_and(|n| n == "mod.rs" || n == "lib.rs");
    // `super` of a file `a/b.rs` (module a::b) is `a`; of `a/b/mod.rs` (also a::b) it is `a` too.
    let parent: Module = module[..module.len().saturating_sub(1)].to_vec();
    let children: BTreeSet<&str> = krate
        .files
        .keys()
        .filter(|m| m.len() == module.len() + 1 && m.starts_with(module))
        .map(|m| m[module.len()].as_str())
        .collect();
    let _ = is_mod_file;
    let inline = inline_modules(&text);
    let mut found = BTreeSet::new();
    for (at, _) in text.match_indices("::") {
        // The start of the path this `::` belongs to: only its first segment is looked at.
        let before = &text[..at];
        let start = before.rfind(|c: char| !is_ident(c)).map_or(0, |p| p + 1);
        if start >= at || text[..start].ends_with("::") {
            continue;
        }
        let first = &text[start..at];
        let declared = text[..start].trim_end().ends_with("mod");
        if declared {
            continue;
        }
        // Inside an inline module (`mod tests { … }`), `super` is this file's module and `self` is the
        // inline one, which is no file: both name this file.
        let nested = inline.iter().any(|(from, to)| (*from..*to).contains(&at));
        let base: Module = match first {
            "crate" => Vec::new(),
            "super" | "self" if nested => module.clone(),
            "super" => parent.clone(),
            "self" => module.clone(),
            child if children.contains(child) => module.clone(),
            _ => continue,
        };
        let skip = if matches!(first, "crate" | "super" | "self") {
            at + 2
        } else {
            start
        };
        for tail in paths_at(&text, skip) {
            let mut full = base.clone();
            let mut rest = tail.as_slice();
            // `super::super::x`
            while let Some(("super", r)) = rest.split_first().map(|(h, r)| (h.as_str(), r)) {
                full.pop();
                rest = r;
            }
            full.extend(rest.iter().cloned());
            // The longest prefix that is a file of the crate.
            let target = (0..=full.len())
                .rev()
                .map(|n| full[..n].to_vec())
                .find(|m| krate.files.contains_key(m));
            if let Some(target) = target
                && !target.is_empty()
                && target != *module
            {
                found.insert(target);
            }
        }
    }
    found
}

/// The byte ranges of the inline modules of `code` (`mod name { … }`), the outermost ones.
fn inline_modules(code: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = code[from..].find("mod ") {
        let at = from + found;
        from = at + 4;
        if code[..at].ends_with(|c: char| is_ident(c)) {
            continue;
        }
        let rest = &code[at + 4..];
        let name_end = rest.find(|c: char| !is_ident(c)).unwrap_or(rest.len());
        if name_end == 0 || !rest[name_end..].trim_start().starts_with('{') {
            continue;
        }
        let open = at + 4 + name_end + rest[name_end..].find('{').unwrap_or(0);
        let mut depth = 0usize;
        let mut end = code.len();
        for (i, c) in code[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.push((open, end));
        from = end;
    }
    out
}

fn graph(krate: &Crate) -> BTreeMap<Module, BTreeSet<Module>> {
    krate
        .files
        .iter()
        .map(|(m, p)| (m.clone(), imports(krate, m, p)))
        .collect()
}

/// The circles: strongly connected groups of more than one file (Tarjan's algorithm).
fn circles(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<Module>> {
    struct State<'a> {
        graph: &'a BTreeMap<Module, BTreeSet<Module>>,
        index: BTreeMap<&'a Module, usize>,
        low: BTreeMap<&'a Module, usize>,
        stack: Vec<&'a Module>,
        on_stack: BTreeSet<&'a Module>,
        next: usize,
        out: Vec<Vec<Module>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a Module) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.graph.get(v).into_iter().flatten() {
            let Some((w, _)) = s.graph.get_key_value(w) else {
                continue;
            };
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut group = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                group.push(w.clone());
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                s.out.push(group);
            }
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v) {
            visit(&mut s, v);
        }
    }
    s.out
}

fn name(m: &Module) -> String {
    if m.is_empty() {
        "crate".to_owned()
    } else {
        m.join("::")
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn crates() -> Vec<(String, PathBuf)> {
    let mut list = vec![("adal-atlas".to_owned(), root().join("src"))];
    for entry in fs::read_dir(root().join("crates"))
        .expect("crates/")
        .flatten()
    {
        let src = entry.path().join("src");
        if src.join("lib.rs").exists() || src.join("main.rs").exists() {
            list.push((entry.file_name().to_string_lossy().into_owned(), src));
        }
    }
    list.sort();
    list
}

#[test]
fn no_circle_between_the_files_of_any_crate() {
    let mut found = Vec::new();
    for (krate, src) in crates() {
        let files = read_crate(&src);
        // The CLI's root is main.rs.
        let files = if files.files.is_empty() || !src.join("lib.rs").exists() {
            let mut c = files;
            if src.join("main.rs").exists() {
                c.files.insert(Vec::new(), src.join("main.rs"));
            }
            c
        } else {
            files
        };
        for circle in circles(&graph(&files)) {
            let names: Vec<String> = circle.iter().map(name).collect();
            found.push(format!("{krate}: {}", names.join(" ↔ ")));
        }
    }
    assert!(
        found.is_empty(),
        "files that import each other, in a circle (move what they share below them):\n{}",
        found.join("\n")
    );
}

/// The web app's layer of a module, by its first segment: a file may import its own layer or those
/// below it (a larger number).
fn layer(m: &Module) -> Option<usize> {
    Some(match m.first().map(String::as_str)? {
        "boot" | "prerender" => 0,
        "app" | "shell" => 1,
        "pages" => 2,
        "components" => 3,
        "contexts" => 4,
        "api" | "hydration" | "static_charts" => 5,
        _ => return None,
    })
}

#[test]
fn the_web_app_imports_only_downwards() {
    let krate = read_crate(&root().join("src"));
    let mut wrong = Vec::new();
    for (from, to) in graph(&krate) {
        if from.is_empty() {
            continue;
        }
        let Some(here) = layer(&from) else {
            wrong.push(format!(
                "{} has no layer (the_web_app_imports_only_downwards: layer)",
                name(&from)
            ));
            continue;
        };
        for target in to {
            match layer(&target) {
                Some(there) if there >= here => {}
                Some(_) => wrong.push(format!(
                    "{} imports {}, a layer above it",
                    name(&from),
                    name(&target)
                )),
                None => wrong.push(format!("{} has no layer", name(&target))),
            }
        }
    }
    wrong.sort();
    wrong.dedup();
    assert!(
        wrong.is_empty(),
        "imports that go up:\n{}",
        wrong.join("\n")
    );
}

/// The checker itself: it sees a circle and an upward import where there is one.
#[test]
fn the_checker_finds_a_circle_and_reads_groups() {
    let dir = std::env::temp_dir().join(format!("adal-module-graph-{}", std::process::id()));
    let src = dir.join("src");
    fs::create_dir_all(src.join("a")).expect("dir");
    fs::write(src.join("lib.rs"), "mod a;\nmod b;\n").expect("lib");
    fs::write(
        src.join("a/mod.rs"),
        "pub mod c;\n// crate::b is only named in a comment\nuse c::X;\n",
    )
    .expect("a");
    fs::write(
        src.join("a/c.rs"),
        "use crate::{b::{self, Y}};\npub struct X;\n",
    )
    .expect("c");
    fs::write(
        src.join("b.rs"),
        "pub struct Y;\nfn f() { super::a::c::X; }\n#[cfg(test)]\nmod tests {\n    use super::*;\n}\n",
    )
    .expect("b");
    let krate = read_crate(&src);
    let g = graph(&krate);
    let m = |s: &str| s.split("::").map(str::to_owned).collect::<Module>();
    assert_eq!(g[&m("a")], BTreeSet::from([m("a::c")]));
    assert_eq!(g[&m("a::c")], BTreeSet::from([m("b")]));
    assert_eq!(g[&m("b")], BTreeSet::from([m("a::c")]));
    assert_eq!(circles(&g), vec![vec![m("a::c"), m("b")]]);
    let _ = fs::remove_dir_all(&dir);
}
