//! Integration tests that run the real `adal` binary on files, as a publisher would.

use std::fs;
use std::path::Path;
use std::process::Output;

use serde_json::Value;

mod common;
use common::{
    TRUNK_PAGE, TempDir, adal, assert_no_personal_data, copy_dir, fixture, read_json, repo_root,
    text,
};

/// `adal publish --audits A --complaints C --out OUT`, then `extra`.
fn publish(audits: &str, complaints: &str, out: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "publish",
        "--audits",
        audits,
        "--complaints",
        complaints,
        "--out",
        out,
    ];
    args.extend_from_slice(extra);
    adal(&args)
}

#[test]
fn invalid_rows_stop_publication_and_are_all_reported() {
    let dir = TempDir::new("invalid");
    let out = publish(
        &fixture("audits_mixed.csv"),
        &fixture("complaints_mixed.csv"),
        &dir.path("bundle"),
        &["--report", &dir.path("report.json")],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        !Path::new(&dir.path("bundle"))
            .join("manifest.json")
            .exists()
    );
    assert_no_personal_data("the terminal output", &text(&out));

    let report = read_json(&dir.path("report.json"));
    assert_eq!(report["bundle_written"], false);
    let rejected: Vec<(u64, Option<&str>)> = report["audits"]["rejected"]
        .as_array()
        .expect("array")
        .iter()
        .map(|r| (r["line"].as_u64().expect("line"), r["column"].as_str()))
        .collect();
    // BOM, CRLF and quoted line breaks (each valid row of the fixture spans two lines) do not shift lines.
    assert_eq!(
        rejected,
        [
            (8, Some("visit_date")),
            (9, Some("region")),
            (10, Some("region")),
            (11, Some("service")),
            (12, Some("channel")),
            (13, Some("score_courtesy")),
            (25, Some("wait_minutes")),
            (26, Some("informal_payment_requested")),
            (27, Some("visit_date")),
            (28, None),
            (29, Some("region")),
        ]
    );
    let reasons: Vec<&str> = report["audits"]["rejected"]
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r["reason"].as_str().expect("reason"))
        .collect();
    assert!(
        reasons[0].contains("found \"2024-02-30\""),
        "{}",
        reasons[0]
    );
    assert!(reasons[2].contains("KZ-19, KZ-75"), "{}", reasons[2]);
    assert!(
        reasons[10].contains("not shown"),
        "an IIN in the region column must not be echoed: {}",
        reasons[10]
    );
    assert_eq!(
        report["audits"]["unknown_columns"],
        serde_json::json!(["inspector_notes"])
    );
    let complaint_lines: Vec<u64> = report["complaints"]["rejected"]
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r["line"].as_u64().expect("line"))
        .collect();
    assert_eq!(complaint_lines, [10, 11, 12]);
    assert_no_personal_data(
        "the report",
        &fs::read_to_string(dir.path("report.json")).expect("report"),
    );
}

#[test]
fn skip_invalid_publishes_the_valid_rows_and_the_report_balances() {
    let dir = TempDir::new("skip");
    let bundle = dir.path("bundle");
    let out = publish(
        &fixture("audits_mixed.csv"),
        &fixture("complaints_mixed.csv"),
        &bundle,
        &[
            "--report",
            &dir.path("report.json"),
            "--skip-invalid",
            "--generated-at",
            "2026-11-27",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let report = read_json(&dir.path("report.json"));
    assert_eq!(report["bundle_written"], true);
    for file in ["audits", "complaints"] {
        let r = &report[file];
        let n = |key: &str| r[key].as_u64().expect(key);
        let rejected = r["rejected"].as_array().expect("rejected").len() as u64;
        assert_eq!(
            n("rows_read"),
            n("published") + n("suppressed") + rejected,
            "{file}: {r}"
        );
    }
    // The six Almaty visits form one group of k at full detail; the five Karaganda ones another.
    assert_eq!(report["audits"]["rows_read"], 22);
    assert_eq!(report["audits"]["published"], 11);
    assert_eq!(report["audits"]["generalisation"]["full_detail"], 11);
    let audits = read_json(&format!("{bundle}/audits.json"));
    let visits_of = |code: &str| -> u64 {
        let c = &audits["columns"];
        (0..c["region"].as_array().map_or(0, Vec::len))
            .filter(|&i| c["region"][i] == code)
            .map(|i| c["visits"][i].as_u64().expect("visits"))
            .sum()
    };
    assert_eq!(visits_of("KZ-75"), 6);
    assert_eq!(visits_of("KZ-35"), 5);
    assert_eq!(audits["rows"], 2, "one cell each");
    // Complaints: 7 bribery calls published, 2 red-tape complaints suppressed with the smallest other cell.
    let complaints = read_json(&format!("{bundle}/complaints.json"));
    assert_eq!(complaints["rows"], 0, "the cells are a file of their own");
    let cells = read_json(&format!("{bundle}/complaints-detail.json"));
    assert_eq!(cells["columns"]["count"], serde_json::json!([null, null]));
    // Totals: one per unit and month of the period (March–April 2024); only Jambyl in March has complaints.
    let totals = &complaints["totals"]["columns"];
    assert_eq!(complaints["totals"]["rows"], 40);
    let nonzero: Vec<(&Value, &Value, &Value)> = (0..40)
        .map(|i| {
            (
                &totals["region"][i],
                &totals["period"][i],
                &totals["count"][i],
            )
        })
        .filter(|(_, _, count)| **count != 0)
        .collect();
    assert_eq!(
        nonzero,
        [(
            &Value::from("KZ-31"),
            &Value::from("2024-03"),
            &Value::from(9)
        )]
    );

    for name in ["audits.json", "complaints.json", "manifest.json"] {
        let content = fs::read_to_string(format!("{bundle}/{name}")).expect("bundle file");
        assert_no_personal_data(name, &content);
    }
    let validate = adal(&["validate", &bundle]);
    assert_eq!(validate.status.code(), Some(0), "{}", text(&validate));
}

#[test]
fn publishing_is_deterministic() {
    let dir = TempDir::new("determinism");
    for run in ["a", "b"] {
        let out = publish(
            &fixture("audits_clean.csv"),
            &fixture("complaints_clean.csv"),
            &dir.path(run),
            &[],
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    }
    for name in ["audits.json", "complaints.json", "manifest.json"] {
        let a = fs::read(format!("{}/{name}", dir.path("a"))).expect("a");
        let b = fs::read(format!("{}/{name}", dir.path("b"))).expect("b");
        assert_eq!(a, b, "{name} differs between two runs");
    }
}

#[test]
fn demo_publish_validate_round_trip() {
    let dir = TempDir::new("roundtrip");
    let raw = dir.path("raw");
    let out = adal(&[
        "demo",
        "--seed",
        "3",
        "--visits",
        "3000",
        "--complaints",
        "4000",
        "--until",
        "2025-06-30",
        "--out",
        &raw,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let raw_audits = fs::read_to_string(format!("{raw}/audits.csv")).expect("audits.csv");
    assert_eq!(
        raw_audits.lines().next().map(|l| l.split(',').count()),
        Some(18)
    );
    let bundle = dir.path("bundle");
    let out = publish(
        &format!("{raw}/audits.csv"),
        &format!("{raw}/complaints.csv"),
        &bundle,
        &["--report", &dir.path("report.json")],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let report = read_json(&dir.path("report.json"));
    assert_eq!(report["audits"]["rows_read"], 3000);
    assert!(
        report["audits"]["published"].as_u64().expect("published") >= 2700,
        "{report}"
    );
    let manifest = read_json(&format!("{bundle}/manifest.json"));
    assert_eq!(manifest["period"]["from"], "2023-01");
    assert_eq!(manifest["period"]["to"], "2025-06");
    assert_eq!(manifest["regions"].as_array().expect("regions").len(), 20);
    let validate = adal(&["validate", &bundle]);
    assert_eq!(validate.status.code(), Some(0), "{}", text(&validate));

    // Not one shopper name, phone number, IIN or comment of the raw files is in the bundle.
    let bundle_text: String = ["audits.json", "complaints.json", "manifest.json"]
        .iter()
        .map(|n| fs::read_to_string(format!("{bundle}/{n}")).expect("bundle file"))
        .collect();
    let mut reader = csv::Reader::from_path(format!("{raw}/audits.csv")).expect("csv");
    let mut checked = 0;
    for record in reader.records().take(500) {
        let record = record.expect("record");
        for personal in [0, 3, 6, 7, 17] {
            let value = record.get(personal).expect("field");
            if !value.is_empty() {
                assert!(
                    !bundle_text.contains(value),
                    "personal value {value:?} reached the bundle"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 1500);
}

/// Runs `adal demo` with `demo_args` and publishes it with the committed config `config`, as
/// scripts/make-demo-bundle does; returns the raw folder and the bundle folder.
fn make_demo(dir: &TempDir, demo_args: &[&str], config: &str, until: &str) -> (String, String) {
    let root = repo_root();
    let raw = dir.path("raw");
    let mut args = vec!["demo", "--until", until, "--out", &raw];
    args.extend_from_slice(demo_args);
    let out = adal(&args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let bundle = dir.path("bundle");
    let out = adal(&[
        "publish",
        "--audits",
        &format!("{raw}/audits.csv"),
        "--complaints",
        &format!("{raw}/complaints.csv"),
        "--findings",
        &format!("{raw}/findings.csv"),
        "--config",
        &root.join(config).display().to_string(),
        "--generated-at",
        until,
        "--out",
        &bundle,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    (raw, bundle)
}

#[test]
fn the_committed_demo_bundles_are_reproducible() {
    let root = repo_root();
    for (name, demo_args, config, until, folder) in [
        (
            "waves",
            &["--seed", "42"][..],
            "data/demo/publisher.toml",
            "2026-11-27",
            "public/data",
        ),
        (
            "thin",
            &["--profile", "thin", "--seed", "10"][..],
            "data/demo-thin/publisher.toml",
            "2026-09-30",
            "public/data/thin",
        ),
    ] {
        let dir = TempDir::new(&format!("demo-bundle-{name}"));
        let (_, bundle) = make_demo(&dir, demo_args, config, until);
        for file in ["audits.json", "complaints.json", "manifest.json"] {
            let made = fs::read(format!("{bundle}/{file}")).expect("made");
            let committed = fs::read(root.join(folder).join(file)).expect("committed");
            assert!(
                made == committed,
                "{folder}/{file} differs from what scripts/make-demo-bundle makes"
            );
        }
        let manifest = read_json(&format!("{bundle}/manifest.json"));
        assert_eq!(manifest["is_demo"], true);
    }
}

/// Issue 10: on a thin, flat programme every figure the pages show for their default period — national
/// and for each of the 20 units, key figures, map, ranking and trends — counts at least 90 % of the valid
/// visits and complaints of that period, and the report counts at least 90 % of complaints as published.
#[test]
fn on_a_thin_programme_the_pages_count_what_happened() {
    use adal_core::aggregate::{Filter, MetricId, region_figures};
    use adal_core::dataset::Dataset;
    use adal_core::figures::key_figures;
    use adal_core::period::Period;
    use adal_core::series::trends;
    use adal_publish::raw::{read_audits, read_complaints};
    use adal_publish::taxonomy::Taxonomy;

    let dir = TempDir::new("thin-coverage");
    let (raw, bundle) = make_demo(
        &dir,
        &["--profile", "thin", "--seed", "10"],
        "data/demo-thin/publisher.toml",
        "2026-09-30",
    );
    let file = |name: &str| fs::read(format!("{bundle}/{name}")).expect("bundle file");
    let d = Dataset::open(
        &file("manifest.json"),
        &file("audits.json"),
        &file("complaints.json"),
    )
    .expect("opens");
    let taxonomy = Taxonomy::default();
    let visits = read_audits(
        fs::File::open(format!("{raw}/audits.csv")).expect("raw"),
        &taxonomy,
    )
    .expect("raw audits")
    .records;
    let complaints = read_complaints(
        fs::File::open(format!("{raw}/complaints.csv")).expect("raw"),
        &taxonomy,
    )
    .expect("raw complaints")
    .records;
    let period = d.default_period();
    let in_period = |p: Period, m: adal_core::period::Month| m >= p.from && m <= p.to;
    let code_of = |r: u8| adal_core::regions::all()[r as usize].code.clone();
    let raw_visits = |p: Period, code: Option<&str>| {
        visits
            .iter()
            .filter(|v| in_period(p, v.month) && code.is_none_or(|c| code_of(v.region) == c))
            .count() as u64
    };
    let raw_complaints = |p: Period, code: Option<&str>| {
        complaints
            .iter()
            .filter(|c| in_period(p, c.month) && code.is_none_or(|k| code_of(c.region) == k))
            .count() as u64
    };
    let share = |counted: u64, all: u64| {
        if all == 0 {
            1.0
        } else {
            counted as f64 / all as f64
        }
    };
    let filter = Filter {
        period,
        service: None,
        channel: None,
    };
    let map = region_figures(&d, MetricId::Completion, &filter, 30);
    let complaint_map = region_figures(&d, MetricId::Complaints, &filter, 30);
    let mut lowest: (f64, String) = (1.0, String::new());
    let codes: Vec<Option<String>> = std::iter::once(None)
        .chain(d.manifest.regions.iter().map(|r| Some(r.code.clone())))
        .collect();
    for code in &codes {
        let code = code.as_deref();
        let name = code.unwrap_or("KZ");
        let f = key_figures(&d, period, code);
        let (visits_all, complaints_all) = (raw_visits(period, code), raw_complaints(period, code));
        let mut checks = vec![
            ("key figures: visits", share(f.visits, visits_all)),
            (
                "key figures: complaints",
                share(f.complaints.counted, complaints_all),
            ),
        ];
        let on_map = match code {
            Some(c) => map.regions.iter().find(|r| r.code == c).expect("unit"),
            None => &map.national,
        };
        let answered = visits
            .iter()
            .filter(|v| in_period(period, v.month) && code.is_none_or(|c| code_of(v.region) == c))
            .filter(|v| v.completed.is_some())
            .count() as u64;
        checks.push(("map and ranking: visits", share(on_map.n, answered)));
        let complaints_on_map = match code {
            Some(c) => complaint_map
                .regions
                .iter()
                .find(|r| r.code == c)
                .expect("unit"),
            None => &complaint_map.national,
        };
        checks.push((
            "map: complaints",
            share(complaints_on_map.n, complaints_all),
        ));
        if let Some(c) = code {
            for metric in [MetricId::Completion, MetricId::Complaints] {
                let t = trends(&d, metric, &filter, &[c.to_owned()], 30);
                let counted: u64 = t.units[0].iter().map(|p| p.n).sum();
                let all = if metric == MetricId::Complaints {
                    complaints_all
                } else {
                    answered
                };
                checks.push(("trend", share(counted, all)));
            }
        }
        for (what, got) in checks {
            println!("{name} {what}: {:.1} %", got * 100.0);
            if got < lowest.0 {
                lowest = (got, format!("{name} {what}"));
            }
            assert!(
                got >= 0.9,
                "{name}, {what}: only {:.1} % counted",
                got * 100.0
            );
        }
    }
    println!(
        "thin demo, {} to {}: lowest share counted {:.1} % ({})",
        period.from,
        period.to,
        lowest.0 * 100.0,
        lowest.1
    );

    // Issue 21: of the complaints of the default period whose outcome the raw file records, those in a
    // published cell of their unit and stage, at whatever grain of time it is published.
    let outcomes = read_json(&format!("{bundle}/outcomes.json"));
    let c = &outcomes["columns"];
    let mut cells: std::collections::HashMap<(String, String), Vec<Period>> = Default::default();
    for i in 0..outcomes["rows"].as_u64().expect("rows") as usize {
        if c["count"][i].is_null() {
            continue;
        }
        let text = |col: &str| c[col][i].as_str().expect("text").to_owned();
        let label: adal_core::period::PeriodLabel = text("period").parse().expect("period");
        let (from, to) = label.months();
        cells
            .entry((text("region"), text("stage")))
            .or_default()
            .push(Period { from, to });
    }
    let stages = adal_publish::taxonomy::outcome_stages();
    let recorded: Vec<_> = complaints
        .iter()
        .filter(|x| in_period(period, x.month))
        .filter_map(|x| x.outcome.map(|s| (x, stages[usize::from(s)].id.clone())))
        .collect();
    let counted = recorded
        .iter()
        .filter(|(x, stage)| {
            cells
                .get(&(code_of(x.region), stage.clone()))
                .is_some_and(|ps| ps.iter().any(|p| in_period(*p, x.month)))
        })
        .count();
    let got = share(counted as u64, recorded.len() as u64);
    println!(
        "thin demo: {counted} of {} complaints with an outcome in {}..{} counted by stage ({:.1} %)",
        recorded.len(),
        period.from,
        period.to,
        got * 100.0
    );
    assert!(!recorded.is_empty());
    assert!(got >= 0.9, "outcomes: only {:.1} % counted", got * 100.0);

    // The recommendations given after the audits: of those of the default period, the share the pages
    // count as given (in a published total inside the period) and the share in a published cell of
    // their unit and state, at whatever grain.
    let findings = adal_publish::raw::read_findings(
        fs::File::open(format!("{raw}/findings.csv")).expect("raw"),
        None,
    )
    .expect("raw findings")
    .records;
    let published = read_json(&format!("{bundle}/outcomes.json"));
    let f = &published["findings"];
    let periods_of = |columns: &Value, rows: usize, key: Option<&str>| {
        let mut out: std::collections::HashMap<(String, String), Vec<Period>> = Default::default();
        for i in (0..rows).filter(|&i| !columns["count"][i].is_null()) {
            let text = |col: &str| columns[col][i].as_str().expect("text").to_owned();
            let label: adal_core::period::PeriodLabel = text("period").parse().expect("period");
            let (from, to) = label.months();
            let key = key.map(text).unwrap_or_default();
            out.entry((text("region"), key))
                .or_default()
                .push(Period { from, to });
        }
        out
    };
    let totals = periods_of(
        &f["totals"]["columns"],
        f["totals"]["rows"].as_u64().expect("rows") as usize,
        None,
    );
    let cells = periods_of(
        &f["columns"],
        f["rows"].as_u64().expect("rows") as usize,
        Some("state"),
    );
    let states = adal_publish::taxonomy::finding_states();
    let given: Vec<_> = findings
        .iter()
        .filter(|x| in_period(period, x.month))
        .collect();
    let counted_in = |map: &std::collections::HashMap<(String, String), Vec<Period>>,
                      key: &dyn Fn(&adal_publish::raw::Finding) -> String| {
        given
            .iter()
            .filter(|x| {
                map.get(&(code_of(x.region), key(x))).is_some_and(|ps| {
                    ps.iter().any(|p| {
                        in_period(*p, x.month) && p.from >= period.from && p.to <= period.to
                    })
                })
            })
            .count() as u64
    };
    let as_given = share(counted_in(&totals, &|_| String::new()), given.len() as u64);
    let by_state = share(
        counted_in(&cells, &|x| states[usize::from(x.state)].id.clone()),
        given.len() as u64,
    );
    println!(
        "thin demo: {} recommendations given in {}..{}: {:.1} % counted as given, {:.1} % by state",
        given.len(),
        period.from,
        period.to,
        as_given * 100.0,
        by_state * 100.0
    );
    assert!(!given.is_empty());
    assert!(
        as_given >= 0.9,
        "recommendations: only {:.1} % counted",
        as_given * 100.0
    );
    let report_dir = TempDir::new("thin-report");
    let out = publish(
        &format!("{raw}/audits.csv"),
        &format!("{raw}/complaints.csv"),
        &report_dir.path("bundle"),
        &["--report", &report_dir.path("report.json")],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let report = read_json(&report_dir.path("report.json"));
    let published = report["complaints"]["published"]
        .as_u64()
        .expect("published");
    assert!(published as f64 >= 0.9 * complaints.len() as f64);
}

#[test]
fn the_committed_schemas_match_the_types() {
    let dir = TempDir::new("schemas");
    let out = adal(&["schema", "--out", &dir.path("schema")]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    for name in [
        "manifest.schema.json",
        "audits.schema.json",
        "audits-v2.schema.json",
        "complaints.schema.json",
        "complaints-detail.schema.json",
        "outcomes.schema.json",
        "report.schema.json",
    ] {
        let made = fs::read_to_string(format!("{}/{name}", dir.path("schema"))).expect("made");
        let committed =
            fs::read_to_string(repo_root().join("public/schema").join(name)).expect("committed");
        assert!(
            made == committed,
            "public/schema/{name} is out of date: run `cargo run -p adal-cli -- schema`"
        );
    }
}

#[test]
fn file_level_problems_get_a_clear_message() {
    let dir = TempDir::new("file-level");
    let out = publish(
        &fixture("audits_missing_column.csv"),
        &fixture("complaints_clean.csv"),
        &dir.path("bundle"),
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("lacks the required column(s) channel, score_waiting"),
        "{}",
        text(&out)
    );

    let out = publish("/nonexistent/a.csv", "x", &dir.path("b"), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out).contains("cannot open /nonexistent/a.csv"),
        "{}",
        text(&out)
    );

    fs::write(dir.path("bad.toml"), "k_anonymity = 5\ntitel = \"typo\"\n").expect("config");
    let out = publish(
        &fixture("audits_clean.csv"),
        &fixture("complaints_clean.csv"),
        &dir.path("b"),
        &["--config", &dir.path("bad.toml")],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out).contains("unknown field `titel`"),
        "{}",
        text(&out)
    );
}

#[test]
fn a_config_may_define_its_own_lists() {
    let dir = TempDir::new("config");
    fs::write(
        dir.path("publisher.toml"),
        r#"
k_anonymity = 3
[dataset]
id = "civil-audit"
version = "2025.1"
[[services]]
id = "pension"
label = { kk = "Зейнетақы", ru = "Пенсии", en = "Pensions" }
[[services]]
id = "other"
label = { kk = "Басқа", ru = "Другое", en = "Other" }
"#,
    )
    .expect("config");
    let header = "visit_date,region,service,channel,score_waiting,score_courtesy,score_information,score_accessibility,score_outcome,wait_minutes,informal_payment_requested,intermediary_offered,service_completed\n";
    let row = "2025-02-03,KZ-55,Пенсии,online,4,4,4,4,4,3,no,no,yes\n";
    fs::write(dir.path("a.csv"), format!("{header}{}", row.repeat(3))).expect("audits");
    fs::write(
        dir.path("c.csv"),
        "received_date,region,category,channel\n2025-02-03,KZ-55,bribery,online\n",
    )
    .expect("complaints");
    let bundle = dir.path("bundle");
    let out = publish(
        &dir.path("a.csv"),
        &dir.path("c.csv"),
        &bundle,
        &["--config", &dir.path("publisher.toml")],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let manifest = read_json(&format!("{bundle}/manifest.json"));
    assert_eq!(manifest["dataset"]["id"], "civil-audit");
    assert_eq!(manifest["k_anonymity"]["k"], 3);
    assert_eq!(manifest["services"][0]["label"]["en"], "Pensions");
    let audits = read_json(&format!("{bundle}/audits-detail.json"));
    // The three pension visits are one cell.
    assert_eq!(audits["columns"]["service"], serde_json::json!(["pension"]));
    assert_eq!(audits["columns"]["visits"], serde_json::json!([3]));
    let validate = adal(&["validate", &bundle]);
    assert_eq!(validate.status.code(), Some(0), "{}", text(&validate));
}

/// Publishes the clean fixtures into `dir/bundle` and returns the folder.
/// Issue 21: where `complaints.csv` records outcomes, `outcomes.json` breaks each published total down
/// by stage, protected as the categories are, and `adal validate` holds it to those rules; without
/// outcomes no such file is published (and one left by an earlier publication goes).
#[test]
fn outcomes_are_published_by_stage_protected_and_validated() {
    let dir = TempDir::new("outcomes");
    // KZ-31, March 2024: 30 complaints; 12 under investigation, 10 answered, 3 sent to court, 5 with no
    // outcome recorded. Court (3 < k = 5) is suppressed, and with it the smallest other cell, so that
    // it cannot be worked out from the total: the 5 not recorded (3 + 5 − 1 = 7 ≥ k).
    let mut csv = String::from("received_date,region,category,channel,outcome,outcome_date\n");
    for (stage, n) in [
        ("investigation", 12),
        ("explained", 10),
        ("court", 3),
        ("", 5),
    ] {
        for i in 0..n {
            let date = if stage.is_empty() {
                String::new()
            } else {
                format!("2024-04-{:02}", i + 1)
            };
            csv.push_str(&format!(
                "2024-03-{:02},KZ-31,bribery,hotline_1424,{stage},{date}\n",
                i + 1
            ));
        }
    }
    let complaints = dir.path("complaints.csv");
    fs::write(&complaints, csv).expect("write");
    let bundle = dir.path("bundle");
    let out = publish(&fixture("audits_clean.csv"), &complaints, &bundle, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));

    let manifest = read_json(&format!("{bundle}/manifest.json"));
    let listed = |m: &Value| {
        m["files"]
            .as_array()
            .expect("files")
            .iter()
            .any(|f| f["path"] == "outcomes.json")
    };
    assert!(listed(&manifest));
    let stages: Vec<&str> = manifest["outcome_stages"]
        .as_array()
        .expect("outcome_stages")
        .iter()
        .map(|t| t["id"].as_str().expect("id"))
        .collect();
    assert_eq!(
        stages,
        [
            "registered",
            "forwarded",
            "explained",
            "closed_no_offence",
            "investigation",
            "court",
            "not_recorded"
        ]
    );
    let outcomes = read_json(&format!("{bundle}/outcomes.json"));
    let c = &outcomes["columns"];
    let cells: Vec<(String, String, Value)> = (0..outcomes["rows"].as_u64().expect("rows")
        as usize)
        .filter(|&i| c["region"][i] == "KZ-31")
        .map(|i| {
            let s = |col: &str| c[col][i].as_str().expect("text").to_owned();
            (s("period"), s("stage"), c["count"][i].clone())
        })
        .collect();
    let cell = |stage: &str, count: Value| ("2024-03".to_owned(), stage.to_owned(), count);
    assert_eq!(
        cells,
        [
            cell("explained", 10.into()),
            cell("investigation", 12.into()),
            cell("court", Value::Null),
            cell("not_recorded", Value::Null),
        ]
    );
    // The times to the last step: the 25 dated reports were each answered 31 days later (a month and
    // a day), the 5 without an outcome are not dated.
    let t = &outcomes["times"]["columns"];
    let times: Vec<(String, String, Value)> = (0
        ..outcomes["times"]["rows"].as_u64().expect("rows") as usize)
        .filter(|&i| t["region"][i] == "KZ-31")
        .map(|i| {
            let s = |col: &str| t[col][i].as_str().expect("text").to_owned();
            (s("period"), s("days"), t["count"][i].clone())
        })
        .collect();
    assert_eq!(
        times,
        [cell("days_31_90", 25.into()), cell("not_dated", 5.into())]
    );
    let valid = adal(&["validate", &bundle]);
    assert_eq!(valid.status.code(), Some(0), "{}", text(&valid));

    // The path they took, as the pages will count it: 30 received, 22 of a published stage, 8 withheld
    // (court and not recorded); 12 of the 22 led to an investigation, none of them is published as sent
    // to court (the 3 are among the withheld).
    {
        use adal_core::aggregate::funnel;
        use adal_core::contract::OutcomesFile;
        use adal_core::period::Period;
        let file = |name: &str| fs::read(format!("{bundle}/{name}")).expect("bundle file");
        let d = adal_core::dataset::Dataset::open(
            &file("manifest.json"),
            &file("audits.json"),
            &file("complaints.json"),
        )
        .expect("opens");
        let outcomes: OutcomesFile =
            serde_json::from_slice(&file("outcomes.json")).expect("outcomes");
        let outcomes = outcomes.into_columns();
        let march = Period {
            from: "2024-03".parse().expect("month"),
            to: "2024-03".parse().expect("month"),
        };
        let f = funnel(&d, &outcomes, march, Some("KZ-31"));
        assert_eq!(
            (f.received, f.known, f.not_recorded, f.withheld),
            (30, 22, 0, 8)
        );
        let investigated = f.investigated.expect("a share");
        assert_eq!(investigated.n, 22);
        assert!((investigated.value - 12.0 / 22.0).abs() < 1e-12);
        assert!(investigated.low < investigated.value && investigated.value < investigated.high);
        assert_eq!(f.court.expect("a share").value, 0.0);
        // The 8 withheld could be any stage: court lies between 0 and 8 of the 30.
        assert_eq!(f.bounds(&["court"]), Some((0.0, 8.0 / 30.0)));
        assert_eq!(
            f.bounds(&["investigation", "court"]),
            Some((12.0 / 30.0, 20.0 / 30.0))
        );
        let count = |id: &str| f.by_stage.iter().find(|(s, _)| s == id).expect("stage").1;
        assert_eq!(
            (count("explained"), count("investigation"), count("court")),
            (10, 12, 0)
        );
        // All 25 dated in one bin, nothing withheld: the median is that bin.
        let times = f.times.as_ref().expect("times");
        assert_eq!(
            (times.dated, times.withheld, times.median),
            (25, 0, Some((2, 2)))
        );
        // The whole country is the sum of its units; another unit received none.
        assert_eq!(funnel(&d, &outcomes, march, None), f);
        let elsewhere = funnel(&d, &outcomes, march, Some("KZ-75"));
        assert_eq!(
            (elsewhere.received, elsewhere.known, elsewhere.investigated),
            (0, 0, None)
        );
    }

    // A time bin the contract does not know is named.
    forge(&bundle, "outcomes.json", |v| {
        v["times"]["columns"]["days"][0] = "days_1_2".into();
    });
    let said = text(&adal(&["validate", &bundle]));
    assert!(
        said.contains("time bin «days_1_2» is not one of the manifest's time bins"),
        "{said}"
    );
    forge(&bundle, "outcomes.json", |v| {
        v["times"]["columns"]["days"][0] = "days_31_90".into();
    });

    // A forged small cell, and a lone suppressed one, are named in outcomes.json.
    forge(&bundle, "outcomes.json", |v| {
        let i = (0..4)
            .find(|&i| v["columns"]["stage"][i] == "court")
            .expect("court");
        v["columns"]["count"][i] = 3.into();
    });
    let forged = adal(&["validate", &bundle]);
    assert_eq!(forged.status.code(), Some(1), "{}", text(&forged));
    let said = text(&forged);
    assert!(
        said.contains("outcomes.json") && said.contains("count 3 is below k = 5"),
        "{said}"
    );
    assert!(
        said.contains("a single suppressed cell can be worked out from the total (8)"),
        "{said}"
    );

    // A cell of the quarter beside the month's cells it holds: one could be taken from the other.
    forge(&bundle, "outcomes.json", |v| {
        let c = &mut v["columns"];
        let region = c["region"][0].clone();
        for (column, value) in [
            ("region", region),
            ("period", "2024-Q1".into()),
            ("stage", "court".into()),
            ("count", serde_json::Value::Null),
        ] {
            c[column].as_array_mut().expect("a column").push(value);
        }
        v["rows"] = (v["rows"].as_u64().expect("rows") + 1).into();
    });
    let said = text(&adal(&["validate", &bundle]));
    assert!(
        said.contains(
            "cells of 2024-Q1 and of 2024-03 overlap, so one could be taken from the other"
        ) || said.contains("cells of 2024-03 and of 2024-Q1 overlap"),
        "{said}"
    );

    // Published again without outcomes, into the same folder: no outcomes.json, and no stages in the
    // manifest.
    assert_eq!(clean_bundle(&dir), bundle);
    assert!(!Path::new(&format!("{bundle}/outcomes.json")).exists());
    let manifest = read_json(&format!("{bundle}/manifest.json"));
    assert!(!listed(&manifest) && manifest.get("outcome_stages").is_none());
    let valid = adal(&["validate", &bundle]);
    assert_eq!(valid.status.code(), Some(0), "{}", text(&valid));
}

/// Issue 21: the recommendations given after the audits (`--findings`) are published in
/// `outcomes.json` as totals by the month they were given and cells by state, protected as the
/// complaints are; a row outside the audits' period is rejected; nothing of the personal columns
/// reaches a file; and a bundle whose complaints record no outcome publishes the findings alone.
#[test]
fn findings_are_published_by_state_protected_and_validated() {
    let dir = TempDir::new("findings");
    // KZ-31, March 2024: 12 implemented, 8 in part, 3 overdue. Overdue (3 < k = 5) is suppressed, and
    // with it the smallest other cell, in part (3 + 8 − 1 = 10 ≥ k). KZ-75: 2 not implemented, a year
    // total below k, suppressed. One recommendation of 2030, outside the audits' period.
    let mut csv =
        String::from("finding_id,issued_date,region,state,office,recommendation,responsible\n");
    let rows = [
        ("KZ-31", "implemented", 12),
        ("KZ-31", "Выполнено частично", 8),
        ("KZ-31", "overdue", 3),
        ("KZ-75", "not_implemented", 2),
    ];
    for (region, state, n) in rows {
        for i in 0..n {
            csv.push_str(&format!(
                "F{i},2024-03-{:02},{region},{state},ЦОН Секретный,\"Секретная рекомендация, №{i}\",+77011234567\n",
                i + 1
            ));
        }
    }
    csv.push_str("F99,2030-01-01,KZ-31,implemented,ЦОН Секретный,x,+77011234567\n");
    let findings = dir.path("findings.csv");
    fs::write(&findings, csv).expect("write");
    let bundle = dir.path("bundle");
    let report = dir.path("report.json");
    let complaints = fixture("complaints_clean.csv");
    let audits = fixture("audits_clean.csv");
    let strict = publish(&audits, &complaints, &bundle, &["--findings", &findings]);
    assert_eq!(strict.status.code(), Some(1), "{}", text(&strict));
    assert!(
        text(&strict).contains(
            "findings.csv line 27, column issued_date: expected a date within the audits' and complaints' period, 2024-03 to 2024-04, found a date in 2030-01"
        ),
        "{}",
        text(&strict)
    );
    let out = publish(
        &audits,
        &complaints,
        &bundle,
        &[
            "--findings",
            &findings,
            "--skip-invalid",
            "--report",
            &report,
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let r = read_json(&report);
    let f = &r["findings"];
    assert_eq!(
        (&f["rows_read"], &f["published"], &f["suppressed"]),
        (&Value::from(26), &Value::from(23), &Value::from(2))
    );
    assert_eq!(f["rejected"].as_array().expect("rejected").len(), 1);
    assert_eq!(
        f["personal_columns_dropped"],
        serde_json::json!(["finding_id", "office", "recommendation", "responsible"])
    );

    let manifest = read_json(&format!("{bundle}/manifest.json"));
    let states: Vec<&str> = manifest["finding_states"]
        .as_array()
        .expect("finding_states")
        .iter()
        .map(|t| t["id"].as_str().expect("id"))
        .collect();
    assert_eq!(
        states,
        [
            "implemented",
            "partly_implemented",
            "not_implemented",
            "overdue"
        ]
    );
    // The complaints record no outcome: the file holds the findings alone.
    assert!(manifest.get("outcome_stages").is_none());
    let outcomes = read_json(&format!("{bundle}/outcomes.json"));
    assert_eq!(outcomes["rows"], 0);
    let t = &outcomes["findings"]["totals"]["columns"];
    let total = |region: &str| -> Vec<(String, Value)> {
        (0..t["region"].as_array().expect("region").len())
            .filter(|&i| t["region"][i] == region)
            .map(|i| {
                (
                    t["period"][i].as_str().expect("period").to_owned(),
                    t["count"][i].clone(),
                )
            })
            .collect()
    };
    assert_eq!(
        total("KZ-31"),
        [
            ("2024-03".to_owned(), 23.into()),
            ("2024-04".to_owned(), 0.into())
        ]
    );
    assert_eq!(total("KZ-75"), [("2024".to_owned(), Value::Null)]);
    let c = &outcomes["findings"]["columns"];
    let cells: Vec<(String, String, Value)> =
        (0..outcomes["findings"]["rows"].as_u64().expect("rows") as usize)
            .map(|i| {
                let s = |col: &str| c[col][i].as_str().expect("text").to_owned();
                (s("region"), s("state"), c["count"][i].clone())
            })
            .collect();
    let cell = |state: &str, count: Value| ("KZ-31".to_owned(), state.to_owned(), count);
    assert_eq!(
        cells,
        [
            cell("implemented", 12.into()),
            cell("partly_implemented", Value::Null),
            cell("overdue", Value::Null),
        ]
    );
    // Nothing of the personal columns is in any file.
    for entry in fs::read_dir(&bundle).expect("bundle") {
        let text = fs::read_to_string(entry.expect("entry").path()).unwrap_or_default();
        for secret in ["Секрет", "+77011234567", "F99"] {
            assert!(!text.contains(secret), "{secret}");
        }
    }
    assert!(
        !fs::read_to_string(&report)
            .expect("report")
            .contains("Секрет")
    );
    let valid = adal(&["validate", &bundle]);
    assert_eq!(valid.status.code(), Some(0), "{}", text(&valid));

    // As the pages count them: 23 given in March, 12 of a published state, all implemented; 11 withheld.
    {
        use adal_core::aggregate::recommendations;
        use adal_core::contract::OutcomesFile;
        use adal_core::period::Period;
        let file = |name: &str| fs::read(format!("{bundle}/{name}")).expect("bundle file");
        let d = adal_core::dataset::Dataset::open(
            &file("manifest.json"),
            &file("audits.json"),
            &file("complaints.json"),
        )
        .expect("opens");
        assert!(d.has_findings() && !d.has_outcome_data());
        let outcomes: OutcomesFile =
            serde_json::from_slice(&file("outcomes.json")).expect("outcomes");
        let findings = outcomes.findings.expect("findings");
        let march = Period {
            from: "2024-03".parse().expect("month"),
            to: "2024-03".parse().expect("month"),
        };
        let r = recommendations(&d, &findings, march, Some("KZ-31"));
        assert_eq!((r.given, r.known, r.withheld), (23, 12, 11));
        let implemented = r.implemented.expect("a share");
        assert_eq!((implemented.n, implemented.value), (12, 1.0));
        assert_eq!(r.bounds(), Some((12.0 / 23.0, 1.0)));
        // The country: KZ-31's, and KZ-75's suppressed year total that overlaps March.
        let country = recommendations(&d, &findings, march, None);
        assert_eq!(
            (country.given, country.known, country.suppressed_totals),
            (23, 12, 1)
        );
    }

    // A forged state, and a forged small total, are named.
    forge(&bundle, "outcomes.json", |v| {
        v["findings"]["columns"]["state"][0] = "abandoned".into();
    });
    let said = text(&adal(&["validate", &bundle]));
    assert!(
        said.contains("state «abandoned» is not one of the manifest's finding_states"),
        "{said}"
    );
    forge(&bundle, "outcomes.json", |v| {
        v["findings"]["columns"]["state"][0] = "implemented".into();
        let counts = v["findings"]["totals"]["columns"]["count"].clone();
        let i = (0..counts.as_array().expect("counts").len())
            .find(|&i| counts[i].is_null())
            .expect("a suppressed total");
        v["findings"]["totals"]["columns"]["count"][i] = 2.into();
    });
    let forged = adal(&["validate", &bundle]);
    assert_eq!(forged.status.code(), Some(1), "{}", text(&forged));
    assert!(
        text(&forged).contains("count 2 is below k = 5 and should have been suppressed"),
        "{}",
        text(&forged)
    );
}

fn clean_bundle(dir: &TempDir) -> String {
    let bundle = dir.path("bundle");
    let out = publish(
        &fixture("audits_clean.csv"),
        &fixture("complaints_clean.csv"),
        &bundle,
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    bundle
}

/// Rewrites a data file and fixes its checksum in the manifest, as a forger would.
fn forge(bundle: &str, name: &str, edit: impl FnOnce(&mut Value)) {
    let path = format!("{bundle}/{name}");
    let mut value = read_json(&path);
    edit(&mut value);
    let bytes = serde_json::to_vec(&value).expect("json");
    fs::write(&path, &bytes).expect("write");
    let manifest_path = format!("{bundle}/manifest.json");
    let mut manifest = read_json(&manifest_path);
    for entry in manifest["files"].as_array_mut().expect("files") {
        if entry["path"] == name {
            entry["bytes"] = bytes.len().into();
            entry["sha256"] = adal_core::checksum::sha256_hex(&bytes).into();
        }
    }
    fs::write(
        &manifest_path,
        serde_json::to_vec_pretty(&manifest).expect("json"),
    )
    .expect("write");
}

#[test]
fn validate_finds_every_kind_of_broken_or_forged_bundle() {
    type Break = Box<dyn Fn(&str)>;
    let cases: Vec<(&str, Break, &str)> = vec![
        (
            "checksum",
            Box::new(|b: &str| {
                let path = format!("{b}/audits.json");
                let mut bytes = fs::read(&path).expect("read");
                let i = bytes.iter().position(|&c| c == b'4').expect("a digit");
                bytes[i] = b'3';
                fs::write(&path, bytes).expect("write");
            }),
            "audits.json: its checksum does not match the manifest: 434 bytes and SHA-256",
        ),
        (
            "schema version",
            Box::new(|b: &str| {
                let path = format!("{b}/manifest.json");
                let text = fs::read_to_string(&path).expect("read").replacen(
                    "\"schema_version\": 3",
                    "\"schema_version\": 4",
                    1,
                );
                fs::write(&path, text).expect("write");
            }),
            "manifest.json: schema_version 4 is not supported (this app reads 2 to 3)",
        ),
        (
            "outcome stages without outcomes",
            Box::new(|b: &str| {
                let path = format!("{b}/manifest.json");
                let mut manifest = read_json(&path);
                manifest["outcome_stages"] = manifest["complaint_categories"].clone();
                fs::write(&path, serde_json::to_vec_pretty(&manifest).expect("json"))
                    .expect("write");
            }),
            "manifest.json: outcome_stages is given but files does not list outcomes.json",
        ),
        (
            "a version 1 bundle",
            Box::new(|b: &str| {
                let path = format!("{b}/manifest.json");
                let text = fs::read_to_string(&path).expect("read").replacen(
                    "\"schema_version\": 3",
                    "\"schema_version\": 1",
                    1,
                );
                fs::write(&path, text).expect("write");
            }),
            "manifest.json: schema_version 1 is not supported (this app reads 2 to 3); it is an older format: publish the bundle again from the raw files with the current `adal publish`",
        ),
        (
            "unequal columns",
            Box::new(|b: &str| {
                forge(b, "audits.json", |v| {
                    v["columns"]["month"].as_array_mut().expect("month").pop();
                })
            }),
            "column month has 1 entries, rows says 2",
        ),
        (
            "k-anonymity",
            Box::new(|b: &str| {
                forge(b, "audits.json", |v| {
                    v["columns"]["visits"][0] = 2.into();
                })
            }),
            "k-anonymity broken",
        ),
        (
            "detail below k",
            Box::new(|b: &str| {
                forge(b, "audits-detail.json", |v| {
                    v["columns"]["visits"][0] = 2.into();
                })
            }),
            "audits-detail.json: k-anonymity broken",
        ),
        (
            // A visit taken from one unit's detail: the totals no longer add up, though each file
            // on its own is well formed.
            "detail that does not add up",
            Box::new(|b: &str| {
                forge(b, "audits-detail.json", |v| {
                    let visits = v["columns"]["visits"][0].as_u64().expect("visits");
                    v["columns"]["visits"][0] = (visits + 1).into();
                })
            }),
            "audits.json: its 2 unit totals are not those of audits-detail.json",
        ),
        (
            "unknown region",
            Box::new(|b: &str| {
                forge(b, "audits.json", |v| {
                    v["columns"]["region"][0] = "KZ-99".into();
                })
            }),
            "cell 1: region «KZ-99» is not one of the manifest's regions",
        ),
        (
            "negative count",
            Box::new(|b: &str| {
                forge(b, "complaints.json", |v| {
                    v["totals"]["columns"]["count"][0] = (-4).into();
                })
            }),
            "complaints.json: invalid JSON at line 1",
        ),
        (
            "small count",
            Box::new(|b: &str| {
                forge(b, "complaints-detail.json", |v| {
                    v["columns"]["count"][1] = 2.into();
                })
            }),
            // Named by the file the cell is in.
            "complaints-detail.json: row 2: count 2 is below k = 5",
        ),
        (
            "overlapping complaint totals",
            Box::new(|b: &str| {
                forge(b, "complaints.json", |v| {
                    v["totals"]["columns"]["period"][0] = "2024".into();
                })
            }),
            "overlap in month 2024-04, so one could be taken from another",
        ),
        (
            "a cell outside its totals",
            Box::new(|b: &str| {
                forge(b, "complaints-detail.json", |v| {
                    v["columns"]["period"][0] = "2022-05".into();
                })
            }),
            "is neither the period of one of its published totals nor a quarter or year whose totals are all published",
        ),
        (
            "cells by category in complaints.json",
            Box::new(|b: &str| {
                let cells = read_json(&format!("{b}/complaints-detail.json"));
                forge(b, "complaints.json", |v| {
                    v["rows"] = cells["rows"].clone();
                    v["columns"] = cells["columns"].clone();
                })
            }),
            "holds cells by category: contract 3 publishes them in complaints-detail.json",
        ),
        (
            "month outside the period",
            Box::new(|b: &str| {
                forge(b, "audits.json", |v| {
                    for m in v["columns"]["month"].as_array_mut().expect("month") {
                        *m = "2031-01".into();
                    }
                })
            }),
            "month 2031-01 lies outside the period",
        ),
        (
            "path outside the bundle",
            Box::new(|b: &str| {
                let path = format!("{b}/manifest.json");
                let text = fs::read_to_string(&path)
                    .expect("read")
                    .replace("\"audits.json\"", "\"../../etc/passwd\"");
                fs::write(&path, text).expect("write");
            }),
            "«../../etc/passwd» is not a plain file name",
        ),
        (
            "invalid JSON",
            Box::new(|b: &str| {
                fs::write(format!("{b}/manifest.json"), "{\"schema_version\": 1,").expect("write")
            }),
            "manifest.json: invalid JSON at line 1, column 21: EOF while parsing",
        ),
        (
            "missing file",
            Box::new(|b: &str| fs::remove_file(format!("{b}/complaints.json")).expect("remove")),
            "complaints.json: is listed in the manifest but cannot be read",
        ),
    ];
    let mut missed = Vec::new();
    for (name, break_it, want) in cases {
        let dir = TempDir::new(&format!("validate-{}", name.replace(' ', "-")));
        let bundle = clean_bundle(&dir);
        break_it(&bundle);
        let out = adal(&["validate", &bundle]);
        if out.status.code() != Some(1) || !text(&out).contains(want) {
            missed.push(format!("{name}: expected {want:?} in:\n{}", text(&out)));
        }
    }
    assert!(missed.is_empty(), "{}", missed.join("\n"));
}

/// Width and height from a PNG's header.
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let signature = b"\x89PNG\r\n\x1a\n";
    if bytes.len() < 24 || &bytes[..8] != signature || &bytes[12..16] != b"IHDR" {
        return None;
    }
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    Some((be(&bytes[16..20]), be(&bytes[20..24])))
}

#[test]
fn share_writes_a_tagged_preview_page_and_a_card_per_unit_and_language() {
    let tmp = TempDir::new("share");
    let bundle = repo_root().join("public/data").display().to_string();
    let out = adal(&["share", "--bundle", &bundle, "--out", &tmp.path("r")]);
    assert!(out.status.success(), "{}", text(&out));
    let entries: Vec<_> = fs::read_dir(tmp.0.join("r"))
        .expect("r/")
        .flatten()
        .collect();
    let units = entries.iter().filter(|e| e.path().is_dir()).count();
    assert_eq!(units, 20);
    // And the country's cards, for the pages that are not a unit's.
    for lang in ["kk", "ru", "en"] {
        let card = fs::read(tmp.0.join(format!("r/card-{lang}.png"))).expect("the country's card");
        assert_eq!(&card[1..4], b"PNG");
    }
    let page = fs::read_to_string(tmp.0.join("r/KZ-75/index.html")).expect("page");
    for tag in [
        r#"<html lang="kk">"#,
        r#"<meta property="og:title" content="Алматы қаласы: мемлекеттік"#,
        r#"<meta property="og:image" content="card-kk.png">"#,
        r#"<meta property="og:image:width" content="1200">"#,
        r#"<meta name="twitter:card" content="summary_large_image">"#,
        // On to the unit's pre-rendered page (`adal pages`), Kazakh at the site's root.
        r#"<meta http-equiv="refresh" content="0; url=../../region/KZ-75/">"#,
    ] {
        assert!(page.contains(tag), "{tag} missing from\n{page}");
    }
    // The description carries the unit's key figures, as the app writes them.
    let en = fs::read_to_string(tmp.0.join("r/KZ-75/en.html")).expect("page");
    assert!(
        en.contains("Service quality index: ") && en.contains("Complaints per 100,000 people: "),
        "{en}"
    );
    // No sentence of a preview ends twice («ноябрь 2026 г..»).
    for file in ["index.html", "ru.html", "en.html"] {
        for unit in ["KZ-11", "KZ-75"] {
            let page = fs::read_to_string(tmp.0.join(format!("r/{unit}/{file}"))).expect("page");
            assert_eq!(double_full_stop(&page), None, "{unit} {file}");
        }
    }
    for lang in ["kk", "ru", "en"] {
        let card = fs::read(tmp.0.join(format!("r/KZ-11/card-{lang}.png"))).expect("card");
        assert_eq!(png_size(&card), Some((1200, 630)), "card-{lang}.png");
    }
    // With the site's address, image and page addresses are absolute, as Open Graph wants.
    let out = adal(&[
        "share",
        "--bundle",
        &bundle,
        "--out",
        &tmp.path("abs"),
        "--site-url",
        "https://example.org/atlas",
    ]);
    assert!(out.status.success(), "{}", text(&out));
    let page = fs::read_to_string(tmp.0.join("abs/KZ-11/ru.html")).expect("page");
    assert!(page.contains(
        r#"<meta property="og:image" content="https://example.org/atlas/r/KZ-11/card-ru.png">"#
    ));
    assert!(
        page.contains(
            r#"<link rel="canonical" href="https://example.org/atlas/ru/region/KZ-11/">"#
        )
    );
    let out = adal(&[
        "share",
        "--bundle",
        &bundle,
        "--out",
        &tmp.path("x"),
        "--site-url",
        "javascript:alert(1)",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
}

/// Issue 10, point 9: a raw file whose first line is a data row (no header line, or a header overwritten
/// by a row) made `adal publish` print that row — names, IINs, phones, comments — in its error and report.
#[test]
fn a_header_less_file_is_refused_without_echoing_its_first_row() {
    let dir = TempDir::new("header-less");
    for (kind, clean) in [
        ("audits", fixture("audits_mixed.csv")),
        ("complaints", fixture("complaints_mixed.csv")),
    ] {
        let content = fs::read_to_string(&clean).expect("fixture");
        let (header, body) = content.split_once('\n').expect("a header line");
        let first_row: String = body.lines().next().expect("a row").to_owned();
        // Without the header line, and with the header overwritten by a copy of the first row.
        for (case, text_of_file) in [
            ("without", body.to_owned()),
            ("overwritten", format!("{first_row}\n{body}")),
        ] {
            assert!(!text_of_file.starts_with(header));
            let raw = dir.path(&format!("{kind}-{case}.csv"));
            fs::write(&raw, &text_of_file).expect("raw file");
            let report = dir.path(&format!("{kind}-{case}-report.json"));
            let (audits, complaints) = if kind == "audits" {
                (raw.clone(), fixture("complaints_clean.csv"))
            } else {
                (fixture("audits_clean.csv"), raw.clone())
            };
            let out = publish(
                &audits,
                &complaints,
                &dir.path(&format!("bundle-{kind}-{case}")),
                &["--report", &report],
            );
            let shown = text(&out);
            assert_ne!(out.status.code(), Some(0), "{kind} {case}: {shown}");
            assert!(
                shown.contains("lacks the required column(s)"),
                "{kind} {case}: {shown}"
            );
            assert!(
                shown.contains("If the first line is a data row"),
                "{kind} {case}: {shown}"
            );
            assert_no_personal_data(&format!("{kind} {case}: output"), &shown);
            if let Ok(written) = fs::read_to_string(&report) {
                assert_no_personal_data(&format!("{kind} {case}: report"), &written);
            }
        }
    }
}

/// The text around the first «..» in `html` that is neither a path's (`../`) nor an ellipsis (`...`).
fn double_full_stop(html: &str) -> Option<String> {
    let bytes = html.as_bytes();
    (1..bytes.len().saturating_sub(2)).find_map(|i| {
        let stop = bytes[i] == b'.' && bytes[i + 1] == b'.';
        let path = bytes[i + 2] == b'/' || bytes[i - 1] == b'/' || bytes[i - 1] == b'"';
        let ellipsis = bytes[i - 1] == b'.' || bytes[i + 2] == b'.';
        (stop && !path && !ellipsis).then(|| {
            let from = html.floor_char_boundary(i.saturating_sub(40));
            let to = html.ceil_char_boundary(i + 10);
            html[from..to].to_owned()
        })
    })
}

/// A site in `dir`: the demo bundle in `site/data` and `index` as its index.html; returns `site`.
fn site_with(dir: &TempDir, index: &str) -> String {
    let site = dir.path("site");
    copy_dir(
        &repo_root().join("public/data"),
        &Path::new(&site).join("data"),
    );
    fs::write(Path::new(&site).join("index.html"), index).expect("index.html");
    site
}

/// `adal pages` refuses a site whose index.html is not a page of a build, saying so.
#[test]
fn pages_need_the_page_of_a_build() {
    let dir = TempDir::new("pages-no-build");
    let site = site_with(&dir, "<html><head></head><body></body></html>");
    let out = adal(&["pages", "--site", &site]);
    assert!(!out.status.success());
    assert!(
        text(&out).contains("is not a page of a built site"),
        "{}",
        text(&out)
    );
    assert!(text(&out).contains("scripts/build"), "{}", text(&out));
    assert!(!Path::new(&site).join("ru").exists(), "no page written");
}

#[test]
fn pages_are_written_for_every_view_and_language_with_their_head() {
    let dir = TempDir::new("pages");
    let site = site_with(&dir, TRUNK_PAGE);
    let out = adal(&[
        "pages",
        "--site",
        &site,
        "--site-url",
        "https://example.org/atlas",
    ]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("wrote 72 pages"), "{}", text(&out));
    // Nothing went wrong on the side (a task of the render once panicked after it, on another thread).
    assert!(!text(&out).contains("panicked"), "{}", text(&out));
    let page = |path: &str| fs::read_to_string(Path::new(&site).join(path)).expect(path);
    let root = page("index.html");
    let unit = page("ru/region/KZ-75/index.html");
    for (html, lang, base, canonical) in [
        (&root, "kk", "./", "https://example.org/atlas/"),
        (
            &unit,
            "ru",
            "../../../",
            "https://example.org/atlas/ru/region/KZ-75/",
        ),
    ] {
        assert!(html.starts_with(&format!("<!doctype html><html lang=\"{lang}\">")));
        assert!(html.contains(&format!("<base href=\"{base}\">")), "{base}");
        assert!(html.contains(&format!("<link rel=\"canonical\" href=\"{canonical}\">")));
        assert!(html.contains(&format!(
            "<meta property=\"og:url\" content=\"{canonical}\">"
        )));
        assert!(html.contains("Content-Security-Policy"));
        for lang in ["kk", "ru", "en", "x-default"] {
            assert!(html.contains(&format!("hreflang=\"{lang}\"")), "{lang}");
        }
        // No inline script: every script has a source, or is empty (leptos_i18n's placeholder, which a
        // browser neither runs nor checks against the policy).
        let inline = html.matches("<script>").count();
        assert_eq!(
            inline,
            html.matches("<script></script>").count(),
            "inline script"
        );
        assert_eq!(
            html.matches("<script").count() - inline,
            2,
            "route-….js and boot-….js"
        );
        // The build's own files, relative to the page's `<base href>`, and no other.
        for tag in [
            "<link rel=\"stylesheet\" href=\"main-0a1b2c3d4e5f6a7b.css\">",
            "<script type=\"module\" src=\"boot-2222222222222222.js\"></script>",
            "<link rel=\"modulepreload\" href=\"adal-atlas-1111111111111111.js\">",
            "<link rel=\"preload\" href=\"adal-atlas-1111111111111111_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>",
            "<meta name=\"adal:wasm\" content=\"adal-atlas-1111111111111111_bg.wasm\">",
            "<meta name=\"adal:worker\" content=\"chart-worker-3333333333333333_loader.js\">",
            "<meta name=\"adal:echarts\" content=\"vendor/echarts-4444444444444444.min.js\">",
        ] {
            assert!(html.contains(tag), "{tag}");
        }
        assert!(
            !html.contains("href=\"/"),
            "no address from the root of the host"
        );
        // The notice js/boot.js shows when the build's files are gone, in the page's language.
        assert!(html.contains("<div id=\"adal-stale\""), "the stale notice");
        assert!(html.contains("data-pin=\"demo@"));
    }
    // The content is there without JavaScript: the map, figures with intervals, where to report.
    assert!(
        root.matches("data-region=\"KZ-").count() >= 20,
        "the map's units"
    );
    assert!(root.contains("1424"));
    // The citizens' guide beside the reporting panel names the law (issue 12, point 2).
    assert!(root.contains("№ 410-V") && unit.contains("«О противодействии коррупции»"));
    assert!(root.contains("95 %"));
    assert!(root.contains("href=\"ru/\"") && root.contains("href=\"en/\""));
    assert!(
        root.contains("href=\"region/KZ-75/\""),
        "a unit's page is linked"
    );
    assert!(unit.contains("<title>"));
    assert!(unit.contains("og:image\" content=\"https://example.org/atlas/r/KZ-75/card-ru.png"));
    // The pages that are not a unit's show the country's card.
    assert!(root.contains("og:image\" content=\"https://example.org/atlas/r/card-kk.png"));
    let routes = || -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(Path::new(&site).join("assets"))
            .expect("site/assets")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.starts_with("route"))
            .collect();
        names.sort();
        names
    };
    let first_routes = routes();
    assert_eq!(first_routes.len(), 1, "{first_routes:?}");
    assert!(
        first_routes[0].starts_with("route-")
            && first_routes[0].len() == "route-0123456789abcdef.js".len()
    );
    assert!(root.contains(&format!(
        "<script src=\"assets/{}\"></script>",
        first_routes[0]
    )));
    // Each page's charts are drawn into it as static SVG by `adal` itself, in their marked elements.
    let drawings = |html: &str| {
        html.matches(" class=\"chart-static\" aria-hidden=\"true\"")
            .count()
    };
    assert_eq!(drawings(&root), 1, "the overview's ranking");
    assert!(drawings(&unit) >= 2, "a unit's charts");
    assert_eq!(
        drawings(&page("embed/map/index.html")),
        0,
        "the map embed has no chart"
    );
    for (n, chart) in root.split(" data-static-chart=\"").skip(1).enumerate() {
        assert!(chart.starts_with(&format!("{n}\"")), "in order");
        let inside = &chart[chart.find('>').expect("open") + 1..];
        assert!(
            inside.starts_with("<svg "),
            "{}",
            &inside[..80.min(inside.len())]
        );
        let svg = &inside[..inside.find("</svg>").expect("closed") + 6];
        // Twenty units, each named; no markup from the data.
        assert!(svg.matches("<circle").count() >= 20, "{svg}");
        assert!(!svg.contains("<script"));
    }
    assert!(text(&out).contains("static charts)"), "{}", text(&out));
    // No sentence ends twice, as «ноябрь 2026 г..» once did: a double full stop that is not part of a path.
    for file in [
        "index.html",
        "ru/region/KZ-75/index.html",
        "en/method/index.html",
        "compare/index.html",
    ] {
        assert_eq!(double_full_stop(&page(file)), None, "{file}");
    }
    // Atom feeds of the published versions: the country's beside each overview, each unit's beside its
    // page, linked from the pages (issue 12, point 5).
    assert!(
        text(&out).contains(", 63 feeds of 1 version(s)"),
        "{}",
        text(&out)
    );
    assert!(root.contains(
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Adal Atlas: Қазақстан\" href=\"feed.xml\">"
    ));
    assert!(unit.contains("type=\"application/atom+xml\" title=\"Adal Atlas: город Алматы\" href=\"ru/region/KZ-75/feed.xml\">"));
    let feed = page("ru/region/KZ-75/feed.xml");
    assert!(feed.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ru\">"));
    assert_eq!(feed.matches("<entry>").count(), 1);
    assert!(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/atlas/ru/region/KZ-75/feed.xml\"/>"));
    assert!(feed.contains("<updated>2026-11-27T00:00:00Z</updated>"));
    assert!(
        feed.contains("Визиты с просьбой о неформальной оплате: "),
        "{feed}"
    );
    // The reports' outcomes are published: the share that led to an investigation is a line of its own.
    assert!(
        feed.contains("\nСообщения, по которым начато расследование: "),
        "{feed}"
    );
    // A version kept for pinned links is an entry of its own, and the newer one says what changed.
    let data = Path::new(&site).join("data");
    let kept = data.join("v2026-10");
    fs::create_dir_all(&kept).expect("kept");
    for file in [
        "manifest.json",
        "audits.json",
        "audits-detail.json",
        "complaints.json",
        "complaints-detail.json",
        "outcomes.json",
    ] {
        fs::copy(data.join(file), kept.join(file)).expect(file);
    }
    let mut manifest = read_json(&kept.join("manifest.json").display().to_string());
    manifest["dataset"]["version"] = "2026-10".into();
    manifest["generated_at"] = "2026-10-30".into();
    fs::write(kept.join("manifest.json"), manifest.to_string()).expect("manifest");
    let mut index = read_json(&data.join("datasets.json").display().to_string());
    index["datasets"][0]["versions"] =
        serde_json::json!([{ "version": "2026-10", "path": "v2026-10/" }]);
    fs::write(data.join("datasets.json"), index.to_string()).expect("index");
    let out = adal(&["pages", "--site", &site]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains(", 63 feeds of 2 version(s)"),
        "{}",
        text(&out)
    );
    let feed = page("en/feed.xml");
    assert_eq!(feed.matches("<entry>").count(), 2);
    let newest = feed.find("Version 2026-11").expect("the newest entry");
    let older = feed
        .find("Version 2026-10")
        .expect("the kept version's entry");
    assert!(newest < older, "the newest first");
    assert!(feed.contains("Against version 2026-10."), "{feed}");
    assert!(
        feed.contains("Informal payment requested: ") && feed.contains(" → "),
        "{feed}"
    );
    let line = feed
        .lines()
        .find(|l| l.starts_with("Reports that led to an investigation: "))
        .expect("the outcomes' line");
    assert!(line.contains(" → ") && line.contains('%'), "{line}");
    let line = feed
        .lines()
        .find(|l| l.starts_with("Recommendations implemented: "))
        .expect("the recommendations' line");
    assert!(line.contains(" → ") && line.contains('%'), "{line}");
    assert!(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"feed.xml\"/>"));
    // Run again over its own pages, `adal pages` still names the build's files, and one route script.
    assert!(
        page("ru/index.html")
            .contains("<meta name=\"adal:app\" content=\"adal-atlas-1111111111111111.js\">")
    );
    assert_eq!(routes().len(), 1, "{:?}", routes());
}

/// Trunk's template (index.html, what `trunk serve` serves for every address) carries the same
/// Content-Security-Policy as the pages `adal pages` writes, and no inline script.
#[test]
fn the_trunk_template_keeps_the_pages_policy() {
    let template = fs::read_to_string(repo_root().join("index.html")).expect("index.html");
    let policy = adal_publish::previews::CONTENT_SECURITY_POLICY;
    assert!(
        template.contains(&format!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">"
        )),
        "index.html's policy differs from adal_publish::previews::CONTENT_SECURITY_POLICY"
    );
    for script in template.split("<script").skip(1) {
        let tag = &script[..script.find('>').expect("a tag")];
        assert!(
            tag.contains("src="),
            "an inline script in index.html: <script{tag}>"
        );
    }
}
