//! Hydration in parts, and the app's executor while hydrating: what [`crate::boot`] hydrates the page
//! with and [`crate::components::later::Later`] defers a part of it through. Of the app it imports only
//! [`crate::api`]: both the entry and the components may use it.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};

thread_local! {
    /// Set while the page (or a part of it, [`later`]) is hydrated.
    static DEFER: Cell<bool> = const { Cell::new(false) };
    /// The parts of the page to hydrate after the rest ([`later`]), in the page's order.
    static PARTS: RefCell<VecDeque<Box<dyn FnOnce()>>> = RefCell::default();
    /// The tasks spawned while hydrating: the first run of every effect.
    static FIRST_RUNS: RefCell<Vec<PinnedLocalFuture<()>>> = RefCell::default();
}

/// Makes [`Tasks`] the app's executor.
pub fn init_executor() {
    let _ = Executor::init_local_custom_executor(Tasks);
}

/// Runs `hydrate` (the page's, or a part's) with the tasks it spawns deferred ([`Tasks`]).
pub fn while_hydrating<R>(hydrate: impl FnOnce() -> R) -> R {
    DEFER.set(true);
    let result = hydrate();
    DEFER.set(false);
    result
}

/// Whether the page is being hydrated now (not drawn): for [`crate::components::later::Later`].
pub fn hydrating() -> bool {
    DEFER.get()
}

/// Hydrates `part` after the rest of the page, in a task of its own: before any effect's first run, so
/// that every part is hydrated from the state the page was pre-rendered in.
pub fn later(part: impl FnOnce() + 'static) {
    PARTS.with_borrow_mut(|parts| parts.push_back(Box::new(part)));
}

/// Hydrates the parts left for later, each in a task of its own, then starts the first run of every
/// effect, each in a task of its own too.
pub async fn hydrate_the_rest() {
    while let Some(part) = PARTS.with_borrow_mut(VecDeque::pop_front) {
        crate::api::yield_now().await;
        while_hydrating(part);
        crate::api::mark("adal:later");
    }
    for task in FIRST_RUNS.take() {
        wasm_bindgen_futures::spawn_local(async move {
            crate::api::yield_now().await;
            task.await;
        });
    }
}

/// The app's executor: wasm-bindgen's, except that the tasks spawned while the page is hydrated (the
/// first run of every effect) each start in a task of their own, after hydration's and its parts'
/// ([`later`]), instead of in its microtasks: on a slow phone they made it one long task.
struct Tasks;

impl CustomExecutor for Tasks {
    fn spawn(&self, task: PinnedFuture<()>) {
        self.spawn_local(task);
    }

    fn spawn_local(&self, task: PinnedLocalFuture<()>) {
        if DEFER.get() {
            FIRST_RUNS.with_borrow_mut(|tasks| tasks.push(task));
        } else {
            wasm_bindgen_futures::spawn_local(task);
        }
    }

    fn poll_local(&self) {}
}
