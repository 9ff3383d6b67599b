//! Opening a plan from disk: a file picker and a drop zone, plus the loading state
//! ("Caricamento…" with a progress bar) while a file is read and checked.

use yew::prelude::*;

use crate::open::file_drop::{use_file_drop, FileDrop};

use crate::i18n::{t, use_lang, Msg};
use crate::state::Status;
use crate::text;

#[derive(Properties, PartialEq)]
pub struct OpenerProps {
    pub status: Status,
    pub source: AttrValue,
    pub onfile: Callback<web_sys::File>,
}

#[function_component]
pub fn Opener(props: &OpenerProps) -> Html {
    crate::rendered!("Opener");
    let lang = use_lang();
    let FileDrop { over, onchange, ondragover, ondragleave, ondrop } = use_file_drop(props.onfile.clone());
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
        <div class={if over { "opener over" } else { "opener" }} {ondragover} {ondragleave} {ondrop} data-testid="dropzone">
            <label class="btn btn-primary file-label">
                <input type="file" accept=".json,application/json" class="file-input" data-testid="file-input" {onchange} />
                <span>{ t(lang, Msg::OpenPlan) }</span>
            </label>
            <span class="drop-hint">{ if over { t(lang, Msg::DropHere) } else { t(lang, Msg::DropHint) } }</span>
            <span class="source">{ "· " }<span class="filename" data-testid="source">{ props.source.clone() }</span></span>
            <div aria-live="polite" class="status">{ status }</div>
        </div>
    }
}
