//! The page's wasm: hydrates the pre-rendered page, or renders the view when no page was written for it
//! ([`adal_atlas::boot`]).

#[cfg(feature = "hydrate")]
fn main() {
    adal_atlas::boot::start();
}

/// Built without `hydrate` (native checks), there is nothing to start.
#[cfg(not(feature = "hydrate"))]
fn main() {}
