//! Panels that live in on-demand modules: the importer (`dist/import/`) and the audit
//! (`dist/audit/`) are yew apps of their own, compiled with the core's importer or audit
//! into modules the main app fetches only when the reader asks for them, so that the
//! first download stays within its budget. [`Panel`] is the main app's side: the element
//! a module mounts its app into, the messages while it loads, its language kept in step
//! with the page's, and what it calls back. [`mount`] is the module's side.
//!
//! Two copies of yew then share one page, each numbering the subtrees it controls, and
//! yew tells whose an event is by that number, written on the DOM nodes. The main app
//! controls one subtree (its root, number 1, and no portals); so a panel takes its number
//! only after spending one on a throw-away root, and the main app ignores the panel's
//! events as another app's.

use std::cell::RefCell;
use std::rc::Rc;

use semaforo_core::Lang;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::i18n::{t, use_lang, Msg};

#[wasm_bindgen(inline_js = "export async function mountPanel(url, name, element, lang, input, callback) {
  const m = await import(url);
  await m.default();
  return m[name](element, lang, input, callback);
}
export function setPanelLang(panel, lang) { panel.set_lang(lang); }
export function unmountPanel(panel) { panel.unmount(); }")]
extern "C" {
    #[wasm_bindgen(catch, js_name = mountPanel)]
    async fn mount_panel(url: &str, name: &str, element: web_sys::Element, lang: &str, input: &str, callback: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = setPanelLang)]
    fn set_panel_lang(panel: &JsValue, lang: &str);
    #[wasm_bindgen(js_name = unmountPanel)]
    fn unmount_panel(panel: &JsValue);
}

/// What a panel says to the main app: a verb and two words (`open`, name, JSON).
pub type Call = (String, String, String);

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    /// The module's script, beside the page (`import/semaforo_xlsx.js`).
    pub module: &'static str,
    /// The module's function that mounts the panel (`mount_importer`).
    pub mount: &'static str,
    /// What the panel is given (the plan's JSON for the audit); a new one mounts it anew.
    #[prop_or_default]
    pub input: AttrValue,
    pub oncall: Callback<Call>,
}

#[derive(Clone, PartialEq)]
enum Status {
    Loading,
    Mounted,
    Failed(AttrValue),
}

/// What a mounted panel needs kept alive: its handle in the module, and the function it
/// calls back.
struct Host {
    panel: JsValue,
    _callback: Closure<dyn Fn(String, String, String)>,
}

/// The element a module's panel is mounted into, for as long as this component is shown.
#[function_component]
pub fn Panel(props: &PanelProps) -> Html {
    let lang = use_lang();
    let status = use_state_eq(|| Status::Loading);
    let element = use_node_ref();
    let host: Rc<RefCell<Option<Host>>> = use_mut_ref(|| None);
    // The language when the module answers, which may not be the one it was asked in.
    let current = use_mut_ref(|| lang);
    *current.borrow_mut() = lang;
    {
        let (status, element, host, current, oncall) = (status.clone(), element.clone(), host.clone(), current.clone(), props.oncall.clone());
        let (module, mount) = (props.module, props.mount);
        use_effect_with(props.input.clone(), move |input| {
            // Whether this mounting is still wanted when the module answers.
            let wanted = Rc::new(std::cell::Cell::new(true));
            status.set(Status::Loading);
            if let Some(element) = element.cast::<web_sys::Element>() {
                let (wanted, host, input) = (wanted.clone(), host.clone(), input.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    // Called from inside the panel's own event handlers: acted on once they
                    // have returned, so that the main app never unmounts a panel under them.
                    let callback = Closure::<dyn Fn(String, String, String)>::new(move |verb: String, a: String, b: String| {
                        let oncall = oncall.clone();
                        wasm_bindgen_futures::spawn_local(async move { oncall.emit((verb, a, b)) });
                    });
                    let result = match module_url(module) {
                        Ok(url) => {
                            let lang = *current.borrow();
                            mount_panel(&url, mount, element, lang.tag(), &input, callback.as_ref()).await
                        }
                        Err(e) => Err(e),
                    };
                    match result {
                        Ok(panel) if wanted.get() => {
                            *host.borrow_mut() = Some(Host { panel, _callback: callback });
                            status.set(Status::Mounted);
                        }
                        Ok(panel) => unmount_panel(&panel),
                        Err(e) if wanted.get() => status.set(Status::Failed(crate::io::js_text(e, "").into())),
                        Err(_) => {}
                    }
                });
            }
            move || {
                wanted.set(false);
                if let Some(host) = host.borrow_mut().take() {
                    unmount_panel(&host.panel);
                }
            }
        });
    }
    {
        let host = host.clone();
        use_effect_with(lang, move |lang| {
            if let Some(host) = host.borrow().as_ref() {
                set_panel_lang(&host.panel, lang.tag());
            }
        });
    }
    let message = match &*status {
        Status::Loading => html! { <p class="hint" role="status">{ t(lang, Msg::PanelLoading) }</p> },
        Status::Failed(why) => html! {
            <p class="import-failed" role="alert"><span aria-hidden="true">{ "⚠ " }</span>{ t(lang, Msg::PanelUnavailable) }{ ": " }{ why.clone() }</p>
        },
        Status::Mounted => html! {},
    };
    html! {
        <>
            { message }
            // Filled by the module, never by this app: it renders no children here.
            <div class="panel-host" ref={element}></div>
        </>
    }
}

/// A module's script, beside the page.
fn module_url(module: &str) -> Result<String, JsValue> {
    let href = gloo::utils::window().location().href()?;
    Ok(web_sys::Url::new_with_base(module, &href)?.href())
}

/// The module's side: a panel's app mounted into an element of the main app's page, in
/// the language of the tag `lang` (Italian for any but `en`).
pub struct Mounted<C: BaseComponent>
where
    C::Properties: Clone + PartialEq,
{
    app: AppHandle<Context<C>>,
    props: ContextProps<C>,
}

/// The language a panel's app reads, as the main app's components read it.
#[derive(Properties)]
pub struct ContextProps<C: BaseComponent> {
    pub lang: Lang,
    pub inner: C::Properties,
}

impl<C: BaseComponent> Clone for ContextProps<C>
where
    C::Properties: Clone,
{
    fn clone(&self) -> Self {
        ContextProps { lang: self.lang, inner: self.inner.clone() }
    }
}

impl<C: BaseComponent> PartialEq for ContextProps<C>
where
    C::Properties: PartialEq,
{
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang && self.inner == other.inner
    }
}

/// The panel's component inside the page's language, and a drop on it kept from the
/// browser (the main app's own drop handler does not see this app's events, and a file
/// dropped outside a drop zone would otherwise replace the page).
#[function_component]
pub fn Context<C: BaseComponent>(props: &ContextProps<C>) -> Html
where
    C::Properties: Clone + PartialEq,
{
    let prevent = Callback::from(|e: DragEvent| e.prevent_default());
    html! {
        <ContextProvider<crate::i18n::Page> context={crate::i18n::Page { lang: props.lang, source: AttrValue::default() }}>
            <div ondragover={prevent.clone()} ondrop={prevent}>
                <C ..props.inner.clone() />
            </div>
        </ContextProvider<crate::i18n::Page>>
    }
}

fn lang(tag: &str) -> Lang {
    crate::embed::host::lang_from_code(tag).unwrap_or(Lang::It)
}

/// Mounts `C` with `props` into `element`, in the language of the tag `lang_tag`.
pub fn mount<C: BaseComponent>(element: web_sys::Element, lang_tag: &str, props: C::Properties) -> Mounted<C>
where
    C::Properties: Clone + PartialEq,
{
    // See the module's comment: a subtree number the main app's root does not have.
    if let Ok(spent) = gloo::utils::document().create_element("div") {
        yew::Renderer::<Nothing>::with_root(spent).render().destroy();
    }
    let props = ContextProps::<C> { lang: lang(lang_tag), inner: props };
    Mounted { app: yew::Renderer::<Context<C>>::with_root_and_props(element, props.clone()).render(), props }
}

#[function_component]
fn Nothing() -> Html {
    html! {}
}

impl<C: BaseComponent> Mounted<C>
where
    C::Properties: Clone + PartialEq,
{
    pub fn set_lang(&mut self, lang_tag: &str) {
        self.props.lang = lang(lang_tag);
        self.app.update(self.props.clone());
    }

    pub fn unmount(self) {
        self.app.destroy();
    }
}
