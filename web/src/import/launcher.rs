//! "Importa tabella" in the main app: the button, and the element the on-demand import
//! module mounts the importer's panel into ([`standalone`](super::standalone)). The
//! module (`dist/import/`, the core's importer and the panel) is fetched the first time
//! the button is pressed; closing the panel unmounts it, and opening it again mounts it
//! anew from the text and choices kept in storage.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::i18n::{t, use_lang, Msg};

#[derive(Properties, PartialEq)]
pub struct ImportLauncherProps {
    /// A plan's name and JSON text, to open as if it were a file.
    pub onopen: Callback<(AttrValue, Rc<str>)>,
}

#[wasm_bindgen(inline_js = "export async function mountImporter(url, element, lang, onopen, onclose) {
  const m = await import(url);
  await m.default();
  return m.mount(element, lang, onopen, onclose);
}
export function setImporterLang(panel, lang) { panel.set_lang(lang); }
export function unmountImporter(panel) { panel.unmount(); }")]
extern "C" {
    #[wasm_bindgen(catch, js_name = mountImporter)]
    async fn mount_importer(url: &str, element: web_sys::Element, lang: &str, onopen: &JsValue, onclose: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = setImporterLang)]
    fn set_importer_lang(panel: &JsValue, lang: &str);
    #[wasm_bindgen(js_name = unmountImporter)]
    fn unmount_importer(panel: &JsValue);
}

#[derive(Clone, PartialEq)]
enum Panel {
    Closed,
    Loading,
    Mounted,
    Failed(AttrValue),
}

/// What a mounted panel needs kept alive: its handle in the module, and the two functions
/// it calls back.
struct Host {
    panel: JsValue,
    _onopen: Closure<dyn Fn(String, String)>,
    _onclose: Closure<dyn Fn()>,
}

#[function_component]
pub fn ImportLauncher(props: &ImportLauncherProps) -> Html {
    let lang = use_lang();
    let panel = use_state_eq(|| Panel::Closed);
    let element = use_node_ref();
    let host: Rc<RefCell<Option<Host>>> = use_mut_ref(|| None);
    let open = *panel != Panel::Closed;
    // The language when the module answers, which may not be the one it was asked in.
    let current = use_mut_ref(|| lang);
    *current.borrow_mut() = lang;

    // Mount when opened, unmount when closed (or when the page goes).
    {
        let (panel, element, host, onopen, current) = (panel.clone(), element.clone(), host.clone(), props.onopen.clone(), current.clone());
        use_effect_with(open, move |&open| {
            // Whether this opening is still wanted when the module answers.
            let wanted = Rc::new(std::cell::Cell::new(open));
            if let (true, Some(element)) = (open, element.cast::<web_sys::Element>()) {
                let (wanted, host) = (wanted.clone(), host.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    // Called from inside the panel's own event handlers: acted on once they
                    // have returned, so that closing never unmounts the panel under them.
                    let onclose = {
                        let panel = panel.clone();
                        Closure::<dyn Fn()>::new(move || {
                            let panel = panel.clone();
                            wasm_bindgen_futures::spawn_local(async move { panel.set(Panel::Closed) });
                        })
                    };
                    let onopen = Closure::<dyn Fn(String, String)>::new(move |name: String, json: String| {
                        let onopen = onopen.clone();
                        wasm_bindgen_futures::spawn_local(async move { onopen.emit((name.into(), json.into())) });
                    });
                    let result = match module_url() {
                        Ok(url) => {
                            let lang = *current.borrow();
                            mount_importer(&url, element, lang.tag(), onopen.as_ref(), onclose.as_ref()).await
                        }
                        Err(e) => Err(e),
                    };
                    match result {
                        Ok(mounted) if wanted.get() => {
                            *host.borrow_mut() = Some(Host { panel: mounted, _onopen: onopen, _onclose: onclose });
                            panel.set(Panel::Mounted);
                        }
                        Ok(mounted) => unmount_importer(&mounted),
                        Err(e) if wanted.get() => panel.set(Panel::Failed(crate::io::js_text(e, "").into())),
                        Err(_) => {}
                    }
                });
            }
            move || {
                wanted.set(false);
                if let Some(host) = host.borrow_mut().take() {
                    unmount_importer(&host.panel);
                }
            }
        });
    }
    // The panel follows the page's language.
    {
        let host = host.clone();
        use_effect_with(lang, move |lang| {
            if let Some(host) = host.borrow().as_ref() {
                set_importer_lang(&host.panel, lang.tag());
            }
        });
    }

    let ontoggle = {
        let panel = panel.clone();
        Callback::from(move |_: MouseEvent| panel.set(if open { Panel::Closed } else { Panel::Loading }))
    };
    let status = match &*panel {
        Panel::Loading => html! { <p class="hint" role="status">{ t(lang, Msg::ImportLoading) }</p> },
        Panel::Failed(why) => html! {
            <p class="import-failed" role="alert"><span aria-hidden="true">{ "⚠ " }</span>{ t(lang, Msg::ImportUnavailable) }{ ": " }{ why.clone() }</p>
        },
        Panel::Closed | Panel::Mounted => html! {},
    };
    html! {
        <>
            <button type="button" class="btn btn-outline importer-toggle" aria-expanded={open.to_string()} aria-controls="import-panel"
                onclick={ontoggle} data-testid="import-toggle">
                { t(lang, if open { Msg::ImportClose } else { Msg::ImportTable }) }
            </button>
            { status }
            if open {
                // Filled by the module, never by this app: it renders no children here.
                <div class="importer-host" ref={element}></div>
            }
        </>
    }
}

/// The import module's script, beside the page.
fn module_url() -> Result<String, JsValue> {
    let href = gloo::utils::window().location().href()?;
    Ok(web_sys::Url::new_with_base("import/semaforo_xlsx.js", &href)?.href())
}
