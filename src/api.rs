//! The edge of the app: turns a file of the bundle into bytes or a typed [`LoadError`].
//!
//! Only this module fetches, and only relative URLs under `data/`, built from the allow-list in
//! `data/datasets.json`: the app never loads from a URL taken from the query string. Requests go through
//! gloo-net; bodies are read as a stream so that large files can report progress.

use adal_core::dataset::LoadError;
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::ReadableStreamDefaultReader;

/// The folder of the published data, relative to the page.
pub const DATA_ROOT: &str = "data/";

/// Bytes received so far of one file, and its size when the server said it.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    /// The file.
    pub file: String,
    /// Bytes received.
    pub received: u64,
    /// `Content-Length`, if sent.
    pub total: Option<u64>,
}

fn network(file: &str) -> LoadError {
    LoadError::Network {
        file: file.to_owned(),
    }
}

/// Fetches `DATA_ROOT` + `path` (a relative path checked by the caller) through gloo-net and calls
/// `on_progress` as bytes arrive. `file` names the file in messages.
pub async fn fetch_bytes(
    path: &str,
    file: &str,
    on_progress: impl Fn(Progress),
) -> Result<Vec<u8>, LoadError> {
    let url = format!("{DATA_ROOT}{path}");
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|_| network(file))?;
    if !response.ok() {
        return Err(LoadError::Http {
            file: file.to_owned(),
            status: response.status(),
        });
    }
    let total = response
        .headers()
        .get("content-length")
        .and_then(|v| v.parse::<u64>().ok());
    let report = |received: u64| {
        on_progress(Progress {
            file: file.to_owned(),
            received,
            total,
        })
    };
    report(0);
    // The body as a stream, for the progress; where there is none, whole.
    let Some(body) = response.body() else {
        let bytes = response.binary().await.map_err(|_| network(file))?;
        report(bytes.len() as u64);
        return Ok(bytes);
    };
    let reader: ReadableStreamDefaultReader =
        body.get_reader().dyn_into().map_err(|_| network(file))?;
    let mut bytes = Vec::with_capacity(total.unwrap_or(0).min(64 << 20) as usize);
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| network(file))?;
        let done = Reflect::get(&chunk, &JsValue::from_str("done"))
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        let value = Reflect::get(&chunk, &JsValue::from_str("value")).map_err(|_| network(file))?;
        let array: Uint8Array = value.dyn_into().map_err(|_| network(file))?;
        let start = bytes.len();
        bytes.resize(start + array.length() as usize, 0);
        array.copy_to(&mut bytes[start..]);
        report(bytes.len() as u64);
    }
    Ok(bytes)
}

/// Lets the browser run other tasks (input, paint) before the rest of a long piece of work: the next step
/// starts in a task of its own (`setTimeout(0)`), so that no task blocks the page for long on a slow phone.
pub async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Marks a point of the start in the Performance timeline (`performance.mark`), where a trace or
/// Lighthouse's User Timing audit shows how long loading, parsing and hydrating took.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// The SHA-256 of `bytes` as lower-case hex, by the browser's SubtleCrypto (native code, a fraction of
/// what the same sum costs in wasm on a slow phone); `None` where the page has no SubtleCrypto (it exists
/// only on https and on the local machine), and the caller sums in wasm.
pub async fn sha256_hex(bytes: &[u8]) -> Option<String> {
    let subtle = web_sys::window()?.crypto().ok()?.subtle();
    let promise = subtle.digest_with_str_and_u8_array("SHA-256", bytes).ok()?;
    let buffer = JsFuture::from(promise).await.ok()?;
    Some(adal_core::checksum::hex(&Uint8Array::new(&buffer).to_vec()))
}
