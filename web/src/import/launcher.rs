//! "Importa tabella" in the main app: the button, and the importer's panel, which lives
//! in the on-demand module `dist/import/` (the core's importer and the panel, fetched
//! the first time the button is pressed; [`crate::ondemand`]). Closing the panel
//! unmounts it; opening it again mounts it anew from the text and choices kept in
//! storage.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{t, use_lang, Msg};
use crate::ondemand::{Call, Panel};

#[derive(Properties, PartialEq)]
pub struct ImportLauncherProps {
    /// A plan's name and JSON text, to open as if it were a file.
    pub onopen: Callback<(AttrValue, Rc<str>)>,
}

#[function_component]
pub fn ImportLauncher(props: &ImportLauncherProps) -> Html {
    let lang = use_lang();
    let open = use_state_eq(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    // The panel opens a plan (`open`, name, JSON) and then closes (`close`).
    let oncall = {
        let (open, onopen) = (open.clone(), props.onopen.clone());
        Callback::from(move |(verb, name, json): Call| match verb.as_str() {
            "open" => onopen.emit((name.into(), json.into())),
            "close" => open.set(false),
            _ => {}
        })
    };
    html! {
        <>
            <button type="button" class="btn btn-outline importer-toggle" aria-expanded={open.to_string()} aria-controls="import-panel"
                onclick={ontoggle} data-testid="import-toggle">
                { t(lang, if *open { Msg::ImportClose } else { Msg::ImportTable }) }
            </button>
            if *open {
                <Panel module="import/semaforo_xlsx.js" mount="mount_importer" {oncall} />
            }
        </>
    }
}
