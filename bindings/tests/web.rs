//! The exported functions as JavaScript sees them, in headless Chromium:
//! `cd bindings && CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown`.
//! What needs no browser is tested natively in `src/api.rs`; this checks the boundary:
//! plans as text or objects, decimals as strings, thrown errors with diagnostics.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Error, Reflect, JSON};
use semaforo_wasm::{audit, evaluate, explain, format_percent, goal_seek, sensitivity, validate};
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
        let evaluation = evaluate(plan, JsValue::UNDEFINED, None).unwrap();
        assert_eq!(get(&evaluation, &["nodes", "0", "id"]).as_string().as_deref(), Some("ENTE"));
        let score = get(&evaluation, &["nodes", "0", "score"]).as_string().expect("a decimal is a string");
        assert_eq!(format_percent(&score, None, None).unwrap(), "98,96 %");
        assert_eq!(format_percent(&score, None, Some("en".into())).unwrap(), "98.96 %");
        // Plain objects, not Maps.
        assert!(!get(&evaluation, &["nodes", "0"]).is_instance_of::<js_sys::Map>());
    }
}

#[wasm_bindgen_test]
fn an_invalid_plan_throws_an_error_with_every_diagnostic() {
    let plan = JsValue::from_str(r#"{"version": 1, "ente": {"code": "ENTE", "name": "E", "year": "soon"}}"#);
    let thrown = evaluate(plan.clone(), JsValue::UNDEFINED, None).unwrap_err();
    let error: &Error = thrown.dyn_ref().expect("an Error");
    assert_eq!(error.name(), "SemaforoError");
    let diagnostics: Array = get(&thrown, &["diagnostics"]).dyn_into().unwrap();
    assert_eq!(get(&diagnostics, &["0", "path"]).as_string().as_deref(), Some("ente.year"));
    assert_eq!(get(&diagnostics, &["0", "severity"]).as_string().as_deref(), Some("error"));
    // The code and its parameters for programs; the message, and the Error's, in Italian
    // unless the call asks for English.
    assert_eq!(get(&diagnostics, &["0", "params", "problem"]).as_string().as_deref(), Some("invalid_type"));
    assert_eq!(get(&diagnostics, &["0", "params", "text"]).as_string().as_deref(), Some("soon"));
    let message = get(&diagnostics, &["0", "message"]).as_string().unwrap();
    assert_eq!(message, "atteso un numero intero, trovato il testo “soon”");
    let first = String::from(error.message());
    assert!(first.starts_with("error[wrong-shape] ente.year: atteso un numero intero, trovato il testo “soon” (e un"), "{first}");
    let english = evaluate(plan.clone(), JsValue::UNDEFINED, Some("en".into())).unwrap_err();
    assert_eq!(get(&english, &["diagnostics", "0", "message"]).as_string().as_deref(), Some("expected a whole number, found the text “soon”"));
    // validate() returns the same list instead of throwing.
    let listed: Array = validate(plan.clone(), None).unwrap().dyn_into().unwrap();
    assert_eq!(get(&listed, &["0", "code"]).as_string(), get(&diagnostics, &["0", "code"]).as_string());
    assert_eq!(get(&listed, &["0", "message"]).as_string(), Some(message));
    let listed_en: Array = validate(plan.clone(), Some("en".into())).unwrap().dyn_into().unwrap();
    assert_eq!(get(&listed_en, &["0", "message"]).as_string().as_deref(), Some("expected a whole number, found the text “soon”"));
    let bad_lang: Array = validate(plan, Some("fr".into())).unwrap().dyn_into().unwrap();
    assert_eq!(get(&bad_lang, &["0", "path"]).as_string().as_deref(), Some("lang"));
    let malformed: Array = validate(JsValue::from_str("{"), None).unwrap().dyn_into().unwrap();
    assert_eq!(get(&malformed, &["0", "code"]).as_string().as_deref(), Some("malformed-json"));
    let not_json: Array = validate(JsValue::UNDEFINED, None).unwrap().dyn_into().unwrap();
    assert_eq!(not_json.length(), 1);
}

#[wasm_bindgen_test]
fn a_scenario_object_is_applied_and_a_bad_edit_is_thrown() {
    let scenario = JSON::parse(r#"{"name": "s", "edits": [{"edit": "set_actual", "indicator": "DFP 1.3", "actual": null}]}"#).unwrap();
    let evaluation = evaluate(tno_object(), scenario, None).unwrap();
    let changes: Array = get(&evaluation, &["changes"]).dyn_into().unwrap();
    assert!(changes.length() > 0);
    let bad = JSON::parse(r#"{"name": "s", "edits": [{"edit": "exclude", "indicator": "NOPE", "reason": "r"}]}"#).unwrap();
    let thrown = evaluate(tno_object(), bad, Some("en".into())).unwrap_err();
    assert_eq!(get(&thrown, &["diagnostics", "0", "path"]).as_string().as_deref(), Some("edits[0].indicator"));
    assert_eq!(get(&thrown, &["diagnostics", "0", "message"]).as_string().as_deref(), Some("the plan has no indicator `NOPE`: this edit is left out"));
}

#[wasm_bindgen_test]
fn explain_goal_seek_sensitivity_and_bad_arguments() {
    let explained = explain(tno_object(), "ENTE", Some("en".into())).unwrap();
    assert_eq!(get(&explained, &["explanation", "rule"]).as_string().as_deref(), Some("weighted_mean"));
    assert!(get(&explained, &["text"]).as_string().unwrap().ends_with("98.96 %"));
    let thrown = explain(tno_object(), "ENTE", Some("fr".into())).unwrap_err();
    assert_eq!(get(&thrown, &["diagnostics", "0", "code"]).as_string().as_deref(), Some("bad-argument"));
    let seek = goal_seek(tno_object(), "DFP 1.3", "OS_01.01", "90", JsValue::from_str("actual"), None).unwrap();
    assert!(get(&seek, &["outcome"]).is_string());
    let thrown = goal_seek(tno_object(), "DFP 1.3", "OS_01.01", "90", JsValue::from_str("both"), None).unwrap_err();
    assert_eq!(get(&thrown, &["diagnostics", "0", "path"]).as_string().as_deref(), Some("unknown"));
    assert_eq!(get(&thrown, &["diagnostics", "0", "message"]).as_string().as_deref(), Some("`unknown`: atteso uno tra `actual` e `target`"));
    let thrown = sensitivity(tno_object(), "NOPE", Some("en".into())).unwrap_err();
    assert_eq!(get(&thrown, &["diagnostics", "0", "message"]).as_string().as_deref(), Some("the plan has no node or indicator `NOPE`"));
    let list: Array = sensitivity(tno_object(), "OS_01.01", None).unwrap().dyn_into().unwrap();
    assert!(get(&list, &["0", "weight_in_node"]).is_string());
}

#[wasm_bindgen_test]
fn the_audit_returns_plain_objects_with_findings_located_and_their_texts_in_the_language_asked() {
    let result = audit(tno_object(), Some("en".into())).unwrap();
    let findings: Array = get(&result, &["findings"]).dyn_into().unwrap();
    assert!(findings.length() > 0);
    assert_eq!(get(&result, &["findings", "0", "severity"]).as_string().as_deref(), Some("error"));
    assert!(!get(&result, &["findings", "0"]).is_instance_of::<js_sys::Map>());
    let twice = findings.iter().find(|f| get(f, &["code"]).as_string().as_deref() == Some("code-defined-twice")).expect("OC_TBS_03 printed twice");
    assert_eq!(get(&twice, &["location", "line"]).as_f64(), Some(1229.0));
    assert!(get(&twice, &["message"]).as_string().unwrap().starts_with("code `OC_TBS_03` is printed here"));
    assert!(get(&result, &["csv"]).as_string().unwrap().starts_with("severity,code,"));
    let italian = audit(JsValue::from_str(TNO), None).unwrap();
    assert!(get(&italian, &["summary"]).as_string().unwrap().starts_with("1 errore"));
    let thrown = audit(JsValue::from_str("{"), None).unwrap_err();
    assert_eq!(get(&thrown, &["diagnostics", "0", "code"]).as_string().as_deref(), Some("malformed-json"));
}
