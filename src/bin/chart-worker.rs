//! The chart worker: builds each chart's ECharts option from its figures with charming, off the page's
//! thread and out of the page's own code. The page starts it with the first chart (like ECharts itself),
//! so the map-only first view downloads neither.
//!
//! Messages in: `<id>\n<request JSON>` ([`adal_charts::Request`]). Messages out: `ready` once, then
//! `<id>\n<option JSON>`, or `<id>\n` for a request that could not be read.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let text = ev.data().as_string().unwrap_or_default();
            let (id, request) = text.split_once('\n').unwrap_or(("", ""));
            let option = adal_charts::request::answer(request).unwrap_or_default();
            let _ = reply.post_message(&format!("{id}\n{option}").into());
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&"ready".into());
}

/// The worker only runs in the browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
