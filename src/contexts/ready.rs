//! Whether the app answers yet: not in a pre-rendered page, nor while it is being hydrated. The controls
//! that only the app can work are `disabled` until then ([`inert`]), so that a tap before then (or
//! without JavaScript) is not silently lost.

use leptos::prelude::*;

/// The context: `true` once the app answers.
#[derive(Clone, Copy)]
struct Ready(RwSignal<bool>);

/// Provides the context, not ready yet; the signal sets it ready.
pub fn provide_ready() -> RwSignal<bool> {
    let ready = RwSignal::new(false);
    provide_context(Ready(ready));
    ready
}

/// `true` until the app answers: what the controls that only the app can work are `disabled` by.
pub fn inert() -> Signal<bool> {
    let ready = use_context::<Ready>().map(|r| r.0);
    Signal::derive(move || ready.is_some_and(|r| !r.get()))
}
