//! The exported functions as JavaScript sees them, in headless Chromium:
//! `cd bindings && CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown`.
//! What needs no browser is tested natively in `src/api.rs`; this checks the boundary:
//! plans as text or objects, decimals as strings, thrown errors with diagnostics.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Error, Reflect, JSON};
use semaforo_wasm::{evaluate, explain, format_percent, goal_seek, sensitivity, validate};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const TNO: &str = include_str!("../../tests/fixtures/tno-2023.json");

fn get(value: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(value.clone(), |v, key| match key.parse::<u32>() {
        Ok(i) => Reflect::get_u32(&v, i).unwrap(),
        Err(_) => Reflect::get(&v, &JsValue::from_str(key)).unwrap(),
    })
}

fn tno_object() -> JsValue {
    JSON::parse(TNO).unwrap()
}

#[wasm_bindgen_test]
fn a_plan_as_text_or_as_an_object_gives_the_same_exact_score() {
    for plan in [JsValue::from_str(TNO), tno_object()] {
        let evaluation = evaluate(plan, JsValue::UNDEFINED).unwrap();
        assert_eq!(get(&evaluation, &["nodes", "0", "id"]).as_string().as_deref(), Some("ENTE"));
        let score = get(&evaluation, &["nodes", "0", "score"]).as_string().expect("a decimal is a string");
        assert_eq!(format_percent(&score, None).unwrap(), "98,96 %");
        // Plain objects, not Maps.
        assert!(!get(&evaluation, &["nodes", "0"]).is_instance_of::<js_sys::Map>());
    }
}

#[wasm_bindgen_test]
fn an_invalid_plan_throws_an_error_with_every_diagnostic() {
    let plan = JsValue::from_str(r#"{"version": 1, "ente": {"code": "ENTE", "name": "E", "year": "soon"}}"#);
    let thrown = evaluate(plan.clone(), JsValue::UNDEFINED).unwrap_err();
    let error: &Error = thrown.dyn_ref().expect("an Error");
    assert_eq!(error.name(), "SemaforoError");
    let diagnostics: Array = get(&thrown, &["diagnostics"]).dyn_into().unwrap();
    assert_eq!(get(&diagnostics, &["0", "path"]).as_string().as_deref(), Some("ente.year"));
    assert_eq!(get(&diagnostics, &["0", "severity"]).as_string().as_deref(), Some("error"));
    // validate() returns the same list instead of throwing.
    let listed: Array = validate(plan).unwrap().dyn_into().unwrap();
    assert_eq!(get(&listed, &["0", "code"]).as_string(), get(&diagnostics, &["0", "code"]).as_string());
    let malformed: Array = validate(JsValue::from_str("{")).unwrap().dyn_into().unwrap();
    assert_eq!(get(&malformed, &["0", "code"]).as_string().as_deref(), Some("malformed-json"));
    let not_json: Array = validate(JsValue::UNDEFINED).unwrap().dyn_into().unwrap();
    assert_eq!(not_json.length(), 1);
}

#[wasm_bindgen_test]
fn a_scenario_object_is_applied_and_a_bad_edit_is_thrown() {
    let scenario = JSON::parse(r#"{"name": "s", "edits": [{"edit": "set_actual", "indicator": "DFP 1.3", "actual": null}]}"#).unwrap();
    let evaluation = evaluate(tno_object(), scenario).unwrap();
    let changes: Array = get(&evaluation, &["changes"]).dyn_into().unwrap();
    assert!(changes.length() > 0);
    let bad = JSON::parse(r#"{"name": "s", "edits": [{"edit": "exclude", "indicator": "NOPE", "reason": "r"}]}"#).unwrap();
    let thrown = evaluate(tno_object(), bad).unwrap_err();
    assert_eq!(get(&thrown, &["diagnostics", "0", "path"]).as_string().as_deref(), Some("edits[0].indicator"));
}

#[wasm_bindgen_test]
fn explain_goal_seek_sensitivity_and_bad_arguments() {
    let explained = explain(tno_object(), "ENTE", Some("en".into())).unwrap();
    assert_eq!(get(&explained, &["explanation", "rule"]).as_string().as_deref(), Some("weighted_mean"));
    assert!(get(&explained, &["text"]).as_string().unwrap().ends_with("98.96 %"));
    let thrown = explain(tno_object(), "ENTE", Some("fr".into())).unwrap_err();
    assert_eq!(get(&thrown, &["diagnostics", "0", "code"]).as_string().as_deref(), Some("bad-argument"));
    let seek = goal_seek(tno_object(), "DFP 1.3", "OS_01.01", "90", JsValue::from_str("actual")).unwrap();
    assert!(get(&seek, &["outcome"]).is_string());
    let thrown = goal_seek(tno_object(), "DFP 1.3", "OS_01.01", "90", JsValue::from_str("both")).unwrap_err();
    assert_eq!(get(&thrown, &["diagnostics", "0", "path"]).as_string().as_deref(), Some("unknown"));
    let list: Array = sensitivity(tno_object(), "OS_01.01").unwrap().dyn_into().unwrap();
    assert!(get(&list, &["0", "weight_in_node"]).is_string());
}
