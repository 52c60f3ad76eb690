//! What the integration tests share: the demo bundle and the filter of its default period.

use adal_core::aggregate::Filter;
use adal_core::dataset::Dataset;

/// The committed demo bundle.
pub fn demo() -> Dataset {
    Dataset::open(
        include_bytes!("../../../../public/data/manifest.json"),
        include_bytes!("../../../../public/data/audits.json"),
        include_bytes!("../../../../public/data/complaints.json"),
    )
    .expect("demo bundle")
}

/// The default period (the last twelve months), all services and channels.
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
    Dataset::open(
        include_bytes!("../../../../public/data/thin/manifest.json"),
        include_bytes!("../../../../public/data/thin/audits.json"),
        include_bytes!("../../../../public/data/thin/complaints.json"),
    )
    .expect("thin demo bundle")
}
