//! What the integration tests share: the demo bundle and the filter of its default period.

use adal_core::aggregate::Filter;
use adal_core::dataset::Dataset;

/// The committed demo bundle.
pub fn demo() -> Dataset {
    Dataset::open_with_detail(
        include_bytes!("../../../../public/data/manifest.json"),
        include_bytes!("../../../../public/data/audits.json"),
        include_bytes!("../../../../public/data/audits-detail.json"),
        include_bytes!("../../../../public/data/complaints.json"),
        include_bytes!("../../../../public/data/complaints-detail.json"),
    )
    .expect("demo bundle")
}

/// The default period (the last twelve months), all services and channels.
#[allow(dead_code)]
pub fn filter(d: &Dataset) -> Filter {
    Filter {
        period: d.default_period(),
        service: None,
        channel: None,
    }
}

/// The committed thin demo bundle (`?dataset=demo-thin`).
#[allow(dead_code)]
pub fn thin() -> Dataset {
    Dataset::open_with_detail(
        include_bytes!("../../../../public/data/thin/manifest.json"),
        include_bytes!("../../../../public/data/thin/audits.json"),
        include_bytes!("../../../../public/data/thin/audits-detail.json"),
        include_bytes!("../../../../public/data/thin/complaints.json"),
        include_bytes!("../../../../public/data/thin/complaints-detail.json"),
    )
    .expect("thin demo bundle")
}

/// A bundle of the previous release (contract version 2, every visit): its manifest, its visits and the
/// dataset they open as (the visits folded into cells). `tests/fixtures/contract-2/` holds the demo and
/// thin demo bundles so published.
#[allow(dead_code)]
pub struct Previous {
    pub manifest: adal_core::contract::Manifest,
    pub visits: adal_core::contract::AuditsFile,
    pub dataset: Dataset,
}

#[allow(dead_code)]
impl Previous {
    pub fn open(manifest: &[u8], audits: &[u8], complaints: &[u8]) -> Previous {
        use adal_core::dataset::{parse_complaints, parse_manifest, parse_visits};
        let manifest = parse_manifest(manifest).expect("a contract-2 manifest");
        assert_eq!(manifest.schema_version, 2);
        let visits = parse_visits(&manifest, audits).expect("contract-2 visits");
        let complaints = parse_complaints(&manifest, complaints).expect("complaints");
        let dataset = Dataset::from_visits(manifest.clone(), &visits, complaints);
        Previous {
            manifest,
            visits,
            dataset,
        }
    }

    /// The demo bundle of the previous release.
    pub fn demo() -> Previous {
        Previous::open(
            include_bytes!("../../../../tests/fixtures/contract-2/demo/manifest.json"),
            include_bytes!("../../../../tests/fixtures/contract-2/demo/audits.json"),
            include_bytes!("../../../../tests/fixtures/contract-2/demo/complaints.json"),
        )
    }

    /// The thin demo bundle of the previous release.
    pub fn thin() -> Previous {
        Previous::open(
            include_bytes!("../../../../tests/fixtures/contract-2/thin/manifest.json"),
            include_bytes!("../../../../tests/fixtures/contract-2/thin/audits.json"),
            include_bytes!("../../../../tests/fixtures/contract-2/thin/complaints.json"),
        )
    }
}
