//! Semaforo in the browser: a static WebAssembly page that opens a performance plan and
//! shows its tree, scores, verdicts and explanations.
//!
//! All scoring is done by `semaforo-core`, linked as a Rust crate; this crate only loads
//! plans, keeps the interface state and draws. It makes no request but for its own files
//! (and a `?plan=` on the same origin).

// The page, and the state it keeps.
mod app;
mod i18n;
mod io;
mod model;
pub mod ondemand;
mod state;
mod text;
// Render counts (debug builds only), and the page driven in headless Chromium with them.
mod render_count;
#[cfg(all(test, target_arch = "wasm32"))]
mod render_test;
// What the user does, one folder each: open a plan, explore it, read its charts, try
// changes (what-if), import a table, check a report (verify), embed a view in another page.
mod charts;
mod embed;
mod explore;
pub mod import;
mod open;
pub mod verify;
mod whatif;

/// Renders the page into `#app`: the whole app, or one view for an iframe (`?embed=`).
pub fn start() {
    // Render into #app, replacing the static "Caricamento…" shown while the wasm loads.
    let root = gloo::utils::document().get_element_by_id("app");
    match root {
        Some(root) => {
            // Not innerHTML: the CSP's Trusted Types (web/build/policy.mjs) forbid that sink.
            root.set_text_content(None);
            // Embedded views (issue 5): `?embed=VIEW` shows that view alone, for an iframe.
            if let Some(request) = embed::host::request() {
                let props = embed::view::EmbedViewProps { request: std::rc::Rc::new(request) };
                yew::Renderer::<embed::view::EmbedView>::with_root_and_props(root, props).render();
                return;
            }
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}
