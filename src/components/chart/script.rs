//! Scripts loaded on first use (ECharts, the download helper): one `<script>` per file, added once; later
//! callers wait for the same load, and a failed load can be tried again.

use std::cell::RefCell;

use js_sys::{Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// The loads under way or done, by script.
    static LOADING: RefCell<Vec<(&'static str, Promise)>> = const { RefCell::new(Vec::new()) };
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

/// Loads `src` (a path relative to the page) once, until it has defined `window[name]`.
pub async fn load(src: &'static str, name: &str) -> Result<(), ()> {
    if global(name).is_some() {
        return Ok(());
    }
    let promise = LOADING.with(|l| {
        let mut l = l.borrow_mut();
        match l.iter().find(|(s, _)| *s == src) {
            Some((_, p)) => p.clone(),
            None => {
                let p = start_loading(src);
                l.push((src, p.clone()));
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
