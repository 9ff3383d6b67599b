//! Invariants checked on every fixture: it loads without errors, writing and reading it
//! back changes nothing, and evaluation is deterministic.

use semaforo_core::{evaluate, load_plan};
use semaforo_tests::{fixture_names, fixture_text, load};

#[test]
fn every_fixture_round_trips_exactly() {
    for name in fixture_names() {
        let (plan, evaluation) = load(&name);
        let written = serde_json::to_string_pretty(&plan).unwrap();
        let reread = load_plan(&written).unwrap_or_else(|d| panic!("{name} re-read: {d:?}"));
        assert_eq!(plan, reread, "{name}: a round trip changed the plan");
        assert_eq!(evaluate(&reread), evaluation, "{name}: a round trip changed the scores");
    }
}

#[test]
fn evaluation_is_deterministic_and_serialisable() {
    for name in fixture_names() {
        let (plan, first) = load(&name);
        let second = evaluate(&plan);
        assert_eq!(first, second, "{name}");
        let a = serde_json::to_string(&first).unwrap();
        let b = serde_json::to_string(&second).unwrap();
        assert_eq!(a, b, "{name}");
    }
}

#[test]
fn every_fixture_has_sources_for_its_values() {
    for name in fixture_names() {
        let text = fixture_text(&name);
        let (plan, _) = load(&name);
        assert!(!plan.sources.is_empty(), "{name}: no source documents");
        assert!(text.contains("\"source\""), "{name}: no value says where it comes from");
    }
}

/// Every decimal field the schema allows as a number, written as a JSON number.
const DECIMAL_FIELDS: [&str; 10] =
    ["weight", "value", "numerator", "denominator", "score", "tolerance", "critical", "late_penalty_per_day", "planned", "spent"];

/// The plan with every decimal string of `DECIMAL_FIELDS` turned into a JSON number of
/// the same text (`"weight": "16.70"` becomes `"weight": 16.70`), as programs and people
/// writing JSON by hand write them.
fn with_json_numbers(value: &mut serde_json::Value) -> usize {
    use serde_json::Value;
    match value {
        Value::Object(map) => map
            .iter_mut()
            .map(|(key, field)| match field {
                Value::String(text) if DECIMAL_FIELDS.contains(&key.as_str()) => {
                    // With serde_json's arbitrary_precision the number keeps this text.
                    *field = serde_json::from_str::<Value>(text).expect("a decimal is a JSON number");
                    1
                }
                other => with_json_numbers(other),
            })
            .sum(),
        Value::Array(items) => items.iter_mut().map(with_json_numbers).sum(),
        _ => 0,
    }
}

#[test]
fn every_fixture_reads_the_same_with_json_numbers_at_every_decimal_field() {
    for name in fixture_names() {
        let (plan, evaluation) = load(&name);
        let mut tree: serde_json::Value = serde_json::from_str(&fixture_text(&name)).unwrap();
        let converted = with_json_numbers(&mut tree);
        assert!(converted > 0, "{name}: no decimal field found");
        let text = serde_json::to_string(&tree).unwrap();
        assert!(!text.contains(r#""weight":""#), "{name}: a weight is still a string");
        let reread = load_plan(&text).unwrap_or_else(|d| panic!("{name} with numbers: {d:?}"));
        assert_eq!(plan, reread, "{name}: numbers read differently from strings");
        assert_eq!(evaluate(&reread), evaluation, "{name}");
    }
}
