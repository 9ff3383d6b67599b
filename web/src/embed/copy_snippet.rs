//! The "copy embed code" button beside a view: it copies the `<iframe>` snippet that shows
//! that view alone (see embed.rs) and confirms it in an `aria-live` line.
//!
//! The clipboard API needs a secure context and may be refused; then the snippet appears
//! in a read-only textarea, already selected, to copy by hand. The plan in the snippet is
//! the one on screen: the `?plan=` address it was fetched from, none for the built-in plan,
//! or the name of a file the user opened, with a note that it must be published first.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::embed::host::{self as embed, SnippetPlan};
use crate::i18n::{t, use_page, Msg, Page};
use crate::io;
use crate::state::DEFAULT_PLAN_NAME;

#[derive(Properties, PartialEq)]
pub struct CopySnippetProps {
    /// The evaluation id of the view: `ENTE`, `OS_02.03`, `cruscotto/CR_ISR`, …
    pub view: AttrValue,
    /// The view's name, for the iframe's `title` (its accessible name on the host page).
    pub title: AttrValue,
    /// How many lines the view lists: the snippet's first guess at its height.
    #[prop_or_default]
    pub rows: usize,
}

#[derive(Clone, Copy, PartialEq)]
enum Outcome {
    Idle,
    Copied,
    /// No clipboard: the snippet is shown selected in the textarea.
    Manual,
}

#[function_component]
pub fn CopySnippet(props: &CopySnippetProps) -> Html {
    crate::rendered!("CopySnippet", &props.view);
    let Page { lang, source } = use_page();
    let outcome = use_state(|| Outcome::Idle);
    let area = use_node_ref();

    let plan = embed::snippet_plan(&source, io::plan_param().as_deref(), DEFAULT_PLAN_NAME);
    let src = embed::embed_url(&embed::app_base(), &props.view, plan.address(), lang);
    let code = embed::snippet(&src, &props.title, embed::estimated_height(props.rows));

    let onclick = {
        let outcome = outcome.clone();
        let code = code.clone();
        Callback::from(move |_: MouseEvent| {
            let outcome = outcome.clone();
            let code = code.clone();
            wasm_bindgen_futures::spawn_local(async move {
                outcome.set(if copy(&code).await { Outcome::Copied } else { Outcome::Manual });
            });
        })
    };
    // Select the snippet whenever it is shown for copying by hand.
    {
        let area = area.clone();
        use_effect_with((*outcome, code.clone()), move |(outcome, _)| {
            if *outcome == Outcome::Manual {
                if let Some(el) = area.cast::<web_sys::HtmlTextAreaElement>() {
                    let _ = el.focus();
                    el.select();
                }
            }
        });
    }

    let local_note = match &plan {
        SnippetPlan::LocalFile(name) => Some(format!("{} {name}", t(lang, Msg::EmbedPublishFile))),
        _ => None,
    };
    let status = match *outcome {
        Outcome::Idle => String::new(),
        Outcome::Copied => t(lang, Msg::EmbedCopied).to_string(),
        Outcome::Manual => t(lang, Msg::EmbedCopyManual).to_string(),
    };
    let status = match (&local_note, status.is_empty()) {
        (Some(note), false) => format!("{status} {note}"),
        _ => status,
    };
    html! {
        <div class="copy-snippet no-print" data-testid="copy-snippet" data-view={props.view.clone()}>
            <button type="button" class="btn btn-outline btn-small" {onclick}>
                { t(lang, Msg::EmbedCopy) }<span class="visually-hidden">{ ": " }{ props.title.clone() }</span>
            </button>
            <span class="copy-status" role="status" aria-live="polite" data-testid="copy-status">{ status }</span>
            if *outcome == Outcome::Manual {
                <label class="copy-manual">
                    <span>{ t(lang, Msg::EmbedCode) }</span>
                    <textarea ref={area} readonly=true rows="3" data-testid="snippet-text" value={code} />
                </label>
            }
        </div>
    }
}

/// Writes the text with `navigator.clipboard`; false when there is none or it refused.
async fn copy(text: &str) -> bool {
    let navigator = gloo::utils::window().navigator();
    // In an insecure context `navigator.clipboard` is undefined: calling it would throw
    // through the wasm, so look before calling.
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !has_clipboard {
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(text)).await.is_ok()
}
