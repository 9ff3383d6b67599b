//! The app's only input and output: files the user opens, a plan named by `?plan=`
//! (fetched from this page's own origin, never elsewhere), the language remembered in
//! localStorage, and the files the app hands to the user (exports, settings).
//!
//! Reading and checking a large plan must not freeze the page, so each step yields to
//! the browser first: the "Caricamento…" state is painted before parsing starts.

use std::rc::Rc;

use gloo::storage::{LocalStorage, Storage};
use semaforo_core::Lang;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::state::{Action, State};

const LANG_KEY: &str = "semaforo.lang";

pub fn stored_lang() -> Lang {
    match LocalStorage::get::<String>(LANG_KEY).ok().as_deref() {
        Some("en") => Lang::En,
        _ => Lang::It,
    }
}

/// Remembers the language and sets `<html lang>` so screen readers switch voice.
pub fn apply_lang(lang: Lang) {
    let code = lang.tag();
    let _ = LocalStorage::set(LANG_KEY, code);
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("lang", code);
    }
}

/// Waits until the browser has painted: a frame, then a task.
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = gloo::utils::window();
        if window.request_animation_frame(&resolve).is_err() {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
    gloo::timers::future::TimeoutFuture::new(0).await;
}

/// Reads a file the user picked or dropped, then hands its text to the reducer.
pub fn open_file(file: web_sys::File, dispatch: UseReducerDispatcher<State>) {
    let file = gloo::file::File::from(file);
    let name: AttrValue = file.name().into();
    let size = file.size() as f64;
    dispatch.dispatch(Action::Reading { name: name.clone(), size });
    wasm_bindgen_futures::spawn_local(async move {
        yield_to_browser().await;
        match gloo::file::futures::read_as_bytes(&file).await {
            Ok(bytes) => parse(name, size, decode(bytes), dispatch).await,
            Err(e) => dispatch.dispatch(Action::Failed { name, message: e.to_string().into() }),
        }
    });
}

async fn parse(name: AttrValue, size: f64, text: String, dispatch: UseReducerDispatcher<State>) {
    dispatch.dispatch(Action::Parsing { name: name.clone(), size });
    yield_to_browser().await;
    dispatch.dispatch(Action::Open { name, text: Rc::new(text) });
}

/// The `plan` query parameter, if the page was opened with one.
pub fn plan_param() -> Option<String> {
    let search = gloo::utils::window().location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get("plan").filter(|p| !p.trim().is_empty())
}

/// Fetches the built-in plan, then the one named by `?plan=` if there is one: a plan
/// that fails to load leaves the built-in one in place.
pub fn fetch_initial_plans(param: Option<String>, dispatch: UseReducerDispatcher<State>) {
    wasm_bindgen_futures::spawn_local(async move {
        match fetch_text(crate::state::DEFAULT_PLAN_URL).await {
            Ok(text) => dispatch.dispatch(Action::OpenBuiltIn { text: Rc::new(text) }),
            Err(message) => dispatch.dispatch(Action::Failed { name: crate::state::DEFAULT_PLAN_NAME.into(), message: message.into() }),
        }
        if let Some(relative) = param {
            fetch_plan(relative, dispatch);
        }
    });
}

/// Fetches the plan named by `?plan=`, resolved against the page and refused unless it
/// is on the page's own origin: the app makes no request to anyone else.
pub fn fetch_plan(relative: String, dispatch: UseReducerDispatcher<State>) {
    let name: AttrValue = relative.clone().into();
    dispatch.dispatch(Action::Reading { name: name.clone(), size: 0.0 });
    wasm_bindgen_futures::spawn_local(async move {
        match fetch_text(&relative).await {
            Ok(text) => {
                let size = text.len() as f64;
                parse(name, size, text, dispatch).await
            }
            Err(message) => dispatch.dispatch(Action::Failed { name, message: message.into() }),
        }
    });
}

async fn fetch_text(relative: &str) -> Result<String, String> {
    let js_text = |e| js_text(e, "network error");
    let window = gloo::utils::window();
    let href = window.location().href().map_err(js_text)?;
    let url = web_sys::Url::new_with_base(relative, &href).map_err(js_text)?;
    let origin = window.location().origin().map_err(js_text)?;
    if url.origin() != origin {
        return Err(format!("{} is not on this site ({origin}): only plans from the same origin are opened", url.href()));
    }
    let response = JsFuture::from(window.fetch_with_str(&url.href())).await.map_err(js_text)?;
    let response: web_sys::Response = response.dyn_into().map_err(js_text)?;
    if !response.ok() {
        return Err(format!("HTTP {} {}", response.status(), url.href()));
    }
    let bytes = JsFuture::from(response.array_buffer().map_err(js_text)?).await.map_err(js_text)?;
    Ok(decode(js_sys::Uint8Array::new(&bytes).to_vec()))
}

/// A plan file's text, read from its bytes as `Response.text()` and `FileReader` would
/// (UTF-8, a byte-order mark dropped, a bad sequence replaced), but without making a
/// JavaScript string first: handing wasm a 15 MB string cost more than reading the plan.
fn decode(bytes: Vec<u8>) -> String {
    let mut text = String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    text
}

/// The message of a JavaScript error (or a thrown string); `otherwise` if it has none.
pub fn js_text(value: JsValue, otherwise: &str) -> String {
    value.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| value.as_string()).unwrap_or_else(|| otherwise.to_string())
}

/// Offers `text` to the user as a downloaded file, with no request: a Blob's object URL,
/// clicked on a link that is never added to the page.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| "cannot make the file")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "cannot make the file's address")?;
    let anchor: web_sys::HtmlAnchorElement = gloo::utils::document().create_element("a").ok().and_then(|a| a.dyn_into().ok()).ok_or("cannot make a link")?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The download starts from the click; the address is kept a while for browsers
    // that read it later, then released.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// A file name's stem from free text (a scenario's name, a table's file name): letters,
/// digits, `-` and `_`, anything else a `-`, none at either end; `fallback` if nothing is left.
pub fn file_stem(text: &str, fallback: &str) -> String {
    let stem: String = text.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).collect();
    let stem = stem.trim_matches('-');
    if stem.is_empty() {
        fallback.to_string()
    } else {
        stem.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems() {
        assert_eq!(file_stem("Scenario 1 (2)", "scenario"), "Scenario-1--2");
        assert_eq!(file_stem("cruscotto promozione", "piano"), "cruscotto-promozione");
        assert_eq!(file_stem(" (?) ", "piano-importato"), "piano-importato");
    }
}
