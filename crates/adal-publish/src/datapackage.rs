//! The journalists' copy of a bundle: a Frictionless Data Package (v2) — `datapackage.json` with a Table
//! Schema for each of its CSV files: the published visits, the complaint totals, the category cells and,
//! where the bundle has them, the complaints by outcome and the recommendations given after the audits by
//! state,
//! as the bundle publishes them (already anonymised: nothing here is finer than the JSON files), with the
//! licence, the sources, the version and the anonymisation rules in its description. Made from the
//! bundle's own bytes, so it can be written beside any bundle a site lists, old versions included.

use serde_json::{Value, json};

/// The package's file names.
pub const PACKAGE: &str = adal_core::contract::files::DATA_PACKAGE;
pub const VISITS: &str = "visits.csv";
/// The contract-3 bundle's cells of visits, in place of [`VISITS`].
pub const AUDIT_CELLS: &str = "audit-cells.csv";
pub const TOTALS: &str = "complaint-totals.csv";
pub const CELLS: &str = "complaint-cells.csv";
/// The complaints by the stage their handling ended at (`outcomes.json`), where the bundle has them.
pub const OUTCOMES: &str = "complaint-outcomes.csv";
/// The recommendations given after the audits (`outcomes.json`'s `findings`): each unit's totals, and
/// their cells by state, where the bundle has them.
pub const FINDING_TOTALS: &str = "recommendation-totals.csv";
/// See [`FINDING_TOTALS`].
pub const FINDING_CELLS: &str = "recommendation-states.csv";

const PROFILE: &str = "https://datapackage.org/profiles/2.0/datapackage.json";
const RESOURCE: &str = "https://datapackage.org/profiles/2.0/dataresource.json";
const TABLE: &str = "https://datapackage.org/profiles/2.0/tableschema.json";

/// A period as the bundle writes it: a month, a quarter or a year.
const PERIOD: &str = "^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$";

fn field(name: &str, kind: &str, description: &str) -> Value {
    json!({ "name": name, "type": kind, "description": description })
}

fn region() -> Value {
    let mut f = field("region", "string", "The unit: its ISO 3166-2:KZ code.");
    f["constraints"] = json!({ "required": true, "pattern": "^KZ-[0-9]{2}$" });
    f
}

fn period(name: &str, description: &str) -> Value {
    let mut f = field(name, "string", description);
    f["constraints"] = json!({ "required": true, "pattern": PERIOD });
    f
}

fn ids(manifest: &Value, list: &str) -> Value {
    Value::Array(
        manifest[list]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|t| t["id"].as_str().map(|s| json!(s)))
            .collect(),
    )
}

fn listed(name: &str, manifest: &Value, list: &str, description: &str) -> Value {
    let mut f = field(name, "string", description);
    f["constraints"] = json!({ "enum": ids(manifest, list) });
    f
}

fn score(name: &str) -> Value {
    let mut f = field(
        name,
        "integer",
        "A score from 1 (worst) to 5 (best); empty where not assessed.",
    );
    f["constraints"] = json!({ "minimum": 1, "maximum": 5 });
    f
}

fn yes_no(name: &str, description: &str) -> Value {
    let mut f = field(name, "boolean", description);
    f["trueValues"] = json!(["true"]);
    f["falseValues"] = json!(["false"]);
    f
}

fn count(description: &str, required: bool) -> Value {
    let mut f = field("count", "integer", description);
    f["constraints"] = json!({ "required": required, "minimum": 0 });
    f
}

/// One cell of a column as CSV text: empty for `null`.
fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}

/// A cell's wait histogram (in the bundle one string of gaps in minutes and visits, `"gap visits …"`)
/// as `minutes:visits` pairs separated by spaces.
fn wait_pairs(v: &Value) -> String {
    let numbers: Vec<&str> = v.as_str().unwrap_or_default().split_whitespace().collect();
    let mut minutes = 0u64;
    numbers
        .chunks(2)
        .map(|pair| {
            minutes = minutes.saturating_add(pair[0].parse().unwrap_or(0));
            format!("{minutes}:{}", pair.get(1).copied().unwrap_or_default())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The CSV of `columns` (a bundle file's `columns` object), the named ones in order.
fn csv(columns: &Value, names: &[&str]) -> Result<Vec<u8>, String> {
    let lists: Vec<&Vec<Value>> = names
        .iter()
        .map(|n| {
            columns[*n]
                .as_array()
                .ok_or_else(|| format!("the bundle has no column {n}"))
        })
        .collect::<Result<_, _>>()?;
    let rows = lists.first().map_or(0, |l| l.len());
    if lists.iter().any(|l| l.len() != rows) {
        return Err("the bundle's columns differ in length".to_owned());
    }
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(names).map_err(|e| e.to_string())?;
    for i in 0..rows {
        let record = names.iter().zip(&lists).map(|(name, l)| match *name {
            "waits" => wait_pairs(&l[i]),
            _ => cell(&l[i]),
        });
        w.write_record(record).map_err(|e| e.to_string())?;
    }
    w.into_inner().map_err(|e| e.to_string())
}

/// The columns of the published visits, in the order of `visits.csv`.
const VISIT_COLUMNS: [&str; 13] = [
    "region",
    "month",
    "service",
    "channel",
    "score_waiting",
    "score_courtesy",
    "score_information",
    "score_accessibility",
    "score_outcome",
    "wait_minutes",
    "informal_payment_requested",
    "intermediary_offered",
    "service_completed",
];

/// The columns of the published cells, in the order of `audit-cells.csv`.
const CELL_COLUMNS: [&str; 15] = [
    "region",
    "month",
    "service",
    "channel",
    "visits",
    "index_n",
    "index_sum",
    "index_sum_sq",
    "informal_payment_yes",
    "informal_payment_answered",
    "intermediary_yes",
    "intermediary_answered",
    "completed_yes",
    "completed_answered",
    "waits",
];

fn whole(name: &str, description: &str) -> Value {
    let mut f = field(name, "integer", description);
    f["constraints"] = json!({ "required": true, "minimum": 0 });
    f
}

/// The resource of a contract-3 bundle's cells of visits.
fn cells_resource(m: &Value, k: u64) -> Value {
    let mut waits = field(
        "waits",
        "string",
        "The recorded waits as `minutes:visits` pairs, separated by spaces, in ascending minutes.",
    );
    waits["constraints"] = json!({ "pattern": "^([0-9]+:[0-9]+( [0-9]+:[0-9]+)*)?$" });
    resource(
        "audit-cells",
        AUDIT_CELLS,
        "Published mystery-shopper visits, as cells",
        &format!(
            "One row per published cell: the visits of a unit, time, service and channel, at least k = {k} of them, with what every figure needs. \
The quality index of a visit is (its mean score − 1) × 25; index_sum and index_sum_sq hold the sum of the cell's indexes and of their squares in units of 5/12 point and of (5/12)² so that they are whole numbers."
        ),
        vec![
            region(),
            period(
                "month",
                "The month (YYYY-MM), or the quarter (YYYY-Qn) or year (YYYY) it was generalised to.",
            ),
            listed(
                "service",
                m,
                "services",
                "The service (id of the manifest's list); empty where withheld.",
            ),
            listed(
                "channel",
                m,
                "audit_channels",
                "How the service was sought (id); empty where withheld.",
            ),
            whole("visits", "Visits in the cell."),
            whole("index_n", "Visits with at least one score."),
            whole(
                "index_sum",
                "The sum of their quality indexes, in units of 5/12 of a point.",
            ),
            whole(
                "index_sum_sq",
                "The sum of the squares of their quality indexes, in units of (5/12)².",
            ),
            whole(
                "informal_payment_yes",
                "Visits in which an informal payment was asked for.",
            ),
            whole(
                "informal_payment_answered",
                "Visits where that question was recorded.",
            ),
            whole(
                "intermediary_yes",
                "Visits in which an intermediary was offered.",
            ),
            whole(
                "intermediary_answered",
                "Visits where that question was recorded.",
            ),
            whole(
                "completed_yes",
                "Visits in which the service was delivered.",
            ),
            whole(
                "completed_answered",
                "Visits where that question was recorded.",
            ),
            waits,
        ],
    )
}

fn resource(name: &str, path: &str, title: &str, description: &str, fields: Vec<Value>) -> Value {
    json!({
        "$schema": RESOURCE,
        "name": name,
        "path": path,
        "title": title,
        "description": description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": { "header": true, "delimiter": "," },
        "schema": { "$schema": TABLE, "fields": fields, "missingValues": [""] },
    })
}

/// The package of the bundle whose files are `manifest`, `audits`, `complaints`, (contract 3)
/// `complaint_cells` (`complaints-detail.json`) and, where published, `outcomes` (`outcomes.json`): its
/// file names and bytes, `datapackage.json` first.
pub fn package(
    manifest: &[u8],
    audits: &[u8],
    complaints: &[u8],
    complaint_cells: Option<&[u8]>,
    outcomes: Option<&[u8]>,
) -> Result<Vec<(&'static str, Vec<u8>)>, String> {
    let parse = |bytes: &[u8], what: &str| -> Result<Value, String> {
        serde_json::from_slice(bytes).map_err(|e| format!("{what}: {e}"))
    };
    let m = parse(manifest, "manifest.json")?;
    let a = parse(audits, "audits.json")?;
    let c = parse(complaints, "complaints.json")?;
    // Contract 3 publishes cells of visits; a kept contract-2 bundle, every visit.
    let as_cells = a["schema_version"].as_u64().is_some_and(|v| v >= 3);
    let (audit_file, audit_csv) = if as_cells {
        (AUDIT_CELLS, csv(&a["columns"], &CELL_COLUMNS)?)
    } else {
        (VISITS, csv(&a["columns"], &VISIT_COLUMNS)?)
    };
    let totals = csv(&c["totals"]["columns"], &["region", "period", "count"])?;
    let cells_file = match complaint_cells {
        Some(bytes) => parse(bytes, "complaints-detail.json")?,
        None => c.clone(),
    };
    let cells = csv(
        &cells_file["columns"],
        &["region", "period", "category", "count"],
    )?;
    let outcomes = outcomes
        .map(|bytes| parse(bytes, "outcomes.json"))
        .transpose()?;
    // The cells by stage where the manifest lists the stages (a bundle of findings alone has none).
    let outcome_cells = match &outcomes {
        Some(o)
            if ids(&m, "outcome_stages")
                .as_array()
                .is_some_and(|a| !a.is_empty()) =>
        {
            Some(csv(&o["columns"], &["region", "period", "stage", "count"])?)
        }
        _ => None,
    };
    let findings = match outcomes.as_ref().map(|o| &o["findings"]) {
        Some(f) if f.is_object() => Some((
            csv(&f["totals"]["columns"], &["region", "period", "count"])?,
            csv(&f["columns"], &["region", "period", "state", "count"])?,
        )),
        _ => None,
    };
    let k = m["k_anonymity"]["k"].as_u64().unwrap_or(5);
    let en = |v: &Value| v["en"].as_str().unwrap_or_default().to_owned();
    let ladder: Vec<String> = m["k_anonymity"]["generalisation"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s.as_str().map(str::to_owned))
        .collect();
    let description = format!(
        "{}\n\n{}\n\nAnonymisation: personal columns and unknown columns of the raw files are never read \
past their header; dates become months. Every published combination of region, month, service and channel \
in {audit_file} describes at least k = {k} visits: thin groups are generalised step by step ({}), a null \
service or channel and a quarter (YYYY-Qn) or year (YYYY) in `month` meaning that detail was withheld; a visit \
still alone is not published. Complaints are published as each unit's totals by month, quarter or year \
(complaint-totals.csv; a year of 1 to k − 1 complaints is withheld, no two totals overlap) and by category \
within them (complaint-cells.csv, a withheld cell with an empty count), with complementary suppression: the withheld cells of a total number \
none or at least two and cannot be worked out by subtraction. These files hold exactly what the bundle's \
JSON files hold, nothing finer.{}",
        en(&m["description"]),
        en(&m["methodology"]),
        ladder.join(" → "),
        if m["is_demo"].as_bool() == Some(true) {
            "\n\nDEMONSTRATION DATA: synthetic, not real figures."
        } else {
            ""
        }
    );
    let name: String = m["dataset"]["id"]
        .as_str()
        .unwrap_or("adal-dataset")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let mut sources = vec![
        json!({ "title": format!("{}: mystery-shopper visits and corruption complaints", en(&m["publisher"]["name"])) }),
    ];
    let mut seen: Vec<String> = Vec::new();
    for r in m["regions"].as_array().into_iter().flatten() {
        if let Some(s) = r["population"]["source"].as_str()
            && !seen.iter().any(|x| x == s)
        {
            seen.push(s.to_owned());
            sources.push(json!({ "title": format!("Population: {s}") }));
        }
    }
    let mut licence = json!({ "name": m["licence"]["id"], "title": m["licence"]["name"] });
    if let Some(url) = m["licence"]["url"].as_str() {
        licence["path"] = json!(url);
    }
    let mut publisher = json!({ "title": en(&m["publisher"]["name"]), "roles": ["publisher"] });
    if let Some(url) = m["publisher"]["url"].as_str() {
        publisher["path"] = json!(url);
    }
    let created = format!(
        "{}T00:00:00Z",
        m["generated_at"].as_str().unwrap_or("1970-01-01")
    );
    let mut package = json!({
        "$schema": PROFILE,
        "name": name,
        "title": en(&m["title"]),
        "description": description,
        "version": m["dataset"]["version"],
        "created": created,
        "licenses": [licence],
        "contributors": [publisher],
        "sources": sources,
        "keywords": ["Kazakhstan", "public services", "mystery shopping", "corruption complaints"],
        "resources": [
            if as_cells { cells_resource(&m, k) } else { resource("visits", VISITS, "Published mystery-shopper visits",
                &format!("One row per published visit, each in a group of at least k = {k}."),
                vec![
                    region(),
                    period("month", "The month (YYYY-MM), or the quarter (YYYY-Qn) or year (YYYY) it was generalised to."),
                    listed("service", &m, "services", "The service (id of the manifest's list); empty where withheld."),
                    listed("channel", &m, "audit_channels", "How the service was sought (id); empty where withheld."),
                    score("score_waiting"), score("score_courtesy"), score("score_information"),
                    score("score_accessibility"), score("score_outcome"),
                    {
                        let mut f = field("wait_minutes", "integer", "Minutes waited; empty where not recorded.");
                        f["constraints"] = json!({ "minimum": 0 });
                        f
                    },
                    yes_no("informal_payment_requested", "Whether an informal payment was asked for."),
                    yes_no("intermediary_offered", "Whether an intermediary was offered."),
                    yes_no("service_completed", "Whether the service was delivered."),
                ]) },
            resource("complaint-totals", TOTALS, "Corruption complaints: totals per unit",
                "Complaints received per unit, by month, or by quarter or year where months were thin.",
                vec![region(), period("period", "A month (YYYY-MM), quarter (YYYY-Qn) or year (YYYY)."),
                     count("Complaints received in the period.", true)]),
            resource("complaint-cells", CELLS, "Corruption complaints by category",
                "Complaints per unit, period and category, within the totals; a withheld cell (fewer than k, or withheld so that no other can be worked out) has an empty count.",
                vec![region(), period("period", "A month (YYYY-MM), quarter (YYYY-Qn) or year (YYYY)."),
                     listed("category", &m, "complaint_categories", "The category (id of the manifest's list)."),
                     count("Complaints of the category in the period; empty where withheld.", false)]),
        ],
    });
    if outcome_cells.is_some()
        && let Some(resources) = package["resources"].as_array_mut()
    {
        resources.push(resource("complaint-outcomes", OUTCOMES, "Corruption complaints by outcome",
            "Complaints per unit, period (the one they were received in) and the stage their handling ended at \
(not_recorded: the publisher's file records none), within the totals and under the same rules as the \
categories; a withheld cell has an empty count. The outcome of a category's complaints is not published.",
            vec![region(), period("period", "A month (YYYY-MM), quarter (YYYY-Qn) or year (YYYY)."),
                 listed("stage", &m, "outcome_stages", "The stage (id of the manifest's list)."),
                 count("Complaints of the stage in the period; empty where withheld.", false)]));
    }
    if findings.is_some()
        && let Some(resources) = package["resources"].as_array_mut()
    {
        resources.push(resource("recommendation-totals", FINDING_TOTALS,
            "Recommendations given after the audits: totals per unit",
            "Recommendations given to the service providers per unit, by the month they were given, or by \
quarter or year where months were thin, under the complaint totals' rules (a year of 1 to k − 1 is withheld, \
its count empty; no two totals overlap).",
            vec![region(), period("period", "A month (YYYY-MM), quarter (YYYY-Qn) or year (YYYY)."),
                 count("Recommendations given in the period; empty where withheld.", false)]));
        resources.push(resource("recommendation-states", FINDING_CELLS,
            "Recommendations given after the audits, by state",
            "Recommendations per unit, period (the one they were given in) and how far they were put into \
practice, within the totals and under the same rules as the complaints' categories; a withheld cell has an \
empty count. Which office or recommendation is never published.",
            vec![region(), period("period", "A month (YYYY-MM), quarter (YYYY-Qn) or year (YYYY)."),
                 listed("state", &m, "finding_states", "The state (id of the manifest's list)."),
                 count("Recommendations of the state in the period; empty where withheld.", false)]));
    }
    let mut text = serde_json::to_vec_pretty(&package).map_err(|e| e.to_string())?;
    text.push(b'\n');
    let mut files = vec![
        (PACKAGE, text),
        (audit_file, audit_csv),
        (TOTALS, totals),
        (CELLS, cells),
    ];
    files.extend(outcome_cells.map(|c| (OUTCOMES, c)));
    if let Some((totals, states)) = findings {
        files.extend([(FINDING_TOTALS, totals), (FINDING_CELLS, states)]);
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle(name: &str) -> Vec<u8> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data/thin");
        std::fs::read(dir.join(name)).expect("the committed thin bundle")
    }

    #[test]
    fn the_package_holds_what_the_bundle_holds() {
        let files = package(
            &bundle("manifest.json"),
            &bundle("audits.json"),
            &bundle("complaints.json"),
            Some(&bundle("complaints-detail.json")),
            Some(&bundle("outcomes.json")),
        )
        .expect("a package");
        let names: Vec<&str> = files.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            names,
            [
                PACKAGE,
                AUDIT_CELLS,
                TOTALS,
                CELLS,
                OUTCOMES,
                FINDING_TOTALS,
                FINDING_CELLS
            ]
        );
        let outcomes: Value = serde_json::from_slice(&bundle("outcomes.json")).expect("json");
        // The recommendations: their totals and their cells by state, a line each.
        let f = &outcomes["findings"];
        for (i, rows, header) in [
            (5, &f["totals"]["rows"], "region,period,count\n"),
            (6, &f["rows"], "region,period,state,count\n"),
        ] {
            let text = String::from_utf8(files[i].1.clone()).expect("utf-8");
            assert_eq!(
                text.lines().count() as u64,
                rows.as_u64().expect("rows") + 1
            );
            assert!(text.starts_with(header), "{text}");
        }
        let stages = String::from_utf8(files[4].1.clone()).expect("utf-8");
        assert_eq!(
            stages.lines().count() as u64,
            outcomes["rows"].as_u64().expect("rows") + 1
        );
        assert!(
            stages.starts_with("region,period,stage,count\n"),
            "{stages}"
        );
        let audits: Value = serde_json::from_slice(&bundle("audits.json")).expect("json");
        let cells = String::from_utf8(files[1].1.clone()).expect("utf-8");
        assert_eq!(
            cells.lines().count() as u64,
            audits["rows"].as_u64().expect("rows") + 1
        );
        assert!(cells.starts_with("region,month,service,channel,visits,index_n,"));
        // A wait histogram as pairs of minutes and visits: the first cell's, read from its gaps.
        let first = audits["columns"]["waits"][0]
            .as_str()
            .expect("a string of gaps");
        let gaps: Vec<u64> = first
            .split(' ')
            .map(|n| n.parse().expect("a gap"))
            .collect();
        let mut minutes = 0;
        let want: Vec<String> = gaps
            .chunks(2)
            .map(|pair| {
                minutes += pair[0];
                format!("{minutes}:{}", pair[1])
            })
            .collect();
        let row = cells.lines().nth(1).expect("a first cell");
        assert!(row.ends_with(&format!(",{}", want.join(" "))), "{row}");
        let p: Value = serde_json::from_slice(&files[0].1).expect("json");
        assert_eq!(p["$schema"], PROFILE);
        assert_eq!(p["resources"].as_array().map(Vec::len), Some(6));
        assert!(
            p["description"]
                .as_str()
                .is_some_and(|d| d.contains("k = 5") && d.contains("DEMONSTRATION"))
        );
    }

    #[test]
    fn a_kept_contract_2_bundle_still_gives_its_visits() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/contract-2/thin");
        let read = |n: &str| std::fs::read(dir.join(n)).expect("the contract-2 fixture");
        let files = package(
            &read("manifest.json"),
            &read("audits.json"),
            &read("complaints.json"),
            None,
            None,
        )
        .expect("a package");
        assert_eq!(files[1].0, VISITS);
        let visits = String::from_utf8(files[1].1.clone()).expect("utf-8");
        assert!(visits.starts_with("region,month,service,channel,score_waiting"));
    }

    #[test]
    fn a_broken_bundle_gives_a_reason_not_a_package() {
        assert!(package(b"{", b"{}", b"{}", None, None).is_err());
        let bad = br#"{"columns":{"region":["KZ-10"]}}"#;
        let complaints = bundle("complaints.json");
        assert!(package(&bundle("manifest.json"), bad, &complaints, None, None).is_err());
        let cells = Some(&bad[..]);
        let audits = bundle("audits.json");
        assert!(package(&bundle("manifest.json"), &audits, &complaints, cells, None).is_err());
        // Outcomes whose columns differ in length.
        let m = bundle("manifest.json");
        assert!(package(&m, &audits, &complaints, None, cells).is_err());
    }
}
