//! The view state as one typed value: its table of keys, and printing and reading it back.

use std::sync::LazyLock;

use adal_core::aggregate::MetricId;
use adal_core::binning::Method;
use adal_core::dataset::Dataset;
use adal_core::labels::Lang;
use adal_core::period::{Month, Period};
use adal_core::view::{
    Embed, EmbedKind, KEYS, Key, MAX_COMPARE, MapView, Notice, Place, Site, State, Theme, ViewKind,
};
use proptest::prelude::*;

/// The committed demo bundle, opened once for every case.
static DEMO: LazyLock<Dataset> = LazyLock::new(|| {
    Dataset::open(
        include_bytes!("../../../public/data/manifest.json"),
        include_bytes!("../../../public/data/audits.json"),
        include_bytes!("../../../public/data/complaints.json"),
    )
    .expect("demo bundle")
});

#[test]
fn the_table_has_every_key_once_in_order() {
    let names: Vec<&str> = KEYS.iter().map(|k| k.name).collect();
    assert_eq!(
        names,
        [
            "lang",
            "theme",
            "dataset",
            "view",
            "region",
            "compare",
            "metric",
            "period",
            "service",
            "channel",
            "classes",
            "min_visits",
            "embed",
            "plain",
            "static",
            "v"
        ]
    );
    for (i, row) in KEYS.iter().enumerate() {
        assert_eq!(row.key as usize, i, "{}", row.name);
        assert_eq!(Key::named(row.name), Some(row.key));
        assert!(!row.values.is_empty());
    }
    let path: Vec<&str> = Key::names_at(Place::Path).collect();
    assert_eq!(path, ["lang", "view", "region", "embed"]);
    assert_eq!(Key::named("utm_source"), None);
}

#[test]
fn the_site_part_is_read_without_a_dataset() {
    let (site, notices) = Site::read("?lang=ru&theme=dark&dataset=demo-thin@2026-11");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(
        site,
        Site {
            lang: Lang::Ru,
            theme: Some(Theme::Dark),
            dataset: Some("demo-thin@2026-11".into()),
        }
    );
    let (site, notices) = Site::read("?lang=fr&theme=<b>&dataset=");
    assert_eq!(
        (site.lang, site.theme, site.dataset),
        (Lang::Kk, None, None)
    );
    assert_eq!(
        notices,
        [Notice::new(Key::Lang, "fr"), Notice::new(Key::Theme, "<b>")]
    );
    // The default language is left out; upper case is read, lower case written.
    let (site, _) = Site::read("?lang=EN");
    assert_eq!(site.write("?x=1"), "?x=1&lang=en");
    assert_eq!(Site::read("?lang=kk").0.write("?lang=kk"), "?");
}

#[test]
fn the_whole_state_prints_and_reads_back_keeping_other_parameters() {
    let d = &*DEMO;
    let default = d.default_period();
    let search = "?utm_source=news&lang=en&theme=light&view=compare&compare=KZ-75,KZ-11&metric=median_wait&service=healthcare&classes=equal&min_visits=10&v=1";
    let (state, notices) = State::read(search, &d.manifest, default);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(state.site.lang, Lang::En);
    assert_eq!(state.view.kind, ViewKind::Compare);
    assert_eq!(state.write(search, default), search);
    assert_eq!(
        state.write("", default),
        "?lang=en&theme=light&view=compare&compare=KZ-75,KZ-11&metric=median_wait&service=healthcare&classes=equal&min_visits=10"
    );
    // Ignored values are reported with their key, and dropped when the state is printed.
    let (state, notices) = State::read("?lang=xx&metric=bogus&region=KZ-75", &d.manifest, default);
    let keys: Vec<&str> = notices.iter().map(Notice::key).collect();
    assert_eq!(keys, ["lang", "metric"]);
    assert_eq!(
        state.write("?lang=xx&metric=bogus&region=KZ-75", default),
        "?region=KZ-75"
    );
}

fn month(d: &Dataset, offset: u32) -> Month {
    let first = d.manifest.period.from.index();
    let last = d.manifest.period.to.index();
    Month::from_index(first + offset % (last - first + 1)).expect("a month of the data")
}

fn states() -> impl Strategy<Value = State> {
    let d = &*DEMO;
    let codes: Vec<String> = d.manifest.regions.iter().map(|r| r.code.clone()).collect();
    let services: Vec<String> = d.manifest.services.iter().map(|t| t.id.clone()).collect();
    let channels: Vec<String> = d
        .manifest
        .audit_channels
        .iter()
        .map(|t| t.id.clone())
        .collect();
    let site = (
        prop::sample::select(Lang::ALL.to_vec()),
        prop::option::of(prop::sample::select(vec![Theme::Light, Theme::Dark])),
        prop::option::of("[a-z0-9][a-z0-9 &=?#%+.@-]{0,20}"),
    )
        .prop_map(|(lang, theme, dataset)| Site {
            lang,
            theme,
            dataset,
        });
    let method = prop_oneof![
        Just(Method::Quantile),
        Just(Method::EqualInterval),
        prop::collection::btree_set(-1_000_000i64..1_000_000, 1..=4).prop_map(|set| {
            Method::Fixed(set.into_iter().map(|v| v as f64 / 1000.0).collect())
        }),
    ];
    let embed = prop::option::of(
        (
            prop::sample::select(EmbedKind::ALL.to_vec()),
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(kind, plain, still)| Embed { kind, plain, still }),
    );
    let kind = prop::sample::select(vec![
        ViewKind::Overview,
        ViewKind::Region,
        ViewKind::Compare,
        ViewKind::Data,
    ]);
    let view = (
        (
            kind,
            prop::sample::subsequence(codes.clone(), 0..=MAX_COMPARE).prop_shuffle(),
            prop::sample::select(MetricId::ALL.to_vec()),
            (0u32..200, 0u32..200),
        ),
        (
            prop::option::of(prop::sample::select(services)),
            prop::option::of(prop::sample::select(channels)),
            prop::option::of(prop::sample::select(codes)),
            method,
            1u64..=1000,
            embed,
        ),
    )
        .prop_map(
            move |(
                (kind, compare, metric, (a, b)),
                (service, channel, region, method, min, embed),
            )| {
                let (from, to) = (month(d, a), month(d, b));
                let region = match kind {
                    // A unit's page always names its unit.
                    ViewKind::Region => region
                        .or_else(|| compare.first().cloned())
                        .or(Some("KZ-75".into())),
                    _ => region,
                };
                MapView {
                    kind,
                    compare,
                    metric,
                    period: Period {
                        from: from.min(to),
                        to: from.max(to),
                    },
                    service,
                    channel,
                    region,
                    method,
                    min_visits: min,
                    embed,
                }
            },
        );
    (site, view).prop_map(|(site, view)| State { site, view })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Every state prints as a query string that reads back as the same state, with no notice.
    #[test]
    fn every_state_reads_back_from_what_it_prints(state in states()) {
        let d = &*DEMO;
        let printed = state.write("", d.default_period());
        let (read, notices) = State::read(&printed, &d.manifest, d.default_period());
        prop_assert!(notices.is_empty(), "{printed}: {notices:?}");
        prop_assert_eq!(&read, &state, "{}", printed);
        // And printing is stable: what was read prints the same.
        prop_assert_eq!(read.write("", d.default_period()), printed);
    }

    /// Any query string is read without a panic, and what it prints reads back as what was read.
    #[test]
    fn any_query_string_is_read_and_its_print_is_a_fixed_point(
        pairs in prop::collection::vec(
            (prop::sample::select(KEYS.iter().map(|k| k.name).chain(["x"]).collect::<Vec<_>>()),
             "[a-zA-Z0-9:,.@<>%&=_-]{0,12}"),
            0..8,
        )
    ) {
        let d = &*DEMO;
        let search: String = pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", adal_core::query::encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let search = format!("?{search}");
        let (state, _) = State::read(&search, &d.manifest, d.default_period());
        let printed = state.write("", d.default_period());
        let (again, notices) = State::read(&printed, &d.manifest, d.default_period());
        prop_assert!(notices.is_empty(), "{search} → {printed}: {notices:?}");
        prop_assert_eq!(again, state);
    }
}
