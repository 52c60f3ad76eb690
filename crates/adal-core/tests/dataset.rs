//! Opening bundles as the web app does, with every kind of broken or forged file, and the key figures.

use adal_core::checksum::sha256_hex;
use adal_core::dataset::{Dataset, DatasetIndex, LoadError, is_safe_folder};
use adal_core::figures::key_figures;
use adal_core::period::Period;
use serde_json::Value;

const MANIFEST: &[u8] = include_bytes!("../../../public/data/manifest.json");
const AUDITS: &[u8] = include_bytes!("../../../public/data/audits.json");
const COMPLAINTS: &[u8] = include_bytes!("../../../public/data/complaints.json");
const DETAIL: &[u8] = include_bytes!("../../../public/data/audits-detail.json");
const CELLS: &[u8] = include_bytes!("../../../public/data/complaints-detail.json");

/// The previous release's demo bundle (contract version 2, every visit).
const V2_MANIFEST: &[u8] = include_bytes!("../../../tests/fixtures/contract-2/demo/manifest.json");
const V2_AUDITS: &[u8] = include_bytes!("../../../tests/fixtures/contract-2/demo/audits.json");
const V2_COMPLAINTS: &[u8] =
    include_bytes!("../../../tests/fixtures/contract-2/demo/complaints.json");

/// Rewrites a data file as a forger would, fixing its checksum in the manifest so that only the content
/// check can catch it.
fn forge(file: &str, edit: impl FnOnce(&mut Value)) -> (Vec<u8>, Vec<u8>) {
    forge_in((MANIFEST, AUDITS), file, edit)
}

/// `file` of the bundle of `(manifest, audits)` (and the demo's complaints) edited, with the manifest
/// that lists it.
fn forge_in(
    (manifest, audits): (&[u8], &[u8]),
    file: &str,
    edit: impl FnOnce(&mut Value),
) -> (Vec<u8>, Vec<u8>) {
    let original = match file {
        "audits.json" => audits,
        "complaints-detail.json" => CELLS,
        _ => COMPLAINTS,
    };
    let mut value: Value = serde_json::from_slice(original).expect("json");
    edit(&mut value);
    let bytes = serde_json::to_vec(&value).expect("json");
    let mut manifest: Value = serde_json::from_slice(manifest).expect("json");
    for entry in manifest["files"].as_array_mut().expect("files") {
        if entry["path"] == file {
            entry["bytes"] = bytes.len().into();
            entry["sha256"] = sha256_hex(&bytes).into();
        }
    }
    (serde_json::to_vec(&manifest).expect("json"), bytes)
}

#[test]
fn the_demo_bundle_opens() {
    let d = Dataset::open(MANIFEST, AUDITS, COMPLAINTS).expect("the demo bundle opens");
    assert!(d.manifest.is_demo);
    assert_eq!(d.manifest.regions.len(), 20);
    // A fifth of the visits are published by quarter: the atlas opens on the last four whole quarters,
    // not on the last twelve months (which would cut the last quarter, 2026-Q4, in two).
    assert_eq!(d.grain(), adal_core::dataset::Grain::Quarter);
    let p = d.default_period();
    assert_eq!(
        (p.from.to_string(), p.to.to_string()),
        ("2025-10".into(), "2026-09".into())
    );
}

#[test]
fn every_broken_bundle_gives_its_own_error() {
    let truncated = &AUDITS[..AUDITS.len() / 2];
    let cases: Vec<(&str, Result<Dataset, LoadError>, &str)> = vec![
        (
            "invalid manifest JSON",
            Dataset::open(
                b"{\"schema_version\": 1,\n  \"dataset\": ",
                AUDITS,
                COMPLAINTS,
            ),
            "manifest.json: invalid JSON at line 2",
        ),
        (
            "unsupported version",
            Dataset::open(
                &String::from_utf8_lossy(MANIFEST)
                    .replacen("\"schema_version\": 3", "\"schema_version\": 1", 1)
                    .into_bytes(),
                AUDITS,
                COMPLAINTS,
            ),
            "manifest.json: schema_version 1 is not supported (this app reads 2 to 3)",
        ),
        (
            "checksum",
            Dataset::open(MANIFEST, truncated, COMPLAINTS),
            "audits.json: its checksum does not match",
        ),
        (
            "complaints checksum",
            Dataset::open(MANIFEST, AUDITS, b"{}"),
            "complaints.json: its checksum does not match",
        ),
        (
            "invalid data JSON",
            {
                let (m, a) = forge("audits.json", |_| ());
                let mut broken = a.clone();
                broken.truncate(a.len() - 2);
                let mut manifest: Value = serde_json::from_slice(&m).expect("json");
                manifest["files"][0]["bytes"] = broken.len().into();
                manifest["files"][0]["sha256"] = sha256_hex(&broken).into();
                Dataset::open(
                    &serde_json::to_vec(&manifest).expect("json"),
                    &broken,
                    COMPLAINTS,
                )
            },
            "audits.json: invalid JSON at line 1, column",
        ),
        (
            "data version",
            {
                let (m, a) = forge("audits.json", |v| v["schema_version"] = 7.into());
                Dataset::open(&m, &a, COMPLAINTS)
            },
            "audits.json: schema_version 7 is not supported",
        ),
        (
            "unequal columns",
            {
                let (m, a) = forge("audits.json", |v| {
                    v["columns"]["service"]
                        .as_array_mut()
                        .expect("service")
                        .pop();
                });
                Dataset::open(&m, &a, COMPLAINTS)
            },
            "audits.json: column service has",
        ),
        (
            "unknown region",
            {
                let (m, c) = forge("complaints.json", |v| {
                    v["totals"]["columns"]["region"][3] = "KZ-99".into()
                });
                Dataset::open(&m, AUDITS, &c)
            },
            "complaints.json: unknown region code «KZ-99»",
        ),
        (
            "file missing from the manifest",
            {
                let mut manifest: Value = serde_json::from_slice(MANIFEST).expect("json");
                manifest["files"]
                    .as_array_mut()
                    .expect("files")
                    .retain(|f| f["path"] != "complaints.json");
                Dataset::open(
                    &serde_json::to_vec(&manifest).expect("json"),
                    AUDITS,
                    COMPLAINTS,
                )
            },
            "complaints.json: not listed in the manifest",
        ),
    ];
    for (name, result, want) in cases {
        let err = result.expect_err(name).to_string();
        assert!(err.starts_with(want), "{name}: {err}");
    }
}

#[test]
fn the_dataset_list_is_an_allow_list_of_folders_inside_the_data_folder() {
    for ok in ["", "demo/", "demo/2026-11/", "a.b_c-1/"] {
        assert!(is_safe_folder(ok), "{ok}");
    }
    for bad in [
        "..",
        "../",
        "demo",
        "/demo/",
        "https://evil.example/",
        "a//",
        "./",
        "a/../b/",
        "демо/",
        "a?b/",
    ] {
        assert!(!is_safe_folder(bad), "{bad}");
    }
    let index = DatasetIndex::parse(br#"{"schema_version":1,"default":"demo","datasets":[{"id":"demo","path":""},{"id":"old","path":"old/","versions":[{"version":"2026-10","path":"old/2026-10/"}]}]}"#)
        .expect("index");
    let none = index.choose(None);
    assert_eq!(
        (none.dataset, none.path, none.refused),
        (&index.datasets[0], "", false)
    );
    assert_eq!(index.choose(Some("old")).path, "old/");
    let evil = index.choose(Some("https://evil.example/data/"));
    assert_eq!(
        (evil.dataset, evil.path, evil.refused),
        (&index.datasets[0], "", true)
    );
    // Pinned: a kept version loads from its own folder; another version loads the current bundle, which
    // is then checked against the version asked for.
    let kept = index.choose(Some("old@2026-10"));
    assert_eq!(
        (kept.path, kept.expect_version, kept.refused),
        ("old/2026-10/", None, false)
    );
    let other = index.choose(Some("old@2026-11"));
    assert_eq!(
        (other.path, other.expect_version),
        ("old/", Some("2026-11"))
    );
    let unknown = index.choose(Some("nope@2026-10"));
    assert_eq!((unknown.path, unknown.refused), ("", true));
    let escaping = DatasetIndex::parse(
        br#"{"schema_version":1,"default":"x","datasets":[{"id":"x","path":"","versions":[{"version":"1","path":"../1/"}]}]}"#,
    );
    assert!(matches!(escaping, Err(LoadError::BadIndex { .. })));
    let bad = DatasetIndex::parse(
        br#"{"schema_version":1,"default":"x","datasets":[{"id":"x","path":"../x/"}]}"#,
    );
    assert!(matches!(bad, Err(LoadError::BadIndex { .. })));
    let no_default = DatasetIndex::parse(
        br#"{"schema_version":1,"default":"y","datasets":[{"id":"x","path":""}]}"#,
    );
    assert!(matches!(no_default, Err(LoadError::BadIndex { .. })));
    assert!(DatasetIndex::parse(include_bytes!("../../../public/data/datasets.json")).is_ok());
}

#[test]
fn key_figures_of_a_small_hand_made_bundle() {
    // Four visits in 2024-03 (one generalised to 2024), complaints in two months: a contract-2 file,
    // whose visits can be written by hand.
    let (m, a) = forge_in((V2_MANIFEST, V2_AUDITS), "audits.json", |v| {
        let cols = &mut v["columns"];
        let set = |cols: &mut Value, name: &str, values: Value| cols[name] = values;
        set(
            cols,
            "region",
            serde_json::json!(["KZ-11", "KZ-11", "KZ-75", "KZ-75"]),
        );
        set(
            cols,
            "month",
            serde_json::json!(["2024-03", "2024-03", "2024-03", "2024"]),
        );
        set(
            cols,
            "service",
            serde_json::json!(["other", "other", "other", "other"]),
        );
        set(cols, "channel", serde_json::json!([null, null, null, null]));
        set(cols, "score_waiting", serde_json::json!([5, 1, null, 3]));
        set(cols, "score_courtesy", serde_json::json!([5, 3, null, 3]));
        for name in ["score_information", "score_accessibility", "score_outcome"] {
            set(cols, name, serde_json::json!([5, 2, null, 3]));
        }
        set(cols, "wait_minutes", serde_json::json!([10, 30, 20, 99]));
        set(
            cols,
            "informal_payment_requested",
            serde_json::json!([true, false, null, true]),
        );
        set(
            cols,
            "intermediary_offered",
            serde_json::json!([false, false, false, true]),
        );
        set(
            cols,
            "service_completed",
            serde_json::json!([true, true, false, true]),
        );
        v["rows"] = 4.into();
    });
    let d = Dataset::open(&m, &a, V2_COMPLAINTS).expect("opens");
    let march = Period {
        from: "2024-03".parse().expect("month"),
        to: "2024-03".parse().expect("month"),
    };
    let f = key_figures(&d, march, None);
    assert_eq!(f.visits, 3);
    assert_eq!(f.visits_unplaced, 1);
    // Per visit: (5 − 1) × 25 = 100 and (mean of 1, 3, 2, 2, 2 = 2 − 1) × 25 = 25; the third has no score.
    let q = f.quality_index.expect("quality");
    assert_eq!(q.n, 2);
    assert!((q.value - 62.5).abs() < 1e-9);
    let informal = f.informal_payment.expect("informal");
    assert_eq!((informal.n, informal.value), (2, 0.5));
    assert_eq!(f.completion.map(|e| e.n), Some(3));
    assert_eq!(f.median_wait.map(|e| e.value), Some(20.0));
    assert_eq!(f.population, 19_765_004);

    let akmola = key_figures(&d, march, Some("KZ-11"));
    assert_eq!(akmola.visits, 2);
    assert_eq!(akmola.population, 787_971);
    let rate = akmola.complaints_per_100k.expect("rate");
    assert!((rate - akmola.complaints.counted as f64 * 100_000.0 / 787_971.0).abs() < 1e-9);

    // The whole year 2024 places the generalised visit too.
    let year = Period {
        from: "2024-01".parse().expect("month"),
        to: "2024-12".parse().expect("month"),
    };
    let f = key_figures(&d, year, None);
    assert_eq!((f.visits, f.visits_unplaced), (4, 0));
    assert!(f.complaints.counted + f.complaints.suppressed_totals > 0);
}

#[test]
fn national_complaints_add_up_the_published_totals() {
    let d = Dataset::open(MANIFEST, AUDITS, COMPLAINTS).expect("opens");
    let p = d.default_period();
    let f = key_figures(&d, p, None);
    let t = &d.complaints.totals.columns;
    let expected: u64 = (0..d.complaints.totals.rows)
        .filter(|&i| p.covers(t.period[i]))
        .filter_map(|i| t.count[i])
        .map(u64::from)
        .sum();
    assert_eq!(f.complaints.counted, expected);
    assert!(f.visits > 3000, "{}", f.visits);
    let q = f.quality_index.expect("quality");
    assert!(q.low < q.value && q.value < q.high);
}

/// A version-2 `audits.json` (every visit: a version kept from before contract 3) is parsed a column at
/// a time (`AuditsParse`, so that the browser can pause between columns): the visits, and every error,
/// are exactly those of parsing the file whole.
#[test]
fn the_visits_parsed_a_column_at_a_time_are_those_of_the_whole_file() {
    use adal_core::contract::AuditsFile;
    use adal_core::dataset::{json_error, parse_manifest, parse_visits};
    const MANIFEST: &[u8] = V2_MANIFEST;
    const AUDITS: &[u8] = V2_AUDITS;
    let forge = |file: &str, edit: &dyn Fn(&mut Value)| forge_in((MANIFEST, AUDITS), file, edit);

    let manifest_for = |audits: &[u8]| {
        let mut manifest: Value = serde_json::from_slice(MANIFEST).expect("json");
        for entry in manifest["files"].as_array_mut().expect("files") {
            if entry["path"] == "audits.json" {
                entry["bytes"] = audits.len().into();
                entry["sha256"] = sha256_hex(audits).into();
            }
        }
        serde_json::to_vec(&manifest).expect("json")
    };
    let whole: AuditsFile = serde_json::from_slice(AUDITS).expect("the demo's visits");
    let manifest = parse_manifest(MANIFEST).expect("a version-2 manifest");
    assert_eq!(parse_visits(&manifest, AUDITS), Ok(whole));

    let text = String::from_utf8_lossy(AUDITS);
    let edits: Vec<(&str, Vec<u8>)> = vec![
        (
            "a cell of the wrong type",
            forge("audits.json", &|v| {
                v["columns"]["wait_minutes"][0] = "ten".into()
            })
            .1,
        ),
        (
            "a column missing",
            forge("audits.json", &|v| {
                v["columns"]
                    .as_object_mut()
                    .expect("columns")
                    .remove("service_completed");
            })
            .1,
        ),
        (
            "a column that is no list",
            forge("audits.json", &|v| v["columns"]["region"] = 5.into()).1,
        ),
        (
            "columns that are no object",
            forge("audits.json", &|v| v["columns"] = Value::Array(vec![])).1,
        ),
        (
            "rows that are no number",
            forge("audits.json", &|v| v["rows"] = "many".into()).1,
        ),
        (
            "a column named twice",
            text.replacen("\"columns\":{", "\"columns\":{\"region\":[\"KZ-75\"],", 1)
                .into_bytes(),
        ),
        ("cut short", AUDITS[..AUDITS.len() - 40].to_vec()),
    ];
    for (case, audits) in edits {
        let expected = match serde_json::from_slice::<AuditsFile>(&audits) {
            Err(e) => json_error("audits.json", &e),
            Ok(_) => panic!("{case}: the whole file parses"),
        };
        match Dataset::open(&manifest_for(&audits), &audits, COMPLAINTS) {
            Err(e) => assert_eq!(e, expected, "{case}"),
            Ok(_) => panic!("{case}: opened"),
        }
    }
}

#[test]
fn the_complaints_by_category_are_a_file_of_their_own_added_with_the_detail() {
    use adal_core::dataset::{parse_complaint_detail, parse_manifest};
    use adal_core::series::complaints_by_category;
    let first = Dataset::open(MANIFEST, AUDITS, COMPLAINTS).expect("the first view");
    assert!(first.lacks("complaints-detail.json") && !first.has_detail());
    let p = first.default_period();
    assert_eq!(complaints_by_category(&first, "KZ-75", p), None);
    let full = Dataset::open_with_detail(MANIFEST, AUDITS, DETAIL, COMPLAINTS, CELLS).expect("all");
    assert!(full.has_detail() && !full.lacks_listed_detail());
    for r in &full.manifest.regions {
        let code = Some(r.code.as_str());
        assert_eq!(key_figures(&first, p, code), key_figures(&full, p, code));
        assert!(complaints_by_category(&full, &r.code, p).is_some());
    }
    // A forged cell by category: the first view opens; adding the cells says what is wrong.
    type Forgery = (&'static str, fn(&mut Value));
    let cases: [Forgery; 3] = [
        (
            "complaints-detail.json: invalid JSON at line 1, column",
            |v| v["columns"]["count"][2] = "many".into(),
        ),
        (
            "complaints-detail.json: unknown region code «KZ-99»",
            |v| v["columns"]["region"][5] = "KZ-99".into(),
        ),
        ("complaints-detail.json: column category has", |v| {
            v["columns"]["category"]
                .as_array_mut()
                .expect("category")
                .pop();
        }),
    ];
    for (want, edit) in cases {
        let (m, c) = forge("complaints-detail.json", edit);
        assert!(Dataset::open(&m, AUDITS, COMPLAINTS).is_ok(), "{want}");
        let manifest = parse_manifest(&m).expect("manifest");
        let err = parse_complaint_detail(&manifest, &c)
            .expect_err(want)
            .to_string();
        assert!(err.starts_with(want), "{err}");
    }
}
