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
