//! Semaforo in the browser: a static WebAssembly page that opens a performance plan and
//! shows its tree, scores, verdicts and explanations.
//!
//! All scoring is done by `semaforo-core`, linked as a Rust crate; this crate only loads
//! plans, keeps the interface state and draws. It makes no request but for its own files
//! (and a `?plan=` on the same origin).

mod components;
// Embedded views (issue 5).
mod embed;
mod i18n;
// Table import (issue 6).
mod import_view;
mod io;
mod model;
mod state;
// What-if (issue 4).
mod whatif;
mod text;

fn main() {
    // Render into #app, replacing the static "Caricamento…" shown while the wasm loads.
    let root = gloo::utils::document().get_element_by_id("app");
    match root {
        Some(root) => {
            // Not innerHTML: the CSP's Trusted Types (web/build/policy.mjs) forbid that sink.
            root.set_text_content(None);
            // Embedded views (issue 5): `?embed=VIEW` shows that view alone, for an iframe.
            if let Some(request) = embed::request() {
                let props = components::embed_view::EmbedViewProps { request: std::rc::Rc::new(request) };
                yew::Renderer::<components::embed_view::EmbedView>::with_root_and_props(root, props).render();
                return;
            }
            yew::Renderer::<components::app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<components::app::App>::new().render();
        }
    }
}
