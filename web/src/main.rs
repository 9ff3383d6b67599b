//! Semaforo in the browser: a static WebAssembly page that opens a performance plan and
//! shows its tree, scores, verdicts and explanations.
//!
//! All scoring is done by `semaforo-core`, linked as a Rust crate; this crate only loads
//! plans, keeps the interface state and draws. It makes no request but for its own files
//! (and a `?plan=` on the same origin).

mod components;
mod i18n;
mod io;
mod model;
mod state;
mod text;

fn main() {
    // Render into #app, replacing the static "Caricamento…" shown while the wasm loads.
    let root = gloo::utils::document().get_element_by_id("app");
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<components::app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<components::app::App>::new().render();
        }
    }
}
