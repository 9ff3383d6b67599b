//! Embedded views: `index.html?embed=VIEW&plan=PLAN&lang=it` shows one view of a plan
//! (the ente, one objective, a cruscotto or a unit) with minimal chrome, to sit in an
//! `<iframe>` on an intranet page, and tells its parent how tall it is.
//!
//! This module holds what needs no component: reading the address, building the snippet a
//! body pastes (every value escaped, since names come from the plan), and the height
//! messages. The view itself is `embed::view`; docs/embed.md documents both.

use semaforo_core::Lang;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The `type` of the message an embedded view posts to its parent on every resize.
pub const HEIGHT_MESSAGE: &str = "semaforo:height";

/// What `?embed=` asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct EmbedRequest {
    /// An evaluation id: `ENTE`, an objective code, `cruscotto/CODE`, `unit/CODE`.
    pub view: String,
    /// The plan to fetch (same origin, relative to the page); none: the built-in plan.
    pub plan: Option<String>,
    pub lang: Lang,
}

impl EmbedRequest {
    /// From the raw query values; `None` unless `embed` names a view.
    pub fn from_params(embed: Option<String>, plan: Option<String>, lang: Option<String>) -> Option<EmbedRequest> {
        let view = embed?.trim().to_string();
        if view.is_empty() {
            return None;
        }
        let plan = plan.map(|p| p.trim().to_string()).filter(|p| !p.is_empty());
        Some(EmbedRequest { view, plan, lang: lang_from_code(lang.as_deref().unwrap_or("")).unwrap_or(Lang::It) })
    }
}

/// `it` or `en` (any case); anything else is no language.
pub fn lang_from_code(code: &str) -> Option<Lang> {
    match code.trim().to_ascii_lowercase().as_str() {
        "it" => Some(Lang::It),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// The embed request of this page's address, if it has `?embed=`.
pub fn request() -> Option<EmbedRequest> {
    let search = gloo::utils::window().location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    EmbedRequest::from_params(params.get("embed"), params.get("plan"), params.get("lang"))
}

/// Encodes a query value. `/` is kept so that `cruscotto/CR_ISR` and
/// `fixtures/plan.json` stay readable in the snippet; it needs no escaping in a query.
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Escapes text for a double-quoted HTML attribute: a plan's name in the snippet's
/// `title` must not close the attribute or open a tag in the page it is pasted into.
pub fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// The address of an embedded view of the app at `app` (origin and path, no query).
pub fn embed_url(app: &str, view: &str, plan: Option<&str>, lang: Lang) -> String {
    let mut url = format!("{app}?embed={}", encode_query_value(view));
    if let Some(plan) = plan {
        url.push_str("&plan=");
        url.push_str(&encode_query_value(plan));
    }
    url.push_str("&lang=");
    url.push_str(lang.tag());
    url
}

/// The address of the full app on a plan, for the embed's "open in Semaforo" link.
pub fn app_url(app: &str, plan: Option<&str>) -> String {
    match plan {
        Some(plan) => format!("{app}?plan={}", encode_query_value(plan)),
        None => app.to_string(),
    }
}

/// The `<iframe>` element a body pastes into its page.
pub fn snippet(src: &str, title: &str, height: u32) -> String {
    format!(r#"<iframe src="{}" title="{}" width="100%" height="{height}" loading="lazy"></iframe>"#, escape_attribute(src), escape_attribute(title))
}

/// A first guess at the view's height in pixels, before its own message corrects it: a
/// header, then one table row per item.
pub fn estimated_height(rows: usize) -> u32 {
    (230 + 44 * rows as u32).clamp(260, 1600)
}

/// This page's address without query or fragment: where embedded views are served.
pub fn app_base() -> String {
    let location = gloo::utils::window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_else(|_| "/".into());
    format!("{origin}{path}")
}

/// Marks the document as an embedded view (for the CSS) and sets its language and title.
/// Nothing is stored: an embed must not change the language of the full app.
pub fn prepare_document(lang: Lang, title: &str) {
    let document = gloo::utils::document();
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.tag());
        let _ = root.class_list().add_1("embedded");
    }
    if !title.is_empty() {
        document.set_title(title);
    }
}

/// Posts `{type: "semaforo:height", height, view}` to the parent window, if framed.
/// `*` as target: the height of a public view is no secret, and the app cannot know
/// the host's origin; hosts check the message's source and origin (examples/embed/host.js).
pub fn post_height(height: u32, view: &str) {
    let window = gloo::utils::window();
    let Ok(Some(parent)) = window.parent() else { return };
    if js_sys::Object::is(&parent, &window) {
        return;
    }
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &JsValue::from(height));
    let _ = js_sys::Reflect::set(&message, &"view".into(), &view.into());
    let _ = parent.post_message(&message, "*");
}

/// Reports the element's height now and on every change of its size, until dropped.
pub struct HeightWatch {
    observer: Option<web_sys::ResizeObserver>,
    _callback: Closure<dyn FnMut(JsValue)>,
}

impl HeightWatch {
    pub fn new(element: web_sys::Element, view: String) -> HeightWatch {
        let target = element.clone();
        let mut last = 0u32;
        let callback = Closure::<dyn FnMut(JsValue)>::new(move |_entries: JsValue| {
            let height = target.get_bounding_client_rect().height().ceil().max(0.0) as u32;
            if height != last {
                last = height;
                post_height(height, &view);
            }
        });
        // ResizeObserver calls back once on observe, so the first height is sent too.
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
        if let Some(observer) = &observer {
            observer.observe(&element);
        }
        HeightWatch { observer, _callback: callback }
    }
}

impl Drop for HeightWatch {
    fn drop(&mut self) {
        if let Some(observer) = &self.observer {
            observer.disconnect();
        }
    }
}

/// Where the plan of a snippet comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum SnippetPlan {
    /// The built-in plan: no `plan=` in the snippet.
    BuiltIn,
    /// The plan the page fetched from `?plan=`: the same address works in the iframe.
    Address(String),
    /// A file the user opened: it has no address until the body publishes it next to
    /// the app; the snippet names it by its file name and the button says so.
    LocalFile(String),
}

/// Decides the snippet's plan from the app's current source and its `?plan=`.
pub fn snippet_plan(source: &str, plan_param: Option<&str>, built_in_name: &str) -> SnippetPlan {
    match plan_param {
        Some(param) if param == source => SnippetPlan::Address(param.to_string()),
        _ if source == built_in_name => SnippetPlan::BuiltIn,
        _ => SnippetPlan::LocalFile(source.to_string()),
    }
}

impl SnippetPlan {
    pub fn address(&self) -> Option<&str> {
        match self {
            SnippetPlan::BuiltIn => None,
            SnippetPlan::Address(a) | SnippetPlan::LocalFile(a) => Some(a),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_request() {
        let r = EmbedRequest::from_params(Some("cruscotto/CR_ISR".into()), Some(" fixtures/a.json ".into()), Some("EN".into()));
        assert_eq!(r, Some(EmbedRequest { view: "cruscotto/CR_ISR".into(), plan: Some("fixtures/a.json".into()), lang: Lang::En }));
        let r = EmbedRequest::from_params(Some("ENTE".into()), Some("".into()), Some("fr".into())).unwrap();
        assert_eq!((r.plan, r.lang), (None, Lang::It));
        assert_eq!(EmbedRequest::from_params(Some("  ".into()), None, None), None);
        assert_eq!(EmbedRequest::from_params(None, Some("x.json".into()), None), None);
    }

    #[test]
    fn the_snippet_escapes_names_and_encodes_the_address() {
        let src = embed_url("https://intra.example/semaforo/index.html", "OS_02.03", Some("piani/2024 & co.json"), Lang::It);
        assert_eq!(src, "https://intra.example/semaforo/index.html?embed=OS_02.03&plan=piani/2024%20%26%20co.json&lang=it");
        let html = snippet(&src, r#"Obiettivo "A" <script>alert(1)</script>"#, 300);
        assert_eq!(
            html,
            "<iframe src=\"https://intra.example/semaforo/index.html?embed=OS_02.03&amp;plan=piani/2024%20%26%20co.json&amp;lang=it\" \
             title=\"Obiettivo &quot;A&quot; &lt;script&gt;alert(1)&lt;/script&gt;\" width=\"100%\" height=\"300\" loading=\"lazy\"></iframe>"
        );
        assert_eq!(encode_query_value("unità/è"), "unit%C3%A0/%C3%A8");
        assert_eq!(app_url("a/index.html", Some("p q.json")), "a/index.html?plan=p%20q.json");
    }

    #[test]
    fn the_snippet_plan_follows_where_the_plan_came_from() {
        assert_eq!(snippet_plan("tno-2023.json", None, "tno-2023.json"), SnippetPlan::BuiltIn);
        assert_eq!(snippet_plan("fixtures/x.json", Some("fixtures/x.json"), "tno-2023.json"), SnippetPlan::Address("fixtures/x.json".into()));
        // A file opened after a ?plan= one: the address no longer describes what is shown.
        assert_eq!(snippet_plan("mine.json", Some("fixtures/x.json"), "tno-2023.json"), SnippetPlan::LocalFile("mine.json".into()));
        assert_eq!(estimated_height(0), 260);
        assert!(estimated_height(1000) <= 1600);
    }
}
