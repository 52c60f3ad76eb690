//! Times the overview's first view natively, step by step: `cargo run --release -p adal-core --example
//! first_view -- BUNDLE_DIR`.
use std::time::Instant;

use adal_core::aggregate::{comparison_period, region_figures};
use adal_core::checksum::sha256_hex;
use adal_core::dataset::{
    Dataset, parse_audits_with_digest, parse_complaints_with_digest, parse_manifest,
};
use adal_core::figures::key_figures;
use adal_core::view::read_map_view;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| ".bench/million/bundle".into());
    let read = |f: &str| std::fs::read(format!("{dir}/{f}")).expect("readable bundle");
    let (m, a, c) = (
        read("manifest.json"),
        read("audits.json"),
        read("complaints.json"),
    );
    // The browser sums the files natively (SubtleCrypto) before these steps.
    let (a_sum, c_sum) = (sha256_hex(&a), sha256_hex(&c));
    let n = 50;
    let mut t = [0f64; 6];
    for _ in 0..n {
        let s = Instant::now();
        let manifest = parse_manifest(&m).expect("manifest");
        let s1 = Instant::now();
        let audits = parse_audits_with_digest(&manifest, &a, &a_sum).expect("audits");
        let s2 = Instant::now();
        let complaints = parse_complaints_with_digest(&manifest, &c, &c_sum).expect("complaints");
        let s3 = Instant::now();
        let d = Dataset::of_totals(manifest, audits, complaints);
        let s4 = Instant::now();
        let (view, _) = read_map_view("", &d.manifest, d.default_period());
        let f = region_figures(&d, view.metric, &view.filter(), view.min_visits);
        std::hint::black_box(&f);
        let s5 = Instant::now();
        let national = d.default_period();
        for p in [Some(national), comparison_period(&d, national)]
            .into_iter()
            .flatten()
        {
            std::hint::black_box(key_figures(&d, p, None));
        }
        let s6 = Instant::now();
        for (i, (x, y)) in [(s, s1), (s1, s2), (s2, s3), (s3, s4), (s4, s5), (s5, s6)]
            .iter()
            .enumerate()
        {
            t[i] += (*y - *x).as_secs_f64() * 1000.0 / n as f64;
        }
    }
    for (name, ms) in [
        "manifest",
        "audits",
        "complaints",
        "dataset",
        "map",
        "key figures",
    ]
    .iter()
    .zip(t)
    {
        println!("{name:12} {ms:.2} ms");
    }
}
