//! Opening a plan from disk: a file picker and a drop zone, plus the loading state
//! ("Caricamento…" with a progress bar) while a file is read and checked.

use semaforo_core::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{t, Msg};
use crate::state::Status;
use crate::text;

#[derive(Properties, PartialEq)]
pub struct OpenerProps {
    pub lang: Lang,
    pub status: Status,
    pub source: AttrValue,
    pub onfile: Callback<web_sys::File>,
}

/// The first file of a drop, if any.
pub fn dropped_file(e: &DragEvent) -> Option<web_sys::File> {
    e.data_transfer()?.files()?.get(0)
}

#[function_component]
pub fn Opener(props: &OpenerProps) -> Html {
    let lang = props.lang;
    let over = use_state(|| false);
    let onchange = {
        let onfile = props.onfile.clone();
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
            over.set(true);
        })
    };
    let ondragleave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let ondrop = {
        let over = over.clone();
        let onfile = props.onfile.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            e.stop_propagation();
            over.set(false);
            if let Some(file) = dropped_file(&e) {
                onfile.emit(file);
            }
        })
    };
    let status = match &props.status {
        Status::Idle => html! {},
        Status::Reading { name, size } | Status::Parsing { name, size } => {
            let word = if matches!(props.status, Status::Reading { .. }) { t(lang, Msg::Reading) } else { t(lang, Msg::Loading) };
            html! {
                <div class="loading" data-testid="loading">
                    <progress aria-label={t(lang, Msg::Loading)}></progress>
                    <span>{ word }{ " " }<strong>{ name.clone() }</strong>
                    if *size > 0.0 { { format!(" ({})", text::bytes(lang, *size)) } }
                    </span>
                </div>
            }
        }
    };
    html! {
        <div class={classes!("opener", (*over).then_some("over"))} {ondragover} {ondragleave} {ondrop} data-testid="dropzone">
            <label class="btn btn-primary file-label">
                <input type="file" accept=".json,application/json" class="file-input" data-testid="file-input" {onchange} />
                <span>{ t(lang, Msg::OpenPlan) }</span>
            </label>
            <span class="drop-hint">{ if *over { t(lang, Msg::DropHere) } else { t(lang, Msg::DropHint) } }</span>
            <span class="source">{ "· " }<span class="filename" data-testid="source">{ props.source.clone() }</span></span>
            <div aria-live="polite" class="status">{ status }</div>
        </div>
    }
}
