//! The map's figures on the demo bundle: one per unit, consistent with the key figures, ranked, filtered,
//! and the view state read from odd URLs.

use adal_core::aggregate::{Filter, MetricId, region_figures};
use adal_core::binning::Method;
use adal_core::figures::key_figures;
use adal_core::view::{
    Embed, EmbedKind, Key, Notice, ViewKind, embed_query, full_view_query, link_query,
    read_map_view, write_map_view,
};

mod common;
use common::{demo, filter};

#[test]
fn every_unit_gets_a_figure_that_agrees_with_the_key_figures() {
    let d = demo();
    let f = filter(&d);
    for metric in MetricId::ALL {
        let map = region_figures(&d, metric, &f, 30);
        assert_eq!(map.regions.len(), 20, "{metric:?}");
        for r in &map.regions {
            let key = key_figures(&d, f.period, Some(&r.code));
            let expected = match metric {
                MetricId::QualityIndex => key.quality_index.map(|e| e.value),
                MetricId::InformalPayment => key.informal_payment.map(|e| e.value),
                MetricId::Intermediary => key.intermediary.map(|e| e.value),
                MetricId::Completion => key.completion.map(|e| e.value),
                MetricId::MedianWait => key.median_wait.map(|e| e.value),
                MetricId::Complaints => Some(key.complaints.counted as f64),
                MetricId::ComplaintsPer100k => key.complaints_per_100k,
            };
            match (r.value, expected) {
                (Some(a), Some(b)) => {
                    assert!((a - b).abs() < 1e-9, "{metric:?} {}: {a} vs {b}", r.code)
                }
                (a, b) => assert_eq!(a, b, "{metric:?} {}", r.code),
            }
        }
        let national = key_figures(&d, f.period, None);
        if metric == MetricId::QualityIndex {
            assert_eq!(map.national.value, national.quality_index.map(|e| e.value));
        }
    }
}

#[test]
fn ranks_run_from_best_to_worst_by_the_metric_direction() {
    let d = demo();
    for metric in [MetricId::QualityIndex, MetricId::InformalPayment] {
        let map = region_figures(&d, metric, &filter(&d), 30);
        let mut ranked: Vec<_> = map.regions.iter().filter(|r| r.rank.is_some()).collect();
        ranked.sort_by_key(|r| r.rank);
        assert_eq!(ranked.len(), 20);
        let values: Vec<f64> = ranked.iter().filter_map(|r| r.value).collect();
        let ordered = values.windows(2).all(|w| match metric {
            MetricId::QualityIndex => w[0] >= w[1],
            _ => w[0] <= w[1],
        });
        assert!(ordered, "{metric:?}: {values:?}");
        assert!(
            map.regions.iter().all(|r| r.change.is_some()),
            "the demo reaches back a year"
        );
    }
}

#[test]
fn filters_narrow_the_sample_and_thin_units_are_flagged() {
    let d = demo();
    let all = region_figures(&d, MetricId::InformalPayment, &filter(&d), 30);
    let online = region_figures(
        &d,
        MetricId::InformalPayment,
        &Filter {
            channel: Some("online".into()),
            ..filter(&d)
        },
        30,
    );
    let vehicles = region_figures(
        &d,
        MetricId::InformalPayment,
        &Filter {
            service: Some("vehicle_registration".into()),
            ..filter(&d)
        },
        30,
    );
    assert!(online.national.n < all.national.n / 3);
    assert!(vehicles.national.n < all.national.n / 3);
    assert!(
        online.regions.iter().any(|r| r.low_sample),
        "some unit has few online visits"
    );
    let ulytau = all
        .regions
        .iter()
        .find(|r| r.code == "KZ-62")
        .expect("Ulytau");
    let flagged = region_figures(&d, MetricId::InformalPayment, &filter(&d), ulytau.n + 1);
    assert!(
        flagged
            .regions
            .iter()
            .find(|r| r.code == "KZ-62")
            .expect("Ulytau")
            .low_sample
    );
}

#[test]
fn the_view_state_reads_valid_urls_and_falls_back_on_odd_ones() {
    let d = demo();
    let default = d.default_period();
    let m = &d.manifest;
    let (view, notices) = read_map_view(
        "?metric=median_wait&period=2025-01..2025-06&service=healthcare&channel=online&region=KZ-11&classes=equal&min_visits=50",
        m,
        default,
    );
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(view.metric, MetricId::MedianWait);
    assert_eq!(view.period.from.to_string(), "2025-01");
    assert_eq!(view.region.as_deref(), Some("KZ-11"));
    assert_eq!(view.method, Method::EqualInterval);
    assert_eq!(view.min_visits, 50);
    let written = write_map_view("?lang=ru", &view, default);
    assert_eq!(
        written,
        "?lang=ru&metric=median_wait&period=2025-01..2025-06&service=healthcare&channel=online&region=KZ-11&classes=equal&min_visits=50"
    );
    let (again, _) = read_map_view(&written, m, default);
    assert_eq!(again, view);

    let (view, notices) = read_map_view(
        "?metric=bogus&period=1999-01..2031-12&service=<script>&channel=pigeon&region=KZ-99&classes=jenks&min_visits=0",
        m,
        default,
    );
    assert_eq!(view.metric, MetricId::QualityIndex);
    assert_eq!(view.period, default);
    assert_eq!(
        (view.service, view.channel, view.region),
        (None, None, None)
    );
    let keys: Vec<&str> = notices.iter().map(Notice::key).collect();
    assert_eq!(
        keys,
        [
            "metric",
            "period",
            "service",
            "channel",
            "region",
            "classes",
            "min_visits"
        ]
    );
    assert_eq!(notices[2].value(), "<script>");
    // Fixed thresholds travel in the link.
    let (fixed, notices) = read_map_view(
        "?metric=informal_payment_share&classes=fixed:0.05,0.1,0.15,0.2",
        m,
        default,
    );
    assert!(notices.is_empty());
    assert_eq!(fixed.method, Method::Fixed(vec![0.05, 0.1, 0.15, 0.2]));
    assert_eq!(
        write_map_view("", &fixed, default),
        "?metric=informal_payment_share&classes=fixed:0.05,0.1,0.15,0.2"
    );
    for bad in ["fixed:", "fixed:0.2,0.1", "fixed:a", "fixed:1,2,3,4,5"] {
        let (v, notices) = read_map_view(&format!("?classes={bad}"), m, default);
        assert_eq!((v.method, notices.len()), (Method::Quantile, 1), "{bad}");
    }
    // Defaults are left out of links.
    let (plain, _) = read_map_view("", m, default);
    assert_eq!(write_map_view("?lang=kk", &plain, default), "?lang=kk");
}

#[test]
fn the_view_kind_and_comparison_round_trip_through_the_url() {
    let d = demo();
    let (m, default) = (&d.manifest, d.default_period());
    let (view, notices) = read_map_view("?view=compare&compare=KZ-11,KZ-75", m, default);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(view.kind, ViewKind::Compare);
    assert_eq!(view.compare, ["KZ-11", "KZ-75"]);
    assert_eq!(
        write_map_view("", &view, default),
        "?view=compare&compare=KZ-11,KZ-75"
    );
    // A unit alone opens its page; `view=` is then left out of the link.
    let (region, _) = read_map_view("?region=KZ-11", m, default);
    assert_eq!(region.kind, ViewKind::Region);
    assert_eq!(write_map_view("", &region, default), "?region=KZ-11");
    // A region view without a unit is the overview; odd values are reported, the valid part kept.
    let (odd, notices) = read_map_view(
        "?view=region&compare=KZ-11,XX-1,KZ-11,KZ-75,KZ-19,KZ-23,KZ-27,KZ-31",
        m,
        default,
    );
    assert_eq!(odd.kind, ViewKind::Overview);
    assert_eq!(odd.compare, ["KZ-11", "KZ-75", "KZ-19", "KZ-23", "KZ-27"]);
    assert_eq!(notices, [Notice::new(Key::Compare, "XX-1,KZ-11,KZ-31")]);
    let (_, notices) = read_map_view("?v=1&region=KZ-11", m, default);
    assert!(notices.is_empty());
    let (_, notices) = read_map_view("?v=9", m, default);
    assert_eq!(notices, [Notice::new(Key::Version, "9")]);
    let (bad, notices) = read_map_view("?view=<script>", m, default);
    assert_eq!(bad.kind, ViewKind::Overview);
    assert_eq!(notices, [Notice::new(Key::View, "<script>")]);
}

#[test]
fn embeds_are_read_with_their_flags_and_links_move_between_embed_and_full_view() {
    let d = demo();
    let (m, default) = (&d.manifest, d.default_period());
    for kind in EmbedKind::ALL {
        let (view, notices) = read_map_view(&format!("?embed={}", kind.id()), m, default);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(
            view.embed,
            Some(Embed {
                kind,
                plain: false,
                still: false
            })
        );
        assert!(kind.height() >= 400);
    }
    let (view, _) = read_map_view("?embed=trend&region=KZ-11&plain=1&static=1", m, default);
    assert_eq!(
        view.embed,
        Some(Embed {
            kind: EmbedKind::Trend,
            plain: true,
            still: true
        })
    );
    assert_eq!(view.region.as_deref(), Some("KZ-11"));
    // An unknown piece: the full view, and a notice.
    let (odd, notices) = read_map_view("?embed=<b>", m, default);
    assert_eq!(odd.embed, None);
    assert_eq!(notices, [Notice::new(Key::Embed, "<b>")]);
    // From a view to its embed (view= dropped, v= written) and back to the full view.
    let embed = embed_query(
        "?view=region&region=KZ-11&lang=ru&metric=median_wait",
        EmbedKind::Trend,
        "demo@2026-11",
    );
    assert_eq!(
        embed,
        "?region=KZ-11&lang=ru&metric=median_wait&dataset=demo@2026-11&v=1&embed=trend"
    );
    assert_eq!(
        full_view_query(&format!("{embed}&plain=1&static=1")),
        "?region=KZ-11&lang=ru&metric=median_wait&dataset=demo@2026-11&v=1"
    );
    // A shared link: the full view, versioned.
    assert_eq!(
        link_query("?embed=map&plain=1&static=1&region=KZ-11"),
        "?region=KZ-11&v=1"
    );
    // The map state keeps the embed's parameters when it writes the view.
    let (view, _) = read_map_view(&embed, m, default);
    assert_eq!(write_map_view(&embed, &view, default), embed);
}

/// The previous release's demo bundle and thin one (published by quarter and year), each also with its
/// visits in reverse order: the cells by unit and time must count exactly the visits a pass over every
/// row counts.
#[test]
fn a_pass_over_the_cells_near_a_period_counts_what_a_pass_over_every_visit_counts() {
    use adal_core::aggregate::accumulate;
    use adal_core::contract::AuditsFile;
    use adal_core::dataset::Dataset;
    use adal_core::period::{Month, Period, Placement};
    use common::Previous;

    let reversed = |p: &Previous| {
        let mut file = serde_json::to_value(&p.visits).expect("JSON");
        for column in file["columns"]
            .as_object_mut()
            .expect("columns")
            .values_mut()
        {
            column.as_array_mut().expect("a column").reverse();
        }
        let audits: AuditsFile = serde_json::from_value(file).expect("visits");
        let d = Dataset::from_visits(p.manifest.clone(), &audits, p.dataset.complaints.clone());
        (d, audits)
    };
    let (demo, thin) = (Previous::demo(), Previous::thin());
    let bundles = [
        ("demo", (demo.dataset.clone(), demo.visits.clone())),
        ("demo reversed", reversed(&demo)),
        ("thin reversed", reversed(&thin)),
        ("thin", (thin.dataset.clone(), thin.visits.clone())),
    ];
    for (name, (d, audits)) in bundles {
        let bounds = d.manifest.period;
        let c = &audits.columns;
        let service = d.manifest.services.first().map(|s| s.id.clone());
        let (first, last) = (bounds.from.index(), bounds.to.index());
        let mut checked = 0;
        for length in [1, 3, 12] {
            for from in first..=last {
                let to = (from + length - 1).min(last);
                let month = |i| Month::from_index(i).expect("a month");
                let period = Period {
                    from: month(from),
                    to: month(to),
                };
                for service in [None, service.clone()] {
                    let filter = Filter {
                        period,
                        service: service.clone(),
                        channel: None,
                    };
                    let (accs, _) = accumulate(&d, &filter, &[MetricId::InformalPayment]);
                    // Every row: (visits, uncounted, unseen) per unit.
                    let mut expected = vec![(0u64, 0u64, 0u64); accs.len()];
                    for i in 0..audits.rows {
                        let code = &*c.region[i];
                        let Some(unit) = d.manifest.regions.iter().position(|r| r.code == code)
                        else {
                            continue;
                        };
                        let seen = c.service[i].is_some();
                        let matches = service
                            .as_deref()
                            .is_none_or(|s| c.service[i].as_deref() == Some(s));
                        match (period.place(c.month[i], bounds), matches) {
                            (Placement::Inside, true) => expected[unit].0 += 1,
                            (Placement::Across, true) => expected[unit].1 += 1,
                            (Placement::Inside, false) if service.is_some() && !seen => {
                                expected[unit].2 += 1
                            }
                            _ => {}
                        }
                    }
                    let found: Vec<_> = accs
                        .iter()
                        .map(|a| (a.visits, a.uncounted, a.unseen))
                        .collect();
                    assert_eq!(found, expected, "{name}: {period:?} {service:?}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 100, "{name}: {checked} periods");
    }
}
