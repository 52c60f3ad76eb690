//! Property tests of the anonymisation guarantees, through the public API as the CLI uses it:
//! raw CSV → validated records → anonymised records → published JSON → validation.

use std::collections::HashMap;

use adal_core::aggregate::{Filter, MetricId, accumulate, accumulate_visits};
use adal_core::contract::{AuditCellsFile, ComplaintsFile, files};
use adal_core::dataset::Dataset;
use adal_core::period::{Month, Period};
use adal_core::regions;
use adal_core::validate::{check_audit_cells, check_complaints};
use adal_publish::anonymise::{
    Cell, NOT_RECORDED, Total, anonymise_visits, suppress_complaints, suppress_findings,
};
use adal_publish::bundle::{self, HashingWriter, OutcomeKeys};
use adal_publish::config::Settings;
use adal_publish::publication_report::FileReport;
use adal_publish::raw::{Complaint, Finding, Visit, read_audits, read_complaints};
use proptest::prelude::*;

fn month(offset: u32) -> Month {
    Month::from_index(Month::new(2023, 1).expect("month").index() + offset).expect("month")
}

fn visit_strategy(regions: u8, months: u32) -> impl Strategy<Value = Visit> {
    (
        0..regions,
        0..months,
        0u16..10,
        0u8..3,
        proptest::array::uniform5(proptest::option::of(1u8..=5)),
    )
        .prop_map(|(region, m, service, channel, scores)| Visit {
            region,
            month: month(m),
            service,
            channel,
            scores,
            wait_minutes: Some(u32::from(region) * 3),
            informal_payment: Some(service % 2 == 0),
            intermediary: None,
            completed: Some(true),
        })
}

/// A bundle written into memory.
struct Bundle {
    /// `audits-detail.json`: the cells by service and channel.
    detail: Vec<u8>,
    /// `complaints.json` and `complaints-detail.json` read back as one file, as the validator reads them.
    complaints: Vec<u8>,
    manifest: adal_core::contract::Manifest,
    /// `audits.json`: the unit totals.
    totals: Vec<u8>,
    /// The bytes of `complaints.json` and of `complaints-detail.json`.
    complaint_files: [Vec<u8>; 2],
}

/// Writes the bundle into memory, as the CLI does on disk.
fn publish(visits: &[Visit], complaints: &[Complaint], k: u32) -> Bundle {
    let settings = Settings {
        k,
        ..Settings::default()
    };
    let period = bundle::period_of(visits, complaints).unwrap_or(Period {
        from: month(0),
        to: month(0),
    });
    let published = anonymise_visits(visits, k);
    let counts = suppress_complaints(complaints, k, regions::all().len(), period);
    // The unit totals and the cells by service and channel; the tests read the cells (`audits`), and the
    // validator checks the totals against them here.
    let (totals, detail) = bundle::audit_files(&published.published, &settings);
    let mut t = HashingWriter::new(Vec::new());
    bundle::write_cells(&mut t, &totals).expect("totals");
    let (totals_json, totals_entry) = t.finish(files::AUDITS);
    let mut a = HashingWriter::new(Vec::new());
    bundle::write_cells(&mut a, &detail).expect("audits");
    let (audits, audits_entry) = a.finish(files::AUDIT_DETAIL);
    let (complaint_totals, complaint_cells) = bundle::complaint_files(&counts, &settings);
    let mut c = HashingWriter::new(Vec::new());
    bundle::write_json(&mut c, &complaint_totals).expect("complaints");
    let (complaint_totals_json, complaints_entry) = c.finish(files::COMPLAINTS);
    let mut cc = HashingWriter::new(Vec::new());
    bundle::write_json(&mut cc, &complaint_cells).expect("complaint cells");
    let (complaint_cells_json, cells_entry) = cc.finish(files::COMPLAINT_DETAIL);
    // What the tests check: the two files read back as one, as the validator reads them.
    let complaints_json =
        serde_json::to_vec(&complaint_totals.with_cells(complaint_cells)).expect("complaints");
    let manifest = bundle::manifest(
        &settings,
        period,
        "2026-11-27",
        vec![totals_entry, audits_entry, complaints_entry, cells_entry],
        OutcomeKeys::default(),
    );
    let problems = adal_core::validate::check_audit_totals(&manifest, &totals, &detail);
    assert!(
        problems.is_empty(),
        "the totals are the cells': {problems:?}"
    );
    Bundle {
        detail: audits,
        complaints: complaints_json,
        manifest,
        totals: totals_json,
        complaint_files: [complaint_totals_json, complaint_cells_json],
    }
}

/// One breakdown of the complaint totals (by category, or by the stage of the outcome): each cell counts
/// the complaints of its unit, period and key; a published cell holds at least k; a group of cells
/// breaks down one published total, or a whole quarter or year whose totals are all published, and adds
/// up to its complaints; no two groups of a unit overlap in time; its suppressed cells are none, or at least two whose sum leaves each room to reach k, so
/// that no cell is worked out or bounded below k from the published total and cells.
fn check_breakdown(
    cells: &[Cell],
    totals: &[Total],
    complaints: &[Complaint],
    key: impl Fn(&Complaint) -> u16,
    k: u32,
) -> Result<(), TestCaseError> {
    let mut groups: HashMap<_, (u32, u32, u32)> = HashMap::new();
    for c in cells {
        let (first, last) = c.period.months();
        let actual = complaints
            .iter()
            .filter(|x| {
                x.region == c.region && x.month >= first && x.month <= last && key(x) == c.category
            })
            .count() as u32;
        prop_assert_eq!(c.count, actual);
        let g = groups.entry((c.region, c.period)).or_default();
        if c.suppressed {
            g.0 += 1;
            g.1 += c.count;
        } else {
            prop_assert!(c.count >= k);
        }
        g.2 += c.count;
    }
    let mut spans: Vec<_> = groups
        .keys()
        .map(|(region, label)| (*region, label.months()))
        .collect();
    spans.sort();
    for pair in spans.windows(2) {
        prop_assert!(
            pair[0].0 != pair[1].0 || pair[1].1.0 > pair[0].1.1,
            "cells of one unit overlap: {:?}",
            pair
        );
    }
    for ((region, label), (n, sum, all)) in groups {
        let (first, last) = label.months();
        let under: Vec<_> = totals
            .iter()
            .filter(|t| {
                t.region == region && t.period.months().0 >= first && t.period.months().1 <= last
            })
            .collect();
        prop_assert!(!under.is_empty());
        prop_assert!(under.iter().all(|t| !t.suppressed));
        let coarse = !matches!(label, adal_core::period::PeriodLabel::Month(_));
        prop_assert!(under.len() == 1 || coarse);
        prop_assert_eq!(all, under.iter().map(|t| t.count).sum::<u32>());
        prop_assert!(
            n == 0 || (n >= 2 && sum - (n - 1) >= k),
            "cells of {} {}: {} suppressed, sum {}",
            region,
            label,
            n,
            sum
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// No combination of published quasi-identifiers describes fewer than k visits, and every visit is
    /// either published or counted as suppressed.
    #[test]
    fn published_visits_are_k_anonymous(
        visits in proptest::collection::vec(visit_strategy(4, 14), 0..400),
        k in 2u32..8,
    ) {
        let out = anonymise_visits(&visits, k);
        prop_assert_eq!(out.published.len() as u64 + out.suppressed, visits.len() as u64);
        prop_assert_eq!(out.per_level.iter().sum::<u64>(), out.published.len() as u64);
        let mut groups: HashMap<_, u32> = HashMap::new();
        for p in &out.published {
            *groups.entry((p.region, p.period, p.service, p.channel)).or_default() += 1;
        }
        for (group, n) in groups {
            prop_assert!(n >= k, "group {:?} has {} < {}", group, n, k);
        }
        // Generalisation never invents: every published row's period contains a month of some visit of its region.
        for p in &out.published {
            let (first, last) = p.period.months();
            prop_assert!(visits.iter().any(|v| v.region == p.region && v.month >= first && v.month <= last));
        }
    }

    /// The published cells, opened as the app opens them, give every visit figure of every unit and the
    /// country exactly as the published visits one by one do, with and without a service filter.
    #[test]
    fn the_published_cells_give_the_visits_figures(
        visits in proptest::collection::vec(visit_strategy(6, 14), 1..400),
        k in 2u32..6,
        from in 0u32..14,
        length in 1u32..14,
        service in proptest::option::of(0u16..10),
    ) {
        let complaints = [Complaint { region: 0, month: month(0), category: 0, channel: 0, outcome: None, outcome_days: None }];
        let Bundle { detail: audits, manifest, totals, complaint_files: [c, cc], .. } =
            publish(&visits, &complaints, k);
        let manifest_json = serde_json::to_vec(&manifest).expect("json");
        let d = Dataset::open_with_detail(&manifest_json, &totals, &audits, &c, &cc)
            .expect("the bundle opens");
        let settings = Settings { k, ..Settings::default() };
        let one_by_one = bundle::visits_file(&anonymise_visits(&visits, k).published, &settings);
        let filter = Filter {
            period: Period { from: month(from), to: month((from + length).min(13)) },
            service: service.map(|s| settings.taxonomy.services.terms()[usize::from(s)].id.clone()),
            channel: None,
        };
        let all = MetricId::ALL.into_iter().filter(|m| m.from_visits()).collect::<Vec<_>>();
        let (mut by_cells, mut country_cells) = accumulate(&d, &filter, &all);
        let (mut by_visits, mut country) = accumulate_visits(&manifest, &one_by_one, &filter, &all);
        by_cells.push(std::mem::take(&mut country_cells));
        by_visits.push(std::mem::take(&mut country));
        for (a, b) in by_cells.iter_mut().zip(&mut by_visits) {
            prop_assert_eq!((a.visits, a.uncounted, a.unseen), (b.visits, b.uncounted, b.unseen));
            for m in &all {
                prop_assert_eq!(a.estimate(*m), b.estimate(*m), "{}", m.id());
            }
        }
    }

    /// The published files pass the same checks `adal validate` runs, k-anonymity and suppression included.
    #[test]
    fn published_files_pass_validation(
        visits in proptest::collection::vec(visit_strategy(20, 6), 0..300),
        complaints in proptest::collection::vec((0u8..3, 0u32..4, 0u16..7, 0u8..4), 1..300),
        k in 2u32..7,
    ) {
        let complaints: Vec<Complaint> = complaints
            .into_iter()
            .map(|(region, m, category, channel)| Complaint { region, month: month(m), category, channel, outcome: None, outcome_days: None })
            .collect();
        let Bundle { detail: audits, complaints: complaints_json, manifest, .. } =
            publish(&visits, &complaints, k);
        let audits: AuditCellsFile = serde_json::from_slice(&audits).expect("audits parse");
        let complaints_file: ComplaintsFile = serde_json::from_slice(&complaints_json).expect("complaints parse");
        let problems = check_audit_cells(&manifest, &audits, adal_core::contract::files::AUDIT_DETAIL);
        for visits in &audits.columns.visits {
            prop_assert!(*visits >= u64::from(k));
        }
        prop_assert!(problems.is_empty(), "{:?}", problems);
        let problems = check_complaints(&manifest, &complaints_file);
        prop_assert!(problems.is_empty(), "{:?}", problems);
        for count in complaints_file.columns.count.iter().flatten() {
            prop_assert!(*count >= k);
        }
    }

    /// Complaints are coarsened, not withheld: every complaint is in exactly one total of its unit, each
    /// published total is 0 or at least k, the totals never overlap (so none can be taken from another),
    /// and a suppressed total is a whole year of 1 to k − 1 complaints. Within a total, the suppressed cells
    /// are none, or at least two whose sum leaves each room to reach k, so no cell is worked out or bounded
    /// below k from the published total and cells.
    #[test]
    fn complaint_totals_partition_the_months_and_protect_their_cells(
        complaints in proptest::collection::vec((0u8..4, 0u32..30, 0u16..7), 0..600),
        k in 2u32..8,
    ) {
        let complaints: Vec<Complaint> = complaints
            .into_iter()
            .map(|(region, m, category)| Complaint { region, month: month(m), category, channel: 0, outcome: None, outcome_days: None })
            .collect();
        let period = Period { from: month(0), to: month(29) };
        let out = suppress_complaints(&complaints, k, 4, period);
        prop_assert_eq!(out.published + out.suppressed, complaints.len() as u64);
        prop_assert_eq!(out.published_by_grain.iter().sum::<u64>(), out.published);
        for region in 0..4u8 {
            let mut covered: HashMap<Month, u32> = HashMap::new();
            for t in out.totals.iter().filter(|t| t.region == region) {
                let (first, last) = t.period.months();
                for m in (Period { from: first, to: last }).months().filter(|m| *m >= period.from && *m <= period.to) {
                    *covered.entry(m).or_default() += 1;
                }
                let actual = complaints
                    .iter()
                    .filter(|c| c.region == region && c.month >= first && c.month <= last)
                    .count() as u32;
                prop_assert_eq!(t.count, actual);
                if t.suppressed {
                    prop_assert!(t.count > 0 && t.count < k);
                    prop_assert!(matches!(t.period, adal_core::period::PeriodLabel::Year(_)));
                } else {
                    prop_assert!(t.count == 0 || t.count >= k);
                }
            }
            prop_assert!(period.months().all(|m| covered.get(&m) == Some(&1)));
        }
        check_breakdown(&out.categories.cells, &out.totals, &complaints, |c| c.category, k)?;
        prop_assert!(out.outcomes.is_none());
    }

    /// What came of the complaints is broken down as their categories are, from the same totals: by the
    /// stage their handling ended at, those without a recorded outcome in a cell of their own, with the
    /// same protection ([`check_breakdown`]).
    #[test]
    fn complaint_outcomes_are_protected_as_the_categories(
        complaints in proptest::collection::vec((0u8..4, 0u32..30, proptest::option::weighted(0.8, 0u8..6), proptest::option::weighted(0.7, 0u16..400)), 1..600),
        k in 2u32..8,
    ) {
        let complaints: Vec<Complaint> = complaints
            .into_iter()
            .map(|(region, m, outcome, days)| Complaint { region, month: month(m), category: 0, channel: 0, outcome, outcome_days: outcome.and(days) })
            .collect();
        let period = Period { from: month(0), to: month(29) };
        let out = suppress_complaints(&complaints, k, 4, period);
        let outcomes = out.outcomes.as_ref();
        prop_assert_eq!(outcomes.is_some(), complaints.iter().any(|c| c.outcome.is_some()));
        if let Some(outcomes) = outcomes {
            check_breakdown(&outcomes.cells, &out.totals, &complaints, |c| c.outcome.map_or(NOT_RECORDED, u16::from), k)?;
            // The times to the last step: a third breakdown of the same totals, where any is dated.
            prop_assert_eq!(out.times.is_some(), complaints.iter().any(|c| c.outcome_days.is_some()));
            if let Some(times) = &out.times {
                let bin = |c: &Complaint| c.outcome_days.map_or(NOT_RECORDED, |d| adal_core::contract::time_bin(d) as u16);
                check_breakdown(&times.cells, &out.totals, &complaints, bin, k)?;
            }
            let listed: u64 = outcomes.cells.iter().filter(|c| !c.suppressed).map(|c| u64::from(c.count)).sum();
            prop_assert_eq!(listed, outcomes.in_published_cells);
            // The published file, as `adal validate` reads it, passes its checks.
            let settings = Settings { k, ..Settings::default() };
            let entry = |path: &str| adal_core::contract::FileEntry { path: path.to_owned(), bytes: 0, sha256: String::new() };
            let keys = OutcomeKeys::of(&out, None);
            let manifest = bundle::manifest(&settings, period, "2026-11-27", vec![entry(files::COMPLAINTS), entry(files::OUTCOMES)], keys);
            let file = bundle::outcomes_file(&out, None).expect("outcomes.json");
            let totals = bundle::complaints_file(&out, &settings);
            let problems = adal_core::validate::check_outcomes(&manifest, &totals, &file);
            prop_assert!(problems.is_empty(), "{:?}", problems);
        }
    }

    /// The recommendations given after the audits are counted as the complaints are: every unit's
    /// totals a partition of its months, each 0, at least k, or a suppressed year; their cells by state
    /// protected within them ([`check_breakdown`]); and the file `adal validate` reads passes its checks.
    #[test]
    fn findings_are_protected_as_the_complaints(
        findings in proptest::collection::vec((0u8..4, 0u32..30, 0u8..4), 0..500),
        k in 2u32..8,
    ) {
        let findings: Vec<Finding> = findings
            .into_iter()
            .map(|(region, m, state)| Finding { region, month: month(m), state })
            .collect();
        let period = Period { from: month(0), to: month(29) };
        let out = suppress_findings(&findings, k, 4, period);
        prop_assert_eq!(out.published + out.suppressed, findings.len() as u64);
        for t in &out.totals {
            let (first, last) = t.period.months();
            let actual = findings
                .iter()
                .filter(|f| f.region == t.region && f.month >= first && f.month <= last)
                .count() as u32;
            prop_assert_eq!(t.count, actual);
            prop_assert!(t.count == 0 || t.count >= k || t.suppressed);
        }
        // As complaints of one category each, keyed by their state.
        let as_complaints: Vec<Complaint> = findings
            .iter()
            .map(|f| Complaint { region: f.region, month: f.month, category: u16::from(f.state), channel: 0, outcome: None, outcome_days: None })
            .collect();
        check_breakdown(&out.categories.cells, &out.totals, &as_complaints, |c| c.category, k)?;
        let settings = Settings { k, ..Settings::default() };
        let complaints = suppress_complaints(&[], k, 4, period);
        let entry = |path: &str| adal_core::contract::FileEntry { path: path.to_owned(), bytes: 0, sha256: String::new() };
        let keys = OutcomeKeys::of(&complaints, Some(&out));
        prop_assert_eq!(keys, OutcomeKeys { stages: false, findings: true });
        let mut manifest = bundle::manifest(&settings, period, "2026-11-27", vec![entry(files::COMPLAINTS), entry(files::OUTCOMES)], keys);
        manifest.regions.truncate(4);
        let file = bundle::outcomes_file(&complaints, Some(&out)).expect("outcomes.json");
        prop_assert_eq!(file.rows, 0);
        let totals = bundle::complaints_file(&complaints, &settings);
        let problems = adal_core::validate::check_outcomes(&manifest, &totals, &file);
        prop_assert!(problems.is_empty(), "{:?}", problems);
    }

    /// No string from a personal column reaches a published file or the report, whatever it holds —
    /// commas, quotes, line breaks, Cyrillic — and whether its row is valid or not.
    #[test]
    fn personal_data_never_reaches_the_output(
        rows in proptest::collection::vec(
            (0usize..20, 0u32..3, 0usize..10, "[A-Za-zА-Яа-яӘәҚқ0-9 ,\"\n]{0,12}", "[0-9+ ]{0,14}", any::<bool>()),
            1..120,
        ),
    ) {
        let settings = Settings::default();
        let mut raw = csv::Writer::from_writer(Vec::new());
        raw.write_record([
            "visit_id", "visit_date", "region", "office", "service", "channel", "shopper", "shopper_phone",
            "score_waiting", "score_courtesy", "score_information", "score_accessibility", "score_outcome",
            "wait_minutes", "informal_payment_requested", "intermediary_offered", "service_completed", "comment",
        ]).expect("header");
        let mut complaints_raw = csv::Writer::from_writer(Vec::new());
        complaints_raw.write_record([
            "complaint_id", "received_date", "region", "category", "channel", "complainant", "complainant_iin", "text",
        ]).expect("header");
        let mut personal = Vec::new();
        for (i, (region, m, service, text, phone, valid)) in rows.iter().enumerate() {
            // A marker makes each personal value unique and long enough that a chance match is impossible.
            let shopper = format!("ПДшоп{i}ψ{text}");
            let phone = format!("ПДтел{i}ψ{phone}");
            let comment = format!("ПДком{i}ψ{text}");
            let visit_id = format!("ПДвиз{i}ψ");
            let office = format!("ПДоф{i}ψ{text}");
            let region = &regions::all()[*region].code;
            let date = format!("{}-15", month(*m));
            let service_id = &settings.taxonomy.services.terms()[*service].id;
            let score = if *valid { "4" } else { "9" };
            raw.write_record([
                visit_id.as_str(), &date, region, &office, service_id, "in_person", &shopper, &phone,
                score, "4", "4", "4", "4", "12", "нет", "жоқ", "yes", &comment,
            ]).expect("row");
            let complainant = format!("ПДжал{i}ψ{text}");
            let iin = format!("ПДиин{i}ψ{phone}");
            let body = format!("ПДтекст{i}ψ{text}");
            let category = if *valid { "bribery" } else { "theft" };
            complaints_raw.write_record([
                format!("ПДид{i}ψ").as_str(), &date, region, category, "hotline_1424", &complainant, &iin, &body,
            ]).expect("row");
            personal.extend([shopper, phone, comment, visit_id, office, complainant, iin, body]);
        }
        let audits_csv = raw.into_inner().expect("csv");
        let complaints_csv = complaints_raw.into_inner().expect("csv");
        let parsed = read_audits(&audits_csv[..], &settings.taxonomy).expect("readable");
        let parsed_complaints = read_complaints(&complaints_csv[..], &settings.taxonomy).expect("readable");
        prop_assert_eq!(parsed.rows_read, rows.len() as u64);
        let Bundle { detail: audits, manifest, totals, complaint_files: [c, cc], .. } =
            publish(&parsed.records, &parsed_complaints.records, 2);
        let report = serde_json::to_string(&(
            FileReport::read("audits.csv", &parsed),
            FileReport::read("complaints.csv", &parsed_complaints),
        )).expect("report");
        let outputs = [
            String::from_utf8(audits).expect("utf-8"),
            String::from_utf8(totals).expect("utf-8"),
            String::from_utf8(c).expect("utf-8"),
            String::from_utf8(cc).expect("utf-8"),
            String::from_utf8(bundle::manifest_json(&manifest)).expect("utf-8"),
            report,
        ];
        for output in &outputs {
            prop_assert!(!output.contains("ПД"), "a personal marker reached the output");
            prop_assert!(!output.contains('ψ'), "a personal marker reached the output");
            for value in &personal {
                prop_assert!(!output.contains(value.as_str()));
            }
        }
    }
}
