//! "Importa tabella" and "Apri il PDF della relazione" in the main app: the buttons, and
//! the importer's panel, which lives in the on-demand module `dist/import/` (the core's
//! importer and the panel, fetched the first time a button is pressed;
//! [`crate::ondemand`]). Closing the panel unmounts it; opening it again mounts it anew
//! from the text and choices kept in storage. The PDF button mounts it ready for a PDF
//! (its input `pdf…`), which opens the file chooser; each press mounts it anew, so that
//! it opens the chooser again.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{t, use_lang, Msg};
use crate::ondemand::{Call, Panel};

#[derive(Properties, PartialEq)]
pub struct ImportLauncherProps {
    /// A plan's name and JSON text, to open as if it were a file.
    pub onopen: Callback<(AttrValue, Rc<String>)>,
}

#[function_component]
pub fn ImportLauncher(props: &ImportLauncherProps) -> Html {
    let lang = use_lang();
    // Closed (`None`), open for a table (`Some(0)`), or for the n-th press of the PDF button.
    let open = use_state_eq(|| None::<u32>);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(if open.is_some() { None } else { Some(0) }))
    };
    let onpdf = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(Some(open.unwrap_or(0) + 1)))
    };
    // The panel opens a plan (`open`, name, JSON) and then closes (`close`).
    let oncall = {
        let (open, onopen) = (open.clone(), props.onopen.clone());
        Callback::from(move |(verb, name, json): Call| match verb.as_str() {
            "open" => onopen.emit((name.into(), json.into())),
            "close" => open.set(None),
            _ => {}
        })
    };
    html! {
        <>
            <button type="button" class="btn btn-outline importer-toggle" aria-expanded={open.is_some().to_string()} aria-controls="import-panel"
                onclick={ontoggle} data-testid="import-toggle">
                { t(lang, if open.is_some() { Msg::ImportClose } else { Msg::ImportTable }) }
            </button>
            <button type="button" class="btn btn-outline importer-toggle" onclick={onpdf} data-testid="import-pdf-toggle">{ t(lang, Msg::ImportPdf) }</button>
            if let Some(n) = *open {
                <Panel module="import/semaforo_xlsx.js" mount="mount_importer" input={if n > 0 { format!("pdf{n}") } else { String::new() }} {oncall} />
            }
        </>
    }
}
