//! The page's side of the chart worker (`src/bin/chart-worker.rs`): started with the first chart, it
//! turns a chart's figures into its ECharts option. Requests wait until the worker says it is ready;
//! answers come back by id.

use std::cell::RefCell;
use std::collections::HashMap;

use adal_charts::Request;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// The name the page gives the worker's loader (`<meta name="adal:worker">`, [`super::script::named`]).
const LOADER: &str = "worker";

type Done = Box<dyn FnOnce(Option<String>)>;

struct Client {
    worker: web_sys::Worker,
    ready: bool,
    failed: bool,
    queue: Vec<String>,
    pending: HashMap<u32, Done>,
    next: u32,
    _on_message: Closure<dyn Fn(web_sys::MessageEvent)>,
    _on_error: Closure<dyn Fn(JsValue)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

fn on_message(ev: web_sys::MessageEvent) {
    let text = ev.data().as_string().unwrap_or_default();
    if text == "ready" {
        CLIENT.with(|c| {
            if let Some(client) = c.borrow_mut().as_mut() {
                client.ready = true;
                for message in client.queue.drain(..) {
                    let _ = client.worker.post_message(&message.into());
                }
            }
        });
        return;
    }
    let (id, option) = text.split_once('\n').unwrap_or(("", ""));
    let Ok(id) = id.parse::<u32>() else {
        return;
    };
    let done = CLIENT.with(|c| {
        c.borrow_mut()
            .as_mut()
            .and_then(|client| client.pending.remove(&id))
    });
    if let Some(done) = done {
        done((!option.is_empty()).then(|| option.to_owned()));
    }
}

fn on_error() {
    let pending: Vec<Done> = CLIENT.with(|c| {
        c.borrow_mut().as_mut().map_or_else(Vec::new, |client| {
            client.failed = true;
            client.pending.drain().map(|(_, done)| done).collect()
        })
    });
    for done in pending {
        done(None);
    }
}

fn start() -> Option<Client> {
    let worker = web_sys::Worker::new(&super::script::named(LOADER)?).ok()?;
    let message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(on_message);
    let error = Closure::<dyn Fn(JsValue)>::new(|_| on_error());
    worker.set_onmessage(Some(message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(error.as_ref().unchecked_ref()));
    Some(Client {
        worker,
        ready: false,
        failed: false,
        queue: Vec::new(),
        pending: HashMap::new(),
        next: 0,
        _on_message: message,
        _on_error: error,
    })
}

/// Asks for the option of `request`; `done` gets it, or `None` when the worker failed or could not read
/// the request.
pub fn render(request: &Request, done: impl FnOnce(Option<String>) + 'static) {
    let mut done: Option<Done> = Some(Box::new(done));
    if let Ok(json) = serde_json::to_string(request) {
        CLIENT.with(|c| {
            let mut c = c.borrow_mut();
            if c.is_none() {
                *c = start();
            }
            let Some(client) = c.as_mut().filter(|client| !client.failed) else {
                return;
            };
            client.next += 1;
            let id = client.next;
            if let Some(done) = done.take() {
                client.pending.insert(id, done);
            }
            let message = format!("{id}\n{json}");
            if client.ready {
                let _ = client.worker.post_message(&message.into());
            } else {
                client.queue.push(message);
            }
        });
    }
    if let Some(done) = done {
        done(None);
    }
}
