//! The page in headless Chromium, driven as a user drives it, with the render counts of
//! `render_count` (debug builds only): an edit of one indicator draws again only what
//! shows a changed value (its tree row and its ancestors' rows, the ente's gauge, the
//! changed bars of the charts) and no other row, bar or section.
//!
//! From `web/`: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --lib`
//! (the binary's native `#[test]`s are compiled there too, and not run: `cargo test` runs them).
//! The expected rows and bars are not written here: they are the ids whose score the core
//! says changed (`scenario::compare` of the evaluations before and after the same edit).

use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;

use semaforo_core::plan::Target;
use semaforo_core::scenario::{apply, compare, Edit};
use semaforo_core::{evaluate, format, load_plan, Decimal, Evaluation, NodeKind};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const TNO: &str = include_str!("../../tests/fixtures/tno-2023.json");
const EDITED: &str = "OC_TD_01";

fn document() -> web_sys::Document {
    gloo::utils::document()
}

fn find(selector: &str) -> Option<Element> {
    document().query_selector(selector).ok().flatten()
}

fn get(selector: &str) -> Element {
    find(selector).unwrap_or_else(|| panic!("no {selector} on the page"))
}

fn click(selector: &str) {
    get(selector).dyn_into::<HtmlElement>().unwrap().click();
}

/// Dispatches a bubbling event of `kind` on the element, as the browser does for a user.
fn fire(element: &Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
    element.dispatch_event(&event).unwrap();
}

/// Types `value` into an input and fires `kind` (`input` as a keystroke, `change` as Enter).
fn type_into(selector: &str, value: &str, kind: &str) {
    let input: HtmlInputElement = get(selector).dyn_into().unwrap();
    input.set_value(value);
    fire(&input, kind);
}

async fn pause(ms: u32) {
    gloo::timers::future::TimeoutFuture::new(ms).await;
}

/// Waits (up to 10 s) until `ready` holds, then a little more, so that every render it
/// caused (and the effects after it) is done and counted.
async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..500 {
        if ready() {
            pause(150).await;
            return;
        }
        pause(20).await;
    }
    panic!("timed out waiting for {what}");
}

fn text(selector: &str) -> String {
    find(selector).and_then(|e| e.text_content()).unwrap_or_default()
}

/// The tree's visible rows: each one's key and markup.
fn visible_rows() -> BTreeMap<String, String> {
    let list = document().query_selector_all("li[role=treeitem]").unwrap();
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).filter_map(|e| Some((e.get_attribute("data-key")?, e.outer_html()))).collect()
}

/// The rows whose markup differs between two readings of the tree.
fn differing(before: &BTreeMap<String, String>, after: &BTreeMap<String, String>) -> Vec<String> {
    after.iter().filter(|(key, html)| before.get(*key) != Some(html)).map(|(key, _)| key.clone()).collect()
}

/// The instances of `component` drawn since the last `take`, with how many times.
fn drawn(counts: &BTreeMap<(&'static str, String), u32>, component: &str) -> BTreeMap<String, u32> {
    counts.iter().filter(|((name, _), _)| *name == component).map(|((_, key), n)| (key.clone(), *n)).collect()
}

fn once(keys: impl IntoIterator<Item = String>) -> BTreeMap<String, u32> {
    keys.into_iter().map(|k| (k, 1)).collect()
}

/// Opens the plan as a user does: a file given to the opener's file input.
fn open_plan_file() {
    let file = web_sys::File::new_with_str_sequence(&js_sys::Array::of1(&TNO.into()), "tno-2023.json").unwrap();
    let transfer = web_sys::DataTransfer::new().unwrap();
    transfer.items().add_with_file(&file).unwrap();
    let input: HtmlInputElement = get("[data-testid=file-input]").dyn_into().unwrap();
    input.set_files(transfer.files().as_ref());
    fire(&input, "change");
}

/// The ids whose score the edit changes, by the core.
fn changed_by(edit: &Edit) -> (Evaluation, Evaluation, BTreeSet<String>) {
    let plan = load_plan(TNO).unwrap();
    let before = evaluate(&plan);
    let after = evaluate(&apply(&plan, std::slice::from_ref(edit)).0);
    let changed = compare(&before, &after).into_iter().map(|c| c.id).collect();
    (before, after, changed)
}

#[wasm_bindgen_test]
async fn an_edit_of_one_indicator_redraws_only_what_shows_changed_values() {
    let _ = web_sys::window().unwrap().local_storage().unwrap().unwrap().clear();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let _app = yew::Renderer::<crate::app::App>::with_root(root).render();

    // The built-in plan is not served here: the page says so, and a file opens one.
    until("the opener", || find("[data-testid=file-input]").is_some()).await;
    open_plan_file();
    until("the plan and its what-if section", || text("[data-testid=ente-score]") == "98,96 %" && find("[data-testid=whatif-ente]").is_some()).await;

    // The indicator found with the finder, which opens the tree down to it; the filter
    // cleared again, so that the finder lists nothing.
    type_into("#f-query", EDITED, "input");
    until("the finder's result", || find("[data-testid=results] button").is_some()).await;
    click("[data-testid=results] button");
    until("its edit form", || find("#edit-target-OC-TD-01").is_some()).await;
    click(".finder .filters > button");
    until("the filter cleared", || find("[data-testid=results]").is_none()).await;
    let row = format!("OS_02.03>{EDITED}");
    assert!(visible_rows().contains_key(&row), "{:?}", visible_rows().keys());

    // Another row clicked: the rows whose selection or roving focus changed (the one
    // selected before, the one clicked, the one that was in the tab order), no other.
    let shown = visible_rows();
    crate::render_count::take();
    click("li[data-key='OS_02.03>OC_TD_02']");
    until("the other indicator selected", || text("[data-testid=detail] .kicker").contains("OC_TD_02")).await;
    let counts = crate::render_count::take();
    let moved = differing(&shown, &visible_rows());
    assert!(moved.contains(&row) && moved.iter().any(|k| k == "OS_02.03>OC_TD_02"), "{moved:?}");
    assert_eq!(drawn(&counts, "TreeRow"), once(moved), "{counts:?}");
    for unmoved in ["Gauge", "Bar", "ScoreBars", "VerdictChart", "Resources", "Finder", "Opener", "Importer", "Diagnostics", "CopySnippet"] {
        assert!(drawn(&counts, unmoved).is_empty(), "{unmoved} drawn on a selection: {counts:?}");
    }
    click(&format!("li[data-key='{row}']"));
    until("the edited indicator selected again", || find("#edit-target-OC-TD-01").is_some()).await;

    // The edit.
    let edit = Edit::SetTarget { indicator: EDITED.into(), target: Target::AtLeast { value: Decimal::from_str("300").unwrap() } };
    let (before, after, changed) = changed_by(&edit);
    let ente = format::percent(after.node("ENTE").and_then(|n| n.score).unwrap(), 2);
    assert_eq!(ente, "99,24 %");
    let rows = visible_rows();
    crate::render_count::take();
    type_into("#edit-target-OC-TD-01", "300", "change");
    until("the new ente score", || text("[data-testid=ente-score]") == ente).await;
    let counts = crate::render_count::take();

    // The tree: the rows whose score changed (the indicator and every node above it),
    // each drawn once, and no other visible row.
    let id_of = |key: &str| key.rsplit('>').next().unwrap_or(key).to_string();
    let expected_rows: Vec<String> = rows.keys().filter(|k| changed.contains(&id_of(k))).cloned().collect();
    for must in ["ENTE", "AS_02", "OS_02.03", row.as_str()] {
        assert!(expected_rows.iter().any(|k| k == must), "{must} should have changed: {changed:?}");
    }
    assert!(rows.len() > expected_rows.len() + 10, "too few rows to tell: {rows:?}");
    let redrawn = differing(&rows, &visible_rows());
    assert!(redrawn.iter().all(|k| expected_rows.contains(k)), "{redrawn:?} beyond {expected_rows:?}");
    assert_eq!(drawn(&counts, "TreeRow"), once(expected_rows), "{counts:?}");
    assert_eq!(drawn(&counts, "Tree"), once([String::new()]));

    // The charts: the ente's gauge, and the bars whose node's score changed (ambiti,
    // strategic objectives, units, cruscotti), each once; the verdicts' chart only if the
    // indicator's verdict changed.
    assert_eq!(drawn(&counts, "Gauge"), once([String::new()]));
    let charted = [NodeKind::Area, NodeKind::Strategic, NodeKind::Unit, NodeKind::Cruscotto];
    let expected_bars = after.nodes.iter().filter(|n| charted.contains(&n.kind) && changed.contains(&*n.id)).map(|n| n.id.to_string());
    assert_eq!(drawn(&counts, "Bar"), once(expected_bars), "{counts:?}");
    let verdict = |e: &Evaluation| e.indicator(EDITED).and_then(|i| i.verdict);
    assert_eq!(drawn(&counts, "VerdictChart").len(), usize::from(verdict(&before) != verdict(&after)));

    // What shows no value of the edited indicator or its nodes is not drawn again.
    for unmoved in ["Finder", "Opener", "Importer", "Diagnostics", "CopySnippet"] {
        assert!(drawn(&counts, unmoved).is_empty(), "{unmoved} drawn on an edit: {counts:?}");
    }
}
