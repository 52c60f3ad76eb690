//! Scripts loaded on first use (ECharts, the download helper): one `<script>` per file, added once; later
//! callers wait for the same load, and a failed load can be tried again. The page names each lazily
//! loaded file of its build, with its content hash, in a `<meta name="adal:…">` (Trunk's post-build hook,
//! scripts/trunk-post-build.mjs, writes them; `adal pages` copies them into every page): a page never
//! loads a file of another build.

use std::cell::RefCell;

use js_sys::{Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// The loads under way or done, by script.
    static LOADING: RefCell<Vec<(String, Promise)>> = const { RefCell::new(Vec::new()) };
}

/// The global the script defines, if it is there.
pub fn global(name: &str) -> Option<JsValue> {
    Reflect::get(&window(), &name.into())
        .ok()
        .filter(|v| v.is_object())
}

fn start_loading(src: &str) -> Promise {
    Promise::new(&mut |resolve, reject| {
        let document = document();
        let script = document
            .create_element("script")
            .ok()
            .and_then(|e| e.dyn_into::<web_sys::HtmlScriptElement>().ok());
        let (Some(script), Some(head)) = (script, document.head()) else {
            let _ = reject.call0(&JsValue::NULL);
            return;
        };
        script.set_src(src);
        script.set_onload(Some(&resolve));
        script.set_onerror(Some(&reject));
        if head.append_child(&script).is_err() {
            let _ = reject.call0(&JsValue::NULL);
        }
    })
}

/// The address, relative to the page's `<base href>`, of the lazily loaded file the page names `name`
/// (`<meta name="adal:{name}" content>`).
pub fn named(name: &str) -> Option<String> {
    document()
        .query_selector(&format!("meta[name=\"adal:{name}\"]"))
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .filter(|src| !src.is_empty())
}

/// Loads the file the page names `file` ([`named`]) once, until it has defined `window[name]`.
pub async fn load(file: &str, name: &str) -> Result<(), ()> {
    if global(name).is_some() {
        return Ok(());
    }
    let src = named(file).ok_or(())?;
    let promise = LOADING.with(|l| {
        let mut l = l.borrow_mut();
        match l.iter().find(|(s, _)| *s == src) {
            Some((_, p)) => p.clone(),
            None => {
                let p = start_loading(&src);
                l.push((src.clone(), p.clone()));
                p
            }
        }
    });
    let result = JsFuture::from(promise).await;
    if result.is_err() || global(name).is_none() {
        LOADING.with(|l| l.borrow_mut().retain(|(s, _)| *s != src));
        return Err(());
    }
    Ok(())
}
