//! `adal serve DIR [--port N] [--base /atlas/]`: a preview of a site folder on 127.0.0.1, served as a
//! plain static host serves it — files by path, a folder by its `index.html` (the pages' deep links),
//! gzip where the browser takes it, 404 for anything else — so that what the publisher sees is what the
//! upload will show. Only GET and HEAD; nothing outside the folder is ever read (no `..`, no absolute
//! or encoded escape). It answers on the loopback address only: it is for previewing, never for the web.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

use crate::cli::ServeArgs;
use crate::{Failure, Outcome};

/// The content type of a file, by its extension, and whether it is worth compressing.
fn content_type(path: &Path) -> (&'static str, bool) {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "html" => ("text/html; charset=utf-8", true),
        "js" | "mjs" => ("text/javascript; charset=utf-8", true),
        "css" => ("text/css; charset=utf-8", true),
        "json" => ("application/json", true),
        "xml" => ("application/atom+xml; charset=utf-8", true),
        "svg" => ("image/svg+xml", true),
        "wasm" => ("application/wasm", true),
        "csv" => ("text/csv; charset=utf-8", true),
        "txt" => ("text/plain; charset=utf-8", true),
        "png" => ("image/png", false),
        "ico" => ("image/x-icon", false),
        "woff2" => ("font/woff2", false),
        _ => ("application/octet-stream", false),
    }
}

/// `%XX` decoded; `None` for a broken escape or bytes that are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The file a request path names inside `root`, under `base`; `None` for a path outside the base or
/// one that tries to leave the folder.
pub fn resolve(root: &Path, base: &str, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let path = percent_decode(path)?;
    let rest = path.strip_prefix(base)?;
    let mut file = root.to_path_buf();
    for part in Path::new(rest).components() {
        match part {
            Component::Normal(p) => file.push(p),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if rest.contains('\\') || rest.contains('\0') {
        return None;
    }
    if file.is_dir() {
        file.push("index.html");
    }
    Some(file)
}

/// The base path, with a `/` at each end.
fn normal_base(base: &str) -> String {
    let trimmed = base.trim_matches('/');
    if trimmed.is_empty() {
        "/".to_owned()
    } else {
        format!("/{trimmed}/")
    }
}

fn respond(stream: &mut TcpStream, root: &Path, base: &str) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let (method, target) = (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or("/"),
    );
    let mut gzip = false;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
        let lower = header.to_ascii_lowercase();
        if lower.starts_with("accept-encoding:") && lower.contains("gzip") {
            gzip = true;
        }
    }
    let head = method == "HEAD";
    if method != "GET" && !head {
        return send(
            stream,
            "405 Method Not Allowed",
            "text/plain",
            b"only GET and HEAD\n",
            false,
            head,
        );
    }
    // The base without its last `/` goes to the base, as a host does for a folder.
    if format!("{}/", target.split('?').next().unwrap_or_default()) == base {
        let header = format!(
            "HTTP/1.1 301 Moved Permanently\r\nLocation: {base}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        );
        return stream.write_all(header.as_bytes());
    }
    let file = resolve(root, base, target).filter(|f| f.is_file());
    let Some(file) = file else {
        return send(
            stream,
            "404 Not Found",
            "text/plain; charset=utf-8",
            b"404: no such file in the site\n",
            false,
            head,
        );
    };
    let mut body = Vec::new();
    std::fs::File::open(&file)?.read_to_end(&mut body)?;
    let (kind, compressible) = content_type(&file);
    send(stream, "200 OK", kind, &body, gzip && compressible, head)
}

fn send(
    stream: &mut TcpStream,
    status: &str,
    kind: &str,
    body: &[u8],
    gzip: bool,
    head: bool,
) -> std::io::Result<()> {
    let body = if gzip {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(body)?;
        encoder.finish()?
    } else {
        body.to_vec()
    };
    let encoding = if gzip {
        "Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n"
    } else {
        ""
    };
    let header = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n{encoding}Cache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(header.as_bytes())?;
    if !head {
        stream.write_all(&body)?;
    }
    stream.flush()
}

pub fn run(args: &ServeArgs) -> Result<Outcome, Failure> {
    let root = args.dir.clone();
    if !root.join("index.html").is_file() {
        return Err(Failure::Usage(format!(
            "{} holds no index.html: give the folder `adal site --out` wrote",
            root.display()
        )));
    }
    let base = normal_base(&args.base);
    let listener = TcpListener::bind(("127.0.0.1", args.port))
        .map_err(|e| Failure::Io(format!("cannot listen on 127.0.0.1:{}: {e}", args.port)))?;
    let port = listener
        .local_addr()
        .map_err(|e| Failure::Io(e.to_string()))?
        .port();
    println!(
        "Serving {} at http://127.0.0.1:{port}{base} — a preview on this computer only, not for the web. Ctrl-C stops.",
        root.display()
    );
    let _ = std::io::stdout().flush();
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        let (root, base) = (root.clone(), base.clone());
        std::thread::spawn(move || {
            if let Err(e) = respond(&mut stream, &root, &base) {
                // A browser that closes a connection early is no error of the site.
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    eprintln!("adal serve: {e}");
                }
            }
        });
    }
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_site_and_under_the_base() {
        let root = Path::new("/srv/site");
        assert_eq!(
            resolve(root, "/", "/assets/a.js?x=1"),
            Some(root.join("assets/a.js"))
        );
        assert_eq!(
            resolve(root, "/atlas/", "/atlas/ru/feed.xml"),
            Some(root.join("ru/feed.xml"))
        );
        assert_eq!(resolve(root, "/atlas/", "/other/x"), None);
        for odd in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/a/../../b",
            "/%zz",
            "/a%00b",
            "/a\\..\\b",
        ] {
            assert_eq!(resolve(root, "/", odd), None, "{odd}");
        }
        assert_eq!(normal_base("atlas"), "/atlas/");
        assert_eq!(normal_base("/"), "/");
    }
}
