//! How many times each component instance was drawn, counted in debug builds only (tests
//! and `trunk serve`), so that a test can check that an edit draws again only what shows
//! a changed value (`render_test.rs`). In a release build `rendered!` expands to
//! nothing and this module is empty.

#[cfg(debug_assertions)]
use std::cell::RefCell;
#[cfg(debug_assertions)]
use std::collections::BTreeMap;

#[cfg(debug_assertions)]
thread_local! {
    static COUNTS: RefCell<BTreeMap<(&'static str, String), u32>> = const { RefCell::new(BTreeMap::new()) };
}

/// Notes one render of the component `name` for the instance `key` (a node's id, a
/// chart's id, or "" for a component the page has once).
#[macro_export]
macro_rules! rendered {
    ($name:expr) => {
        $crate::rendered!($name, "")
    };
    ($name:expr, $key:expr) => {
        #[cfg(debug_assertions)]
        $crate::render_count::note($name, $key);
    };
}

#[cfg(debug_assertions)]
pub fn note(name: &'static str, key: &str) {
    COUNTS.with(|c| *c.borrow_mut().entry((name, key.to_string())).or_default() += 1);
}

/// The renders counted since the last call, by component and instance; the count
/// starts again from zero.
#[cfg(all(test, target_arch = "wasm32"))]
pub fn take() -> BTreeMap<(&'static str, String), u32> {
    COUNTS.with(|c| std::mem::take(&mut *c.borrow_mut()))
}
