//! A part of a pre-rendered page that the browser hydrates in a task of its own, after the rest.
//!
//! Hydrating the overview walked about 400 elements in one task: 190–290 ms at 4× CPU (`scripts/trace`),
//! spent in Leptos's walk of the elements rather than in any one component. The header, the map's
//! controls and legend, the key figures, the ranking, where to report and the footer are each wrapped in
//! [`Later`]: the same HTML and the same components, hydrated one part per task after the rest
//! ([`crate::hydration::later`]), all before any effect's first run, so that each part is hydrated from the
//! state the page was pre-rendered in. The page's controls wait for all of it (`<html data-ready>`).
//! Drawn by the app rather than hydrated (another view, a page that was not pre-rendered), the parts are
//! drawn at once.

use leptos::prelude::*;

/// Its children, hydrated after the rest of the page (see the module's note). The wrapper is
/// `display: contents`: it changes no layout.
#[component]
pub fn Later(children: Children) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    if crate::hydration::hydrating() {
        return hydrate_later(children);
    }
    view! { <div class="later">{children()}</div> }.into_any()
}

/// Hydrates only the wrapper now and `children` inside it later, in a task of its own
/// ([`crate::hydration::later`]).
#[cfg(feature = "hydrate")]
fn hydrate_later(children: Children) -> AnyView {
    use leptos::tachys::hydration::Cursor;
    use leptos::tachys::view::{PositionState, RenderHtml};
    use wasm_bindgen::JsCast;

    let node = NodeRef::<leptos::html::Div>::new();
    // What the children hydrate to lives as long as this component (and drops with it).
    let mounted = StoredValue::new_local(None);
    if let Some(owner) = Owner::current() {
        crate::hydration::later(move || {
            // Gone (the view changed first): nothing to hydrate.
            let Some(div) = node.try_get_untracked().flatten() else {
                return;
            };
            let parent: web_sys::Element = div.unchecked_into();
            let state = owner.with(|| {
                children()
                    .into_view()
                    .hydrate::<true>(&Cursor::new(parent), &PositionState::default())
            });
            let _ = mounted.try_set_value(Some(state));
        });
    }
    view! { <div class="later" node_ref=node></div> }.into_any()
}
