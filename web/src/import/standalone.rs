//! The importer's panel as an app of its own, for the on-demand import module
//! (`web/xlsx-module`, feature `ui`, built into `dist/import/`): the panel, its preview
//! and the importer are about 40 KB of the main bundle's gzipped budget, and only those
//! who import a table need them. The main app's [`launcher`](super::launcher) mounts this
//! into an element of its page when "Importa tabella" is pressed, and unmounts it when
//! the panel closes; what the user typed and chose is kept in storage as before.
//!
//! Two copies of yew then share one page, each with its own numbering of the subtrees it
//! controls, and yew tells whose an event is by that number, written on the DOM nodes.
//! The main app controls one subtree (its root, number 1, and no portals); so the panel
//! takes its number only after spending one on a throw-away root ([`mount`]), and the main
//! app ignores the panel's events as another app's.

use std::rc::Rc;

use semaforo_core::Lang;
use yew::prelude::*;

use crate::i18n::Page;
use crate::import::importer::Importer;

#[derive(Properties, Clone)]
pub struct RootProps {
    pub lang: Lang,
    pub onopen: Callback<(AttrValue, Rc<str>)>,
    pub onclose: Callback<()>,
}

impl PartialEq for RootProps {
    /// Only the language changes after mounting; the callbacks are the host's, made once.
    fn eq(&self, other: &RootProps) -> bool {
        self.lang == other.lang
    }
}

#[function_component]
fn Root(props: &RootProps) -> Html {
    // A file dropped on the panel, outside its drop zone, is not opened by the browser in
    // place of the page (the main app's own handler does not see this app's events).
    let prevent = Callback::from(|e: DragEvent| e.prevent_default());
    html! {
        <ContextProvider<Page> context={Page { lang: props.lang, source: AttrValue::default() }}>
            <div ondragover={prevent.clone()} ondrop={prevent}>
                <Importer onopen={props.onopen.clone()} onclose={props.onclose.clone()} />
            </div>
        </ContextProvider<Page>>
    }
}

/// The panel mounted in an element of the main app's page.
pub struct Mounted {
    app: AppHandle<Root>,
    props: RootProps,
}

/// The language of a tag the main app sends (`it`, `en`); Italian for any other.
fn lang(tag: &str) -> Lang {
    crate::embed::host::lang_from_code(tag).unwrap_or(Lang::It)
}

/// Mounts the panel into `element`, in the language of the tag `lang`; `onopen` gets a
/// plan's name and JSON text, `onclose` is called when the panel is done.
pub fn mount(element: web_sys::Element, lang_tag: &str, onopen: impl Fn(String, String) + 'static, onclose: impl Fn() + 'static) -> Mounted {
    // See the module's comment: a subtree number the main app's root does not have.
    if let Ok(spent) = gloo::utils::document().create_element("div") {
        yew::Renderer::<Nothing>::with_root(spent).render().destroy();
    }
    let props = RootProps {
        lang: lang(lang_tag),
        onopen: Callback::from(move |(name, json): (AttrValue, Rc<str>)| onopen(name.to_string(), json.to_string())),
        onclose: Callback::from(move |()| onclose()),
    };
    Mounted { app: yew::Renderer::<Root>::with_root_and_props(element, props.clone()).render(), props }
}

#[function_component]
fn Nothing() -> Html {
    html! {}
}

impl Mounted {
    pub fn set_lang(&mut self, lang_tag: &str) {
        self.props.lang = lang(lang_tag);
        self.app.update(self.props.clone());
    }

    pub fn unmount(self) {
        self.app.destroy();
    }
}
