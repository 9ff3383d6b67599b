//! No input, however malformed, panics the loader, the validator or the evaluator.
//!
//! Three kinds of input: arbitrary text, arbitrary JSON, and a valid plan with values
//! replaced at random places (the likeliest real mistakes: a wrong type, a negative or
//! huge number, a missing piece).

use proptest::prelude::*;
use semaforo_core::{check_plan, evaluate, load_plan};
use serde_json::Value;

const PLAN: &str = r#"{
  "version": 1,
  "ente": { "code": "ENTE", "name": "Ente di prova", "year": 2023, "objectives": [
    { "code": "AS_01", "level": "area", "name": "Area", "objectives": [
      { "code": "OS_01", "level": "strategic", "name": "OS", "weight": "60", "units": ["U1"],
        "budget": { "planned": "1000", "spent": "900.50" },
        "indicators": [
          { "code": "I1", "name": "a", "unit": "number", "weight": "50", "target": { "op": ">=", "value": "400" }, "actual": { "value": "242" } },
          { "code": "I2", "name": "b", "unit": "date", "weight": "30", "target": { "op": "by", "date": "2023-05-31" }, "actual": { "date": "2023-06-26" } },
          { "code": "I3", "name": "c", "unit": "percent", "weight": "20", "target": { "op": "<=", "value": "10" }, "actual": { "ratio": { "numerator": "3", "denominator": "7" } } }
        ],
        "objectives": [
          { "code": "OO_01", "level": "operational", "name": "OO", "weight": "100", "indicators": [
            { "code": "I4", "name": "d", "unit": "flag", "target": { "op": "=", "value": "1" }, "actual": { "flag": true } },
            { "code": "I5", "name": "e", "unit": "number", "target": { "op": ">", "value": "0" }, "actual": { "not_evaluable": { "reason": "esogena" } } }
          ] }
        ] },
      { "code": "OS_02", "level": "strategic", "name": "OS 2", "weight": "40", "indicators": [
          { "code": "I6", "name": "f", "unit": "days", "weight": "80", "target": { "op": "<", "value": "0" }, "actual": { "value": "-13.52" } }
      ], "shared_indicators": [ { "indicator": "L1", "weight": "20" } ] }
    ] }
  ] },
  "policy": { "tolerance": "90", "critical": "50", "at_most_missed": "ratio" },
  "units": [ { "code": "A1", "name": "Area 1", "kind": "area" }, { "code": "U1", "name": "Ufficio", "kind": "ufficio", "parent": "A1" } ],
  "indicators": [ { "code": "L1", "name": "library", "unit": "percent", "target": { "op": ">=", "value": "90" }, "actual": { "value": "81" } } ],
  "cruscotti": [ { "code": "C1", "name": "Cruscotto", "unit": "A1", "items": [
    { "weight": "40", "indicator": "I1" },
    { "weight": "10", "indicator": "L1" },
    { "weight": "30", "objective": "OO_01" },
    { "weight": "20", "group": { "code": "G", "name": "Gruppo", "items": [
      { "own": { "code": "X1", "name": "own", "unit": "number", "target": { "op": ">=", "value": "5" }, "actual": { "value": "4" } } }
    ] } }
  ] } ]
}"#;

/// Every place in a JSON value, as a list of steps.
fn places(value: &Value, here: Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(here.clone());
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let mut next = here.clone();
                next.push(k.clone());
                places(v, next, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let mut next = here.clone();
                next.push(i.to_string());
                places(v, next, out);
            }
        }
        _ => {}
    }
}

fn replace(value: &mut Value, place: &[String], with: Value) {
    let mut node = value;
    for step in place {
        node = match node {
            Value::Object(map) => map.get_mut(step).unwrap(),
            Value::Array(items) => &mut items[step.parse::<usize>().unwrap()],
            _ => unreachable!(),
        };
    }
    *node = with;
}

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        prop_oneof![
            Just("0".to_string()),
            Just("-1".to_string()),
            Just("79228162514264337593543950335".to_string()),
            Just("0.0000000000000000000000000001".to_string()),
            Just("2023-02-30".to_string()),
            Just("ENTE".to_string()),
            Just("I1".to_string()),
            Just(">=".to_string()),
            Just("by".to_string()),
            ".{0,12}",
        ]
        .prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::hash_map("[a-z_]{1,10}", inner, 0..4).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn exercise(text: &str) {
    let (plan, diagnostics) = check_plan(text);
    if let Some(plan) = plan {
        let evaluation = evaluate(&plan);
        for node in &evaluation.nodes {
            let _ = node.explanation.render(semaforo_core::Lang::It);
        }
        let _ = serde_json::to_string(&evaluation).unwrap();
        // The audit is total too, and every finding has its texts in both languages.
        let findings = semaforo_core::audit::audit(&plan, &evaluation);
        for lang in [semaforo_core::Lang::It, semaforo_core::Lang::En] {
            for finding in &findings {
                assert!(!finding.message(lang).contains('{'), "{finding:?}");
            }
            let _ = semaforo_core::audit::csv(&findings, lang);
        }
    }
    // Every diagnostic of any input has its message in both languages: no parameter
    // its text needs is missing.
    for d in diagnostics {
        for lang in [semaforo_core::Lang::It, semaforo_core::Lang::En] {
            let message = d.try_message(lang).unwrap_or_else(|missing| panic!("{missing}: {d:?}"));
            assert!(!message.is_empty());
        }
    }
}

#[test]
fn the_sample_plan_is_valid() {
    let plan = load_plan(PLAN).expect("valid");
    let evaluation = evaluate(&plan);
    assert!(evaluation.node("ENTE").unwrap().score.is_some());
    assert!(evaluation.node("cruscotto/C1").unwrap().score.is_some());
    assert!(evaluation.node("unit/A1").unwrap().score.is_some());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,200}") {
        exercise(&text);
    }

    #[test]
    fn arbitrary_json_never_panics(value in arbitrary_json()) {
        exercise(&value.to_string());
    }

    #[test]
    fn a_plan_with_values_replaced_never_panics(
        choices in prop::collection::vec((any::<prop::sample::Index>(), arbitrary_json()), 1..4)
    ) {
        let mut value: Value = serde_json::from_str(PLAN).unwrap();
        for (index, with) in choices {
            let mut all = Vec::new();
            places(&value, Vec::new(), &mut all);
            let place = index.get(&all).clone();
            if place.is_empty() { continue; }
            replace(&mut value, &place, with);
        }
        exercise(&value.to_string());
    }

    #[test]
    fn a_truncated_plan_never_panics(cut in 0usize..PLAN.len()) {
        exercise(&PLAN[..cut]);
    }
}
