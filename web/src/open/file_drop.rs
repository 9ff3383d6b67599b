//! One file from a file input or a drop zone: the handlers both the plan opener and the
//! table importer use, and whether a file is being dragged over the zone (for its style
//! and its hint).

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The handlers to put on an `<input type=file>` (`onchange`) and on its drop zone.
pub struct FileDrop {
    pub over: bool,
    pub onchange: Callback<Event>,
    pub ondragover: Callback<DragEvent>,
    pub ondragleave: Callback<DragEvent>,
    pub ondrop: Callback<DragEvent>,
}

/// The first file of a drop, if any.
pub fn dropped_file(e: &DragEvent) -> Option<web_sys::File> {
    e.data_transfer()?.files()?.get(0)
}

/// Calls `onfile` with the file chosen or dropped. A drop stops here: a zone inside the
/// page (the importer's) must not also trigger the page's own drop.
#[hook]
pub fn use_file_drop(onfile: Callback<web_sys::File>) -> FileDrop {
    let over = use_state(|| false);
    let onchange = {
        let onfile = onfile.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                onfile.emit(file);
            }
            // Let the same file be chosen again after it was fixed on disk.
            input.set_value("");
        })
    };
    let ondragover = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            e.stop_propagation();
            over.set(true);
        })
    };
    let ondragleave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let ondrop = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            e.stop_propagation();
            over.set(false);
            if let Some(file) = dropped_file(&e) {
                onfile.emit(file);
            }
        })
    };
    FileDrop { over: *over, onchange, ondragover, ondragleave, ondrop }
}
