//! `adal site` and `adal serve`, run as a publisher runs them: raw files and a config in, a whole site
//! out, again with newer files over the same folder, and previewed.

use std::fs;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};

mod common;
use common::{
    TRUNK_PAGE, TempDir, adal, assert_no_personal_data, copy_dir, fixture, read_json, repo_root,
    text,
};

/// An app folder as the release archive carries it: the template, an asset, the units' shapes.
fn app(dir: &TempDir) -> String {
    let app = dir.path("app");
    fs::create_dir_all(Path::new(&app).join("assets")).expect("assets");
    fs::write(Path::new(&app).join("index.html"), TRUNK_PAGE).expect("index.html");
    fs::write(
        Path::new(&app).join("assets/main-0a1b2c3d4e5f6a7b.css"),
        "body{}",
    )
    .expect("css");
    copy_dir(
        &repo_root().join("public/data/geo"),
        &Path::new(&app).join("data/geo"),
    );
    app
}

/// Raw files of a thin programme up to `until`, in `dir/name/`.
fn raw(dir: &TempDir, name: &str, seed: &str, until: &str) -> (String, String) {
    let out = dir.path(name);
    let made = adal(&[
        "demo",
        "--profile",
        "thin",
        "--seed",
        seed,
        "--visits",
        "3000",
        "--complaints",
        "4000",
        "--until",
        until,
        "--out",
        &out,
    ]);
    assert!(made.status.success(), "{}", text(&made));
    (format!("{out}/audits.csv"), format!("{out}/complaints.csv"))
}

/// The values of the personal columns of a raw file (at least 6 characters: a name, a phone, an IIN).
fn personal_values(csv: &str, columns: &[&str]) -> Vec<String> {
    let text = fs::read_to_string(csv).expect("raw file");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    let at: Vec<usize> = columns
        .iter()
        .filter_map(|c| header.iter().position(|h| h == c))
        .collect();
    lines
        .take(40)
        .flat_map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            at.iter()
                .filter_map(|&i| cells.get(i).map(|c| c.trim().to_owned()))
                .filter(|c| c.chars().count() >= 6)
                .collect::<Vec<_>>()
        })
        .collect()
}

fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
    fs::read_dir(dir)
        .expect("folder")
        .flatten()
        .flat_map(|e| {
            let p = e.path();
            if p.is_dir() { files_under(&p) } else { vec![p] }
        })
        .collect()
}

/// `adal site --audits A --complaints C --out OUT --app APP`, then `extra`.
fn site_of(
    audits: &str,
    complaints: &str,
    out: &str,
    app: &str,
    extra: &[&str],
) -> std::process::Output {
    let mut all = vec![
        "--audits",
        audits,
        "--complaints",
        complaints,
        "--out",
        out,
        "--app",
        app,
    ];
    all.extend_from_slice(extra);
    site(&all)
}

fn site(args: &[&str]) -> std::process::Output {
    let mut all = vec!["site"];
    all.extend_from_slice(args);
    adal(&all)
}

#[test]
fn a_site_is_written_whole_and_a_second_run_keeps_the_first_version() {
    let dir = TempDir::new("site-versions");
    let app = app(&dir);
    let config = dir.path("atlas.toml");
    let init = site(&["--init", &config]);
    assert!(init.status.success(), "{}", text(&init));
    let out = dir.path("site");
    let (a1, c1) = raw(&dir, "raw1", "31", "2026-09-30");
    let first = site_of(
        &a1,
        &c1,
        &out,
        &app,
        &["--config", &config, "--generated-at", "2026-09-30"],
    );
    assert!(first.status.success(), "{}", text(&first));
    assert!(
        text(&first).contains("my-programme@2026-09-30"),
        "{}",
        text(&first)
    );
    let data = Path::new(&out).join("data");
    for file in [
        "index.html",
        "ru/region/KZ-75/index.html",
        "en/method/index.html",
        "feed.xml",
        "r/KZ-75/card-en.png",
        "assets/main-0a1b2c3d4e5f6a7b.css",
        "data/geo/kz-regions.json",
        "data/manifest.json",
    ] {
        assert!(Path::new(&out).join(file).is_file(), "{file}");
    }
    let unit =
        fs::read_to_string(Path::new(&out).join("ru/region/KZ-75/index.html")).expect("page");
    assert!(
        unit.matches("class=\"chart-static\"").count() >= 2,
        "static charts drawn"
    );
    assert!(!data.join(".incoming").exists(), "no staging left");

    // A check of newer files says what would change and writes nothing.
    let (a2, c2) = raw(&dir, "raw2", "32", "2026-11-30");
    let index_before = fs::read(data.join("datasets.json")).expect("index");
    let check = site_of(
        &a2,
        &c2,
        &out,
        &app,
        &[
            "--config",
            &config,
            "--generated-at",
            "2026-11-30",
            "--dry-run",
        ],
    );
    assert!(check.status.success(), "{}", text(&check));
    for said in [
        "nothing is written",
        "The earlier version 2026-09-30 is kept for pinned links",
        "Figures that move most",
    ] {
        assert!(text(&check).contains(said), "{said}: {}", text(&check));
    }
    assert_eq!(
        fs::read(data.join("datasets.json")).expect("index"),
        index_before
    );
    assert!(!data.join("versions").exists());

    // The second run: the first version moves aside, listed; the feeds gain an entry.
    let second = site_of(
        &a2,
        &c2,
        &out,
        &app,
        &[
            "--config",
            &config,
            "--generated-at",
            "2026-11-30",
            "--lang",
            "kk",
        ],
    );
    assert!(second.status.success(), "{}", text(&second));
    assert!(
        text(&second).contains("сақталады"),
        "the summary in Kazakh: {}",
        text(&second)
    );
    let index = read_json(&data.join("datasets.json").display().to_string());
    assert_eq!(index["default"], "my-programme");
    assert_eq!(
        index["datasets"][0]["versions"],
        serde_json::json!([{ "version": "2026-09-30", "path": "versions/my-programme/2026-09-30/" }])
    );
    let kept = data.join("versions/my-programme/2026-09-30");
    let kept_manifest = read_json(&kept.join("manifest.json").display().to_string());
    assert_eq!(kept_manifest["dataset"]["version"], "2026-09-30");
    for bundle in [&data, &kept] {
        let v = adal(&["validate", &bundle.display().to_string()]);
        assert!(v.status.success(), "{}", text(&v));
    }
    let feed = fs::read_to_string(Path::new(&out).join("en/feed.xml")).expect("feed");
    assert_eq!(feed.matches("<entry>").count(), 2);

    // Nothing personal from the raw files reached the site or the terminal.
    let mut personal = Vec::new();
    for (a, c) in [(&a1, &c1), (&a2, &c2)] {
        personal.extend(personal_values(
            a,
            &["visit_id", "office", "shopper", "shopper_phone", "comment"],
        ));
        personal.extend(personal_values(
            c,
            &["complaint_id", "complainant", "complainant_iin", "text"],
        ));
    }
    assert!(personal.len() > 200, "{}", personal.len());
    let mut texts: Vec<(String, String)> = files_under(Path::new(&out))
        .into_iter()
        .filter(|p| p.extension().is_none_or(|e| e != "png"))
        .map(|p| {
            (
                p.display().to_string(),
                fs::read_to_string(&p).unwrap_or_default(),
            )
        })
        .collect();
    for (name, o) in [("first", &first), ("check", &check), ("second", &second)] {
        texts.push((name.to_owned(), text(o)));
    }
    for (name, content) in &texts {
        for value in &personal {
            assert!(!content.contains(value.as_str()), "{value} in {name}");
        }
    }
}

#[test]
fn strict_fails_on_a_warning_before_the_site_changes() {
    let dir = TempDir::new("site-strict");
    let app = app(&dir);
    let out = dir.path("site");
    // A few hundred visits: units are thin and groups are suppressed.
    let raw = dir.path("raw");
    let made = adal(&[
        "demo",
        "--profile",
        "thin",
        "--seed",
        "5",
        "--visits",
        "400",
        "--complaints",
        "300",
        "--until",
        "2026-06-30",
        "--out",
        &raw,
    ]);
    assert!(made.status.success(), "{}", text(&made));
    let (a, c) = (format!("{raw}/audits.csv"), format!("{raw}/complaints.csv"));
    let strict = site_of(&a, &c, &out, &app, &["--strict"]);
    assert_eq!(strict.status.code(), Some(1), "{}", text(&strict));
    assert!(text(&strict).contains("--strict"), "{}", text(&strict));
    assert!(text(&strict).contains("thin"), "{}", text(&strict));
    assert!(
        !Path::new(&out).join("data/manifest.json").exists(),
        "nothing published"
    );
    assert!(
        !Path::new(&out).join("index.html").exists(),
        "nothing published"
    );
    // Without --strict the same files publish, with the warnings said.
    let lenient = site_of(&a, &c, &out, &app, &[]);
    assert!(lenient.status.success(), "{}", text(&lenient));
    assert!(text(&lenient).contains("warning: "), "{}", text(&lenient));
}

#[test]
fn config_mistakes_and_missing_app_files_are_said_plainly() {
    let dir = TempDir::new("site-config");
    let app = app(&dir);
    let (a, c) = raw(&dir, "raw", "7", "2026-06-30");
    let out = dir.path("site");
    let config = dir.path("bad.toml");
    fs::write(&config, "k_anonymity = 5\n\n[publisher]\nnme = \"x\"\n").expect("config");
    let bad = site_of(&a, &c, &out, &app, &["--config", &config]);
    assert_eq!(bad.status.code(), Some(2), "{}", text(&bad));
    assert!(text(&bad).contains("line 4"), "{}", text(&bad));
    assert!(text(&bad).contains("nme"), "{}", text(&bad));
    let no_app = site_of(&a, &c, &out, &dir.path("nowhere"), &[]);
    assert_eq!(no_app.status.code(), Some(2), "{}", text(&no_app));
    assert!(
        text(&no_app).contains("the app's files"),
        "{}",
        text(&no_app)
    );
    assert!(!Path::new(&out).exists(), "nothing written");
    // --init never overwrites.
    let again = site(&["--init", &config]);
    assert_eq!(again.status.code(), Some(2));
    assert!(fs::read_to_string(&config).expect("kept").contains("nme"));
}

/// One request to the preview server: the status line, the headers, the body's length.
fn get(port: u16, path: &str, gzip: bool) -> (String, String, usize) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connects");
    let encoding = if gzip {
        "Accept-Encoding: gzip\r\n"
    } else {
        ""
    };
    write!(stream, "GET {path} HTTP/1.1\r\nHost: x\r\n{encoding}\r\n").expect("request");
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).expect("answer");
    let split = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("headers end");
    let head = String::from_utf8_lossy(&answer[..split]).into_owned();
    let status = head.lines().next().unwrap_or_default().to_owned();
    (status, head, answer.len() - split - 4)
}

#[test]
fn serve_previews_a_site_under_a_sub_path() {
    let dir = TempDir::new("serve");
    let site = dir.path("site");
    copy_dir(
        &repo_root().join("public/data"),
        &Path::new(&site).join("data"),
    );
    fs::write(Path::new(&site).join("index.html"), TRUNK_PAGE).expect("index");
    fs::create_dir_all(Path::new(&site).join("ru/region/KZ-75")).expect("page dir");
    fs::write(
        Path::new(&site).join("ru/region/KZ-75/index.html"),
        "<!doctype html><p>Алматы</p>",
    )
    .expect("page");
    let mut server = Command::new(env!("CARGO_BIN_EXE_adal"))
        .args(["serve", &site, "--port", "0", "--base", "/atlas/"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("serve starts");
    let mut said = [0u8; 512];
    let n = server
        .stdout
        .as_mut()
        .expect("stdout")
        .read(&mut said)
        .expect("address");
    let said = String::from_utf8_lossy(&said[..n]).into_owned();
    let port: u16 = said
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .and_then(|p| p.parse().ok())
        .expect("the address is printed");
    assert!(said.contains("not for the web"), "{said}");
    let (status, head, _) = get(port, "/atlas/ru/region/KZ-75/", false);
    assert!(status.contains("200"), "{status}");
    assert!(head.contains("text/html"), "{head}");
    let (status, head, zipped) = get(port, "/atlas/data/audits.json", true);
    assert!(
        status.contains("200") && head.contains("Content-Encoding: gzip"),
        "{head}"
    );
    let plain = fs::metadata(Path::new(&site).join("data/audits.json"))
        .expect("file")
        .len();
    assert!((zipped as u64) < plain / 3, "{zipped} of {plain}");
    for odd in [
        "/atlas/../../../etc/passwd",
        "/atlas/%2e%2e/%2e%2e/etc/passwd",
        "/elsewhere/index.html",
        "/atlas/nothing-here",
    ] {
        let (status, _, _) = get(port, odd, false);
        assert!(status.contains("404"), "{odd}: {status}");
    }
    let (status, head, _) = get(port, "/atlas", false);
    assert!(
        status.contains("301") && head.contains("Location: /atlas/"),
        "{head}"
    );
    let _ = server.kill();
    let _ = server.wait();
}

/// The publisher's report as a page: readable, outside the site, and free of personal values in the
/// cases the CLI's own tests use — bad rows, a file without its header line, a row where the header
/// should be.
#[test]
fn the_html_report_says_what_happened_and_holds_no_personal_value() {
    let dir = TempDir::new("site-report");
    let app = app(&dir);
    let out = dir.path("site");
    // Bad rows, published with --skip-invalid: the report lists them with line, column and reason.
    let report = dir.path("report.html");
    // Recommendations too: a row without a known state is listed, the personal columns are not read.
    let findings = dir.path("findings.csv");
    fs::write(
        &findings,
        "issued_date,region,state,office,responsible\n\
         2024-03-20,KZ-31,implemented,ЦОН Тайный,Секретжан Тестбек\n\
         2024-03-21,KZ-31,lost,ЦОН Тайный,+7701000111\n",
    )
    .expect("findings");
    let run = site_of(
        &fixture("audits_mixed.csv"),
        &fixture("complaints_mixed.csv"),
        &out,
        &app,
        &[
            "--skip-invalid",
            "--report",
            &report,
            "--lang",
            "ru",
            "--findings",
            &findings,
        ],
    );
    assert!(run.status.success(), "{}", text(&run));
    let page = fs::read_to_string(&report).expect("the report");
    assert!(page.starts_with("<!doctype html><html lang=\"ru\">"));
    for said in [
        "Отчёт о публикации",
        "Отклонённые строки",
        "Прочитано строк",
        "Визиты, которые посчитают страницы",
        "visit_date",
        "<h2>findings.csv</h2>",
        "office, responsible",
    ] {
        assert!(page.contains(said), "{said}");
    }
    assert!(!page.contains("<script"));
    assert_no_personal_data("the report", &page);
    assert_no_personal_data("the terminal", &text(&run));
    // A report inside the site is refused.
    let inside = site_of(
        &fixture("audits_clean.csv"),
        &fixture("complaints_clean.csv"),
        &out,
        &app,
        &["--report", &format!("{out}/report.html")],
    );
    assert_eq!(inside.status.code(), Some(2), "{}", text(&inside));
    assert!(!Path::new(&out).join("report.html").exists());
    // A file without its header line, and one whose header is overwritten by its first row.
    let content = fs::read_to_string(fixture("audits_mixed.csv")).expect("fixture");
    let (_, body) = content.split_once('\n').expect("a header line");
    let first_row = body.lines().next().expect("a row");
    for (case, raw) in [
        ("without", body.to_owned()),
        ("overwritten", format!("{first_row}\n{body}")),
    ] {
        let audits = dir.path(&format!("audits-{case}.csv"));
        fs::write(&audits, raw).expect("raw");
        let report = dir.path(&format!("report-{case}.html"));
        let run = site_of(
            &audits,
            &fixture("complaints_clean.csv"),
            &dir.path("other"),
            &app,
            &["--report", &report],
        );
        assert_ne!(run.status.code(), Some(0), "{case}: {}", text(&run));
        let page = fs::read_to_string(&report).expect("the report of a failed run");
        assert!(page.contains("The file could not be read"), "{case}");
        assert_no_personal_data(&format!("{case}: report"), &page);
        assert_no_personal_data(&format!("{case}: terminal"), &text(&run));
        assert!(
            !Path::new(&dir.path("other"))
                .join("data/manifest.json")
                .exists()
        );
    }
}

/// A config of the group's own: its contact, its logo, its own hotline beside 1424.
fn identity_config(dir: &TempDir, logo: &str) -> String {
    let config = dir.path("atlas.toml");
    let init = site(&["--init", &config]);
    assert!(init.status.success(), "{}", text(&init));
    let text = fs::read_to_string(&config)
        .expect("config")
        .replace(
            "url = \"https://example.org/\"\n",
            "url = \"https://example.org/\"\ncontact = \"audit@oblast-watch.kz\"\n",
        )
        .replace("[site]\n", "[site]\nlogo = \"logo.svg\"\n");
    let text = format!(
        "{text}\n[[reporting_channels]]\nid = \"our_hotline\"\nlabel = {{ kk = \"Біздің желі\", ru = \"Наша линия\", en = \"Our hotline\" }}\n\
description = {{ kk = \"Жұмыс күндері\", ru = \"По будням\", en = \"On weekdays\" }}\nphone = \"+7 700 000 00 00\"\n"
    );
    fs::write(&config, text).expect("config");
    fs::write(dir.path("logo.svg"), logo).expect("logo");
    config
}

#[test]
fn the_groups_contact_logo_and_own_channel_are_published_and_a_bad_logo_refused() {
    let dir = TempDir::new("site-identity");
    let app = app(&dir);
    let out = dir.path("site");
    let (a, c) = raw(&dir, "raw", "9", "2026-06-30");
    let logo = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 40 40\"><circle cx=\"20\" cy=\"20\" r=\"18\" fill=\"#036\"/></svg>";
    let config = identity_config(&dir, logo);
    let run = site_of(&a, &c, &out, &app, &["--config", &config]);
    assert!(run.status.success(), "{}", text(&run));
    let data = Path::new(&out).join("data");
    let manifest = read_json(&data.join("manifest.json").display().to_string());
    assert_eq!(manifest["publisher"]["contact"], "audit@oblast-watch.kz");
    assert_eq!(manifest["publisher"]["logo"], "logo.svg");
    assert_eq!(
        fs::read_to_string(data.join("logo.svg")).expect("the logo"),
        logo
    );
    let channels = manifest["reporting"]["channels"]
        .as_array()
        .expect("channels");
    assert_eq!(channels[0]["phone"], "1424");
    assert_eq!(channels.last().expect("last")["id"], "our_hotline");
    let unit =
        fs::read_to_string(Path::new(&out).join("en/region/KZ-75/index.html")).expect("page");
    assert!(
        unit.contains("class=\"publisher-logo\""),
        "the logo in the page's header"
    );
    assert!(
        unit.contains("Our hotline"),
        "the group's own channel on the page"
    );
    let method = fs::read_to_string(Path::new(&out).join("en/method/index.html")).expect("page");
    assert!(method.contains("href=\"mailto:audit@oblast-watch.kz\""));

    // A logo that runs or reaches out is refused, naming the key, its line and the reason.
    for (evil, said) in [
        (
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
            "<script>",
        ),
        (
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"https://evil.example/t.png\"/></svg>",
            "another file or address",
        ),
    ] {
        fs::write(dir.path("logo.svg"), evil).expect("logo");
        let refused = site_of(&a, &c, &dir.path("other"), &app, &["--config", &config]);
        assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
        let shown = text(&refused);
        assert!(
            shown.contains("site.logo (line ") && shown.contains(said),
            "{shown}"
        );
        assert!(
            !Path::new(&dir.path("other")).join("data").exists(),
            "nothing written"
        );
    }
    // A config mistake the checks find after reading names its line too.
    let bad = dir.path("bad.toml");
    fs::write(
        &bad,
        "# a group's config\n\n[dataset]\nid = \"Not An Id\"\n",
    )
    .expect("config");
    let refused = site_of(&a, &c, &dir.path("other"), &app, &["--config", &bad]);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
    assert!(
        text(&refused).contains("(line 4)") && text(&refused).contains("dataset.id"),
        "{}",
        text(&refused)
    );
}
