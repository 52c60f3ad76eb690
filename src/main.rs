//! Adal Atlas web app — placeholder.
//!
//! The single-page app (Leptos, built by Trunk) arrives with the app issue. Until then this package only
//! holds the workspace's top-level shape: `src/`, `style/`, `public/`, `tests/`. The data contract and the
//! publisher live in `crates/adal-core` and `crates/adal-cli`.

fn main() {}
